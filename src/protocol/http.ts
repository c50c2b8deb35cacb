/**
 * @module protocol/http
 * Plain HTTP plumbing shared by the edge, the API seam and the rooms' own routes: reading a body
 * within a limit, writing a response. It sits below both the server and the rooms.
 */
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline, Readable } from 'node:stream';
import { AwsError } from '../core/errors.ts';
import type { WireResponse } from './types.ts';

/** The largest request body any AWS API takes here (AWS's own limits are lower or equal). */
export const MAX_API_BODY = 16 * 1024 * 1024;

/** Whether the request came over TLS (the edge's --tls-port): what aws:SecureTransport says. */
export function overTls(req: IncomingMessage): boolean {
  return (req.socket as { encrypted?: boolean }).encrypted === true;
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The whole body, or RequestEntityTooLarge (413) past `limit`. A body over the limit is still read
 * (and dropped) a little further so that the client, still sending, gets to read the answer; past
 * four times the limit the connection is cut.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  // Listeners rather than `for await`: an async iterator builds a stream pipeline per request.
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    let first: Buffer | undefined;
    let chunks: Buffer[] | undefined;
    let size = 0;
    let settled = false;
    // Settled once; the listeners stay (a finished request emits nothing that matters and is dropped
    // whole), and a failure's error is made only when it settles (an Error costs a stack trace).
    const finish = (failure?: () => AwsError) => {
      if (settled) return;
      settled = true;
      if (failure) reject(failure());
      else if (size > limit) reject(new AwsError('RequestEntityTooLarge', `Request body exceeds ${limit} bytes`, { status: 413 }));
      else resolve(chunks ? Buffer.concat(chunks, size) : (first ?? Buffer.alloc(0)));
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        if (first === undefined) first = chunk;
        else (chunks ??= [first]).push(chunk);
      } else if (size > 4 * limit) {
        req.destroy();
        finish();
      }
    });
    req.on('end', () => finish());
    // A body checked as it streams (its signature, its hash) fails with the check's own error.
    req.on('error', (err: Error) =>
      finish(() => (err instanceof AwsError ? err : new AwsError('IncompleteBody', `The request body could not be read: ${err.message}`))),
    );
    req.on('close', () =>
      finish(() => new AwsError('IncompleteBody', 'The request body could not be read: the connection closed before its end')),
    );
  });
}

/** A body as text; bytes that are not UTF-8 are the caller's error (`code`, 400), never replaced and read on. */
export function utf8Text(body: Buffer, code: string): string {
  if (!isUtf8(body)) throw new AwsError(code, 'The request body is not valid UTF-8');
  return body.toString('utf8');
}

export function send(res: ServerResponse, response: WireResponse): void {
  res.writeHead(response.status, response.headers);
  // A client that hangs up mid-body must not leave the source (an open file) paused forever.
  if (response.body instanceof Readable) pipeline(response.body, res, () => {});
  else res.end(response.body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
