/**
 * @module services/codebuild/logs
 * A build's log: the build container's output (without the runner's marker lines) and Slipway's own
 * "[Container]" lines for the phases it runs itself, appended as they happen to
 * <data-dir>/logs/codebuild/<uuid>.log and kept after the build. GET
 * /_slipway/logs/codebuild/<build id or uuid>[?follow=1] serves it; with follow it keeps
 * streaming until the build completes (`slipway logs build <id> --follow`).
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { sendJson } from '../../protocol/http.ts';
import type { Route } from '../types.ts';
import type { CodebuildContext } from './context.ts';

export function logPath(dataDir: string, uuid: string): string {
  return join(dataDir, 'logs', 'codebuild', `${uuid}.log`);
}

/** CodeBuild's log time: 2024/05/01 10:00:00.123456 (UTC). */
export function logTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 23)}000`;
}

export class BuildLog {
  private readonly out: WriteStream;

  constructor(dataDir: string, uuid: string) {
    const path = logPath(dataDir, uuid);
    mkdirSync(join(dataDir, 'logs', 'codebuild'), { recursive: true });
    this.out = createWriteStream(path, { flags: 'a' });
    this.out.on('error', () => undefined);
  }

  /** A line of the build's own output. */
  write(line: string): void {
    this.out.write(line.endsWith('\n') ? line : `${line}\n`);
  }

  /** A line in CodeBuild's agent format. */
  container(message: string, now = Date.now()): void {
    this.write(`[Container] ${logTime(now)} ${message}`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.out.end(() => resolve()));
  }
}

export function logRoutes(cb: CodebuildContext): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/_slipway\/logs\/codebuild\/([^/?]+)$/,
      async handle(req, res, match) {
        const wanted = decodeURIComponent(match[1]);
        const uuid = wanted.slice(wanted.lastIndexOf(':') + 1);
        const follow = new URL(req.url ?? '/', 'http://edge').searchParams.get('follow') === '1';
        const record = cb.model.builds.find().find((b) => b.uuid === uuid);
        let file;
        try {
          file = await open(logPath(cb.config.dataDir, uuid), 'r');
        } catch {
          return sendJson(res, 404, { message: `No log for build ${wanted}: ${record ? 'it has not started writing one yet' : 'no such build'}` });
        }
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        let closed = false;
        req.on('close', () => (closed = true));
        const buffer = Buffer.alloc(64 * 1024);
        let position = 0;
        try {
          for (;;) {
            const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
            if (bytesRead > 0) {
              position += bytesRead;
              if (!res.write(Buffer.from(buffer.subarray(0, bytesRead)))) await new Promise((r) => res.once('drain', r));
              continue;
            }
            const complete = !record || cb.model.builds.get(record.build.arn)?.build.buildComplete !== false;
            if (!follow || closed || complete) {
              // One more read after completion picks up the last lines written before it.
              const tail = await file.read(buffer, 0, buffer.length, position);
              if (tail.bytesRead > 0 && !closed) {
                position += tail.bytesRead;
                res.write(Buffer.from(buffer.subarray(0, tail.bytesRead)));
                continue;
              }
              break;
            }
            await new Promise((r) => setTimeout(r, 200));
          }
        } finally {
          await file.close();
          res.end();
        }
      },
    },
  ];
}
