/**
 * @module services/codepipeline/jobs
 * The job queue of custom actions. A run of a custom action queues a job; a job worker takes it
 * with PollForJobs (which gives it a nonce and fresh credentials for the artifact store),
 * acknowledges it, and answers with PutJobSuccessResult or PutJobFailureResult. A success with a
 * continuationToken queues the next job of the same run; any other answer is the run's outcome,
 * published as JOB_EVENT for the executor waiting on it. A type whose executor (UpdateActionType)
 * sets jobTimeout gives each job that many seconds from the moment a worker takes it; a job still
 * without an answer then times out (job-timeouts.ts) and fails the run.
 */
import { randomInt } from 'node:crypto';
import type { EventBus } from '../../core/events.ts';
import type { Clock } from '../../core/clock.ts';
import { uuid } from '../../core/ids.ts';
import type { ActionJob, ActionOutcome, Artifact } from './actions/types.ts';
import type { CodePipelineModel, JobRecord } from './model.ts';
import type { AWSSessionCredentials, JobData, JobStatus, Artifact as WireArtifact } from './shapes.ts';

/** Published when a run of a custom action has its outcome (resource: the chain, the run's first job id). */
export const JOB_EVENT = 'codepipeline.job';

/** What the custom action executor asks of the queue. */
export interface JobQueue {
  /** Queues the first job of a run (each of its jobs timing out `jobTimeout` seconds after a worker takes it); returns the run's chain id. */
  queue(job: ActionJob, jobTimeout?: number): string;
  /** The run's outcome, once its last job has one. */
  outcome(chain: string): ActionOutcome | undefined;
  /** The run ended without an answer (abandoned, timed out): its open jobs are taken off the queue. */
  cancel(chain: string, status: 'Failed' | 'TimedOut'): void;
}

export function jobQueue(model: CodePipelineModel, clock: Clock): JobQueue {
  return {
    queue(job, jobTimeout) {
      const id = uuid();
      model.putJob({
        id,
        chain: id,
        scope: job.scope,
        status: 'Queued',
        created: clock.now(),
        actionTypeId: job.actionTypeId,
        configuration: job.configuration,
        pipeline: {
          name: job.pipeline.name,
          arn: job.pipeline.arn,
          executionId: job.executionId,
          stageName: job.stageName,
          actionName: job.actionName,
          actionExecutionId: job.actionExecutionId,
        },
        roleArn: job.roleArn ?? job.pipeline.roleArn,
        inputArtifacts: job.inputArtifacts,
        outputArtifacts: job.outputArtifacts,
        jobTimeout,
      });
      return id;
    },
    outcome: (chain) => model.jobsOf(chain).find((j) => j.outcome)?.outcome,
    cancel(chain, status) {
      model.tx(() => {
        for (const j of model.jobsOf(chain)) {
          if (['Queued', 'Dispatched', 'InProgress'].includes(j.status)) model.modifyJob(j.id, (x) => (x.status = status));
        }
      });
    },
  };
}

/** A nonce as CodePipeline hands them out: a random number, as text. */
export function newNonce(): string {
  return String(randomInt(1, 2 ** 47));
}

/** Ends a job with the worker's answer: the next job of the run, or the run's outcome (published). */
export function answerJob(
  model: CodePipelineModel,
  events: EventBus,
  clock: Clock,
  j: JobRecord,
  answer: { outcome: ActionOutcome; continuationToken?: string; status?: JobStatus },
): void {
  const next = answer.continuationToken;
  model.modifyJob(j.id, (x) => {
    x.status = answer.status ?? answer.outcome.status;
    if (!next) x.outcome = answer.outcome;
  });
  if (next) {
    model.putJob({
      ...j,
      id: uuid(),
      status: 'Queued',
      nonce: undefined,
      due: undefined,
      created: clock.now(),
      continuationToken: next,
      outcome: undefined,
    });
    return;
  }
  events.publish({ type: JOB_EVENT, resource: j.chain, at: clock.now(), detail: answer.outcome as unknown as Record<string, unknown> });
}

const wireArtifact = (a: Artifact): WireArtifact => ({
  name: a.name,
  location: { type: 'S3', s3Location: { bucketName: a.location.bucketName, objectKey: a.location.objectKey } },
});

/** The job as PollForJobs and GetJobDetails give it to a worker. */
export function jobData(j: JobRecord, credentials: AWSSessionCredentials | undefined): JobData {
  return {
    actionTypeId: j.actionTypeId,
    actionConfiguration: { configuration: j.configuration },
    pipelineContext: {
      pipelineName: j.pipeline.name,
      pipelineArn: j.pipeline.arn,
      pipelineExecutionId: j.pipeline.executionId,
      stage: { name: j.pipeline.stageName },
      action: { name: j.pipeline.actionName, actionExecutionId: j.pipeline.actionExecutionId },
    },
    inputArtifacts: j.inputArtifacts.map(wireArtifact),
    outputArtifacts: j.outputArtifacts.map(wireArtifact),
    artifactCredentials: credentials,
    continuationToken: j.continuationToken,
  };
}
