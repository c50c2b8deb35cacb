/**
 * @module protocol/caller
 * Which AWS protocol a request speaks, told from its headers and URL alone (so that even an error
 * raised before the body is read, such as a body too large, reaches the caller in a form its SDK
 * parses):
 *
 *   X-Amz-Target header                        → json (JSON 1.0/1.1)
 *   signed for s3, or with S3's SigV2           → rest-xml (S3)
 *   form POST, or GET with ?Action=             → query (ec2 when signed for ec2)
 *   signed for any other service, any request  → json (REST-JSON clients read JSON errors too)
 *   none of these                               → not an AWS API call
 *
 * An unsigned request that names a bucket (anonymousS3Caller) is S3's too, but only once no route
 * of the edge took it, and only when signatures are required: it is then the anonymous principal.
 */
import type { IncomingMessage } from 'node:http';
import type { Protocol } from './codecs.ts';
import { header } from './http.ts';
import { credentialScope, type CredentialScope } from './sigv4.ts';

export interface Caller {
  protocol?: Protocol;
  scope?: CredentialScope;
  target?: string;
}

export function callerOf(req: IncomingMessage, url: URL): Caller {
  // A URL's searchParams is built on first use: a request with no query need not build it.
  const query = url.search === '' ? undefined : url.searchParams;
  const scope = credentialScope(header(req, 'authorization'), query?.get('X-Amz-Credential'));
  const target = header(req, 'x-amz-target');
  if (target !== undefined) return { protocol: 'json', scope, target };
  if (scope?.service === 's3' || signedV2(req, query)) return { protocol: 'rest-xml', scope };
  const form = req.method === 'POST' && (header(req, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded');
  if (form || (req.method === 'GET' && query?.has('Action'))) return { protocol: scope?.service === 'ec2' ? 'ec2' : 'query', scope };
  if (scope) return { protocol: 'json', scope };
  return {};
}

/**
 * S3 is the one service still taking SigV2: `Authorization: AWS <key>:<signature>`, or a URL
 * presigned with AWSAccessKeyId, Signature and Expires (the aws CLI v1's `s3 presign` in us-east-1).
 */
function signedV2(req: IncomingMessage, query: URLSearchParams | undefined): boolean {
  return /^AWS [^:\s]+:/.test(header(req, 'authorization') ?? '') || (query?.has('AWSAccessKeyId') === true && query.has('Signature'));
}

/** A bucket's name as S3 takes it in a path: 3 to 63 lower-case letters, digits, dots and hyphens. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The bucket a virtual-hosted Host names (`<bucket>.localhost`, `<bucket>.s3.localhost`), if any. */
export function virtualBucket(host: string | undefined): string | undefined {
  const name = host?.replace(/:\d+$/, '').toLowerCase() ?? '';
  return name.endsWith('.localhost') && name !== 's3.localhost' ? name.slice(0, -'.localhost'.length).replace(/\.s3$/, '') : undefined;
}

/**
 * S3's caller for a request callerOf did not place that names a bucket, path-style or
 * virtual-hosted: S3 serves it to the anonymous principal (or refuses its broken signature, in
 * S3's words); undefined otherwise.
 */
export function anonymousS3Caller(req: IncomingMessage, url: URL): Caller | undefined {
  const bucket = virtualBucket(header(req, 'host')) ?? url.pathname.split('/')[1];
  return BUCKET.test(bucket) ? { protocol: 'rest-xml' } : undefined;
}
