import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClock } from '../../core/clock.ts';
import { Store } from '../../store/store.ts';
import { defaultAttributes } from './attributes.ts';
import { desiredConfig } from './desired.ts';
import { HEALTH_DEFAULTS } from './health.ts';
import { elbModel, type StoredLoadBalancer, type StoredTargetGroup } from './model.ts';
import type { Action } from './shapes.ts';

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
    const lb: StoredLoadBalancer = {
      LoadBalancerArn: lbArn,
      LoadBalancerName: 'lb',
      DNSName: '127.0.1.1',
      CreatedTime: 0,
      Scheme: 'internet-facing',
      VpcId: 'vpc-1',
      State: { Code: 'active' },
      Type: 'application',
      AvailabilityZones: [],
      SecurityGroups: [],
      IpAddressType: 'ipv4',
    };
    model.putLoadBalancer({ lb, attributes: lbAttributes, tags: [], address: '127.0.1.1' });
    const tg: StoredTargetGroup = {
      TargetGroupArn: tgArn,
      TargetGroupName: 'tg',
      Protocol: 'HTTP',
      Port: 80,
      VpcId: 'vpc-1',
      TargetType: 'ip',
      ProtocolVersion: 'HTTP1',
      IpAddressType: 'ipv4',
      ...HEALTH_DEFAULTS,
    };
    model.putTargetGroup({
      tg,
      attributes: { 'slow_start.duration_seconds': '60', 'stickiness.enabled': 'true', 'stickiness.lb_cookie.duration_seconds': '1' },
      tags: [],
    });
    const actions: Action[] = [{ Type: 'forward', TargetGroupArn: tgArn }];
    model.putListener({
      listener: { ListenerArn: listenerArn, LoadBalancerArn: lbArn, Port: 8000, Protocol: 'HTTP', DefaultActions: actions },
      tags: [],
    });
    model.putRule({
      rule: { RuleArn: `${listenerArn}/default`, Priority: 'default', Conditions: [], Actions: actions, IsDefault: true },
      listenerArn,
      priority: 1_000_000,
      tags: [],
    });

    const { frontends, backends } = desiredConfig(model, createClock(20), new Map());
    assert.deepEqual(frontends[0].headers, { xff: 'remove', xffClientPort: false, preserveHost: true, dropInvalidHeaders: false });
    assert.equal(backends[0].algorithm, 'roundrobin');
    assert.equal(backends[0].slowStartMs, 3000, '60 s at time scale 20');
    assert.deepEqual(backends[0].sticky, { kind: 'lb_cookie', seconds: 1 }, 'at least a second');
  });
});
