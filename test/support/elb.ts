/**
 * Load balancer tests: the ELBv2 client, HTTP(S) targets on loopback, HTTP(S) GETs, load generation
 * that counts failures, and stopping the HAProxy a test's Slipway left running (by its pid file).
 */
import { ElasticLoadBalancingV2Client, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { HaproxyProcess, processAlive } from '../../src/services/elb/haproxy-process.ts';
import { clientConfig } from './slipway.ts';

export function elbClient(endpoint: string, region = 'us-east-1'): ElasticLoadBalancingV2Client {
  return new ElasticLoadBalancingV2Client(clientConfig(endpoint, region));
}

export interface Target {
  port: number;
  server: Server;
  /** Requests seen, newest last. */
  seen: IncomingMessage[];
  close(): Promise<void>;
}

/** An HTTP target on 127.0.0.1; the default handler answers its name. */
export async function startTarget(name: string, handle?: (req: IncomingMessage, res: ServerResponse) => void): Promise<Target> {
  const seen: IncomingMessage[] = [];
  return listening(
    createServer((req, res) => {
      seen.push(req);
      if (handle) return handle(req, res);
      res.end(name);
    }),
    seen,
  );
}

/** An HTTPS target on 127.0.0.1 with a self-signed certificate made by openssl for the test; answers its name. */
export async function startTlsTarget(name: string, dir: string): Promise<Target> {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.crt`);
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-days', '1', '-keyout', key, '-out', cert],
    { stdio: 'ignore' },
  );
  const seen: IncomingMessage[] = [];
  return listening(
    createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
      seen.push(req);
      res.end(name);
    }),
    seen,
  );
}

async function listening(server: Server, seen: IncomingMessage[]): Promise<Target> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    server,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** GET with its own keep-alive agent; resolves status and body (or the error). https URLs are verified against `ca`. */
export function get(
  url: string,
  opts: { agent?: Agent; headers?: Record<string, string>; method?: string; ca?: string | Buffer } = {},
): Promise<{ status: number; body: string; headers: IncomingMessage['headers'] }> {
  return new Promise((resolve, reject) => {
    const send = url.startsWith('https:') ? httpsRequest : request;
    const req = send(url, { agent: opts.agent, headers: opts.headers, method: opts.method ?? 'GET', ca: opts.ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Counts answers by body from 4 keep-alive clients: `amount` requests in all, or as many as fit in `{ ms }`. */
export async function spread(url: string, amount: number | { ms: number }, headers?: Record<string, string>): Promise<Map<string, number>> {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const counts = new Map<string, number>();
  let started = 0;
  const end = typeof amount === 'number' ? Infinity : Date.now() + amount.ms;
  const more = () => (typeof amount === 'number' ? started++ < amount : Date.now() < end);
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (more()) {
        const r = await get(url, { agent, headers });
        const key = r.status === 200 ? r.body : `HTTP ${r.status}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }),
  );
  agent.destroy();
  return counts;
}

/** Steady load: `concurrency` clients requesting until stopped, or `maxMs` (keep-alive, or a new connection each time); counts every failure. */
export function steadyLoad(url: string, concurrency = 8, keepAlive = true, maxMs = 5 * 60_000) {
  const agent = new Agent({ keepAlive, maxSockets: concurrency });
  const stats = { ok: 0, failed: 0, failures: [] as string[], bodies: new Map<string, number>() };
  let running = true;
  // Bounded in time: a test that fails before stop() must not leave a load running for ever.
  const until = Date.now() + maxMs;
  const workers = Array.from({ length: concurrency }, async () => {
    while (running && Date.now() < until) {
      try {
        const r = await get(url, { agent });
        if (r.status === 200) {
          stats.ok++;
          stats.bodies.set(r.body, (stats.bodies.get(r.body) ?? 0) + 1);
        } else {
          stats.failed++;
          if (stats.failures.length < 20) stats.failures.push(`HTTP ${r.status} ${r.body.slice(0, 80)}`);
        }
      } catch (err) {
        stats.failed++;
        if (stats.failures.length < 20) stats.failures.push((err as Error).message);
      }
    }
  });
  return {
    stats,
    async stop() {
      running = false;
      await Promise.all(workers);
      agent.destroy();
      return stats;
    },
  };
}

export async function targetStates(elb: ElasticLoadBalancingV2Client, targetGroupArn: string): Promise<string[]> {
  const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
  return (out.TargetHealthDescriptions ?? []).map(
    (d) => `${d.Target!.Id}:${d.Target!.Port} ${d.TargetHealth!.State}${d.TargetHealth!.Reason ? ` ${d.TargetHealth!.Reason}` : ''}`,
  );
}

const haproxyOf = (dataDir: string) => new HaproxyProcess(join(dataDir, 'elb'));

/** The pid of the HAProxy master a data directory's Slipway runs, if it runs. */
export function haproxyPid(dataDir: string): number | undefined {
  const pid = haproxyOf(dataDir).recordedPid();
  return pid && processAlive(pid) ? pid : undefined;
}

/**
 * Stops the HAProxy a test's Slipway left running (it outlives Slipway by design): only a process
 * that is that HAProxy, never whatever now has the pid its file names.
 */
export async function stopHaproxy(dataDir: string): Promise<void> {
  const pid = await haproxyOf(dataDir).running();
  if (!pid) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 20));
}
