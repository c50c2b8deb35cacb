/**
 * @module protocol/http
 * Plain HTTP plumbing shared by the edge, the API seam and the rooms' own routes: reading a body
 * within a limit, writing a response. It sits below both the server and the rooms.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline, Readable } from 'node:stream';
import { AwsError } from '../core/errors.ts';
import type { WireResponse } from './types.ts';

/** The largest request body any AWS API takes here (AWS's own limits are lower or equal). */
export const MAX_API_BODY = 16 * 1024 * 1024;

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The whole body, or RequestEntityTooLarge (413) past `limit`. A body over the limit is still read
 * (and dropped) a little further so that the client, still sending, gets to read the answer; past
 * four times the limit the connection is cut.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size <= limit) chunks.push(chunk as Buffer);
      else if (size > 4 * limit) break;
    }
  } catch (err) {
    throw new AwsError('IncompleteBody', `The request body could not be read: ${(err as Error).message}`);
  }
  if (size > limit) throw new AwsError('RequestEntityTooLarge', `Request body exceeds ${limit} bytes`, { status: 413 });
  return Buffer.concat(chunks);
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
