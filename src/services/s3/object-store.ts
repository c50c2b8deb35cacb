/**
 * @module services/s3/object-store
 * The one interface between the S3 room and the bytes of its objects, as the ELB room has one
 * between its desired state and the proxy. The room keeps what an object is (its key, version,
 * ETag, metadata) in the store; an ObjectStore keeps only immutable blobs under opaque ids.
 *
 * Writing is two-step so that nothing half-written is ever seen: `receive` streams bytes into a
 * staging area, hashing them as they pass (MD5 for the ETag and any checksum the client asked
 * for); the room checks the digests; only then does `keep` make the blob permanent, before the
 * record naming it is committed. A blob no record names (a crash between `keep` and the commit)
 * is removed by `sweep` at start, as is everything still staged.
 */
import type { Readable } from 'node:stream';
import type { ChecksumAlgorithm } from '../../protocol/restxml/checksums.ts';

/** What streaming a body into staging found. */
export interface Received {
  /** The staged blob's id: `keep` or `discard` it. */
  id: string;
  size: number;
  /** MD5, hex ('' when not asked for). */
  md5: string;
  /** base64 digests of the algorithms asked for. */
  checksums: Partial<Record<ChecksumAlgorithm, string>>;
}

/** An inclusive byte range. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface ObjectStore {
  /**
   * Streams `body` (or the blobs `parts`, one after another) into staging, with MD5 unless told
   * not to (a multipart object's ETag is made from its parts' MD5s, not from its bytes).
   */
  receive(body: Readable | string[], algorithms: readonly ChecksumAlgorithm[], opts?: { md5?: boolean }): Promise<Received>;
  /** Makes a staged blob permanent (durable on disk when this returns). */
  keep(id: string): Promise<void>;
  discard(id: string): void;
  /** Streams a kept blob, or a byte range of it. */
  open(id: string, range?: ByteRange): Readable;
  remove(id: string): void;
  /** Removes everything staged, and every kept blob `inUse` does not claim. Returns how many went. */
  sweep(inUse: (id: string) => boolean): Promise<number>;
}
