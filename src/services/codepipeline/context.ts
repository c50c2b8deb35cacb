/**
 * @module services/codepipeline/context
 * What every part of the CodePipeline room shares: the app's parts, the room's model, the action
 * registry, the S3 facade the artifact store is reached through, the logs facade a follower
 * reads build logs through, and the one way to say "this pipeline's executions changed", which
 * wakes the engine for it.
 */
import type { LogsFacade } from '../logs/index.ts';
import type { S3Facade } from '../s3/index.ts';
import type { StsFacade } from '../sts/index.ts';
import type { AppContext } from '../types.ts';
import type { ActionRegistry } from './actions/index.ts';
import type { ActionRun, CodePipelineModel, ConditionRun, ExecutionRecord } from './model.ts';

/** Published when an execution's or a stage's status changes (resource: the pipeline's ARN). */
export const EXECUTION_EVENT = 'codepipeline.execution';
/** Published when an action's status changes or it reports a progress line (resource: the pipeline's ARN). */
export const ACTION_EVENT = 'codepipeline.action';

/** Published when a stage condition's check starts or ends (resource: the pipeline's ARN). */
export const CONDITION_EVENT = 'codepipeline.condition';

export interface CodePipelineContext extends AppContext {
  model: CodePipelineModel;
  actions: ActionRegistry;
  s3: S3Facade;
  /** Where a followed CodeBuild action's build log is read from. */
  logs: LogsFacade;
  /** Where a job worker's temporary credentials for the artifact store come from. */
  sts: StsFacade;
  /** Asks the engine to look at a pipeline's executions now. */
  wake(pipelineArn: string): void;
  /** Asks the job-timeout controller to look at a job a worker has just taken. */
  timeJob(jobId: string): void;
}

export function announceExecution(cp: CodePipelineContext, e: ExecutionRecord, stage?: { name: string; status: string }): void {
  cp.events.publish({
    type: EXECUTION_EVENT,
    resource: e.pipelineArn,
    at: cp.clock.now(),
    detail: {
      pipelineName: e.pipelineName,
      pipelineExecutionId: e.id,
      status: e.status,
      ...(e.statusSummary && { statusSummary: e.statusSummary }),
      ...(stage && { stageName: stage.name, stageStatus: stage.status }),
    },
  });
}

export function announceAction(cp: CodePipelineContext, e: ExecutionRecord, run: ActionRun, line?: string): void {
  cp.events.publish({
    type: ACTION_EVENT,
    resource: e.pipelineArn,
    at: cp.clock.now(),
    detail: {
      pipelineName: e.pipelineName,
      pipelineExecutionId: e.id,
      stageName: run.stageName,
      actionName: run.actionName,
      actionExecutionId: run.id,
      status: run.status,
      ...(run.errorDetails && { errorDetails: run.errorDetails }),
      ...(run.externalExecutionId && { externalExecutionId: run.externalExecutionId }),
      ...(line !== undefined && { line }),
    },
  });
}

export function announceCondition(cp: CodePipelineContext, e: ExecutionRecord, c: ConditionRun): void {
  cp.events.publish({
    type: CONDITION_EVENT,
    resource: e.pipelineArn,
    at: cp.clock.now(),
    detail: {
      pipelineName: e.pipelineName,
      pipelineExecutionId: e.id,
      stageName: c.stageName,
      conditionType: c.kind,
      status: c.status,
      ...(c.summary && { summary: c.summary }),
    },
  });
}
