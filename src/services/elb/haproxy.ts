/**
 * @module services/elb/haproxy
 * The DataPlane on Debian's HAProxy. `apply` takes the whole desired state and takes the cheapest
 * safe path to it:
 *
 *   - nothing to serve                 → stop HAProxy (gracefully)
 *   - not running                      → write the configuration and start it
 *   - structure changed                → check aside (`haproxy -c`), write, reload hitlessly
 *   - only servers or weights changed  → Runtime API: `set server … addr/state`, an atomic map
 *                                        swap (prepare/add/commit map); files rewritten for later
 *
 * Targets live in fixed server slots (s1…sN per backend, some spare); a target keeps its slot for
 * as long as it is registered, so a change never renames a server that has connections. What was
 * applied is kept in applied.json beside the pid file, so a restarted Slipway adopts the running
 * HAProxy and changes nothing that is already right.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { writeAtomic } from '../../core/files.ts';
import { logger } from '../../core/log.ts';
import {
  DataPlaneRefused,
  type ApplyResult,
  type DataPlane,
  type DataPlaneConfig,
  type ServerSpec,
  type ServerState,
  type Sessions,
} from './dataplane.ts';
import { backendName, render } from './haproxy-config.ts';
import { HaproxyProcess, parseProc } from './haproxy-process.ts';

const log = logger('elb.haproxy');
/** Spare slots kept free in each backend, so registrations rarely need a reload. */
const SPARE_SLOTS = 4;
/**
 * HAProxy worker threads: half the CPUs (at least one), since the load balancer shares this machine
 * with its targets and its clients. On 2 CPUs one thread serves more than two (≈75k vs ≈55k req/s
 * with wrk and the target on the same CPUs: two event loops batch less and are preempted on every
 * send, so each request costs ~16 µs of CPU instead of ~13). SLIPWAY_ELB_THREADS overrides.
 */
export const THREADS = Number(process.env.SLIPWAY_ELB_THREADS) || Math.max(1, Math.floor(cpus().length / 2));

interface Applied {
  structure: string;
  slots: Record<string, (ServerSpec | null)[]>;
  maps: Record<string, string[]>;
  /** "address:port" of each frontend HAProxy binds. */
  bound: string[];
}

export class HaproxyDataPlane implements DataPlane {
  readonly name = 'haproxy';
  readonly process: HaproxyProcess;
  private applied?: Applied;
  private pidNow?: number;
  private readonly appliedFile: string;

  constructor(readonly dir: string) {
    this.process = new HaproxyProcess(dir);
    this.appliedFile = join(dir, 'applied.json');
  }

  async start(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    this.pidNow = await this.process.running();
    if (!this.pidNow) {
      rmSync(this.appliedFile, { force: true });
      return;
    }
    try {
      this.applied = JSON.parse(readFileSync(this.appliedFile, 'utf8')) as Applied;
    } catch {
      this.applied = undefined; // unknown state: the first apply reloads
    }
    log.info(`adopted the running HAProxy (pid ${this.pidNow})`);
  }

  pid(): number | undefined {
    return this.pidNow;
  }

  async died(): Promise<boolean> {
    return this.pidNow !== undefined && (await this.process.running()) !== this.pidNow;
  }

  async shutdown(): Promise<void> {
    await this.process.stop();
    this.pidNow = undefined;
    this.applied = undefined;
    rmSync(this.appliedFile, { force: true });
  }

