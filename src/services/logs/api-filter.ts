/**
 * @module services/logs/api-filter
 * FilterLogEvents: the events of a group's streams (all, named, or by prefix) in time order,
 * matched against a filter pattern. A call scans a bounded number of events; when it stops short
 * of the end it returns a nextToken, perhaps with few or no events, as CloudWatch Logs does.
 */
import { scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { LogsContext } from './context.ts';
import { logsError } from './errors.ts';
import { compileFilterPattern } from './filter-pattern.ts';
import type { EventRow, Position } from './model.ts';
import { fitBytes, MAX_PAGE_EVENTS, readableRange } from './reading.ts';
import { groupFor, requireStream } from './resolve.ts';
import type { FilteredLogEvent, LogsOperations } from './shapes.ts';
import { filterToken, parseFilterToken } from './tokens.ts';

/** Events read from the store per query, and the most one call looks at before handing back a token. */
const SCAN_PAGE = 1_000;
const SCAN_BUDGET = 100_000;

export function filterHandlers(logs: LogsContext): Handlers<LogsOperations> {
  return {
    FilterLogEvents(input, ctx) {
      if (input.logStreamNames && input.logStreamNamePrefix !== undefined) {
        throw logsError.invalidParameter(
          'logStreamNamePrefix',
          'logStreamNames and logStreamNamePrefix are mutually exclusive parameters.',
        );
      }
      const group = groupFor(logs, scopeOf(ctx), input);
      const matches = compileFilterPattern(input.filterPattern);
      const all = logs.model.streamsOf(group.gid);
      const prefix = input.logStreamNamePrefix;
      const streams = input.logStreamNames
        ? [...new Set(input.logStreamNames)].map((name) => requireStream(logs, group, name))
        : all.filter((s) => prefix === undefined || s.name.startsWith(prefix));
      const names = new Map(all.map((s) => [s.sid, s.name]));
      const sids = input.logStreamNames || prefix !== undefined ? streams.map((s) => s.sid) : undefined;
      const range = readableRange(logs, group, input.startTime, input.endTime);
      const limit = input.limit ?? MAX_PAGE_EVENTS;

      let pos: Position = input.nextToken !== undefined ? parseFilterToken(input.nextToken) : { ts: 0, id: 0 };
      const found: EventRow[] = [];
      let exhausted = sids?.length === 0;
      for (let scanned = 0; !exhausted && found.length < limit && scanned < SCAN_BUDGET; ) {
        const rows = logs.model.groupAfter(group.gid, sids, pos, range, SCAN_PAGE);
        exhausted = rows.length < SCAN_PAGE;
        const hits = matches(rows.map((row) => row.message));
        for (const [i, row] of rows.entries()) {
          scanned++;
          pos = { ts: row.ts, id: row.id };
          if (hits[i]) found.push(row);
          if (found.length === limit) {
            exhausted = exhausted && row === rows[rows.length - 1];
            break;
          }
        }
      }
      const events = fitBytes(found);
      if (events.length < found.length) {
        const last = events[events.length - 1];
        pos = { ts: last.ts, id: last.id };
        exhausted = false;
      }
      return {
        events: events.map(
          (e): FilteredLogEvent => ({
            logStreamName: names.get(e.stream),
            timestamp: e.ts,
            message: e.message,
            ingestionTime: e.ingested,
            eventId: String(e.id),
          }),
        ),
        searchedLogStreams: streams.map((s) => ({ logStreamName: s.name, searchedCompletely: exhausted })),
        nextToken: exhausted ? undefined : filterToken(pos),
      };
    },
  };
}
