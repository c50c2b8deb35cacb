/** ECS: clusters with their container instances and services; a service's deployments, events and tasks; a task's containers and logs. */
import { useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useLive, type SlipwayEvent } from '../live.ts';
import { seg } from '../router.ts';
import { Action, Empty, Link, Loaded, State, Table, Time, short } from '../ui.tsx';
import { TaskList } from './ecs-tasks.tsx';
import { inChunks, listAll } from '../paging.ts';

const isEcs = (e: SlipwayEvent) => e.type.startsWith('ecs.');

export function Clusters() {
  const live = useLive(
    async () => {
      const arns = await listAll('ecs', 'ListClusters', {}, 'clusterArns');
      return arns.length ? (await call('ecs', 'DescribeClusters', { clusters: arns })).clusters : [];
    },
    [],
    isEcs,
  );
  return (
    <Loaded live={live} title="ECS clusters">
      {(clusters: any[]) =>
        clusters.length === 0 ? (
          <Empty what="clusters" command="aws ecs create-cluster --cluster-name my-cluster" />
        ) : (
          <Table
            label="clusters"
            rows={clusters}
            rowKey={(c) => c.clusterArn}
            columns={[
              { title: 'Cluster', cell: (c) => <Link to={`/ecs/${seg(c.clusterName)}`}>{c.clusterName}</Link> },
              { title: 'Status', cell: (c) => <State value={c.status} /> },
              { title: 'Services', cell: (c) => c.activeServicesCount, class: 'num' },
              { title: 'Running tasks', cell: (c) => c.runningTasksCount, class: 'num' },
              { title: 'Pending tasks', cell: (c) => c.pendingTasksCount, class: 'num' },
              { title: 'Instances', cell: (c) => c.registeredContainerInstancesCount, class: 'num' },
            ]}
          />
        )
      }
    </Loaded>
  );
}

const resource = (list: any[] | undefined, name: string) => list?.find((r) => r.name === name)?.integerValue ?? 0;

export function Cluster({ cluster }: { cluster: string }) {
  const instances = useLive(
    async () => {
      const arns = await listAll('ecs', 'ListContainerInstances', { cluster }, 'containerInstanceArns');
      return arns.length ? (await call('ecs', 'DescribeContainerInstances', { cluster, containerInstances: arns })).containerInstances : [];
    },
    [cluster],
    isEcs,
  );
  const services = useLive(
    async () => {
      const arns = await listAll('ecs', 'ListServices', { cluster }, 'serviceArns');
      return inChunks(arns, 10, async (services) => (await call('ecs', 'DescribeServices', { cluster, services })).services);
    },
    [cluster],
    isEcs,
  );
  return (
    <>
      <h1>
        <Link to="/ecs">ECS</Link> / {cluster}
      </h1>
      <Loaded live={instances} title="Container instances">
        {(list: any[]) => (
          <Table
            label="container instances"
            rows={list}
            rowKey={(i) => i.containerInstanceArn}
            columns={[
              { title: 'Instance', cell: (i) => i.ec2InstanceId ?? short(i.containerInstanceArn) },
              { title: 'Status', cell: (i) => <State value={i.status} /> },
              { title: 'Running tasks', cell: (i) => i.runningTasksCount, class: 'num' },
              {
                title: 'CPU left',
                cell: (i) => `${resource(i.remainingResources, 'CPU')} / ${resource(i.registeredResources, 'CPU')} units`,
                class: 'num',
              },
              {
                title: 'Memory left',
                cell: (i) => `${resource(i.remainingResources, 'MEMORY')} / ${resource(i.registeredResources, 'MEMORY')} MiB`,
                class: 'num',
              },
            ]}
          />
        )}
      </Loaded>
      <Loaded live={services} title="Services">
        {(list: any[]) =>
          list.length === 0 ? (
            <Empty
              what="services"
              command={`aws ecs create-service --cluster ${cluster} --service-name web --task-definition web --desired-count 1`}
            />
          ) : (
            <Table
              label="services"
              rows={list}
              rowKey={(s) => s.serviceArn}
              columns={[
                { title: 'Service', cell: (s) => <Link to={`/ecs/${seg(cluster)}/services/${seg(s.serviceName)}`}>{s.serviceName}</Link> },
                { title: 'Status', cell: (s) => <State value={s.status} /> },
                { title: 'Desired', cell: (s) => s.desiredCount, class: 'num' },
                { title: 'Running', cell: (s) => s.runningCount, class: 'num' },
                { title: 'Pending', cell: (s) => s.pendingCount, class: 'num' },
                { title: 'Task definition', cell: (s) => short(s.taskDefinition) },
                { title: 'Rollout', cell: (s) => <State value={s.deployments?.find((d: any) => d.status === 'PRIMARY')?.rolloutState} /> },
              ]}
            />
          )
        }
      </Loaded>
      <TaskList cluster={cluster} />
    </>
  );
}

