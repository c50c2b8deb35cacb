/**
 * A load generator's HTTP/1.1 client, as wrk's is: one socket, the request's bytes built once, the
 * answer read as status, Content-Length and body, nothing else parsed. node:http's client spends
 * about 120 µs of its own per round trip on this machine — as much as a whole trivial server's
 * answer — which a benchmark of servers should not count. A server that answers `Connection: close`
 * (moto_server does) is reconnected for the next request, which is part of what its clients pay.
 */
import { connect, type Socket } from 'node:net';

export interface WireRequest {
  host: string;
  port: number;
  /** The whole request: request line, headers and body. */
  bytes: Buffer;
}

export interface WireAnswer {
  status: number;
  body: string;
}

/** A POST with these headers and body, encoded once. */
export function wireRequest(endpoint: string, path: string, headers: Record<string, string>, body: string): WireRequest {
  const { hostname, port } = new URL(endpoint);
  const all = { host: `${hostname}:${port}`, ...headers, 'content-length': String(Buffer.byteLength(body)) };
  const head = `POST ${path} HTTP/1.1\r\n${Object.entries(all)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  return { host: hostname, port: Number(port), bytes: Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body)]) };
}

const HEAD_END = Buffer.from('\r\n\r\n');

export class WireClient {
  private socket?: Socket;
  private pending: Buffer = Buffer.alloc(0);
  private waiting?: { resolve: (a: WireAnswer) => void; reject: (e: Error) => void };
  private closeAfter = false;

  constructor(private readonly target: { host: string; port: number }) {}

  async send(req: WireRequest): Promise<WireAnswer> {
    if (!this.socket || this.closeAfter) await this.open();
    return new Promise<WireAnswer>((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket!.write(req.bytes);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private open(): Promise<void> {
    this.close();
    this.pending = Buffer.alloc(0);
    this.closeAfter = false;
    return new Promise((resolve, reject) => {
      const socket = connect(this.target.port, this.target.host);
      socket.setNoDelay(true);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve();
      });
      socket.once('error', reject);
      // A socket replaced by a newer one (after `Connection: close`) may still report its end: ignored.
      const current = () => this.socket === socket;
      socket.on('data', (chunk: Buffer) => current() && this.read(chunk));
      socket.on('error', (err) => current() && this.fail(err));
      socket.on('close', () => current() && this.fail(new Error('the server closed the connection before answering')));
      this.socket = socket;
    });
  }

  private read(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const headEnd = this.pending.indexOf(HEAD_END);
    if (headEnd < 0) return;
    const head = this.pending.subarray(0, headEnd).toString('latin1');
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!length) return this.fail(new Error(`an answer without Content-Length is not supported: ${head.split('\r\n')[0]}`));
    const end = headEnd + 4 + Number(length[1]);
    if (this.pending.length < end) return;
    const answer = { status: Number(head.slice(9, 12)), body: this.pending.subarray(headEnd + 4, end).toString('utf8') };
    this.closeAfter = /\r\nconnection:\s*close/i.test(head);
    this.pending = this.pending.subarray(end);
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(answer);
  }

  /** Rejects the request in flight; the connection, in an unknown state now, is not used again. */
  private fail(err: Error): void {
    this.close();
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(err);
  }
}
