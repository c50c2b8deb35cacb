/**
 * @module services/ecr/registry-http
 * What every registry handler shares: the request it is given and the few ways it answers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EcrContext } from './context.ts';
import type { RepositoryRecord } from './model.ts';
import { RegistryError } from './registry-errors.ts';

export const API_VERSION_HEADER = { 'docker-distribution-api-version': 'registry/2.0' };

/** One registry request, once its repository is known. */
export interface RegistryRequest {
  ecr: EcrContext;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  name: string;
  repo: RepositoryRecord;
  repositoryArn: string;
}

/**
 * The distribution spec's `n` and `last` paging over a sorted list, with the Link header that points
 * at the next page. `last` is the last name a client saw, not an opaque token, so this is not the
 * ECR API's pager (core/paging.ts).
 */
export function pageAfterLast(sorted: string[], url: URL, path: string): { items: string[]; link?: string } {
  const rawN = url.searchParams.get('n');
  const last = url.searchParams.get('last');
  const after = last === null ? sorted : sorted.filter((s) => s > last);
  if (rawN === null || rawN === '') return { items: after };
  const n = Number(rawN);
  if (!Number.isInteger(n) || n < 0)
    throw new RegistryError('PAGINATION_NUMBER_INVALID', `n must be a whole number (got '${rawN}')`, { n: rawN });
  const items = after.slice(0, n);
  if (after.length <= n || items.length === 0) return { items };
  return { items, link: `<${path}?n=${n}&last=${encodeURIComponent(items[items.length - 1])}>; rel="next"` };
}

export function sendJsonBody(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json',
): void {
  const text = JSON.stringify(body);
  res
    .writeHead(status, { ...API_VERSION_HEADER, 'content-type': contentType, 'content-length': Buffer.byteLength(text), ...headers })
    .end(text);
}

/** A response with no body (202, 201, 204) and the given headers. */
export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string | number>): void {
  // A 204 carries no Content-Length at all (RFC 9110 §8.6).
  res.writeHead(status, { ...API_VERSION_HEADER, ...(status === 204 ? {} : { 'content-length': 0 }), ...headers }).end();
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
