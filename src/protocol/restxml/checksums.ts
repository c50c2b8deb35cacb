/**
 * @module protocol/restxml/checksums
 * The checksums S3 clients send and ask for (x-amz-checksum-*, Content-MD5), computed as bytes
 * stream past. CRC32 is zlib's; CRC32C (Castagnoli) and CRC64NVME have no Node implementation, so
 * they are table-driven here. Digests are base64 of the big-endian value, as S3 writes them.
 */
import { createHash, type Hash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { crc32 } from 'node:zlib';
import { digestErrors } from './s3-errors.ts';

export const CHECKSUM_ALGORITHMS = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const;
export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

export interface Checksum {
  update(chunk: Buffer): void;
  /** base64 of the digest; call once, at the end. */
  digest(): string;
}

/** Content-MD5 as S3 takes it: base64 of 16 bytes. */
export const CONTENT_MD5 = /^[A-Za-z0-9+/]{22}==$/;

export function isChecksumAlgorithm(value: string): value is ChecksumAlgorithm {
  return (CHECKSUM_ALGORITHMS as readonly string[]).includes(value);
}

/** The header (and trailer) carrying an algorithm's value, e.g. x-amz-checksum-crc32c. */
export function checksumHeader(algorithm: ChecksumAlgorithm): string {
  return `x-amz-checksum-${algorithm.toLowerCase()}`;
}

function crc32cTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

const CRC64_POLY = 0x9a6c9329ac4bc9b5n; // CRC-64/NVME, reflected
function crc64Table(): BigUint64Array {
  const table = new BigUint64Array(256);
  for (let n = 0; n < 256; n++) {
    let c = BigInt(n);
    for (let k = 0; k < 8; k++) c = c & 1n ? CRC64_POLY ^ (c >> 1n) : c >> 1n;
    table[n] = c;
  }
  return table;
}

let c32c: Uint32Array | undefined;
let c64: { hi: Uint32Array; lo: Uint32Array } | undefined;

function uint32(value: number): string {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out.toString('base64');
}

class Crc32 implements Checksum {
  private value = 0;
  update(chunk: Buffer): void {
    this.value = crc32(chunk, this.value);
  }
  digest(): string {
    return uint32(this.value);
  }
}

class Crc32c implements Checksum {
  private value = 0xffffffff;
  private readonly table = (c32c ??= crc32cTable());
  update(chunk: Buffer): void {
    let c = this.value;
    for (let i = 0; i < chunk.length; i++) c = this.table[(c ^ chunk[i]) & 0xff] ^ (c >>> 8);
    this.value = c;
  }
  digest(): string {
    return uint32(this.value ^ 0xffffffff);
  }
}

/** CRC-64/NVME on two 32-bit halves: BigInt per byte would be far too slow for large objects. */
class Crc64Nvme implements Checksum {
  private hi = 0xffffffff;
  private lo = 0xffffffff;
  private readonly table = (c64 ??=
    (() => {
      const t = crc64Table();
      return { hi: Uint32Array.from(t, (v) => Number(v >> 32n)), lo: Uint32Array.from(t, (v) => Number(v & 0xffffffffn)) };
    })());
  update(chunk: Buffer): void {
    let { hi, lo } = this;
    const { hi: th, lo: tl } = this.table;
    for (let i = 0; i < chunk.length; i++) {
      const index = (lo ^ chunk[i]) & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ tl[index];
      hi = (hi >>> 8) ^ th[index];
    }
    this.hi = hi >>> 0;
    this.lo = lo >>> 0;
  }
  digest(): string {
    const out = Buffer.alloc(8);
    out.writeUInt32BE((this.hi ^ 0xffffffff) >>> 0, 0);
    out.writeUInt32BE((this.lo ^ 0xffffffff) >>> 0, 4);
    return out.toString('base64');
  }
}

class Digest implements Checksum {
  constructor(private readonly hash: Hash) {}
  update(chunk: Buffer): void {
    this.hash.update(chunk);
  }
  digest(): string {
    return this.hash.digest('base64');
  }
}

export function createChecksum(algorithm: ChecksumAlgorithm | 'MD5'): Checksum {
  switch (algorithm) {
    case 'CRC32':
      return new Crc32();
    case 'CRC32C':
      return new Crc32c();
    case 'CRC64NVME':
      return new Crc64Nvme();
    case 'SHA1':
      return new Digest(createHash('sha1'));
    case 'SHA256':
      return new Digest(createHash('sha256'));
    case 'MD5':
      return new Digest(createHash('md5'));
  }
}

/**
 * Checks a body read whole (an XML document, a policy) against the Content-MD5 and
 * x-amz-checksum-* headers sent with it; throws S3's InvalidDigest or BadDigest.
 */
export function checkBodyDigests(headers: IncomingHttpHeaders, body: Buffer): void {
  const md5 = [headers['content-md5']].flat()[0];
  if (md5 !== undefined) {
    if (!CONTENT_MD5.test(md5)) throw digestErrors.invalidDigest(md5);
    const computed = createHash('md5').update(body).digest('base64');
    if (md5 !== computed) throw digestErrors.badDigest(md5, computed);
  }
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const sent = headers[checksumHeader(algorithm)];
    if (typeof sent !== 'string') continue;
    const sum = createChecksum(algorithm);
    sum.update(body);
    if (sum.digest() !== sent) throw digestErrors.badChecksum(algorithm);
  }
}
