/**
 * @module console/static
 * The built front end (console/dist, written by `npm run build:console`), served as it is: hashed
 * assets cached for good, index.html never (so a new build shows on the next load). Any other path
 * under the console is a page of the single-page app and gets index.html. Without a build, a page
 * says which command makes it.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { page } from './access.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Only the console's own files; Preact sets styles through the DOM, which this allows. */
const CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export const CONSOLE_DIST = new URL('../../console/dist/', import.meta.url).pathname;

/** Serves `rest` (the path below the console's prefix) from `dist`. */
export function serveStatic(req: IncomingMessage, res: ServerResponse, dist: string, rest: string): void {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      page(
        'Slipway console: not built yet',
        `<p>The console's front end has not been built in this checkout. Build it with</p>
<pre><code>npm run build:console</code></pre><p>(<code>bash scripts/setup.sh</code> does it too), then reload this page.</p>`,
      ),
    );
    return;
  }
  let decoded = '';
  try {
    decoded = decodeURIComponent(rest);
  } catch {}
  // A file of the build; anything else is a page of the app (a log group or build id may hold a dot),
  // except under assets/, where a missing file is a 404.
  const candidate = normalize(join(dist, decoded));
  const inside = !decoded || candidate.startsWith(dist.endsWith(sep) ? dist : dist + sep);
  let file = index;
  if (decoded && inside && isFile(candidate)) file = candidate;
  else if (decoded.startsWith('assets/') || !inside) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`No console file ${rest}\n`);
    return;
  }
  const hashed = file !== index && decoded.startsWith('assets/');
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    // The console acts (stop, scale, roll back): no other site may frame it and steer the clicks.
    'x-frame-options': 'DENY',
    'content-security-policy': CSP,
    'content-length': statSync(file).size,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
