/**
 * @module services/s3/api-tagging
 * Object tag sets (PutObjectTagging, GetObjectTagging, DeleteObjectTagging, and the x-amz-tagging
 * header of PutObject and CreateMultipartUpload), checked as S3 checks them.
 */
import type { Handlers } from '../../protocol/types.ts';
import { findVersion } from './api-common.ts';
import type { S3Context } from './context.ts';
import { s3Error } from './errors.ts';
import type { Tag } from './model.ts';
import type { S3Operations } from './shapes.ts';
import { shownVersion } from './versions.ts';

/** At most 50 tags on a bucket, 10 on an object; keys 1–128 characters, values up to 256, no key twice. */
export function checkTagSet(tags: readonly Tag[], max = 50): Tag[] {
  if (tags.length > max) throw s3Error.invalidTag(`Object tags cannot be greater than ${max}`);
  const seen = new Set<string>();
  for (const tag of tags) {
    if (!tag.Key || [...tag.Key].length > 128) throw s3Error.invalidTag('The TagKey you have provided is invalid');
    if ([...(tag.Value ?? '')].length > 256) throw s3Error.invalidTag('The TagValue you have provided is too long');
    if (tag.Key.startsWith('aws:')) throw s3Error.invalidTag('Your TagKey cannot be prefixed with aws:');
    if (seen.has(tag.Key)) throw s3Error.invalidTag('Cannot provide multiple Tags with the same key');
    seen.add(tag.Key);
  }
  return tags.map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
}

/** The x-amz-tagging header: a URL-encoded query string of keys and values, which must decode. */
export function tagsFromHeader(header: string | undefined): Tag[] {
  if (!header) return [];
  try {
    decodeURIComponent(header.replace(/\+/g, ' '));
  } catch {
    throw s3Error.invalidArgument(
      'x-amz-tagging',
      header,
      "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.",
    );
  }
  return checkTagSet(
    [...new URLSearchParams(header)].map(([Key, Value]) => ({ Key, Value })),
    10,
  );
}

export function taggingHandlers(s3: S3Context): Handlers<S3Operations> {
  const m = s3.model;
  const retag = (bucket: string, key: string, versionId: string | undefined, tags: Tag[]) =>
    m.tx(() => {
      const version = findVersion(s3, bucket, key, versionId);
      m.updateVersion({ ...version, tags });
      return { VersionId: shownVersion(version) };
    });

  return {
    PutObjectTagging: (input) => retag(input.Bucket, input.Key, input.VersionId, checkTagSet(input.Tagging.TagSet, 10)),
    DeleteObjectTagging: (input) => retag(input.Bucket, input.Key, input.VersionId, []),
    GetObjectTagging(input) {
      const version = findVersion(s3, input.Bucket, input.Key, input.VersionId);
      return { TagSet: version.tags, VersionId: shownVersion(version) };
    },
  };
}
