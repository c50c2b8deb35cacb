/**
 * CodePipeline: the pipelines with their latest execution, and one pipeline's page — its stages and
 * actions as a graph, started with its variables from here, and its execution history with what
 * started each run and the source revisions it took.
 */
import { useState } from 'preact/hooks';
import { call } from '../api.ts';
import { type SlipwayEvent, useEvents, useLive } from '../live.ts';
import { listAll } from '../paging.ts';
import { seg } from '../router.ts';
import { Action, Empty, Link, Loaded, State, Table, Time } from '../ui.tsx';
import { duration, PipelineGraph, RUNNING } from './pipeline-graph.tsx';

export const isPipelineEvent = (e: SlipwayEvent) => e.type.startsWith('codepipeline.');
/** An event of this pipeline, or an API change CodePipeline made (a transition, a new version). */
export const aboutPipeline = (name: string) => (e: SlipwayEvent) =>
  e.type === 'codepipeline.api' || (isPipelineEvent(e) && e.detail.pipelineName === name);

const HISTORY = 25;
const CREATE = 'aws codepipeline create-pipeline --cli-input-json file://pipeline.json';

export function Pipelines() {
  const live = useLive(
    async () => {
      const pipelines = (await listAll('codepipeline', 'ListPipelines', {}, 'pipelines')) as unknown as any[];
      return Promise.all(
        pipelines.map(async (p) => {
          const { pipelineExecutionSummaries } = await call('codepipeline', 'ListPipelineExecutions', {
            pipelineName: p.name,
            maxResults: 1,
          });
          return { ...p, latest: pipelineExecutionSummaries?.[0] };
        }),
      );
    },
    [],
    isPipelineEvent,
  );
  return (
    <Loaded live={live} title="Pipelines">
      {(pipelines: any[]) =>
        pipelines.length === 0 ? (
          <Empty what="pipelines" command={CREATE} />
        ) : (
          <Table
            label="pipelines"
            rows={pipelines}
            rowKey={(p) => p.name}
            columns={[
              { title: 'Pipeline', cell: (p) => <Link to={`/pipelines/${seg(p.name)}`}>{p.name}</Link> },
              { title: 'Version', cell: (p) => p.version, class: 'num' },
              { title: 'Type', cell: (p) => `${p.pipelineType ?? 'V1'} · ${p.executionMode ?? 'SUPERSEDED'}` },
              { title: 'Latest execution', cell: (p) => <State value={p.latest?.status} /> },
              { title: 'Updated', cell: (p) => <Time at={p.updated} /> },
            ]}
          />
        )
      }
    </Loaded>
  );
}

export function Pipeline({ name }: { name: string }) {
  const live = useLive(
    async () => {
      const [{ pipeline, metadata }, state, history, actions] = await Promise.all([
        call('codepipeline', 'GetPipeline', { name }),
        call('codepipeline', 'GetPipelineState', { name }),
        call('codepipeline', 'ListPipelineExecutions', { pipelineName: name, maxResults: HISTORY }),
        call('codepipeline', 'ListActionExecutions', { pipelineName: name, maxResults: 100 }),
      ]);
      const runs = new Map<string, any>((actions.actionExecutionDetails ?? []).map((d: any) => [d.actionExecutionId, d]));
      return { pipeline, metadata, stageStates: state.stageStates ?? [], executions: history.pipelineExecutionSummaries ?? [], runs };
    },
    [name],
    aboutPipeline(name),
  );
  // The lines running actions report come only on the feed: the latest one by action execution.
  const [lines, setLines] = useState<Map<string, string>>(new Map());
  useEvents((e) => {
    if (e === 'resync' || e.type !== 'codepipeline.action' || e.detail.pipelineName !== name || e.detail.line === undefined) return;
    setLines((l) => new Map(l).set(String(e.detail.actionExecutionId), String(e.detail.line)));
  });
  return (
    <>
      <h1>
        <Link to="/pipelines">Pipelines</Link> / {name}
      </h1>
      <Loaded live={live}>
        {(d) => (
          <>
            <dl class="facts">
              <dt>Version</dt>
              <dd>{d.pipeline.version}</dd>
              <dt>Type</dt>
              <dd>
                {d.pipeline.pipelineType ?? 'V1'} · {d.pipeline.executionMode ?? 'SUPERSEDED'}
              </dd>
              <dt>Artifact store</dt>
              <dd>{d.pipeline.artifactStore?.location ?? Object.keys(d.pipeline.artifactStores ?? {}).join(', ')}</dd>
              <dt>Updated</dt>
              <dd>
                <Time at={d.metadata?.updated} />
              </dd>
            </dl>
            <StartForm name={name} variables={d.pipeline.variables ?? []} reload={live.reload} />
            <h2>Stages</h2>
            <PipelineGraph data={{ name, declaration: d.pipeline, stageStates: d.stageStates, runs: d.runs, lines }} reload={live.reload} />
            <h2>Execution history</h2>
            <History name={name} executions={d.executions} />
          </>
        )}
      </Loaded>
    </>
  );
}

