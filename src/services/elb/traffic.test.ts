import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../../core/errors.ts';
import { Store } from '../../store/store.ts';
import { type ElbModel, elbModel } from './model.ts';
import type { Action } from './shapes.ts';
import { storedLoadBalancer, storedTargetGroup } from './testing.ts';
import { elbTrafficFacade } from './traffic.ts';

const ARN = 'arn:aws:elasticloadbalancing:us-east-1:000000000000';

function world() {
  const model = elbModel(Store.open(':memory:'));
  for (const lb of ['lb', 'other']) {
    model.putLoadBalancer({
      lb: storedLoadBalancer(`${ARN}:loadbalancer/app/${lb}/1`, lb),
      attributes: {},
      tags: [],
      address: lb === 'lb' ? '127.0.1.1' : '127.0.1.2',
    });
  }
  for (const name of ['blue', 'green', 'elsewhere']) {
    model.putTargetGroup({ tg: storedTargetGroup(`${ARN}:targetgroup/${name}/1`, name), attributes: {}, tags: [] });
  }
  const listen = (lb: string, id: string, to: string) => {
    const listenerArn = `${ARN}:listener/app/${lb}/1/${id}`;
    const actions: Action[] = [{ Type: 'forward', TargetGroupArn: `${ARN}:targetgroup/${to}/1` }];
    const LoadBalancerArn = `${ARN}:loadbalancer/app/${lb}/1`;
    model.putListener({
      listener: { ListenerArn: listenerArn, LoadBalancerArn, Port: 80, Protocol: 'HTTP', DefaultActions: actions },
      tags: [],
    });
    model.putRule({
      rule: { RuleArn: `${listenerArn}/default`, Priority: 'default', Conditions: [], Actions: actions, IsDefault: true },
      listenerArn,
      priority: 1_000_000,
      tags: [],
    });
    return listenerArn;
  };
  const prod = listen('lb', 'prod', 'blue');
  listen('other', 'x', 'elsewhere');
  let woken = 0;
  const traffic = elbTrafficFacade({ model, changed: () => woken++ });
  return { model, prod, traffic, woken: () => woken };
}

const group = (name: string) => `${ARN}:targetgroup/${name}/1`;
const defaultActions = (model: ElbModel, arn: string) => model.listeners.get(arn)?.listener.DefaultActions;

describe('the traffic facade', () => {
  it('makes a listener forward a weighted forward, and wakes the data plane', () => {
    const { model, prod, traffic, woken } = world();
    traffic.setForwardWeights(prod, [
      { targetGroupArn: group('green'), weight: 100 },
      { targetGroupArn: group('blue'), weight: 0 },
    ]);
    assert.deepEqual(traffic.forwardWeights(prod), [
      { targetGroupArn: group('green'), weight: 100 },
      { targetGroupArn: group('blue'), weight: 0 },
    ]);
    assert.equal(woken(), 1);
    assert.deepEqual(defaultActions(model, prod), model.rules.get(`${prod}/default`)?.rule.Actions, 'listener and default rule agree');
  });

  it('refuses what ModifyListener refuses, in ELB errors, and writes nothing', () => {
    const { model, prod, traffic, woken } = world();
    const before = defaultActions(model, prod);
    const refused = (weights: { targetGroupArn: string; weight: number }[], code: string) =>
      assert.throws(
        () => traffic.setForwardWeights(prod, weights),
        (err) => err instanceof AwsError && err.code === code,
      );
    refused([{ targetGroupArn: group('missing'), weight: 100 }], 'TargetGroupNotFound');
    refused([{ targetGroupArn: group('elsewhere'), weight: 100 }], 'TargetGroupAssociationLimit');
    refused([{ targetGroupArn: group('green'), weight: 1000 }], 'ValidationError');
    assert.throws(
      () => traffic.setForwardWeights(`${prod}-gone`, []),
      (err) => err instanceof AwsError && err.code === 'ListenerNotFound',
    );
    assert.deepEqual(defaultActions(model, prod), before);
    assert.equal(woken(), 0);
  });
});
