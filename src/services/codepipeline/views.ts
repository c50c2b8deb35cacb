/**
 * @module services/codepipeline/views
 * Records as CodePipeline shows them: GetPipelineExecution's execution, ListPipelineExecutions'
 * summaries, ListActionExecutions' details and GetPipelineState's stage states.
 */
import { conditionState } from './conditions.ts';
import type { ActionRun, ExecutionRecord, PipelineRecord, StageRun } from './model.ts';
import type {
  ActionExecution,
  ActionExecutionDetail,
  ArtifactDetail,
  ArtifactRevision,
  PipelineExecution,
  PipelineExecutionSummary,
  RetryStageMetadata,
  StageState,
} from './shapes.ts';
import type { Artifact } from './actions/types.ts';

function declared(e: ExecutionRecord, run: ActionRun) {
  return e.declaration.stages.find((s) => s.name === run.stageName)?.actions.find((a) => a.name === run.actionName);
}

/** The source runs that produced a revision, newest attempt last (a rollback's: its target's). */
function sourceRuns(e: ExecutionRecord): ActionRun[] {
  return e.rollback?.sourceRuns ?? e.actions.filter((r) => r.revision && r.status === 'Succeeded');
}

const executionKind = (e: ExecutionRecord) =>
  e.rollback
    ? { executionType: 'ROLLBACK' as const, rollbackMetadata: { rollbackTargetPipelineExecutionId: e.rollback.target } }
    : { executionType: 'STANDARD' as const };

export function executionView(e: ExecutionRecord): PipelineExecution {
  const revisions: ArtifactRevision[] = sourceRuns(e).map((r) => ({
    name: r.outputArtifacts[0]?.name ?? r.actionName,
    revisionId: r.revision!.revisionValue,
    revisionSummary: r.revision!.revisionSummary,
    revisionUrl: r.revision!.revisionUrl,
    created: r.revision!.created,
  }));
  return {
    pipelineName: e.pipelineName,
    pipelineVersion: e.declaration.version,
    pipelineExecutionId: e.id,
    status: e.status,
    statusSummary: e.statusSummary,
    artifactRevisions: revisions,
    variables: e.variables,
    trigger: e.trigger,
    executionMode: e.declaration.executionMode,
    ...executionKind(e),
  };
}

export function executionSummary(e: ExecutionRecord): PipelineExecutionSummary {
  return {
    pipelineExecutionId: e.id,
    status: e.status,
    statusSummary: e.statusSummary,
    startTime: e.startTime,
    lastUpdateTime: e.lastUpdateTime,
    sourceRevisions: sourceRuns(e).map((r) => ({
      actionName: r.actionName,
      revisionId: r.revision!.revisionValue,
      revisionSummary: r.revision!.revisionSummary,
      revisionUrl: r.revision!.revisionUrl,
    })),
    trigger: e.trigger,
    stopTrigger: e.stop?.reason !== undefined ? { reason: e.stop.reason } : undefined,
    executionMode: e.declaration.executionMode,
    ...executionKind(e),
  };
}

const artifactDetail = (a: Artifact): ArtifactDetail => ({
  name: a.name,
  s3location: { bucket: a.location.bucketName, key: a.location.objectKey },
});

export function actionExecutionDetail(e: ExecutionRecord, run: ActionRun): ActionExecutionDetail {
  const action = declared(e, run);
  const done = run.status === 'Succeeded';
  const approval = action?.actionTypeId.category === 'Approval';
  return {
    pipelineExecutionId: e.id,
    actionExecutionId: run.id,
    pipelineVersion: e.declaration.version,
    stageName: run.stageName,
    actionName: run.actionName,
    startTime: run.startTime,
    lastUpdateTime: run.lastUpdateTime,
    updatedBy: run.approval?.by,
    status: run.status,
    input: {
      actionTypeId: action?.actionTypeId,
      configuration: action?.configuration ?? {},
      resolvedConfiguration: run.resolvedConfiguration,
      roleArn: action?.roleArn ?? e.declaration.roleArn,
      region: action?.region ?? e.scope.region,
      inputArtifacts: run.inputArtifacts.map(artifactDetail),
      namespace: action?.namespace,
    },
    output: {
      outputArtifacts: done ? run.outputArtifacts.map(artifactDetail) : [],
      executionResult: {
        externalExecutionId: approval ? undefined : run.externalExecutionId,
        externalExecutionSummary: run.summary,
        externalExecutionUrl: run.externalExecutionUrl,
        errorDetails: run.errorDetails,
      },
      outputVariables: run.outputVariables,
    },
  };
}

