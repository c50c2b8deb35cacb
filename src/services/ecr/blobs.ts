/**
 * @module services/ecr/blobs
 * Content-addressed blob storage on disk: layers, configs and manifests, each stored once however
 * many repositories link it (which repository holds what is in the model's tables, not here).
 *
 * Layout under the root (the data directory's `registry/`):
 *
 *   blobs/sha256/<first 2 hex>/<64 hex>   a blob's bytes; immutable once renamed into place
 *   uploads/<uuid>                        bytes of an upload in progress, appended in order
 *   tmp/<uuid>                            small writes (manifests) staged before their rename
 *
 * Digests are verified, never trusted: an upload keeps a running sha256 in memory while its bytes
 * stream to disk, so committing a multi-GB layer costs one rename. After a restart (or an aborted
 * append whose tail never reached the file) the hash is rebuilt from the file before going on.
 * A commit with the wrong digest deletes the upload's bytes. A commit renames the upload file
 * onto the blob path, which is atomic, so two pushes of the same layer race harmlessly: both
 * files hold the same bytes (and one already in place is simply kept). Nothing here buffers a
 * layer in memory.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BufferPool, IO_CHUNK, hashInBatches, sendFile, type HashState } from './blob-streams.ts';
import { Turns } from '../../core/turns.ts';

export const DIGEST = /^sha256:[a-f0-9]{64}$/;
const UPLOAD_ID = /^[A-Za-z0-9][A-Za-z0-9-]{7,63}$/;

export class InvalidDigestError extends Error {
  constructor(readonly digest: string) {
    super(`'${digest}' is not a sha256 digest (sha256:<64 lowercase hex>)`);
  }
}
export class UploadUnknownError extends Error {
  constructor(readonly id: string) {
    super(`upload ${id} does not exist`);
  }
}
/** An append or commit that does not start where the upload ends. */
export class OffsetMismatchError extends Error {
  constructor(
    readonly offset: number,
    readonly expected: number,
  ) {
    super(`the upload holds ${offset} bytes, so the next chunk must start at ${offset} (not ${expected})`);
  }
}
export class DigestMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`the uploaded bytes have digest ${actual}, not ${expected}`);
  }
}

export interface BlobStat {
  size: number;
  modifiedAt: number;
}

export function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export function assertDigest(digest: string): void {
  if (!DIGEST.test(digest)) throw new InvalidDigestError(digest);
}

export class BlobStore {
  private readonly hashes = new Map<string, HashState>();
  /** Per upload, the operation in progress: appends and commits of one upload run one at a time. */
  private readonly turns = new Turns();
  private readonly downloadBuffers = new BufferPool();
  /** Digests being committed right now (garbage collection leaves them alone). */
  private readonly committing = new Map<string, number>();

  constructor(readonly root: string) {
    mkdirSync(join(root, 'blobs', 'sha256'), { recursive: true });
    mkdirSync(join(root, 'uploads'), { recursive: true });
    // Staged manifest writes that a crash interrupted are worthless: start tmp/ empty.
    rmSync(join(root, 'tmp'), { recursive: true, force: true });
    mkdirSync(join(root, 'tmp'), { recursive: true });
  }

  path(digest: string): string {
    assertDigest(digest);
    const hex = digest.slice(7);
    return join(this.root, 'blobs', 'sha256', hex.slice(0, 2), hex);
  }

