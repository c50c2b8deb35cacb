/** CodeBuild: recent builds, and one build's phases as a timeline, its log as it is written, exported variables, artifacts and test reports. */
import { call } from '../api.ts';
import { useLive, type SlipwayEvent } from '../live.ts';
import { inChunks, listAll } from '../paging.ts';
import { seg } from '../router.ts';
import { Action, Empty, Link, Loaded, State, Table, Time, toDate } from '../ui.tsx';
import { LogFollow } from './log-follow.tsx';

const isBuild = (e: SlipwayEvent) => e.type.startsWith('codebuild.');
const uuidOf = (id: string) => id.slice(id.lastIndexOf(':') + 1);

export function Builds() {
  const live = useLive(
    async () => {
      const ids = (await listAll('codebuild', 'ListBuilds', { sortOrder: 'DESCENDING' }, 'ids')).slice(0, 100);
      return inChunks(ids, 100, async (chunk) => (await call('codebuild', 'BatchGetBuilds', { ids: chunk })).builds);
    },
    [],
    isBuild,
  );
  return (
    <Loaded live={live} title="Builds">
      {(builds: any[]) =>
        builds.length === 0 ? (
          <Empty what="builds" command="aws codebuild start-build --project-name my-project" />
        ) : (
          <Table
            label="builds"
            rows={builds}
            rowKey={(b) => b.id}
            columns={[
              { title: 'Build', cell: (b) => <Link to={`/builds/${seg(b.id)}`}>{b.id}</Link> },
              { title: 'Status', cell: (b) => <State value={b.buildStatus} /> },
              { title: 'Phase', cell: (b) => b.currentPhase },
              { title: 'Source version', cell: (b) => b.resolvedSourceVersion?.slice(0, 12) ?? b.sourceVersion ?? '—' },
              { title: 'Started', cell: (b) => <Time at={b.startTime} /> },
            ]}
          />
        )
      }
    </Loaded>
  );
}

export function Build({ id }: { id: string }) {
  const live = useLive(
    async () => {
      const { builds } = await call('codebuild', 'BatchGetBuilds', { ids: [id] });
      if (!builds?.length) throw new Error(`No build ${id}`);
      return builds[0];
    },
    [id],
    (e) => isBuild(e) && e.resource.endsWith(id),
  );
  return (
    <>
      <h1>
        <Link to="/builds">Builds</Link> / {id}
      </h1>
      <Loaded live={live}>
        {(b: any) => (
          <>
            <dl class="facts">
              <dt>Status</dt>
              <dd>
                <State value={b.buildStatus} />
              </dd>
              <dt>Current phase</dt>
              <dd data-testid="current-phase">{b.currentPhase}</dd>
              <dt>Project</dt>
              <dd>{b.projectName}</dd>
              <dt>Source version</dt>
              <dd>{b.resolvedSourceVersion ?? b.sourceVersion ?? '—'}</dd>
              <dt>Started</dt>
              <dd>
                <Time at={b.startTime} />
              </dd>
            </dl>
            {!b.buildComplete && (
              <div class="actions">
                <Action
                  label="Stop build"
                  tone="danger"
                  confirm={`Stop build ${id}?`}
                  run={() => call('codebuild', 'StopBuild', { id }).then(live.reload)}
                />
              </div>
            )}
            <h2>Phases</h2>
            <Timeline phases={b.phases ?? []} />
            <h2>Log</h2>
            <LogFollow url={`/_slipway/logs/codebuild/${uuidOf(id)}?follow=1`} label="build log" />
            {b.exportedEnvironmentVariables?.length ? (
              <>
                <h2>Exported variables</h2>
                <Table
                  label="exported variables"
                  rows={b.exportedEnvironmentVariables}
                  rowKey={(v) => v.name}
                  columns={[
                    { title: 'Name', cell: (v) => <code>{v.name}</code> },
                    { title: 'Value', cell: (v) => <code>{v.value}</code> },
                  ]}
                />
              </>
            ) : null}
            <Artifacts build={b} />
            {b.reportArns?.length ? <Reports arns={b.reportArns} /> : null}
          </>
        )}
      </Loaded>
    </>
  );
}

