/**
 * @module services/s3/api-objects
 * PutObject, GetObject, HeadObject, DeleteObject, DeleteObjects and CopyObject. Bodies stream to
 * and from the object store; a version is current only once its bytes are whole and checked.
 */
import { Readable } from 'node:stream';
import { isChecksumAlgorithm } from '../../protocol/restxml/checksums.ts';
import type { Handlers } from '../../protocol/types.ts';
import {
  asBody,
  bodyOf,
  checkKey,
  checkMetadata,
  checkNotNegative,
  checkPartNumber,
  checksumMembers,
  findVersion,
  receiveChecked,
  requireBucket,
  storedHeaders,
} from './api-common.ts';
import { tagsFromHeader } from './api-tagging.ts';
import { checkConditions, rangeOf } from './conditions.ts';
import type { S3Context } from './context.ts';
import { s3Error } from './errors.ts';
import type { ObjectVersion } from './model.ts';
import type { ByteRange } from './object-store.ts';
import type { S3Operations } from './shapes.ts';
import { commitVersion, deleteCurrent, deleteVersion, shownVersion } from './versions.ts';

/** The members Get and Head give back for a version (or a range of it): its stored headers, metadata and figures. */
function described(v: ObjectVersion, range: ByteRange | undefined, checksumMode?: string) {
  return {
    LastModified: v.lastModified,
    ETag: v.etag,
    VersionId: shownVersion(v),
    ContentType: v.headers.ContentType,
    ContentEncoding: v.headers.ContentEncoding,
    ContentDisposition: v.headers.ContentDisposition,
    ContentLanguage: v.headers.ContentLanguage,
    CacheControl: v.headers.CacheControl,
    ExpiresString: v.headers.Expires === undefined ? undefined : new Date(v.headers.Expires).toUTCString(),
    Metadata: v.metadata,
    AcceptRanges: 'bytes',
    TagCount: v.tags.length || undefined,
    PartsCount: v.parts,
    ...(checksumMode === 'ENABLED' ? checksumMembers(v) : {}),
    ContentLength: range ? range.end - range.start + 1 : v.size,
    ContentRange: range ? `bytes ${range.start}-${range.end}/${v.size}` : undefined,
  };
}

/**
 * The bytes a Get or Head asks for: a Range, or a part of the object by number (part 1 of an
 * object not uploaded in parts is the whole of it). Both at once S3 refuses.
 */
function byteRange(input: { Range?: string; PartNumber?: number }, v: ObjectVersion): ByteRange | undefined {
  checkPartNumber(input.PartNumber);
  if (input.PartNumber === undefined) return rangeOf(input.Range, v.size);
  if (input.Range !== undefined) throw s3Error.invalidRequest('Cannot specify both Range header and partNumber query parameter');
  if (input.PartNumber > (v.parts ?? 1)) throw s3Error.invalidPartNumber(input.PartNumber, v.parts ?? 1);
  const size = v.partSizes?.[input.PartNumber - 1];
  if (!size) return undefined;
  const start = v.partSizes!.slice(0, input.PartNumber - 1).reduce((sum, s) => sum + s, 0);
  return { start, end: start + size - 1 };
}

/** Get and Head's response-* overrides. */
function overrides(input: {
  ResponseCacheControl?: string;
  ResponseContentDisposition?: string;
  ResponseContentEncoding?: string;
  ResponseContentLanguage?: string;
  ResponseContentType?: string;
}) {
  const out: Record<string, string> = {};
  if (input.ResponseCacheControl) out.CacheControl = input.ResponseCacheControl;
  if (input.ResponseContentDisposition) out.ContentDisposition = input.ResponseContentDisposition;
  if (input.ResponseContentEncoding) out.ContentEncoding = input.ResponseContentEncoding;
  if (input.ResponseContentLanguage) out.ContentLanguage = input.ResponseContentLanguage;
  if (input.ResponseContentType) out.ContentType = input.ResponseContentType;
  return out;
}

