/**
 * The load balancer data plane beside nginx: wrk (Debian's) against one target — an nginx that
 * answers a short body — directly, through a Slipway listener (HAProxy), and through nginx as a
 * reverse proxy written three ways (proxy_pass as usually written; keep-alive upstream with as
 * many workers as the listener has threads; keep-alive upstream on every CPU), in interleaved
 * rounds, with the CPU each proxy spent per request; then how long an API call (a weight change,
 * a target drain) takes to show in the traffic. Installs nginx and wrk with apt-get when missing
 * and root. Prints a table; asserts nothing.
 */
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { THREADS } from '../src/services/elb/haproxy.ts';
import { ensureTools, freePort, onCleanup, startSlipway, tempDir, treeCpuSeconds } from './procs.ts';

const run = promisify(execFile);

export interface ElbBenchOptions {
  seconds: number;
  /** wrk runs per path, interleaved; the median is reported. */
  rounds: number;
  connections: number;
  changes: number;
  log: (line: string) => void;
}

interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  /** CPU the proxy spent per request, µs (all its processes and threads); NaN when not measured. */
  cpuUs: number;
  errors: string;
}

export async function benchElb(o: ElbBenchOptions): Promise<string> {
  ensureTools(
    'the load balancer bench',
    [
      ['wrk', 'wrk'],
      ['nginx', 'nginx'],
      ['haproxy', 'haproxy'],
    ],
    o.log,
  );
  const dir = tempDir('slipway-bench-elb-');
  const [targetPort, altPort, defaultsPort, oneWorkerPort, autoPort, listenerPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  await nginx(
    dir,
    'target',
    'auto',
    `server { listen 127.0.0.1:${targetPort}; location / { return 200 "hello from the target\\n"; } }
    server { listen 127.0.0.1:${altPort}; location / { return 200 "B\\n"; } }`,
  );
  // Every proxy does the listener's header work: X-Forwarded-For appended, -Proto and -Port set,
  // the client's Host passed on, and a random trace id when the request has none (ALB's
  // X-Amzn-Trace-Id; nginx's $request_id stands in for the hex fields).
  const headers = (
    port: number,
  ) => `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; proxy_set_header X-Forwarded-Proto http; proxy_set_header X-Forwarded-Port ${port};
      proxy_set_header Host $http_host; proxy_set_header X-Amzn-Trace-Id $trace_id;`;
  const traceId = 'map $http_x_amzn_trace_id $trace_id { "" "Root=1-$request_id"; default $http_x_amzn_trace_id; }';
  const keepAlive = (port: number) => `${traceId} upstream target { server 127.0.0.1:${targetPort}; keepalive 64; }
    server { listen 127.0.0.1:${port}; location / { proxy_pass http://target; proxy_http_version 1.1; proxy_set_header Connection ""; ${headers(port)} } }`;
  const workers = `${cpus().length} worker${cpus().length === 1 ? '' : 's'}`;
  const proxies: [string, string, number][] = [
    // nginx as a reverse proxy is usually written: a new upstream connection per request (HTTP/1.0).
    [
      `nginx, proxy_pass as usually written, ${workers}`,
      `http://127.0.0.1:${defaultsPort}/`,
      await nginx(
        dir,
        'defaults',
        'auto',
        `${traceId} server { listen 127.0.0.1:${defaultsPort}; location / { proxy_pass http://127.0.0.1:${targetPort}; ${headers(defaultsPort)} } }`,
      ),
    ],
    // The listener's share of the machine: as many nginx workers as HAProxy has threads.
    [
      `nginx, keep-alive upstream, ${THREADS} worker${THREADS === 1 ? '' : 's'}`,
      `http://127.0.0.1:${oneWorkerPort}/`,
      await nginx(dir, 'share', String(THREADS), keepAlive(oneWorkerPort)),
    ],
    [`nginx, keep-alive upstream, ${workers}`, `http://127.0.0.1:${autoPort}/`, await nginx(dir, 'all', 'auto', keepAlive(autoPort))],
  ];

  o.log('starting Slipway, a load balancer and a listener');
  const slipway = await startSlipway();
  const elb = new E.ElasticLoadBalancingV2Client({
    endpoint: slipway.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  const group = async (name: string, port: number) => {
    const arn = (
      await elb.send(
        new E.CreateTargetGroupCommand({
          Name: name,
          Protocol: 'HTTP',
          Port: port,
          TargetType: 'ip',
          VpcId: 'vpc-1',
          HealthCheckIntervalSeconds: 5,
          HealthCheckTimeoutSeconds: 2,
          HealthyThresholdCount: 2,
        }),
      )
    ).TargetGroups![0].TargetGroupArn!;
    await elb.send(
      new E.ModifyTargetGroupAttributesCommand({
        TargetGroupArn: arn,
        Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '0' }],
      }),
    );
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: arn, Targets: [{ Id: '127.0.0.1', Port: port }] }));
    return arn;
  };
  const tgA = await group('bench-a', targetPort);
  const tgB = await group('bench-b', altPort);
  const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'bench' }))).LoadBalancers![0];
  onCleanup(() =>
    elb.send(new E.DeleteLoadBalancerCommand({ LoadBalancerArn: lb.LoadBalancerArn })).then(
      () => undefined,
      () => undefined,
    ),
  );
  const forward = (a: number, b: number): E.Action[] => [
    {
      Type: 'forward',
      ForwardConfig: {
        TargetGroups: [
          { TargetGroupArn: tgA, Weight: a },
          { TargetGroupArn: tgB, Weight: b },
        ],
      },
    },
  ];
  const listener = (
    await elb.send(
      new E.CreateListenerCommand({
        LoadBalancerArn: lb.LoadBalancerArn,
        Protocol: 'HTTP',
        Port: listenerPort,
        DefaultActions: forward(100, 0),
      }),
    )
  ).Listeners![0];
  const viaSlipway = `http://${lb.DNSName}:${listenerPort}/`;
  await until(async () => (await get(viaSlipway)).startsWith('hello'), 30_000);
  const haproxyPid = Number(readFileSync(join(slipway.dataDir!, 'elb', 'haproxy.pid'), 'utf8').trim());

  const paths: [string, string, number | undefined][] = [
    ['direct to the target', `http://127.0.0.1:${targetPort}/`, undefined],
    [`Slipway listener (HAProxy, ${THREADS} thread${THREADS === 1 ? '' : 's'})`, viaSlipway, haproxyPid],
    ...proxies,
  ];
  // Rounds interleave the paths so that a noisy moment on a shared machine does not fall on one of
  // them only; each path's median round (by req/s) is reported.
  const rounds = new Map<string, WrkResult[]>(paths.map(([name]) => [name, []]));
  for (const [, url] of paths) await wrk(url, o.connections, 2); // warm-up
  for (let round = 1; round <= o.rounds; round++) {
    for (const [name, url, pid] of paths) {
      o.log(`round ${round}/${o.rounds}: wrk -t2 -c${o.connections} -d${o.seconds}s ${name}`);
      rounds.get(name)!.push(await wrk(url, o.connections, o.seconds, pid));
    }
  }
  const results = new Map([...rounds].map(([name, rs]) => [name, [...rs].sort((a, b) => a.rps - b.rps)[Math.floor(rs.length / 2)]]));

  o.log('API call → effect: weight changes');
  const weight: number[] = [];
  for (let i = 0; i < o.changes; i++) {
    const [to, body] = i % 2 === 0 ? [forward(0, 100), 'B'] : [forward(100, 0), 'hello'];
    weight.push(
      await effectMs(viaSlipway, body, () =>
        elb.send(new E.ModifyListenerCommand({ ListenerArn: listener.ListenerArn, DefaultActions: to })),
      ),
    );
  }
  o.log('API call → effect: target drains');
  await elb.send(
    new E.ModifyListenerCommand({ ListenerArn: listener.ListenerArn, DefaultActions: [{ Type: 'forward', TargetGroupArn: tgA }] }),
  );
  await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: tgA, Targets: [{ Id: '127.0.0.1', Port: altPort }] }));
  const drain: number[] = [];
  for (let i = 0; i < o.changes; i++) {
    await until(async () => {
      const h = await elb.send(new E.DescribeTargetHealthCommand({ TargetGroupArn: tgA }));
      return h.TargetHealthDescriptions!.length === 2 && h.TargetHealthDescriptions!.every((d) => d.TargetHealth!.State === 'healthy');
    }, 60_000);
    await until(async () => (await Promise.all([get(viaSlipway), get(viaSlipway)])).some((b) => b.startsWith('hello')), 10_000);
    drain.push(
      await effectMs(viaSlipway, 'B', () =>
        elb.send(new E.DeregisterTargetsCommand({ TargetGroupArn: tgA, Targets: [{ Id: '127.0.0.1', Port: targetPort }] })),
      ),
    );
    await until(
      async () =>
        !(await elb.send(new E.DescribeTargetHealthCommand({ TargetGroupArn: tgA }))).TargetHealthDescriptions!.some(
          (d) => d.Target!.Port === targetPort,
        ),
      10_000,
    );
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: tgA, Targets: [{ Id: '127.0.0.1', Port: targetPort }] }));
  }
  return table(o, results, weight, drain);
}

