/**
 * @module server/auth/sign
 * Signing, for Slipway's own clients: `slipway logs` and `slipway pipeline follow` sign their GETs
 * to the edge's endpoints that require a signature (edge.ts), with the canonical request and key
 * the verifier uses (sigv4.ts), so the two cannot disagree.
 */
import { ALGORITHM, EMPTY_SHA256, signatureOf } from './sigv4.ts';

export interface SigningKey {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The headers that sign a bodiless `method` request to `url` with `key`, for `service` in `region`. */
export function signedHeaders(
  method: string,
  url: URL,
  key: SigningKey,
  scope: { region: string; service: string },
  now = Date.now(),
): Record<string, string> {
  const amzDate = new Date(now).toISOString().replace(/[-:]|\.\d{3}/g, '');
  const headers: Record<string, string> = { host: url.host, 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': amzDate };
  if (key.sessionToken) headers['x-amz-security-token'] = key.sessionToken;
  const names = Object.keys(headers).sort();
  const claim = { ...scope, date: amzDate.slice(0, 8), amzDate, signedHeaders: names };
  const signature = signatureOf({ method, url, headers, payloadHash: EMPTY_SHA256, protocol: 'json' }, claim, key.secretAccessKey);
  const credential = `${key.accessKeyId}/${claim.date}/${scope.region}/${scope.service}/aws4_request`;
  // fetch sends the URL's own Host.
  const { host: _, ...sent } = headers;
  return {
    ...sent,
    authorization: `${ALGORITHM} Credential=${credential}, SignedHeaders=${names.join(';')}, Signature=${signature?.toString('hex')}`,
  };
}
