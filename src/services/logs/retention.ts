/**
 * @module services/logs/retention
 * Log group retention. Days are nominal AWS days run on the clock's scale (SLIPWAY_TIME_SCALE=1440
 * makes a retention day last a minute). Reads never return an event older than its group's
 * retention; the room's controller deletes such events every 10 minutes (scaled) and right after a
 * retention policy is set, so storage shrinks with them.
 */
import { DAY_MS } from '../../core/clock.ts';
import { logger } from '../../core/log.ts';
import { Controller } from '../../core/reconcile.ts';
import type { LogsContext } from './context.ts';
import type { GroupRecord } from './model.ts';

const log = logger('logs.retention');

/** The retention periods CloudWatch Logs accepts, in days. */
export const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
const SWEEP_EVERY_MS = 10 * 60 * 1000;
const SWEEP_KEY = 'sweep';

/** The oldest timestamp the group still holds (0 when it keeps events forever). */
export function retentionCutoff(logs: LogsContext, group: GroupRecord): number {
  return group.retentionInDays ? logs.clock.now() - logs.clock.duration(group.retentionInDays * DAY_MS) : 0;
}

/** Deletes every group's expired events; returns how many went. */
export function expireAll(logs: LogsContext): number {
  let removed = 0;
  for (const group of logs.model.groups.find()) {
    if (group.retentionInDays) removed += logs.model.expire(group, retentionCutoff(logs, group));
  }
  return removed;
}

export function retentionController(logs: LogsContext): Controller {
  return new Controller({
    name: 'logs.retention',
    concurrency: 1,
    listKeys: () => [SWEEP_KEY],
    reconcile: async () => {
      const removed = expireAll(logs);
      if (removed) log.debug(`deleted ${removed} events past their groups' retention`);
      return { requeueAfterMs: Math.max(1_000, logs.clock.duration(SWEEP_EVERY_MS)) };
    },
  });
}

/** Asks the controller for a sweep now (after a retention policy changed). */
export function sweepSoon(controller: Controller): void {
  controller.enqueue(SWEEP_KEY);
}
