/**
 * @module server/edge
 * The one HTTP edge: Slipway's own endpoints under /_slipway, the registry under /v2/, and every
 * AWS API (handed whole to the protocol seam), all on one port. Requests from hosts or web pages
 * Slipway does not serve are refused first (see guard.ts).
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { AwsError } from '../core/errors.ts';
import { logger } from '../core/log.ts';
import { anonymousS3Caller, type Caller, callerOf } from '../protocol/caller.ts';
import { sendJson } from '../protocol/http.ts';
import { createSeam } from '../protocol/seam.ts';
import type { ApiService } from '../protocol/types.ts';
import type { Route } from '../services/types.ts';
import type { Store } from '../store/index.ts';
import { type EdgeAuth, endpointRefusal, signedBody, signedWithSigV4 } from './auth/endpoints.ts';
import { createGuard } from './guard.ts';
import { warmLoop } from './warm.ts';

const log = logger('edge');

const ROOT = new URL('/', 'http://edge');

export interface EdgeOptions {
  apis: ApiService[];
  routes: Route[];
  account: string;
  defaultRegion: string;
  /** The listen address and the registry's name: Host headers the edge answers to. */
  host: string;
  registryHost?: string;
  /** For the API seam's group commit. */
  store?: Store;
  /** Set when signatures are required. */
  auth?: EdgeAuth;
}

export function createEdge(opts: EdgeOptions): Server {
  return createServer(edgeListener(opts));
}

/** What the edge does with each request, over plain HTTP or over TLS (tls.ts). */
export function edgeListener(opts: EdgeOptions): RequestListener {
  const seam = createSeam(opts);
  const guard = createGuard(opts);
  const warm = warmLoop();

  return (req, res) => {
    const backToBack = warm.arrived();
    handle(req, res)
      .catch((err) => failed(req, res, err))
      .finally(() => warm.answered(backToBack));
  };

  function failed(req: IncomingMessage, res: ServerResponse, err: unknown): void {
    // A request the caller got wrong (a body over a route's limit, cut short) is answered as such.
    if (err instanceof AwsError && err.status < 500 && !res.headersSent) return sendJson(res, err.status, { message: err.message });
    log.error(`${req.method} ${loggedPath(req.url)} failed`, err);
    if (!res.headersSent) sendJson(res, 500, { message: 'Slipway failed; see its log' });
    else res.destroy();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Every JSON and Query API call is a POST to `/`: its URL is parsed once (~5 µs a call), and
    // nothing changes a request's URL.
    const url = req.url === '/' ? ROOT : new URL(req.url ?? '/', 'http://edge');
    const caller = callerOf(req, url);
    const refusal = guard(req, caller.protocol !== undefined);
    if (refusal) return deny(req, res, url, caller, refusal);
    // A call signed for S3 names a bucket, which may well be called `v2` or `_slipway`.
    if (caller.protocol === 'rest-xml' && (await seam.serve(req, res, url, caller))) return;
    for (const route of opts.routes) {
      if (route.method !== req.method && route.method !== '*') continue;
      const match = url.pathname.match(route.path);
      if (!match) continue;
      // A SigV4 signature covers the body: read and checked before any check of the caller (the route's own too).
      let signed = req;
      if (opts.auth && signedWithSigV4(req, url)) {
        try {
          signed = await signedBody(req);
        } catch (err) {
          if (!(err instanceof AwsError) || err.status >= 500) throw err;
          return sendJson(res, err.status, { __type: err.code, message: err.message });
        }
      }
      const access = route.access;
      const refusal = opts.auth && typeof access === 'object' && endpointRefusal(opts.auth, signed, url, access.action, opts.defaultRegion);
      if (refusal) {
        signed.resume();
        return sendJson(res, refusal.status, { __type: refusal.code, message: refusal.message });
      }
      return route.handle(signed, res, match);
    }
    // With signatures required, an unsigned request naming a bucket is S3's anonymous caller.
    const anonymous = opts.auth && !caller.protocol ? anonymousS3Caller(req, url) : undefined;
    if (await seam.serve(req, res, url, anonymous ?? caller)) return;
    sendJson(res, 404, {
      message: `Nothing is served at ${req.method} ${url.pathname}. AWS APIs take POST / with X-Amz-Target or a Query form; see /_slipway/health.`,
    });
  }

  /** 403 in the caller's protocol: an AWS API's, the registry's, else plain JSON. */
  function deny(req: IncomingMessage, res: ServerResponse, url: URL, caller: Caller, reason: string): void {
    if (seam.deny(req, res, caller, reason)) return;
    req.resume();
    if (url.pathname === '/v2' || url.pathname.startsWith('/v2/'))
      sendJson(res, 403, { errors: [{ code: 'DENIED', message: reason, detail: null }] });
    else sendJson(res, 403, { message: reason });
  }
}

/**
 * What the log may say of a request's address: its path without the query (a presigned URL's
 * signature and credential), and of Slipway's own endpoints only the first two names (a webhook's
 * path ends in its secret token).
 */
export function loggedPath(url = '/'): string {
  const path = url.split('?')[0];
  const names = path.split('/');
  return path.startsWith('/_slipway/') && names.length > 4 ? `${names.slice(0, 4).join('/')}/…` : path;
}
