/**
 * Deregistration as ALB completes it: a draining target with no request in flight is gone at once
 * (not after the whole deregistration delay); one with a request in flight drains until it ends.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';
import { elbClient, get, startTarget, targetStates, type Target } from '../support/elb.ts';

// An hour of delay: at the tests' time scale (20) still three minutes, far longer than any wait below.
const DELAY_S = '3600';

describe('draining ends when nothing is in flight', () => {
  let s: TestSlipway;
  let elb: E.ElasticLoadBalancingV2Client;
  let lbArn: string;
  let dns: string;
  const targets: Target[] = [];

  before(async () => {
    s = await startTestSlipway({ timeScale: 20 });
    elb = elbClient(s.endpoint);
    const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'draining' }))).LoadBalancers![0];
    lbArn = lb.LoadBalancerArn!;
    dns = lb.DNSName!;
  });
  after(async () => {
    await s.close();
    await Promise.all(targets.map((t) => t.close()));
  });

  /** Two targets behind a listener on `port`, both healthy and served, in a group with an hour's deregistration delay. */
  async function pair(name: string, port: number, handle?: Parameters<typeof startTarget>[1]) {
    const [a, b] = [await startTarget(`${name}-a`, handle), await startTarget(`${name}-b`)];
    targets.push(a, b);
    const tg = (
      await elb.send(
        new E.CreateTargetGroupCommand({
          Name: name,
          Protocol: 'HTTP',
          Port: 80,
          TargetType: 'ip',
          HealthCheckIntervalSeconds: 5,
          HealthCheckTimeoutSeconds: 2,
          HealthyThresholdCount: 2,
        }),
      )
    ).TargetGroups![0].TargetGroupArn!;
    await elb.send(
      new E.ModifyTargetGroupAttributesCommand({
        TargetGroupArn: tg,
        Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: DELAY_S }],
      }),
    );
    await elb.send(
      new E.RegisterTargetsCommand({
        TargetGroupArn: tg,
        Targets: [
          { Id: '127.0.0.1', Port: a.port },
          { Id: '127.0.0.1', Port: b.port },
        ],
      }),
    );
    await elb.send(
      new E.CreateListenerCommand({ LoadBalancerArn: lbArn, Port: port, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] }),
    );
    await waitFor('both healthy', async () => (await targetStates(elb, tg)).filter((x) => x.endsWith(' healthy')).length === 2, 20_000, 50);
    const url = `http://${dns}:${port}`;
    await waitFor('the listener', async () => (await get(`${url}/`)).status === 200, 10_000, 50);
    return { a, b, tg, url };
  }

  it('a deregistered target with no request in flight is gone within moments, not after its delay', async () => {
    const { a, tg } = await pair('idle', 8611);
    await elb.send(new E.DeregisterTargetsCommand({ TargetGroupArn: tg, Targets: [{ Id: '127.0.0.1', Port: a.port }] }));
    await waitFor('the idle target to be gone', async () => (await targetStates(elb, tg)).length === 1, 10_000, 50);
    const left = await elb.send(new E.DescribeTargetHealthCommand({ TargetGroupArn: tg, Targets: [{ Id: '127.0.0.1', Port: a.port }] }));
    assert.deepEqual(left.TargetHealthDescriptions![0].TargetHealth!.Reason, 'Target.NotRegistered');
  });

  it('a target with a request in flight drains until the request ends', async () => {
    const held: ServerResponse[] = [];
    const { a, tg, url } = await pair('busy', 8612, (req, res) => {
      if (req.url === '/slow') held.push(res);
      else res.end('busy-a');
    });
    // Only target a answers /slow by holding it: send until one lands there.
    const slow: Promise<{ status: number; body: string }>[] = [];
    await waitFor(
      'a request held by the target',
      async () => {
        if (held.length === 0) slow.push(get(`${url}/slow`));
        await new Promise((r) => setTimeout(r, 20));
        return held.length > 0;
      },
      10_000,
      10,
    );
    await elb.send(new E.DeregisterTargetsCommand({ TargetGroupArn: tg, Targets: [{ Id: '127.0.0.1', Port: a.port }] }));
    const draining = `127.0.0.1:${a.port} draining Target.DeregistrationInProgress`;
    // It stays draining for as long as the request is held, however often the sync looks.
    for (let i = 0; i < 10; i++) {
      assert.ok((await targetStates(elb, tg)).includes(draining), `still draining while its request is in flight (look ${i + 1})`);
      await new Promise((r) => setTimeout(r, 150));
    }
    for (const res of held) res.end('slow done');
    const answers = await Promise.all(slow);
    assert.ok(
      answers.some((r) => r.status === 200 && r.body === 'slow done'),
      `the held request finished: ${JSON.stringify(answers)}`,
    );
    await waitFor(
      'the drained target to be gone',
      async () => !(await targetStates(elb, tg)).some((x) => x.startsWith(`127.0.0.1:${a.port} `)),
      10_000,
      50,
    );
  });
});