  async apply(desired: DataPlaneConfig): Promise<ApplyResult> {
    const result: ApplyResult = { reloaded: false, commands: 0, unbound: [] };
    if (desired.frontends.length === 0) {
      if (this.pidNow) {
        log.info('no listeners left: stopping HAProxy');
        await this.shutdown();
      }
      return result;
    }
    const running = this.pidNow !== undefined && (await this.process.running()) === this.pidNow;
    if (!running) this.applied = undefined;
    const bound = new Set(this.applied?.bound ?? []);
    const frontends = [];
    for (const f of desired.frontends) {
      const where = `${f.address}:${f.port}`;
      const error = bound.has(where) ? undefined : await probe(f.address, f.port);
      if (error) result.unbound.push({ key: f.key, address: f.address, port: f.port, error });
      else frontends.push(f);
    }
    const config: DataPlaneConfig = { frontends, backends: desired.backends };
    const slots = assignSlots(config, this.applied?.slots ?? {});
    const rendered = render({ config, slots, dir: this.dir, statsSocket: this.process.statsSocket, threads: THREADS });
    const structure = createHash('sha256').update(rendered.structure).digest('hex');
    const next: Applied = {
      structure,
      slots: Object.fromEntries([...slots].map(([k, v]) => [k, v.map((s) => s ?? null)])),
      maps: Object.fromEntries(rendered.maps),
      bound: frontends.map((f) => `${f.address}:${f.port}`),
    };

    if (running && this.applied && this.applied.structure === structure) {
      // The text and files follow from the structure, slots and maps: when those are what HAProxy
      // has, nothing is sent or written (a sync runs every 200 ms while a target drains).
      if (JSON.stringify(next) === JSON.stringify(this.applied)) return result;
      result.commands = await this.runtimeChanges(this.applied, next);
      this.writeFiles(rendered.text, rendered.files, false);
    } else {
      // Checked aside first: a configuration HAProxy refuses never replaces the one it runs (or restarts with).
      await this.check(config);
      this.writeFiles(rendered.text, rendered.files, true);
      // Record what HAProxy is about to bind before it binds: a Slipway killed while HAProxy starts
      // or reloads must not find HAProxy's own ports taken "by another process" when it comes back.
      // The structure stays unknown until it is done, so that Slipway reloads.
      writeAtomic(this.appliedFile, JSON.stringify({ ...next, structure: '' }));
      if (running) {
        await this.process.reload();
        result.reloaded = true;
      } else {
        this.pidNow = await this.process.launch();
        log.info(`started HAProxy (pid ${this.pidNow}) with ${frontends.length} listener(s)`);
      }
    }
    this.applied = next;
    writeAtomic(this.appliedFile, JSON.stringify(next));
    return result;
  }

