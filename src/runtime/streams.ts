/**
 * @module runtime/streams
 * Two readers for the engine's streaming replies: newline-delimited JSON (pull, build, import and
 * event streams) and the 8-byte-header multiplexed log format of containers created without a TTY.
 */
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Calls `onObject` for each JSON line of `stream` and resolves when the stream ends. Chunks may
 * split a line anywhere, so bytes are buffered until the newline. A line that is not JSON is passed
 * on as `{ raw }` instead of killing the stream, because the engine occasionally writes plain text.
 */
export function readJsonLines(stream: NodeJS.ReadableStream, onObject: (obj: any) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let pending = '';
    let settled = false;
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      stream.removeListener('data', onData);
      if (err) reject(err);
      else resolve();
    };
    const emitLine = (line: string): boolean => {
      const text = line.trim();
      if (!text) return true;
      let obj: unknown;
      try {
        obj = JSON.parse(text);
      } catch {
        obj = { raw: text };
      }
      try {
        onObject(obj);
        return true;
      } catch (err) {
        finish(err); // the consumer rejected the stream (e.g. an error message in a pull)
        return false;
      }
    };
    const onData = (chunk: Buffer | string) => {
      pending += chunk.toString();
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (!emitLine(line)) return;
      }
    };
    stream.on('data', onData);
    stream.once('error', (err) => finish(err));
    // 'close' without 'end' happens when the stream is destroyed (abort): treat it as the end.
    const onEnd = () => {
      if (!settled && pending && !emitLine(pending)) return;
      pending = '';
      finish();
    };
    stream.once('end', onEnd);
    stream.once('close', onEnd);
  });
}

/**
 * Turns the engine's multiplexed log stream (header: stream type byte, 3 zero bytes, big-endian
 * length) into plain text with stdout and stderr interleaved in arrival order. If the first header
 * is not a valid one (a TTY container), everything is passed through unchanged.
 */
export class DemuxStream extends Transform {
  private buffered: Buffer = Buffer.alloc(0);
  private raw = false;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.raw) {
      done(null, chunk);
      return;
    }
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    while (this.buffered.length >= 8) {
      const type = this.buffered[0];
      if (type > 2 || this.buffered[1] !== 0 || this.buffered[2] !== 0 || this.buffered[3] !== 0) {
        this.raw = true;
        this.push(this.buffered);
        this.buffered = Buffer.alloc(0);
        done();
        return;
      }
      const length = this.buffered.readUInt32BE(4);
      if (this.buffered.length < 8 + length) break;
      this.push(this.buffered.subarray(8, 8 + length));
      this.buffered = this.buffered.subarray(8 + length);
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    // A truncated frame at the end (container killed mid-write) still carries useful text.
    if (this.buffered.length > 8) this.push(this.buffered.subarray(8));
    else if (this.raw && this.buffered.length) this.push(this.buffered);
    done();
  }
}
