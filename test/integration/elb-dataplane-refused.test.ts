/**
 * When HAProxy refuses a configuration — here a rule an older Slipway stored with an expression
 * PCRE2 does not compile — it keeps serving the last one it accepted, the load balancer that owns
 * the bad object says so (State active_impaired, with HAProxy's reason; the health endpoint too),
 * the other load balancers go on changing, a dead HAProxy starts again, and a restarted Slipway
 * still has what each load balancer last had accepted.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { rmSync } from 'node:fs';
import { startTestSlipway, tempDataDir, waitFor, type TestSlipway } from '../support/slipway.ts';
import { elbClient, get, haproxyPid, stopHaproxy } from '../support/elb.ts';
import { elbModel } from '../../src/services/elb/model.ts';

describe('a configuration the data plane refuses', () => {
  const dataDir = tempDataDir();
  let s: TestSlipway;
  let elb: E.ElasticLoadBalancingV2Client;
  before(async () => {
    s = await startTestSlipway({ timeScale: 20, dataDir });
    elb = elbClient(s.endpoint);
  });
  after(async () => {
    await s.close();
    await stopHaproxy(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const fixed = (body: string): E.Action[] => [
    { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', ContentType: 'text/plain', MessageBody: body } },
  ];
  async function served(name: string, port: number) {
    const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: name }))).LoadBalancers![0];
    const listener = (
      await elb.send(new E.CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Port: port, DefaultActions: fixed(`${name} 1`) }))
    ).Listeners![0];
    const url = `http://${lb.DNSName}:${port}/`;
    await waitFor(name, async () => (await get(url).catch(() => undefined))?.body === `${name} 1`, 10_000, 50);
    return { arn: lb.LoadBalancerArn!, listener: listener.ListenerArn!, url };
  }
  const stateOf = async (name: string) => (await elb.send(new E.DescribeLoadBalancersCommand({ Names: [name] }))).LoadBalancers![0].State!;

  it('keeps the last accepted one, reports it on the owner, and lets the others change', async () => {
    const bad = await served('refused', 8631);
    const good = await served('unaffected', 8632);

    // A rule as a Slipway that checked expressions with JavaScript stored it: HAProxy refuses '[\d-z]'.
    const rule = (
      await elb.send(
        new E.CreateRuleCommand({
          ListenerArn: bad.listener,
          Priority: 1,
          Conditions: [{ Field: 'path-pattern', Values: ['/x'] }],
          Actions: fixed('rule'),
        }),
      )
    ).Rules![0];
    const model = elbModel(s.app.ctx.store);
    const record = model.rules.get(rule.RuleArn!)!;
    record.rule.Conditions = [{ Field: 'path-pattern', RegexValues: ['[\\d-z]'], PathPatternConfig: { RegexValues: ['[\\d-z]'] } }];
    model.putRule(record);
    await elb.send(new E.ModifyListenerCommand({ ListenerArn: bad.listener, DefaultActions: fixed('refused 2') }));
    await elb.send(new E.ModifyListenerCommand({ ListenerArn: good.listener, DefaultActions: fixed('unaffected 2') }));

    await waitFor('the other load balancer changed', async () => (await get(good.url)).body === 'unaffected 2', 10_000, 50);
    await waitFor('the owner impaired', async () => (await stateOf('refused')).Code === 'active_impaired', 10_000, 50);
    const state = await stateOf('refused');
    assert.match(state.Reason!, /\[\\d-z\]/, 'the reason names the expression HAProxy refused');
    assert.equal((await get(bad.url)).body, 'refused 1', 'the owner serves its last accepted configuration');
    assert.deepEqual(await stateOf('unaffected'), { Code: 'active' });
    const health = (await (await fetch(`${s.endpoint}/_slipway/health`)).json()) as {
      status: string;
      problems: string[];
      elb: { dataPlane: { refused: { loadBalancer: string; reason: string }[] } };
    };
    assert.deepEqual(
      health.elb.dataPlane.refused.map((r) => r.loadBalancer),
      [bad.arn],
    );
    assert.equal(health.status, 'degraded', 'health says something needs the user');
    assert.equal(health.problems.length, 1);
    assert.ok(health.problems[0].includes(bad.arn), 'the problem names the load balancer');

    // A killed HAProxy starts again with what was accepted, and the other load balancer still changes.
    const pid = haproxyPid(s.dataDir)!;
    process.kill(pid, 'SIGKILL');
    await waitFor(
      'HAProxy started again',
      async () => {
        const now = haproxyPid(s.dataDir);
        return now !== undefined && now !== pid && (await get(good.url).catch(() => undefined))?.body === 'unaffected 2';
      },
      20_000,
      100,
    );
    await elb.send(new E.ModifyListenerCommand({ ListenerArn: good.listener, DefaultActions: fixed('unaffected 3') }));
    await waitFor('the other load balancer changed again', async () => (await get(good.url)).body === 'unaffected 3', 10_000, 50);

    // A restarted Slipway adopts HAProxy and still has what the owner last had accepted.
    await s.close();
    s = await startTestSlipway({ timeScale: 20, dataDir });
    elb = elbClient(s.endpoint);
    await elb.send(new E.ModifyListenerCommand({ ListenerArn: good.listener, DefaultActions: fixed('unaffected 4') }));
    await waitFor(
      'the other load balancer changed after the restart',
      async () => (await get(good.url)).body === 'unaffected 4',
      10_000,
      50,
    );
    assert.equal((await get(bad.url)).body, 'refused 1', 'the owner still serves its last accepted configuration');
    assert.equal((await stateOf('refused')).Code, 'active_impaired');

    // Deleting the bad rule clears it.
    await elb.send(new E.DeleteRuleCommand({ RuleArn: rule.RuleArn }));
    await waitFor('the owner serves its current configuration', async () => (await get(bad.url)).body === 'refused 2', 10_000, 50);
    assert.deepEqual(await stateOf('refused'), { Code: 'active' });
    const after = (await (await fetch(`${s.endpoint}/_slipway/health`)).json()) as { elb: { dataPlane: { refused: unknown[] } } };
    assert.deepEqual(after.elb.dataPlane.refused, []);
  });
});
