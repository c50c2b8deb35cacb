/**
 * @module services/s3/api-listing
 * ListObjectsV2, ListObjects and ListObjectVersions: keys in S3's order (UTF-8 bytes), filtered
 * by prefix, rolled up into common prefixes at the delimiter, a page of MaxKeys (1000 at most) at
 * a time. The store is read in batches through its index, so a bucket of any size lists in
 * constant memory; a common prefix skips all its keys with one seek.
 */
import type { Handlers } from '../../protocol/types.ts';
import { ownerOf, requireBucket } from './api-common.ts';
import type { S3Context } from './context.ts';
import { s3Error } from './errors.ts';
import type { ObjectVersion, VersionRow } from './model.ts';
import type { S3Operations } from './shapes.ts';

const BATCH = 1000;
/** Sorts after every key that starts with what precedes it. */
const AFTER_ALL = '\u{10FFFF}';

interface Walk {
  rows: VersionRow[];
  prefixes: string[];
  truncated: boolean;
  /** The last key or common prefix returned, with the version id when it was a row. */
  last?: { key: string; versionId?: string };
}

interface Filter {
  prefix: string;
  delimiter?: string;
  max: number;
}

/** The common prefix a key rolls up into, if any. */
function rollUp(key: string, f: Filter): string | undefined {
  if (!f.delimiter) return undefined;
  const at = key.indexOf(f.delimiter, f.prefix.length);
  return at < 0 ? undefined : key.slice(0, at + f.delimiter.length);
}

/** Whether `a` sorts at or before `b` in S3's order (UTF-8 bytes). */
function notAfter(a: string, b: string): boolean {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) <= 0;
}

/** Keys are URL-encoded in answers when the client asks (encoding-type=url), as the aws CLI always does. */
function encoder(encodingType?: string): (s: string | undefined) => string | undefined {
  if (encodingType === undefined) return (s) => s;
  if (encodingType !== 'url') throw s3Error.invalidArgument('encoding-type', encodingType, 'Invalid Encoding Method specified in Request');
  return (s) => (s === undefined ? s : encodeURIComponent(s).replace(/%2F/g, '/'));
}

function maxKeysOf(max: number | undefined): number {
  if (max === undefined) return 1000;
  if (max < 0) throw s3Error.invalidArgument('max-keys', String(max), 'Argument maxKeys must be an integer between 0 and 2147483647');
  return Math.min(max, 1000);
}

/** The members every listing echoes back. */
function echoed(
  bucket: string,
  f: Filter,
  input: { Delimiter?: string; EncodingType?: string },
  enc: (s: string | undefined) => string | undefined,
) {
  return {
    Name: bucket,
    Prefix: enc(f.prefix),
    Delimiter: enc(input.Delimiter),
    MaxKeys: f.max,
    EncodingType: input.EncodingType as 'url' | undefined,
  };
}

/**
 * Rows in listing order from the cursor `from` (a key, and a row id within it: see
 * S3Model.versionsAfter), a batch at a time, rolled up into common prefixes and cut at `f.max`.
 * A page that ended on a common prefix resumes past all of it; a common prefix costs one seek.
 */
function walk(
  batchAfter: (key: string, id: number) => VersionRow[],
  from: { key: string; id: number },
  f: Filter,
  skip: (row: VersionRow) => boolean = () => false,
): Walk {
  const out: Walk = { rows: [], prefixes: [], truncated: false };
  let { key, id } = from;
  for (;;) {
    const batch = batchAfter(key, id);
    let reseek = false;
    for (const row of batch) {
      ({ key } = row.version);
      id = row.id;
      if (!key.startsWith(f.prefix)) return out;
      if (skip(row)) continue;
      const common = rollUp(key, f);
      const passed = common !== undefined && notAfter(common, from.key);
      if (!passed && out.rows.length + out.prefixes.length >= f.max) return { ...out, truncated: true };
      if (common !== undefined) {
        if (!passed) {
          out.prefixes.push(common);
          out.last = { key: common };
        }
        key = common + AFTER_ALL;
        id = -Infinity;
        reseek = true;
        break;
      }
      out.rows.push(row);
      out.last = { key, versionId: row.version.versionId };
    }
    if (!reseek && batch.length < BATCH) return out;
  }
}