/** A copy source: `bucket/key[?versionId=…]`, URL-encoded, with or without a leading slash. */
function copySourceOf(source: string): { bucket: string; key: string; versionId?: string } {
  const [path, query = ''] = source.replace(/^\//, '').split('?');
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    throw s3Error.invalidArgument('x-amz-copy-source', source, 'Invalid copy source encoding');
  }
  const slash = decoded.indexOf('/');
  if (slash <= 0 || slash === decoded.length - 1)
    throw s3Error.invalidArgument('x-amz-copy-source', source, 'Invalid copy source object key');
  const versionId = new URLSearchParams(query).get('versionId') ?? undefined;
  return { bucket: decoded.slice(0, slash), key: decoded.slice(slash + 1), versionId };
}

export interface CopySourceInput {
  CopySource: string;
  CopySourceIfMatch?: string;
  CopySourceIfNoneMatch?: string;
  CopySourceIfModifiedSince?: number;
  CopySourceIfUnmodifiedSince?: number;
}

/** The version a copy (CopyObject, UploadPartCopy) reads, its x-amz-copy-source-if-* conditions checked. */
export function copySource(
  s3: S3Context,
  input: CopySourceInput,
): { source: ObjectVersion; named: { bucket: string; key: string; versionId?: string } } {
  const named = copySourceOf(input.CopySource);
  const source = findVersion(s3, named.bucket, named.key, named.versionId);
  checkConditions(
    {
      IfMatch: input.CopySourceIfMatch,
      IfNoneMatch: input.CopySourceIfNoneMatch,
      IfModifiedSince: input.CopySourceIfModifiedSince,
      IfUnmodifiedSince: input.CopySourceIfUnmodifiedSince,
    },
    source,
    false,
    'x-amz-copy-source-',
  );
  return { source, named };
}

