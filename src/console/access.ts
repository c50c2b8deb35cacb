/**
 * @module console/access
 * Who may open the console. On loopback without --auth, anyone on this machine (as for the APIs).
 * When Slipway requires signatures (off loopback, or --auth), the console asks for the token
 * `slipway start` prints: the printed URL carries it once (`?token=`), the answer sets it as a
 * cookie (HttpOnly, SameSite=Strict, for the whole origin) and redirects to the clean URL. The
 * cookie opens every later page and the event stream, and the page's own AWS calls, which the
 * edge then takes as the administrator's (server/auth): a browser cannot keep a secret key, and
 * no other site can make it send the cookie.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

const COOKIE = 'slipway-console';

/** What the console answers before serving a request: undefined when it may be served. */
export type ConsoleGate = (req: IncomingMessage, res: ServerResponse, url: URL) => 'answered' | undefined;

/** A gate that lets everyone in (loopback), or one that asks for `token`. */
export function consoleGate(token: string | undefined): ConsoleGate {
  if (token === undefined) return () => undefined;
  const matches = tokenMatcher(token);
  return (req, res, url) => {
    const offered = url.searchParams.get('token');
    if (offered !== null && matches(offered)) {
      url.searchParams.delete('token');
      res.writeHead(303, {
        'set-cookie': `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`,
        location: url.pathname + url.search,
        'cache-control': 'no-store',
      });
      res.end();
      return 'answered';
    }
    if (matches(cookieOf(req.headers, COOKIE))) return undefined;
    res.writeHead(401, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY' });
    res.end(
      page(
        'Slipway console: token needed',
        `<p>Slipway requires signed requests (it listens off loopback, or was started with <code>--auth</code>), so its console asks for the token <code>slipway start</code> printed.</p>
<p>Open the console URL it printed (it ends in <code>?token=…</code>); this browser then keeps the token as a cookie.</p>`,
      ),
    );
    return 'answered';
  };
}

export function newConsoleToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Whether a request carries the console's cookie with `token`: the page's own calls to the APIs. */
export function consoleSession(token: string): (headers: IncomingHttpHeaders) => boolean {
  const matches = tokenMatcher(token);
  return (headers) => matches(cookieOf(headers, COOKIE));
}

function tokenMatcher(token: string): (given: string | undefined) => boolean {
  const expected = Buffer.from(token);
  return (given) => {
    const b = Buffer.from(given ?? '');
    return b.length === expected.length && timingSafeEqual(b, expected);
  };
}

function cookieOf(headers: IncomingHttpHeaders, name: string): string | undefined {
  const cookie = headers.cookie;
  for (const part of (typeof cookie === 'string' ? cookie : '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** A plain page the server answers with when it cannot serve the console itself. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}code{background:#eee;padding:0 .25em}</style>
</head><body><h1>${title}</h1>${body}</body></html>`;
}
