/**
 * @module core/delivery
 * The payload of a webhook delivery, as git providers send it: a JSON body, or (GitHub's default
 * for a repository's webhook) a form whose `payload` field is the JSON.
 */

/** The delivery's payload; throws SyntaxError when the body is neither JSON nor a form carrying it. */
export function deliveryPayload(contentType: string | undefined, body: Buffer): unknown {
  const text = body.toString('utf8');
  if (/^application\/x-www-form-urlencoded/i.test(contentType ?? '')) {
    const form = new URLSearchParams(text).get('payload');
    if (form === null) throw new SyntaxError('the form has no payload field');
    return JSON.parse(form);
  }
  return JSON.parse(text);
}
