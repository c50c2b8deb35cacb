/**
 * @module services/s3/conditions
 * HTTP's conditional requests and byte ranges as S3 applies them to an object (RFC 7232, 7233):
 * If-Match beats If-Unmodified-Since, If-None-Match beats If-Modified-Since; a failed If-None-Match
 * or If-Modified-Since on a read is 304, anything else failed is 412. Dates compare to the second.
 */
import { s3Error } from './errors.ts';
import type { ByteRange } from './object-store.ts';

export interface Conditions {
  IfMatch?: string;
  IfNoneMatch?: string;
  IfModifiedSince?: number;
  IfUnmodifiedSince?: number;
}

function etagMatches(list: string, etag: string): boolean {
  return list.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag || `"${tag}"` === etag;
  });
}

/** Throws NotModified (reads only) or PreconditionFailed when the object fails the conditions. */
export function checkConditions(c: Conditions, object: { etag: string; lastModified: number }, read: boolean, prefix = ''): void {
  const modified = Math.floor(object.lastModified / 1000) * 1000;
  if (c.IfMatch !== undefined) {
    if (!etagMatches(c.IfMatch, object.etag)) throw s3Error.preconditionFailed(`${prefix}If-Match`);
  } else if (c.IfUnmodifiedSince !== undefined && modified > c.IfUnmodifiedSince)
    throw s3Error.preconditionFailed(`${prefix}If-Unmodified-Since`);
  if (c.IfNoneMatch !== undefined) {
    if (etagMatches(c.IfNoneMatch, object.etag)) throw read ? s3Error.notModified() : s3Error.preconditionFailed(`${prefix}If-None-Match`);
  } else if (c.IfModifiedSince !== undefined && modified <= c.IfModifiedSince)
    throw read ? s3Error.notModified() : s3Error.preconditionFailed(`${prefix}If-Modified-Since`);
}

/**
 * The bytes a Range header asks of an object of `size` bytes: undefined for the whole object (no
 * header, or one S3 ignores: not `bytes=`, or several ranges), InvalidRange when none of it exists.
 */
export function rangeOf(header: string | undefined, size: number): ByteRange | undefined {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) throw s3Error.invalidRange(size, header!);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return undefined;
  }
  if (start >= size) throw s3Error.invalidRange(size, header!);
  return { start, end };
}
