/**
 * @module server/auth/endpoints
 * Slipway's own endpoints that require a signature when signatures are required (Route.access):
 * the caller signs its request with SigV4 as for any AWS API (any service name in the scope; the
 * `slipway` commands do, see sign.ts), or carries the console's session, and its policies must allow
 * the endpoint's action. The signature covers the body as the API seam's does: the edge reads a
 * signed request's body before its endpoint runs (signedBody), refuses one that is not what
 * x-amz-content-sha256 says, and the signature is checked over the body's own hash.
 */
import { IncomingMessage } from 'node:http';
import { AwsError } from '../../core/errors.ts';
import { MAX_API_BODY, overTls, readBody } from '../../protocol/http.ts';
import { credentialScope } from '../../protocol/sigv4.ts';
import type { RequestAuth } from '../../protocol/types.ts';
import type { AppContext } from '../../services/types.ts';
import { EMPTY_SHA256, sha256Hex } from './sigv4.ts';

/** The SHA-256 of the body of each signed request signedBody read: what its signature is checked over. */
const bodyHashes = new WeakMap<IncomingMessage, string>();

/** Whether a request to an endpoint carries a SigV4 signature (header or query), which covers its body. */
export function signedWithSigV4(req: IncomingMessage, url: URL): boolean {
  return /^AWS4-HMAC-SHA256 /.test(req.headers.authorization ?? '') || url.searchParams.has('X-Amz-Signature');
}

/**
 * Reads a signed request's body and refuses, in AWS's words, one that does not hash to the
 * x-amz-content-sha256 it was sent with (UNSIGNED-PAYLOAD included: nothing here goes unsigned);
 * returns the request again, the body held for its endpoint to read. A request without a body
 * (a GET, which may follow a stream until its caller goes) is returned itself, unread.
 */
export async function signedBody(req: IncomingMessage): Promise<IncomingMessage> {
  const bodiless = req.headers['transfer-encoding'] === undefined && Number(req.headers['content-length'] ?? 0) === 0;
  const body = bodiless ? Buffer.alloc(0) : await readBody(req, MAX_API_BODY);
  const sha256 = sha256Hex(body);
  const claimed = req.headers['x-amz-content-sha256'];
  if (claimed !== undefined && claimed !== sha256)
    throw new AwsError('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
  if (bodiless) return req;
  const again = new IncomingMessage(req.socket);
  Object.assign(again, {
    method: req.method,
    url: req.url,
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    httpVersion: req.httpVersion,
    complete: true,
  });
  again.push(body);
  again.push(null);
  bodyHashes.set(again, sha256);
  return again;
}

export type EdgeAuth = RequestAuth & Pick<NonNullable<AppContext['identity']>, 'denial'>;

/** Why the caller may not perform `action` on `resource` here (AWS's code and words), or undefined when it may. */
export function endpointRefusal(
  auth: EdgeAuth,
  req: IncomingMessage,
  url: URL,
  action: string,
  defaultRegion: string,
  resource = '*',
): { status: number; code: string; message: string } | undefined {
  const scope = credentialScope(req.headers.authorization, url.searchParams.get('X-Amz-Credential'));
  let accessKeyId: string | undefined;
  try {
    accessKeyId = auth.authenticate(undefined, {
      method: req.method ?? 'GET',
      url,
      headers: req.headers,
      payloadHash: bodyHashes.get(req) ?? EMPTY_SHA256,
      protocol: 'json',
      sourceIp: req.socket.remoteAddress,
      secure: overTls(req),
      region: scope?.region ?? defaultRegion,
    }).accessKeyId;
  } catch (err) {
    if (err instanceof AwsError) return { status: err.status, code: err.code, message: err.message };
    throw err;
  }
  const denial = accessKeyId === undefined ? 'Missing Authentication Token' : auth.denial(accessKeyId, action, resource, overTls(req));
  return denial === undefined ? undefined : { status: 403, code: 'AccessDeniedException', message: denial };
}
