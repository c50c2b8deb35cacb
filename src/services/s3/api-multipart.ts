/**
 * @module services/s3/api-multipart
 * Multipart uploads: CreateMultipartUpload, UploadPart, UploadPartCopy, CompleteMultipartUpload,
 * AbortMultipartUpload, ListParts and ListMultipartUploads. Each part is a blob of its own;
 * completing streams the chosen parts into one new blob (checked against the upload's checksum
 * algorithm as it goes) and makes it current in the same transaction that forgets the upload, so
 * a crash leaves either the upload or the object, never half of either. The ETag is S3's: the MD5
 * of the parts' MD5s, a dash, and the number of parts.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { s3UploadId } from '../../core/ids.ts';
import { isChecksumAlgorithm } from '../../protocol/restxml/checksums.ts';
import type { Handlers } from '../../protocol/types.ts';
import {
  bodyOf,
  checkKey,
  checkMetadata,
  checkPartNumber,
  checksumMembers,
  ownerOf,
  receiveChecked,
  requireBucket,
  storedHeaders,
} from './api-common.ts';
import { copySource } from './api-objects.ts';
import { tagsFromHeader } from './api-tagging.ts';
import type { S3Context } from './context.ts';
import { s3Error } from './errors.ts';
import type { PartRecord, UploadRecord } from './model.ts';
import type { Received } from './object-store.ts';
import type { S3Operations } from './shapes.ts';
import { commitVersion, nowSeconds, shownVersion } from './versions.ts';

const MIN_PART = 5 * 1024 * 1024;

export function multipartHandlers(s3: S3Context): Handlers<S3Operations> {
  const m = s3.model;

  const requireUpload = (bucket: string, key: string, uploadId: string): UploadRecord => {
    requireBucket(s3, bucket);
    const upload = m.uploads.get(uploadId);
    if (!upload || upload.bucket !== bucket || upload.key !== key) throw s3Error.noSuchUpload(uploadId);
    return upload;
  };

  /** Keeps a received part and records it, unless the upload went meanwhile (completed or aborted). */
  const storePart = async (upload: UploadRecord, number: number, received: Received): Promise<PartRecord> => {
    await s3.objects.keep(received.id);
    const part: PartRecord = {
      number,
      blob: received.id,
      size: received.size,
      md5: received.md5,
      etag: `"${received.md5}"`,
      lastModified: nowSeconds(s3),
      checksums: received.checksums,
    };
    let replaced: string | undefined;
    try {
      replaced = m.tx(() => {
        if (!m.uploads.get(upload.uploadId)) throw s3Error.noSuchUpload(upload.uploadId);
        return m.putPart(upload.uploadId, part);
      });
    } catch (err) {
      s3.objects.remove(received.id);
      throw err;
    }
    if (replaced) s3.objects.remove(replaced);
    return part;
  };

  return {
    CreateMultipartUpload(input) {
      requireBucket(s3, input.Bucket);
      checkKey(input.Key);
      checkMetadata(input.Metadata);
      const algorithm = input.ChecksumAlgorithm && isChecksumAlgorithm(input.ChecksumAlgorithm) ? input.ChecksumAlgorithm : undefined;
      const upload: UploadRecord = {
        uploadId: s3UploadId(),
        bucket: input.Bucket,
        key: input.Key,
        initiated: nowSeconds(s3),
        headers: storedHeaders(input),
        metadata: input.Metadata ?? {},
        tags: tagsFromHeader(input.Tagging),
        checksumAlgorithm: algorithm,
      };
      m.uploads.put(upload.uploadId, upload, { bucket: upload.bucket, key: upload.key });
      return {
        Bucket: input.Bucket,
        Key: input.Key,
        UploadId: upload.uploadId,
        ChecksumAlgorithm: algorithm,
        ChecksumType: algorithm ? 'FULL_OBJECT' : undefined,
      };
    },

    async UploadPart(input) {
      checkPartNumber(input.PartNumber);
      const upload = requireUpload(input.Bucket, input.Key, input.UploadId);
      const received = await receiveChecked(s3, input, bodyOf(input), upload.checksumAlgorithm);
      const part = await storePart(upload, input.PartNumber, received);
      return { ETag: part.etag, ...checksumMembers(part) };
    },

    async UploadPartCopy(input) {
      checkPartNumber(input.PartNumber);
      const upload = requireUpload(input.Bucket, input.Key, input.UploadId);
      const { source } = copySource(s3, input);
      let range: { start: number; end: number } | undefined;
      if (input.CopySourceRange !== undefined) {
        const r = /^bytes=(\d+)-(\d+)$/.exec(input.CopySourceRange);
        if (!r || Number(r[2]) < Number(r[1]) || Number(r[2]) >= source.size) {
          throw s3Error.invalidArgument(
            'x-amz-copy-source-range',
            input.CopySourceRange,
            'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy',
          );
        }
        range = { start: Number(r[1]), end: Number(r[2]) };
      }
      const bytes = source.size === 0 ? Readable.from([]) : s3.objects.open(source.blob!, range);
      const received = await receiveChecked(s3, {}, bytes, upload.checksumAlgorithm);
      const part = await storePart(upload, input.PartNumber, received);
      return {
        CopySourceVersionId: shownVersion(source),
        CopyPartResult: { ETag: part.etag, LastModified: part.lastModified, ...checksumMembers(part) },
      };
    },

    async CompleteMultipartUpload(input) {
      const upload = requireUpload(input.Bucket, input.Key, input.UploadId);
      const asked = input.MultipartUpload?.Parts ?? [];
      if (!asked.length) throw s3Error.malformedXml();
      const stored = new Map(m.parts(upload.uploadId).map((p) => [p.number, p]));
      const chosen: PartRecord[] = [];
      for (const [i, p] of asked.entries()) {
        if (p.PartNumber === undefined) throw s3Error.malformedXml();
        if (i > 0 && p.PartNumber <= asked[i - 1].PartNumber!) throw s3Error.invalidPartOrder();
        const part = stored.get(p.PartNumber);
        if (!part || (p.ETag !== undefined && p.ETag.replace(/"/g, '') !== part.md5)) throw s3Error.invalidPart(p.PartNumber);
        chosen.push(part);
      }
      for (const part of chosen.slice(0, -1)) if (part.size < MIN_PART) throw s3Error.entityTooSmall(part.number, part.size);
      const etag = `"${createHash('md5')
        .update(Buffer.concat(chosen.map((p) => Buffer.from(p.md5, 'hex'))))
        .digest('hex')}-${chosen.length}"`;
      const received = await s3.objects.receive(
        chosen.map((p) => p.blob),
        upload.checksumAlgorithm ? [upload.checksumAlgorithm] : [],
        { md5: false },
      );
      let partBlobs: string[] = [];
      const draft = {
        bucket: upload.bucket,
        key: upload.key,
        headers: upload.headers,
        metadata: upload.metadata,
        tags: upload.tags,
        etag,
        parts: chosen.length,
        partSizes: chosen.map((p) => p.size),
      };
      const v = await commitVersion(s3, draft, received, 'ObjectCreated:CompleteMultipartUpload', () => {
        if (!m.uploads.get(upload.uploadId)) throw s3Error.noSuchUpload(upload.uploadId);
        partBlobs = m.dropUpload(upload.uploadId);
      });
      for (const blob of partBlobs) s3.objects.remove(blob);
      return {
        Location: `/${v.bucket}/${encodeURI(v.key)}`,
        Bucket: v.bucket,
        Key: v.key,
        ETag: v.etag,
        VersionId: shownVersion(v),
        ...checksumMembers(v),
      };
    },

    AbortMultipartUpload(input) {
      const upload = requireUpload(input.Bucket, input.Key, input.UploadId);
      for (const blob of m.dropUpload(upload.uploadId)) s3.objects.remove(blob);
      return {};
    },

    ListParts(input) {
      const upload = requireUpload(input.Bucket, input.Key, input.UploadId);
      const max = Math.min(input.MaxParts ?? 1000, 1000);
      const after = input.PartNumberMarker ?? 0;
      const parts = m.parts(upload.uploadId).filter((p) => p.number > after);
      const page = parts.slice(0, max);
      return {
        Bucket: upload.bucket,
        Key: upload.key,
        UploadId: upload.uploadId,
        PartNumberMarker: after,
        NextPartNumberMarker: page.length ? page[page.length - 1].number : undefined,
        MaxParts: max,
        IsTruncated: parts.length > max,
        Parts: page.map((p) => ({ PartNumber: p.number, LastModified: p.lastModified, ETag: p.etag, Size: p.size, ...checksumMembers(p) })),
        Owner: ownerOf(s3),
        Initiator: ownerOf(s3),
        StorageClass: 'STANDARD',
        ChecksumAlgorithm: upload.checksumAlgorithm,
      };
    },

    ListMultipartUploads(input) {
      requireBucket(s3, input.Bucket);
      const max = Math.min(input.MaxUploads ?? 1000, 1000);
      const prefix = input.Prefix ?? '';
      const marker = input.KeyMarker ?? '';
      const all = m.uploads
        .find({ bucket: input.Bucket }, 'key, pk')
        .filter(
          (u) =>
            u.key.startsWith(prefix) &&
            (u.key > marker || (u.key === marker && input.UploadIdMarker !== undefined && u.uploadId > input.UploadIdMarker)),
        );
      const page = all.slice(0, max);
      const last = page[page.length - 1];
      return {
        Bucket: input.Bucket,
        Prefix: input.Prefix,
        KeyMarker: input.KeyMarker,
        UploadIdMarker: input.UploadIdMarker,
        MaxUploads: max,
        IsTruncated: all.length > max,
        NextKeyMarker: all.length > max ? last?.key : undefined,
        NextUploadIdMarker: all.length > max ? last?.uploadId : undefined,
        Uploads: page.map((u) => ({
          UploadId: u.uploadId,
          Key: u.key,
          Initiated: u.initiated,
          StorageClass: 'STANDARD' as const,
          Owner: ownerOf(s3),
          Initiator: ownerOf(s3),
          ChecksumAlgorithm: u.checksumAlgorithm,
        })),
      };
    },
  };
}
