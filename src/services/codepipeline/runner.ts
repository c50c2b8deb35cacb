/**
 * @module services/codepipeline/runner
 * One action's run. `beginAction` records it InProgress — configuration resolved, artifact
 * locations chosen — before anything runs; `launch` hands it to its executor, persists the
 * executor's `started` report the moment it comes (a cross-region action runs in its region, its
 * inputs first copied into that region's artifact store), and records the outcome (output artifacts,
 * output variables, the revision) then wakes the engine. Runs under way are held in `Running`, so
 * a stop with abandon or a timeout aborts them; after a restart the engine launches a recorded
 * run again with its `started` report, and the executor waits for that work instead of redoing it.
 */
import { codepipelineArtifactId, uuid } from '../../core/ids.ts';
import { actAs } from '../acting.ts';
import { requireServiceRole } from '../sts/index.ts';
import { copyArtifact } from './actions/artifacts.ts';
import type { ActionJob, ActionOutcome, ActionStarted } from './actions/types.ts';
import { announceAction, type CodePipelineContext } from './context.ts';
import { notAssumable } from './errors.ts';
import type { ActionRun, ExecutionRecord } from './model.ts';
import type { ActionDeclaration } from './shapes.ts';
import { artifactBucket } from './structure.ts';
import { resolveConfiguration, UnresolvedVariable } from './variables.ts';

export const CODEPIPELINE = 'codepipeline.amazonaws.com';

/** The runs under way in this process, by action execution id. */
export type Running = Map<string, { abort: AbortController; pipelineArn: string; executionId: string }>;

/** AWS's folder names in the artifact store are the pipeline's and the artifact's names cut to 20 characters. */
export function artifactKey(pipelineName: string, artifactName: string): string {
  return `${pipelineName.slice(0, 20)}/${artifactName.slice(0, 20)}/${codepipelineArtifactId()}`;
}

function runOf(e: ExecutionRecord, id: string): ActionRun | undefined {
  return e.actions.find((a) => a.id === id);
}

/** Records a new run of `action` in the stage's current attempt: InProgress, or Failed at once when it cannot start. */
export function beginAction(cp: CodePipelineContext, e: ExecutionRecord, stageName: string, action: ActionDeclaration): ActionRun {
  const now = cp.clock.now();
  const stage = e.stages.find((s) => s.name === stageName)!;
  // A cross-region action reads and writes its artifacts in its own region's artifact store.
  const bucket = artifactBucket(e.declaration, action.region ?? e.scope.region);
  const run: ActionRun = {
    id: uuid(),
    stageName,
    actionName: action.name,
    status: 'InProgress',
    startTime: now,
    lastUpdateTime: now,
    attempt: stage.attempt,
    resolvedConfiguration: {},
    inputArtifacts: (action.inputArtifacts ?? []).map((a) => {
      const made = e.artifacts[a.name];
      return { ...made, name: a.name, location: { bucketName: bucket, objectKey: made?.location.objectKey ?? '' } };
    }),
    outputArtifacts: (action.outputArtifacts ?? []).map((a) => ({
      name: a.name,
      location: { bucketName: bucket, objectKey: artifactKey(e.pipelineName, a.name) },
    })),
  };
  const fail = (code: string, message: string) => Object.assign(run, { status: 'Failed', errorDetails: { code, message } });
  try {
    run.resolvedConfiguration = resolveConfiguration(e, action.configuration ?? {});
  } catch (err) {
    if (!(err instanceof UnresolvedVariable)) throw err;
    fail('JobFailed', err.message);
  }
  const usesStore = run.inputArtifacts.length + run.outputArtifacts.length > 0;
  if (run.status === 'InProgress' && usesStore && !cp.s3.bucketExists(bucket)) {
    fail('JobFailed', `The artifact store bucket '${bucket}' does not exist: create it (aws s3 mb s3://${bucket}) and retry the stage`);
  }
  e.actions.push(run);
  return run;
}

