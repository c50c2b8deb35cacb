/**
 * @module services/codebuild/pool
 * Warm build containers, as CodeBuild's reserved-capacity fleets keep instances ready. For each kind
 * of build (image, compute type, privileged mode) one container is created and started ahead of the
 * next build, idle on an empty work directory with no environment (build-container.ts,
 * pooledContainerSpec). A build takes it: the container's directory becomes the build's work
 * directory, the container takes the build's name, and once the runner and the build's environment
 * are written, `release` lets it run them. A container serves one build and is never reused. The
 * pool refills once that build is over (`refill`, in the lull after its outcome), not while it runs:
 * starting a container on the engine beside the build's own commands slows them. An empty pool (a
 * kind's first build, or one after a build that was stopped) starts filling at once. At most a few
 * kinds are kept (the least recently used goes); the pool is drained at shutdown, and at start
 * whatever an earlier process of this data directory left (idle or mid-build) is removed.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { logger } from '../../core/log.ts';
import type { ContainerRuntime } from '../../runtime/types.ts';
import { ENV_FILE, RELEASE_FIFO, WORK_SUBDIRS, makeReleaseFifo, pooledContainerSpec } from './build-container.ts';
import { quote } from './runner.ts';

const log = logger('codebuild.pool');

/** Names a container keeps from its pool until a build takes it; the value is the pool's directory. */
export const POOL_LABEL = 'slipway.codebuild.pool';
/** Kinds of build kept warm at once. */
const KINDS = 4;
const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface PoolKind {
  image: string;
  computeType: string;
  privileged: boolean;
}

interface Ready {
  id: string;
  dir: string;
}

export function poolDir(dataDir: string): string {
  return join(dataDir, 'codebuild', 'pool');
}

export class BuildPool {
  private readonly dir: string;
  /** Ready containers by kind, least recently used first. */
  private readonly ready = new Map<string, Ready>();
  private readonly filling = new Map<string, Promise<void>>();
  private cleared?: Promise<void>;
  private closed = false;

  constructor(
    private readonly runtime: ContainerRuntime,
    dataDir: string,
  ) {
    this.dir = poolDir(dataDir);
  }

  /**
   * A started container for this kind, its directory moved to `work` and itself renamed `name`, or
   * undefined when none is ready (and the pool starts making one).
   */
  async take(kind: PoolKind, work: string, name: string): Promise<string | undefined> {
    const key = JSON.stringify(kind);
    const slot = this.ready.get(key);
    this.ready.delete(key);
    if (!slot) {
      this.fill(key, kind);
      return undefined;
    }
    try {
      await mkdir(dirname(work), { recursive: true });
      await rename(slot.dir, work);
      await this.runtime.rename(slot.id, name);
      return slot.id;
    } catch (err) {
      log.warn(`a warm build container could not be taken: ${(err as Error).message}`);
      await this.discard(slot.id, work);
      this.fill(key, kind);
      return undefined;
    }
  }

  /**
   * Lets a taken container run the runner in `work` with `env`. False when it cannot (a variable
   * name the shell cannot export, or the container is no longer waiting): the caller removes it and
   * runs the build on a container of its own.
   */
  async release(work: string, env: Record<string, string>): Promise<boolean> {
    if (!Object.keys(env).every((name) => SHELL_NAME.test(name))) return false;
    const lines = Object.entries(env).map(([name, value]) => `export ${name}=${quote(value)}`);
    await writeFile(join(work, 'slipway', ENV_FILE), `${lines.join('\n')}\n`, { mode: 0o600 });
    // Non-blocking: opening fails (ENXIO) at once when no one reads the FIFO, i.e. the container is gone.
    const fifo = await open(join(work, 'slipway', RELEASE_FIFO), constants.O_WRONLY | constants.O_NONBLOCK).catch(() => undefined);
    if (!fifo) return false;
    try {
      await fifo.write('go\n');
      return true;
    } catch {
      return false;
    } finally {
      await fifo.close();
    }
  }

  /** Makes the next container of this kind, unless one is ready or being made: a build that took one is over. */
  refill(kind: PoolKind): void {
    const key = JSON.stringify(kind);
    if (!this.ready.has(key)) this.fill(key, kind);
  }

  /** Clears what an earlier process left, before any build can take a container; resolves once it is cleared. */
  start(): Promise<void> {
    this.cleared ??= this.clear().catch((err) =>
      log.warn(`warm build containers left earlier could not be removed: ${(err as Error).message}`),
    );
    return this.cleared;
  }

  /** Removes every container this pool holds or makes, and stops making them. */
  async drain(): Promise<void> {
    this.closed = true;
    await Promise.all(this.filling.values());
    for (const slot of this.ready.values()) await this.discard(slot.id, slot.dir);
    this.ready.clear();
  }

  private fill(key: string, kind: PoolKind): void {
    if (this.closed || this.filling.has(key)) return;
    const filled = this.make(key, kind)
      .catch((err) => log.warn(`a warm build container could not be made: ${(err as Error).message}`))
      .finally(() => this.filling.delete(key));
    this.filling.set(key, filled);
  }

  private async make(key: string, kind: PoolKind): Promise<void> {
    await this.start();
    const name = `slipway-codebuild-pool-${randomBytes(8).toString('hex')}`;
    const dir = join(this.dir, name);
    for (const sub of WORK_SUBDIRS) await mkdir(join(dir, sub), { recursive: true });
    await makeReleaseFifo(dir);
    let id: string | undefined;
    try {
      id = await this.runtime.create(
        pooledContainerSpec({ name, labels: { [POOL_LABEL]: this.dir }, image: kind.image, work: dir, privileged: kind.privileged }),
      );
      await this.runtime.start(id);
    } catch (err) {
      await this.discard(id, dir);
      throw err;
    }
    if (this.closed || this.ready.has(key)) return this.discard(id, dir);
    this.ready.set(key, { id, dir });
    for (const [old, slot] of this.ready) {
      if (this.ready.size <= KINDS) break;
      this.ready.delete(old);
      await this.discard(slot.id, slot.dir);
    }
  }

  /** What an earlier process of this data directory left: its containers, idle or taken by a build, and their directories. */
  private async clear(): Promise<void> {
    for (const c of await this.runtime.list({ [POOL_LABEL]: this.dir })) await this.runtime.remove(c.id).catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }

  private async discard(id: string | undefined, dir: string): Promise<void> {
    if (id) await this.runtime.remove(id).catch(() => undefined);
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