/** Start an execution, with a value for each pipeline variable (a V2 pipeline's; the declared default filled in). */
function StartForm({ name, variables, reload }: { name: string; variables: any[]; reload: () => void }) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(variables.map((v) => [v.name, v.defaultValue ?? ''])),
  );
  const [started, setStarted] = useState<string>();
  const start = async () => {
    const input = variables.length ? { variables: Object.entries(values).map(([n, value]) => ({ name: n, value })) } : {};
    const { pipelineExecutionId } = await call('codepipeline', 'StartPipelineExecution', { name, ...input });
    setStarted(pipelineExecutionId);
    reload();
  };
  return (
    <form class="start" aria-label="start an execution" onSubmit={(e) => e.preventDefault()}>
      {variables.map((v) => (
        <label key={v.name} title={v.description}>
          <code>{v.name}</code>{' '}
          <input name={v.name} value={values[v.name] ?? ''} onInput={(e) => setValues({ ...values, [v.name]: e.currentTarget.value })} />
        </label>
      ))}
      <Action label="Release change" run={start} />
      {started && (
        <span>
          Started <Link to={`/pipelines/${seg(name)}/executions/${seg(started)}`}>{started}</Link>
        </span>
      )}
    </form>
  );
}

export const triggerText = (t: any) => (t ? `${t.triggerType}${t.triggerDetail ? ` (${t.triggerDetail})` : ''}` : '—');

function History({ name, executions }: { name: string; executions: any[] }) {
  if (executions.length === 0) return <Empty what="executions" command={`aws codepipeline start-pipeline-execution --name ${name}`} />;
  return (
    <Table
      label="execution history"
      rows={executions}
      rowKey={(e) => e.pipelineExecutionId}
      columns={[
        {
          title: 'Execution',
          cell: (e) => <Link to={`/pipelines/${seg(name)}/executions/${seg(e.pipelineExecutionId)}`}>{e.pipelineExecutionId}</Link>,
        },
        { title: 'Status', cell: (e) => <State value={e.status} /> },
        { title: 'Trigger', cell: (e) => triggerText(e.trigger) },
        { title: 'Source revisions', cell: (e) => <Revisions revisions={e.sourceRevisions ?? []} /> },
        { title: 'Started', cell: (e) => <Time at={e.startTime} /> },
        {
          title: 'Duration',
          // lastUpdateTime of a running execution is its last change, not its end.
          cell: (e) => (RUNNING.has(e.status) ? `running for ${duration(e.startTime)}` : duration(e.startTime, e.lastUpdateTime)),
          class: 'num',
        },
        { title: 'Summary', cell: (e) => e.statusSummary ?? e.stopTrigger?.reason ?? '' },
      ]}
    />
  );
}

/** Source revisions as each source action took them: its commit (or object version) and summary. */
export function Revisions({ revisions }: { revisions: any[] }) {
  if (!revisions.length) return <span class="muted">—</span>;
  return (
    <ul class="revisions">
      {revisions.map((r) => (
        <li key={r.actionName ?? r.name}>
          <span class="muted">{r.actionName ?? r.name}:</span> <code title={r.revisionId}>{r.revisionId?.slice(0, 8)}</code>{' '}
          {r.revisionSummary}
        </li>
      ))}
    </ul>
  );
}
