import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ServiceRecord } from './model.ts';
import { MAX_WAKE_MS, MOVING_MS, Tick } from './service-tick.ts';
import { memoryEcs } from './testing.ts';

const record = (): ServiceRecord => ({
  service: {
    serviceArn: 'arn:aws:ecs:us-east-1:000000000000:service/default/s',
    serviceName: 's',
    clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/default',
    status: 'ACTIVE',
  },
  deployments: [],
  events: [],
});

describe('Tick.wake', () => {
  it('keeps the earliest request', () => {
    const t = new Tick(memoryEcs().ecs, record());
    t.wake(5000);
    t.wake(MOVING_MS);
    t.wake(3000);
    assert.equal(t.requeueAfterMs, MOVING_MS);
  });

  it('never asks for more than a timer can wait (a grace period of 2147483647 s)', () => {
    const t = new Tick(memoryEcs().ecs, record());
    t.wake(2147483647 * 1000);
    assert.equal(t.requeueAfterMs, MAX_WAKE_MS);
    assert.ok(MAX_WAKE_MS <= 2 ** 31 - 1);
  });
});
