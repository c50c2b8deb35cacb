/** One of ECS's own service deployments (BLUE_GREEN, LINEAR, CANARY): lifecycle stage and hooks, production and test traffic; continue a hook, roll back. */
import { call } from '../api.ts';
import { type SlipwayEvent, useLive } from '../live.ts';
import { Action, Bar, Link, Loaded, State, Table, Time, short } from '../ui.tsx';

/** Each stage, hook and weight change of a deployment is published (codedeploy.deployment, ecs.service-deployment), as are its tasks' changes: the pages move on events alone. */
export const isDeploy = (e: SlipwayEvent) => e.type.startsWith('codedeploy.') || e.type.startsWith('ecs.');

export function ServiceDeployment({ arn }: { arn: string }) {
  const live = useLive(
    async () => {
      const { serviceDeployments, failures } = await call('ecs', 'DescribeServiceDeployments', { serviceDeploymentArns: [arn] });
      if (!serviceDeployments?.length) throw new Error(`No service deployment ${arn}${failures?.[0] ? ` (${failures[0].reason})` : ''}`);
      return serviceDeployments[0];
    },
    [arn],
    isDeploy,
  );
  const running = live.data?.status === 'IN_PROGRESS' || live.data?.status === 'PENDING';
  return (
    <>
      <h1>
        <Link to="/deployments">Deployments</Link> / {short(arn)}
      </h1>
      <Loaded live={live}>
        {(d: any) => {
          const green = d.targetServiceRevision?.requestedProductionTrafficWeight ?? 0;
          const test = d.targetServiceRevision?.requestedTestTrafficWeight ?? 0;
          return (
            <>
              <dl class="facts">
                <dt>Status</dt>
                <dd>
                  <State value={d.status} /> {d.statusReason}
                </dd>
                <dt>Lifecycle stage</dt>
                <dd>
                  <State value={d.lifecycleStage} />
                </dd>
                <dt>From → to</dt>
                <dd>
                  {d.sourceServiceRevisions?.map((r: any) => short(r.arn)).join(', ') || '—'} → {short(d.targetServiceRevision?.arn)}
                </dd>
                <dt>Started</dt>
                <dd>
                  <Time at={d.startedAt ?? d.createdAt} />
                </dd>
              </dl>
              {running && (
                <div class="actions">
                  <Action
                    label="Roll back"
                    tone="danger"
                    confirm="Roll this deployment back?"
                    run={() => call('ecs', 'StopServiceDeployment', { serviceDeploymentArn: arn, stopType: 'ROLLBACK' }).then(live.reload)}
                  />
                </div>
              )}
              {(
                [
                  ['Production traffic', green],
                  ['Test traffic', test],
                ] as const
              ).map(([title, share]) => (
                <section key={title}>
                  <h2>{title}</h2>
                  <Bar
                    label={title.toLowerCase()}
                    parts={[
                      { name: 'Blue', value: 100 - share, tone: 'blue' },
                      { name: 'Green', value: share, tone: 'green' },
                    ]}
                  />
                </section>
              ))}
              <h2>Lifecycle hooks</h2>
              {d.lifecycleHookDetails?.length ? (
                <Table
                  label="lifecycle hooks"
                  rows={d.lifecycleHookDetails}
                  rowKey={(h) => h.hookId}
                  columns={[
                    { title: 'Hook', cell: (h) => h.hookId },
                    { title: 'Target', cell: (h) => h.targetType ?? '—' },
                    { title: 'Status', cell: (h) => <State value={h.status} /> },
                    { title: 'Expires', cell: (h) => <Time at={h.expiresAt} /> },
                    {
                      title: '',
                      cell: (h) =>
                        h.status === 'AWAITING_ACTION' ? (
                          <Action
                            label="Continue"
                            run={() =>
                              call('ecs', 'ContinueServiceDeployment', {
                                serviceDeploymentArn: arn,
                                hookId: h.hookId,
                                action: 'CONTINUE',
                              }).then(live.reload)
                            }
                          />
                        ) : null,
                    },
                  ]}
                />
              ) : (
                <p class="muted">No lifecycle hooks.</p>
              )}
            </>
          );
        }}
      </Loaded>
    </>
  );
}
