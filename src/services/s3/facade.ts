/**
 * @module services/s3/facade
 * What other rooms (CodeBuild's sources, buildspecs and artifacts; the pipeline's) do with objects,
 * over the room's own model and object store: read one (its bytes streamed from disk), look at one,
 * write one from a stream or a file. A write is a PutObject in all but the wire: the bytes are made
 * durable before the version naming them is committed, versioning applies, and ObjectCreated:Put is
 * announced. Failures are S3ObjectError, carrying S3's own code (NoSuchBucket, NoSuchKey, …).
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { AwsError } from '../../core/errors.ts';
import { checkKey, findVersion, requireBucket, storedHeaders } from './api-common.ts';
import type { S3Context } from './context.ts';
import type { ObjectVersion } from './model.ts';
import { commitVersion, shownVersion } from './versions.ts';

/** An object (or bucket) that is not there, or a name S3 refuses; `code` is S3's error code. */
export class S3ObjectError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
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
  contentType?: string;
  metadata: Record<string, string>;
}

export interface PutOptions {
  contentType?: string;
  metadata?: Record<string, string>;
}

export interface S3Facade {
  /** The version's figures (the newest unless `versionId` names one). */
  headObject(bucket: string, key: string, versionId?: string): ObjectHead;
  /** The version's figures and its bytes, streamed from disk. */
  getObject(bucket: string, key: string, versionId?: string): ObjectHead & { body: Readable };
  /**
   * A small object's bytes as UTF-8 text (a buildspec, an AppSpec, an .env file); one larger than
   * `maxBytes` is not read and answers S3ObjectError EntityTooLarge.
   */
  readText(bucket: string, key: string, opts: { versionId?: string; maxBytes: number }): Promise<ObjectHead & { text: string }>;
  /** Stores `body` (a stream, or `{ file }` read from this machine) as the key's newest version. */
  putObject(bucket: string, key: string, body: Readable | { file: string }, opts?: PutOptions): Promise<ObjectHead>;
  /** Whether the bucket exists. */
  bucketExists(bucket: string): boolean;
}

export function createFacade(s3: S3Context): S3Facade {
  const head = (v: ObjectVersion): ObjectHead => ({
    bucket: v.bucket,
    key: v.key,
    versionId: shownVersion(v),
    etag: v.etag,
    size: v.size,
    lastModified: v.lastModified,
    contentType: v.headers.ContentType,
    metadata: v.metadata,
  });
  const find = (bucket: string, key: string, versionId?: string) => typed(() => findVersion(s3, bucket, key, versionId));

  return {
    headObject: (bucket, key, versionId) => head(find(bucket, key, versionId)),

    getObject(bucket, key, versionId) {
      const v = find(bucket, key, versionId);
      return { ...head(v), body: v.size === 0 || !v.blob ? Readable.from([]) : s3.objects.open(v.blob) };
    },

    async readText(bucket, key, { versionId, maxBytes }) {
      const v = find(bucket, key, versionId);
      if (v.size > maxBytes) throw new S3ObjectError('EntityTooLarge', `the object is ${v.size} bytes; at most ${maxBytes} are read`);
      const chunks: Buffer[] = [];
      if (v.size > 0 && v.blob) for await (const chunk of s3.objects.open(v.blob)) chunks.push(chunk as Buffer);
      return { ...head(v), text: Buffer.concat(chunks).toString('utf8') };
    },

    async putObject(bucket, key, body, opts = {}) {
      typed(() => {
        requireBucket(s3, bucket);
        checkKey(key);
      });
      const received = await s3.objects.receive(body instanceof Readable ? body : createReadStream(body.file), []);
      const draft = { bucket, key, headers: storedHeaders({ ContentType: opts.contentType }), metadata: opts.metadata ?? {}, tags: [] };
      return head(await typedAsync(() => commitVersion(s3, draft, received, 'ObjectCreated:Put')));
    },

    bucketExists: (bucket) => s3.model.bucket(bucket) !== undefined,
  };
}

function asTyped(err: unknown): unknown {
  return err instanceof AwsError ? new S3ObjectError(err.code, err.message) : err;
}

function typed<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw asTyped(err);
  }
}

async function typedAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw asTyped(err);
  }
}
