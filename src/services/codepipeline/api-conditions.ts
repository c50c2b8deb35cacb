/**
 * @module services/codepipeline/api-conditions
 * OverrideStageCondition, ListRuleExecutions and ListRuleTypes. An override marks a condition that
 * is waiting, or that failed the stage with result FAIL, Overridden: the stage goes on as if its
 * rules had passed (a failed execution takes up that stage again). A SKIP condition cannot be
 * overridden, as on AWS.
 */
import { scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { caller, page, requireExecution, requirePipeline } from './api-common.ts';
import { abandonRules, conditionOf, conditionResult, conditionRunOf } from './conditions.ts';
import { announceCondition, type CodePipelineContext } from './context.ts';
import { codepipelineError as err } from './errors.ts';
import type { ExecutionRecord } from './model.ts';
import { RULE_TYPES } from './rules.ts';
import type { CodepipelineOperations, RuleExecutionDetail } from './shapes.ts';

function ruleDetails(e: ExecutionRecord): RuleExecutionDetail[] {
  return (e.conditions ?? []).flatMap((c) => {
    const stage = e.declaration.stages.find((s) => s.name === c.stageName);
    const rules = stage ? (conditionOf(stage, c.kind)?.rules ?? []) : [];
    return c.rules.map((r) => {
      const rule = rules.find((x) => x.name === r.ruleName);
      return {
        pipelineExecutionId: e.id,
        ruleExecutionId: r.id,
        pipelineVersion: e.declaration.version,
        stageName: c.stageName,
        ruleName: r.ruleName,
        startTime: r.startTime,
        lastUpdateTime: r.lastUpdateTime,
        updatedBy: c.by,
        status: r.status,
        input: {
          ruleTypeId: rule?.ruleTypeId,
          configuration: rule?.configuration ?? {},
          resolvedConfiguration: r.resolvedConfiguration,
          roleArn: rule?.roleArn ?? e.declaration.roleArn,
          region: rule?.region ?? e.scope.region,
          inputArtifacts: [],
        },
        output: { executionResult: { externalExecutionSummary: r.summary, errorDetails: r.errorDetails } },
      };
    });
  });
}

export function conditionHandlers(cp: CodePipelineContext): Handlers<CodepipelineOperations> {
  const m = cp.model;
  return {
    OverrideStageCondition(input, ctx) {
      const scope = scopeOf(ctx);
      const kind = input.conditionType;
      const p = m.tx(() => {
        const p = requirePipeline(cp, scope, input.pipelineName);
        if (!p.declaration.stages.some((s) => s.name === input.stageName)) throw err.stageNotFound(input.stageName, p.name);
        const e = requireExecution(cp, p, input.pipelineExecutionId);
        const stage = e.declaration.stages.find((s) => s.name === input.stageName);
        const run = conditionRunOf(e, input.stageName, kind);
        const where = `The ${kind} condition of stage '${input.stageName}' in pipeline execution '${e.id}'`;
        if (!stage || !run) throw err.conditionNotOverridable(`${where} has not been checked`);
        if (conditionResult(stage, kind) === 'SKIP')
          throw err.conditionNotOverridable(`${where} has result SKIP, which cannot be overridden`);
        const here = e.declaration.stages[e.at]?.name === stage.name;
        const waiting = run.status === 'InProgress' && e.status === 'InProgress';
        const failedHere = run.status === 'Failed' && e.status === 'Failed' && here && conditionResult(stage, kind) === 'FAIL';
        if (!waiting && !failedHere)
          throw err.conditionNotOverridable(
            `${where} is ${run.status}: only a condition in progress, or one that failed the stage, can be overridden`,
          );
        if (failedHere && m.activeOf(p.arn).some((o) => o.entered && o.declaration.stages[o.at]?.name === stage.name)) {
          throw err.conflict(`Another pipeline execution holds stage '${stage.name}' now`);
        }
        const now = cp.clock.now();
        const after = m.modifyExecution(e.id, (x) => {
          const r = conditionRunOf(x, stage.name, kind)!;
          abandonRules(r, now);
          Object.assign(r, { status: 'Overridden', summary: `Overridden by ${caller(scope)}`, by: caller(scope), lastStatusChange: now });
          if (x.status === 'Failed') {
            x.status = 'InProgress';
            x.statusSummary = undefined;
            x.stages[x.at].status = 'InProgress';
          }
          x.lastUpdateTime = now;
        });
        const overridden = after && conditionRunOf(after, stage.name, kind);
        if (after && overridden) announceCondition(cp, after, overridden);
        return p;
      });
      cp.wake(p.arn);
      return {};
    },

    ListRuleExecutions(input, ctx) {
      const p = requirePipeline(cp, scopeOf(ctx), input.pipelineName);
      const id = input.filter?.pipelineExecutionId;
      if (id) requireExecution(cp, p, id);
      const details = m
        .executionsOf(p.arn)
        .filter((e) => !id || e.id === id)
        .flatMap((e) => ruleDetails(e).reverse());
      const got = page(details, 'ListRuleExecutions', input.nextToken, input.maxResults);
      return { ruleExecutionDetails: got.items, nextToken: got.next };
    },

    ListRuleTypes() {
      return { ruleTypes: RULE_TYPES };
    },
  };
}
