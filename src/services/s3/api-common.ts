/**
 * @module services/s3/api-common
 * What the S3 handlers share: finding a bucket, checking names, receiving a body with its digests
 * checked (Content-MD5 and the x-amz-checksum-* headers or trailers), and the headers an object
 * is given back with.
 */
import type { Readable } from 'node:stream';
import { AwsChunkedDecoder, ChunkedError } from '../../protocol/restxml/chunked.ts';
import {
  CHECKSUM_ALGORITHMS,
  checksumHeader,
  CONTENT_MD5,
  isChecksumAlgorithm,
  type ChecksumAlgorithm,
} from '../../protocol/restxml/checksums.ts';
import type { S3Context } from './context.ts';
import { MAX_METADATA, s3Error } from './errors.ts';
import type { BucketRecord, ObjectVersion, StoredHeaders } from './model.ts';
import type { Received } from './object-store.ts';

/** The owner every listing shows: the one account. */
export function ownerOf(s3: S3Context): { ID: string; DisplayName: string } {
  return { ID: s3.config.account, DisplayName: 'slipway' };
}

export function requireBucket(s3: S3Context, name: string): BucketRecord {
  const bucket = s3.model.bucket(name);
  if (!bucket) throw s3Error.noSuchBucket(name);
  return bucket;
}

/** S3's bucket naming rules (general purpose buckets). */
export function checkBucketName(name: string): void {
  const ok =
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(name) &&
    !/^(xn--|sthree-|amzn-s3-demo-)/.test(name) &&
    !/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name);
  if (!ok) throw s3Error.invalidBucketName(name);
}

export function checkKey(key: string): void {
  const size = Buffer.byteLength(key);
  if (size > 1024) throw s3Error.keyTooLong(size);
}

/** User metadata within S3's limit: names and values together at most 2 KB. */
export function checkMetadata(metadata: Record<string, string> | undefined): void {
  const size = Object.entries(metadata ?? {}).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  if (size > MAX_METADATA) throw s3Error.metadataTooLarge(size);
}

/** A size or offset, which no object has below zero. */
export function checkNotNegative(header: string, value: number | undefined): void {
  if (value !== undefined && value < 0) throw s3Error.invalidArgument(header, String(value), `${header} must not be negative`);
}

/** A part number as S3 takes it, wherever one is given. */
export function checkPartNumber(part: number | undefined): void {
  if (part !== undefined && !(Number.isInteger(part) && part >= 1 && part <= 10_000)) {
    throw s3Error.invalidArgument('partNumber', String(part), 'Part number must be an integer between 1 and 10000, inclusive');
  }
}

/** The body of a streaming input member (the codec hands it over as a stream). */
export function bodyOf(input: { Body?: unknown }): Readable {
  return input.Body as Readable;
}

/** A stream as the generated output type spells a streaming blob. */
export function asBody(stream: Readable): string {
  return stream as unknown as string;
}

type ChecksumFields = Partial<Record<`Checksum${ChecksumAlgorithm}`, string>> & {
  ChecksumAlgorithm?: string;
  ContentMD5?: string;
  ContentLength?: number;
};

/** The most one PutObject or UploadPart may carry. */
const MAX_SINGLE_UPLOAD = 5 * 1024 ** 3;

/**
 * Streams the body into staging with the digests the client asked for, and checks them: a
 * mismatch (or a body cut short) discards the bytes and answers S3's error. Returns what was
 * staged, for the caller to keep once its record is ready.
 */
