/**
 * @module services/logs/batch
 * PutLogEvents' batch rules, as CloudWatch Logs enforces them: at most 10,000 events and 1,048,576
 * bytes (each message's UTF-8 length plus 26), in chronological order, spanning at most 24 hours —
 * or the whole call fails. Within a good batch, events more than 2 hours ahead of the clock, more
 * than 14 days behind it, or older than the group's retention are left out and reported in
 * rejectedLogEventsInfo; the rest are stored.
 */
import { logsError } from './errors.ts';
import type { NewEvent } from './model.ts';
import type { RejectedLogEventsInfo } from './shapes.ts';

export const MAX_BATCH_EVENTS = 10_000;
export const MAX_BATCH_BYTES = 1_048_576;
export const EVENT_OVERHEAD_BYTES = 26;
const HOUR_MS = 60 * 60 * 1000;
const MAX_SPAN_MS = 24 * HOUR_MS;
const MAX_AHEAD_MS = 2 * HOUR_MS;
const MAX_BEHIND_MS = 14 * 24 * HOUR_MS;

export interface CheckedBatch {
  /** The events to store: a contiguous run of the batch. */
  accepted: NewEvent[];
  rejected?: RejectedLogEventsInfo;
}

/** Checks a batch at clock time `now` for a group holding nothing older than `cutoff`; throws when the whole call fails. */
export function checkBatch(events: readonly NewEvent[], now: number, cutoff: number): CheckedBatch {
  if (events.length > MAX_BATCH_EVENTS) {
    throw logsError.invalidParameter(
      'logEvents',
      `A batch can hold at most ${MAX_BATCH_EVENTS} log events; this one has ${events.length}.`,
    );
  }
  let bytes = 0;
  for (const event of events) bytes += Buffer.byteLength(event.message) + EVENT_OVERHEAD_BYTES;
  if (bytes > MAX_BATCH_BYTES)
    throw logsError.invalidParameter('logEvents', `Upload too large: ${bytes} bytes exceeds limit of ${MAX_BATCH_BYTES}`);
  for (let i = 1; i < events.length; i++) {
    if (events[i].timestamp < events[i - 1].timestamp) {
      throw logsError.invalidParameter(
        `logEvents.${i + 1}.member.timestamp`,
        'Log events in a single PutLogEvents request must be in chronological order.',
      );
    }
  }
  if (events.length && events[events.length - 1].timestamp - events[0].timestamp > MAX_SPAN_MS) {
    throw logsError.invalidParameter(
      'logEvents',
      'The batch of log events in a single PutLogEvents request cannot span more than 24 hours.',
    );
  }
  // Sorted, so each kind of rejection is a run at one end: indexes are where the kept run begins and ends.
  const tooOld = countWhile(events, (e) => e.timestamp < now - MAX_BEHIND_MS);
  const expired = countWhile(events, (e) => e.timestamp < cutoff);
  let tooNewStart = events.length;
  while (tooNewStart > 0 && events[tooNewStart - 1].timestamp > now + MAX_AHEAD_MS) tooNewStart--;
  const start = Math.min(Math.max(tooOld, expired), tooNewStart);
  const rejected: RejectedLogEventsInfo = {
    ...(tooOld ? { tooOldLogEventEndIndex: tooOld } : {}),
    ...(expired ? { expiredLogEventEndIndex: expired } : {}),
    ...(tooNewStart < events.length ? { tooNewLogEventStartIndex: tooNewStart } : {}),
  };
  return { accepted: events.slice(start, tooNewStart), rejected: Object.keys(rejected).length ? rejected : undefined };
}

function countWhile<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  while (n < items.length && test(items[n])) n++;
  return n;
}
