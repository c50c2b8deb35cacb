/**
 * @module services/codepipeline/follow
 * GET /_slipway/codepipeline/<pipeline>/follow[?execution=<id>&region=<region>] streams one
 * execution as it happens, one line per change — each stage and action going InProgress,
 * Succeeded or Failed (with its errorDetails), the lines actions report on the way, and, while an
 * action runs, the outside work it waits on (a build's log, a deployment's lifecycle events and
 * traffic split: follow-external.ts) — and ends with `result: <status>` once the execution ends.
 * Without `execution` it follows the newest. `slipway pipeline follow` prints it.
 */
import type { ServerResponse } from 'node:http';
import type { SlipwayEvent } from '../../core/events.ts';
import { sendJson } from '../../protocol/http.ts';
import type { Route } from '../types.ts';
import { ACTION_EVENT, type CodePipelineContext, EXECUTION_EVENT } from './context.ts';
import { followExternal } from './follow-external.ts';
import { finished, type ExecutionRecord } from './model.ts';

function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

interface ActionLine {
  stageName: string;
  actionName: string;
  status: string;
  externalExecutionId?: string;
  errorDetails?: { code?: string; message?: string };
}

/** An action's status; while it runs, the build, deployment or approval token it waits on; when it fails, why. */
function actionLine(at: number, a: ActionLine): string {
  const external = a.status === 'InProgress' && a.externalExecutionId ? `  (${a.externalExecutionId})` : '';
  const error = a.errorDetails ? `: ${a.errorDetails.code}: ${a.errorDetails.message}` : '';
  return `${clock(at)}  ${a.stageName}/${a.actionName}  ${a.status}${external}${error}`;
}

/** What an execution looks like now, as the lines a follower would have seen. */
function snapshot(e: ExecutionRecord): string[] {
  const lines = [`${clock(e.startTime)}  execution ${e.id} of ${e.pipelineName} (${e.trigger.triggerType ?? 'unknown trigger'})`];
  for (const stage of e.stages.filter((s) => s.attempt > 0)) {
    lines.push(`${clock(e.lastUpdateTime)}  ${stage.name}  ${stage.status}`);
    for (const run of e.actions.filter((r) => r.stageName === stage.name && r.attempt === stage.attempt)) {
      lines.push(actionLine(run.lastUpdateTime, run));
    }
  }
  return lines;
}

function lineOf(event: SlipwayEvent): string {
  const at = clock(event.at);
  if (event.type === ACTION_EVENT) {
    const d = event.detail as unknown as ActionLine & { line?: string };
    return d.line !== undefined ? `${at}  ${d.stageName}/${d.actionName}  | ${d.line}` : actionLine(event.at, d);
  }
  const d = event.detail as Record<string, string>;
  if (d.stageName) return `${at}  ${d.stageName}  ${d.stageStatus}`;
  return `${at}  execution ${d.status}${d.statusSummary ? `: ${d.statusSummary}` : ''}`;
}

/** The outside work of the execution's running actions, each streamed while its run is InProgress. */
function externalWatchers(cp: CodePipelineContext, e: ExecutionRecord, write: (line: string) => void) {
  const watching = new Map<string, AbortController>();
  const provider = (stageName: string, actionName: string) =>
    e.declaration.stages.find((s) => s.name === stageName)?.actions.find((a) => a.name === actionName)?.actionTypeId.provider;
  return {
    /** Starts or stops following a run's work after its change. */
    seen(run: { actionExecutionId: string; stageName: string; actionName: string; status: string; externalExecutionId?: string }) {
      const held = watching.get(run.actionExecutionId);
      if (run.status !== 'InProgress') {
        held?.abort();
        watching.delete(run.actionExecutionId);
        return;
      }
      const kind = provider(run.stageName, run.actionName);
      if (held || !run.externalExecutionId || !kind) return;
      const abort = new AbortController();
      const line = (text: string) => write(`${clock(cp.clock.now())}  ${run.stageName}/${run.actionName}  | ${text}`);
      const work = { scope: e.scope, provider: kind, externalExecutionId: run.externalExecutionId };
      if (followExternal(cp, work, line, abort.signal)) watching.set(run.actionExecutionId, abort);
    },
    stop() {
      for (const abort of watching.values()) abort.abort();
      watching.clear();
    },
  };
}

function follow(cp: CodePipelineContext, res: ServerResponse, closed: () => boolean, e: ExecutionRecord): Promise<void> {
  return new Promise((resolve) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    const external = externalWatchers(cp, e, (line) => res.write(`${line}\n`));
    const end = (status: string) => {
      stop();
      external.stop();
      clearInterval(check);
      res.end(`result: ${status}\n`);
      resolve();
    };
    const stop = cp.events.subscribe((event) => {
      if ((event.type !== ACTION_EVENT && event.type !== EXECUTION_EVENT) || event.resource !== e.pipelineArn) return;
      if (event.detail.pipelineExecutionId !== e.id) return;
      res.write(`${lineOf(event)}\n`);
      if (event.type === ACTION_EVENT && event.detail.line === undefined)
        external.seen(event.detail as unknown as Parameters<typeof external.seen>[0]);
    });
    // A safety net for an execution deleted with its pipeline, and for a follower gone away.
    const check = setInterval(() => {
      const now = cp.model.executions.get(e.id);
      if (!now) end('Cancelled');
      else if (finished(now)) end(now.status);
      else if (closed()) end(now.status);
    }, 500);
    res.write(`${snapshot(e).join('\n')}\n`);
    for (const run of e.actions) external.seen({ ...run, actionExecutionId: run.id });
    if (finished(e)) end(e.status);
  });
}

export function followRoutes(cp: CodePipelineContext): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/_slipway\/codepipeline\/([^/?]+)\/follow$/,
      access: { action: 'codepipeline:GetPipelineState' },
      async handle(req, res, match) {
        const name = decodeURIComponent(match[1]);
        const query = new URL(req.url ?? '/', 'http://edge').searchParams;
        const scope = { region: query.get('region') || cp.config.defaultRegion, account: cp.config.account };
        const p = cp.model.pipeline(scope, name);
        if (!p) return sendJson(res, 404, { message: `No pipeline named ${name} in ${scope.region}` });
        const id = query.get('execution');
        const e = id ? cp.model.executions.get(id) : cp.model.executionsOf(p.arn)[0];
        if (!e || e.pipelineArn !== p.arn) {
          return sendJson(res, 404, { message: id ? `Pipeline ${name} has no execution ${id}` : `Pipeline ${name} has not run yet` });
        }
        let gone = false;
        req.on('close', () => (gone = true));
        await follow(cp, res, () => gone, e);
      },
    },
  ];
}
