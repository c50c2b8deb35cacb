/**
 * @module services/s3/api-buckets
 * CreateBucket, DeleteBucket, HeadBucket, ListBuckets, GetBucketLocation, versioning, and the
 * bucket's tag set and policy (checked in bucket-policy.ts, enforced by the edge's authorization).
 */
import { s3Arn } from '../../core/ids.ts';
import { paginate } from '../../core/paging.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { checkBucketName, ownerOf, requireBucket } from './api-common.ts';
import { checkTagSet } from './api-tagging.ts';
import { checkBucketPolicy, grantsPublicAccess } from './bucket-policy.ts';
import type { S3Context } from './context.ts';
import { s3Error } from './errors.ts';
import type { BucketRecord } from './model.ts';
import type { S3Operations } from './shapes.ts';

export function bucketHandlers(s3: S3Context): Handlers<S3Operations> {
  const m = s3.model;
  const change = (name: string, mutate: (b: BucketRecord) => void) => {
    m.tx(() => {
      const bucket = requireBucket(s3, name);
      mutate(bucket);
      m.putBucket(bucket);
    });
    return {};
  };

  return {
    CreateBucket(input, ctx) {
      checkBucketName(input.Bucket);
      const constraint: string = input.CreateBucketConfiguration?.LocationConstraint ?? '';
      // us-east-1 takes no constraint (naming it is refused); every other region must be named.
      if (ctx.region === 'us-east-1' && constraint === 'us-east-1') throw s3Error.invalidLocation(constraint);
      if (constraint !== (ctx.region === 'us-east-1' ? '' : ctx.region)) throw s3Error.illegalLocation(constraint, ctx.region);
      const tags = input.CreateBucketConfiguration?.Tags;
      if (tags) checkTagSet(tags);
      m.tx(() => {
        const existing = m.bucket(input.Bucket);
        // us-east-1 answers a second create by the owner with 200, for legacy compatibility.
        if (existing && !(existing.region === 'us-east-1' && ctx.region === 'us-east-1')) throw s3Error.ownedByYou(input.Bucket);
        if (!existing)
          m.putBucket({ name: input.Bucket, region: ctx.region, scope: scopeKey(scopeOf(ctx)), created: s3.clock.now(), tags });
      });
      return { Location: `/${input.Bucket}`, BucketArn: s3Arn.bucket(input.Bucket) };
    },

    DeleteBucket(input) {
      m.tx(() => {
        requireBucket(s3, input.Bucket);
        if (m.holdsAnything(input.Bucket)) throw s3Error.notEmpty(input.Bucket);
        m.buckets.delete(input.Bucket);
      });
      return {};
    },

    HeadBucket(input) {
      const bucket = requireBucket(s3, input.Bucket);
      return { BucketRegion: bucket.region, BucketArn: s3Arn.bucket(bucket.name), AccessPointAlias: false };
    },

    ListBuckets(input) {
      const all = m.buckets
        .find({}, 'pk')
        .filter((b) => (!input.Prefix || b.name.startsWith(input.Prefix)) && (!input.BucketRegion || b.region === input.BucketRegion));
      const page = paginate(
        all,
        { token: input.ContinuationToken, size: input.MaxBuckets },
        {
          kind: 'ListBuckets',
          defaultSize: 10_000,
          maxSize: 10_000,
          invalid: (field, message) =>
            field === 'token'
              ? s3Error.invalidArgument('continuation-token', input.ContinuationToken ?? '', 'The continuation token provided is incorrect')
              : s3Error.invalidArgument('max-buckets', String(input.MaxBuckets), message),
        },
      );
      return {
        Buckets: page.items.map((b) => ({
          Name: b.name,
          CreationDate: b.created,
          BucketRegion: b.region,
          BucketArn: s3Arn.bucket(b.name),
        })),
        Owner: ownerOf(s3),
        ContinuationToken: page.next,
        Prefix: input.Prefix,
      };
    },

    GetBucketLocation(input) {
      const bucket = requireBucket(s3, input.Bucket);
      // us-east-1 is told as no constraint at all, as S3 has always done.
      return { LocationConstraint: bucket.region === 'us-east-1' ? undefined : (bucket.region as never) };
    },

    PutBucketVersioning(input) {
      const status = input.VersioningConfiguration.Status;
      if (!status) throw s3Error.malformedXml();
      return change(input.Bucket, (b) => (b.versioning = status));
    },

    GetBucketVersioning(input) {
      return { Status: requireBucket(s3, input.Bucket).versioning };
    },

    PutBucketTagging(input) {
      checkTagSet(input.Tagging.TagSet);
      return change(input.Bucket, (b) => (b.tags = input.Tagging.TagSet));
    },

    GetBucketTagging(input) {
      const bucket = requireBucket(s3, input.Bucket);
      if (!bucket.tags?.length) throw s3Error.noSuchTagSet(bucket.name);
      return { TagSet: bucket.tags };
    },

    DeleteBucketTagging(input) {
      return change(input.Bucket, (b) => delete b.tags);
    },

    PutBucketPolicy(input) {
      requireBucket(s3, input.Bucket);
      checkBucketPolicy(input.Bucket, input.Policy);
      return change(input.Bucket, (b) => (b.policy = input.Policy));
    },

    GetBucketPolicy(input) {
      const bucket = requireBucket(s3, input.Bucket);
      if (bucket.policy === undefined) throw s3Error.noSuchPolicy(bucket.name);
      return { Policy: bucket.policy };
    },

    GetBucketPolicyStatus(input) {
      const bucket = requireBucket(s3, input.Bucket);
      if (bucket.policy === undefined) throw s3Error.noSuchPolicy(bucket.name);
      return { PolicyStatus: { IsPublic: grantsPublicAccess(bucket.policy) } };
    },

    DeleteBucketPolicy(input) {
      return change(input.Bucket, (b) => delete b.policy);
    },
  };
}
