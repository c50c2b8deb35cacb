/**
 * @module services/codepipeline/follow-external
 * What a follower sees of the outside work a running action waits on (its externalExecutionId): a
 * CodeBuild action's build log, read from the build's CloudWatch Logs stream through the logs
 * facade (`/aws/codebuild/<project>`, stream the build's uuid, as CodeBuild writes it); a CodeDeploy
 * action's deployment — its status, lifecycle events and production traffic split as they change —
 * from the `codedeploy.deployment` events on the bus.
 */
import type { EventBus } from '../../core/events.ts';
import type { Scope } from '../../core/ids.ts';
import { DEPLOYMENT_STATUS } from '../codedeploy/index.ts';
import type { LogsFacade } from '../logs/index.ts';

export interface ExternalWork {
  scope: Scope;
  /** The action type's provider: CodeBuild, CodeDeployToECS, … */
  provider: string;
  externalExecutionId: string;
}

export interface FollowDeps {
  events: EventBus;
  logs: LogsFacade;
}

function buildLog(deps: FollowDeps, work: ExternalWork, write: (line: string) => void, signal: AbortSignal): void {
  // A build id is "<project>:<uuid>"; project names hold no colon.
  const colon = work.externalExecutionId.indexOf(':');
  if (colon < 0) return;
  const [project, uuid] = [work.externalExecutionId.slice(0, colon), work.externalExecutionId.slice(colon + 1)];
  (async () => {
    for await (const line of deps.logs.follow(work.scope, `/aws/codebuild/${project}`, uuid, { signal })) write(line.message);
  })().catch((err: Error) => {
    if (!signal.aborted) write(`(the build log could not be read: ${err.message})`);
  });
}

function deployment(deps: FollowDeps, work: ExternalWork, write: (line: string) => void, signal: AbortSignal): void {
  let status: string | undefined;
  let green: number | undefined;
  const stop = deps.events.subscribe((event) => {
    if (event.type !== DEPLOYMENT_STATUS || event.resource !== work.externalExecutionId) return;
    const d = event.detail as { status?: string; lifecycleEvent?: string; lifecycleEventStatus?: string; greenPercent?: number };
    if (d.status !== status) write(`deployment ${work.externalExecutionId} ${(status = d.status)}`);
    if (d.lifecycleEvent) write(`${d.lifecycleEvent} ${d.lifecycleEventStatus}`);
    if (d.greenPercent !== undefined && d.greenPercent !== green) {
      green = d.greenPercent;
      write(`traffic: ${100 - green}% original, ${green}% replacement`);
    }
  });
  signal.addEventListener('abort', stop, { once: true });
}

const WATCHERS: Record<string, typeof buildLog> = {
  CodeBuild: buildLog,
  CodeDeployToECS: deployment,
  CodeDeploy: deployment,
};

/** Streams the lines of the work to `write` until `signal` aborts; false when the provider has nothing to show. */
export function followExternal(deps: FollowDeps, work: ExternalWork, write: (line: string) => void, signal: AbortSignal): boolean {
  const watch = WATCHERS[work.provider];
  if (!watch || signal.aborted) return false;
  watch(deps, work, write, signal);
  return true;
}
