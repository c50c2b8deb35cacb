import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { initialHealth, judge, parseMatcher, serverStates, validMatcher, type Judged, type Probe } from './health.ts';
import type { TargetRecord } from './model.ts';
import type { TargetGroup } from './shapes.ts';

const tg: TargetGroup = { HealthyThresholdCount: 3, UnhealthyThresholdCount: 2 };
const pass: Probe = { ok: true };
const notFound: Probe = { ok: false, reason: 'Target.ResponseCodeMismatch', description: 'Health checks failed with these codes: [404]' };
const timeout: Probe = { ok: false, reason: 'Target.Timeout', description: 'Request timed out' };

function run(start: Judged, probes: Probe[]): string[] {
  const streak = { passes: 0, fails: 0 };
  let h = start;
  return probes.map((p) => {
    h = judge(h, streak, p, tg);
    return `${h.state}${h.reason ? ` ${h.reason}` : ''}`;
  });
}

describe('target health (ALB states and reasons)', () => {
  it('a new target is healthy after one passing check, unhealthy after UnhealthyThreshold failures', () => {
    assert.deepEqual(run(initialHealth(0), [pass]), ['healthy']);
    assert.deepEqual(run(initialHealth(0), [notFound, notFound]), [
      'initial Elb.InitialHealthChecking',
      'unhealthy Target.ResponseCodeMismatch',
    ]);
  });
  it('healthy needs UnhealthyThreshold consecutive failures; unhealthy needs HealthyThreshold consecutive passes', () => {
    assert.deepEqual(run({ state: 'healthy' }, [timeout, pass, timeout, timeout]), [
      'healthy',
      'healthy',
      'healthy',
      'unhealthy Target.Timeout',
    ]);
    assert.deepEqual(run({ state: 'unhealthy', reason: 'Target.Timeout' }, [pass, pass, notFound, pass, pass, pass]), [
      'unhealthy Target.Timeout',
      'unhealthy Target.Timeout',
      'unhealthy Target.ResponseCodeMismatch',
      'unhealthy Target.ResponseCodeMismatch',
      'unhealthy Target.ResponseCodeMismatch',
      'healthy',
    ]);
  });
  it('traffic: healthy targets only; all but draining ones when none is healthy (fail open)', () => {
    const t = (state: 'initial' | 'healthy' | 'unhealthy', draining = false) =>
      ({
        targetGroupArn: 'tg',
        id: 'x',
        port: 1,
        registeredAt: 0,
        health: { state, since: 0 },
        drainingSince: draining ? 1 : undefined,
      }) as TargetRecord;
    const mixed = [t('healthy'), t('unhealthy'), t('initial'), t('healthy', true)];
    assert.deepEqual([...serverStates(mixed, {}).values()], ['ready', 'maint', 'maint', 'drain']);
    const none = [t('unhealthy'), t('initial'), t('healthy', true)];
    assert.deepEqual([...serverStates(none, {}).values()], ['ready', 'ready', 'drain']);
    assert.deepEqual([...serverStates([t('unhealthy')], { HealthCheckEnabled: false }).values()], ['ready']);
  });
  it('matchers: single codes, lists and ranges within 200–499', () => {
    const m = parseMatcher('200,202,300-302');
    assert.deepEqual([200, 201, 202, 301, 303].map(m), [true, false, true, true, false]);
    assert.deepEqual(['200', '200-299', '200,404', '199', '500', '300-200', 'ok'].map(validMatcher), [
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
