/**
 * @module runtime
 * The runtime room's surface: the ContainerRuntime interface, its typed errors, the Docker and
 * in-memory drivers, and createRuntime(), which gives the Docker driver behind the logging wrapper.
 */
import type Docker from 'dockerode';
import { DockerRuntime } from './docker.ts';
import { ConflictError, NotFoundError, RuntimeError } from './errors.ts';
import type { ContainerRuntime } from './types.ts';

export type * from './types.ts';
export * from './errors.ts';
export { DockerRuntime } from './docker.ts';
export { FakeRuntime, type FakeBehaviour } from './fake.ts';
export { PAUSE_IMAGE } from './pause-image.ts';

export type RuntimeLog = (level: 'debug' | 'warn', message: string) => void;

/** The interface's calls; anything else (fake helpers, DockerRuntime.docker) passes through as is. */
const RUNTIME_CALLS = new Set<string>([
  'ping',
  'info',
  'ensureImage',
  'create',
  'start',
  'stop',
  'remove',
  'rename',
  'inspect',
  'list',
  'logs',
  'events',
  'ensurePauseImage',
  'imageLabels',
  'buildImage',
  'importImage',
  'tagImage',
  'bridgeNetwork',
  'ensureHostNetwork',
] satisfies (keyof ContainerRuntime)[]);

const debugEnabled = process.env.SLIPWAY_LOG === 'debug';

function stderrLog(level: 'debug' | 'warn', message: string): void {
  if (level === 'debug' && !debugEnabled) return;
  process.stderr.write(`${new Date().toISOString()} ${level.padEnd(5)} [runtime] ${message}\n`);
}

/** The engine Slipway runs containers on: Docker (DOCKER_HOST or /var/run/docker.sock by default). */
export function createRuntime(opts: { docker?: Docker.DockerOptions; log?: RuntimeLog } = {}): ContainerRuntime {
  return withLogging(new DockerRuntime(opts.docker), opts.log);
}

/**
 * Wraps a driver so each failing call is logged once with its duration, and runtime errors carry
 * the driver's name. NotFound and Conflict are routine for reconcile loops, so they log at debug.
 */
export function withLogging<R extends ContainerRuntime>(inner: R, log: RuntimeLog = stderrLog): R {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string' || !RUNTIME_CALLS.has(prop)) return value;
      return async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await value.apply(target, args);
        } catch (err) {
          if (err instanceof RuntimeError) err.driver ??= target.name;
          const routine = err instanceof NotFoundError || err instanceof ConflictError;
          const ms = Math.round(performance.now() - started);
          const subject = typeof args[0] === 'string' ? `(${args[0]})` : '';
          log(routine ? 'debug' : 'warn', `${target.name}.${prop}${subject} failed after ${ms}ms: ${(err as Error).message ?? err}`);
          throw err;
        }
      };
    },
  });
}
