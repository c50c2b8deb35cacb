/**
 * ECS API speed, Slipway beside moto_server: RegisterTaskDefinition and DescribeServices, N
 * sequential requests and a concurrency of 8, both servers driven by the same lean JSON 1.1 client
 * (wire.ts: keep-alive, request bytes built once, a fixed SigV4-shaped Authorization header, no
 * signing work). A third server, node:http answering a fixed body without reading it, is the floor:
 * what the client, the loopback and Node's HTTP parser cost before any server does any work.
 * moto_server is only the yardstick; it answers `Connection: close`, so it pays a TCP connect per
 * request, which is part of what a client of it sees. Every server is warmed before each row: a
 * fresh Slipway answered its first thousand registrations at about a third of the rate it settled
 * at after a few thousand, and a long-running server is what the rows compare.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { freePort, onCleanup, peakRssMiB, removeClusterContainers, startMoto, startSlipway, type Child } from './procs.ts';
import { formatTable, type Cell } from './table.ts';
import { WireClient, wireRequest, type WireRequest } from './wire.ts';

export interface ApiOptions {
  sequential: number;
  concurrentTotal: number;
  concurrency: number;
  warmup: number;
  log: (line: string) => void;
}

const TARGET = 'AmazonEC2ContainerServiceV20141113';
const HEADERS = {
  'content-type': 'application/x-amz-json-1.1',
  authorization:
    'AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/ecs/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000000000000000000000000000000000000000000000000000000000000000',
  'x-amz-date': '20250101T000000Z',
  'user-agent': 'slipway-bench',
};
const CLUSTER = `bench-api-${process.pid}`;
const SERVICE = 'bench-describe';

interface Target {
  name: string;
  endpoint: string;
  child: Child;
}

const FLOOR = 'floor (node:http, fixed answer)';

interface Result {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  firstError?: string;
}

/** One operation's request, encoded once, so the client's own work per request is the same small amount for every server. */
function requestFor(t: Target, operation: string, body: string): WireRequest {
  return wireRequest(t.endpoint, '/', { ...HEADERS, 'x-amz-target': `${TARGET}.${operation}` }, body);
}

async function must(t: Target, operation: string, input: unknown): Promise<any> {
  const req = requestFor(t, operation, JSON.stringify(input));
  const client = new WireClient(req);
  const res = await client.send(req).finally(() => client.close());
  if (res.status !== 200) throw new Error(`${t.name} ${operation} answered ${res.status}: ${res.body.slice(0, 300)}`);
  return JSON.parse(res.body);
}

/** The task definition every RegisterTaskDefinition sends: a typical small web container. */
function taskDefinition(family: string) {
  return {
    family,
    networkMode: 'bridge',
    containerDefinitions: [
      {
        name: 'web',
        image: 'slipway-test/busybox:1',
        command: ['httpd', '-f', '-p', '8080', '-h', '/www'],
        memory: 64,
        cpu: 128,
        essential: true,
        portMappings: [{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }],
        environment: [
          { name: 'STAGE', value: 'bench' },
          { name: 'LOG_LEVEL', value: 'info' },
        ],
      },
    ],
    tags: [{ key: 'team', value: 'bench' }],
  };
}

async function setup(t: Target): Promise<void> {
  await must(t, 'CreateCluster', { clusterName: CLUSTER });
  const td = await must(t, 'RegisterTaskDefinition', taskDefinition('bench-api-service'));
  await must(t, 'CreateService', {
    cluster: CLUSTER,
    serviceName: SERVICE,
    taskDefinition: td.taskDefinition.taskDefinitionArn,
    desiredCount: 0,
    launchType: 'EC2',
  });
}

async function measure(t: Target, operation: string, body: string, total: number, concurrency: number, warmup: number): Promise<Result> {
  const req = requestFor(t, operation, body);
  const warm = new WireClient(req);
  for (let i = 0; i < warmup; i++) await warm.send(req);
  warm.close();
  const latencies = new Float64Array(total);
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const worker = async () => {
    const client = new WireClient(req);
    while (next < total) {
      const i = next++;
      const start = performance.now();
      try {
        const res = await client.send(req);
        if (res.status !== 200) {
          errors++;
          firstError ??= `${res.status} ${res.body.slice(0, 200)}`;
        }
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message;
      }
      latencies[i] = performance.now() - start;
    }
    client.close();
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - start;
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), rps: total / (elapsed / 1000), errors, firstError };
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The floor: node:http answering every request with the same small JSON body, without reading it. */
const FLOOR_SERVER = `
const body = Buffer.from('{}');
require('node:http')
  .createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': body.length }).end(body));
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
`;

