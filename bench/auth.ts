/**
 * API calls per second with signatures verified and policies evaluated (--auth), beside the same
 * calls with --auth off, and beside moto_server: ECS ListClusters and DescribeClusters (JSON 1.1)
 * and STS GetCallerIdentity (Query), each signed once with SigV4 by the AWS SDK's signer and sent
 * as signed (a signature holds for 15 minutes), so every server does its own work per request and
 * the client does the same small amount for each. Verification has its cost here: the signature
 * recomputed, the key and the caller's policies read from the store, the policies evaluated.
 */
import { readFileSync } from 'node:fs';
import { Agent, request, type RequestOptions } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { percentile } from './ecs-api.ts';
import { type Child, startMoto, startSlipway } from './procs.ts';
import { type Cell, formatTable } from './table.ts';

export interface AuthBenchOptions {
  total: number;
  concurrency: number;
  warmup: number;
  log: (line: string) => void;
}

interface Operation {
  name: string;
  service: string;
  headers: Record<string, string>;
  body: string;
}

const OPERATIONS: Operation[] = [
  ...['ListClusters', 'DescribeClusters'].map((op) => ({
    name: `ecs:${op}`,
    service: 'ecs',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AmazonEC2ContainerServiceV20141113.${op}` },
    body: op === 'DescribeClusters' ? '{"clusters":["default"]}' : '{}',
  })),
  {
    name: 'sts:GetCallerIdentity',
    service: 'sts',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'Action=GetCallerIdentity&Version=2011-06-15',
  },
];

interface Server {
  name: string;
  child: Child;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

async function signed(server: Server, op: Operation, agent: Agent): Promise<RequestOptions> {
  const { hostname, port } = new URL(server.child.endpoint);
  const signer = new SignatureV4({ service: op.service, region: 'us-east-1', credentials: server.credentials, sha256: Sha256 });
  const request = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname,
    port: Number(port),
    path: '/',
    headers: { host: `${hostname}:${port}`, ...op.headers, 'content-length': String(Buffer.byteLength(op.body)) },
    body: op.body,
  });
  return { method: 'POST', host: hostname, port, path: '/', agent, headers: request.headers };
}

/** node:http's client, sending the request as signed; resolves with status and body. */
function call(options: RequestOptions, body: string): Promise<{ status: number; body: string }> {
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

async function measure(options: RequestOptions, body: string, opts: AuthBenchOptions) {
  for (let i = 0; i < opts.warmup; i++) await call(options, body);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const worker = async () => {
    while (next++ < opts.total) {
      const start = performance.now();
      const res = await call(options, body).catch((err: Error) => ({ status: 0, body: err.message }));
      latencies.push(performance.now() - start);
      if (res.status !== 200) {
        errors++;
        firstError ??= `${res.status} ${res.body.slice(0, 200)}`;
      }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: opts.total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors, firstError };
}

export async function benchAuth(opts: AuthBenchOptions): Promise<string> {
  const { log } = opts;
  const servers: Server[] = [];
  const notes: string[] = [];
  const anyKey = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
  try {
    const open = await startSlipway();
    servers.push({ name: 'slipway (--auth off)', child: open, credentials: anyKey });
    const enforced = await startSlipway({ SLIPWAY_AUTH: 'true' });
    const file = readFileSync(join(enforced.dataDir!, 'credentials'), 'utf8');
    const field = (name: string) => file.match(new RegExp(`^${name} = (.+)$`, 'm'))![1];
    servers.push({
      name: 'slipway --auth',
      child: enforced,
      credentials: { accessKeyId: field('aws_access_key_id'), secretAccessKey: field('aws_secret_access_key') },
    });
    try {
      servers.push({ name: 'moto_server', child: await startMoto(), credentials: anyKey });
    } catch (err) {
      notes.push(`  moto_server unavailable: ${(err as Error).message.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
    const rows: Cell[][] = [];
    for (const op of OPERATIONS) {
      for (const server of servers) {
        const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
        try {
          const r = await measure(await signed(server, op, agent), op.body, opts);
          rows.push([op.name, server.name, r.p50, r.p99, r.rps]);
          if (r.errors) notes.push(`  ! ${server.name} ${op.name}: ${r.errors} failed request(s), first: ${r.firstError}`);
          log(`  auth: ${op.name} ${server.name}: ${r.rps.toFixed(0)} req/s`);
        } finally {
          agent.destroy();
        }
      }
    }
    return [
      formatTable(
        `API calls with signatures verified and policies evaluated (concurrency ${opts.concurrency} ×${opts.total}; ${opts.warmup} warm-up requests not counted)`,
        ['operation', 'server', { header: 'p50 ms', decimals: 2 }, { header: 'p99 ms', decimals: 2 }, { header: 'req/s', decimals: 0 }],
        rows,
      ),
      ...notes,
    ].join('\n');
  } finally {
    for (const s of servers) await s.child.stop();
  }
}
