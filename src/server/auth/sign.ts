/**
 * @module server/auth/sign
 * Signing, for Slipway's own clients: `slipway logs`, `slipway pipeline follow` and `slipway git pr`
 * sign their requests to the edge's endpoints that require a signature (edge.ts), body included
 * (x-amz-content-sha256 is its SHA-256), with the canonical request and key the verifier uses
 * (sigv4.ts), so the two cannot disagree.
 */
import { ALGORITHM, signatureOf, sha256Hex } from './sigv4.ts';

export interface SigningKey {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The headers that sign a `method` request to `url` carrying `body` with `key`, for `service` in `region`. */
export function signedHeaders(
  method: string,
  url: URL,
  key: SigningKey,
  scope: { region: string; service: string },
  body: string | Buffer = '',
  now = Date.now(),
): Record<string, string> {
  const amzDate = new Date(now).toISOString().replace(/[-:]|\.\d{3}/g, '');
  const payloadHash = sha256Hex(body);
  const headers: Record<string, string> = { host: url.host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate };
  if (key.sessionToken) headers['x-amz-security-token'] = key.sessionToken;
  const names = Object.keys(headers).sort();
  const claim = { ...scope, date: amzDate.slice(0, 8), amzDate, signedHeaders: names };
  const signature = signatureOf({ method, url, headers, payloadHash, protocol: 'json' }, claim, key.secretAccessKey);
  const credential = `${key.accessKeyId}/${claim.date}/${scope.region}/${scope.service}/aws4_request`;
  // fetch sends the URL's own Host.
  const { host: _, ...sent } = headers;
  return {
    ...sent,
    authorization: `${ALGORITHM} Credential=${credential}, SignedHeaders=${names.join(';')}, Signature=${signature?.toString('hex')}`,
  };
}