export async function receiveChecked(
  s3: S3Context,
  input: ChecksumFields,
  body: Readable,
  algorithm?: ChecksumAlgorithm,
): Promise<Received> {
  if (input.ContentLength !== undefined && input.ContentLength > MAX_SINGLE_UPLOAD)
    throw s3Error.entityTooLarge(input.ContentLength, MAX_SINGLE_UPLOAD);
  if (input.ContentMD5 !== undefined && !CONTENT_MD5.test(input.ContentMD5)) throw s3Error.invalidDigest(input.ContentMD5);
  const trailers = body instanceof AwsChunkedDecoder ? body : undefined;
  const wanted = new Set<ChecksumAlgorithm>(algorithm ? [algorithm] : []);
  if (input.ChecksumAlgorithm && isChecksumAlgorithm(input.ChecksumAlgorithm)) wanted.add(input.ChecksumAlgorithm);
  for (const a of CHECKSUM_ALGORITHMS) {
    if (input[`Checksum${a}`] !== undefined || trailers?.announced.includes(checksumHeader(a))) wanted.add(a);
  }
  let received: Received;
  try {
    received = await s3.objects.receive(body, [...wanted]);
  } catch (err) {
    if (
      err instanceof ChunkedError ||
      (err as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE' ||
      (err as Error).message === 'aborted'
    )
      throw s3Error.incompleteBody();
    throw err;
  }
  try {
    const md5 = Buffer.from(received.md5, 'hex').toString('base64');
    if (input.ContentMD5 !== undefined && input.ContentMD5 !== md5) throw s3Error.badDigest(input.ContentMD5, md5);
    for (const a of wanted) {
      const expected = input[`Checksum${a}`] ?? trailers?.trailers.get(checksumHeader(a));
      if (expected !== undefined && expected !== received.checksums[a]) throw s3Error.badChecksum(a);
    }
  } catch (err) {
    s3.objects.discard(received.id);
    throw err;
  }
  return received;
}

/** The stored headers a Put, Copy or CreateMultipartUpload call sets. */
export function storedHeaders(input: Omit<StoredHeaders, 'Expires'> & { Expires?: string }): StoredHeaders {
  const expires = input.Expires === undefined ? undefined : Date.parse(input.Expires);
  return {
    ContentType: input.ContentType ?? 'binary/octet-stream',
    ContentEncoding:
      input.ContentEncoding?.split(',')
        .map((e) => e.trim())
        .filter((e) => e !== 'aws-chunked')
        .join(', ') || undefined,
    ContentDisposition: input.ContentDisposition,
    ContentLanguage: input.ContentLanguage,
    CacheControl: input.CacheControl,
    Expires: expires !== undefined && Number.isFinite(expires) ? expires : undefined,
  };
}

/** The checksum members of a version, as Get/Head show them when asked (x-amz-checksum-mode: ENABLED). */
export function checksumMembers(v: {
  checksums: ObjectVersion['checksums'];
}): Partial<Record<`Checksum${ChecksumAlgorithm}`, string>> & { ChecksumType?: 'FULL_OBJECT' } {
  const out: Partial<Record<`Checksum${ChecksumAlgorithm}`, string>> = {};
  for (const [a, value] of Object.entries(v.checksums)) out[`Checksum${a as ChecksumAlgorithm}`] = value;
  return Object.keys(out).length ? { ...out, ChecksumType: 'FULL_OBJECT' } : {};
}

/**
 * The version a call names (its newest when `versionId` is absent). The newest being a delete
 * marker is NoSuchKey; naming a delete marker on a read is MethodNotAllowed, as S3 answers.
 */
export function findVersion(
  s3: S3Context,
  bucket: string,
  key: string,
  versionId?: string,
  opts: { markerOk?: boolean } = {},
): ObjectVersion {
  requireBucket(s3, bucket);
  if (versionId === undefined) {
    const latest = s3.model.latest(bucket, key);
    if (!latest || latest.deleteMarker) throw s3Error.noSuchKey(key);
    return latest;
  }
  if (versionId !== 'null' && !/^[A-Za-z0-9._-]{1,1024}$/.test(versionId))
    throw s3Error.invalidArgument('versionId', versionId, 'Invalid version id specified');
  const version = s3.model.version(bucket, key, versionId);
  if (!version) throw s3Error.noSuchVersion(key, versionId);
  if (version.deleteMarker && !opts.markerOk) throw s3Error.methodNotAllowed('GET');
  return version;
}
