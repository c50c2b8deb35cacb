/** The fake's test helpers, which the conformance suite does not exercise. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeRuntime } from './fake.ts';
import { PullError } from './errors.ts';
import type { ContainerSpec, RuntimeEvent } from './types.ts';

const spec = (name: string, extra: Partial<ContainerSpec> = {}): ContainerSpec => ({
  name,
  image: 'app:1',
  labels: { app: name },
  network: { mode: 'bridge' },
  ports: [{ containerPort: 80, protocol: 'tcp' }],
  ...extra,
});

describe('FakeRuntime helpers', () => {
  it('exits containers on demand, with OOM, and reports events', async () => {
    const fake = new FakeRuntime();
    fake.addImage('app');
    fake.addImage('app:1');
    const events: RuntimeEvent[] = [];
    const abort = new AbortController();
    const done = fake.events({ app: '' }, (e) => events.push(e), abort.signal);
    const id = await fake.create(spec('a'));
    await fake.start(id);
    fake.writeLog(id, 'line one\nline two\n');
    fake.exit(id, 137, { oomKilled: true });
    const state = await fake.inspect(id);
    assert.equal(state.exitCode, 137);
    assert.equal(state.oomKilled, true);
    assert.deepEqual(
      events.map((e) => e.action),
      ['create', 'start', 'oom', 'die'],
    );
    abort.abort();
    await done;
  });

  it('allocates dynamic host ports from 32768 upward without reuse while running', async () => {
    const fake = new FakeRuntime();
    fake.addImage('app:1');
    const ports: number[] = [];
    for (const name of ['a', 'b']) {
      const id = await fake.create(
        spec(name, {
          ports: [
            { containerPort: 80, protocol: 'tcp' },
            { containerPort: 81, protocol: 'tcp' },
          ],
        }),
      );
      await fake.start(id);
      ports.push(...(await fake.inspect(id)).ports.map((p) => p.hostPort));
    }
    assert.deepEqual(ports, [32768, 32769, 32770, 32771]);
  });

  it('switches health on demand and fails pulls it was told to fail', async () => {
    const fake = new FakeRuntime();
    fake.addImage('app:1');
    const id = await fake.create(
      spec('h', { healthCheck: { test: ['CMD', 'true'], intervalMs: 60_000, timeoutMs: 1000, retries: 3, startPeriodMs: 0 } }),
    );
    await fake.start(id);
    assert.equal((await fake.inspect(id)).health, 'starting');
    fake.setHealth(id, 'unhealthy');
    assert.equal((await fake.inspect(id)).health, 'unhealthy');
    fake.failPull('registry.example/app:2', 'manifest unknown');
    await assert.rejects(
      fake.ensureImage('registry.example/app:2'),
      (err) => err instanceof PullError && err.message === 'manifest unknown',
    );
    await fake.ensureImage('registry.example/app:3');
    await fake.create(spec('pulled', { image: 'registry.example/app:3' }));
  });
});
