/**
 * Starting Slipway for integration tests — in-process, or as a real child process for crash and
 * restart tests — and the clients that talk to it.
 */
import { ECSClient } from '@aws-sdk/client-ecs';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { loadConfig } from '../../src/core/config.ts';
import { startSlipway, type Slipway } from '../../src/server/app.ts';
import { facadeOf as facadeOfRoom } from '../../src/services/index.ts';
import { stopHaproxy } from './elb.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

export interface TestSlipway {
  endpoint: string;
  dataDir: string;
  ecs: ECSClient;
  app: Slipway;
  close(): Promise<void>;
}

export interface StartOptions {
  timeScale?: number;
  instanceMemoryMiB?: number;
  dataDir?: string;
  /** Require signatures and IAM policies (--auth). */
  auth?: boolean;
  /** Serve the edge over HTTPS too, on any free port (--tls-port 0). */
  tls?: boolean;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'slipway-test-'));
}

export async function startTestSlipway(opts: StartOptions = {}): Promise<TestSlipway> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const config = {
    ...loadConfig({ port: '0', 'data-dir': dataDir, ...(opts.auth ? { auth: 'true' } : {}), ...(opts.tls ? { 'tls-port': '0' } : {}) }),
    timeScale: opts.timeScale ?? 20,
    instanceMemoryMiB: opts.instanceMemoryMiB,
  };
  const app = await startSlipway(config);
  return {
    endpoint: app.endpoint,
    dataDir,
    ecs: ecsClient(app.endpoint),
    app,
    async close() {
      const ours = new Set((app.ctx.store.prepare('SELECT pk FROM ecs_tasks').all() as { pk: string }[]).map((r) => r.pk));
      await app.close();
      await removeSlipwayContainers(ours);
      if (!opts.dataDir) {
        // Load balancer listeners (HAProxy) outlive Slipway by design; a test's go with its data.
        await stopHaproxy(dataDir);
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** What every SDK v3 client in the tests is made with: Slipway's endpoint, a region, test credentials, no retries. */
export function clientConfig(endpoint: string, region = 'us-east-1') {
  return { endpoint, region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 };
}

export function ecsClient(endpoint: string, region = 'us-east-1'): ECSClient {
  return new ECSClient(clientConfig(endpoint, region));
}

export interface SlipwayProcess {
  endpoint: string;
  child: ChildProcess;
  output(): string;
  /** Sends the signal and waits for the process to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Runs `bin/slipway.js start` as its own process and waits until it is ready. */
export async function startSlipwayProcess(dataDir: string, port: number, env: Record<string, string> = {}): Promise<SlipwayProcess> {
  const child = spawn(process.execPath, [join(root, 'bin/slipway.js'), 'start', '--port', String(port), '--data-dir', dataDir], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`slipway did not start in 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      const m = output.match(/ready: (http:\/\/[^/\s]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`slipway exited with ${code}:\n${output}`)));
  });
  return {
    endpoint,
    child,
    output: () => output,
    kill: (signal) =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** The environment the aws CLI runs in against Slipway: test credentials, us-east-1, no pager. */
export const cliEnv: NodeJS.ProcessEnv = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_PAGER: '',
};

/** Runs `aws <args>` against Slipway; resolves with its output, rejects with stderr on failure. */
export async function aws(endpoint: string, args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<string> {
  const { stdout } = await run('aws', [...args, '--endpoint-url', endpoint], {
    cwd: opts.cwd,
    env: { ...cliEnv, ...opts.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** Runs the real aws CLI against Slipway and parses its JSON output. */
export async function awsCli(endpoint: string, args: string[], opts: { cwd?: string } = {}): Promise<any> {
  const stdout = await aws(endpoint, [...args, '--output', 'json'], opts);
  return stdout.trim() ? JSON.parse(stdout) : undefined;
}

/** Polls until `check` returns a truthy value; fails with the last value seen. */
export async function waitFor<T>(
  label: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${label}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`,
  );
}

export const docker = new Docker();

/** Removes the containers Slipway started (all carry slipway.managed=true): only those of the given tasks, or of a family. */
export async function removeSlipwayContainers(taskArns?: Set<string>, family?: string): Promise<void> {
  const labels = ['slipway.managed=true', ...(family ? [`com.amazonaws.ecs.task-definition-family=${family}`] : [])];
  const containers = await docker.listContainers({ all: true, filters: { label: labels } });
  const doomed = containers.filter((c) => !taskArns || taskArns.has(c.Labels['slipway.task-arn']));
  await Promise.all(
    doomed.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** What the deploy-task-definition action does to a task definition file: drops null, empty strings, arrays and objects, recursively. */
export function cleanLikeDeployAction(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(cleanLikeDeployAction).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, cleanLikeDeployAction(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value === null || value === '' ? undefined : value;
}

/** A room's facade in an in-process Slipway, for tests that drive one room's work directly. */
export function facadeOf<F>(app: Slipway, room: string): F {
  return facadeOfRoom<F>(app.rooms, room);
}
