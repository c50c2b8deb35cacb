/**
 * @module services/ecs/logs
 * Container output. While a task's containers exist the engine holds their logs; when a stopped
 * task is retired they are saved under <data-dir>/logs/ecs/<task-id>/<container>.log first.
 * GET /_slipway/logs/ecs/<task-id>[?follow=1] serves either, for `slipway logs`.
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PassThrough, type Readable } from 'node:stream';
import { sendJson } from '../../protocol/http.ts';
import type { Route } from '../types.ts';
import { taskIdOf } from './container-spec.ts';
import type { EcsContext } from './context.ts';
import type { TaskRecord } from './model.ts';

function logDir(ecs: EcsContext, taskId: string): string {
  return join(ecs.config.dataDir, 'logs', 'ecs', taskId);
}

export async function saveTaskLogs(ecs: EcsContext, record: TaskRecord): Promise<void> {
  const dir = logDir(ecs, taskIdOf(record.task.taskArn));
  await mkdir(dir, { recursive: true });
  for (const [name, id] of Object.entries(record.runtimeIds)) {
    try {
      await pipeline(await ecs.runtime.logs(id, { timestamps: false }), createWriteStream(join(dir, `${name}.log`)));
    } catch {
      // The container is already gone: nothing more to save.
    }
  }
}

export function logRoutes(ecs: EcsContext): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/_slipway\/logs\/ecs\/([0-9a-f]{32})$/,
      // A container's output is what awslogs sends to CloudWatch Logs: reading it is logs:GetLogEvents.
      access: { action: 'logs:GetLogEvents' },
      async handle(req, res, match) {
        const taskId = match[1];
        const url = new URL(req.url ?? '/', 'http://edge');
        const follow = url.searchParams.get('follow') === '1';
        const wanted = url.searchParams.get('container');
        const record = ecs.model.tasks.find().find((t) => taskIdOf(t.task.taskArn) === taskId);
        const streams: { name: string; open: () => Promise<Readable> }[] = [];
        if (record && Object.keys(record.runtimeIds).length) {
          for (const [name, id] of Object.entries(record.runtimeIds)) {
            streams.push({ name, open: () => ecs.runtime.logs(id, { follow: follow && record.task.lastStatus !== 'STOPPED' }) });
          }
        } else if (existsSync(logDir(ecs, taskId))) {
          for (const file of (await readdir(logDir(ecs, taskId))).sort()) {
            streams.push({ name: file.replace(/\.log$/, ''), open: async () => createReadStream(join(logDir(ecs, taskId), file)) });
          }
        }
        const chosen = streams.filter((s) => !wanted || s.name === wanted);
        if (chosen.length === 0) {
          return sendJson(res, 404, {
            message: `No logs for task ${taskId}${wanted ? ` container ${wanted}` : ''}: the task is unknown or never started a container.`,
          });
        }
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        const out = new PassThrough();
        out.pipe(res);
        const prefix = chosen.length > 1;
        let open = chosen.length;
        req.on('close', () => out.destroy());
        for (const s of chosen) {
          const stream = await s.open();
          res.on('close', () => stream.destroy());
          let partial = '';
          stream.on('data', (chunk: Buffer) => {
            const text = partial + chunk.toString('utf8');
            const lines = text.split('\n');
            partial = lines.pop() ?? '';
            for (const line of lines) out.write(prefix ? `${s.name} | ${line}\n` : `${line}\n`);
          });
          stream.on('end', () => {
            if (partial) out.write(prefix ? `${s.name} | ${partial}\n` : `${partial}\n`);
            if (--open === 0) out.end();
          });
          stream.on('error', () => {
            if (--open === 0) out.end();
          });
        }
      },
    },
  ];
}
