/**
 * @module services/codepipeline/conditions
 * Stage conditions (V2): one beforeEntry condition checked when an execution enters the stage
 * (result FAIL fails the stage, SKIP skips it, when its rules do not all pass), one onSuccess
 * condition checked when the stage's actions have succeeded (FAIL or ROLLBACK when they do not
 * pass), and one onFailure condition checked when the stage fails (its ROLLBACK engages only when
 * its rules pass). A condition is met when every rule passes and fails at the first rule that
 * fails; a rule still waiting (a closed deployment window) holds the stage until its
 * timeoutInMinutes pass. A rule is evaluated as AWS does, as its own roleArn (else the pipeline's)
 * through the acting path actions take, which CodePipeline must be able to assume, and in its own
 * region (another than the pipeline's needs an artifact store there, as an action's does).
 * OverrideStageCondition marks a waiting or failed condition Overridden, and the stage goes on as
 * if it had passed.
 */
import { type Scope, uuid } from '../../core/ids.ts';
import { actAs } from '../acting.ts';
import { ServiceRoleError } from '../sts/index.ts';
import { announceCondition, type CodePipelineContext } from './context.ts';
import { codepipelineError as err, notAssumable } from './errors.ts';
import type { ConditionKind, ConditionRun, ExecutionRecord, RuleRun } from './model.ts';
import { evaluateRule, ruleProblem, type RuleVerdict } from './rules.ts';
import { CODEPIPELINE } from './runner.ts';
import type { Condition, PipelineDeclaration, Result, RuleDeclaration, StageConditionState, StageDeclaration } from './shapes.ts';
import { resolveConfiguration, UnresolvedVariable } from './variables.ts';

/** The results each kind of condition may engage, the first being what an absent result means. */
const RESULTS: Record<ConditionKind, Result[]> = {
  BEFORE_ENTRY: ['FAIL', 'SKIP'],
  ON_SUCCESS: ['FAIL', 'ROLLBACK'],
  ON_FAILURE: ['ROLLBACK'],
};
const FIELD: Record<ConditionKind, 'beforeEntry' | 'onSuccess' | 'onFailure'> = {
  BEFORE_ENTRY: 'beforeEntry',
  ON_SUCCESS: 'onSuccess',
  ON_FAILURE: 'onFailure',
};
const MAX_RULES = 5;
const MINUTE_MS = 60_000;
/** Rule types a beforeEntry SKIP may be used with (of those Slipway runs). */
const SKIPPABLE = ['VariableCheck'];

export function conditionOf(stage: StageDeclaration, kind: ConditionKind): Condition | undefined {
  return stage[FIELD[kind]]?.conditions?.[0];
}

/** What the condition engages: its own result, else (onFailure) the stage's onFailure result, else its kind's default. */
export function conditionResult(stage: StageDeclaration, kind: ConditionKind): Result {
  return conditionOf(stage, kind)?.result ?? (kind === 'ON_FAILURE' ? stage.onFailure?.result : undefined) ?? RESULTS[kind][0];
}

/** A rule in another region than the pipeline's, with no artifact store there: the problem, as an action's. */
function regionProblem(rule: RuleDeclaration, d: PipelineDeclaration, scope: Scope): string | undefined {
  if (!rule.region || rule.region === scope.region || d.artifactStores?.[rule.region]) return undefined;
  return `Rule '${rule.name}' runs in region '${rule.region}', which has no artifact store: declare artifactStores with one for '${scope.region}' and one for '${rule.region}'`;
}

/** The roles the rules of `d`'s conditions name for themselves, each once. */
export function conditionRoles(d: PipelineDeclaration): string[] {
  const rules = d.stages.flatMap((stage) =>
    (Object.keys(RESULTS) as ConditionKind[]).flatMap((kind) => conditionOf(stage, kind)?.rules ?? []),
  );
  return [...new Set(rules.flatMap((rule) => rule.roleArn ?? []))];
}

