/**
 * A pipeline's stages and actions as a graph: stage boxes in order, each stage's actions in columns
 * by runOrder, the inbound transition before each stage. Each box carries its latest state, timing
 * and errorDetails, links to what it ran, and the controls GetPipelineState makes possible: retry a
 * failed stage, answer a waiting approval with its token, enable or disable a transition.
 */
import { useState } from 'preact/hooks';
import { call } from '../api.ts';
import { seg } from '../router.ts';
import { Action, Link, State, Time, short, toDate, toneOf } from '../ui.tsx';

export interface GraphData {
  name: string;
  /** GetPipeline's declaration. */
  declaration: any;
  /** GetPipelineState's stageStates. */
  stageStates: any[];
  /** ListActionExecutions' details by actionExecutionId, for start times. */
  runs: Map<string, any>;
  /** The latest line each action execution reported on the feed while this page was open. */
  lines: Map<string, string>;
}

/** An execution's statuses while it runs. */
export const RUNNING = new Set(['InProgress', 'Stopping']);

/** "4 s", "2 min 5 s", "1 h 3 min": how long from `start` to `end` (now while it runs). */
export function duration(start: unknown, end?: unknown): string {
  const from = toDate(start)?.getTime();
  if (from === undefined) return '';
  const s = Math.max(0, Math.round(((toDate(end)?.getTime() ?? Date.now()) - from) / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** The console page of what an action ran, by its provider and externalExecutionId. */
export function ranPage(actionTypeId: any, configuration: any, externalId: string | undefined): string | undefined {
  const provider = actionTypeId?.provider;
  if (provider === 'CodeBuild' && externalId) return `/builds/${seg(externalId)}`;
  if ((provider === 'CodeDeploy' || provider === 'CodeDeployToECS') && externalId) return `/deployments/${seg(externalId)}`;
  if (provider === 'ECS' && configuration?.ServiceName) {
    return `/ecs/${seg(configuration.ClusterName ?? 'default')}/services/${seg(configuration.ServiceName)}`;
  }
  return undefined;
}

export function PipelineGraph({ data, reload }: { data: GraphData; reload: () => void }) {
  const stages: any[] = data.declaration.stages ?? [];
  return (
    <ol class="pipeline-graph" aria-label="stages">
      {stages.map((stage, index) => {
        const state = data.stageStates.find((s) => s.stageName === stage.name) ?? {};
        return (
          <li key={stage.name} class="stage-step">
            {index > 0 && <Transition pipeline={data.name} stage={stage.name} state={state.inboundTransitionState} reload={reload} />}
            <Stage pipeline={data.name} stage={stage} state={state} data={data} reload={reload} />
          </li>
        );
      })}
    </ol>
  );
}

function Transition({ pipeline, stage, state, reload }: { pipeline: string; stage: string; state: any; reload: () => void }) {
  const [reason, setReason] = useState('');
  const enabled = state?.enabled !== false;
  const at = { pipelineName: pipeline, stageName: stage, transitionType: 'Inbound' };
  return (
    <div class={`transition ${enabled ? 'enabled' : 'disabled'}`} data-to={stage} data-enabled={String(enabled)}>
      <span class="arrow" aria-hidden="true">
        {enabled ? '↓' : '⤫'}
      </span>
      {enabled ? (
        <form class="inline" onSubmit={(e) => e.preventDefault()}>
          <label>
            Reason <input name="reason" value={reason} maxLength={300} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <Action label="Disable transition" run={() => call('codepipeline', 'DisableStageTransition', { ...at, reason }).then(reload)} />
        </form>
      ) : (
        <>
          <span class="transition-note">
            Transition disabled: <q>{state.disabledReason}</q>{' '}
            <span class="muted">
              {state.lastChangedBy ? `by ${short(state.lastChangedBy)} ` : ''}
              <Time at={state.lastChangedAt} />
            </span>
          </span>
          <Action label="Enable transition" run={() => call('codepipeline', 'EnableStageTransition', at).then(reload)} />
        </>
      )}
    </div>
  );
}

function Stage(props: { pipeline: string; stage: any; state: any; data: GraphData; reload: () => void }) {
  const { pipeline, stage, state, data, reload } = props;
  const latest = state.latestExecution;
  const byOrder = new Map<number, any[]>();
  for (const a of stage.actions ?? []) byOrder.set(a.runOrder ?? 1, [...(byOrder.get(a.runOrder ?? 1) ?? []), a]);
  const orders = [...byOrder.keys()].sort((a, b) => a - b);
  // The stage's timing: from its first action's start to its last action's end, in its latest execution.
  const details = (state.actionStates ?? [])
    .map((a: any) => data.runs.get(a.latestExecution?.actionExecutionId))
    .filter((d: any) => d && d.pipelineExecutionId === latest?.pipelineExecutionId);
  const started = Math.min(...details.map((d: any) => toDate(d.startTime)?.getTime() ?? Number.POSITIVE_INFINITY));
  const ended =
    latest?.status === 'InProgress' ? undefined : Math.max(...details.map((d: any) => toDate(d.lastUpdateTime)?.getTime() ?? 0));
  const retry = (retryMode: string) => () =>
    call('codepipeline', 'RetryStageExecution', {
      pipelineName: pipeline,
      stageName: stage.name,
      pipelineExecutionId: latest.pipelineExecutionId,
      retryMode,
    }).then(reload);
  return (
    <section
      class={`stage ${toneOf(latest?.status)}`}
      data-stage={stage.name}
      data-status={latest?.status ?? ''}
      aria-label={`stage ${stage.name}`}
    >
      <header class="stage-head">
        <h3>{stage.name}</h3>
        <State value={latest?.status} />
        {latest && (
          <Link to={`/pipelines/${seg(pipeline)}/executions/${seg(latest.pipelineExecutionId)}`} class="muted">
            {latest.pipelineExecutionId.slice(0, 8)}
          </Link>
        )}
        {Number.isFinite(started) && (
          <span class="muted timing">
            <Time at={started} />, {ended === undefined ? 'running for' : 'took'} {duration(started, ended)}
          </span>
        )}
      </header>
      {state.inboundExecutions?.length ? (
        <p class="muted">Waiting to enter: {state.inboundExecutions.map((e: any) => e.pipelineExecutionId.slice(0, 8)).join(', ')}</p>
      ) : null}
      {state.retryStageMetadata && <p class="muted">Retried {state.retryStageMetadata.manualStageRetryAttempt} time(s)</p>}
      {(latest?.status === 'Failed' || latest?.status === 'Stopped') && (
        <div class="actions">
          <Action label="Retry failed actions" run={retry('FAILED_ACTIONS')} />
          <Action label="Retry all actions" run={retry('ALL_ACTIONS')} />
        </div>
      )}
      <div class="run-orders">
        {orders.map((order) => (
          <div class="run-order" key={order} data-run-order={order}>
            {byOrder.get(order)!.map((a) => (
              <ActionBox
                key={a.name}
                pipeline={pipeline}
                stage={stage.name}
                action={a}
                state={state.actionStates?.find((s: any) => s.actionName === a.name)}
                data={data}
                reload={reload}
              />
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}

function ActionBox(props: { pipeline: string; stage: string; action: any; state: any; data: GraphData; reload: () => void }) {
  const { action, state } = props;
  const run = state?.latestExecution;
  const detail = run?.actionExecutionId ? props.data.runs.get(run.actionExecutionId) : undefined;
  const line = run?.status === 'InProgress' ? props.data.lines.get(run.actionExecutionId) : undefined;
  const page = ranPage(action.actionTypeId, detail?.input?.resolvedConfiguration ?? action.configuration, run?.externalExecutionId);
  const ended = run && run.status !== 'InProgress';
  return (
    <article class={`pipeline-action ${toneOf(run?.status)}`} data-action={action.name} data-status={run?.status ?? ''}>
      <header>
        <strong>{action.name}</strong> <span class="muted">{action.actionTypeId.provider}</span>
      </header>
      <State value={run?.status} />
      {run && (
        <p class="muted timing">
          {detail?.startTime ? (
            <>
              started <Time at={detail.startTime} />, {ended ? 'took' : 'running for'}{' '}
              {duration(detail.startTime, ended ? run.lastStatusChange : undefined)}
            </>
          ) : (
            <>
              changed <Time at={run.lastStatusChange} />
            </>
          )}
        </p>
      )}
      {run?.summary && <p class="summary">{run.summary}</p>}
      {line && line !== run.summary && <p class="muted line">{line}</p>}
      {run?.errorDetails && (
        <p class="error">
          {run.errorDetails.code}: {run.errorDetails.message}
        </p>
      )}
      {page ? (
        <Link to={page}>{run?.externalExecutionId ? short(run.externalExecutionId) : 'service'}</Link>
      ) : run?.externalExecutionId ? (
        <code title={run.externalExecutionId}>{run.externalExecutionId.slice(0, 12)}</code>
      ) : null}
      {run?.status === 'InProgress' && run.token && (
        <Approval pipeline={props.pipeline} stage={props.stage} action={action.name} token={run.token} reload={props.reload} />
      )}
    </article>
  );
}

function Approval(props: { pipeline: string; stage: string; action: string; token: string; reload: () => void }) {
  const [summary, setSummary] = useState('');
  const answer = (status: 'Approved' | 'Rejected') => () =>
    call('codepipeline', 'PutApprovalResult', {
      pipelineName: props.pipeline,
      stageName: props.stage,
      actionName: props.action,
      token: props.token,
      result: { status, summary },
    }).then(props.reload);
  return (
    <form class="approval" onSubmit={(e) => e.preventDefault()} aria-label={`approval ${props.action}`}>
      <label>
        Summary <input name="summary" value={summary} maxLength={512} onInput={(e) => setSummary(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <Action label="Approve" run={answer('Approved')} />
        <Action label="Reject" tone="danger" run={answer('Rejected')} />
      </div>
    </form>
  );
}
