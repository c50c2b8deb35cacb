/**
 * @module services/elb/haproxy-process
 * The HAProxy process Slipway drives: started detached in master-worker mode (`-W -D`) so it
 * outlives Slipway, found again by its pid file and master socket, reloaded hitlessly through the
 * master CLI (the new worker takes over the listening sockets; the old one finishes its requests),
 * and changed at run time through the workers' stats socket (the Runtime API).
 *
 * Files in its directory: haproxy.cfg, haproxy.pid (the master's pid), master.sock (master CLI),
 * haproxy.sock (Runtime API), and the pattern, body and map files the configuration reads.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataPlaneRefused } from './dataplane.ts';

const run = promisify(execFile);
export const HAPROXY_HELP =
  'HAProxy is needed for load balancer listeners: install it (Debian/Ubuntu: apt-get install haproxy; scripts/setup.sh does) and try again';

export class HaproxyProcess {
  readonly config: string;
  readonly pidFile: string;
  readonly masterSocket: string;
  readonly statsSocket: string;

  constructor(
    readonly dir: string,
    readonly binary = process.env.SLIPWAY_HAPROXY ?? 'haproxy',
  ) {
    this.config = join(dir, 'haproxy.cfg');
    this.pidFile = join(dir, 'haproxy.pid');
    this.masterSocket = join(dir, 'master.sock');
    this.statsSocket = join(dir, 'haproxy.sock');
  }

  /** The master's pid when our HAProxy runs and its master CLI answers. */
  async running(): Promise<number | undefined> {
    const pid = this.recordedPid();
    if (!pid || !processAlive(pid)) return undefined;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('haproxy') || !cmdline.includes(this.config)) return undefined;
    } catch {
      // No /proc (not Linux): the master socket below decides.
    }
    try {
      await this.master('show proc');
      return pid;
    } catch {
      return undefined;
    }
  }

  recordedPid(): number | undefined {
    if (!existsSync(this.pidFile)) return undefined;
    const pid = Number(readFileSync(this.pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }

  /** Checks a configuration file without touching the running process. */
  async check(file: string): Promise<void> {
    try {
      await run(this.binary, ['-c', '-f', file]);
    } catch (err) {
      const e = err as { code?: string; stderr?: string; message: string };
      if (e.code === 'ENOENT') throw new Error(HAPROXY_HELP);
      throw new DataPlaneRefused(refusal(e.stderr ?? e.message));
    }
  }

  /** Starts HAProxy detached (it daemonizes; Slipway is not its parent for long). */
  async launch(): Promise<number> {
    rmSync(this.pidFile, { force: true });
    const args = ['-W', '-D', '-S', `${this.masterSocket},mode,600`, '-p', this.pidFile, '-f', this.config];
    const child = spawn(this.binary, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', (err) => reject((err as NodeJS.ErrnoException).code === 'ENOENT' ? new Error(HAPROXY_HELP) : err));
      child.once('exit', (c) => resolve(c));
    });
    child.stderr.destroy();
    child.unref();
    if (code !== 0) throw new Error(`HAProxy did not start (exit ${code}): ${stderr.trim()}`);
    for (let i = 0; i < 100; i++) {
      const pid = await this.running();
      if (pid) return pid;
      await sleep(20);
    }
    throw new Error(`HAProxy started but its master socket ${this.masterSocket} does not answer: ${stderr.trim()}`);
  }

  /** Hitless reload: the master re-reads haproxy.cfg and starts a new worker; resolves once it runs. */
  async reload(): Promise<void> {
    const before = parseProc(await this.master('show proc'));
    await this.master('reload').catch(() => undefined);
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      await sleep(10);
      let now: ReturnType<typeof parseProc>;
      try {
        now = parseProc(await this.master('show proc'));
      } catch {
        continue;
      }
      if (now.failed > before.failed) throw new Error('HAProxy could not load the new configuration and keeps serving the previous one');
      if (now.reloads > before.reloads && now.currentWorker !== undefined && now.currentWorker !== before.currentWorker) return;
    }
    throw new Error('HAProxy did not finish reloading within 15 s');
  }

  /** Runtime API commands, in order; returns what HAProxy answered. */
  async runtime(commands: string[]): Promise<string> {
    let out = '';
    // One connection per batch of ';'-joined commands, kept well under HAProxy's line limit.
    for (let i = 0; i < commands.length; ) {
      let line = '';
      while (i < commands.length && (line === '' || line.length + commands[i].length < 8000)) line += (line ? ';' : '') + commands[i++];
      out += await socketCommand(this.statsSocket, line);
    }
    return out;
  }

  master(command: string): Promise<string> {
    return socketCommand(this.masterSocket, command);
  }

  /** Graceful stop: workers finish their requests; then the master exits. */
  async stop(): Promise<void> {
    const pid = await this.running();
    if (!pid) return;
    process.kill(pid, 'SIGUSR1');
    for (let i = 0; i < 250 && processAlive(pid); i++) await sleep(20);
    if (processAlive(pid)) process.kill(pid, 'SIGTERM');
    rmSync(this.pidFile, { force: true });
  }
}

function socketCommand(path: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let out = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer from ${path}`)));
    socket.on('data', (d) => (out += d));
    socket.once('error', reject);
    socket.once('close', () => resolve(out));
    socket.end(`${command}\n`);
  });
}

/** HAProxy's alerts without their prefixes ("[ALERT] (pid) : config : parsing [file:line] : "), one per line. */
export function refusal(stderr: string): string {
  const alerts = stderr
    .split('\n')
    .filter((l) => l.includes('[ALERT]'))
    .map((l) => l.replace(/^.*?\[ALERT\][^:]*:\s*(?:config\s*:\s*)?(?:parsing \[[^\]]*\]\s*:\s*)?/, '').trim());
  return (alerts.length ? alerts : [stderr.trim() || 'HAProxy gave no reason']).join('\n');
}

/** `show proc` on the master CLI: its reload counters, the newest worker's pid and how many older workers still finish requests. */
export function parseProc(text: string): { reloads: number; failed: number; currentWorker?: number; oldWorkers: number } {
  const master = text.match(/^\s*\d+\s+master\s+(\d+)\s+\[failed:\s*(\d+)\]/m);
  const all = [...text.matchAll(/^\s*(\d+)\s+worker\s+(\d+)/gm)];
  const workers = all.filter((m) => m[2] === '0').map((m) => Number(m[1]));
  return {
    reloads: master ? Number(master[1]) : 0,
    failed: master ? Number(master[2]) : 0,
    currentWorker: workers[0],
    oldWorkers: all.length - workers.length,
  };
}

/** Whether a process runs (an exited one not yet reaped by its parent does not). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