function table(o: ElbBenchOptions, results: Map<string, WrkResult>, weight: number[], drain: number[]): string {
  const [, slipway, ...nginxes] = [...results];
  const width = Math.max(...[...results.keys()].map((name) => name.length));
  const rows = [...results].map(
    ([name, r]) =>
      `| ${name.padEnd(width)} | ${Math.round(r.rps).toString().padStart(7)} | ${r.p50.toFixed(2).padStart(6)} | ${r.p99.toFixed(2).padStart(6)} | ${(Number.isNaN(r.cpuUs) ? '—' : r.cpuUs.toFixed(1)).padStart(9)} |${r.errors ? ` ${r.errors}` : ''}`,
  );
  const versus = nginxes.map(
    ([name, r]) =>
      `  vs ${name}: throughput ${(slipway[1].rps / r.rps).toFixed(2)}×, p99 ${(slipway[1].p99 / r.p99).toFixed(2)}×, CPU per request ${(slipway[1].cpuUs / r.cpuUs).toFixed(2)}×`,
  );
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `median ${s[Math.floor(s.length / 2)].toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (${s.length} changes)`;
  };
  return [
    `Load balancer data plane: wrk -t2 -c${o.connections} -d${o.seconds}s, median of ${o.rounds} interleaved rounds, one target (nginx, return 200), ${cpus().length} CPU(s) shared by wrk, the target and the proxy`,
    '',
    `| ${'path'.padEnd(width)} |   req/s | p50 ms | p99 ms | CPU µs/req |`,
    `|${'-'.repeat(width + 2)}|---------|--------|--------|------------|`,
    ...rows,
    '',
    `Slipway listener (goal: throughput ≥ 1.0×, p99 ≤ 1.0× nginx's; CPU per request: less is better)`,
    ...versus,
    `API call → in effect (goal < 100 ms): weight change ${stats(weight)}; target drain ${stats(drain)}`,
  ].join('\n');
}