export function listingHandlers(s3: S3Context): Handlers<S3Operations> {
  const m = s3.model;
  /** The latest versions (delete markers left out) from `after` on. */
  const walkLatest = (bucket: string, after: string, f: Filter) =>
    walk(
      (key) => m.latestAfter(bucket, key, f.prefix, BATCH),
      { key: after, id: -Infinity },
      f,
      (r) => !!r.version.deleteMarker,
    );

  const objectEntry = (v: ObjectVersion, enc: (s: string) => string | undefined, owner: boolean) => ({
    Key: enc(v.key),
    LastModified: v.lastModified,
    ETag: v.etag,
    Size: v.size,
    StorageClass: 'STANDARD' as const,
    ChecksumAlgorithm: Object.keys(v.checksums) as never,
    ChecksumType: Object.keys(v.checksums).length ? ('FULL_OBJECT' as const) : undefined,
    Owner: owner ? ownerOf(s3) : undefined,
  });

  return {
    ListObjectsV2(input) {
      requireBucket(s3, input.Bucket);
      const enc = encoder(input.EncodingType);
      let after = input.StartAfter ?? '';
      if (input.ContinuationToken !== undefined) {
        const decoded = Buffer.from(input.ContinuationToken, 'base64url').toString();
        if (!decoded.startsWith('v2:'))
          throw s3Error.invalidArgument('continuation-token', input.ContinuationToken, 'The continuation token provided is incorrect');
        after = decoded.slice(3);
      }
      const f = { prefix: input.Prefix ?? '', delimiter: input.Delimiter || undefined, max: maxKeysOf(input.MaxKeys) };
      const page = walkLatest(input.Bucket, after, f);
      return {
        ...echoed(input.Bucket, f, input, enc),
        KeyCount: page.rows.length + page.prefixes.length,
        IsTruncated: page.truncated,
        ContinuationToken: input.ContinuationToken,
        NextContinuationToken:
          page.truncated && page.last !== undefined ? Buffer.from(`v2:${page.last.key}`).toString('base64url') : undefined,
        StartAfter: enc(input.StartAfter),
        Contents: page.rows.map((r) => objectEntry(r.version, enc, input.FetchOwner === true)),
        CommonPrefixes: page.prefixes.map((p) => ({ Prefix: enc(p) })),
      };
    },

    ListObjects(input) {
      requireBucket(s3, input.Bucket);
      const enc = encoder(input.EncodingType);
      const f = { prefix: input.Prefix ?? '', delimiter: input.Delimiter || undefined, max: maxKeysOf(input.MaxKeys) };
      const page = walkLatest(input.Bucket, input.Marker ?? '', f);
      return {
        ...echoed(input.Bucket, f, input, enc),
        Marker: enc(input.Marker ?? ''),
        IsTruncated: page.truncated,
        NextMarker: page.truncated && f.delimiter ? enc(page.last?.key) : undefined,
        Contents: page.rows.map((r) => objectEntry(r.version, enc, true)),
        CommonPrefixes: page.prefixes.map((p) => ({ Prefix: enc(p) })),
      };
    },

    ListObjectVersions(input) {
      requireBucket(s3, input.Bucket);
      const enc = encoder(input.EncodingType);
      const f = { prefix: input.Prefix ?? '', delimiter: input.Delimiter || undefined, max: maxKeysOf(input.MaxKeys) };
      let id = -Infinity;
      if (input.KeyMarker && input.VersionIdMarker) {
        const rowId = m.rowId(input.Bucket, input.KeyMarker, input.VersionIdMarker);
        if (rowId === undefined) throw s3Error.invalidArgument('version-id-marker', input.VersionIdMarker, 'Invalid version id specified');
        id = rowId;
      }
      const page = walk((key, after) => m.versionsAfter(input.Bucket, key, after, f.prefix, BATCH), { key: input.KeyMarker ?? '', id }, f);
      const entry = (r: VersionRow) => ({
        Key: enc(r.version.key),
        VersionId: r.version.versionId,
        IsLatest: r.latest,
        LastModified: r.version.lastModified,
        Owner: ownerOf(s3),
      });
      return {
        ...echoed(input.Bucket, f, input, enc),
        KeyMarker: enc(input.KeyMarker ?? ''),
        VersionIdMarker: input.VersionIdMarker,
        IsTruncated: page.truncated,
        NextKeyMarker: page.truncated ? enc(page.last?.key) : undefined,
        NextVersionIdMarker: page.truncated ? page.last?.versionId : undefined,
        Versions: page.rows
          .filter((r) => !r.version.deleteMarker)
          .map((r) => ({ ...entry(r), ETag: r.version.etag, Size: r.version.size, StorageClass: 'STANDARD' as const })),
        DeleteMarkers: page.rows.filter((r) => r.version.deleteMarker).map(entry),
        CommonPrefixes: page.prefixes.map((p) => ({ Prefix: enc(p) })),
      };
    },
  };
}
