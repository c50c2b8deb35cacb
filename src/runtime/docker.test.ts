/** Docker-specific behaviour the shared conformance suite cannot express (pure mapping, stalls). */
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import { DockerRuntime } from './docker.ts';
import { containerState, createOptions } from './docker-mapping.ts';
import { PullError } from './errors.ts';

describe('docker mapping', () => {
  it('maps a spec to the engine create body', () => {
    const body = createOptions({
      name: 'n',
      image: 'i:1',
      labels: { a: 'b' },
      env: { K: 'V' },
      command: ['c'],
      network: { mode: 'container', containerId: 'abc' },
      ports: [
        { containerPort: 80, protocol: 'tcp' },
        { containerPort: 53, hostPort: 5353, protocol: 'udp', hostIp: '127.0.0.1' },
      ],
      healthCheck: { test: ['CMD', 'true'], intervalMs: 1500, timeoutMs: 1000, retries: 3, startPeriodMs: 0 },
      ulimits: [{ name: 'nofile', soft: 1024, hard: 2048 }],
      memoryBytes: 1 << 20,
      init: true,
    });
    assert.deepEqual(body.Env, ['K=V']);
    assert.deepEqual(body.ExposedPorts, { '80/tcp': {}, '53/udp': {} });
    assert.deepEqual(body.HostConfig?.PortBindings, {
      '80/tcp': [{ HostPort: '' }],
      '53/udp': [{ HostPort: '5353', HostIp: '127.0.0.1' }],
    });
    assert.equal(body.HostConfig?.NetworkMode, 'container:abc');
    assert.equal(body.Healthcheck?.Interval, 1_500_000_000);
    assert.deepEqual(body.HostConfig?.Ulimits, [{ Name: 'nofile', Soft: 1024, Hard: 2048 }]);
    assert.equal(body.HostConfig?.Init, true);
  });

  it('normalises inspect output: absent times, health, deduplicated ports', () => {
    const state = containerState({
      Id: 'x',
      Name: '/web',
      Image: 'sha256:1',
      Config: { Image: 'i:1', Labels: null },
      State: {
        Status: 'running',
        Running: true,
        OOMKilled: false,
        ExitCode: 0,
        Error: '',
        StartedAt: '2024-05-01T10:00:00.123456789Z',
        FinishedAt: '0001-01-01T00:00:00Z',
        Health: { Status: 'healthy' },
      },
      NetworkSettings: {
        IPAddress: '',
        Networks: { bridge: { IPAddress: '172.17.0.5' } },
        Ports: {
          '80/tcp': [
            { HostIp: '0.0.0.0', HostPort: '32768' },
            { HostIp: '::', HostPort: '32768' },
          ],
          '81/tcp': null,
        },
      },
    } as never);
    assert.equal(state.name, 'web');
    assert.equal(state.startedAt, Date.parse('2024-05-01T10:00:00.123Z'));
    assert.equal(state.finishedAt, undefined);
    assert.equal(state.exitCode, undefined);
    assert.equal(state.health, 'healthy');
    assert.equal(state.ipAddress, '172.17.0.5');
    assert.deepEqual(state.labels, {});
    assert.deepEqual(state.ports, [{ containerPort: 80, hostPort: 32768, hostIp: '0.0.0.0', protocol: 'tcp' }]);
  });
});

const docker = new DockerRuntime(undefined, { pullIdleTimeoutMs: 1500 });
const down = await docker.ping().then(
  () => undefined,
  (err: Error) => err.message,
);

describe('DockerRuntime pulls', { skip: down }, () => {
  it('fails a pull that makes no progress with PullError instead of hanging', async () => {
    // A "registry" that accepts connections and never says a word.
    const sockets = new Set<Socket>();
    const silent = createServer((s) => sockets.add(s)).listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const t0 = Date.now();
      await assert.rejects(
        docker.ensureImage(`127.0.0.1:${port}/silent:1`),
        (err) => err instanceof PullError && /stalled/.test(err.message),
      );
      assert.ok(Date.now() - t0 < 10_000);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });
});
