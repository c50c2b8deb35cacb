/**
 * The console in Chromium against a real Slipway and HAProxy: a load balancer's listener and rule,
 * a target group's target turning healthy, and its requests per second — HAProxy's own counters —
 * drawn while traffic flows; a listener's rules in priority order, each condition said once and a
 * weighted forward as each group's share.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { elbClient, get, startTarget, steadyLoad, type Target } from '../support/elb.ts';
import { freePort, startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';
import { browserForTests, keep, waitForText } from './browser.ts';

const browser = browserForTests();
let s: TestSlipway;
let target: Target | undefined;
before(async () => {
  s = await startTestSlipway({ timeScale: 20 });
});
after(async () => {
  await target?.close();
  await s?.close();
});

describe('console: load balancers', () => {
  it('shows listeners, rules, target health and requests per second per target group', async () => {
    const elb = elbClient(s.endpoint);
    const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'console-lb', Subnets: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb'] })))
      .LoadBalancers![0];
    const tg = (
      await elb.send(
        new E.CreateTargetGroupCommand({
          Name: 'console-web',
          Protocol: 'HTTP',
          Port: 80,
          TargetType: 'ip',
          VpcId: 'vpc-1',
          HealthCheckIntervalSeconds: 5,
          HealthCheckTimeoutSeconds: 2,
          HealthyThresholdCount: 2,
        }),
      )
    ).TargetGroups![0].TargetGroupArn!;
    target = await startTarget('console-web');
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: tg, Targets: [{ Id: '127.0.0.1', Port: target.port }] }));
    const port = await freePort();
    await elb.send(
      new E.CreateListenerCommand({
        LoadBalancerArn: lb.LoadBalancerArn!,
        Port: port,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }],
      }),
    );

    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${s.endpoint}/_slipway/console/load-balancers`);
      await page.getByRole('link', { name: 'console-lb' }).click();
      await waitForText(
        page,
        'main table',
        (t) => t.includes('default') && t.includes('console-web'),
        'the listener default rule forwarding to the group',
      );
      await keep(page, 'elb-listener-rules');

      await page.goto(`${s.endpoint}/_slipway/console/target-groups/${encodeURIComponent(tg)}`);
      await waitForText(
        page,
        'table[aria-label="targets"]',
        (t) => t.includes('healthy') && !t.includes('initial'),
        'the target to turn healthy',
      );

      const url = `http://${lb.DNSName}:${port}/`;
      await waitFor('the listener to answer', async () => (await get(url)).body === 'console-web', 20_000, 100);
      const load = steadyLoad(url, 4);
      try {
        const rate = page.locator('main .rate');
        await waitFor(
          'a positive request rate on the chart',
          async () => Number(await rate.getAttribute('data-rate', { timeout: 1000 })) > 0,
          60_000,
          250,
        );
        // Two samples more, so the kept screenshot shows a line.
        const points = async () => ((await page.locator('main .rate polyline').getAttribute('points')) ?? '').split(' ').length;
        await waitFor('three samples', async () => (await points()) >= 3, 30_000, 250);
      } finally {
        const stats = await load.stop();
        assert.ok(stats.ok > 0, 'the load balancer carried the load');
      }
      await keep(page, 'elb-target-group-requests');
    } finally {
      await page.close();
    }
  });

  it("lists a listener's rules in priority order, each condition once and weights as shares", async () => {
    const elb = elbClient(s.endpoint);
    const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'console-rules' }))).LoadBalancers![0];
    const group = async (Name: string) =>
      (await elb.send(new E.CreateTargetGroupCommand({ Name, Protocol: 'HTTP', Port: 80, VpcId: 'vpc-1' }))).TargetGroups![0]
        .TargetGroupArn!;
    const [stable, canary] = [await group('console-stable'), await group('console-canary')];
    const listener = (
      await elb.send(
        new E.CreateListenerCommand({
          LoadBalancerArn: lb.LoadBalancerArn!,
          Port: await freePort(),
          DefaultActions: [{ Type: 'forward', TargetGroupArn: stable }],
        }),
      )
    ).Listeners![0].ListenerArn!;
    // Made out of priority order: the page sorts them.
    await elb.send(
      new E.CreateRuleCommand({
        ListenerArn: listener,
        Priority: 20,
        Conditions: [{ Field: 'path-pattern', Values: ['/old/*'] }],
        Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '410' } }],
      }),
    );
    await elb.send(
      new E.CreateRuleCommand({
        ListenerArn: listener,
        Priority: 5,
        Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }],
        Actions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: stable, Weight: 80 },
                { TargetGroupArn: canary, Weight: 20 },
              ],
            },
          },
        ],
      }),
    );

    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${s.endpoint}/_slipway/console/load-balancers/${encodeURIComponent(lb.LoadBalancerArn!)}`);
      const rows = page.locator('main table tbody tr');
      await waitFor('three rules', async () => (await rows.count()) === 3, 30_000, 100);
      const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      assert.deepEqual(cells, [
        ['5', 'path-pattern /api/*', 'console-stable 80% / console-canary 20%'],
        ['20', 'path-pattern /old/*', 'fixed 410'],
        ['default', 'default', 'console-stable'],
      ]);
      await keep(page, 'elb-rules-in-order');
      await rows.first().getByRole('link', { name: 'console-canary' }).click();
      await page.waitForURL((u) => u.pathname.endsWith(`/target-groups/${encodeURIComponent(canary)}`));
    } finally {
      await page.close();
    }
  });
});