  async check(config: DataPlaneConfig): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const dir = mkdtempSync(join(this.dir, 'check-'));
    try {
      const slots = assignSlots(config, this.applied?.slots ?? {});
      const rendered = render({ config, slots, dir, statsSocket: this.process.statsSocket, threads: THREADS });
      for (const [path, content] of rendered.files) writeAtomic(join(dir, path), content);
      writeAtomic(join(dir, 'haproxy.cfg'), rendered.text);
      await this.process.check(join(dir, 'haproxy.cfg'));
    } catch (err) {
      // Named as the files will be once written, not by the scratch copy that is gone.
      throw err instanceof DataPlaneRefused ? new DataPlaneRefused(err.reason.replaceAll(dir, this.dir)) : err;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async sessions(): Promise<Sessions | undefined> {
    if (!this.pidNow || !this.applied) return this.pidNow ? undefined : new Map();
    try {
      if (parseProc(await this.process.master('show proc')).oldWorkers > 0) return undefined;
      const slots = this.applied.slots;
      const out: Sessions = new Map();
      for (const line of (await this.process.runtime(['show stat -1 4 -1'])).split('\n')) {
        const [proxy, server, qcur, , scur] = line.split(',');
        const slot = /^s(\d+)$/.exec(server ?? '')?.[1];
        if (!proxy?.startsWith('b_') || !slot) continue;
        const key = proxy.slice(2);
        const spec = slots[key]?.[Number(slot) - 1];
        if (spec) out.set(`${key}/${spec.key}`, Number(qcur) + Number(scur));
      }
      return out;
    } catch {
      return undefined;
    }
  }

  async requestTotals(): Promise<Map<string, number> | undefined> {
    if (!this.pidNow) return new Map();
    try {
      const [head = '', ...lines] = (await this.process.runtime(['show stat -1 2 -1'])).split('\n');
      const columns = head.replace(/^# /, '').split(',');
      const requests = columns.indexOf('req_tot');
      const out = new Map<string, number>();
      for (const line of lines) {
        const cells = line.split(',');
        if (cells[0]?.startsWith('b_') && cells[1] === 'BACKEND') out.set(cells[0].slice(2), Number(cells[requests]) || 0);
      }
      return out;
    } catch {
      return undefined;
    }
  }

  /**
   * Runtime API commands turning `from` into `to` (same structure); returns how many were sent.
   * Servers coming up go first, then the weight maps, then servers going down: when a weight moves
   * traffic off a group whose targets drain in the same change, no request meets a group with no
   * server in service.
   */
  private async runtimeChanges(from: Applied, to: Applied): Promise<number> {
    const up: string[] = [];
    const down: string[] = [];
    for (const [key, slots] of Object.entries(to.slots)) {
      const before = from.slots[key] ?? [];
      slots.forEach((now, i) => {
        const was = before[i] ?? null;
        const server = `${backendName(key)}/s${i + 1}`;
        if (!now) {
          if (was && was.state !== 'maint') down.push(`set server ${server} state maint`);
          return;
        }
        const moved = !was || was.host !== now.host || was.port !== now.port;
        if (moved) up.push(`set server ${server} state maint`, `set server ${server} addr ${now.host} port ${now.port}`);
        if (!was || moved || was.state !== now.state)
          (haproxyState(now.state) === 'maint' && !moved ? down : up).push(`set server ${server} state ${haproxyState(now.state)}`);
      });
    }
    const mapCommands: string[][] = [];
    for (const [path, entries] of Object.entries(to.maps)) {
      if (JSON.stringify(from.maps[path] ?? []) !== JSON.stringify(entries)) mapCommands.push([join(this.dir, path), ...entries]);
    }
    await this.runtimeCommands(up);
    for (const [file, ...entries] of mapCommands) await this.swapMap(file, entries);
    await this.runtimeCommands(down);
    return up.length + mapCommands.length + down.length;
  }

  private async runtimeCommands(commands: string[]): Promise<void> {
    if (!commands.length) return;
    const answer = await this.process.runtime(commands);
    const trouble = answer.split('\n').filter((l) => /^(No such|Require|Invalid|Unknown|Can't|cannot)/i.test(l.trim()));
    if (trouble.length) throw new Error(`HAProxy refused a runtime change: ${trouble.join('; ')}`);
  }

  /** Replaces a map's entries atomically (prepare a new version, fill it, commit). */
  private async swapMap(file: string, entries: string[]): Promise<void> {
    const prepared = await this.process.runtime([`prepare map ${file}`]);
    const version = prepared.match(/New version created:\s*(\d+)/)?.[1];
    if (!version) throw new Error(`HAProxy did not prepare map ${file}: ${prepared.trim()}`);
    await this.process.runtime([...entries.map((e) => `add map @${version} ${file} ${e}`), `commit map @${version} ${file}`]);
  }

  private writeFiles(text: string, files: Map<string, string>, clean: boolean): void {
    if (clean) {
      for (const sub of ['patterns', 'bodies', 'maps']) rmSync(join(this.dir, sub), { recursive: true, force: true });
    }
    for (const [path, content] of files) writeAtomic(join(this.dir, path), content);
    writeAtomic(this.process.config, text);
  }
}

/**
 * HAProxy's state for a server. HAProxy's own drain still takes sticky (cookie, use-server) requests;
 * ALB sends those to a healthy target, so a draining target is in maintenance: what it has finishes
 * (HAProxy ends no request on maint), nothing new arrives.
 */
function haproxyState(state: ServerState): 'ready' | 'maint' {
  return state === 'ready' ? 'ready' : 'maint';
}

/** Keeps each target in its slot; new targets take free slots; a backend grows (by a reload) when full. */
export function assignSlots(
  config: DataPlaneConfig,
  previous: Record<string, (ServerSpec | null)[]>,
): Map<string, (ServerSpec | undefined)[]> {
  const out = new Map<string, (ServerSpec | undefined)[]>();
  for (const b of config.backends) {
    const wanted = new Map(b.servers.map((s) => [s.key, s]));
    const slots: (ServerSpec | undefined)[] = (previous[b.key] ?? []).map((s) => (s && wanted.has(s.key) ? wanted.get(s.key) : undefined));
    const placed = new Set(slots.filter((s): s is ServerSpec => !!s).map((s) => s.key));
    const fresh = b.servers.filter((s) => !placed.has(s.key));
    const free = slots.filter((s) => !s).length;
    if (fresh.length > free || slots.length === 0) {
      const size = Math.ceil((b.servers.length + SPARE_SLOTS) / 8) * 8;
      while (slots.length < size) slots.push(undefined);
    }
    for (const s of fresh) slots[slots.indexOf(undefined)] = s;
    out.set(b.key, slots);
  }
  return out;
}

/** Whether address:port can be bound; the reason when it cannot. */
function probe(address: string, port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EACCES') resolve(`port ${port} is below 1024 and Slipway does not run as root (uid ${process.getuid?.()})`);
      else if (err.code === 'EADDRINUSE') resolve(`${address}:${port} is in use by another process`);
      else resolve(`${address}:${port} cannot be bound: ${err.message}`);
    });
    server.listen({ host: address, port, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
}
