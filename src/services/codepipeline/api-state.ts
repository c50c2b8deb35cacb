/**
 * @module services/codepipeline/api-state
 * GetPipelineState, DisableStageTransition, EnableStageTransition and PutApprovalResult. An execution waits at a disabled
 * inbound transition until it is enabled again; an approval's answer wakes the action waiting on
 * its token.
 */
import { scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { APPROVAL_EVENT } from './actions/approval.ts';
import { caller, requirePipeline } from './api-common.ts';
import type { CodePipelineContext } from './context.ts';
import { codepipelineError as err } from './errors.ts';
import type { CodepipelineOperations } from './shapes.ts';
import { stageStates } from './views.ts';

export function stateHandlers(cp: CodePipelineContext): Handlers<CodepipelineOperations> {
  const m = cp.model;

  const setTransition = (
    ctx: Parameters<NonNullable<Handlers<CodepipelineOperations>['GetPipelineState']>>[1],
    input: { pipelineName: string; stageName: string; transitionType: 'Inbound' | 'Outbound' },
    enabled: boolean,
    reason?: string,
  ) => {
    const scope = scopeOf(ctx);
    const p = m.tx(() => {
      const p = requirePipeline(cp, scope, input.pipelineName);
      const stages = p.declaration.stages;
      const index = stages.findIndex((s) => s.name === input.stageName);
      if (index < 0) throw err.stageNotFound(input.stageName, p.name);
      const target = input.transitionType === 'Inbound' ? index : index + 1;
      if (target === 0) throw err.validation(`Stage '${input.stageName}' is the first stage and has no inbound transition`);
      if (target >= stages.length) throw err.validation(`Stage '${input.stageName}' is the last stage and has no outbound transition`);
      const transitions = {
        ...p.transitions,
        [stages[target].name]: {
          enabled,
          lastChangedBy: caller(scope),
          lastChangedAt: cp.clock.now(),
          disabledReason: enabled ? undefined : reason,
        },
      };
      m.putPipeline({ ...p, transitions });
      return p;
    });
    cp.wake(p.arn);
    return {};
  };

  return {
    GetPipelineState(input, ctx) {
      const p = requirePipeline(cp, scopeOf(ctx), input.name);
      return {
        pipelineName: p.name,
        pipelineVersion: p.declaration.version,
        stageStates: stageStates(p, m.executionsOf(p.arn)),
        created: p.created,
        updated: p.updated,
      };
    },

    DisableStageTransition: (input, ctx) => setTransition(ctx, input, false, input.reason),
    EnableStageTransition: (input, ctx) => setTransition(ctx, input, true),

    PutApprovalResult(input, ctx) {
      const scope = scopeOf(ctx);
      const now = cp.clock.now();
      const token = m.tx(() => {
        const p = requirePipeline(cp, scope, input.pipelineName);
        const stage = p.declaration.stages.find((s) => s.name === input.stageName);
        if (!stage) throw err.stageNotFound(input.stageName, p.name);
        if (!stage.actions.some((a) => a.name === input.actionName)) throw err.actionNotFound(input.actionName, input.stageName);
        const holder = m
          .executionsOf(p.arn)
          .find((e) => e.actions.some((r) => r.stageName === stage.name && r.actionName === input.actionName && r.token === input.token));
        if (!holder) throw err.invalidApprovalToken(input.actionName);
        const run = holder.actions.find((r) => r.token === input.token)!;
        if (run.status !== 'InProgress' || run.approval) throw err.approvalCompleted(input.actionName);
        m.modifyExecution(holder.id, (x) => {
          const r = x.actions.find((a) => a.id === run.id)!;
          r.approval = { status: input.result.status, summary: input.result.summary, by: caller(scope), at: now };
          r.lastUpdateTime = now;
        });
        return input.token;
      });
      cp.events.publish({
        type: APPROVAL_EVENT,
        resource: token,
        at: now,
        detail: { status: input.result.status, summary: input.result.summary },
      });
      return { approvedAt: now };
    },
  };
}
