/**
 * @module services/codepipeline/engine
 * The controller of executions, one key per pipeline, so that the executions of one pipeline are
 * weighed together. A run never asks what woke it: it loads the pipeline's unfinished executions,
 * oldest first, and moves each as far as it can — a pending stop; entering the next stage when its
 * inbound transition is enabled and (SUPERSEDED and QUEUED) no other execution holds it; the
 * stage's actions, one runOrder group at a time, each group's actions side by side; a failed
 * action fails the stage and the execution, unless the stage's onFailure RETRY retries it once. In
 * SUPERSEDED mode an execution waiting to enter a locked stage is superseded when a newer one
 * arrives to wait there too; in QUEUED mode they enter in order; in PARALLEL mode no stage is
 * locked. Action timeouts (an approval's seven days) read the clock, so a restarted Slipway goes
 * on where it stood. A rollback execution (RollbackStage, or a failed stage's onFailure ROLLBACK
 * to the last execution that succeeded there) enters its one stage with its target's artifacts
 * and ends there. A stage's conditions (conditions.ts) are checked as it is entered (beforeEntry),
 * when its actions have succeeded (onSuccess) and when it fails (onFailure); a condition still
 * waiting holds the stage.
 */
import { Controller, type ReconcileResult } from '../../core/reconcile.ts';
import { abandonConditions, checkCondition, conditionFailure, conditionResult } from './conditions.ts';
import { announceAction, announceExecution, type CodePipelineContext } from './context.ts';
import { currentRuns, finished, type ActionRun, type ExecutionRecord, type PipelineRecord, type StageRun } from './model.ts';
import { beginAction, launch, type Running } from './runner.ts';
import { lastSucceededIn, startRollback } from './start.ts';
import type { ActionDeclaration, StageDeclaration } from './shapes.ts';

/** Real ms between full resyncs of the pipelines with unfinished executions. */
const RESYNC_MS = 30_000;
const MINUTE_MS = 60_000;
/** An approval waits seven days; other actions run until their executor ends them unless timeoutInMinutes says otherwise. */
const DEFAULT_TIMEOUT_MINUTES: Record<string, number | undefined> = { Approval: 7 * 24 * 60 };

type StageResult = { waitMs?: number } | 'again' | 'next' | { failed: ActionRun };

function record(cp: CodePipelineContext, id: string, mutate: (e: ExecutionRecord) => void): ExecutionRecord | undefined {
  return cp.model.modifyExecution(id, (e) => {
    mutate(e);
    e.lastUpdateTime = cp.clock.now();
  });
}

function stageAt(e: ExecutionRecord): { stage: StageDeclaration; run: StageRun } {
  return { stage: e.declaration.stages[e.at], run: e.stages[e.at] };
}

function waitingAt(o: ExecutionRecord, stageName: string): boolean {
  return !o.entered && o.declaration.stages[o.at]?.name === stageName;
}

/**
 * Whether the execution may enter the stage it waits before, must wait, or is superseded. Only a
 * locked stage (held by another execution, or behind a disabled transition) makes anyone wait, so
 * only there does a newer execution arriving supersede one waiting (SUPERSEDED); a free stage takes
 * the oldest execution waiting before it.
 */
function entry(cp: CodePipelineContext, p: PipelineRecord, e: ExecutionRecord): 'enter' | 'wait' | 'superseded' {
  const name = e.declaration.stages[e.at].name;
  const others = cp.model.activeOf(p.arn).filter((o) => o.id !== e.id);
  const mode = e.declaration.executionMode ?? 'SUPERSEDED';
  const closed = e.at > 0 && p.transitions[name]?.enabled === false;
  const held = mode !== 'PARALLEL' && others.some((o) => o.entered && o.declaration.stages[o.at]?.name === name);
  if (closed || held) return mode === 'SUPERSEDED' && others.some((o) => o.seq > e.seq && waitingAt(o, name)) ? 'superseded' : 'wait';
  if (mode !== 'PARALLEL' && others.some((o) => o.seq < e.seq && waitingAt(o, name))) return 'wait';
  return 'enter';
}

