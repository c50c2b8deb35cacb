/** ECS tasks: a cluster's or a service's tasks, and one task with its containers, ports, health and live logs. */
import { call } from '../api.ts';
import { useLive, type SlipwayEvent } from '../live.ts';
import { seg } from '../router.ts';
import { Action, Empty, Link, Loaded, State, Table, Time, short } from '../ui.tsx';
import { LogFollow } from './log-follow.tsx';
import { inChunks, listAll } from '../paging.ts';

const isEcs = (e: SlipwayEvent) => e.type.startsWith('ecs.');
export const taskId = (arn: string) => short(arn);

async function describeTasks(cluster: string, arns: string[]): Promise<any[]> {
  return inChunks(arns, 100, async (tasks) => (await call('ecs', 'DescribeTasks', { cluster, tasks })).tasks);
}

export function TaskList({ cluster, service }: { cluster: string; service?: string }) {
  const live = useLive(
    async () => {
      const filter = { cluster, ...(service && { serviceName: service }) };
      const running = await listAll('ecs', 'ListTasks', filter, 'taskArns');
      const stopped = await listAll('ecs', 'ListTasks', { ...filter, desiredStatus: 'STOPPED' }, 'taskArns');
      return describeTasks(cluster, [...running, ...stopped.slice(0, 20)]);
    },
    [cluster, service],
    isEcs,
  );
  return (
    <Loaded live={live} title="Tasks">
      {(tasks: any[]) =>
        tasks.length === 0 ? (
          <Empty what="tasks" command={`aws ecs run-task --cluster ${cluster} --task-definition web`} />
        ) : (
          <Table
            label="tasks"
            rows={tasks}
            rowKey={(t) => t.taskArn}
            columns={[
              { title: 'Task', cell: (t) => <Link to={`/ecs/${seg(cluster)}/tasks/${taskId(t.taskArn)}`}>{taskId(t.taskArn)}</Link> },
              { title: 'Last status', cell: (t) => <State value={t.lastStatus} /> },
              { title: 'Desired', cell: (t) => <State value={t.desiredStatus} /> },
              { title: 'Health', cell: (t) => <State value={t.healthStatus} /> },
              { title: 'Group', cell: (t) => t.group },
              { title: 'Task definition', cell: (t) => short(t.taskDefinitionArn) },
              { title: 'Started', cell: (t) => <Time at={t.startedAt ?? t.createdAt} /> },
            ]}
          />
        )
      }
    </Loaded>
  );
}

const ports = (c: any) =>
  (c.networkBindings ?? []).map((b: any) => `${b.bindIP ?? ''}:${b.hostPort} → ${b.containerPort}/${b.protocol ?? 'tcp'}`).join(', ') ||
  '—';

export function Task({ cluster, task }: { cluster: string; task: string }) {
  const live = useLive(
    async () => {
      const [t] = await describeTasks(cluster, [task]);
      if (!t) throw new Error(`No task ${task} in cluster ${cluster}`);
      return t;
    },
    [cluster, task],
    (e) => isEcs(e) && e.resource.endsWith(task),
  );
  return (
    <>
      <h1>
        <Link to="/ecs">ECS</Link> / <Link to={`/ecs/${seg(cluster)}`}>{cluster}</Link> / task {task}
      </h1>
      <Loaded live={live}>
        {(t: any) => (
          <>
            <dl class="facts">
              <dt>Last status</dt>
              <dd>
                <State value={t.lastStatus} />
              </dd>
              <dt>Desired status</dt>
              <dd>
                <State value={t.desiredStatus} />
              </dd>
              <dt>Health</dt>
              <dd>
                <State value={t.healthStatus} />
              </dd>
              <dt>Task definition</dt>
              <dd>{short(t.taskDefinitionArn)}</dd>
              <dt>Started</dt>
              <dd>
                <Time at={t.startedAt} />
              </dd>
              {t.stoppedReason && (
                <>
                  <dt>Stopped because</dt>
                  <dd>{t.stoppedReason}</dd>
                </>
              )}
            </dl>
            {t.desiredStatus !== 'STOPPED' && (
              <div class="actions">
                <Action
                  label="Stop task"
                  tone="danger"
                  confirm={`Stop task ${task}?`}
                  run={() => call('ecs', 'StopTask', { cluster, task, reason: 'Stopped from the Slipway console' }).then(live.reload)}
                />
              </div>
            )}
            <h2>Containers</h2>
            <Table
              label="containers"
              rows={t.containers ?? []}
              rowKey={(c) => c.name}
              columns={[
                { title: 'Container', cell: (c) => c.name },
                { title: 'Status', cell: (c) => <State value={c.lastStatus} /> },
                { title: 'Health', cell: (c) => <State value={c.healthStatus} /> },
                { title: 'Image', cell: (c) => c.image },
                { title: 'Ports', cell: ports },
                { title: 'Exit', cell: (c) => c.exitCode ?? (c.reason || '—') },
              ]}
            />
            {(t.containers ?? []).map((c: any) => (
              <section key={c.name}>
                <h2>Log of {c.name}</h2>
                <LogFollow url={`/_slipway/logs/ecs/${task}?follow=1&container=${encodeURIComponent(c.name)}`} label={`log of ${c.name}`} />
              </section>
            ))}
          </>
        )}
      </Loaded>
    </>
  );
}
