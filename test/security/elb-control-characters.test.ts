/**
 * Control characters in what the ELBv2 API stores: refused with ValidationError naming the field
 * (and nothing written), and — for a value already in the store, written by an older Slipway — never
 * answered as XML that a client cannot parse.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { startTestSlipway, type TestSlipway } from '../support/slipway.ts';
import { elbClient } from '../support/elb.ts';
import { elbModel } from '../../src/services/elb/model.ts';

const CONTROLS = ['\x00', '\x01', '\x0b', '\x0c', '\x1f', '\x7f'];

async function refused(p: Promise<unknown>, field: string): Promise<void> {
  await assert.rejects(p, (err: Error) => {
    assert.equal(err.name, 'ValidationError', err.message);
    assert.ok(err.message.includes(field), `names ${field}: ${err.message}`);
    return true;
  });
}

describe('control characters in the ELBv2 API', () => {
  let s: TestSlipway;
  let elb: E.ElasticLoadBalancingV2Client;
  let listenerArn: string;
  before(async () => {
    s = await startTestSlipway({ timeScale: 20 });
    elb = elbClient(s.endpoint);
    const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'controls' }))).LoadBalancers![0].LoadBalancerArn!;
    listenerArn = (
      await elb.send(
        new E.CreateListenerCommand({
          LoadBalancerArn: lb,
          Port: 18431,
          DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
        }),
      )
    ).Listeners![0].ListenerArn!;
  });
  after(() => s.close());

  const fixed = (MessageBody: string): E.Action[] => [
    { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', ContentType: 'text/plain', MessageBody } },
  ];
  const rule = (Priority: number, Conditions: E.RuleCondition[], Actions = fixed('ok')) =>
    elb.send(new E.CreateRuleCommand({ ListenerArn: listenerArn, Priority, Conditions, Actions }));

  it('refuses them in rule values, regexes, fixed-response bodies, redirects and tags, writing nothing', async () => {
    for (const ch of CONTROLS) {
      await refused(rule(1, [{ Field: 'path-pattern', Values: [`/a${ch}b`] }]), "'path-pattern'");
      await refused(rule(1, [{ Field: 'host-header', HostHeaderConfig: { Values: [`a${ch}.example`] } }]), "'host-header'");
      await refused(rule(1, [{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-A', Values: [`v${ch}`] } }]), "'http-header'");
      await refused(rule(1, [{ Field: 'path-pattern', RegexValues: [`^/a${ch}`] }]), 'regular expression');
      await refused(rule(1, [{ Field: 'query-string', QueryStringConfig: { Values: [{ Key: 'k', Value: `v${ch}` }] } }]), "'query-string'");
      await refused(rule(1, [{ Field: 'path-pattern', Values: ['/ok'] }], fixed(`body${ch}`)), 'MessageBody');
      await refused(
        rule(
          1,
          [{ Field: 'path-pattern', Values: ['/ok'] }],
          [{ Type: 'redirect', RedirectConfig: { StatusCode: 'HTTP_301', Path: `/x${ch}` } }],
        ),
        'Redirect Path',
      );
      await refused(elb.send(new E.ModifyListenerCommand({ ListenerArn: listenerArn, DefaultActions: fixed(`x${ch}`) })), 'MessageBody');
      await refused(
        elb.send(new E.AddTagsCommand({ ResourceArns: [listenerArn], Tags: [{ Key: 'k', Value: `v${ch}` }] })),
        'Tags.1.member.Value',
      );
    }
    const rules = (await elb.send(new E.DescribeRulesCommand({ ListenerArn: listenerArn }))).Rules!;
    assert.deepEqual(
      rules.map((r) => r.Priority),
      ['default'],
      'refused requests wrote nothing',
    );
    assert.equal(rules[0].Actions![0].FixedResponseConfig!.MessageBody, undefined);
    assert.deepEqual((await elb.send(new E.DescribeTagsCommand({ ResourceArns: [listenerArn] }))).TagDescriptions![0].Tags, []);
  });

  it('answers XML that parses even when a stored value holds one', async () => {
    const created = (await rule(2, [{ Field: 'path-pattern', Values: ['/stored'] }], fixed('stored'))).Rules![0];
    // As a Slipway from before these checks could have stored it.
    const model = elbModel(s.app.ctx.store);
    const record = model.rules.get(created.RuleArn!)!;
    record.rule.Conditions = [
      { Field: 'path-pattern', Values: ['/a\x00\x01\x0b\x0cb'], PathPatternConfig: { Values: ['/a\x00\x01\x0b\x0cb'] } },
    ];
    record.rule.Actions = [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', MessageBody: 'x\x01y\uDC00z' } }];
    model.putRule(record);
    const described = (await elb.send(new E.DescribeRulesCommand({ RuleArns: [created.RuleArn!] }))).Rules![0];
    assert.deepEqual(described.Conditions![0].Values, ['/a\uFFFD\uFFFD\uFFFD\uFFFDb']);
    assert.equal(described.Actions![0].FixedResponseConfig!.MessageBody, 'x\uFFFDy\uFFFDz');
    const listener = (await elb.send(new E.DescribeListenersCommand({ ListenerArns: [listenerArn] }))).Listeners![0];
    assert.equal(listener.Port, 18431);
  });
});
