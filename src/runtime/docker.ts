/**
 * @module runtime/docker
 * ContainerRuntime on Docker Engine through dockerode. It translates and classifies errors; it does
 * not retry or decide (controllers do). Spec/state mapping lives in docker-mapping.ts.
 */
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import Docker from 'dockerode';
import { bridgeNetwork, buildImage, ensureHostNetwork, imageLabels, importImage, tagImage } from './docker-images.ts';
import { containerState, createOptions } from './docker-mapping.ts';
import { ConflictError, NotFoundError, PullError, RuntimeError, UnsupportedError } from './errors.ts';
import { BUSYBOX_PAUSE_CMD, PAUSE_IMAGE, busyboxRootfs, isStaticElf, pauseArchSupported, pauseRootfs } from './pause-image.ts';
import { DemuxStream, readJsonLines } from './streams.ts';
import type {
  BridgeNetwork,
  BuildOutput,
  ContainerRuntime,
  ContainerSpec,
  ContainerState,
  EngineInfo,
  LogOptions,
  PullProgress,
  RegistryAuth,
  RuntimeEvent,
} from './types.ts';

/** A pull that receives no bytes at all for this long is stuck (e.g. a registry that never answers). */
const PULL_IDLE_TIMEOUT_MS = 120_000;

/** Event attributes the engine adds next to the container's labels; not labels themselves. */
const NON_LABEL_ATTRIBUTES = new Set(['image', 'name', 'exitCode', 'signal', 'execID', 'execDuration']);

interface EngineErrorShape {
  statusCode?: number;
  json?: { message?: string } | string | null;
  message?: string;
}

function engineStatus(err: unknown): number | undefined {
  return (err as EngineErrorShape | undefined)?.statusCode;
}

/** The engine's own words: dockerode wraps them as "(HTTP code 404) no such container - ...". */
function engineMessage(err: unknown): string {
  const e = err as EngineErrorShape | undefined;
  const json = e?.json;
  if (json && typeof json === 'object' && json.message) return json.message;
  if (typeof json === 'string' && json.trim()) return json.trim();
  // Streamed replies carry no parsed body: the engine's text is after dockerode's prefix.
  return (e?.message ?? String(err)).replace(/^\(HTTP code \d+\) .*? - /, '').trim();
}

function classify(err: unknown): RuntimeError {
  if (err instanceof RuntimeError) return err;
  const status = engineStatus(err);
  const message = engineMessage(err);
  if (status === 404) return new NotFoundError(message, { status, cause: err });
  if (status === 409) return new ConflictError(message, { status, cause: err });
  return new RuntimeError(message, { status, cause: err });
}

export class DockerRuntime implements ContainerRuntime {
  readonly name = 'docker';
  /** The client itself, for tooling (test image builds) that needs engine calls outside the interface. */
  readonly docker: Docker;
  private readonly pullIdleTimeoutMs: number;
  private pauseImage?: Promise<string>;

  /** Without options, docker-modem uses DOCKER_HOST when set, else /var/run/docker.sock. */
  constructor(options?: Docker.DockerOptions, tuning: { pullIdleTimeoutMs?: number } = {}) {
    this.docker = new Docker(options);
    this.pullIdleTimeoutMs = tuning.pullIdleTimeoutMs ?? PULL_IDLE_TIMEOUT_MS;
  }

  async ping(): Promise<void> {
    try {
      await this.docker.ping();
    } catch (err) {
      throw new RuntimeError(`Docker Engine not reachable: ${engineMessage(err)}`, { cause: err });
    }
  }

  async info(): Promise<EngineInfo> {
    const i = await this.docker.info().catch((err) => {
      throw classify(err);
    });
    return { id: i.ID, name: i.Name, version: i.ServerVersion, cpus: i.NCPU, memoryBytes: i.MemTotal, os: i.OSType, arch: i.Architecture };
  }

  private async hasImage(image: string): Promise<boolean> {
    try {
      await this.docker.getImage(image).inspect();
      return true;
    } catch (err) {
      if (engineStatus(err) === 404) return false;
      throw classify(err);
    }
  }