function Timeline({ phases }: { phases: any[] }) {
  const starts = phases.map((p) => toDate(p.startTime)?.getTime() ?? 0);
  const first = Math.min(...starts.filter(Boolean));
  const last = Math.max(
    ...phases.map((p, i) => toDate(p.endTime)?.getTime() ?? (starts[i] && p.phaseType !== 'COMPLETED' ? Date.now() : starts[i])),
  );
  const span = Math.max(last - first, 1);
  return (
    <ol class="timeline" aria-label="phases">
      {phases.map((p, i) => {
        // COMPLETED is where a build ends: it has neither end nor status of its own.
        const final = p.phaseType === 'COMPLETED';
        const end = toDate(p.endTime)?.getTime() ?? (final ? starts[i] : Date.now());
        const status = p.phaseStatus ?? (final ? 'COMPLETED' : p.endTime ? 'SUCCEEDED' : 'IN_PROGRESS');
        return (
          <li key={p.phaseType} data-phase={p.phaseType} data-status={status}>
            <span class="phase-name">{p.phaseType}</span>
            <span class="phase-track">
              <span
                class={`phase-bar ${status}`}
                style={{
                  marginLeft: `${(100 * (starts[i] - first)) / span}%`,
                  width: `${Math.max((100 * (end - starts[i])) / span, 0.5)}%`,
                }}
              />
            </span>
            <State value={status} />
            <span class="num">{p.durationInSeconds !== undefined ? `${p.durationInSeconds} s` : ''}</span>
            {p.contexts?.find((c: any) => c.message) && <span class="muted">{p.contexts.find((c: any) => c.message).message}</span>}
          </li>
        );
      })}
    </ol>
  );
}

function Artifacts({ build }: { build: any }) {
  const all = [
    ...(build.artifacts?.location ? [{ name: 'primary', location: build.artifacts.location }] : []),
    ...(build.secondaryArtifacts ?? []).map((a: any) => ({ name: a.artifactIdentifier, location: a.location })),
  ].filter((a) => a.location);
  if (!all.length) return null;
  const uuid = uuidOf(build.id);
  return (
    <>
      <h2>Artifacts</h2>
      <ul>
        {all.map((a) => (
          <li key={a.name}>
            <a href={`/_slipway/artifacts/codebuild/${uuid}/${encodeURIComponent(a.name)}.zip`} download>
              {a.name}.zip
            </a>{' '}
            <span class="muted">{a.location}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function Reports({ arns }: { arns: string[] }) {
  const live = useLive(
    async () => {
      const { reports } = await call('codebuild', 'BatchGetReports', { reportArns: arns });
      return Promise.all(
        (reports ?? []).map(async (r: any) => ({
          ...r,
          cases: (await call('codebuild', 'DescribeTestCases', { reportArn: r.arn })).testCases ?? [],
        })),
      );
    },
    [arns.join()],
    isBuild,
  );
  return (
    <Loaded live={live} title="Test reports">
      {(reports: any[]) => (
        <>
          {reports.map((r) => (
            <section key={r.arn}>
              <h3>
                {r.name} <State value={r.status} />{' '}
                <span class="muted">
                  {Object.entries(r.testSummary?.statusCounts ?? {})
                    .map(([k, v]) => `${k} ${v}`)
                    .join(', ')}
                </span>
              </h3>
              <Table
                label={`test cases of ${r.name}`}
                rows={r.cases}
                rowKey={(c) => `${c.prefix ?? ''}${c.name}`}
                columns={[
                  { title: 'Test', cell: (c) => c.name },
                  { title: 'Status', cell: (c) => <State value={c.status} /> },
                  {
                    title: 'Duration',
                    cell: (c) => (c.durationInNanoSeconds ? `${(c.durationInNanoSeconds / 1e6).toFixed(0)} ms` : '—'),
                    class: 'num',
                  },
                  { title: 'Message', cell: (c) => c.message ?? '' },
                ]}
              />
            </section>
          ))}
        </>
      )}
    </Loaded>
  );
}
