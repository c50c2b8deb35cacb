/**
 * @module services/codebuild/logs
 * A build's log: the build container's output (without the runner's marker lines) and Slipway's own
 * "[Container]" lines for the phases it runs itself, appended as they happen to
 * <data-dir>/logs/codebuild/<uuid>.log and kept after the build, and — unless the build's
 * logsConfig disables it — to its CloudWatch Logs stream (`/aws/codebuild/<project>`, stream the
 * build's uuid; the group is created if missing, as CodeBuild creates it). Parameter Store and
 * Secrets Manager values are masked (`***`) in both, as CodeBuild masks them. GET
 * /_slipway/logs/codebuild/<build id or uuid>[?follow=1] serves it; with follow it keeps
 * streaming until the build completes (`slipway logs build <id> --follow`).
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { logger } from '../../core/log.ts';
import { scopeOfOwnArn } from '../../core/scope.ts';
import { sendJson } from '../../protocol/http.ts';
import type { Route } from '../types.ts';
import type { CodebuildContext } from './context.ts';
import type { Build } from './shapes.ts';

const log = logger('codebuild.logs');

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
  private masked: string[] = [];
  /** Where CloudWatch Logs lines go, while that works. */
  private cloudWatch?: (message: string) => void;

  constructor(
    private readonly cb: CodebuildContext,
    uuid: string,
    build?: Build,
  ) {
    const dataDir = cb.config.dataDir;
    mkdirSync(join(dataDir, 'logs', 'codebuild'), { recursive: true });
    this.out = createWriteStream(logPath(dataDir, uuid), { flags: 'a' });
    this.out.on('error', () => undefined);
    const group = build?.logs?.groupName;
    const stream = build?.logs?.streamName;
    if (build?.arn && group && stream && build.logs?.cloudWatchLogs?.status !== 'DISABLED') {
      const scope = scopeOfOwnArn(build.arn);
      try {
        cb.logs.ensureStream(scope, group, stream);
        this.cloudWatch = (message) => cb.logs.append(scope, group, stream, [{ timestamp: cb.clock.now(), message }]);
      } catch (err) {
        log.warn(`build ${build.id}: its log cannot go to CloudWatch Logs group ${group}, stream ${stream}: ${(err as Error).message}`);
      }
    }
  }

  /** Values never to appear in the log (longest first, so a value inside another is masked whole). */
  mask(values: string[]): void {
    const lines = values.flatMap((v) => [v, ...v.split(/\r?\n/)]).filter((v) => v.trim() !== '');
    this.masked = [...new Set([...this.masked, ...lines])].sort((a, b) => b.length - a.length);
  }

  /** A line of the build's own output. */
  write(line: string): void {
    let text = line.endsWith('\n') ? line.slice(0, -1) : line;
    for (const value of this.masked) text = text.split(value).join('***');
    this.out.write(`${text}\n`);
    this.cloudWatch?.(text);
  }

  /** Everything written so far is stored (CloudWatch Logs queues lines for a moment). */
  flush(): void {
    if (this.cloudWatch) this.cb.logs.flush();
  }

  /** A line in CodeBuild's agent format. */
  container(message: string, now = Date.now()): void {
    this.write(`[Container] ${logTime(now)} ${message}`);
  }

  close(): Promise<void> {
    this.flush();
    return new Promise((resolve) => this.out.end(() => resolve()));
  }
}

export function logRoutes(cb: CodebuildContext): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/_slipway\/logs\/codebuild\/([^/?]+)$/,
      // CodeBuild's log is in CloudWatch Logs: reading it is logs:GetLogEvents.
      access: { action: 'logs:GetLogEvents' },
      async handle(req, res, match) {
        const wanted = decodeURIComponent(match[1]);
        const uuid = wanted.slice(wanted.lastIndexOf(':') + 1);
        const follow = new URL(req.url ?? '/', 'http://edge').searchParams.get('follow') === '1';
        const record = cb.model.builds.find().find((b) => b.uuid === uuid);
        let file;
        try {
          file = await open(logPath(cb.config.dataDir, uuid), 'r');
        } catch {
          return sendJson(res, 404, {
            message: `No log for build ${wanted}: ${record ? 'it has not started writing one yet' : 'no such build'}`,
          });
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