export function actionExecutionView(e: ExecutionRecord, run: ActionRun): ActionExecution {
  const approval = declared(e, run)?.actionTypeId.category === 'Approval';
  return {
    actionExecutionId: run.id,
    status: run.status,
    summary: run.approval?.summary ?? run.summary,
    lastStatusChange: run.lastUpdateTime,
    token: approval && run.status === 'InProgress' ? run.token : undefined,
    lastUpdatedBy: run.approval?.by,
    externalExecutionId: approval ? undefined : run.externalExecutionId,
    externalExecutionUrl: run.externalExecutionUrl,
    errorDetails: run.errorDetails,
  };
}

function retryMetadata(s: StageRun): RetryStageMetadata {
  const auto = s.autoRetries ?? 0;
  const manual = s.attempt - 1 - auto;
  return {
    autoStageRetryAttempt: auto || undefined,
    manualStageRetryAttempt: manual || undefined,
    latestRetryTrigger: s.latestRetry ?? 'ManualStageRetry',
  };
}

/** GetPipelineState: each stage of the current version with its latest execution, those waiting to enter it, and its actions' latest runs. */
export function stageStates(p: PipelineRecord, executions: ExecutionRecord[]): StageState[] {
  // `executions` is newest first.
  return p.declaration.stages.map((stage, index) => {
    const entered = executions.filter((e) => e.stages.find((s) => s.name === stage.name && s.attempt > 0));
    const latest = entered[0];
    const latestStage = latest?.stages.find((s) => s.name === stage.name);
    const waiting = executions
      .filter((e) => !e.entered && ['InProgress', 'Stopping'].includes(e.status) && e.declaration.stages[e.at]?.name === stage.name)
      .reverse();
    const transition = p.transitions[stage.name];
    return {
      stageName: stage.name,
      inboundExecution: waiting[0] && { pipelineExecutionId: waiting[0].id, status: 'InProgress', type: 'STANDARD' },
      inboundExecutions: waiting.length
        ? waiting.map((e) => ({ pipelineExecutionId: e.id, status: 'InProgress', type: 'STANDARD' }))
        : undefined,
      inboundTransitionState:
        index === 0
          ? undefined
          : {
              enabled: transition?.enabled ?? true,
              lastChangedBy: transition?.lastChangedBy,
              lastChangedAt: transition?.lastChangedAt,
              disabledReason: transition?.disabledReason,
            },
      latestExecution: latest && latestStage && { pipelineExecutionId: latest.id, status: latestStage.status, type: 'STANDARD' },
      actionStates: stage.actions.map((action) => {
        const holder = entered.find((e) => e.actions.some((r) => r.stageName === stage.name && r.actionName === action.name));
        const run = holder?.actions.filter((r) => r.stageName === stage.name && r.actionName === action.name).at(-1);
        return {
          actionName: action.name,
          latestExecution: holder && run ? actionExecutionView(holder, run) : undefined,
          currentRevision:
            run?.revision && holder
              ? {
                  revisionId: run.revision.revisionValue,
                  revisionChangeId: run.revision.revisionValue,
                  created: run.revision.created ?? run.lastUpdateTime,
                }
              : undefined,
          revisionUrl: run?.revision?.revisionUrl,
        };
      }),
      retryStageMetadata: latestStage && latestStage.attempt > 1 ? retryMetadata(latestStage) : undefined,
      beforeEntryConditionState: conditionState(latest, stage, 'BEFORE_ENTRY'),
      onSuccessConditionState: conditionState(latest, stage, 'ON_SUCCESS'),
      onFailureConditionState: conditionState(latest, stage, 'ON_FAILURE'),
    };
  });
}
