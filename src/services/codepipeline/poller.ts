/**
 * @module services/codepipeline/poller
 * PollForSourceChanges: a source action whose type declares that property and whose configuration
 * does not set it to false (AWS's default is true) is polled once a minute (scaled by
 * SLIPWAY_TIME_SCALE) on the shared reconcile controller, one key per pipeline. Its executor's
 * `latest` revision is compared with what the last poll saw (cp_polls); a new commit or object
 * version starts the pipeline with trigger PollForSourceChanges. Before its first poll an action
 * compares with the revision its newest run read; one whose run is under way (or whose
 * configuration changed) only has what it shows noted, since that execution reads it.
 */
import { Controller } from '../../core/reconcile.ts';
import type { CodePipelineContext } from './context.ts';
import type { PipelineRecord } from './model.ts';
import type { SourceRevision } from './actions/types.ts';
import type { ActionDeclaration } from './shapes.ts';
import { startOnChange } from './sources.ts';

/** How often AWS polls a source that has PollForSourceChanges (nominal ms). */
export const POLL_MS = 60_000;
const POLL_PROPERTY = 'PollForSourceChanges';

/** The pipeline's source actions that are polled. */
export function polledSources(cp: CodePipelineContext, p: PipelineRecord): ActionDeclaration[] {
  return (p.declaration.stages[0]?.actions ?? []).filter((a) => {
    const executor = cp.actions.find(a.actionTypeId);
    const declares = executor?.latest && executor.properties.some((x) => x.name === POLL_PROPERTY);
    return declares && a.configuration?.[POLL_PROPERTY] !== 'false';
  });
}

/** A revision as polling compares it: an unversioned object keeps its key, and its modification time tells a new upload. */
function identity(r: SourceRevision): string {
  return `${r.revisionType}:${r.revisionValue}:${r.created ?? ''}`;
}

/**
 * What the action last showed ('' for nothing): the last poll's note for this configuration, else
 * what the newest run of it read; undefined when there is neither, or that run has not ended.
 */
function lastSeen(cp: CodePipelineContext, p: PipelineRecord, action: ActionDeclaration): string | undefined {
  const note = cp.model.polls.get(`${p.arn}#${action.name}`);
  if (note) return JSON.stringify(note.configuration) === JSON.stringify(action.configuration ?? {}) ? note.seen : undefined;
  const run = cp.model.executionsOf(p.arn).flatMap((e) => e.actions.filter((r) => r.actionName === action.name))[0];
  if (!run || run.status === 'InProgress') return undefined;
  return run.revision ? identity(run.revision) : '';
}

async function poll(cp: CodePipelineContext, p: PipelineRecord, action: ActionDeclaration): Promise<void> {
  const configuration = action.configuration ?? {};
  const revision = await cp.actions.find(action.actionTypeId)!.latest!(configuration, p.scope);
  const seen = revision ? identity(revision) : '';
  const before = lastSeen(cp, p, action);
  if (before === seen) return;
  cp.model.putPoll({ pipeline: p.arn, action: action.name, configuration, seen });
  if (before === undefined || !revision) return;
  startOnChange(cp, p, action.name, { revision, triggerType: 'PollForSourceChanges', triggerDetail: action.name });
}

export function pollController(cp: CodePipelineContext): Controller {
  return new Controller({
    name: 'codepipeline.poll',
    concurrency: 2,
    resyncMs: cp.clock.duration(POLL_MS),
    listKeys: () =>
      cp.model.pipelines
        .find()
        .filter((p) => polledSources(cp, p).length > 0)
        .map((p) => p.arn),
    async reconcile(arn) {
      const p = cp.model.pipelines.get(arn);
      if (!p) return {};
      for (const action of polledSources(cp, p)) await poll(cp, p, action);
      return {};
    },
  });
}