  async ensureImage(image: string, opts: { auth?: RegistryAuth; onProgress?: (p: PullProgress) => void } = {}): Promise<void> {
    if (await this.hasImage(image)) return;
    const idle = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const rearm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(), this.pullIdleTimeoutMs);
    };
    const stalled = () => new PullError(image, `pull of ${image} stalled: no progress for ${Math.round(this.pullIdleTimeoutMs / 1000)}s`);
    rearm(); // covers the request itself too: the engine answers only once the registry does
    try {
      const stream = (await this.docker.pull(image, { authconfig: opts.auth, abortSignal: idle.signal })) as Readable;
      idle.signal.addEventListener('abort', () => stream.destroy(), { once: true });
      stream.on('data', rearm);
      await readJsonLines(stream, (msg) => {
        if (msg.error || msg.errorDetail) throw new PullError(image, msg.errorDetail?.message ?? msg.error);
        const detail = msg.progressDetail ?? {};
        opts.onProgress?.({ status: String(msg.status ?? msg.raw ?? ''), id: msg.id, current: detail.current, total: detail.total });
      });
      if (idle.signal.aborted) throw stalled();
    } catch (err) {
      if (err instanceof PullError) throw err;
      if (idle.signal.aborted) throw stalled();
      throw new PullError(image, engineMessage(err), { status: engineStatus(err), cause: err });
    } finally {
      clearTimeout(timer);
    }
    // A stream cut short without an error message must not pass for a successful pull.
    if (!(await this.hasImage(image))) throw new PullError(image, `pull of ${image} ended but the engine does not have it`);
  }

  async create(spec: ContainerSpec): Promise<string> {
    try {
      const container = await this.docker.createContainer(createOptions(spec));
      return container.id;
    } catch (err) {
      throw classify(err);
    }
  }

  async start(id: string): Promise<void> {
    try {
      await this.docker.getContainer(id).start();
    } catch (err) {
      if (engineStatus(err) === 304) return; // already running
      // A 404 can name another container (the one whose network namespace this one joins).
      if (engineStatus(err) === 404 && (await this.exists(id))) {
        throw new RuntimeError(engineMessage(err), { status: 404, cause: err });
      }
      throw classify(err);
    }
  }

  private async exists(id: string): Promise<boolean> {
    return this.inspect(id).then(
      () => true,
      () => false,
    );
  }

  async stop(id: string, timeoutSec: number): Promise<void> {
    try {
      await this.docker.getContainer(id).stop({ t: Math.max(0, Math.round(timeoutSec)) });
    } catch (err) {
      const status = engineStatus(err);
      if (status === 304 || status === 404) return; // already stopped, or gone
      throw classify(err);
    }
  }

  async remove(id: string): Promise<void> {
    try {
      await this.docker.getContainer(id).remove({ force: true, v: true });
    } catch (err) {
      const status = engineStatus(err);
      if (status === 404) return;
      if (status === 409 && /in progress/i.test(engineMessage(err))) return;
      throw classify(err);
    }
  }

  async rename(id: string, name: string): Promise<void> {
    try {
      await this.docker.getContainer(id).rename({ name });
    } catch (err) {
      throw classify(err);
    }
  }

  async inspect(idOrName: string): Promise<ContainerState> {
    try {
      return containerState(await this.docker.getContainer(idOrName).inspect());
    } catch (err) {
      throw classify(err);
    }
  }

  async list(labels: Record<string, string>): Promise<ContainerState[]> {
    const label = Object.entries(labels).map(([k, v]) => (v === '' ? k : `${k}=${v}`));
    const summaries = await this.docker.listContainers({ all: true, filters: label.length ? { label } : {} }).catch((err) => {
      throw classify(err);
    });
    const states = await Promise.all(
      summaries.map((s) =>
        this.inspect(s.Id).catch((err) => {
          if (err instanceof NotFoundError) return undefined; // removed between list and inspect
          throw err;
        }),
      ),
    );
    return states.filter((s): s is ContainerState => s !== undefined);
  }

  async logs(id: string, opts: LogOptions = {}): Promise<Readable> {
    const query = {
      stdout: true,
      stderr: true,
      follow: opts.follow ?? false,
      timestamps: opts.timestamps ?? false,
      ...(opts.since !== undefined ? { since: Math.floor(opts.since / 1000) } : {}),
      ...(opts.tail !== undefined ? { tail: opts.tail } : {}),
    };
    let raw: Buffer | NodeJS.ReadableStream;
    try {
      // dockerode resolves a Buffer without follow and a live stream with it.
      raw = (await this.docker.getContainer(id).logs(query as Docker.ContainerLogsOptions & { follow: true })) as
        | Buffer
        | NodeJS.ReadableStream;
    } catch (err) {
      throw classify(err);
    }
    const text = new DemuxStream();
    if (Buffer.isBuffer(raw)) {
      text.end(raw);
    } else {
      const source = raw as Readable;
      source.on('error', (err) => text.destroy(err));
      text.on('close', () => source.destroy()); // a reader that stops following frees the connection
      source.pipe(text);
    }
    return text;
  }

  async events(labels: Record<string, string>, onEvent: (e: RuntimeEvent) => void, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    const label = Object.entries(labels).map(([k, v]) => (v === '' ? k : `${k}=${v}`));
    // Replay from the moment of the call, so events between this call and the engine answering are
    // not lost to a subscriber that acts right after subscribing.
    const query: Docker.GetEventsOptions & { abortSignal: AbortSignal } = {
      since: Date.now() / 1000,
      filters: { type: ['container'], label },
      abortSignal: signal,
    };
    let stream: Readable;
    try {
      stream = (await this.docker.getEvents(query)) as Readable;
    } catch (err) {
      if (signal.aborted) return;
      throw classify(err);
    }
    const onAbort = () => stream.destroy();
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await readJsonLines(stream, (msg) => {
        const actor = msg.Actor ?? {};
        const containerId: string | undefined = actor.ID ?? msg.id;
        if (!containerId || !msg.Action) return;
        const attrs: Record<string, string> = actor.Attributes ?? {};
        onEvent({
          containerId,
          // "health_status: healthy", "exec_start: sh -c ..." carry detail after the colon.
          action: String(msg.Action).split(':')[0].trim(),
          labels: Object.fromEntries(Object.entries(attrs).filter(([k]) => !NON_LABEL_ATTRIBUTES.has(k))),
        });
      });
    } catch (err) {
      if (!signal.aborted) throw classify(err);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  imageLabels(image: string): Promise<Record<string, string> | undefined> {
    return imageLabels(this.docker, image);
  }

  buildImage(context: Buffer, opts: { tag: string; labels?: Record<string, string>; onOutput?: BuildOutput }): Promise<void> {
    return buildImage(this.docker, context, opts);
  }

  importImage(rootfs: Readable, opts: { tag: string; changes?: string[] }): Promise<void> {
    return importImage(this.docker, rootfs, opts);
  }

  tagImage(source: string, target: string): Promise<void> {
    return tagImage(this.docker, source, target);
  }

  bridgeNetwork(): Promise<BridgeNetwork | undefined> {
    return bridgeNetwork(this.docker);
  }

  ensureHostNetwork(name: string, subnet: string, gateway: string): Promise<void> {
    return ensureHostNetwork(this.docker, name, subnet, gateway);
  }

  ensurePauseImage(): Promise<string> {
    // One build per process even when many tasks start at once; a failure may be retried.
    this.pauseImage ??= this.buildPauseImage().catch((err) => {
      this.pauseImage = undefined;
      throw err;
    });
    return this.pauseImage;
  }

  private async buildPauseImage(): Promise<string> {
    if (await this.hasImage(PAUSE_IMAGE)) return PAUSE_IMAGE;
    const { arch } = await this.info();
    let rootfs: Buffer;
    let cmd = ['/pause'];
    if (pauseArchSupported(arch)) {
      rootfs = pauseRootfs(arch);
    } else {
      const busybox = await readFile('/bin/busybox').catch(() => undefined);
      if (!busybox || !isStaticElf(busybox)) {
        throw new UnsupportedError(`no pause binary for ${arch} and no static /bin/busybox (install busybox-static)`);
      }
      rootfs = busyboxRootfs(busybox);
      cmd = BUSYBOX_PAUSE_CMD;
    }
    const [repo, tag] = PAUSE_IMAGE.split(':');
    try {
      const stream = await this.docker.importImage(Readable.from([rootfs]), { repo, tag, changes: [`CMD ${JSON.stringify(cmd)}`] });
      await readJsonLines(stream, (msg) => {
        if (msg.error || msg.errorDetail) throw new RuntimeError(msg.errorDetail?.message ?? msg.error);
      });
    } catch (err) {
      throw classify(err);
    }
    return PAUSE_IMAGE;
  }
}
