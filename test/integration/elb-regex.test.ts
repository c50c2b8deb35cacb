/**
 * Regular expressions in rule conditions, against the data plane that runs them (HAProxy, PCRE2):
 * each expression of a corpus is either refused at the API with ValidationError, or accepted and
 * then matching on real traffic what it means — never accepted and then making HAProxy refuse the
 * configuration (after which no change would reach any listener).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';
import { elbClient, get } from '../support/elb.ts';

interface Case {
  regex: string;
  /** Matched against the path, or against the X-Value header. */
  on?: 'path' | 'header';
  /** ALB refuses it whatever the data plane: it must be refused. */
  refused?: true;
  /** A value it matches and one it does not, as PCRE2 reads it (for those accepted). */
  hit?: string;
  miss?: string;
}

const CORPUS: Case[] = [
  { regex: '\\A/alpha', hit: '/alpha/x', miss: '/x/alpha' },
  { regex: '/zed\\Z', hit: '/a/zed', miss: '/zed/more' },
  { regex: '/end\\z', hit: '/the/end', miss: '/end/x' },
  { regex: '^/q\\Q.+\\E$', hit: '/q.+', miss: '/qaa' },
  { regex: '^/\\Q(lit)', hit: '/(lit)', miss: '/lit' },
  { regex: '\\E^/ee$', hit: '/ee', miss: '/eee' },
  { regex: '^/(?<name>named)$', hit: '/named', miss: '/other' },
  { regex: '^/(?P<py>py)$', hit: '/py', miss: '/pyx' },
  { regex: '^/[[:digit:]]+$', hit: '/123', miss: '/12a' },
  { regex: '^/\\x{41}$', hit: '/A', miss: '/x' },
  { regex: '(?i)^/case$', hit: '/CASE', miss: '/cases' },
  { regex: '^/(?|a|b)$', hit: '/b', miss: '/c' },
  { regex: '(?#note)^/cm$', hit: '/cm', miss: '/cmx' },
  { regex: '^/\\d{2,3}$', hit: '/42', miss: '/4' },
  { regex: '#tag', on: 'header', hit: 'x#tag', miss: 'tag' },
  { regex: ' lead', on: 'header', hit: 'x lead', miss: 'xlead' },
  { regex: '\tab', on: 'header', hit: 'x\tab', miss: 'xab' },
  { regex: `^/${'l'.repeat(126)}`, hit: `/${'l'.repeat(126)}`, miss: '/l' },
  { regex: `^/${'l'.repeat(127)}`, refused: true },
  { regex: '^/poss(?:a++)$', refused: true },
  { regex: '^/a*+$', refused: true },
  { regex: '(?<=/lb)x', refused: true },
  { regex: '(?<!a)b', refused: true },
  { regex: '^/(?=x)', refused: true },
  { regex: '(?>atomic)', refused: true },
  { regex: '(a)\\1', refused: true },
  { regex: '(?<n>a)\\k<n>', refused: true },
  { regex: '(a)\\g1', refused: true },
  { regex: '(a)\\g{-1}', refused: true },
  { regex: '(?P<n>a)(?P=n)', refused: true },
  { regex: '^(a|(?R))$', refused: true },
  { regex: '(a)(?1)', refused: true },
  { regex: '\\p{L}', refused: true },
  { regex: '\\P{Lu}', refused: true },
  { regex: '\\X', refused: true },
  { regex: '(*ACCEPT)a', refused: true },
  { regex: '(?C1)a', refused: true },
  // What JavaScript takes and PCRE2 does not.
  { regex: '[\\d-z]' },
  { regex: '[\\w-.]' },
  { regex: '\\L' },
  { regex: '\\N{U+0041}' },
  { regex: 'a\\c' },
  { regex: 'x{65536}' },
  { regex: '(?<n>a)(?<n>b)' },
  { regex: 'a{2,1}' },
  { regex: '(' },
  { regex: '[z-a]' },
];

describe('rule regular expressions in the data plane dialect', () => {
  let s: TestSlipway;
  let elb: E.ElasticLoadBalancingV2Client;
  let listenerArn: string;
  let url: string;
  before(async () => {
    s = await startTestSlipway({ timeScale: 20 });
    elb = elbClient(s.endpoint);
    const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'regexes' }))).LoadBalancers![0];
    listenerArn = (
      await elb.send(
        new E.CreateListenerCommand({
          LoadBalancerArn: lb.LoadBalancerArn,
          Port: 8621,
          DefaultActions: [
            { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'default' } },
          ],
        }),
      )
    ).Listeners![0].ListenerArn!;
    url = `http://${lb.DNSName}:8621`;
    await waitFor('the listener', async () => (await get(`${url}/`).catch(() => undefined))?.body === 'default', 10_000, 50);
  });
  after(() => s.close());

  it('refuses each one at the API or matches with it on real traffic', async () => {
    const accepted: { c: Case; i: number }[] = [];
    for (const [i, c] of CORPUS.entries()) {
      // Each rule also needs its own X-Case, so that no rule shadows another.
      const conditions: E.RuleCondition[] = [
        { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Case', Values: [`${i}`] } },
        c.on === 'header'
          ? { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Value', RegexValues: [c.regex] } }
          : { Field: 'path-pattern', PathPatternConfig: { RegexValues: [c.regex] } },
      ];
      const actions: E.Action[] = [
        { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', ContentType: 'text/plain', MessageBody: `case ${i}` } },
      ];
      try {
        await elb.send(new E.CreateRuleCommand({ ListenerArn: listenerArn, Priority: i + 1, Conditions: conditions, Actions: actions }));
        accepted.push({ c, i });
      } catch (err) {
        assert.equal((err as Error).name, 'ValidationError', `${JSON.stringify(c.regex)}: ${(err as Error).message}`);
        assert.ok((err as Error).message.includes('regular expression'), (err as Error).message);
        continue;
      }
      assert.ok(!c.refused, `${JSON.stringify(c.regex)} is refused by ALB, but was accepted`);
      assert.ok(c.hit !== undefined, `${JSON.stringify(c.regex)} does not compile in PCRE2, but was accepted`);
    }
    const ask = (c: Case, i: number, value: string) =>
      c.on === 'header'
        ? get(`${url}/`, { headers: { 'X-Case': `${i}`, 'X-Value': value } })
        : get(`${url}${value}`, { headers: { 'X-Case': `${i}` } });
    // The last rule reached the data plane: all before it did.
    const last = accepted.at(-1)!;
    await waitFor('the rules on the listener', async () => (await ask(last.c, last.i, last.c.hit!)).body === `case ${last.i}`, 15_000, 50);
    for (const { c, i } of accepted) {
      assert.equal((await ask(c, i, c.hit!)).body, `case ${i}`, `${JSON.stringify(c.regex)} matches ${JSON.stringify(c.hit)}`);
      assert.equal((await ask(c, i, c.miss!)).body, 'default', `${JSON.stringify(c.regex)} does not match ${JSON.stringify(c.miss)}`);
    }
    const lb = (await elb.send(new E.DescribeLoadBalancersCommand({ Names: ['regexes'] }))).LoadBalancers![0];
    assert.deepEqual(lb.State, { Code: 'active' });
    assert.ok(accepted.length >= 17, `the expressions PCRE2 and ALB take were accepted (${accepted.length})`);
  });
});
