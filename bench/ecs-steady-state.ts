/**
 * CreateService → steady state, at time scale 1, for services of N busybox `sleep` tasks (bridge
 * mode, no ports) on a Slipway run as a child process. Times come from Slipway's own timestamps
 * (tasks' startedAt, the steady-state event's createdAt) measured from the moment CreateService was
 * sent, so the polling interval does not blur them. A fresh service needs no 40 s health wait:
 * ECS counts time-based health only when a deployment replaces old tasks.
 */
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  type Task,
} from '@aws-sdk/client-ecs';
import { ensureTestImages, TEST_IMAGE } from '../test/support/images.ts';
import { docker, onCleanup, peakRssMiB, removeClusterContainers, resetPeakRss, rssMiB, startSlipway } from './procs.ts';
import { formatTable, type Cell, type Column } from './table.ts';

export interface SteadyStateOptions {
  counts: number[];
  log: (line: string) => void;
}

const POLL_MS = 250;
/** Each task's container is killed 2 s after SIGTERM (`sleep` as PID 1 ignores SIGTERM; ECS's default would be 30 s). */
const STOP_TIMEOUT_S = 2;

interface Row {
  tasks: number;
  firstRunning?: number;
  allRunning?: number;
  steady?: number;
  rate?: number;
  drain?: number;
  peakRss?: number;
  note?: string;
}

export async function benchSteadyState(opts: SteadyStateOptions): Promise<string> {
  const { log } = opts;
  await ensureTestImages(docker);
  const slipway = await startSlipway({ SLIPWAY_TIME_SCALE: '1' });
  const ecs = new ECSClient({
    endpoint: slipway.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  const clusterName = `bench-steady-${process.pid}-${Date.now().toString(36)}`;
  const rows: Row[] = [];
  const warnings: string[] = [];
  let clusterArn: string | undefined;
  try {
    const cluster = await ecs.send(new CreateClusterCommand({ clusterName }));
    clusterArn = cluster.cluster!.clusterArn!;
    const td = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'bench-sleep',
        networkMode: 'bridge',
        containerDefinitions: [
          { name: 'sleep', image: TEST_IMAGE, command: ['sleep', '3600'], memory: 16, essential: true, stopTimeout: STOP_TIMEOUT_S },
        ],
      }),
    );
    const taskDefinition = td.taskDefinition!.taskDefinitionArn!;
    const idleRss = rssMiB(slipway.pid);
    log(`steady state: Slipway pid ${slipway.pid} at ${slipway.endpoint}, RSS ${idleRss?.toFixed(0)} MiB after start`);

    for (const n of opts.counts) {
      const row: Row = { tasks: n };
      rows.push(row);
      const canReset = resetPeakRss(slipway.pid);
      const serviceName = `sleep-${n}`;
      const t0 = Date.now();
      await ecs.send(new CreateServiceCommand({ cluster: clusterName, serviceName, taskDefinition, desiredCount: n, launchType: 'EC2' }));
      const steadyMessage = `(service ${serviceName}) has reached a steady state.`;
      const deadline = t0 + 60_000 + 3_000 * n;
      let steadyAt: number | undefined;
      let last = '';
      while (Date.now() < deadline) {
        const svc = (await ecs.send(new DescribeServicesCommand({ cluster: clusterName, services: [serviceName] }))).services![0];
        const event = svc.events?.find((e) => e.message === steadyMessage);
        last = `runningCount ${svc.runningCount}, pendingCount ${svc.pendingCount}, ${svc.deployments?.length} deployment(s); latest event: ${svc.events?.[0]?.message ?? 'none'}`;
        if (event && svc.runningCount === n && svc.deployments?.length === 1) {
          steadyAt = event.createdAt!.getTime();
          break;
        }
        await sleep(POLL_MS);
      }
      row.peakRss = canReset ? peakRssMiB(slipway.pid) : undefined;
      const tasks = await serviceTasks(ecs, clusterName, serviceName);
      const started = tasks.map((t) => t.startedAt?.getTime()).filter((x): x is number => x !== undefined);
      if (started.length) row.firstRunning = (Math.min(...started) - t0) / 1000;
      if (started.length === n) {
        row.allRunning = (Math.max(...started) - t0) / 1000;
        row.rate = n / row.allRunning;
      }
      if (steadyAt !== undefined) row.steady = (steadyAt - t0) / 1000;
      else row.note = `no steady state within ${((deadline - t0) / 1000).toFixed(0)} s: ${last}`;
      log(
        `  ${n} task(s): all RUNNING ${fmt(row.allRunning)} s, steady-state event ${fmt(row.steady)} s${row.note ? ` (${row.note})` : ''}`,
      );

      // Delete (force) and wait until every task of the service is STOPPED and the service INACTIVE.
      const d0 = Date.now();
      await ecs.send(new DeleteServiceCommand({ cluster: clusterName, service: serviceName, force: true }));
      const arns = tasks.map((t) => t.taskArn!);
      const drainDeadline = d0 + 60_000 + 2_000 * n;
      let drained = false;
      while (Date.now() < drainDeadline) {
        const all = [...arns, ...(await serviceTasks(ecs, clusterName, serviceName)).map((t) => t.taskArn!)];
        const live = (await describeTasks(ecs, clusterName, [...new Set(all)])).filter((t) => t.lastStatus !== 'STOPPED');
        if (live.length === 0) {
          row.drain = (Date.now() - d0) / 1000;
          const svc = (await ecs.send(new DescribeServicesCommand({ cluster: clusterName, services: [serviceName] }))).services?.[0];
          if (!svc || svc.status === 'INACTIVE') {
            drained = true;
            break;
          }
        }
        await sleep(POLL_MS);
      }
      if (!drained) row.note = `${row.note ? `${row.note}; ` : ''}service not drained within ${((drainDeadline - d0) / 1000).toFixed(0)} s`;
      log(`  ${n} task(s): deleted, tasks STOPPED after ${fmt(row.drain)} s`);
    }
  } finally {
    await slipway.stop();
    if (clusterArn) {
      const removed = await removeClusterContainers([clusterArn]);
      log(`steady state: Slipway stopped, ${removed} container(s) removed`);
      const expected = rows.reduce((sum, r) => sum + (r.allRunning === undefined ? 0 : r.tasks), 0);
      if (removed < expected) {
        warnings.push(
          `  ! only ${removed} of the ${expected} task containers were still there at the end: something else removed them (another test run cleaning up slipway.managed=true?); drain times may be off`,
        );
      }
    }
  }

  const header: Column[] = [
    'tasks',
    { header: 'first RUNNING s', decimals: 2 },
    { header: 'all RUNNING s', decimals: 2 },
    { header: 'steady event s', decimals: 2 },
    { header: 'start rate tasks/s', decimals: 1 },
    { header: `drain s (stopTimeout ${STOP_TIMEOUT_S})`, decimals: 2 },
    { header: 'peak RSS MiB', decimals: 0 },
  ];
  const cells: Cell[][] = rows.map((r) => [r.tasks, r.firstRunning, r.allRunning, r.steady, r.rate, r.drain, r.peakRss]);
  const notes = rows.filter((r) => r.note).map((r) => `  ! ${r.tasks} task(s): ${r.note}`);
  const n = Math.max(...opts.counts);
  let baseline: string;
  try {
    const seconds = await engineBaseline(n, 8);
    baseline = `  engine alone (dockerode create+start+inspect, 8 at a time, same image and command, no Slipway): ${n} containers in ${seconds.toFixed(2)} s = ${(n / seconds).toFixed(1)}/s`;
  } catch (err) {
    baseline = `  engine alone: failed: ${(err as Error).message}`;
  }
  log(baseline.trim());
  return [
    formatTable('CreateService → steady state (Slipway, time scale 1, bridge, busybox `sleep`, seconds from CreateService)', header, cells),
    ...notes,
    ...warnings,
    baseline,
    '  peak RSS = VmHWM of the Slipway process during that run (reset before each run).',
  ].join('\n');
}