  /** Synchronous on purpose: callers check and link a blob with no await between (see housekeeping). */
  stat(digest: string): BlobStat | undefined {
    try {
      const s = statSync(this.path(digest));
      return { size: s.size, modifiedAt: s.mtimeMs };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  /** Streams a blob, or the inclusive byte range of it. */
  open(digest: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.path(digest), { ...range, highWaterMark: IO_CHUNK });
  }

  /**
   * Writes a blob, or the inclusive byte range of it, to `dest` (which it does not end). Much
   * faster than `open().pipe(dest)`: see sendFile.
   */
  writeTo(digest: string, dest: Writable, range?: { start: number; end: number }): Promise<void> {
    return sendFile(this.path(digest), dest, this.downloadBuffers, range);
  }

  /** A small blob (a manifest) whole. */
  read(digest: string): Buffer {
    return readFileSync(this.path(digest));
  }

  /** Stores small bytes (a manifest) and returns their digest. */
  putBytes(bytes: Buffer): string {
    const digest = sha256(bytes);
    if (this.stat(digest)?.size === bytes.length) return digest;
    const staged = join(this.root, 'tmp', randomUUID());
    writeFileSync(staged, bytes);
    this.moveIntoPlace(staged, digest);
    return digest;
  }

  /** Deletes a blob; synchronous so a caller's check-then-delete cannot interleave with a request. */
  delete(digest: string): boolean {
    try {
      unlinkSync(this.path(digest));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  /** Every blob's digest. */
  async list(): Promise<string[]> {
    const base = join(this.root, 'blobs', 'sha256');
    const digests: string[] = [];
    for (const prefix of await readdir(base)) {
      if (!/^[a-f0-9]{2}$/.test(prefix)) continue;
      for (const name of await readdir(join(base, prefix)).catch(() => [] as string[])) {
        if (/^[a-f0-9]{64}$/.test(name) && name.startsWith(prefix)) digests.push(`sha256:${name}`);
      }
    }
    return digests;
  }

  isCommitting(digest: string): boolean {
    return this.committing.has(digest);
  }

  /** Counts a commit of `digest` starting (+1) or ending (-1); none left under way forgets it. */
  private countCommit(digest: string, delta: 1 | -1): void {
    const n = (this.committing.get(digest) ?? 0) + delta;
    if (n > 0) this.committing.set(digest, n);
    else this.committing.delete(digest);
  }

  // -------------------------------------------------------------------------------------------
  // Uploads

  async startUpload(id: string): Promise<void> {
    await writeFile(this.uploadPath(id), Buffer.alloc(0), { flag: 'wx' });
    this.hashes.set(id, { hash: createHash('sha256'), hashed: 0 });
  }

  /** Bytes received so far, once any append in progress has settled; undefined when unknown. */
  async uploadSize(id: string): Promise<number | undefined> {
    return this.turns.take(id, () => this.sizeOf(id).catch((err) => (err instanceof UploadUnknownError ? undefined : Promise.reject(err))));
  }

  /**
   * Appends `stream` to the upload and returns the new size. With `expectedOffset`, refuses
   * (OffsetMismatchError, nothing read) unless the upload currently holds exactly that many bytes.
   * If the stream fails midway, the bytes that reached the file stay: the client resumes from there.
   */
  append(id: string, stream: Readable, expectedOffset?: number): Promise<number> {
    return this.turns.take(id, async () => {
      const size = await this.sizeOf(id);
      if (expectedOffset !== undefined && expectedOffset !== size) throw new OffsetMismatchError(size, expectedOffset);
      const state = await this.hashState(id, size);
      const hasher = hashInBatches(state);
      try {
        await pipeline(stream, hasher, createWriteStream(this.uploadPath(id), { flags: 'a', highWaterMark: IO_CHUNK }));
      } catch (err) {
        // Hashed bytes still on their way when the write stream was destroyed never reached the file.
        if ((await this.sizeOf(id).catch(() => -1)) !== state.hashed) this.hashes.delete(id);
        throw err;
      }
      return state.hashed;
    });
  }

  /**
   * Verifies the upload's digest and moves it into place. On a mismatch the upload's bytes are
   * deleted and DigestMismatchError thrown; either way the upload is gone afterwards.
   */
  commitUpload(id: string, expectedDigest: string): Promise<{ digest: string; size: number }> {
    assertDigest(expectedDigest);
    return this.turns.take(id, async () => {
      this.countCommit(expectedDigest, 1);
      try {
        const size = await this.sizeOf(id);
        const actual = `sha256:${(await this.hashState(id, size)).hash.digest('hex')}`;
        this.hashes.delete(id);
        if (actual !== expectedDigest) {
          await rm(this.uploadPath(id), { force: true });
          throw new DigestMismatchError(expectedDigest, actual);
        }
        if (this.stat(expectedDigest)?.size === size) {
          // Already stored by an earlier push of the same layer: keep that file, and free this one
          // off the event loop (unlinking a GB-sized file keeps the kernel busy for a while).
          const doomed = join(this.root, 'tmp', randomUUID());
          renameSync(this.uploadPath(id), doomed);
          void rm(doomed, { force: true }).catch(() => undefined);
        } else {
          this.moveIntoPlace(this.uploadPath(id), expectedDigest);
        }
        return { digest: expectedDigest, size };
      } finally {
        this.countCommit(expectedDigest, -1);
      }
    });
  }

  cancelUpload(id: string): Promise<void> {
    return this.turns.take(id, async () => {
      this.hashes.delete(id);
      await rm(this.uploadPath(id), { force: true });
    });
  }

  /** Uploads on disk with the time of their last write (now, for one being written to). */
  async listUploads(): Promise<{ id: string; modifiedAt: number }[]> {
    const out: { id: string; modifiedAt: number }[] = [];
    for (const id of await readdir(join(this.root, 'uploads'))) {
      if (!UPLOAD_ID.test(id)) continue;
      const s = this.turns.busy(id) ? { mtimeMs: Date.now() } : await stat(join(this.root, 'uploads', id)).catch(() => undefined);
      if (s) out.push({ id, modifiedAt: s.mtimeMs });
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------

  private uploadPath(id: string): string {
    if (!UPLOAD_ID.test(id)) throw new UploadUnknownError(id);
    return join(this.root, 'uploads', id);
  }

  private async sizeOf(id: string): Promise<number> {
    try {
      return (await stat(this.uploadPath(id))).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UploadUnknownError(id);
      throw err;
    }
  }

  /** The running hash of the upload's `size` bytes, rebuilt from the file when memory lost it. */
  private async hashState(id: string, size: number): Promise<HashState> {
    const known = this.hashes.get(id);
    if (known && known.hashed === size) return known;
    const state: HashState = { hash: createHash('sha256'), hashed: 0 };
    if (size > 0) {
      for await (const chunk of createReadStream(this.uploadPath(id), { highWaterMark: IO_CHUNK, end: size - 1 })) {
        state.hash.update(chunk as Buffer);
        state.hashed += (chunk as Buffer).length;
      }
    }
    this.hashes.set(id, state);
    return state;
  }

  private moveIntoPlace(from: string, digest: string): void {
    const target = this.path(digest);
    mkdirSync(join(target, '..'), { recursive: true });
    renameSync(from, target);
  }
}
