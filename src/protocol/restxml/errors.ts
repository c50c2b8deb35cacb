/**
 * @module protocol/restxml/errors
 * Errors for REST-XML callers (S3), in S3's shape, which the SDKs' REST-XML parsers read for every
 * REST-XML service, with the fields an error carries (BucketName, Key, …) as elements:
 *
 *   <Error><Code/><Message/>[<BucketName/>…]<RequestId/></Error>
 *
 * A 304 (NotModified) has no body, as HTTP wants.
 */
import type { ErrorCodec } from '../codecs.ts';
import { xmlEscape } from '../query/serializer.ts';

export const restXmlErrorCodec: ErrorCodec = {
  encodeError: (_model, err, requestId) => {
    const headers = { 'content-type': 'application/xml', 'x-amz-request-id': requestId };
    if (err.status === 304) return { status: 304, headers: { 'x-amz-request-id': requestId }, body: '' };
    const fields = Object.entries(err.fields ?? {})
      .filter(([name, value]) => /^[A-Z]\w*$/.test(name) && value !== undefined)
      .map(([name, value]) => `<${name}>${xmlEscape(String(value))}</${name}>`)
      .join('');
    return {
      status: err.status,
      headers,
      body:
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${xmlEscape(err.code)}</Code><Message>${xmlEscape(err.message)}</Message>` +
        `${fields}<RequestId>${xmlEscape(requestId)}</RequestId></Error>`,
    };
  },
};
