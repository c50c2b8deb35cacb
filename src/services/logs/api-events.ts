/**
 * @module services/logs/api-events
 * PutLogEvents (AWS's batch rules; sequence tokens accepted and ignored, as AWS now does) and
 * GetLogEvents (head, tail, time range, forward and backward tokens).
 */
import { decimalId } from '../../core/ids.ts';
import { scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { checkBatch } from './batch.ts';
import { announceEvents, type LogsContext } from './context.ts';
import { readStream } from './reading.ts';
import { groupFor, requireGroup, requireStream } from './resolve.ts';
import { retentionCutoff } from './retention.ts';
import type { LogsOperations } from './shapes.ts';
import { streamToken } from './tokens.ts';

export function eventHandlers(logs: LogsContext): Handlers<LogsOperations> {
  const m = logs.model;
  return {
    PutLogEvents(input, ctx) {
      const group = requireGroup(logs, scopeOf(ctx), input.logGroupName);
      const stream = requireStream(logs, group, input.logStreamName);
      const now = logs.clock.now();
      const { accepted, rejected } = checkBatch(input.logEvents, now, retentionCutoff(logs, group));
      m.append(stream, accepted, now);
      if (accepted.length) announceEvents(logs, stream.arn, accepted.length);
      return { nextSequenceToken: decimalId(56), rejectedLogEventsInfo: rejected };
    },

    GetLogEvents(input, ctx) {
      const group = groupFor(logs, scopeOf(ctx), input);
      const stream = requireStream(logs, group, input.logStreamName);
      const page = readStream(logs, group, stream, input);
      return {
        events: page.events.map((e) => ({ timestamp: e.ts, message: e.message, ingestionTime: e.ingested })),
        nextForwardToken: streamToken('f', page.forward),
        nextBackwardToken: streamToken('b', page.backward),
      };
    },
  };
}
