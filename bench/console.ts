/**
 * The web console: how long an open page takes to show a change made through the API, and how long
 * a first load takes, with 10, 100 and 1,000 running tasks in the store. Slipway runs as a child
 * process on real Docker; the page is Debian's Chromium through playwright-core. The change is an
 * UpdateService of the desired count, timed from the moment the call is sent to the moment the
 * service page shows the new count (polled each animation frame); the first load from navigation to
 * the service's task table listing every task. A table, not a test: nothing asserts on time.
 */
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ensureTestImages, TEST_IMAGE } from '../test/support/images.ts';
import { docker, onCleanup, removeClusterContainers, startSlipway } from './procs.ts';
import { formatTable, type Cell } from './table.ts';

export interface ConsoleBenchOptions {
  counts: number[];
  /** UpdateService round trips timed at each count. */
  changes: number;
  log: (line: string) => void;
}

const CHROMIUM = process.env.SLIPWAY_CHROMIUM ?? '/usr/bin/chromium';

export async function benchConsole(opts: ConsoleBenchOptions): Promise<string> {
  const { log } = opts;
  if (!existsSync(new URL('../console/dist/index.html', import.meta.url)))
    throw new Error('the console is not built: run `npm run build:console` (scripts/setup.sh does) and bench again');
  await ensureTestImages(docker);
  const slipway = await startSlipway({ SLIPWAY_TIME_SCALE: '20' });
  const ecs = new ECSClient({
    endpoint: slipway.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  onCleanup(() => browser.close());
  const cluster = `bench-console-${process.pid}`;
  const clusterArn = (await ecs.send(new CreateClusterCommand({ clusterName: cluster }))).cluster!.clusterArn!;
  onCleanup(async () => void (await removeClusterContainers([clusterArn])));
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'bench-console',
      // No network: one Docker bridge takes at most 1,023 containers, fewer than the largest row.
      networkMode: 'none',
      // A reservation, not a hard limit: placement counts 6 MiB a task, but runc's own init needs
      // about 13 MiB inside the container's cgroup, and a 6 MiB limit has the kernel kill it.
      containerDefinitions: [
        { name: 'sleep', image: TEST_IMAGE, command: ['sleep', '3600'], memoryReservation: 6, essential: true, stopTimeout: 2 },
      ],
    }),
  );
  const rows: Cell[][] = [];
  for (const n of opts.counts) {
    const service = `sleep-${n}`;
    log(`console: starting ${n} tasks`);
    await ecs.send(
      new CreateServiceCommand({ cluster, serviceName: service, taskDefinition: 'bench-console', desiredCount: n, launchType: 'EC2' }),
    );
    await runningCount(ecs, cluster, service, n);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const url = `${slipway.endpoint}/_slipway/console/ecs/${cluster}/services/${service}`;
    const t0 = performance.now();
    await page.goto(url);
    await page.waitForFunction((want) => document.querySelectorAll('table[aria-label="tasks"] tbody tr').length >= want, n, {
      polling: 'raf',
      timeout: 300_000,
    });
    const firstLoad = performance.now() - t0;
    await page.waitForFunction(() => document.querySelector('.conn')?.textContent === 'live', undefined, { timeout: 60_000 });

    const visible: number[] = [];
    for (let i = 0; i < opts.changes; i++) {
      const desired = i % 2 === 0 ? n + 1 : n;
      const sent = performance.now();
      await ecs.send(new UpdateServiceCommand({ cluster, service, desiredCount: desired }));
      await page.waitForFunction((want) => document.querySelector('dd.counts')?.getAttribute('data-desired') === String(want), desired, {
        polling: 'raf',
        timeout: 60_000,
      });
      visible.push(performance.now() - sent);
    }
    await page.close();
    visible.sort((a, b) => a - b);
    rows.push([n, firstLoad, visible[Math.floor(visible.length / 2)], visible[visible.length - 1]]);
    log(`console: ${n} tasks: first load ${firstLoad.toFixed(0)} ms, change visible in ${visible.map((v) => v.toFixed(0)).join(', ')} ms`);
    // The tasks stay: the next row counts them in the store too.
    await ecs.send(new UpdateServiceCommand({ cluster, service, desiredCount: n }));
  }
  for (const n of opts.counts)
    await ecs.send(new DeleteServiceCommand({ cluster, service: `sleep-${n}`, force: true })).catch(() => undefined);
  await slipway.stop();
  return formatTable(
    `Web console (Chromium): first load of a service page and UpdateService → visible in the open page (${opts.changes} changes; tasks of earlier rows stay in the store)`,
    [
      'service tasks',
      { header: 'first load ms', decimals: 0 },
      { header: 'change visible median ms', decimals: 0 },
      { header: 'max ms', decimals: 0 },
    ],
    rows,
  );
}

async function runningCount(ecs: ECSClient, cluster: string, service: string, n: number): Promise<void> {
  const deadline = Date.now() + 30 * 60_000;
  while (Date.now() < deadline) {
    const [s] = (await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }))).services ?? [];
    if (s?.runningCount === n) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${service} did not reach ${n} running tasks in 30 minutes`);
}
