/**
 * @module core/backoff
 * The one retry delay: exponential from `baseMs`, doubling per failure, capped at `maxMs`.
 */

export interface BackoffRules {
  baseMs: number;
  maxMs: number;
}

/** Controllers' default: 250 ms, 500 ms, … up to 30 s. */
export const CONTROLLER_BACKOFF: BackoffRules = { baseMs: 250, maxMs: 30_000 };

/** The delay before retry number `failures` (0 for the first retry). */
export function backoffMs(failures: number, rules: BackoffRules = CONTROLLER_BACKOFF): number {
  const steps = Math.min(Math.max(0, failures), 30);
  return Math.min(rules.maxMs, rules.baseMs * 2 ** steps);
}