/** The engine's own pace for the same containers: create, start and inspect `n` of them, `concurrency` at a time. */
async function engineBaseline(n: number, concurrency: number): Promise<number> {
  const label = `slipway.bench=${process.pid}-${Date.now().toString(36)}`;
  const remove = onCleanup(async () => {
    const list = await docker.listContainers({ all: true, filters: { label: [label] } });
    await Promise.all(
      list.map((c) =>
        docker
          .getContainer(c.Id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
  });
  try {
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) {
          next++;
          const c = await docker.createContainer({
            Image: TEST_IMAGE,
            Cmd: ['sleep', '3600'],
            Labels: { [label.split('=')[0]]: label.split('=')[1] },
            StopTimeout: STOP_TIMEOUT_S,
            HostConfig: { NetworkMode: 'bridge', Memory: 16 * 1024 * 1024 },
          });
          await c.start();
          await c.inspect();
        }
      }),
    );
    return (performance.now() - t0) / 1000;
  } finally {
    await remove();
  }
}

async function serviceTasks(ecs: ECSClient, cluster: string, serviceName: string): Promise<Task[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecs.send(new ListTasksCommand({ cluster, serviceName, nextToken, maxResults: 100 }));
    arns.push(...(page.taskArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return describeTasks(ecs, cluster, arns);
}

async function describeTasks(ecs: ECSClient, cluster: string, arns: string[]): Promise<Task[]> {
  const out: Task[] = [];
  for (let i = 0; i < arns.length; i += 100) {
    const page = await ecs.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(i, i + 100) }));
    out.push(...(page.tasks ?? []));
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(2));
