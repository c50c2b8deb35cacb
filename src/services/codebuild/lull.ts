/**
 * @module services/codebuild/lull
 * Waiting for a lull in Slipway's activity, for engine housekeeping that nothing waits on (removing
 * a finished build's container). A build's outcome sets work off at once — a pipeline's deploy
 * action creating and starting containers — and a container removal beside it slows that work on
 * the same engine, so the removal waits until no event has been published for a moment.
 */
import type { EventBus } from '../../core/events.ts';

/** Real time (engine work, not an AWS interval): no event for this long is a lull... */
export const LULL_QUIET_MS = 2_000;
/** ...and a busy Slipway gets its housekeeping done after this long anyway. */
export const LULL_MAX_MS = 30_000;

/** Resolves once no event has been published for `quietMs`, after `maxMs` at most, or at once when `signal` aborts. */
export function lull(events: EventBus, signal: AbortSignal, quietMs = LULL_QUIET_MS, maxMs = LULL_MAX_MS): Promise<void> {
  return new Promise((resolve) => {
    let quiet: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(quiet);
      clearTimeout(limit);
      unsubscribe();
      signal.removeEventListener('abort', done);
      resolve();
    };
    const rearm = () => {
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs).unref();
    };
    const unsubscribe = events.subscribe(rearm);
    const limit = setTimeout(done, maxMs).unref();
    signal.addEventListener('abort', done, { once: true });
    if (signal.aborted) done();
    else rearm();
  });
}
