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