/** AWS's rules for a stage's conditions; throws InvalidStructureException naming the stage, condition and rule. */
export function checkConditions(d: PipelineDeclaration, scope: Scope): void {
  d.stages.forEach((stage, index) => {
    for (const kind of Object.keys(RESULTS) as ConditionKind[]) {
      const conditions = stage[FIELD[kind]]?.conditions;
      if (conditions === undefined) continue;
      const where = `Stage '${stage.name}': ${FIELD[kind]}`;
      if (conditions.length !== 1) throw err.invalidStructure(`${where} must have exactly one condition; it has ${conditions.length}`);
      const [c] = conditions;
      const result = conditionResult(stage, kind);
      if (!RESULTS[kind].includes(result)) {
        throw err.invalidStructure(`${where} condition result '${result}' is not valid: use ${RESULTS[kind].join(' or ')}`);
      }
      if (result === 'ROLLBACK' && index === 0)
        throw err.invalidStructure(`${where} condition result ROLLBACK cannot be used on the source stage`);
      if (kind === 'ON_FAILURE' && stage.onFailure?.result === 'RETRY') {
        throw err.invalidStructure(`${where}: automatic stage retry (result RETRY) cannot be used with onFailure conditions`);
      }
      const rules = c.rules ?? [];
      if (rules.length < 1 || rules.length > MAX_RULES) {
        throw err.invalidStructure(`${where} condition must have 1 to ${MAX_RULES} rules; it has ${rules.length}`);
      }
      const names = new Set<string>();
      for (const rule of rules) {
        if (names.has(rule.name)) throw err.invalidStructure(`${where} condition has more than one rule named '${rule.name}'`);
        names.add(rule.name);
        const problem = ruleProblem(rule) ?? regionProblem(rule, d, scope);
        if (problem) throw err.invalidStructure(`${where}: ${problem}`);
        if (result === 'SKIP' && !SKIPPABLE.includes(rule.ruleTypeId.provider)) {
          throw err.invalidStructure(
            `${where}: result SKIP can be used only with ${SKIPPABLE.join(', ')} and LambdaInvoke rules, not ${rule.ruleTypeId.provider}`,
          );
        }
      }
    }
  });
}

/** Whether the stage may go on ('met'), the condition failed ('unmet'), it must wait, or it has none. */
export type Gate = 'none' | 'met' | 'unmet' | { waitMs: number };

export function conditionRunOf(e: ExecutionRecord, stageName: string, kind: ConditionKind): ConditionRun | undefined {
  return e.conditions?.filter((c) => c.stageName === stageName && c.kind === kind).at(-1);
}

/** Checks the condition of `kind` of the stage the execution is at, recording each rule's run; returns the gate. */
export function checkCondition(cp: CodePipelineContext, e: ExecutionRecord, kind: ConditionKind): Gate {
  const stage = e.declaration.stages[e.at];
  if (!conditionOf(stage, kind)) return 'none';
  // A condition already decided in this attempt is read, not written again.
  const decided = conditionRunOf(e, stage.name, kind);
  if (decided?.attempt === e.stages[e.at].attempt && decided.status !== 'InProgress') return decided.status === 'Failed' ? 'unmet' : 'met';
  let gate: Gate = 'none';
  let changed = false;
  const after = cp.model.modifyExecution(e.id, (x) => {
    const stage = x.declaration.stages[x.at];
    const condition = conditionOf(stage, kind);
    if (!condition) return;
    const attempt = x.stages[x.at].attempt;
    const now = cp.clock.now();
    x.conditions ??= [];
    let run = x.conditions.find((c) => c.stageName === stage.name && c.kind === kind && c.attempt === attempt);
    if (!run) {
      run = { stageName: stage.name, kind, attempt, status: 'InProgress', lastStatusChange: now, rules: [] };
      x.conditions.push(run);
      changed = true;
    }
    if (run.status !== 'InProgress') {
      gate = run.status === 'Failed' ? 'unmet' : 'met';
      return;
    }
    let waitMs: number | undefined;
    let failed: string | undefined;
    for (const rule of condition.rules ?? []) {
      let r = run.rules.find((rr) => rr.ruleName === rule.name);
      if (!r) {
        r = { id: uuid(), ruleName: rule.name, status: 'InProgress', startTime: now, lastUpdateTime: now, resolvedConfiguration: {} };
        run.rules.push(r);
      }
      if (r.status === 'InProgress') {
        const verdict = ruleVerdict(cp, x, rule, r, now);
        if (verdict.status !== r.status || verdict.summary !== r.summary) r.lastUpdateTime = now;
        r.status = verdict.status;
        r.summary = verdict.summary;
        if (verdict.status === 'Failed') r.errorDetails = { code: 'RuleFailed', message: verdict.summary };
        if (verdict.status === 'InProgress') waitMs = Math.min(waitMs ?? verdict.waitMs, verdict.waitMs);
      }
      if (r.status === 'Failed') {
        failed = `Rule '${r.ruleName}' failed: ${r.summary}`;
        break;
      }
    }
    if (failed) {
      abandonRules(run, now);
      Object.assign(run, { status: 'Failed', summary: failed, lastStatusChange: now });
      gate = 'unmet';
      changed = true;
    } else if (waitMs !== undefined) {
      run.summary = run.rules.find((r) => r.status === 'InProgress')?.summary;
      gate = { waitMs };
    } else {
      Object.assign(run, { status: 'Succeeded', summary: 'All rules of the condition passed', lastStatusChange: now });
      gate = 'met';
      changed = true;
    }
  });
  const checked = after && conditionRunOf(after, e.declaration.stages[e.at].name, kind);
  if (changed && after && checked) announceCondition(cp, after, checked);
  return gate;
}