function actionOf(stage: StageDeclaration, name: string): ActionDeclaration | undefined {
  return stage.actions.find((a) => a.name === name);
}

/** Real ms until the run's timeout, or undefined when it has none; 0 when it has passed. */
function timeLeft(cp: CodePipelineContext, action: ActionDeclaration, run: ActionRun): number | undefined {
  const minutes = action.timeoutInMinutes ?? DEFAULT_TIMEOUT_MINUTES[action.actionTypeId.category];
  if (minutes === undefined) return undefined;
  const due = cp.clock.duration(minutes * MINUTE_MS);
  return Math.max(0, run.startTime + due - cp.clock.now());
}

/** Ends a run the engine gives up on (lost before it started, timed out, abandoned), aborting its work. */
function endRun(
  cp: CodePipelineContext,
  running: Running,
  e: ExecutionRecord,
  run: ActionRun,
  status: 'Failed' | 'Abandoned',
  message?: string,
) {
  running.get(run.id)?.abort.abort();
  running.delete(run.id);
  const after = record(cp, e.id, (x) => {
    const r = x.actions.find((a) => a.id === run.id);
    if (r?.status !== 'InProgress') return;
    r.status = status;
    r.lastUpdateTime = cp.clock.now();
    if (message) r.errorDetails = { code: 'JobFailed', message };
  });
  const r = after?.actions.find((a) => a.id === run.id);
  if (after && r) announceAction(cp, after, r);
}

/** The stage's actions, one runOrder group at a time. */
function stageStep(cp: CodePipelineContext, running: Running, e: ExecutionRecord): StageResult {
  const { stage, run: sr } = stageAt(e);
  const runs = currentRuns(e, sr);
  let waitMs: number | undefined;
  for (const r of runs.filter((x) => x.status === 'InProgress')) {
    const action = actionOf(stage, r.actionName)!;
    const left = timeLeft(cp, action, r);
    if (left === 0) {
      endRun(
        cp,
        running,
        e,
        r,
        'Failed',
        `The action did not finish within its timeout of ${action.timeoutInMinutes ?? DEFAULT_TIMEOUT_MINUTES[action.actionTypeId.category]} minutes`,
      );
      return 'again';
    }
    if (left !== undefined) waitMs = Math.min(waitMs ?? left, left);
    if (running.has(r.id)) continue;
    // Lost to a restart: work already under way is waited for; an action that had not reported any is failed.
    if (r.started) launch(cp, running, e, r);
    else {
      endRun(
        cp,
        running,
        e,
        r,
        'Failed',
        'Slipway stopped before the action reported that its work had started; retry the stage to run it again',
      );
      return 'again';
    }
  }
  const orders = [...new Set(stage.actions.map((a) => a.runOrder ?? 1))].sort((a, b) => a - b);
  for (const order of orders) {
    const group = stage.actions.filter((a) => (a.runOrder ?? 1) === order);
    const latest = (a: ActionDeclaration) => runs.filter((r) => r.actionName === a.name).at(-1);
    const status = (a: ActionDeclaration) => (sr.carried?.includes(a.name) ? 'Succeeded' : latest(a)?.status);
    if (group.every((a) => status(a) === 'Succeeded')) continue;
    if (group.some((a) => status(a) === 'InProgress')) return { waitMs };
    const failed = group.map(latest).find((r) => r?.status === 'Failed' || r?.status === 'Abandoned');
    if (failed) return { failed };
    const begun: string[] = [];
    const after = record(cp, e.id, (x) => {
      for (const a of group.filter((g) => status(g) === undefined)) begun.push(beginAction(cp, x, stage.name, a).id);
    });
    if (!after) return {};
    for (const r of after.actions.filter((x) => begun.includes(x.id))) {
      announceAction(cp, after, r);
      if (r.status === 'InProgress') launch(cp, running, after, r);
    }
    return 'again';
  }
  return 'next';
}

