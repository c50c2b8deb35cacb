import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../../core/errors.ts';
import type { ElbModel } from './model.ts';
import { PendingChanges } from './pending.ts';
import { ARN, group, listeningModel } from './testing.ts';
import { elbTrafficFacade } from './traffic.ts';

function world() {
  const { model, prod } = listeningModel();
  let woken = 0;
  const pending = new PendingChanges();
  const traffic = elbTrafficFacade({ model, changed: () => woken++, pending });
  return { model, prod, traffic, pending, woken: () => woken };
}

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

  it('tells when the data plane routes by the weights: pending until a run that read them is accepted', () => {
    const { prod, traffic, pending, woken } = world();
    const lb = `${ARN}:loadbalancer/app/lb/1`;
    assert.deepEqual(traffic.weightsApplied(prod), { state: 'applied' });
    const before = pending.current();
    const toGreen = [
      { targetGroupArn: group('green'), weight: 100 },
      { targetGroupArn: group('blue'), weight: 0 },
    ];
    traffic.setForwardWeights(prod, toGreen);
    assert.deepEqual(traffic.weightsApplied(prod), { state: 'pending' });
    assert.deepEqual(traffic.weightsApplied(`${prod}/default`), { state: 'pending' }, 'its default rule too');
    pending.taken(before, new Map());
    assert.deepEqual(traffic.weightsApplied(prod), { state: 'pending' }, 'a run that read the store before the change does not count');
    pending.taken(pending.current(), new Map([[lb, 'bad rule']]));
    assert.deepEqual(traffic.weightsApplied(prod), { state: 'refused', loadBalancerArn: lb, reason: 'bad rule' });
    traffic.setForwardWeights(prod, toGreen);
    assert.equal(woken(), 1, 'the same weights again change nothing');
    pending.taken(pending.current(), new Map([[`${lb}-another`, 'not this one']]));
    assert.deepEqual(traffic.weightsApplied(prod), { state: 'applied' });
  });
});
