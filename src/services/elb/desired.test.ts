import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClock } from '../../core/clock.ts';
import { Store } from '../../store/store.ts';
import { defaultAttributes } from './attributes.ts';
import { desiredConfig } from './desired.ts';
import { elbModel } from './model.ts';
import { putHttpListener, storedLoadBalancer, storedTargetGroup } from './testing.ts';

describe('desired data plane state', () => {
  it('reads the attributes that shape traffic, with durations on the clock’s time scale', () => {
    const model = elbModel(Store.open(':memory:'));
    const lbArn = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/lb/1';
    const tgArn = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/tg/2';
    const listenerArn = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:listener/app/lb/1/3';
    const lbAttributes = {
      ...defaultAttributes('lb'),
      'routing.http.xff_header_processing.mode': 'remove',
      'routing.http.preserve_host_header.enabled': 'true',
    };
    const lb = storedLoadBalancer(lbArn, 'lb');
    model.putLoadBalancer({ lb, attributes: lbAttributes, tags: [], address: '127.0.1.1' });
    const tg = storedTargetGroup(tgArn, 'tg');
    model.putTargetGroup({
      tg,
      attributes: { 'slow_start.duration_seconds': '60', 'stickiness.enabled': 'true', 'stickiness.lb_cookie.duration_seconds': '1' },
      tags: [],
    });
    putHttpListener(model, lbArn, listenerArn, 8000, tgArn);

    const { frontends, backends } = desiredConfig(model, createClock(20), new Map());
    assert.deepEqual(frontends[0].headers, { xff: 'remove', xffClientPort: false, preserveHost: true, dropInvalidHeaders: false });
    assert.equal(backends[0].algorithm, 'roundrobin');
    assert.equal(backends[0].slowStartMs, 3000, '60 s at time scale 20');
    assert.deepEqual(backends[0].sticky, { kind: 'lb_cookie', seconds: 1 }, 'at least a second');
  });
});
