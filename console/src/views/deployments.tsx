/**
 * Deployments: CodeDeploy's ECS blue/green deployments and ECS's own (BLUE_GREEN, LINEAR, CANARY)
 * service deployments — lifecycle events with their states, the two task sets, and production and
 * test traffic as a bar; continue, stop, roll back.
 */
import { call, elb, list } from '../api.ts';
import { useLive } from '../live.ts';
import { inChunks, listAll } from '../paging.ts';
import { seg } from '../router.ts';
import { Action, Bar, Empty, Link, Loaded, State, Table, Time, short } from '../ui.tsx';
import { isDeploy, ServiceDeployment } from './deployments-ecs.tsx';

const NATIVE = new Set(['BLUE_GREEN', 'LINEAR', 'CANARY']);

async function nativeDeployments(): Promise<any[]> {
  const out: any[] = [];
  for (const cluster of await listAll('ecs', 'ListClusters', {}, 'clusterArns')) {
    const arns = await listAll('ecs', 'ListServices', { cluster }, 'serviceArns');
    const services = await inChunks<any>(
      arns,
      10,
      async (services) => (await call('ecs', 'DescribeServices', { cluster, services })).services,
    );
    for (const s of services.filter((s: any) => NATIVE.has(s.deploymentConfiguration?.strategy))) {
      const { serviceDeployments } = await call('ecs', 'ListServiceDeployments', { cluster, service: s.serviceName });
      out.push(
        ...(serviceDeployments ?? []).map((d: any) => ({ ...d, serviceName: s.serviceName, strategy: s.deploymentConfiguration.strategy })),
      );
    }
  }
  return out;
}

export function Deployments() {
  const codedeploy = useLive(
    async () => {
      const ids = (await listAll('codedeploy', 'ListDeployments', {}, 'deployments')).slice(0, 100);
      return inChunks(
        ids,
        25,
        async (deploymentIds) => (await call('codedeploy', 'BatchGetDeployments', { deploymentIds })).deploymentsInfo,
      );
    },
    [],
    isDeploy,
  );
  const native = useLive(nativeDeployments, [], isDeploy);
  return (
    <>
      <h1>Deployments</h1>
      <Loaded live={codedeploy} title="CodeDeploy (ECS blue/green)">
        {(list: any[]) =>
          list.length === 0 ? (
            <Empty
              what="CodeDeploy deployments"
              command="aws deploy create-deployment --application-name app --deployment-group-name group --revision file://revision.json"
            />
          ) : (
            <Table
              label="CodeDeploy deployments"
              rows={list}
              rowKey={(d) => d.deploymentId}
              columns={[
                { title: 'Deployment', cell: (d) => <Link to={`/deployments/${seg(d.deploymentId)}`}>{d.deploymentId}</Link> },
                { title: 'Status', cell: (d) => <State value={d.status} /> },
                { title: 'Application / group', cell: (d) => `${d.applicationName} / ${d.deploymentGroupName}` },
                { title: 'Created', cell: (d) => <Time at={d.createTime} /> },
              ]}
            />
          )
        }
      </Loaded>
      <Loaded live={native} title="ECS service deployments (blue/green, linear, canary)">
        {(list: any[]) =>
          list.length === 0 ? (
            <Empty
              what="ECS blue/green, linear or canary deployments"
              command="aws ecs update-service … --deployment-configuration strategy=BLUE_GREEN"
            />
          ) : (
            <Table
              label="ECS service deployments"
              rows={list}
              rowKey={(d) => d.serviceDeploymentArn}
              columns={[
                {
                  title: 'Deployment',
                  cell: (d) => <Link to={`/deployments/${seg(d.serviceDeploymentArn)}`}>{short(d.serviceDeploymentArn)}</Link>,
                },
                { title: 'Service', cell: (d) => d.serviceName },
                { title: 'Strategy', cell: (d) => d.strategy },
                { title: 'Status', cell: (d) => <State value={d.status} /> },
                { title: 'Created', cell: (d) => <Time at={d.createdAt} /> },
              ]}
            />
          )
        }
      </Loaded>
    </>
  );
}

export function Deployment({ id }: { id: string }) {
  return id.startsWith('arn:') ? <ServiceDeployment arn={id} /> : <CodeDeployDeployment id={id} />;
}

/**
 * Where the deployment group's test listeners send traffic now, by target group name, as ELB says
 * (CodeDeploy reports only production weights); undefined when the group has no test listener.
 */
async function testTraffic(info: any): Promise<Map<string, number> | undefined> {
  const { deploymentGroupInfo } = await call('codedeploy', 'GetDeploymentGroup', {
    applicationName: info.applicationName,
    deploymentGroupName: info.deploymentGroupName,
  });
  const listenerArn = deploymentGroupInfo?.loadBalancerInfo?.targetGroupPairInfoList?.[0]?.testTrafficRoute?.listenerArns?.[0];
  if (!listenerArn) return undefined;
  const [listener] = list<any>((await elb('DescribeListeners', { 'ListenerArns.member.1': listenerArn })).Listeners);
  const weights = new Map<string, number>();
  for (const action of list<any>(listener?.DefaultActions)) {
    const groups = list<any>(action.ForwardConfig?.TargetGroups);
    if (!groups.length && action.TargetGroupArn) groups.push({ TargetGroupArn: action.TargetGroupArn, Weight: 1 });
    for (const g of groups) weights.set(String(g.TargetGroupArn).split('/')[1], Number(g.Weight ?? 1));
  }
  return weights;
}

