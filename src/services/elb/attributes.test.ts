import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultAttributes, modifyAttributes } from './attributes.ts';

const tg = (current: Record<string, string>, ...changes: [string, string][]) =>
  modifyAttributes(
    'tg',
    current,
    changes.map(([Key, Value]) => ({ Key, Value })),
  );

describe('attributes', () => {
  it('refuses the combinations ALB refuses, as ALB does', () => {
    const refused = (current: Record<string, string>, changes: [string, string][], message: RegExp) =>
      assert.throws(
        () => tg(current, ...changes),
        (e: Error & { code?: string }) => e.code === 'InvalidConfigurationRequest' && message.test(e.message),
      );
    refused(
      {},
      [
        ['slow_start.duration_seconds', '30'],
        ['load_balancing.algorithm.type', 'least_outstanding_requests'],
      ],
      /slow start and least outstanding requests/,
    );
    refused(
      { 'slow_start.duration_seconds': '60' },
      [['load_balancing.algorithm.type', 'weighted_random']],
      /slow start and weighted random/,
    );
    refused({ 'load_balancing.algorithm.type': 'weighted_random' }, [['stickiness.enabled', 'true']], /stickiness and weighted random/);
    refused({}, [['load_balancing.algorithm.anomaly_mitigation', 'on']], /Anomaly mitigation/);
    refused({ 'load_balancing.cross_zone.enabled': 'false' }, [['stickiness.enabled', 'true']], /cross-zone/);
  });

  it('allows what ALB allows: slow start with round robin, stickiness with least outstanding requests, anomaly mitigation with weighted random', () => {
    assert.equal(tg({}, ['slow_start.duration_seconds', '30'])['slow_start.duration_seconds'], '30');
    assert.equal(
      tg({}, ['stickiness.enabled', 'true'], ['load_balancing.algorithm.type', 'least_outstanding_requests'])['stickiness.enabled'],
      'true',
    );
    const atw = tg({}, ['load_balancing.algorithm.type', 'weighted_random'], ['load_balancing.algorithm.anomaly_mitigation', 'on']);
    assert.equal(atw['load_balancing.algorithm.anomaly_mitigation'], 'on');
    // Turning slow start off and the algorithm to LOR in one call is fine: the result is what is checked.
    assert.equal(
      tg(
        { 'slow_start.duration_seconds': '30' },
        ['slow_start.duration_seconds', '0'],
        ['load_balancing.algorithm.type', 'least_outstanding_requests'],
      )['load_balancing.algorithm.type'],
      'least_outstanding_requests',
    );
  });

  it('checks the application cookie name: reserved prefixes, characters, present when app_cookie stickiness is on', () => {
    const validation = { code: 'ValidationError' };
    assert.throws(() => tg({}, ['stickiness.app_cookie.cookie_name', 'AWSALBAPP-mine']), validation);
    assert.throws(() => tg({}, ['stickiness.app_cookie.cookie_name', 'has space']), validation);
    assert.throws(() => tg({}, ['stickiness.enabled', 'true'], ['stickiness.type', 'app_cookie']), validation);
    const ok = tg(
      {},
      ['stickiness.enabled', 'true'],
      ['stickiness.type', 'app_cookie'],
      ['stickiness.app_cookie.cookie_name', 'JSESSIONID'],
    );
    assert.equal(ok['stickiness.app_cookie.cookie_name'], 'JSESSIONID');
  });

  it('leaves the current attributes untouched when it refuses', () => {
    const current = { ...defaultAttributes('tg'), 'slow_start.duration_seconds': '30' };
    const before = JSON.stringify(current);
    assert.throws(() => tg(current, ['deregistration_delay.timeout_seconds', '5'], ['load_balancing.algorithm.type', 'weighted_random']));
    assert.equal(JSON.stringify(current), before);
  });
});