export function objectHandlers(s3: S3Context): Handlers<S3Operations> {
  /** A write's own conditions (If-Match, If-None-Match: *) against the key's current object. */
  const checkWrite = (bucket: string, key: string, c: { IfMatch?: string; IfNoneMatch?: string }) => {
    if (c.IfMatch === undefined && c.IfNoneMatch === undefined) return;
    const current = s3.model.latest(bucket, key);
    if (!current || current.deleteMarker) {
      if (c.IfMatch !== undefined) throw s3Error.noSuchKey(key);
      return;
    }
    checkConditions({ IfMatch: c.IfMatch, IfNoneMatch: c.IfNoneMatch }, current, false);
  };

  return {
    async PutObject(input) {
      requireBucket(s3, input.Bucket);
      checkKey(input.Key);
      checkMetadata(input.Metadata);
      // Appending at an offset is for directory buckets; Slipway's are general purpose.
      if (input.WriteOffsetBytes !== undefined) {
        checkNotNegative('x-amz-write-offset-bytes', input.WriteOffsetBytes);
        throw s3Error.invalidArgument(
          'x-amz-write-offset-bytes',
          String(input.WriteOffsetBytes),
          'Write offset bytes are supported only for directory buckets',
        );
      }
      const tags = tagsFromHeader(input.Tagging);
      checkWrite(input.Bucket, input.Key, input);
      const received = await receiveChecked(s3, input, bodyOf(input));
      if (input.IfMatch !== undefined || input.IfNoneMatch !== undefined) {
        try {
          checkWrite(input.Bucket, input.Key, input);
        } catch (err) {
          s3.objects.discard(received.id);
          throw err;
        }
      }
      const draft = { bucket: input.Bucket, key: input.Key, headers: storedHeaders(input), metadata: input.Metadata ?? {}, tags };
      const v = await commitVersion(s3, draft, received, 'ObjectCreated:Put');
      return { ETag: v.etag, VersionId: shownVersion(v), ...checksumMembers(v), Size: v.size };
    },

    GetObject(input) {
      const v = findVersion(s3, input.Bucket, input.Key, input.VersionId);
      checkConditions(input, v, true);
      const range = byteRange(input, v);
      const body = v.size === 0 ? Readable.from([]) : s3.objects.open(v.blob!, range);
      return {
        ...described(v, range, range ? undefined : input.ChecksumMode),
        ...overrides(input),
        Body: asBody(body),
      };
    },

    HeadObject(input) {
      const v = findVersion(s3, input.Bucket, input.Key, input.VersionId);
      checkConditions(input, v, true);
      const range = byteRange(input, v);
      return { ...described(v, range, input.ChecksumMode), ...overrides(input) };
    },

    DeleteObject(input) {
      checkNotNegative('x-amz-if-match-size', input.IfMatchSize);
      if (input.VersionId !== undefined) {
        const v = findVersion(s3, input.Bucket, input.Key, input.VersionId, { markerOk: true });
        deleteVersion(s3, v);
        return { VersionId: input.VersionId, DeleteMarker: v.deleteMarker || undefined };
      }
      const marker = deleteCurrent(s3, input.Bucket, input.Key);
      return marker ? { DeleteMarker: true, VersionId: shownVersion(marker) } : {};
    },

    DeleteObjects(input) {
      requireBucket(s3, input.Bucket);
      const objects = input.Delete.Objects;
      if (objects.length > 1000) throw s3Error.malformedXml();
      for (const o of objects) checkNotNegative('Size', o.Size);
      const Deleted: { Key: string; VersionId?: string; DeleteMarker?: boolean; DeleteMarkerVersionId?: string }[] = [];
      const Errors: { Key: string; VersionId?: string; Code: string; Message: string }[] = [];
      for (const o of objects) {
        try {
          if (o.VersionId !== undefined) {
            const v = s3.model.version(input.Bucket, o.Key, o.VersionId);
            if (v) deleteVersion(s3, v);
            Deleted.push({
              Key: o.Key,
              VersionId: o.VersionId,
              DeleteMarker: v?.deleteMarker || undefined,
              DeleteMarkerVersionId: v?.deleteMarker ? o.VersionId : undefined,
            });
          } else {
            const marker = deleteCurrent(s3, input.Bucket, o.Key);
            Deleted.push(marker ? { Key: o.Key, DeleteMarker: true, DeleteMarkerVersionId: shownVersion(marker) } : { Key: o.Key });
          }
        } catch (err) {
          Errors.push({
            Key: o.Key,
            VersionId: o.VersionId,
            Code: (err as { code?: string }).code ?? 'InternalError',
            Message: (err as Error).message,
          });
        }
      }
      return { Deleted: input.Delete.Quiet ? undefined : Deleted, Errors: Errors.length ? Errors : undefined };
    },

    async CopyObject(input) {
      requireBucket(s3, input.Bucket);
      checkKey(input.Key);
      const { source, named: from } = copySource(s3, input);
      const replace = input.MetadataDirective === 'REPLACE';
      if (replace) checkMetadata(input.Metadata);
      if (
        from.bucket === input.Bucket &&
        from.key === input.Key &&
        !replace &&
        from.versionId === undefined &&
        !s3.model.bucket(input.Bucket)?.versioning
      ) {
        throw s3Error.invalidRequest(
          "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
        );
      }
      checkWrite(input.Bucket, input.Key, input);
      // An algorithm the model names but Slipway does not compute (SHA512, XXHASH…) is not asked for, as on PutObject.
      const algorithm = input.ChecksumAlgorithm && isChecksumAlgorithm(input.ChecksumAlgorithm) ? input.ChecksumAlgorithm : undefined;
      const received = await receiveChecked(s3, {}, source.size === 0 ? Readable.from([]) : s3.objects.open(source.blob!), algorithm);
      const draft = {
        bucket: input.Bucket,
        key: input.Key,
        headers: replace ? storedHeaders(input) : source.headers,
        metadata: replace ? (input.Metadata ?? {}) : source.metadata,
        tags: input.TaggingDirective === 'REPLACE' ? tagsFromHeader(input.Tagging) : source.tags,
        checksums: algorithm ? undefined : source.checksums,
        etag: source.parts ? undefined : source.etag,
      };
      const v = await commitVersion(s3, draft, received, 'ObjectCreated:Copy');
      return {
        CopyObjectResult: { ETag: v.etag, LastModified: v.lastModified, ...checksumMembers(v) },
        CopySourceVersionId: shownVersion(source),
        VersionId: shownVersion(v),
      };
    },
  };
}
