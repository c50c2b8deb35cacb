/**
 * @module console
 * The web console, served by the edge under /_slipway/console/ (a path no AWS API on the edge
 * port can claim: S3 answers `GET /` and bucket paths, but `_slipway` is not a valid bucket name).
 *
 *   GET /_slipway/console/                the single-page app (console/dist), any page of it
 *   GET /_slipway/console/events          the live feed of the rooms' events (server-sent events)
 *   GET /_slipway/console/settings        the region and account unsigned calls are answered in
 *   GET /_slipway/console/requests        HTTP requests each target group has taken (HAProxy's own
 *                                         counters; no AWS operation tells them), for rate charts
 *
 * The page reads and acts through the same AWS operations the CLI uses, sent to the edge; the
 * feed only tells it when to read again.
 */
import type { AppContext, Route } from '../services/types.ts';
import type { IncomingHttpHeaders } from 'node:http';
import { consoleGate, consoleSession, newConsoleToken } from './access.ts';
import { isLoopback } from '../core/config.ts';
import { sendJson } from '../protocol/http.ts';
import { CONSOLE_DIST, serveStatic } from './static.ts';
import { ConsoleStream } from './stream.ts';

export const CONSOLE_PATH = '/_slipway/console/';

export interface Console {
  routes: Route[];
  /** The token the console asks for when signatures are required (undefined otherwise). */
  token?: string;
  /** Whether a request carries the console's session (always false when no token is asked for). */
  session(headers: IncomingHttpHeaders): boolean;
  /** The URL to print at start, with the token when one is asked for. */
  url(endpoint: string): string;
  stream: ConsoleStream;
  close(): void;
}

export interface ConsoleOptions {
  dist?: string;
  /** The load balancers' request counters by target group ARN (the ELB room's facade). */
  requestTotals?: () => Promise<Map<string, number> | undefined>;
}

export function createConsole(ctx: AppContext, opts: ConsoleOptions = {}): Console {
  const token = ctx.config.auth || !isLoopback(ctx.config.host) ? newConsoleToken() : undefined;
  const gate = consoleGate(token);
  const stream = new ConsoleStream(ctx.events);
  const dist = opts.dist ?? CONSOLE_DIST;
  const routes: Route[] = [
    {
      method: 'GET',
      path: /^\/_slipway\/console$/,
      // A redirect to the page's path, nothing else.
      access: 'public',
      handle(_req, res) {
        res.writeHead(308, { location: CONSOLE_PATH });
        res.end();
      },
    },
    {
      method: 'GET',
      path: /^\/_slipway\/console\/events$/,
      access: 'own', // the console's token (access.ts)
      handle(req, res) {
        if (gate(req, res, new URL(req.url ?? '/', 'http://edge'))) return;
        stream.serve(req, res);
      },
    },
    {
      method: 'GET',
      path: /^\/_slipway\/console\/settings$/,
      access: 'own', // the console's token
      handle(req, res) {
        if (gate(req, res, new URL(req.url ?? '/', 'http://edge'))) return;
        sendJson(res, 200, { region: ctx.config.defaultRegion, account: ctx.config.account, epoch: stream.epoch });
      },
    },
    {
      method: 'GET',
      path: /^\/_slipway\/console\/requests$/,
      access: 'own', // the console's token
      async handle(req, res) {
        if (gate(req, res, new URL(req.url ?? '/', 'http://edge'))) return;
        const totals = await opts.requestTotals?.();
        if (!totals) return sendJson(res, 503, { message: 'The load balancer data plane does not answer; see /_slipway/health' });
        sendJson(res, 200, { at: Date.now(), totals: Object.fromEntries(totals) });
      },
    },
    ...['GET', 'HEAD'].map((method) => ({
      method,
      path: /^\/_slipway\/console\/(.*)$/,
      access: 'own' as const, // the console's token
      handle(req: Parameters<Route['handle']>[0], res: Parameters<Route['handle']>[1], match: RegExpMatchArray) {
        if (gate(req, res, new URL(req.url ?? '/', 'http://edge'))) return;
        serveStatic(req, res, dist, match[1]);
      },
    })),
  ];
  return {
    routes,
    token,
    session: token === undefined ? () => false : consoleSession(token),
    url: (endpoint) => `${endpoint}${CONSOLE_PATH}${token ? `?token=${token}` : ''}`,
    stream,
    close: () => stream.close(),
  };
}