/**
 * A rule's verdict at `now`: CodePipeline assumes the rule's role (its own, else the pipeline's) in
 * the rule's region and evaluates the rule as that role, as an action runs; a rule still waiting
 * when its timeoutInMinutes have passed (on the clock's scale) fails.
 */
function ruleVerdict(cp: CodePipelineContext, x: ExecutionRecord, rule: RuleDeclaration, r: RuleRun, now: number): RuleVerdict {
  const role = {
    roleArn: rule.roleArn ?? x.declaration.roleArn,
    servicePrincipal: CODEPIPELINE,
    region: rule.region ?? x.scope.region,
    sessionName: String(r.startTime),
  };
  let verdict: RuleVerdict;
  try {
    cp.sts.roles.check(role.roleArn, CODEPIPELINE);
    r.resolvedConfiguration = resolveConfiguration(x, rule.configuration ?? {});
    verdict = actAs('codepipeline', role, () => evaluateRule(rule, r.resolvedConfiguration, now));
  } catch (e) {
    if (e instanceof ServiceRoleError) return { status: 'Failed', summary: notAssumable(role.roleArn) };
    if (e instanceof UnresolvedVariable) return { status: 'Failed', summary: e.message };
    throw e;
  }
  if (verdict.status !== 'InProgress' || rule.timeoutInMinutes === undefined) return verdict;
  const left = r.startTime + cp.clock.duration(rule.timeoutInMinutes * MINUTE_MS) - now;
  if (left <= 0) return { status: 'Failed', summary: `The rule did not finish within its timeout of ${rule.timeoutInMinutes} minutes` };
  return { ...verdict, waitMs: Math.min(verdict.waitMs, left) };
}

/** The execution's statusSummary when the stage's condition failed it. */
export function conditionFailure(cp: CodePipelineContext, id: string, kind: ConditionKind): string {
  const e = cp.model.executions.get(id)!;
  const stage = e.declaration.stages[e.at].name;
  return `Stage '${stage}' ${kind === 'BEFORE_ENTRY' ? 'entry' : 'on-success'} condition failed: ${conditionRunOf(e, stage, kind)?.summary ?? ''}`;
}

/** The condition's rules still being checked end Abandoned (the condition was decided, overridden or stopped). */
export function abandonRules(c: ConditionRun, now: number): void {
  for (const r of c.rules) if (r.status === 'InProgress') Object.assign(r, { status: 'Abandoned', lastUpdateTime: now });
}

/** A stopped execution's conditions still being checked end Abandoned, with their rules. */
export function abandonConditions(x: ExecutionRecord, now: number): void {
  for (const c of x.conditions ?? []) {
    if (c.status !== 'InProgress') continue;
    abandonRules(c, now);
    Object.assign(c, { status: 'Abandoned', lastStatusChange: now });
  }
}

/** GetPipelineState's view of the latest check of a stage's condition in execution `e`. */
export function conditionState(
  e: ExecutionRecord | undefined,
  stage: StageDeclaration,
  kind: ConditionKind,
): StageConditionState | undefined {
  const condition = conditionOf(stage, kind);
  const run = e && conditionRunOf(e, stage.name, kind);
  if (!condition || !run) return undefined;
  const latest = { status: run.status, summary: run.summary, lastStatusChange: run.lastStatusChange };
  return {
    latestExecution: { status: run.status, summary: run.summary },
    conditionStates: [
      {
        latestExecution: latest,
        ruleStates: (condition.rules ?? []).map((rule) => {
          const r = run.rules.find((x) => x.ruleName === rule.name);
          return {
            ruleName: rule.name,
            latestExecution: r && {
              ruleExecutionId: r.id,
              status: r.status,
              summary: r.summary,
              lastStatusChange: r.lastUpdateTime,
              lastUpdatedBy: run.by,
              errorDetails: r.errorDetails,
            },
          };
        }),
      },
    ],
  };
}
