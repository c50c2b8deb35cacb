/**
 * @module runtime/fake
 * An in-memory engine for controller tests. It keeps Docker's observable rules (name conflicts,
 * missing images, port allocation, exit codes, health, events) but runs nothing: what a container
 * "does" comes from a FakeBehaviour, and tests can push a container to exit or change health.
 */
import { randomBytes } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { ConflictError, NotFoundError, PullError, RuntimeError } from './errors.ts';
import { PAUSE_IMAGE } from './pause-image.ts';
import type {
  BridgeNetwork,
  BuildOutput,
  ContainerRuntime,
  ContainerSpec,
  ContainerState,
  ContainerStatus,
  EngineInfo,
  LogOptions,
  PullProgress,
  RegistryAuth,
  RuntimeEvent,
} from './types.ts';

/** What a fake container's process does. Default: prints nothing, runs until stopped, is healthy. */
export interface FakeBehaviour {
  /** Text written to its log when it starts. */
  output?: string;
  /** Exits on its own with this code `exitAfterMs` after starting. Absent: runs until stopped. */
  exitCode?: number;
  exitAfterMs?: number;
  /** Verdict of its health check, reached after one interval (healthy) or `retries` intervals. */
  health?: 'healthy' | 'unhealthy';
  /** Like PID 1 without a SIGTERM handler: stop waits the whole timeout, then kills (exit 137). */
  ignoresSigterm?: boolean;
  /** Exit code after a SIGTERM it handles. Default 0. */
  exitCodeOnStop?: number;
}

interface FakeContainer {
  id: string;
  spec: ContainerSpec;
  behaviour: FakeBehaviour;
  status: ContainerStatus;
  exitCode?: number;
  oomKilled: boolean;
  error?: string;
  startedAt?: number;
  finishedAt?: number;
  health?: ContainerState['health'];
  ports: ContainerState['ports'];
  ipAddress?: string;
  log: { at: number; line: string }[];
  followers: Set<PassThrough>;
  timers: Set<NodeJS.Timeout>;
  healthTimer?: NodeJS.Timeout;
  stopping?: Promise<void>;
}

const FIRST_EPHEMERAL_PORT = 32768;

/** Docker's reading of a reference without a tag: `:latest`. */
function withTag(image: string): string {
  const last = image.slice(image.lastIndexOf('/') + 1);
  return last.includes(':') || last.includes('@') ? image : `${image}:latest`;
}

function hasLabels(labels: Record<string, string>, wanted: Record<string, string>): boolean {
  return Object.entries(wanted).every(([k, v]) => k in labels && (v === '' || labels[k] === v));
}

export class FakeRuntime implements ContainerRuntime {
  readonly name = 'fake';
  private readonly images = new Set<string>();
  private readonly labelsOf = new Map<string, Record<string, string>>();
  private readonly pullFailures = new Map<string, string>();
  private readonly behaviours: { match: (spec: ContainerSpec) => boolean; behaviour: FakeBehaviour }[] = [
    { match: (spec) => withTag(spec.image) === PAUSE_IMAGE, behaviour: { ignoresSigterm: true } },
  ];
  private readonly containers = new Map<string, FakeContainer>();
  private readonly subscribers = new Set<{ labels: Record<string, string>; onEvent: (e: RuntimeEvent) => void }>();
  private nextIp = 2;

  constructor(private readonly engine: Partial<EngineInfo> = {}) {}

  // ---- test helpers ----

  /** Makes an image present locally, as if pulled or built earlier. */
  addImage(image: string): void {
    this.images.add(withTag(image));
  }

  /** Makes pulls of `image` fail with the engine text `message`. */
  failPull(image: string, message = `Get "https://${image.split('/')[0]}/v2/": connection refused`): void {
    this.pullFailures.set(withTag(image), message);
  }

  /** Containers created later whose spec matches behave like this; the latest matching rule wins. */
  behave(match: (spec: ContainerSpec) => boolean, behaviour: FakeBehaviour): void {
    this.behaviours.unshift({ match, behaviour });
  }

  /** The process exits now with `code` (137 and oomKilled for an OOM kill). */
  exit(id: string, code: number, opts: { oomKilled?: boolean } = {}): void {
    const c = this.get(id);
    if (c.status !== 'running') return;
    for (const t of c.timers) clearTimeout(t);
    c.timers.clear();
    Object.assign(c, {
      status: 'exited',
      exitCode: code,
      oomKilled: opts.oomKilled ?? false,
      finishedAt: Date.now(),
      ports: [],
      ipAddress: undefined,
    });
    for (const f of c.followers) f.end();
    c.followers.clear();
    if (opts.oomKilled) this.emit(c, 'oom');
    this.emit(c, 'die');
  }

