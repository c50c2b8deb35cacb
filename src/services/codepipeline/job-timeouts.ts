/**
 * @module services/codepipeline/job-timeouts
 * The controller that times out custom actions' jobs, one key per job: a job a worker has taken
 * (Dispatched or InProgress) whose type's executor sets jobTimeout and that has no answer by its
 * `due` time becomes TimedOut, and its run fails with that reason (a later result for it is
 * refused). `due` is on the scaled clock and stored with the job, so a job that came due while
 * Slipway was down fails when it starts again.
 */
import { Controller } from '../../core/reconcile.ts';
import type { CodePipelineContext } from './context.ts';
import { answerJob } from './jobs.ts';

/** Real ms between full resyncs of the timed jobs. */
const RESYNC_MS = 60_000;
const TAKEN = ['Dispatched', 'InProgress'];

export function jobTimeoutController(cp: CodePipelineContext): Controller {
  const m = cp.model;
  return new Controller({
    name: 'codepipeline.job-timeouts',
    resyncMs: RESYNC_MS,
    listKeys: () => m.timedJobs().map((j) => j.id),
    async reconcile(id) {
      const j = m.jobs.get(id);
      if (!j || j.due === undefined || !TAKEN.includes(j.status)) return {};
      const left = j.due - cp.clock.now();
      if (left > 0) return { requeueAfterMs: left };
      const message = `The job '${j.id}' timed out: the job worker did not report a result within the action type's job timeout of ${j.jobTimeout} seconds`;
      answerJob(m, cp.events, cp.clock, j, {
        status: 'TimedOut',
        outcome: { status: 'Failed', errorDetails: { code: 'JobFailed', message } },
      });
      cp.wake(j.pipeline.arn);
      return {};
    },
  });
}
