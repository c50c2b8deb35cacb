/**
 * @module services/logs/reading
 * Reading a stream page by page, as GetLogEvents (and the facade's follow) do: from the head, from
 * the tail, or from a token's position either way; at most 10,000 events and 1 MB a page; never an
 * event older than the group's retention.
 */
import type { LogsContext } from './context.ts';
import type { EventRow, GroupRecord, Position, StreamRecord, TimeRange } from './model.ts';
import { retentionCutoff } from './retention.ts';
import { EVENT_OVERHEAD_BYTES, MAX_BATCH_BYTES, MAX_BATCH_EVENTS } from './batch.ts';
import { parseStreamToken } from './tokens.ts';

export const MAX_PAGE_EVENTS = MAX_BATCH_EVENTS;
export const MAX_PAGE_BYTES = MAX_BATCH_BYTES;
const START: Position = { ts: 0, id: 0 };
const END: Position = { ts: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };

export interface StreamRead {
  startTime?: number;
  endTime?: number;
  nextToken?: string;
  startFromHead?: boolean;
  limit?: number;
}

export interface StreamPage {
  events: EventRow[];
  /** Just after the last event returned (or where the read started, when none was). */
  forward: Position;
  /** Just before the first event returned (or where the read started, when none was). */
  backward: Position;
}

/** The timestamps a read of the group may return: the asked range, less what retention has dropped. */
export function readableRange(logs: LogsContext, group: GroupRecord, startTime?: number, endTime?: number): TimeRange {
  return { from: Math.max(startTime ?? 0, retentionCutoff(logs, group)), to: endTime ?? Number.MAX_SAFE_INTEGER };
}

/** Keeps the rows that fit in one page's bytes: the first ones, or (reading backwards) the last ones. */
export function fitBytes(rows: EventRow[], keepLast = false): EventRow[] {
  const ordered = keepLast ? [...rows].reverse() : rows;
  let bytes = 0;
  let n = 0;
  while (n < ordered.length) {
    bytes += Buffer.byteLength(ordered[n].message) + EVENT_OVERHEAD_BYTES;
    if (bytes > MAX_PAGE_BYTES && n > 0) break;
    n++;
  }
  return keepLast ? rows.slice(rows.length - n) : rows.slice(0, n);
}

const at = (row: EventRow): Position => ({ ts: row.ts, id: row.id });

export function readStream(logs: LogsContext, group: GroupRecord, stream: StreamRecord, read: StreamRead): StreamPage {
  const range = readableRange(logs, group, read.startTime, read.endTime);
  const limit = read.limit ?? MAX_PAGE_EVENTS;
  const token = read.nextToken !== undefined ? parseStreamToken(read.nextToken) : undefined;
  const forwards = token ? token.direction === 'f' : read.startFromHead === true;
  const from = token?.pos ?? (forwards ? START : END);
  const events = forwards
    ? fitBytes(logs.model.streamAfter(stream.sid, from, range, limit))
    : fitBytes(logs.model.streamBefore(stream.sid, from, range, limit), true);
  if (!events.length) {
    // Nothing there: both tokens stay where the read stood, so asking again asks the same question.
    const still = token?.pos ?? START;
    return { events, forward: still, backward: still };
  }
  return { events, forward: at(events[events.length - 1]), backward: at(events[0]) };
}
