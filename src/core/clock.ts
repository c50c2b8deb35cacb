/**
 * @module core/clock
 * The one clock. Timestamps are real wall time (epoch ms); every interval and wait — health checks,
 * grace periods, deregistration delays, termination waits — goes through `duration()` so that
 * SLIPWAY_TIME_SCALE=N runs AWS's minutes N times faster while defaults stay faithful.
 * `createManualClock` is the same clock with time that moves only when a test advances it, so a
 * controller's timing (steps, delays, grace periods, timers) is tested without waiting.
 */

/** One nominal AWS day in ms (retention periods, recovery windows, lifecycle ages are counted in them). */
export const DAY_MS = 24 * 60 * 60 * 1000;

export interface Clock {
  /** Wall time, epoch ms. */
  now(): number;
  /** How many times faster than real time waits run (1 = faithful). */
  readonly scale: number;
  /** A nominal AWS duration in ms, as it should really be waited here. */
  duration(nominalMs: number): number;
  /** True when at least `nominalMs` (scaled) has passed since `sinceMs`. */
  elapsed(sinceMs: number, nominalMs: number): boolean;
  /** Sleeps a nominal duration (scaled). */
  sleep(nominalMs: number, signal?: AbortSignal): Promise<void>;
}

export function parseTimeScale(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new Error(`SLIPWAY_TIME_SCALE must be a positive number (got '${raw}'); e.g. 60 makes a minute last a second`);
  }
  return scale;
}

/** What both clocks share: scaling a nominal duration, and elapsed time read from `now`. */
function scaled(scale: number, now: () => number): Pick<Clock, 'now' | 'scale' | 'duration' | 'elapsed'> {
  const duration = (nominalMs: number) => Math.max(0, Math.round(nominalMs / scale));
  return { scale, now, duration, elapsed: (sinceMs, nominalMs) => now() - sinceMs >= duration(nominalMs) };
}

export function createClock(scale = parseTimeScale(process.env.SLIPWAY_TIME_SCALE)): Clock {
  const clock = scaled(scale, () => Date.now());
  return {
    ...clock,
    sleep: (nominalMs, signal) =>
      new Promise((resolve) => {
        // An abort that came first never fires its event again: such a sleep ends now.
        if (signal?.aborted) return resolve();
        const timer = setTimeout(done, clock.duration(nominalMs));
        function done() {
          signal?.removeEventListener('abort', done);
          clearTimeout(timer);
          resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
      }),
  };
}

export interface ManualClock extends Clock {
  /**
   * Moves `now()` forward by `ms` (the clock's own milliseconds, as `duration()` returns them),
   * waking each sleep that comes due in the order of its deadline, and letting the code it wakes
   * run (and sleep again) before time moves on.
   */
  advance(ms: number): Promise<void>;
  /** Sleeps not yet woken. */
  readonly sleeping: number;
}

interface Sleeper {
  at: number;
  wake(): void;
}

/** A clock standing at `start` (epoch ms) until advanced; `scale` as SLIPWAY_TIME_SCALE. */
export function createManualClock(opts: { start?: number; scale?: number } = {}): ManualClock {
  let current = opts.start ?? Date.UTC(2026, 0, 1);
  const sleepers: Sleeper[] = [];
  const clock = scaled(opts.scale ?? 1, () => current);
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    ...clock,
    get sleeping() {
      return sleepers.length;
    },
    sleep: (nominalMs, signal) =>
      new Promise((resolve) => {
        const sleeper: Sleeper = { at: current + clock.duration(nominalMs), wake };
        function wake() {
          signal?.removeEventListener('abort', wake);
          const index = sleepers.indexOf(sleeper);
          if (index >= 0) sleepers.splice(index, 1);
          resolve();
        }
        if (signal?.aborted || sleeper.at <= current) return resolve();
        sleepers.push(sleeper);
        signal?.addEventListener('abort', wake, { once: true });
      }),
    async advance(ms) {
      if (!(ms >= 0)) throw new Error(`a clock only moves forward (advance(${ms}))`);
      const target = current + ms;
      await settle();
      for (;;) {
        const next = sleepers.filter((s) => s.at <= target).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        current = next.at;
        next.wake();
        await settle();
      }
      current = target;
      await settle();
    },
  };
}
