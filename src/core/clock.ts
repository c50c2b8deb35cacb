/**
 * @module core/clock
 * The one clock. Timestamps are real wall time (epoch ms); every interval and wait — health checks,
 * grace periods, deregistration delays, termination waits — goes through `duration()` so that
 * SLIPWAY_TIME_SCALE=N runs AWS's minutes N times faster while defaults stay faithful.
 */
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

export function createClock(scale = parseTimeScale(process.env.SLIPWAY_TIME_SCALE)): Clock {
  const duration = (nominalMs: number) => Math.max(0, Math.round(nominalMs / scale));
  return {
    scale,
    now: () => Date.now(),
    duration,
    elapsed: (sinceMs, nominalMs) => Date.now() - sinceMs >= duration(nominalMs),
    sleep: (nominalMs, signal) =>
      new Promise((resolve) => {
        const timer = setTimeout(done, duration(nominalMs));
        function done() {
          signal?.removeEventListener('abort', done);
          clearTimeout(timer);
          resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
      }),
  };
}
