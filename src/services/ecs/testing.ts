/**
 * @module services/ecs/testing
 * An ECS room over an in-memory store and no engine, for unit tests of its handlers.
 */
import assert from 'node:assert/strict';
import { createClock } from '../../core/clock.ts';
import { loadConfig } from '../../core/config.ts';
import { EventBus } from '../../core/events.ts';
import type { RequestContext } from '../../protocol/types.ts';
import type { ContainerRuntime } from '../../runtime/types.ts';
import { Store } from '../../store/index.ts';
import { ecsHandlers } from './api.ts';
import type { EcsContext } from './context.ts';
import { EcsModel } from './model.ts';
import type { EcsOperations } from './shapes.ts';

const ctx: RequestContext = { region: 'us-east-1', account: '000000000000', requestId: 'r', endpoint: 'http://local' };

export function memoryEcs() {
  const store = Store.open(':memory:');
  const ecs: EcsContext = {
    config: { ...loadConfig({}, {}), instanceCpu: 2048, instanceMemoryMiB: 1000 },
    store,
    edge: { url: '', host: '127.0.0.1', port: 0 },
    clock: createClock(1),
    runtime: {} as ContainerRuntime,
    events: new EventBus(),
    model: new EcsModel(store),
    engine: { id: 'e', name: 'local', version: '1', cpus: 2, memoryBytes: 2 ** 30, os: 'linux', arch: 'x86_64' },
    enqueueTask: () => {},
    enqueueService: () => {},
    // Handlers never reach other rooms; a call through these would be a bug in the test.
    elb: unreachable('elb'),
    ecr: unreachable('ecr'),
    s3: unreachable('s3'),
    secrets: unreachable('secrets'),
    logs: unreachable('logs'),
    credentials: unreachable('credentials'),
    roles: unreachable('roles'),
    relay: unreachable('relay'),
    awslogs: unreachable('awslogs'),
  };
  const h = ecsHandlers(ecs) as Required<ReturnType<typeof ecsHandlers>>;
  const call = async <K extends keyof EcsOperations>(op: K, input: EcsOperations[K]['input']): Promise<EcsOperations[K]['output']> =>
    (h[op] as (i: unknown, c: RequestContext) => Promise<EcsOperations[K]['output']>)(input, ctx);
  return { ecs, call };
}

function unreachable<T extends object>(room: string): T {
  return new Proxy({} as T, {
    get: (_target, name) => () => {
      throw new Error(`the ${room} facade was called (${String(name)}) from a handler under test`);
    },
  });
}

/** Awaits an SDK call that ECS refuses: the error's name, and its message exactly (or matching). */
export async function rejects(p: Promise<unknown>, name: string, message: string | RegExp): Promise<void> {
  await assert.rejects(p, (e: Error) => {
    assert.equal(e.name, name, e.message);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return true;
  });
}
