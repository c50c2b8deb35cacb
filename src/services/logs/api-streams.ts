/**
 * @module services/logs/api-streams
 * CreateLogStream, DeleteLogStream and DescribeLogStreams (by name or by last event time, either
 * way round, with a name prefix when ordered by name).
 */
import { logsArn } from '../../core/ids.ts';
import { paginate } from '../../core/paging.ts';
import { scopeOf, scopeOfOwnArn } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { describePaging } from './api-groups.ts';
import type { LogsContext } from './context.ts';
import { logsError } from './errors.ts';
import type { GroupRecord, StreamRecord } from './model.ts';
import { groupFor, requireGroup, requireStream } from './resolve.ts';
import type { LogStream, LogsOperations } from './shapes.ts';

/** Creates the stream in the group (call inside a transaction); throws when it exists. */
export function createStream(logs: LogsContext, group: GroupRecord, name: string): StreamRecord {
  if (logs.model.stream(group.gid, name)) throw logsError.logStreamExists();
  const stream: StreamRecord = {
    sid: logs.model.nextId(),
    gid: group.gid,
    arn: logsArn.logStream(scopeOfOwnArn(group.arn), group.name, name),
    name,
    creationTime: logs.clock.now(),
    storedBytes: 0,
  };
  logs.model.putStream(stream);
  return stream;
}

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
      const page = paginate(streams, { token: input.nextToken, size: input.limit }, describePaging(`log-streams-${byTime ? 'time' : 'name'}${input.descending ? '-desc' : ''}`));
      return { logStreams: page.items.map(streamView), nextToken: page.next };
    },
  };
}
