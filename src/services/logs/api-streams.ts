/**
 * @module services/logs/api-streams
 * CreateLogStream, DeleteLogStream and DescribeLogStreams (by name or by last event time, either
 * way round, with a name prefix when ordered by name).
 */
import { paginate } from '../../core/paging.ts';
import { scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { describePaging } from './api-groups.ts';
import type { LogsContext } from './context.ts';
import { logsError } from './errors.ts';
import type { StreamRecord } from './model.ts';
import { createStream, groupFor, requireGroup, requireStream } from './resolve.ts';
import type { LogStream, LogsOperations } from './shapes.ts';

function streamView(s: StreamRecord): LogStream {
  return {
    logStreamName: s.name,
    creationTime: s.creationTime,
    firstEventTimestamp: s.firstEventTimestamp,
    lastEventTimestamp: s.lastEventTimestamp,
    lastIngestionTime: s.lastIngestionTime,
    arn: s.arn,
    storedBytes: s.storedBytes,
  };
}

export function streamHandlers(logs: LogsContext): Handlers<LogsOperations> {
  const m = logs.model;
  return {
    CreateLogStream(input, ctx) {
      m.tx(() => createStream(logs, requireGroup(logs, scopeOf(ctx), input.logGroupName), input.logStreamName));
      return {};
    },

    DeleteLogStream(input, ctx) {
      m.tx(() => m.deleteStream(requireStream(logs, requireGroup(logs, scopeOf(ctx), input.logGroupName), input.logStreamName)));
      return {};
    },

    DescribeLogStreams(input, ctx) {
      const byTime = input.orderBy === 'LastEventTime';
      if (byTime && input.logStreamNamePrefix !== undefined) {
        throw logsError.invalidParameter('logStreamNamePrefix', 'Cannot order by LastEventTime with a logStreamNamePrefix.');
      }
      const group = groupFor(logs, scopeOf(ctx), input);
      const prefix = input.logStreamNamePrefix;
      let streams = m.streamsOf(group.gid).filter((s) => prefix === undefined || s.name.startsWith(prefix));
      if (byTime) streams.sort((a, b) => (a.lastEventTimestamp ?? 0) - (b.lastEventTimestamp ?? 0) || (a.name < b.name ? -1 : 1));
      if (input.descending) streams = streams.reverse();
      const page = paginate(
        streams,
        { token: input.nextToken, size: input.limit },
        describePaging(`log-streams-${byTime ? 'time' : 'name'}${input.descending ? '-desc' : ''}`),
      );
      return { logStreams: page.items.map(streamView), nextToken: page.next };
    },
  };
}