/** Hands a recorded InProgress run to its executor (again, with `resumed`, after a restart). */
export function launch(cp: CodePipelineContext, running: Running, e: ExecutionRecord, run: ActionRun): void {
  const action = e.declaration.stages.find((s) => s.name === run.stageName)?.actions.find((a) => a.name === run.actionName);
  const executor = action && cp.actions.find(action.actionTypeId, e.scope);
  const abort = new AbortController();
  running.set(run.id, { abort, pipelineArn: e.pipelineArn, executionId: e.id });
  const settle = (outcome: ActionOutcome) => {
    // A run taken off the list (ended by the engine, or left to the next start at shutdown) records nothing.
    if (running.get(run.id)?.abort !== abort) return;
    running.delete(run.id);
    finish(cp, e.id, run.id, outcome);
    cp.wake(e.pipelineArn);
  };
  if (!action || !executor) {
    settle({
      status: 'Failed',
      errorDetails: { code: 'JobFailed', message: `Slipway no longer runs the action type of '${run.actionName}'` },
    });
    return;
  }
  const job: ActionJob = {
    scope: { ...e.scope, region: action.region ?? e.scope.region },
    pipeline: { name: e.pipelineName, arn: e.pipelineArn, roleArn: e.declaration.roleArn },
    executionId: e.id,
    stageName: run.stageName,
    actionName: run.actionName,
    actionExecutionId: run.id,
    roleArn: action.roleArn,
    actionTypeId: executor.type,
    configuration: run.resolvedConfiguration,
    inputArtifacts: run.inputArtifacts,
    outputArtifacts: run.outputArtifacts,
    sourceRevision: e.sourceRevisions[run.actionName],
    signal: abort.signal,
    progress: (line) => announceAction(cp, e, run, line),
  };
  const started = (s: ActionStarted) => {
    const after = cp.model.modifyExecution(e.id, (x) => {
      const r = runOf(x, run.id);
      if (r?.status !== 'InProgress') return;
      r.started = s;
      r.externalExecutionId = s.externalExecutionId;
      r.externalExecutionUrl = s.externalExecutionUrl;
      r.summary = s.summary ?? r.summary;
      if (action.actionTypeId.category === 'Approval') r.token = s.externalExecutionId;
      r.lastUpdateTime = cp.clock.now();
    });
    const r = after && runOf(after, run.id);
    if (after && r) announceAction(cp, after, r);
  };
  // An input artifact made in another region's store is copied into this action's first.
  const copies = run.inputArtifacts.flatMap((to) => {
    const from = e.artifacts[to.name];
    return from && from.location.bucketName !== to.location.bucketName ? [{ from, to }] : [];
  });
  // The action acts with its own role, else the pipeline's, in a session of its own (the copies
  // too); an executor that throws before its first await fails the action like one that rejects.
  const role = {
    roleArn: job.roleArn ?? job.pipeline.roleArn,
    servicePrincipal: CODEPIPELINE,
    region: e.scope.region,
    sessionName: String(run.startTime),
  };
  Promise.resolve()
    .then(() =>
      actAs('codepipeline', role, async () => {
        // A role CodePipeline may not assume (strict mode) fails the action, in CodePipeline's words.
        requireServiceRole(cp.sts.roles, role.roleArn, CODEPIPELINE, () => new Error(notAssumable(role.roleArn)));
        await Promise.all(copies.map((c) => copyArtifact(cp.s3, c.from, c.to)));
        return executor.run(job, started, run.started);
      }),
    )
    .then(settle, (err: Error) => settle({ status: 'Failed', errorDetails: { code: 'JobFailed', message: err.message } }));
}

function finish(cp: CodePipelineContext, executionId: string, runId: string, outcome: ActionOutcome): void {
  const after = cp.model.modifyExecution(executionId, (e) => {
    const r = runOf(e, runId);
    // A run abandoned, timed out or superseded meanwhile keeps that status.
    if (r?.status !== 'InProgress') return;
    Object.assign(r, {
      status: outcome.status,
      lastUpdateTime: cp.clock.now(),
      summary: outcome.summary ?? r.summary,
      errorDetails: outcome.status === 'Failed' ? (outcome.errorDetails ?? { code: 'JobFailed', message: 'The action failed' }) : undefined,
      outputVariables: outcome.outputVariables,
      revision: outcome.revision,
      externalExecutionId: outcome.externalExecutionId ?? r.externalExecutionId,
      externalExecutionUrl: outcome.externalExecutionUrl ?? r.externalExecutionUrl,
    });
    if (outcome.status !== 'Succeeded') return;
    // A build's output still comes from its input's source revision (CODEBUILD_RESOLVED_SOURCE_VERSION downstream).
    const revision = outcome.revision ?? r.inputArtifacts.find((a) => a.revision)?.revision;
    for (const artifact of r.outputArtifacts) e.artifacts[artifact.name] = revision ? { ...artifact, revision } : artifact;
    const namespace = e.declaration.stages.find((s) => s.name === r.stageName)?.actions.find((a) => a.name === r.actionName)?.namespace;
    if (namespace) e.namespaces[namespace] = outcome.outputVariables ?? {};
  });
  const r = after && runOf(after, runId);
  if (after && r) announceAction(cp, after, r);
}
