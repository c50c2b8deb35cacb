import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { DataPlaneConfig } from './dataplane.ts';
import { HaproxyDataPlane } from './haproxy.ts';
import { haproxyInstalled } from './testing.ts';

describe('HAProxy data plane', () => {
  it('an apply that changes nothing sends and writes nothing; a server change goes through the Runtime API', {
    skip: !haproxyInstalled(),
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-haproxy-unit-'));
    const dataPlane = new HaproxyDataPlane(dir);
    const config = (state: 'ready' | 'maint'): DataPlaneConfig => ({
      frontends: [
        {
          key: 'f1',
          loadBalancer: 'lb1',
          address: '127.0.0.1',
          port,
          idleTimeoutSec: 60,
          routes: [{ key: 'r1', conditions: [], action: { kind: 'forward', targets: [{ backend: 'tg1', weight: 1 }] } }],
        },
      ],
      backends: [
        { key: 'tg1', algorithm: 'roundrobin', idleTimeoutSec: 60, servers: [{ key: '127.0.0.1:9', host: '127.0.0.1', port: 9, state }] },
      ],
    });
    const written = () => [statSync(join(dir, 'haproxy.cfg')).ino, statSync(join(dir, 'applied.json')).ino];
    const port = await freePort();
    try {
      await dataPlane.start();
      assert.equal((await dataPlane.apply(config('ready'))).commands, 0);
      assert.ok(dataPlane.pid());
      const before = written();

      const same = await dataPlane.apply(config('ready'));
      assert.deepEqual({ reloaded: same.reloaded, commands: same.commands }, { reloaded: false, commands: 0 });
      assert.deepEqual(written(), before, 'nothing rewritten');

      const changed = await dataPlane.apply(config('maint'));
      assert.equal(changed.reloaded, false);
      assert.ok(changed.commands > 0);
      assert.notDeepEqual(written(), before);
      assert.match(readFileSync(join(dir, 'haproxy.cfg'), 'utf8'), /server s1 127\.0\.0\.1:9 disabled/);
    } finally {
      await dataPlane.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
