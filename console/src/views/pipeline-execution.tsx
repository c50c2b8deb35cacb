/**
 * One pipeline execution: its status and why, what started it, the source revisions it took, its
 * pipeline variables, and each action it ran with its configuration as resolved and the output
 * variables it set (ListActionExecutions); stop it, letting running actions finish or abandoning them.
 */
import { useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useLive } from '../live.ts';
import { listAll } from '../paging.ts';
import { seg } from '../router.ts';
import { Action, Link, Loaded, State, Table, Time } from '../ui.tsx';
import { duration, RUNNING, ranPage } from './pipeline-graph.tsx';
import { aboutPipeline, Revisions, triggerText } from './pipelines.tsx';

export function PipelineExecution({ name, id }: { name: string; id: string }) {
  const live = useLive(
    async () => {
      const [{ pipelineExecution }, actions] = await Promise.all([
        call('codepipeline', 'GetPipelineExecution', { pipelineName: name, pipelineExecutionId: id }),
        listAll(
          'codepipeline',
          'ListActionExecutions',
          { pipelineName: name, filter: { pipelineExecutionId: id } },
          'actionExecutionDetails',
        ),
      ]);
      // Oldest first, as the stages ran.
      return { execution: pipelineExecution, actions: (actions as unknown as any[]).reverse() };
    },
    [name, id],
    (e) => aboutPipeline(name)(e) && (e.type === 'codepipeline.api' || e.detail.pipelineExecutionId === id),
  );
  return (
    <>
      <h1>
        <Link to="/pipelines">Pipelines</Link> / <Link to={`/pipelines/${seg(name)}`}>{name}</Link> / {id}
      </h1>
      <Loaded live={live}>
        {({ execution: x, actions }) => (
          <>
            <dl class="facts">
              <dt>Status</dt>
              <dd>
                <State value={x.status} />
              </dd>
              {x.statusSummary && (
                <>
                  <dt>Summary</dt>
                  <dd data-testid="status-summary">{x.statusSummary}</dd>
                </>
              )}
              <dt>Trigger</dt>
              <dd>{triggerText(x.trigger)}</dd>
              <dt>Pipeline version</dt>
              <dd>{x.pipelineVersion}</dd>
              <dt>Mode</dt>
              <dd>{x.executionMode}</dd>
              <dt>Source revisions</dt>
              <dd>
                <Revisions revisions={x.artifactRevisions ?? []} />
              </dd>
            </dl>
            {RUNNING.has(x.status) && <StopForm name={name} id={id} reload={live.reload} />}
            {x.variables?.length ? (
              <>
                <h2>Pipeline variables</h2>
                <Table
                  label="pipeline variables"
                  rows={x.variables}
                  rowKey={(v) => v.name}
                  columns={[
                    { title: 'Name', cell: (v) => <code>{v.name}</code> },
                    { title: 'Value', cell: (v) => <code>{v.resolvedValue}</code> },
                  ]}
                />
              </>
            ) : null}
            <h2>Actions</h2>
            <Table
              label="action executions"
              rows={actions}
              rowKey={(a) => a.actionExecutionId}
              columns={[
                { title: 'Stage / action', cell: (a) => `${a.stageName} / ${a.actionName}` },
                { title: 'Status', cell: (a) => <State value={a.status} /> },
                { title: 'Started', cell: (a) => <Time at={a.startTime} /> },
                {
                  title: 'Duration',
                  cell: (a) => duration(a.startTime, a.status === 'InProgress' ? undefined : a.lastUpdateTime),
                  class: 'num',
                },
                { title: 'Ran', cell: (a) => <Ran detail={a} /> },
                {
                  title: 'Result',
                  cell: (a) => {
                    const r = a.output?.executionResult ?? {};
                    return r.errorDetails ? (
                      <span class="error">
                        {r.errorDetails.code}: {r.errorDetails.message}
                      </span>
                    ) : (
                      (r.externalExecutionSummary ?? '')
                    );
                  },
                },
              ]}
            />
            <h2>Variables</h2>
            <Table
              label="action variables"
              rows={actions.flatMap((a: any) => [
                ...Object.entries(a.input?.resolvedConfiguration ?? {}).map(([key, value]) => ({ a, kind: 'configuration', key, value })),
                ...Object.entries(a.output?.outputVariables ?? {}).map(([key, value]) => ({ a, kind: 'output', key, value })),
              ])}
              rowKey={(v) => `${v.a.actionExecutionId}/${v.kind}/${v.key}`}
              columns={[
                { title: 'Action', cell: (v) => `${v.a.stageName} / ${v.a.actionName}` },
                { title: 'Kind', cell: (v) => (v.kind === 'output' ? 'output variable' : 'resolved configuration') },
                {
                  title: 'Name',
                  cell: (v) => <code>{v.kind === 'output' && v.a.input?.namespace ? `${v.a.input.namespace}.${v.key}` : v.key}</code>,
                },
                { title: 'Value', cell: (v) => <code class="value">{String(v.value)}</code> },
              ]}
            />
          </>
        )}
      </Loaded>
    </>
  );
}

function Ran({ detail }: { detail: any }) {
  const id = detail.output?.executionResult?.externalExecutionId;
  const page = ranPage(detail.input?.actionTypeId, detail.input?.resolvedConfiguration ?? detail.input?.configuration, id);
  if (page) return <Link to={page}>{id ?? 'service'}</Link>;
  return id ? <code title={id}>{id.slice(0, 12)}</code> : <span class="muted">—</span>;
}

/** Stop: running actions finish (Stopping, then Stopped), or with abandon end now (Abandoned). */
function StopForm({ name, id, reload }: { name: string; id: string; reload: () => void }) {
  const [reason, setReason] = useState('');
  const stop = (abandon: boolean) => () =>
    call('codepipeline', 'StopPipelineExecution', {
      pipelineName: name,
      pipelineExecutionId: id,
      abandon,
      ...(reason && { reason }),
    }).then(reload);
  return (
    <form class="actions" aria-label="stop the execution" onSubmit={(e) => e.preventDefault()}>
      <label>
        Reason <input name="reason" value={reason} maxLength={200} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <Action label="Stop and wait" confirm="Stop this execution once its running actions finish?" run={stop(false)} />
      <Action label="Stop and abandon" tone="danger" confirm="Stop this execution and abandon its running actions?" run={stop(true)} />
    </form>
  );
}
