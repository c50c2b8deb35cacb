/**
 * @module server/edge
 * The one HTTP edge: every AWS API (JSON by X-Amz-Target, Query by form Action), Slipway's own
 * endpoints under /_slipway and, later, the registry and git, all on one port.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { AwsError } from '../core/errors.ts';
import { uuid } from '../core/ids.ts';
import { logger } from '../core/log.ts';
import { dispatch } from '../protocol/dispatch.ts';
import { serializeJsonError } from '../protocol/json11/serializer.ts';
import { queryAction } from '../protocol/query/codec.ts';
import { credentialScope } from '../protocol/sigv4.ts';
import type { ApiService, RequestContext, WireResponse } from '../protocol/types.ts';
import type { Route } from '../services/types.ts';

const log = logger('edge');
const MAX_API_BODY = 16 * 1024 * 1024;

export interface EdgeOptions {
  apis: ApiService[];
  routes: Route[];
  account: string;
  defaultRegion: string;
}

export function createEdge(opts: EdgeOptions): Server {
  const byTarget = new Map<string, ApiService>();
  for (const api of opts.apis) if (api.model.metadata.targetPrefix) byTarget.set(api.model.metadata.targetPrefix, api);
  // Query APIs (ELBv2) are told apart by the SigV4 scope's service, else by the form's Version.
  const byQuery = new Map<string, ApiService>();
  for (const api of opts.apis) {
    if (api.model.metadata.protocol !== 'query') continue;
    byQuery.set(`version:${api.model.metadata.apiVersion}`, api);
    byQuery.set(`service:${api.model.metadata.signingName ?? api.model.metadata.endpointPrefix}`, api);
  }

  return createServer((req, res) => {
    handle(req, res).catch((err) => {
      log.error(`${req.method} ${req.url} failed`, err);
      if (!res.headersSent) send(res, serializeJsonError(new AwsError('InternalFailure', 'Slipway failed; see its log', { status: 500 }), uuid()));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://edge');
    for (const route of opts.routes) {
      if (route.method !== req.method && route.method !== '*') continue;
      const match = url.pathname.match(route.path);
      if (match) return route.handle(req, res, match);
    }
    const target = header(req, 'x-amz-target');
    if (req.method === 'POST' && url.pathname === '/' && target) {
      const api = byTarget.get(target.slice(0, target.indexOf('.')));
      const requestId = uuid();
      if (!api) {
        return send(res, serializeJsonError(new AwsError('UnknownOperationException', `Slipway serves no API with target '${target}'`), requestId));
      }
      const body = await readBody(req, MAX_API_BODY);
      return send(res, await dispatch(api, { target, body: body.toString('utf8') }, context(req, requestId)));
    }
    const form = url.pathname === '/' && byQuery.size ? await queryForm(req, url) : undefined;
    const query = form === undefined ? undefined : queryAction(form);
    if (form !== undefined && query) {
      const service = credentialScope(header(req, 'authorization'))?.service;
      const api = byQuery.get(`service:${service}`) ?? byQuery.get(`version:${query.version}`);
      if (api) return send(res, await dispatch(api, { body: form }, context(req, uuid())));
    }
    send(res, {
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: `Nothing is served at ${req.method} ${url.pathname}. AWS APIs take POST / with X-Amz-Target; see /_slipway/health.` }),
    });
  }

  function context(req: IncomingMessage, requestId: string): RequestContext {
    const scope = credentialScope(header(req, 'authorization'));
    const host = header(req, 'host') ?? 'localhost';
    return {
      region: scope?.region ?? opts.defaultRegion,
      account: opts.account,
      requestId,
      accessKeyId: scope?.accessKeyId,
      endpoint: `http://${host}`,
    };
  }
}

/** The form of a Query API call: a form-encoded POST body, or a GET's URL query. */
async function queryForm(req: IncomingMessage, url: URL): Promise<string | undefined> {
  if (req.method === 'GET') return url.search.slice(1);
  if (req.method === 'POST' && (header(req, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    return (await readBody(req, MAX_API_BODY)).toString('utf8');
  }
  return undefined;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AwsError('RequestEntityTooLarge', `Request body exceeds ${limit} bytes`, { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function send(res: ServerResponse, response: WireResponse): void {
  res.writeHead(response.status, response.headers);
  if (response.body instanceof Readable) response.body.pipe(res);
  else res.end(response.body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