  /** The health check now reports `health`; replaces the behaviour's scheduled verdict. */
  setHealth(id: string, health: 'healthy' | 'unhealthy'): void {
    const c = this.get(id);
    clearTimeout(c.healthTimer);
    this.applyHealth(c, health);
  }

  private applyHealth(c: FakeContainer, health: 'healthy' | 'unhealthy'): void {
    if (c.health === health) return;
    c.health = health;
    this.emit(c, 'health_status');
  }

  /** Appends process output to the container's log. */
  writeLog(id: string, text: string): void {
    const c = this.get(id);
    const at = Date.now();
    for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
      c.log.push({ at, line });
      for (const f of c.followers) f.write(line);
    }
  }

  // ---- ContainerRuntime ----

  async ping(): Promise<void> {}

  async info(): Promise<EngineInfo> {
    return {
      id: 'FAKE',
      name: 'fake',
      version: '0.0.0-fake',
      cpus: 4,
      memoryBytes: 8 * 2 ** 30,
      os: 'linux',
      arch: 'x86_64',
      ...this.engine,
    };
  }

  async ensureImage(image: string, opts: { auth?: RegistryAuth; onProgress?: (p: PullProgress) => void } = {}): Promise<void> {
    const ref = withTag(image);
    if (this.images.has(ref)) return;
    const failure = this.pullFailures.get(ref);
    if (failure) throw new PullError(image, failure, { status: 500 });
    opts.onProgress?.({ status: `Pulling from ${ref.slice(0, ref.lastIndexOf(':'))}`, id: ref.slice(ref.lastIndexOf(':') + 1) });
    opts.onProgress?.({ status: `Status: Downloaded newer image for ${ref}` });
    this.images.add(ref);
  }

  async create(spec: ContainerSpec): Promise<string> {
    if (!this.images.has(withTag(spec.image))) throw new NotFoundError(`No such image: ${withTag(spec.image)}`, { status: 404 });
    const taken = [...this.containers.values()].find((c) => c.spec.name === spec.name);
    if (taken)
      throw new ConflictError(`Conflict. The container name "/${spec.name}" is already in use by container "${taken.id}".`, {
        status: 409,
      });
    for (const link of spec.links ?? []) {
      const target = link.split(':')[0];
      if (!this.lookup(target))
        throw new RuntimeError(`could not get container for ${target}: No such container: ${target}`, { status: 400 });
    }
    const id = randomBytes(32).toString('hex');
    const behaviour = this.behaviours.find((b) => b.match(spec))?.behaviour ?? {};
    this.containers.set(id, {
      id,
      spec: structuredClone(spec),
      behaviour,
      status: 'created',
      oomKilled: false,
      ports: [],
      log: [],
      followers: new Set(),
      timers: new Set(),
    });
    this.emit(this.containers.get(id)!, 'create');
    return id;
  }

  async start(id: string): Promise<void> {
    const c = this.get(id);
    if (c.status === 'running') return;
    const failure = this.startFailure(c);
    if (failure) {
      Object.assign(c, { exitCode: 128, error: failure.message });
      throw failure;
    }
    const bridge = c.spec.network.mode === 'bridge';
    Object.assign(c, {
      status: 'running',
      exitCode: undefined,
      error: undefined,
      oomKilled: false,
      startedAt: Date.now(),
      ports: bridge ? this.allocatePorts(c.spec) : [],
      ipAddress: bridge ? `172.17.0.${this.nextIp++}` : undefined,
      health: c.spec.healthCheck ? 'starting' : undefined,
    });
    this.emit(c, 'start');
    const b = c.behaviour;
    if (b.output) this.writeLog(id, b.output);
    const hc = c.spec.healthCheck;
    if (hc) {
      const verdict = b.health ?? 'healthy';
      const after =
        verdict === 'healthy' ? hc.intervalMs : Math.max(hc.intervalMs * Math.max(1, hc.retries), hc.startPeriodMs + hc.intervalMs);
      c.healthTimer = this.later(c, after, () => this.applyHealth(c, verdict));
    }
    if (b.exitCode !== undefined) this.later(c, b.exitAfterMs ?? 0, () => this.exit(id, b.exitCode!));
  }

  async stop(id: string, timeoutSec: number): Promise<void> {
    const c = this.lookup(id);
    if (c?.status !== 'running') return;
    c.stopping ??= (async () => {
      this.emit(c, 'kill');
      if (c.behaviour.ignoresSigterm) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, timeoutSec) * 1000));
        if (c.status === 'running') this.emit(c, 'kill');
        this.exit(c.id, 137);
      } else {
        this.exit(c.id, c.behaviour.exitCodeOnStop ?? 0);
      }
      this.emit(c, 'stop');
    })().finally(() => {
      c.stopping = undefined;
    });
    return c.stopping;
  }

  async remove(id: string): Promise<void> {
    const c = this.lookup(id);
    if (!c) return;
    if (c.status === 'running') {
      this.emit(c, 'kill');
      this.exit(c.id, 137);
    }
    this.containers.delete(c.id);
    this.emit(c, 'destroy');
  }

  async rename(id: string, name: string): Promise<void> {
    const c = this.get(id);
    const taken = [...this.containers.values()].find((other) => other.spec.name === name && other !== c);
    if (taken)
      throw new ConflictError(`Conflict. The container name "/${name}" is already in use by container "${taken.id}".`, { status: 409 });
    c.spec.name = name;
  }

  async inspect(idOrName: string): Promise<ContainerState> {
    return this.snapshot(this.get(idOrName));
  }

  async list(labels: Record<string, string>): Promise<ContainerState[]> {
    return [...this.containers.values()].filter((c) => hasLabels(c.spec.labels, labels)).map((c) => this.snapshot(c));
  }

  async logs(id: string, opts: LogOptions = {}): Promise<Readable> {
    const c = this.get(id);
    let lines = c.log.filter((l) => opts.since === undefined || l.at >= opts.since);
    if (opts.tail !== undefined) lines = opts.tail > 0 ? lines.slice(-opts.tail) : [];
    const out = new PassThrough();
    for (const l of lines) out.write(opts.timestamps ? `${new Date(l.at).toISOString()} ${l.line}` : l.line);
    if (opts.follow && c.status === 'running') {
      c.followers.add(out);
      out.on('close', () => c.followers.delete(out));
    } else {
      out.end();
    }
    return out;
  }

  events(labels: Record<string, string>, onEvent: (e: RuntimeEvent) => void, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    const sub = { labels, onEvent };
    this.subscribers.add(sub);
    return new Promise((resolve) => {
      signal.addEventListener(
        'abort',
        () => {
          this.subscribers.delete(sub);
          resolve();
        },
        { once: true },
      );
    });
  }

  async ensurePauseImage(): Promise<string> {
    this.images.add(PAUSE_IMAGE);
    return PAUSE_IMAGE;
  }

  async imageLabels(image: string): Promise<Record<string, string> | undefined> {
    const ref = withTag(image);
    return this.images.has(ref) ? { ...this.labelsOf.get(ref) } : undefined;
  }

  /** A build "succeeds" when the Dockerfile's FROM image is present; its LABEL lines and `labels` are kept. */
  async buildImage(context: Buffer, opts: { tag: string; labels?: Record<string, string>; onOutput?: BuildOutput }): Promise<void> {
    const dockerfile = context.toString('latin1').match(/FROM\s+(\S+)[^\0]*/)?.[0] ?? '';
    const from = dockerfile.match(/FROM\s+(\S+)/)?.[1];
    if (!from) throw new RuntimeError('the build context has no Dockerfile with a FROM line', { status: 400 });
    if (from !== 'scratch' && !this.images.has(withTag(from)))
      throw new RuntimeError(`pull access denied for ${from}, repository does not exist`, { status: 404 });
    const labels: Record<string, string> = { ...this.labelsOf.get(withTag(from)) };
    for (const m of dockerfile.matchAll(/^LABEL\s+(\S+)=(\S+)$/gm)) labels[m[1]] = m[2].replace(/^"|"$/g, '');
    opts.onOutput?.(`Step 1/1 : FROM ${from}`);
    opts.onOutput?.(`Successfully tagged ${withTag(opts.tag)}`);
    this.images.add(withTag(opts.tag));
    this.labelsOf.set(withTag(opts.tag), { ...labels, ...opts.labels });
  }

  async importImage(rootfs: Readable, opts: { tag: string; changes?: string[] }): Promise<void> {
    for await (const _ of rootfs) {
      // drained, as the engine reads the whole archive
    }
    const labels: Record<string, string> = {};
    for (const change of opts.changes ?? []) for (const m of change.matchAll(/^LABEL\s+(\S+)=(\S+)$/g)) labels[m[1]] = m[2];
    this.images.add(withTag(opts.tag));
    this.labelsOf.set(withTag(opts.tag), labels);
  }

  async tagImage(source: string, target: string): Promise<void> {
    const ref = withTag(source);
    if (!this.images.has(ref)) throw new NotFoundError(`No such image: ${ref}`, { status: 404 });
    this.images.add(withTag(target));
    this.labelsOf.set(withTag(target), { ...this.labelsOf.get(ref) });
  }

  async bridgeNetwork(): Promise<BridgeNetwork | undefined> {
    return { gateway: '172.17.0.1', subnet: '172.17.0.0/16' };
  }

  async ensureHostNetwork(): Promise<void> {}

  // ---- internals ----

  /** By id, name (with or without the leading '/') or unique id prefix, as the engine resolves them. */
  private lookup(ref: string): FakeContainer | undefined {
    const all = [...this.containers.values()];
    const prefixed = all.filter((c) => c.id.startsWith(ref));
    return (
      this.containers.get(ref) ??
      all.find((c) => c.spec.name === ref.replace(/^\//, '')) ??
      (prefixed.length === 1 ? prefixed[0] : undefined)
    );
  }

  private get(ref: string): FakeContainer {
    const c = this.lookup(ref);
    if (!c) throw new NotFoundError(`No such container: ${ref}`, { status: 404 });
    return c;
  }

  /** Docker's start-time checks: the joined namespace and linked containers must be running. */
  private startFailure(c: FakeContainer): RuntimeError | undefined {
    const net = c.spec.network;
    if (net.mode === 'container') {
      const peer = this.lookup(net.containerId);
      if (!peer) return new RuntimeError(`No such container: ${net.containerId}`, { status: 404 });
      if (peer.status !== 'running') return new RuntimeError(`cannot join network of a non running container: ${peer.id}`, { status: 500 });
    }
    for (const link of c.spec.links ?? []) {
      const peer = this.lookup(link.split(':')[0]);
      if (peer?.status !== 'running')
        return new RuntimeError(`Cannot link to a non running container: /${link.split(':')[0]}`, { status: 500 });
    }
    for (const p of c.spec.ports ?? []) {
      if (p.hostPort && this.portInUse(p.hostPort, p.protocol)) {
        return new RuntimeError(
          `driver failed programming external connectivity: Bind for 0.0.0.0:${p.hostPort} failed: port is already allocated`,
          { status: 500 },
        );
      }
    }
    return undefined;
  }

  private portInUse(port: number, protocol: string): boolean {
    return [...this.containers.values()].some((c) => c.ports.some((p) => p.hostPort === port && p.protocol === protocol));
  }

  /** Fixed ports as asked; dynamic ones from 32768 up, skipping any in use (here or in this spec). */
  private allocatePorts(spec: ContainerSpec): ContainerState['ports'] {
    const out: ContainerState['ports'] = [];
    const busy = (port: number, protocol: string) =>
      this.portInUse(port, protocol) || out.some((q) => q.hostPort === port && q.protocol === protocol);
    for (const p of spec.ports ?? []) {
      let hostPort = p.hostPort || FIRST_EPHEMERAL_PORT;
      if (!p.hostPort) while (busy(hostPort, p.protocol)) hostPort++;
      out.push({ containerPort: p.containerPort, hostPort, hostIp: p.hostIp ?? '0.0.0.0', protocol: p.protocol });
    }
    return out;
  }

  /** A timer owned by the running container: cancelled when it exits, never keeps the process alive. */
  private later(c: FakeContainer, ms: number, fn: () => void): NodeJS.Timeout {
    const t = setTimeout(() => {
      c.timers.delete(t);
      fn();
    }, ms);
    t.unref();
    c.timers.add(t);
    return t;
  }

  private snapshot(c: FakeContainer): ContainerState {
    return {
      id: c.id,
      name: c.spec.name,
      image: c.spec.image,
      imageId: `sha256:${Buffer.from(withTag(c.spec.image)).toString('hex').padEnd(64, '0').slice(0, 64)}`,
      labels: { ...c.spec.labels },
      status: c.status,
      running: c.status === 'running',
      exitCode: c.exitCode,
      oomKilled: c.oomKilled,
      error: c.error,
      startedAt: c.startedAt,
      finishedAt: c.finishedAt,
      health: c.health,
      ports: c.ports.map((p) => ({ ...p })),
      ipAddress: c.ipAddress,
    };
  }

  private emit(c: FakeContainer, action: string): void {
    for (const s of this.subscribers) {
      if (!hasLabels(c.spec.labels, s.labels)) continue;
      try {
        s.onEvent({ containerId: c.id, action, labels: { ...c.spec.labels } });
      } catch {
        // A subscriber's bug must not break the engine, as with a real event stream.
      }
    }
  }
}
