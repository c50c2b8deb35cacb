/**
 * @module services/s3/bucket-policy
 * A bucket's policy: checked with IAM's policy grammar when it is put, refused in S3's words
 * (MalformedPolicy) as S3 refuses it, and what authorizing a request on the bucket or one of its
 * objects weighs (the policy, and the bucket's tags for requests on the bucket itself).
 */
import { parseArn } from '../../core/ids.ts';
import { type ResourceFacts, tagMap } from '../authorization.ts';
import { parsePolicy, PolicyGrammarError, type Policy } from '../iam/index.ts';
import type { S3Context } from './context.ts';
import { s3Error } from './errors.ts';

/** Throws MalformedPolicy unless `text` is a resource policy on `bucket` and its objects, of S3 actions only. */
export function checkBucketPolicy(bucket: string, text: string): void {
  if (!text.trimStart().startsWith('{')) throw s3Error.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
  let policy: Policy;
  try {
    policy = parsePolicy(text, 'resource');
  } catch (err) {
    if (!(err instanceof PolicyGrammarError)) throw err;
    if (err.message === 'Syntax errors in policy.')
      throw s3Error.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
    throw s3Error.malformedPolicy(err.message);
  }
  for (const s of policy.statements) {
    if ([...(s.action ?? []), ...(s.notAction ?? [])].some((a) => a !== '*' && !/^s3:/i.test(a)))
      throw s3Error.malformedPolicy('Policy has invalid action');
    const resources = [...(s.resource ?? []), ...(s.notResource ?? [])];
    if (!resources.length) throw s3Error.malformedPolicy('Missing required field Resource');
    if (!resources.every((r) => ofBucket(bucket, r))) throw s3Error.malformedPolicy('Policy has invalid resource');
  }
}

/**
 * Whether a policy's resource is the bucket or under it (`arn:aws:s3:::<bucket>`, `…/<key pattern>`):
 * wildcards may stand in the key only, since one in the bucket's name (`arn:aws:s3:::*`) reaches
 * other buckets too.
 */
function ofBucket(bucket: string, resource: string): boolean {
  const m = /^arn:aws:s3:::([^/]*)(\/.*)?$/.exec(resource);
  return m?.[1] === bucket;
}

/** The policy of the bucket an S3 ARN names (bucket or object), and the bucket's tags when the ARN is the bucket's. */
export function bucketFacts(s3: S3Context, arn: string): ResourceFacts | undefined {
  const parsed = parseArn(arn);
  if (parsed?.service !== 's3') return undefined;
  const [name, ...key] = parsed.resource.split('/');
  const bucket = s3.model.buckets.get(name);
  if (!bucket) return undefined;
  return { policy: bucket.policy, tags: key.length ? undefined : tagMap(bucket.tags) };
}

/** Whether a policy grants anyone at all (GetBucketPolicyStatus): an Allow to `*` with no condition. */
export function grantsPublicAccess(text: string): boolean {
  const { statements } = parsePolicy(text, 'resource');
  return statements.some((s) => s.effect === 'Allow' && !s.condition && (s.principal === '*' || s.principal?.AWS?.includes('*') === true));
}
