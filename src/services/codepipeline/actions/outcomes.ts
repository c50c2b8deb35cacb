/**
 * @module services/codepipeline/actions/outcomes
 * What the executors share about ending and waiting: a failed outcome in CodePipeline's
 * errorDetails codes, always pointing at the outside work it ran, and the poll loop that waits
 * for that work (a build, a deployment) on the scaled clock until it settles or the job is aborted.
 */
import type { Clock } from '../../../core/clock.ts';
import type { EventBus, SlipwayEvent } from '../../../core/events.ts';
import type { ActionOutcome, ActionStarted } from './types.ts';

/** CodePipeline's FailureDetails types, as errorDetails.code shows them. */
export type FailureCode = 'JobFailed' | 'ConfigurationError' | 'PermissionError' | 'RevisionOutOfSync' | 'RevisionUnavailable';

export function failed(code: FailureCode, message: string, started?: ActionStarted): ActionOutcome {
  return {
    status: 'Failed',
    errorDetails: { code, message },
    ...(started ? { externalExecutionId: started.externalExecutionId, externalExecutionUrl: started.externalExecutionUrl } : {}),
  };
}

/** The job was stopped (abandon, supersede, timeout) while waiting; the engine records why. */
export class ActionAborted extends Error {
  constructor(what: string) {
    super(`stopped waiting for ${what}: the action was aborted`);
    this.name = 'ActionAborted';
  }
}

/** Events that end a poll's sleep early: the work announced a change, so `check` runs at once. */
export interface Wake {
  events?: EventBus;
  about: (event: SlipwayEvent) => boolean;
}

/**
 * Calls `check` every `everyMs` (nominal, scaled by the clock), and at once whenever `wake` sees an
 * event about the work, until it answers something; throws ActionAborted when `signal` aborts first.
 */
export async function pollUntil<T>(
  clock: Clock,
  signal: AbortSignal,
  everyMs: number,
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  wake?: Wake,
): Promise<T> {
  for (;;) {
    if (signal.aborted) throw new ActionAborted(what);
    // Listening before the check, so an event that lands while it runs still cuts the next sleep short.
    const nap = new AbortController();
    const stopWaking = wake?.events?.subscribe((e) => wake.about(e) && nap.abort());
    const stopAborting = () => nap.abort();
    signal.addEventListener('abort', stopAborting, { once: true });
    try {
      const answer = await check();
      if (answer !== undefined) return answer;
      await clock.sleep(everyMs, nap.signal);
    } finally {
      stopWaking?.();
      signal.removeEventListener('abort', stopAborting);
    }
  }
}
