/**
 * The processes a benchmark runs — Slipway (`bin/slipway.js start`) and moto_server — plus the
 * things every benchmark needs: free ports, peak RSS and CPU time from /proc, and a cleanup list that also runs
 * on Ctrl-C, so containers and temporary data directories never outlive the run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { stopHaproxy } from '../test/support/elb.ts';

const root = new URL('../', import.meta.url).pathname;
export const docker = new Docker();

// ---------------------------------------------------------------------------------------------
// Cleanup

const cleanups: (() => Promise<void> | void)[] = [];

/** Registers `fn` to run at the end (latest first); returns a function that runs it now, once. */
export function onCleanup(fn: () => Promise<void> | void): () => Promise<void> {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    const i = cleanups.indexOf(once);
    if (i >= 0) cleanups.splice(i, 1);
    await fn();
  };
  cleanups.push(once);
  return once;
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length) {
    const fn = cleanups[cleanups.length - 1];
    try {
      await fn();
    } catch (err) {
      console.error(`cleanup failed: ${(err as Error).message}`);
      cleanups.splice(cleanups.indexOf(fn), 1);
    }
  }
}

/**
 * The reference tools a bench runs beside Slipway, as [command, Debian package]: installed with
 * apt-get when missing and running as root, else an error naming the packages to install.
 */
export function ensureTools(bench: string, tools: [string, string][], log: (line: string) => void): void {
  const missing = tools
    .filter(([bin]) => spawnSync('sh', ['-c', `command -v ${bin} || test -x /usr/sbin/${bin}`]).status !== 0)
    .map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(`${bench} needs ${missing.join(', ')}: install them (sudo apt-get install ${missing.join(' ')})`);
  log(`installing ${missing.join(', ')} (apt-get)`);
  const install = (stdio: 'ignore' | 'inherit') =>
    spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, stdio });
  if (install('ignore').status === 0) return;
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  if (install('inherit').status !== 0) throw new Error(`could not install ${missing.join(', ')}`);
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Removes the containers of the given clusters (Slipway labels each with slipway.cluster=<arn>). */
export async function removeClusterContainers(clusterArns: string[]): Promise<number> {
  let removed = 0;
  for (const arn of clusterArns) {
    const list = await docker.listContainers({ all: true, filters: { label: ['slipway.managed=true', `slipway.cluster=${arn}`] } });
    await Promise.all(
      list.map((c) =>
        docker
          .getContainer(c.Id)
          .remove({ force: true })
          .then(
            () => removed++,
            () => undefined,
          ),
      ),
    );
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------
// Processes

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Child {
  endpoint: string;
  pid: number;
  /** Its data directory (Slipway only). */
  dataDir?: string;
  /** The last 16 KiB of its output. */
  output(): string;
  stop(): Promise<void>;
}

function track(child: ChildProcess): () => string {
  let tail = '';
  const keep = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-16_384);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail;
}

/** Sends SIGTERM to the child's process group, then SIGKILL if it has not exited within `graceMs`. */
function stopper(child: ChildProcess, graceMs: number): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          child.kill(signal);
        }
      };
      const timer = setTimeout(() => kill('SIGKILL'), graceMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      kill('SIGTERM');
    });
}

/** Starts `node bin/slipway.js start` on a free port with a temporary data directory; waits for `ready:`. */
export async function startSlipway(env: Record<string, string> = {}): Promise<Child> {
  const dataDir = tempDir('slipway-bench-');
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'bin/slipway.js'), 'start', '--port', String(port), '--data-dir', dataDir], {
    env: { ...process.env, SLIPWAY_TIME_SCALE: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output = track(child);
  const stopSlipway = stopper(child, 10_000);
  const stop = onCleanup(async () => {
    await stopSlipway();
    // Load balancer listeners (HAProxy) outlive Slipway by design; a benchmark's go with its data.
    await stopHaproxy(dataDir);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Slipway did not start within 60 s:\n${output()}`)), 60_000);
    const onData = () => {
      if (/ready: http/.test(output())) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Slipway exited with ${code}:\n${output()}`));
    });
  });
  return { endpoint: `http://127.0.0.1:${port}`, pid: child.pid!, dataDir, output, stop };
}

/** Starts moto_server (or `python3 -m moto.server`) on a free port; waits until it answers ECS calls. */
export async function startMoto(): Promise<Child> {
  const port = await freePort();
  const attempts: [string, string[]][] = [
    ['moto_server', ['-p', String(port)]],
    ['python3', ['-m', 'moto.server', '-p', String(port)]],
  ];
  const problems: string[] = [];
  for (const [cmd, args] of attempts) {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const output = track(child);
    const spawned = await new Promise<string | undefined>((resolve) => {
      child.once('error', (err) => resolve(err.message));
      child.once('spawn', () => resolve(undefined));
    });
    if (spawned) {
      problems.push(`${cmd}: ${spawned}`);
      continue;
    }
    const stop = onCleanup(stopper(child, 5_000));
    const endpoint = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    let exited = false;
    child.once('exit', () => (exited = true));
    while (Date.now() < deadline && !exited) {
      try {
        const res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListClusters' },
          body: '{}',
        });
        await res.text();
        if (res.ok) return { endpoint, pid: child.pid!, output, stop };
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    await stop();
    problems.push(
      `${cmd} ${exited ? 'exited' : 'did not answer within 30 s'}: ${output().trim().split('\n').slice(-3).join(' | ') || 'no output'}`,
    );
  }
  throw new Error(problems.join('; '));
}

// ---------------------------------------------------------------------------------------------
// Memory

function statusField(pid: number, field: string): number | undefined {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU time (user + system, seconds) used so far by a process and all its descendants, from /proc:
 * how much a proxy made of a master and workers spent, whatever the number of workers.
 */
export function treeCpuSeconds(rootPid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // exited meanwhile
    }
  }
  let ticks = 0;
  const walk = (pid: number) => {
    ticks += stats.get(pid)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) walk(child);
  };
  walk(rootPid);
  return ticks / CLOCK_TICKS;
}

/** Kernel clock ticks per second (USER_HZ), for /proc/<pid>/stat times. */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100;

/** Peak resident set size in MiB (VmHWM). */
export const peakRssMiB = (pid: number) => statusField(pid, 'VmHWM');
export const rssMiB = (pid: number) => statusField(pid, 'VmRSS');

/** Resets the process's VmHWM to its current RSS (Linux ≥ 4.0); false when not allowed. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