/** A pending StopPipelineExecution: abandon ends the runs now; otherwise they finish first. */
function stopStep(cp: CodePipelineContext, running: Running, e: ExecutionRecord): void {
  const { run: sr } = stageAt(e);
  const inProgress = e.entered ? currentRuns(e, sr).filter((r) => r.status === 'InProgress') : [];
  if (e.stop!.abandon) for (const r of inProgress) endRun(cp, running, e, r, 'Abandoned');
  else if (inProgress.length > 0) return;
  const after = record(cp, e.id, (x) => {
    if (x.entered) x.stages[x.at].status = 'Stopped';
    x.status = 'Stopped';
    abandonConditions(x, cp.clock.now());
  });
  if (after) announceExecution(cp, after, after.entered ? { name: sr.name, status: 'Stopped' } : undefined);
}

/** AWS retries a stage whose onFailure result is RETRY once, on its own, before failing it. */
const AUTO_RETRIES = 1;

/** Retries the failed stage as its onFailure says, when it may still; returns whether it did. */
function autoRetry(cp: CodePipelineContext, e: ExecutionRecord, stage: StageDeclaration): boolean {
  const sr = e.stages[e.at];
  if (stage.onFailure?.result !== 'RETRY' || (sr.autoRetries ?? 0) >= AUTO_RETRIES) return false;
  const failedOnly = stage.onFailure.retryConfiguration?.retryMode === 'FAILED_ACTIONS';
  const succeeded = currentRuns(e, sr)
    .filter((r) => r.status === 'Succeeded')
    .map((r) => r.actionName);
  const after = record(cp, e.id, (x) => {
    const s = x.stages[x.at];
    s.carried = failedOnly ? [...new Set([...(s.carried ?? []), ...succeeded])] : undefined;
    s.attempt += 1;
    s.autoRetries = (s.autoRetries ?? 0) + 1;
    s.latestRetry = 'AutomatedStageRetry';
  });
  if (after) announceExecution(cp, after, { name: stage.name, status: 'InProgress' });
  return !!after;
}

/** onFailure ROLLBACK: the stage runs again with the last execution that succeeded in it, if there is one. */
function rollBack(cp: CodePipelineContext, arn: string, failed: ExecutionRecord): void {
  const stageName = failed.declaration.stages[failed.at].name;
  cp.model.tx(() => {
    const p = cp.model.pipelines.get(arn);
    const target = p && lastSucceededIn(cp, p, stageName, failed.id);
    if (p && target) startRollback(cp, p, failed.at, target, { triggerType: 'AutomatedRollback', triggerDetail: failed.id });
  });
}

/** The stage the execution is at ends Succeeded or Skipped: the execution moves to the next, or ends after the last. */
function endStage(cp: CodePipelineContext, p: PipelineRecord, id: string, status: 'Succeeded' | 'Skipped'): void {
  let name = '';
  const after = record(cp, id, (x) => {
    name = x.declaration.stages[x.at].name;
    // A rollback runs its one stage only.
    const last = x.at === x.declaration.stages.length - 1 || x.rollback !== undefined;
    x.stages[x.at].status = status;
    if (last) x.status = 'Succeeded';
    else {
      x.at += 1;
      x.entered = false;
    }
  });
  if (after) announceExecution(cp, after, { name, status });
  // The stage is free: the executions waiting for it may enter.
  cp.wake(p.arn);
}

/** The stage the execution is at fails, and with it the execution; `rollback` engages the stage's rollback. */
function failStage(cp: CodePipelineContext, p: PipelineRecord, id: string, summary: string, rollback: boolean): void {
  const after = record(cp, id, (x) => {
    x.stages[x.at].status = 'Failed';
    x.status = 'Failed';
    x.statusSummary = summary;
  });
  if (after) announceExecution(cp, after, { name: after.stages[after.at].name, status: 'Failed' });
  if (after && rollback && !after.rollback) rollBack(cp, p.arn, after);
  cp.wake(p.arn);
}

