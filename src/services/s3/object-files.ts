/**
 * @module services/s3/object-files
 * The ObjectStore on the local filesystem, under the data directory's `s3/`:
 *
 *   incoming/<uuid>          bytes being received; nothing reads them until kept
 *   blobs/<2 hex>/<uuid>     kept blobs (an object version, a part), never changed once there
 *
 * `keep` fsyncs the file and renames it into blobs/ (atomic on one filesystem), so a crash leaves
 * a blob whole or not there at all. Bytes stream through in 1 MiB reads: an object of any size
 * costs the same memory.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync, unlinkSync } from 'node:fs';
import { open, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createChecksum, type ChecksumAlgorithm } from '../../protocol/restxml/checksums.ts';
import type { ByteRange, ObjectStore, Received } from './object-store.ts';

const IO_CHUNK = 1024 * 1024;
const BLOB_ID = /^[0-9a-f-]{36}$/;

export class FileObjectStore implements ObjectStore {
  constructor(private readonly root: string) {
    mkdirSync(join(root, 'incoming'), { recursive: true });
    mkdirSync(join(root, 'blobs'), { recursive: true });
  }

  private staged(id: string): string {
    return join(this.root, 'incoming', id);
  }

  private kept(id: string): string {
    if (!BLOB_ID.test(id)) throw new Error(`not a blob id: ${id}`);
    return join(this.root, 'blobs', id.slice(0, 2), id);
  }

  async receive(body: Readable | string[], algorithms: readonly ChecksumAlgorithm[], opts: { md5?: boolean } = {}): Promise<Received> {
    const id = randomUUID();
    const md5 = opts.md5 === false ? undefined : createChecksum('MD5');
    const sums = algorithms.map((a) => [a, createChecksum(a)] as const);
    let size = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _enc, done) {
        // A throw here would escape the pipeline and leave the caller waiting: hand it over instead.
        try {
          size += chunk.length;
          md5?.update(chunk);
          for (const [, sum] of sums) sum.update(chunk);
        } catch (err) {
          return done(err as Error);
        }
        done(null, chunk);
      },
    });
    const source = Array.isArray(body) ? Readable.from(this.concat(body)) : body;
    try {
      await pipeline(source, hashing, createWriteStream(this.staged(id), { highWaterMark: IO_CHUNK }));
    } catch (err) {
      this.discard(id);
      throw err;
    }
    return {
      id,
      size,
      md5: md5 ? Buffer.from(md5.digest(), 'base64').toString('hex') : '',
      checksums: Object.fromEntries(sums.map(([a, s]) => [a, s.digest()])),
    };
  }

  private async *concat(ids: string[]): AsyncGenerator<Buffer> {
    for (const id of ids) yield* createReadStream(this.kept(id), { highWaterMark: IO_CHUNK }) as AsyncIterable<Buffer>;
  }

  async keep(id: string): Promise<void> {
    const file = await open(this.staged(id), 'r+');
    try {
      await file.sync();
    } finally {
      await file.close();
    }
    mkdirSync(join(this.root, 'blobs', id.slice(0, 2)), { recursive: true });
    await rename(this.staged(id), this.kept(id));
  }

  discard(id: string): void {
    rmSync(this.staged(id), { force: true });
  }

  open(id: string, range?: ByteRange): Readable {
    return createReadStream(this.kept(id), { ...range, highWaterMark: IO_CHUNK });
  }

  remove(id: string): void {
    try {
      unlinkSync(this.kept(id));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }

  async sweep(inUse: (id: string) => boolean): Promise<number> {
    let removed = 0;
    for (const name of await readdir(join(this.root, 'incoming'))) {
      rmSync(join(this.root, 'incoming', name), { force: true });
      removed++;
    }
    for (const prefix of await readdir(join(this.root, 'blobs'))) {
      for (const name of await readdir(join(this.root, 'blobs', prefix)).catch(() => [] as string[])) {
        if (BLOB_ID.test(name) && !inUse(name)) {
          this.remove(name);
          removed++;
        }
      }
    }
    return removed;
  }
}
