/**
 * @module services/codepipeline/start
 * A new execution of a pipeline's current version: recorded InProgress waiting to enter its first
 * stage, then the engine is woken. Every way an execution starts (CreatePipeline, UpdatePipeline's
 * caller starting it, StartPipelineExecution, a push or an upload the source watches) comes here.
 */
import { uuid } from '../../core/ids.ts';
import type { SourceRevision } from './actions/types.ts';
import { announceExecution, type CodePipelineContext } from './context.ts';
import type { ExecutionRecord, PipelineRecord } from './model.ts';
import type { ExecutionTrigger } from './shapes.ts';

let counter = 0;

export interface StartRequest {
  trigger: ExecutionTrigger;
  variables: { name: string; resolvedValue: string }[];
  sourceRevisions?: Record<string, SourceRevision>;
  clientRequestToken?: string;
  /** RollbackStage: run only stage `at`, with the target execution's artifacts and output variables. */
  rollback?: { at: number; target: ExecutionRecord };
}

export function startExecution(cp: CodePipelineContext, p: PipelineRecord, request: StartRequest): ExecutionRecord {
  const now = cp.clock.now();
  counter = (counter + 1) % 1000;
  const e: ExecutionRecord = {
    id: uuid(),
    scope: p.scope,
    pipelineArn: p.arn,
    pipelineName: p.name,
    declaration: p.declaration,
    status: 'InProgress',
    trigger: request.trigger,
    startTime: now,
    seq: now * 1000 + counter,
    lastUpdateTime: now,
    variables: request.variables,
    sourceRevisions: request.sourceRevisions ?? {},
    at: request.rollback?.at ?? 0,
    entered: false,
    stages: p.declaration.stages.map((s) => ({ name: s.name, status: 'InProgress', attempt: 0 })),
    actions: [],
    artifacts: { ...request.rollback?.target.artifacts },
    namespaces: { ...request.rollback?.target.namespaces },
    clientRequestToken: request.clientRequestToken,
  };
  if (request.rollback) {
    const { target } = request.rollback;
    e.rollback = {
      target: target.id,
      sourceRuns: target.rollback?.sourceRuns ?? target.actions.filter((r) => r.revision && r.status === 'Succeeded'),
    };
  }
  cp.model.putExecution(e);
  announceExecution(cp, e);
  cp.wake(p.arn);
  return e;
}

/** A rollback of stage `at` to `target`'s artifacts, variables and source revisions (RollbackStage, or a stage's onFailure ROLLBACK). */
export function startRollback(
  cp: CodePipelineContext,
  p: PipelineRecord,
  at: number,
  target: ExecutionRecord,
  trigger: ExecutionTrigger,
): ExecutionRecord {
  return startExecution(cp, p, { trigger, variables: target.variables, sourceRevisions: target.sourceRevisions, rollback: { at, target } });
}

/** The newest execution of the pipeline's current version that succeeded in the stage, other than `except`. */
export function lastSucceededIn(
  cp: CodePipelineContext,
  p: PipelineRecord,
  stageName: string,
  except?: string,
): ExecutionRecord | undefined {
  return cp.model
    .executionsOf(p.arn)
    .find(
      (o) =>
        o.id !== except &&
        o.declaration.version === p.declaration.version &&
        o.stages.some((s) => s.name === stageName && s.attempt > 0 && s.status === 'Succeeded'),
    );
}