/** Moves one execution as far as it can go now; returns real ms until it must be looked at again. */
function advance(cp: CodePipelineContext, running: Running, p: PipelineRecord, id: string): number | undefined {
  for (;;) {
    const e = cp.model.executions.get(id);
    if (!e || finished(e)) return undefined;
    if (e.stop) {
      stopStep(cp, running, e);
      return undefined;
    }
    const { stage } = stageAt(e);
    if (!e.entered) {
      const verdict = entry(cp, p, e);
      if (verdict === 'wait') return undefined;
      const after = record(cp, id, (x) => {
        if (verdict === 'superseded') {
          x.status = 'Superseded';
          x.statusSummary = `A newer pipeline execution reached stage '${stage.name}' while this one was waiting to enter it`;
          return;
        }
        x.entered = true;
        x.stages[x.at].attempt = Math.max(1, x.stages[x.at].attempt);
        x.stages[x.at].status = 'InProgress';
      });
      if (after) announceExecution(cp, after, verdict === 'enter' ? { name: stage.name, status: 'InProgress' } : undefined);
      continue;
    }
    const gate = checkCondition(cp, e, 'BEFORE_ENTRY');
    if (typeof gate === 'object') return gate.waitMs;
    if (gate === 'unmet') {
      if (conditionResult(stage, 'BEFORE_ENTRY') === 'SKIP') {
        endStage(cp, p, id, 'Skipped');
        continue;
      }
      failStage(cp, p, id, conditionFailure(cp, id, 'BEFORE_ENTRY'), false);
      return undefined;
    }
    const result = stageStep(cp, running, e);
    if (result === 'again') continue;
    if (result === 'next') {
      const gate = checkCondition(cp, e, 'ON_SUCCESS');
      if (typeof gate === 'object') return gate.waitMs;
      if (gate === 'unmet') {
        failStage(cp, p, id, conditionFailure(cp, id, 'ON_SUCCESS'), conditionResult(stage, 'ON_SUCCESS') === 'ROLLBACK');
        return undefined;
      }
      endStage(cp, p, id, 'Succeeded');
      continue;
    }
    if ('failed' in result) {
      const { failed } = result;
      if (autoRetry(cp, e, stage)) continue;
      const gate = checkCondition(cp, e, 'ON_FAILURE');
      if (typeof gate === 'object') return gate.waitMs;
      const rollback = gate === 'none' ? stage.onFailure?.result === 'ROLLBACK' : gate === 'met';
      const message = failed.errorDetails?.message ? `: ${failed.errorDetails.message}` : '';
      failStage(cp, p, id, `Action '${failed.actionName}' in stage '${failed.stageName}' failed${message}`, rollback);
      return undefined;
    }
    return result.waitMs;
  }
}

/** One run for one pipeline (exported for tests). */
export function reconcilePipeline(cp: CodePipelineContext, running: Running, arn: string): ReconcileResult {
  const active = cp.model.activeOf(arn);
  const activeIds = new Set(active.map((e) => e.id));
  // Runs of executions that were deleted with their pipeline, or ended, stop.
  for (const [id, r] of running) {
    if (r.pipelineArn === arn && !activeIds.has(r.executionId)) {
      r.abort.abort();
      running.delete(id);
    }
  }
  const p = cp.model.pipelines.get(arn);
  if (!p) return {};
  let next: number | undefined;
  for (const e of active) {
    const wait = advance(cp, running, p, e.id);
    if (wait !== undefined) next = Math.min(next ?? wait, wait);
  }
  return next === undefined ? {} : { requeueAfterMs: next };
}

export function engineController(cp: CodePipelineContext, running: Running): Controller {
  return new Controller({
    name: 'codepipeline.engine',
    concurrency: 2,
    resyncMs: RESYNC_MS,
    listKeys: () => cp.model.activePipelines(),
    reconcile: async (arn) => reconcilePipeline(cp, running, arn),
  });
}
