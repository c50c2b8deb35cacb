/**
 * @module protocol/sigv4
 * Reads the SigV4 credential scope a client signed with, from the Authorization header or a
 * presigned URL's X-Amz-Credential: it tells the region (and access key) a request is for, and
 * the service the client meant to call. Signatures are verified (when required) by the edge's
 * verifier, src/server/auth/, once the seam knows the service and the payload.
 */
export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

const credentialPattern = /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/;

export function credentialScope(authorization: string | undefined, queryCredential?: string | null): CredentialScope | undefined {
  const source = authorization ?? (queryCredential ? `Credential=${queryCredential}` : undefined);
  const match = source?.match(credentialPattern);
  if (!match) return undefined;
  return { accessKeyId: match[1], date: match[2], region: match[3], service: match[4] };
}
