import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../core/config.ts';
import type { SlipwayEvent } from '../core/events.ts';
import { FakeRuntime } from '../runtime/fake.ts';
import { type Slipway, startSlipway } from '../server/app.ts';

describe('console: API writes reach the event bus', () => {
  let app: Slipway;
  let dataDir: string;
  const seen: SlipwayEvent[] = [];
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'slipway-console-'));
    app = await startSlipway({ ...loadConfig({ port: '0', 'data-dir': dataDir }) }, { runtime: new FakeRuntime() });
    app.ctx.events.subscribe((e) => seen.push(e));
  });
  after(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = async (target: string, body: object) =>
    fetch(`${app.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body: JSON.stringify(body),
    });

  it('announces a change that succeeded, and neither a read nor a refused call', async () => {
    seen.length = 0;
    assert.equal((await call('AmazonEC2ContainerServiceV20141113.CreateCluster', { clusterName: 'announced' })).status, 200);
    assert.deepEqual(
      seen.filter((e) => e.type === 'ecs.api').map((e) => e.detail.operation),
      ['CreateCluster'],
    );

    seen.length = 0;
    assert.equal((await call('AmazonEC2ContainerServiceV20141113.DescribeClusters', { clusters: ['announced'] })).status, 200);
    assert.equal((await call('AmazonEC2ContainerServiceV20141113.UpdateService', { service: 'missing' })).status, 400);
    assert.equal((await call('AmazonEC2ContainerRegistry_V20150921.CreateRepository', { repositoryName: 'Bad Name' })).status, 400);
    assert.deepEqual(
      seen.map((e) => e.type),
      [],
    );

    // The service is named by its model: ECR's signing name, not its endpoint prefix.
    assert.equal((await call('AmazonEC2ContainerRegistry_V20150921.CreateRepository', { repositoryName: 'announced' })).status, 200);
    assert.deepEqual(
      seen.map((e) => [e.type, e.detail.operation]),
      [['ecr.api', 'CreateRepository']],
    );
  });
});
