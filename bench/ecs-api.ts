/**
 * ECS API speed, Slipway beside moto_server: RegisterTaskDefinition and DescribeServices, N
 * sequential requests and a concurrency of 8, both servers driven by the same raw JSON 1.1 client
 * (node:http, keep-alive agent, a fixed SigV4-shaped Authorization header, no signing work).
 * moto_server is only the yardstick; it answers `Connection: close`, so it pays a TCP connect per
 * request, which is part of what a client of it sees.
 */
import { Agent, request, type RequestOptions } from 'node:http';
import { performance } from 'node:perf_hooks';
import { peakRssMiB, removeClusterContainers, startMoto, startSlipway, type Child } from './procs.ts';
import { formatTable, type Cell } from './table.ts';

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
  agent: Agent;
  child: Child;
}

interface Result {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  firstError?: string;
}

/**
 * What a call sends besides its body: the endpoint read once and the headers built once per
 * operation and body, so the client's own work per request is the same small amount for both servers.
 */
function requestOptions(t: Target, operation: string, body: string): RequestOptions {
  const { hostname, port } = new URL(t.endpoint);
  return {
    method: 'POST',
    host: hostname,
    port,
    path: '/',
    agent: t.agent,
    headers: { ...HEADERS, 'x-amz-target': `${TARGET}.${operation}`, 'content-length': Buffer.byteLength(body) },
  };
}

/** The one client both servers get: POST / with X-Amz-Target; resolves with status and body. */
export function call(options: RequestOptions, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function must(t: Target, operation: string, input: unknown): Promise<any> {
  const body = JSON.stringify(input);
  const res = await call(requestOptions(t, operation, body), body);
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
  const options = requestOptions(t, operation, body);
  for (let i = 0; i < warmup; i++) await call(options, body);
  const latencies = new Float64Array(total);
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const start = performance.now();
      try {
        const res = await call(options, body);
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

export async function benchApi(opts: ApiOptions): Promise<string> {
  const { log } = opts;
  const targets: Target[] = [];
  let motoProblem: string | undefined;
  const agent = () => new Agent({ keepAlive: true, maxSockets: opts.concurrency });

  const slipway = await startSlipway({ SLIPWAY_TIME_SCALE: '1' });
  targets.push({ name: 'slipway', endpoint: slipway.endpoint, agent: agent(), child: slipway });
  log(`api: Slipway pid ${slipway.pid} at ${slipway.endpoint}`);
  try {
    const moto = await startMoto();
    targets.push({ name: 'moto_server', endpoint: moto.endpoint, agent: agent(), child: moto });
    log(`api: moto_server pid ${moto.pid} at ${moto.endpoint}`);
  } catch (err) {
    motoProblem = (err as Error).message.replace(/\s+/g, ' ').slice(0, 300);
    log(`api: moto_server unavailable: ${motoProblem}`);
  }

  const rows: Cell[][] = [];
  const ratios: string[] = [];
  const notes: string[] = [];
  let slipwayClusterArn: string | undefined;
  try {
    for (const t of [...targets]) {
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
      t.agent.destroy();
      await t.child.stop();
    }
    if (slipwayClusterArn) await removeClusterContainers([slipwayClusterArn]);
  }

  return [
    formatTable(
      `ECS API speed (raw JSON 1.1 over keep-alive HTTP; ${opts.warmup} warm-up requests not counted)`,
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