async function startFloor(): Promise<Child> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', FLOOR_SERVER], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = onCleanup(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the floor server exited with ${code}`)));
  });
  return { endpoint: `http://127.0.0.1:${port}`, pid: child.pid!, output: () => '', stop };
}

export async function benchApi(opts: ApiOptions): Promise<string> {
  const { log } = opts;
  const targets: Target[] = [];
  let motoProblem: string | undefined;
  const slipway = await startSlipway({ SLIPWAY_TIME_SCALE: '1' });
  targets.push({ name: 'slipway', endpoint: slipway.endpoint, child: slipway });
  log(`api: Slipway pid ${slipway.pid} at ${slipway.endpoint}`);
  try {
    const moto = await startMoto();
    targets.push({ name: 'moto_server', endpoint: moto.endpoint, child: moto });
    log(`api: moto_server pid ${moto.pid} at ${moto.endpoint}`);
  } catch (err) {
    motoProblem = (err as Error).message.replace(/\s+/g, ' ').slice(0, 300);
    log(`api: moto_server unavailable: ${motoProblem}`);
  }
  const floor = await startFloor();
  targets.push({ name: FLOOR, endpoint: floor.endpoint, child: floor });

  const rows: Cell[][] = [];
  const ratios: string[] = [];
  const notes: string[] = [];
  let slipwayClusterArn: string | undefined;
  try {
    for (const t of targets.filter((t) => t.name !== FLOOR)) {
      try {
        await setup(t);
      } catch (err) {
        if (t.name === 'slipway') throw err;
        motoProblem = `setup failed: ${(err as Error).message}`;
        targets.splice(targets.indexOf(t), 1);
        await t.child.stop();
      }
    }
    slipwayClusterArn = `arn:aws:ecs:us-east-1:000000000000:cluster/${CLUSTER}`;

    const operations: [string, () => string][] = [
      ['RegisterTaskDefinition', () => JSON.stringify(taskDefinition('bench-api'))],
      ['DescribeServices', () => JSON.stringify({ cluster: CLUSTER, services: [SERVICE] })],
    ];
    const modes: [string, number, number][] = [
      [`sequential ×${opts.sequential}`, opts.sequential, 1],
      [`concurrency ${opts.concurrency} ×${opts.concurrentTotal}`, opts.concurrentTotal, opts.concurrency],
    ];
    for (const [operation, body] of operations) {
      for (const [mode, total, concurrency] of modes) {
        const rps: Record<string, number> = {};
        for (const t of targets) {
          const r = await measure(t, operation, body(), total, concurrency, opts.warmup);
          rps[t.name] = r.rps;
          rows.push([operation, mode, t.name, r.p50, r.p99, r.rps]);
          if (r.errors) notes.push(`  ! ${t.name} ${operation} ${mode}: ${r.errors} failed request(s), first: ${r.firstError}`);
          log(`  ${operation} ${mode} ${t.name}: p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, ${r.rps.toFixed(0)} req/s`);
        }
        if (motoProblem) rows.push([operation, mode, `moto_server unavailable: ${motoProblem}`, undefined, undefined, undefined]);
        else
          ratios.push(
            `  ${operation.padEnd(22)} ${mode.padEnd(22)} Slipway req/s ÷ moto req/s = ${(rps.slipway / rps.moto_server).toFixed(2)}`,
          );
      }
    }
    const memory = targets.map((t) => `${t.name} ${peakRssMiB(t.child.pid)?.toFixed(0) ?? '?'} MiB`).join(', ');
    notes.push(`  peak RSS over the whole API run: ${memory}`);
  } finally {
    for (const t of targets) {
      await t.child.stop();
    }
    if (slipwayClusterArn) await removeClusterContainers([slipwayClusterArn]);
  }

  return [
    formatTable(
      `ECS API speed (JSON 1.1 over keep-alive HTTP, one lean client for every server; ${opts.warmup} warm-up requests not counted)`,
      [
        'operation',
        'mode',
        'server',
        { header: 'p50 ms', decimals: 2 },
        { header: 'p99 ms', decimals: 2 },
        { header: 'req/s', decimals: 0 },
      ],
      rows,
    ),
    ...notes,
    ...(ratios.length ? ['', 'Ratio (higher = Slipway faster):', ...ratios] : []),
  ].join('\n');
}
