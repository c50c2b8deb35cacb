/**
 * @module services/codepipeline/actions/custom
 * A custom action type (CreateCustomActionType) as an executor: its configuration properties and
 * artifact counts are the type's, and a run queues a job for the type's job workers and waits for
 * their answer — published on the bus, or recorded while Slipway was down. After a restart it
 * waits for the same run's jobs instead of queueing new ones.
 */
import type { EventBus } from '../../../core/events.ts';
import { JOB_EVENT, type JobQueue } from '../jobs.ts';
import type { CustomActionTypeRecord } from '../model.ts';
import { awaitAnswer } from './answer.ts';
import type { ActionExecutor, ActionOutcome } from './types.ts';

export function customAction(t: CustomActionTypeRecord, deps: { events: EventBus; jobs: JobQueue }): ActionExecutor {
  const range = (d: { minimumCount: number; maximumCount: number }) => ({ min: d.minimumCount, max: d.maximumCount });
  return {
    type: t.id,
    properties: t.configurationProperties.map((p) => ({ ...p, queryable: p.queryable ?? false })),
    artifacts: { input: range(t.inputArtifactDetails), output: range(t.outputArtifactDetails) },
    run(job, started, resumed) {
      const chain = resumed?.externalExecutionId ?? deps.jobs.queue(job, t.executor?.jobTimeout);
      return awaitAnswer({
        events: deps.events,
        type: JOB_EVENT,
        resource: chain,
        signal: job.signal,
        read: (detail) => detail as unknown as ActionOutcome,
        earlier: () => deps.jobs.outcome(chain),
        ready: () => {
          if (resumed) return;
          started({ externalExecutionId: chain });
          job.progress(`Waiting for a job worker of ${t.id.provider} to take job ${chain}`);
        },
        abandoned: () => {
          deps.jobs.cancel(chain, 'Failed');
          return new Error('The job was abandoned');
        },
      });
    },
  };
}
