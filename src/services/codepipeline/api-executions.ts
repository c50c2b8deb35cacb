/**
 * @module services/codepipeline/api-executions
 * StartPipelineExecution, StopPipelineExecution, RetryStageExecution, RollbackStage (a new
 * execution that runs one stage again with an earlier execution's artifacts), GetPipelineExecution,
 * ListPipelineExecutions and ListActionExecutions. Handlers record what the user asks (a new
 * execution, a stop, a retry) and wake the engine, which carries it out.
 */
import { scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { SourceRevision } from './actions/types.ts';
import { caller, page, requireExecution, requirePipeline } from './api-common.ts';
import { announceExecution, type CodePipelineContext } from './context.ts';
import { codepipelineError as err } from './errors.ts';
import { currentRuns, finished } from './model.ts';
import type { CodepipelineOperations } from './shapes.ts';
import { startExecution, startRollback } from './start.ts';
import { startVariables } from './variables.ts';
import { actionExecutionDetail, executionSummary, executionView } from './views.ts';

/** The revision types StartPipelineExecution may choose for each source provider. */
const REVISION_TYPES: Record<string, string[]> = {
  CodeCommit: ['COMMIT_ID'],
  CodeStarSourceConnection: ['COMMIT_ID'],
  S3: ['S3_OBJECT_VERSION_ID', 'S3_OBJECT_KEY'],
  ECR: ['IMAGE_DIGEST'],
};

export function executionHandlers(cp: CodePipelineContext): Handlers<CodepipelineOperations> {
  const m = cp.model;
  return {
    StartPipelineExecution(input, ctx) {
      const scope = scopeOf(ctx);
      return m.tx(() => {
        const p = requirePipeline(cp, scope, input.name);
        const d = p.declaration;
        if (input.clientRequestToken) {
          const same = m.executionsOf(p.arn).find((e) => e.clientRequestToken === input.clientRequestToken);
          if (same) return { pipelineExecutionId: same.id };
        }
        if (input.variables?.length && d.pipelineType !== 'V2')
          throw err.validation('Pipeline variables can only be used with V2 pipelines');
        const variables = startVariables(d.variables, input.variables);
        if (typeof variables === 'string') throw err.validation(variables);
        const sourceRevisions: Record<string, SourceRevision> = {};
        for (const o of input.sourceRevisions ?? []) {
          const action = d.stages[0].actions.find((a) => a.name === o.actionName);
          if (!action) throw err.validation(`sourceRevisions: '${o.actionName}' is not a source action of pipeline '${p.name}'`);
          if (sourceRevisions[o.actionName]) throw err.validation(`sourceRevisions: '${o.actionName}' is named more than once`);
          const allowed = REVISION_TYPES[action.actionTypeId.provider] ?? [];
          if (!allowed.includes(o.revisionType)) {
            throw err.validation(
              `sourceRevisions: revision type ${o.revisionType} is not supported by ${action.actionTypeId.provider} source action '${o.actionName}'${allowed.length ? ` (use ${allowed.join(' or ')})` : ''}`,
            );
          }
          if (o.revisionType === 'S3_OBJECT_KEY' && action.configuration?.AllowOverrideForS3ObjectKey !== 'true') {
            throw err.validation(`sourceRevisions: source action '${o.actionName}' does not set AllowOverrideForS3ObjectKey to true`);
          }
          sourceRevisions[o.actionName] = { revisionType: o.revisionType, revisionValue: o.revisionValue };
        }
        const e = startExecution(cp, p, {
          trigger: { triggerType: 'StartPipelineExecution', triggerDetail: caller(scope) },
          variables,
          sourceRevisions,
          clientRequestToken: input.clientRequestToken,
        });
        return { pipelineExecutionId: e.id };
      });
    },

    StopPipelineExecution(input, ctx) {
      const after = m.tx(() => {
        const p = requirePipeline(cp, scopeOf(ctx), input.pipelineName);
        const e = requireExecution(cp, p, input.pipelineExecutionId);
        if (finished(e)) throw err.notStoppable(e.id, e.status);
        if (e.stop && (e.stop.abandon || !input.abandon)) throw err.duplicatedStop(e.id);
        return m.modifyExecution(e.id, (x) => {
          x.stop = { abandon: !!input.abandon, reason: input.reason ?? x.stop?.reason };
          x.status = 'Stopping';
          if (x.entered) x.stages[x.at].status = 'Stopping';
          x.lastUpdateTime = cp.clock.now();
        })!;
      });
      announceExecution(cp, after);
      cp.wake(after.pipelineArn);
      return { pipelineExecutionId: after.id };
    },

    RetryStageExecution(input, ctx) {
      const after = m.tx(() => {
        const p = requirePipeline(cp, scopeOf(ctx), input.pipelineName);
        const e = requireExecution(cp, p, input.pipelineExecutionId);
        const index = e.declaration.stages.findIndex((s) => s.name === input.stageName);
        if (index < 0) throw err.stageNotFound(input.stageName, p.name);
        const stage = e.stages[index];
        if (index !== e.at || !['Failed', 'Stopped'].includes(e.status) || !['Failed', 'Stopped'].includes(stage.status)) {
          throw err.stageNotRetryable(
            `Stage '${input.stageName}' of execution '${e.id}' has not failed or stopped, so it cannot be retried`,
          );
        }
        if (p.declaration.version !== e.declaration.version) {
          throw err.stageNotRetryable(`Pipeline '${p.name}' was updated after execution '${e.id}' started; start a new execution instead`);
        }
        const newer = m.executionsOf(p.arn).some((o) => o.seq > e.seq && o.stages.some((s) => s.name === stage.name && s.attempt > 0));
        if (newer) throw err.notLatest(e.id, stage.name);
        const succeeded = currentRuns(e, stage)
          .filter((r) => r.status === 'Succeeded')
          .map((r) => r.actionName);
        return m.modifyExecution(e.id, (x) => {
          const s = x.stages[index];
          s.carried = input.retryMode === 'FAILED_ACTIONS' ? [...new Set([...(s.carried ?? []), ...succeeded])] : undefined;
          s.attempt += 1;
          s.latestRetry = 'ManualStageRetry';
          s.status = 'InProgress';
          x.entered = true;
          x.status = 'InProgress';
          x.statusSummary = undefined;
          x.stop = undefined;
          x.lastUpdateTime = cp.clock.now();
        })!;
      });
      announceExecution(cp, after, { name: input.stageName, status: 'InProgress' });
      cp.wake(after.pipelineArn);
      return { pipelineExecutionId: after.id };
    },

    RollbackStage(input, ctx) {
      const scope = scopeOf(ctx);
      return m.tx(() => {
        const p = requirePipeline(cp, scope, input.pipelineName);
        const at = p.declaration.stages.findIndex((s) => s.name === input.stageName);
        if (at < 0) throw err.stageNotFound(input.stageName, p.name);
        if (p.declaration.pipelineType !== 'V2')
          throw err.unableToRollback(`Pipeline '${p.name}' is V1: stages can be rolled back only in V2 pipelines`);
        if (at === 0) throw err.unableToRollback(`Stage '${input.stageName}' is the source stage, which cannot be rolled back`);
        const target = requireExecution(cp, p, input.targetPipelineExecutionId);
        if (!target.stages.some((s) => s.name === input.stageName && s.attempt > 0 && s.status === 'Succeeded')) {
          throw err.unableToRollback(
            `Pipeline execution '${target.id}' did not succeed in stage '${input.stageName}': a rollback's target must have`,
          );
        }
        if (target.declaration.version !== p.declaration.version) throw err.outdated(target.id);
        const e = startRollback(cp, p, at, target, { triggerType: 'ManualRollback', triggerDetail: caller(scope) });
        return { pipelineExecutionId: e.id };
      });
    },

    GetPipelineExecution(input, ctx) {
      const p = requirePipeline(cp, scopeOf(ctx), input.pipelineName);
      return { pipelineExecution: executionView(requireExecution(cp, p, input.pipelineExecutionId)) };
    },

    ListPipelineExecutions(input, ctx) {
      const p = requirePipeline(cp, scopeOf(ctx), input.pipelineName);
      const stage = input.filter?.succeededInStage?.stageName;
      const all = m
        .executionsOf(p.arn)
        .filter((e) => !stage || e.stages.some((s) => s.name === stage && s.status === 'Succeeded' && s.attempt > 0));
      const got = page(all, `executions:${p.arn}`, input.nextToken, input.maxResults);
      return { pipelineExecutionSummaries: got.items.map(executionSummary), nextToken: got.next };
    },

    ListActionExecutions(input, ctx) {
      const p = requirePipeline(cp, scopeOf(ctx), input.pipelineName);
      const { pipelineExecutionId: id, latestInPipelineExecution: latest } = input.filter ?? {};
      if (id && latest) throw err.validation('Only one of pipelineExecutionId and latestInPipelineExecution may be given in filter');
      if (latest && p.declaration.pipelineType !== 'V2') {
        throw err.validation(`filter.latestInPipelineExecution is only available for V2 pipelines; '${p.name}' is V1`);
      }
      const only = id ?? latest?.pipelineExecutionId;
      const executions = only ? [requireExecution(cp, p, only)] : m.executionsOf(p.arn);
      let runs = executions.flatMap((e) => e.actions.map((run) => ({ e, run })));
      // Latest: each action's run in the execution's newest attempt of its stage, not the runs retries replaced.
      if (latest?.startTimeRange === 'Latest')
        runs = runs.filter(({ e, run }) => e.stages.some((s) => s.name === run.stageName && s.attempt === run.attempt));
      const details = runs.sort((a, b) => b.run.startTime - a.run.startTime).map(({ e, run }) => actionExecutionDetail(e, run));
      const got = page(details, `actions:${p.arn}:${only ?? ''}:${latest?.startTimeRange ?? ''}`, input.nextToken, input.maxResults);
      return { actionExecutionDetails: got.items, nextToken: got.next };
    },
  };
}
