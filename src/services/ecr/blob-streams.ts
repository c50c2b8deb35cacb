/**
 * @module services/ecr/blob-streams
 * Moving blob bytes fast: uploads hashed and written in batches, downloads sent through reused
 * buffers. Both exist because the profiler said so (bench/ecr.ts): Node's stream defaults cost
 * more CPU per GB than the registry's real work.
 */
import type { Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Transform, type Writable } from 'node:stream';

/** Bigger reads and writes than Node's 64 KiB/16 KiB defaults: fewer syscalls per GB. */
export const IO_CHUNK = 1024 * 1024;
/** Downloads read in bigger chunks, through RING buffers: a read goes on while earlier chunks are sent. */
const DOWNLOAD_CHUNK = 2 * 1024 * 1024;
const RING = 4;
/** Download buffers kept for reuse: enough for a few concurrent pulls (Docker fetches three layers at once). */
const POOLED_BUFFERS = 16;

/** The running hash of an upload's first `hashed` bytes. */
export interface HashState {
  hash: Hash;
  hashed: number;
}

/** Free download buffers, so a pull does not page-fault in fresh memory for every layer. */
export class BufferPool {
  private readonly free: Buffer[] = [];

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(DOWNLOAD_CHUNK);
  }

  give(buffers: Buffer[]): void {
    for (const b of buffers) if (this.free.length < POOLED_BUFFERS) this.free.push(b);
  }
}

/**
 * Writes the file at `path` (or the inclusive byte range of it) to `dest`, which it does not end.
 * About twice the throughput of `createReadStream().pipe()`, which allocates, and page-faults in,
 * a fresh buffer for every read. A buffer is refilled only once `dest` has finished writing it, so
 * at most RING × DOWNLOAD_CHUNK bytes are in flight per download.
 */
export async function sendFile(path: string, dest: Writable, pool: BufferPool, range?: { start: number; end: number }): Promise<void> {
  const file = await open(path, 'r');
  // A response whose client went away may never call back its writes: stop on 'close' instead.
  const closed = new Promise<never>((_, reject) =>
    dest.once('close', () => reject(new Error('the destination closed before the blob was written'))),
  );
  closed.catch(() => undefined);
  const buffers: Buffer[] = [];
  let clean = false;
  try {
    let position = range?.start ?? 0;
    const end = range ? range.end + 1 : (await file.stat()).size;
    const writing: (Promise<void> | undefined)[] = [];
    for (let i = 0; position < end; i++) {
      const k = i % RING;
      if (writing[k]) await Promise.race([writing[k], closed]);
      if (dest.destroyed) throw new Error('the destination closed before the blob was written');
      const buffer = (buffers[k] ??= pool.take());
      const { bytesRead } = await file.read(buffer, 0, Math.min(DOWNLOAD_CHUNK, end - position), position);
      if (bytesRead === 0) throw new Error(`${path} is shorter than expected`);
      position += bytesRead;
      writing[k] = new Promise<void>((resolve, reject) =>
        dest.write(buffer.subarray(0, bytesRead), (err) => (err ? reject(err) : resolve())),
      );
      writing[k].catch(() => undefined);
    }
    await Promise.race([Promise.all(writing), closed]);
    clean = true;
  } finally {
    await file.close();
    // Only buffers whose writes all completed may be reused; after a failure, let them go.
    if (clean) pool.give(buffers);
  }
}

/**
 * Hashes the bytes passing through and hands them on in batches of at least IO_CHUNK. Docker
 * sends ~20 KB chunks; one file write and one hash call per chunk cost more CPU than the bytes
 * (and on a 2-CPU machine that CPU is taken from Docker's gzip). Bytes are hashed as they leave,
 * so a batch lost to an aborted request was never counted either.
 */
export function hashInBatches(state: HashState): Transform {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const release = (stream: Transform) => {
    if (pendingBytes === 0) return;
    const batch = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    state.hash.update(batch);
    state.hashed += batch.length;
    stream.push(batch);
  };
  return new Transform({
    highWaterMark: IO_CHUNK,
    transform(this: Transform, chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= IO_CHUNK) release(this);
      done();
    },
    flush(this: Transform, done) {
      release(this);
      done();
    },
  });
}