function CodeDeployDeployment({ id }: { id: string }) {
  const live = useLive(
    async () => {
      const { deploymentInfo } = await call('codedeploy', 'GetDeployment', { deploymentId: id });
      const { targetIds } = await call('codedeploy', 'ListDeploymentTargets', { deploymentId: id });
      const targets = targetIds?.length
        ? (await call('codedeploy', 'BatchGetDeploymentTargets', { deploymentId: id, targetIds })).deploymentTargets
        : [];
      return { info: deploymentInfo, target: targets?.[0]?.ecsTarget, test: await testTraffic(deploymentInfo) };
    },
    [id],
    isDeploy,
  );
  const running = live.data !== undefined && ['Created', 'Queued', 'InProgress', 'Ready'].includes(live.data.info.status);
  const act = (op: string, input: object) => () => call('codedeploy', op, { deploymentId: id, ...input }).then(live.reload);
  return (
    <>
      <h1>
        <Link to="/deployments">Deployments</Link> / {id}
      </h1>
      <Loaded live={live}>
        {({ info, target, test }: any) => (
          <>
            <dl class="facts">
              <dt>Status</dt>
              <dd>
                <State value={info.status} />
              </dd>
              <dt>Application / group</dt>
              <dd>
                {info.applicationName} / {info.deploymentGroupName}
              </dd>
              <dt>Configuration</dt>
              <dd>{info.deploymentConfigName}</dd>
              <dt>Created</dt>
              <dd>
                <Time at={info.createTime} />
              </dd>
              {info.errorInformation && (
                <>
                  <dt>Error</dt>
                  <dd class="error">
                    {info.errorInformation.code}: {info.errorInformation.message}
                  </dd>
                </>
              )}
            </dl>
            {running && (
              <div class="actions">
                {info.status === 'Ready' && (
                  <Action label="Continue (reroute traffic)" run={act('ContinueDeployment', { deploymentWaitType: 'READY_WAIT' })} />
                )}
                <Action
                  label="Stop"
                  tone="danger"
                  confirm="Stop this deployment?"
                  run={act('StopDeployment', { autoRollbackEnabled: false })}
                />
                <Action
                  label="Stop and roll back"
                  tone="danger"
                  confirm="Stop and roll back?"
                  run={act('StopDeployment', { autoRollbackEnabled: true })}
                />
              </div>
            )}
            {info.status === 'Succeeded' && (
              <div class="actions">
                <Action
                  label="Continue (end the termination wait)"
                  run={act('ContinueDeployment', { deploymentWaitType: 'TERMINATION_WAIT' })}
                />
              </div>
            )}
            {target && (
              <>
                <h2>Production traffic</h2>
                <Bar
                  label="production traffic"
                  parts={(target.taskSetsInfo ?? []).map((s: any) => ({
                    name: s.taskSetLabel,
                    value: s.trafficWeight ?? 0,
                    tone: s.taskSetLabel === 'Green' ? 'green' : 'blue',
                  }))}
                />
                {test && (
                  <>
                    <h2>Test traffic</h2>
                    <Bar
                      label="test traffic"
                      parts={(target.taskSetsInfo ?? []).map((s: any) => ({
                        name: s.taskSetLabel,
                        value: test.get(s.targetGroup?.name) ?? 0,
                        tone: s.taskSetLabel === 'Green' ? 'green' : 'blue',
                      }))}
                    />
                  </>
                )}
                <h2>Task sets</h2>
                <Table
                  label="task sets"
                  rows={target.taskSetsInfo ?? []}
                  rowKey={(s) => s.identifer}
                  columns={[
                    { title: 'Set', cell: (s) => s.taskSetLabel },
                    { title: 'Task set', cell: (s) => s.identifer },
                    { title: 'Status', cell: (s) => <State value={s.status} /> },
                    { title: 'Desired / running', cell: (s) => `${s.desiredCount} / ${s.runningCount}`, class: 'num' },
                    { title: 'Target group', cell: (s) => s.targetGroup?.name ?? '—' },
                    { title: 'Traffic', cell: (s) => `${s.trafficWeight ?? 0}%`, class: 'num' },
                  ]}
                />
                <h2>Lifecycle events</h2>
                <Table
                  label="lifecycle events"
                  rows={target.lifecycleEvents ?? []}
                  rowKey={(e) => e.lifecycleEventName}
                  columns={[
                    { title: 'Event', cell: (e) => e.lifecycleEventName },
                    { title: 'Status', cell: (e) => <State value={e.status} /> },
                    { title: 'Started', cell: (e) => <Time at={e.startTime} /> },
                    { title: 'Ended', cell: (e) => <Time at={e.endTime} /> },
                    { title: 'Diagnostics', cell: (e) => e.diagnostics?.message ?? '' },
                  ]}
                />
              </>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
