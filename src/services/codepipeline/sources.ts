/**
 * @module services/codepipeline/sources
 * Change detection: the room subscribes to every event a source executor `watches`, asks each
 * source action of each pipeline whether the event is a change for it (`changeFrom`), and starts
 * an execution with that revision. A git change starts it when it is a push to the action's
 * BranchName, unless a V2 trigger names the action: the trigger replaces that default, and only a
 * change its git filters accept starts the pipeline (triggers.ts).
 */
import type { SlipwayEvent } from '../../core/events.ts';
import { logger } from '../../core/log.ts';
import type { GitChange, SourceChange } from './actions/types.ts';
import type { CodePipelineContext } from './context.ts';
import type { PipelineRecord } from './model.ts';
import type { TriggerType } from './shapes.ts';
import { startExecution } from './start.ts';
import { triggerAccepts } from './triggers.ts';
import { startVariables } from './variables.ts';

const log = logger('codepipeline.sources');

/**
 * Default change detection for a git change with no trigger: a push to the configured branch. A
 * source may hand over every push and pull request of its repository; this and the triggers decide.
 */
function byDefault(git: GitChange | undefined, branch: string | undefined): boolean {
  if (!git || branch === undefined) return true;
  return !git.pullRequest && git.tag === undefined && git.branch === branch;
}

async function onEvent(cp: CodePipelineContext, event: SlipwayEvent): Promise<void> {
  for (const p of cp.model.pipelines.find()) {
    const d = p.declaration;
    for (const action of d.stages[0]?.actions ?? []) {
      const executor = cp.actions.find(action.actionTypeId);
      if (!executor?.changeFrom || !executor.watches?.includes(event.type)) continue;
      const change = await executor.changeFrom(event, action.configuration ?? {}, p.scope);
      if (!change) continue;
      const trigger = d.triggers?.find((t) => t.gitConfiguration.sourceActionName === action.name);
      if (!(trigger ? triggerAccepts(trigger, change.git ?? {}) : byDefault(change.git, action.configuration?.BranchName))) continue;
      startOnChange(cp, p, action.name, change);
    }
  }
}

/** Starts an execution of the pipeline's current version with the change's revision for `actionName`. */
export function startOnChange(cp: CodePipelineContext, p: PipelineRecord, actionName: string, change: SourceChange): void {
  const variables = startVariables(p.declaration.variables, undefined);
  if (typeof variables === 'string') {
    log.warn(`${p.name}: a change to ${actionName} did not start the pipeline: ${variables}`);
    return;
  }
  cp.model.tx(() => {
    // The pipeline may have gone while the change was read.
    const current = cp.model.pipelines.get(p.arn);
    if (!current) return;
    startExecution(cp, current, {
      trigger: { triggerType: change.triggerType as TriggerType, triggerDetail: change.triggerDetail },
      variables,
      sourceRevisions: { [actionName]: change.revision },
    });
  });
}

/** Subscribes to the events the registry's source executors watch; returns the unsubscribe. */
export function watchSources(cp: CodePipelineContext): () => void {
  const types = new Set(cp.actions.all().flatMap((e) => e.watches ?? []));
  return cp.events.subscribe((event) => {
    if (!types.has(event.type)) return;
    onEvent(cp, event).catch((err) => log.warn(`change detection for ${event.type} ${event.resource} failed`, err));
  });
}