export function Service({ cluster, service }: { cluster: string; service: string }) {
  const live = useLive(
    async () => {
      const { services, failures } = await call('ecs', 'DescribeServices', { cluster, services: [service] });
      if (!services?.length)
        throw new Error(`No service ${service} in cluster ${cluster}${failures?.[0] ? ` (${failures[0].reason})` : ''}`);
      return services[0];
    },
    [cluster, service],
    isEcs,
  );
  const update = (input: object) => call('ecs', 'UpdateService', { cluster, service, ...input }).then(live.reload);
  return (
    <>
      <h1>
        <Link to="/ecs">ECS</Link> / <Link to={`/ecs/${seg(cluster)}`}>{cluster}</Link> / {service}
      </h1>
      <Loaded live={live}>
        {(s: any) => (
          <>
            <dl class="facts">
              <dt>Status</dt>
              <dd>
                <State value={s.status} />
              </dd>
              <dt>Desired / running / pending</dt>
              <dd class="counts" data-desired={s.desiredCount} data-running={s.runningCount}>
                {s.desiredCount} / {s.runningCount} / {s.pendingCount}
              </dd>
              <dt>Task definition</dt>
              <dd>{short(s.taskDefinition)}</dd>
              <dt>Deployment controller</dt>
              <dd>{s.deploymentController?.type ?? 'ECS'}</dd>
            </dl>
            <div class="actions">
              <ScaleForm current={s.desiredCount} scale={(desiredCount) => update({ desiredCount })} />
              <Action label="Force new deployment" run={() => update({ forceNewDeployment: true })} />
            </div>
            <h2>Deployments</h2>
            <Table
              label="deployments"
              rows={s.deployments ?? []}
              rowKey={(d) => d.id}
              columns={[
                { title: 'Deployment', cell: (d) => d.id },
                { title: 'Status', cell: (d) => <State value={d.status} /> },
                { title: 'Rollout', cell: (d) => <State value={d.rolloutState} /> },
                {
                  title: 'Progress',
                  cell: (d) => <progress max={d.desiredCount || 1} value={d.runningCount} aria-label="running of desired" />,
                },
                {
                  title: 'Desired / running / pending',
                  cell: (d) => `${d.desiredCount} / ${d.runningCount} / ${d.pendingCount}`,
                  class: 'num',
                },
                { title: 'Task definition', cell: (d) => short(d.taskDefinition) },
                { title: 'Updated', cell: (d) => <Time at={d.updatedAt} /> },
              ]}
            />
            {s.taskSets?.length ? (
              <>
                <h2>Task sets</h2>
                <Table
                  label="task sets"
                  rows={s.taskSets}
                  rowKey={(t) => t.id}
                  columns={[
                    { title: 'Task set', cell: (t) => t.id },
                    { title: 'Status', cell: (t) => <State value={t.status} /> },
                    { title: 'Scale', cell: (t) => `${t.scale?.value ?? '—'} ${t.scale?.unit ?? ''}` },
                    { title: 'Desired / running', cell: (t) => `${t.computedDesiredCount} / ${t.runningCount}`, class: 'num' },
                    { title: 'Stability', cell: (t) => <State value={t.stabilityStatus} /> },
                    { title: 'Task definition', cell: (t) => short(t.taskDefinition) },
                  ]}
                />
              </>
            ) : null}
            <h2>Events</h2>
            <ol class="events">
              {(s.events ?? []).slice(0, 30).map((e: any) => (
                <li key={e.id}>
                  <Time at={e.createdAt} /> {e.message}
                </li>
              ))}
            </ol>
          </>
        )}
      </Loaded>
      <TaskList cluster={cluster} service={service} />
    </>
  );
}

function ScaleForm({ current, scale }: { current: number; scale: (n: number) => Promise<unknown> }) {
  const [value, setValue] = useState(String(current));
  return (
    <form
      class="inline"
      onSubmit={(e) => {
        e.preventDefault();
        (e.currentTarget as HTMLFormElement).querySelector('button')?.click();
      }}
    >
      <label>
        Desired count{' '}
        <input name="desired" type="number" min={0} max={5000} value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      </label>
      <Action label="Scale" run={() => scale(Number(value))} />
    </form>
  );
}
