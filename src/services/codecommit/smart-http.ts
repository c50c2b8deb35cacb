/**
 * @module services/codecommit/smart-http
 * Git's smart HTTP protocol, served by Debian's `git http-backend` as a CGI program: the request
 * body streams into it and its answer streams back out, so no pack is ever held in memory.
 * Which repository a path names, and whether it may be created, is decided by routes.ts.
 */
import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { logger } from '../../core/log.ts';
import { header } from '../../protocol/http.ts';
import { GIT_ENV } from './git.ts';

const log = logger('git');
const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';
/** The most header bytes a CGI answer may carry before its body. */
const MAX_CGI_HEADER = 64 * 1024;

export interface CgiRequest {
  /** GIT_PROJECT_ROOT: the folder every repository path is under. */
  projectRoot: string;
  /** The repository's path under the root and the git service path, e.g. /codecommit/<id>.git/info/refs */
  pathInfo: string;
  /** Runs once git is done and before the answer ends, so a client that saw it end sees its effects. */
  beforeEnd?: () => Promise<void>;
}

/** The user named by Basic credentials, for git's logs only: routes.ts checks them when signatures are required. */
function remoteUser(req: IncomingMessage): string {
  const auth = header(req, 'authorization') ?? '';
  const m = auth.match(/^Basic\s+([A-Za-z0-9+/=]+)$/i);
  const user = m ? Buffer.from(m[1], 'base64').toString('utf8').split(':')[0] : '';
  return /^[\w.@+-]{1,128}$/.test(user) ? user : 'slipway';
}

/** Runs git http-backend for one request; resolves once the answer is sent (or the client left). */
export function runHttpBackend(req: IncomingMessage, res: ServerResponse, cgi: CgiRequest): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://edge');
  const env: Record<string, string> = {
    ...GIT_ENV,
    GIT_PROJECT_ROOT: cgi.projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: cgi.pathInfo,
    REQUEST_METHOD: req.method ?? 'GET',
    QUERY_STRING: url.search.slice(1),
    CONTENT_TYPE: header(req, 'content-type') ?? '',
    REMOTE_USER: remoteUser(req),
    REMOTE_ADDR: req.socket.remoteAddress ?? '',
    SERVER_PROTOCOL: 'HTTP/1.1',
    GATEWAY_INTERFACE: 'CGI/1.1',
  };
  const length = header(req, 'content-length');
  if (length !== undefined && /^\d+$/.test(length)) env.CONTENT_LENGTH = length;
  const encoding = header(req, 'content-encoding');
  if (encoding) env.HTTP_CONTENT_ENCODING = encoding;
  const protocol = header(req, 'git-protocol');
  if (protocol) env.GIT_PROTOCOL = protocol;

  const child = spawn(HTTP_BACKEND, [], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  return new Promise((resolve) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      resolve();
    };
    // A client that goes away mid-push leaves git to abandon it: no ref moves without the whole pack.
    req.once('close', () => {
      if (!req.complete) child.kill('SIGTERM');
    });
    res.once('close', () => {
      if (!res.writableFinished) child.kill('SIGTERM');
    });
    child.stdin.on('error', () => undefined);
    req.pipe(child.stdin);
    child.stderr.on('data', (d: Buffer) => log.debug(`http-backend ${cgi.pathInfo}: ${d.toString().trim()}`));
    child.once('error', (err) => {
      log.error(`git http-backend failed to start for ${cgi.pathInfo}`, err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('git http-backend failed to start\n');
      finish();
    });

    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = headerEnd(head);
      if (end === undefined) {
        if (head.length > MAX_CGI_HEADER) child.kill('SIGTERM');
        return;
      }
      child.stdout.off('data', onData);
      const { status, headers } = parseCgiHeaders(head.subarray(0, end.at).toString('latin1'));
      res.writeHead(status, headers);
      res.write(head.subarray(end.at + end.length));
      child.stdout.pipe(res, { end: false });
    };
    child.stdout.on('data', onData);
    child.once('close', async (code) => {
      try {
        await cgi.beforeEnd?.();
      } catch (err) {
        log.error(`after git http-backend ${cgi.pathInfo}`, err);
      }
      if (!res.headersSent) {
        log.error(`git http-backend ${cgi.pathInfo} exited ${code} without an answer`);
        res.writeHead(500, { 'content-type': 'text/plain' }).end('git http-backend gave no answer\n');
      } else if (!res.writableEnded) {
        res.end();
      }
      finish();
    });
  });
}

function headerEnd(buf: Buffer): { at: number; length: number } | undefined {
  const crlf = buf.indexOf('\r\n\r\n');
  const lf = buf.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf <= lf)) return { at: crlf, length: 4 };
  if (lf >= 0) return { at: lf, length: 2 };
  return undefined;
}

function parseCgiHeaders(text: string): { status: number; headers: Record<string, string> } {
  let status = 200;
  const headers: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'status') status = Number(value.split(' ')[0]) || 500;
    else headers[name] = value;
  }
  return { status, headers };
}
