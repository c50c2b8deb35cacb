/**
 * @module protocol/restxml/chunked
 * Decodes an `aws-chunked` body (Content-Encoding: aws-chunked), as SDKs send uploads whose
 * checksum travels in a trailer:
 *
 *   <hex size>[;chunk-signature=<sig>]\r\n<data>\r\n … 0[;chunk-signature=<sig>]\r\n
 *   <trailer name>:<value>\r\n … [x-amz-trailer-signature:<sig>\r\n]\r\n
 *
 * The decoded bytes stream on; the trailers are kept for the reader to check once the body ends.
 * Chunk signatures are checked in turn when `signed.chunk` is given (signatures required), and
 * the trailer signature when `signed.trailer` is (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER),
 * else read past. Bad framing fails the stream with ChunkedError, trailers other than those
 * announced with S3's MalformedTrailerError, a bad signature with S3's SignatureDoesNotMatch:
 * each before the body ends, so that nothing is kept.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { AwsError } from '../../core/errors.ts';
import type { RequestContext } from '../types.ts';

export class ChunkedError extends Error {}

/** The longest size or trailer line accepted: a signature line is about 90 bytes. */
const MAX_LINE = 4096;

export class AwsChunkedDecoder extends Transform {
  readonly trailers = new Map<string, string>();
  /** The trailers the client announced (x-amz-trailer), lower case: known before the body is read. */
  readonly announced: string[];

  constructor(
    announced = '',
    private readonly signed: NonNullable<RequestContext['signedBody']> = {},
  ) {
    super();
    this.announced = announced
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean);
  }

  private state: 'size' | 'data' | 'data-end' | 'trailer' | 'done' = 'size';
  private line = '';
  private left = 0;
  private pending: Buffer = Buffer.alloc(0);
  /** The signature the chunk being read claims, and its bytes' hash so far (when signatures are checked). */
  private claimed = '';
  private hash?: Hash;
  private trailerSignature?: string;

  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.feed(chunk);
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  _flush(done: TransformCallback): void {
    done(this.state === 'done' ? undefined : new ChunkedError('the aws-chunked body ended before its last chunk'));
  }

  private feed(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.state === 'data') {
        const take = Math.min(this.left, chunk.length - at);
        this.push(chunk.subarray(at, at + take));
        this.hash?.update(chunk.subarray(at, at + take));
        at += take;
        this.left -= take;
        if (this.left === 0) this.state = 'data-end';
        continue;
      }
      if (this.state === 'done') {
        if (chunk.subarray(at).toString().trim()) throw new ChunkedError('bytes after the aws-chunked trailer');
        return;
      }
      const nl = chunk.indexOf(0x0a, at);
      const piece = chunk.subarray(at, nl < 0 ? chunk.length : nl + 1);
      this.pending = this.pending.length ? Buffer.concat([this.pending, piece]) : piece;
      at += piece.length;
      if (this.pending.length > MAX_LINE) throw new ChunkedError('an aws-chunked line is too long');
      if (nl < 0) return;
      this.line = this.pending.toString('latin1').replace(/\r?\n$/, '');
      this.pending = Buffer.alloc(0);
      this.onLine();
    }
  }

  private onLine(): void {
    const line = this.line;
    switch (this.state) {
      case 'data-end':
        if (line !== '') throw new ChunkedError('an aws-chunked chunk is longer than its size');
        if (this.signed.chunk) this.checkChunk();
        this.state = 'size';
        return;
      case 'size': {
        const size = line.split(';')[0].trim();
        if (!/^[0-9a-fA-F]{1,16}$/.test(size)) throw new ChunkedError(`bad aws-chunked size line '${line.slice(0, 40)}'`);
        this.left = parseInt(size, 16);
        if (this.signed.chunk) {
          this.claimed = /;\s*chunk-signature=([0-9a-f]{64})\s*$/.exec(line)?.[1] ?? '';
          this.hash = createHash('sha256');
          if (this.left === 0) this.checkChunk();
        }
        this.state = this.left === 0 ? 'trailer' : 'data';
        return;
      }
      case 'trailer': {
        if (line === '') {
          this.endTrailers();
          this.state = 'done';
          return;
        }
        const colon = line.indexOf(':');
        if (colon <= 0) throw new ChunkedError(`bad aws-chunked trailer '${line.slice(0, 40)}'`);
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (name === 'x-amz-trailer-signature') this.trailerSignature = value;
        else if (!this.announced.includes(name) || this.trailers.has(name)) throw malformedTrailer();
        else this.trailers.set(name, value);
        return;
      }
    }
  }

  private checkChunk(): void {
    if (!this.signed.chunk!(this.claimed, this.hash!.digest('hex'))) throw signatureMismatch();
  }

  /** Every trailer announced has come, and when trailers are signed, their signature follows the last chunk's. */
  private endTrailers(): void {
    if (this.announced.some((name) => !this.trailers.has(name))) throw malformedTrailer();
    if (!this.signed.trailer) return;
    const canonical = [...this.trailers]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, value]) => `${name}:${value}\n`)
      .join('');
    const hash = createHash('sha256').update(canonical).digest('hex');
    if (!this.signed.trailer(this.trailerSignature ?? '', hash)) throw signatureMismatch();
  }
}

function signatureMismatch(): AwsError {
  return new AwsError(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    { status: 403 },
  );
}

function malformedTrailer(): AwsError {
  return new AwsError(
    'MalformedTrailerError',
    'The request contained trailing data that was not well-formed or did not conform to our published schema.',
  );
}