/** An nginx of its own (foreground, its own prefix), stopped at cleanup; answers its master's pid. */
async function nginx(dir: string, name: string, workers: string, http: string): Promise<number> {
  const prefix = join(dir, name);
  spawnSync('mkdir', ['-p', join(prefix, 'logs')]);
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes ${workers}; daemon off; pid ${prefix}/nginx.pid; error_log stderr warn;
events { worker_connections 4096; }
http { access_log off; client_body_temp_path ${prefix}/b; proxy_temp_path ${prefix}/p; fastcgi_temp_path ${prefix}/f; uwsgi_temp_path ${prefix}/u; scgi_temp_path ${prefix}/s;
  ${http} }\n`,
  );
  const child = spawn(
    spawnSync('sh', ['-c', 'command -v nginx || echo /usr/sbin/nginx']).stdout.toString().trim(),
    ['-p', prefix, '-c', conf],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  onCleanup(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGTERM');
      }),
  );
  await new Promise((r) => setTimeout(r, 300));
  if (child.exitCode !== null) throw new Error(`nginx (${name}) did not start: ${err}`);
  return child.pid!;
}

/** One wrk run; with `proxyPid`, also the CPU that process tree spent per request. */
async function wrk(url: string, connections: number, seconds: number, proxyPid?: number): Promise<WrkResult> {
  const cpuBefore = proxyPid ? treeCpuSeconds(proxyPid) : NaN;
  const { stdout } = await run('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency', url], { maxBuffer: 1 << 20 });
  const cpu = proxyPid ? treeCpuSeconds(proxyPid) - cpuBefore : NaN;
  const requests = Number(stdout.match(/(\d+) requests in/)?.[1] ?? NaN);
  const ms = (v: string, unit: string) => Number(v) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? 1);
  const pct = (p: string) => {
    const m = stdout.match(new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)`, 'm'));
    return m ? ms(m[1], m[2]) : NaN;
  };
  const errors = [stdout.match(/Socket errors:.*$/m)?.[0], stdout.match(/Non-2xx or 3xx responses: \d+/)?.[0]].filter(Boolean).join('; ');
  return {
    rps: Number(stdout.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? NaN),
    p50: pct('50'),
    p99: pct('99'),
    cpuUs: (cpu / requests) * 1e6,
    errors,
  };
}

function get(url: string, agent?: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

/** ms from the API call's start until every one of 20 requests in a row answers `body`. */
async function effectMs(url: string, body: string, call: () => Promise<unknown>): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const began = performance.now();
  const api = call();
  let firstOk: number | undefined;
  let streak = 0;
  while (streak < 20) {
    const answer = await get(url, agent);
    if (answer.startsWith(body)) {
      firstOk ??= performance.now();
      streak++;
    } else {
      firstOk = undefined;
      streak = 0;
    }
    if (performance.now() - began > 30_000) throw new Error(`no effect within 30 s (last answer ${answer.trim()})`);
  }
  await api;
  agent.destroy();
  return firstOk! - began;
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms`);
}
