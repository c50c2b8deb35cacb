/**
 * @module services/logs/facade
 * What other rooms call to write and read logs (ECS's awslogs driver, CodeBuild): make sure a group
 * and stream exist, append lines, follow a stream. `append` only queues: queued lines are written a
 * moment later, every stream's in one transaction, so calling it for every line a container prints
 * costs an array push. Lines for a group that does not exist are dropped with a warning, as the
 * awslogs driver cannot deliver them either; a missing stream is created.
 */
import { logsArn, type Scope } from '../../core/ids.ts';
import { logger } from '../../core/log.ts';
import { scopeKey } from '../../core/scope.ts';
import { MAX_BATCH_EVENTS, EVENT_OVERHEAD_BYTES, MAX_BATCH_BYTES } from './batch.ts';
import { announceEvents, EVENTS_STORED, type LogsContext } from './context.ts';
import type { GroupRecord, NewEvent } from './model.ts';
import { readStream } from './reading.ts';
import { checkStreamName, createGroup, createStream, requireGroup } from './resolve.ts';
import { retentionCutoff } from './retention.ts';
import { streamToken } from './tokens.ts';

const log = logger('logs');
/** How long queued lines wait for company before they are written. */
const FLUSH_AFTER_MS = 50;
/** The longest message one event holds; longer lines are split, as the awslogs driver splits them. */
const MAX_MESSAGE_CHARS = Math.floor((MAX_BATCH_BYTES - EVENT_OVERHEAD_BYTES) / 4);
/** How often a follower looks again when no event wakes it (a safety net; appends wake it at once). */
const FOLLOW_POLL_MS = 1_000;

export interface LogLine {
  timestamp: number;
  message: string;
}

export interface StoredLine extends LogLine {
  ingestionTime: number;
}

export interface FollowOptions {
  /** Only events at or after this time (epoch ms). */
  startTime?: number;
  signal?: AbortSignal;
}

export interface LogsFacade {
  /** Creates the log group unless it exists; a name CloudWatch Logs refuses throws its InvalidParameterException. */
  ensureGroup(scope: Scope, group: string): void;
  /** Creates the log stream (and its group) unless they exist; names are held to the same rules. */
  ensureStream(scope: Scope, group: string, stream: string): void;
  /** Creates the stream unless it exists, as CreateLogStream does: a group that does not exist throws its ResourceNotFoundException. */
  createStream(scope: Scope, group: string, stream: string): void;
  /** Queues lines for the stream; they are stored within moments, in order. A refused stream name throws. */
  append(scope: Scope, group: string, stream: string, lines: LogLine[]): void;
  /** Writes everything queued so far. */
  flush(): void;
  /** The stream's events from its head (or startTime), then each new one as it is stored, until the signal aborts. */
  follow(scope: Scope, group: string, stream: string, opts?: FollowOptions): AsyncIterable<StoredLine>;
}

interface Queued {
  scope: Scope;
  group: string;
  stream: string;
  events: NewEvent[];
}

export function createFacade(logs: LogsContext): LogsFacade {
  const m = logs.model;
  const queue = new Map<string, Queued>();
  let queued = 0;
  let timer: NodeJS.Timeout | undefined;
  const dropped = new Set<string>();

  const ensureGroup = (scope: Scope, name: string): GroupRecord =>
    m.tx(() => m.group(scopeKey(scope), name) ?? createGroup(logs, scope, name));

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const batches = [...queue.values()];
    queue.clear();
    queued = 0;
    const now = logs.clock.now();
    const stored: { arn: string; count: number }[] = [];
    m.tx(() => {
      for (const batch of batches) {
        const group = m.group(scopeKey(batch.scope), batch.group);
        if (!group) {
          const key = `${scopeKey(batch.scope)}:${batch.group}`;
          if (!dropped.has(key)) log.warn(`log group ${batch.group} does not exist: its lines are dropped until it does`);
          dropped.add(key);
          continue;
        }
        const stream = m.stream(group.gid, batch.stream) ?? createStream(logs, group, batch.stream);
        const cutoff = retentionCutoff(logs, group);
        const events = batch.events.filter((e) => e.timestamp >= cutoff);
        m.append(stream, events, now);
        if (events.length) stored.push({ arn: stream.arn, count: events.length });
      }
    });
    for (const s of stored) announceEvents(logs, s.arn, s.count);
  };

  return {
    ensureGroup: (scope, group) => void ensureGroup(scope, group),

    ensureStream(scope, group, stream) {
      m.tx(() => {
        const g = ensureGroup(scope, group);
        if (!m.stream(g.gid, stream)) createStream(logs, g, stream);
      });
    },

    createStream(scope, group, stream) {
      m.tx(() => {
        const g = requireGroup(logs, scope, group);
        if (!m.stream(g.gid, stream)) createStream(logs, g, stream);
      });
    },

    append(scope, group, stream, lines) {
      const key = `${scopeKey(scope)}\n${group}\n${stream}`;
      let entry = queue.get(key);
      if (!entry) {
        // Refused here, to the caller: a bad name met while flushing would fail every stream's lines.
        checkStreamName(stream);
        queue.set(key, (entry = { scope, group, stream, events: [] }));
      }
      for (const line of lines) {
        for (let i = 0; i < line.message.length; i += MAX_MESSAGE_CHARS) {
          entry.events.push({ timestamp: line.timestamp, message: line.message.slice(i, i + MAX_MESSAGE_CHARS) });
          queued++;
        }
      }
      if (queued >= MAX_BATCH_EVENTS) flush();
      else if (!timer && queued) {
        timer = setTimeout(flush, FLUSH_AFTER_MS);
        timer.unref();
      }
    },

    flush,

    async *follow(scope, group, stream, opts = {}) {
      const arn = logsArn.logStream(scope, group, stream);
      let woken = false;
      let wake = () => {};
      const unsubscribe = logs.events.subscribe((e) => {
        if (e.type === EVENTS_STORED && e.resource === arn) {
          woken = true;
          wake();
        }
      });
      const abort = () => wake();
      opts.signal?.addEventListener('abort', abort);
      try {
        let token: string | undefined;
        while (!opts.signal?.aborted) {
          woken = false;
          const g = m.group(scopeKey(scope), group);
          const s = g && m.stream(g.gid, stream);
          if (g && s) {
            const page = readStream(
              logs,
              g,
              s,
              token ? { nextToken: token, startTime: opts.startTime } : { startFromHead: true, startTime: opts.startTime },
            );
            token = streamToken('f', page.forward);
            for (const e of page.events) yield { timestamp: e.ts, message: e.message, ingestionTime: e.ingested };
            if (page.events.length) continue;
          }
          if (woken || opts.signal?.aborted) continue;
          await new Promise<void>((resolve) => {
            const poll = setTimeout(resolve, FOLLOW_POLL_MS);
            wake = () => {
              clearTimeout(poll);
              resolve();
            };
          });
        }
      } finally {
        unsubscribe();
        opts.signal?.removeEventListener('abort', abort);
      }
    },
  };
}
