/**
 * @module server/auth/endpoints
 * Slipway's own endpoints that require a signature when signatures are required (Route.access):
 * the caller signs its GET with SigV4 as for any AWS API (any service name in the scope; `slipway
 * logs` and `slipway pipeline follow` do, see sign.ts), or carries the console's session, and its
 * policies must allow the endpoint's action. These endpoints take no body: the empty payload's
 * hash is what is signed.
 */
import type { IncomingMessage } from 'node:http';
import { AwsError } from '../../core/errors.ts';
import { overTls } from '../../protocol/http.ts';
import { credentialScope } from '../../protocol/sigv4.ts';
import type { RequestAuth } from '../../protocol/types.ts';
import type { AppContext } from '../../services/types.ts';
import { EMPTY_SHA256 } from './sigv4.ts';

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
      payloadHash: EMPTY_SHA256,
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
