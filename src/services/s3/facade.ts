/**
 * @module services/s3/facade
 * What other rooms do with objects, over the room's own model and object store: read one (its bytes
 * streamed from disk). Failures are S3ObjectError, carrying S3's own code (NoSuchBucket, NoSuchKey, …).
 */
import { Readable } from 'node:stream';
import { AwsError } from '../../core/errors.ts';
import { findVersion } from './api-common.ts';
import type { S3Context } from './context.ts';
import type { ObjectVersion } from './model.ts';
import { shownVersion } from './versions.ts';

/** An object (or bucket) that is not there, or a name S3 refuses; `code` is S3's error code. */
export class S3ObjectError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'S3ObjectError';
  }
}

export interface ObjectHead {
  bucket: string;
  key: string;
  /** Absent for the 'null' version of a bucket that does not keep versions. */
  versionId?: string;
  etag: string;
  size: number;
  lastModified: number;
}

export interface S3Facade {
  /** The version's figures and its bytes, streamed from disk (the newest unless `versionId` names one). */
  getObject(bucket: string, key: string, versionId?: string): ObjectHead & { body: Readable };
}

export function createFacade(s3: S3Context): S3Facade {
  const head = (v: ObjectVersion): ObjectHead => ({ bucket: v.bucket, key: v.key, versionId: shownVersion(v), etag: v.etag, size: v.size, lastModified: v.lastModified });
  return {
    getObject(bucket, key, versionId) {
      let v: ObjectVersion;
      try {
        v = findVersion(s3, bucket, key, versionId);
      } catch (err) {
        throw err instanceof AwsError ? new S3ObjectError(err.code, err.message) : err;
      }
      return { ...head(v), body: v.size === 0 || !v.blob ? Readable.from([]) : s3.objects.open(v.blob) };
    },
  };
}
