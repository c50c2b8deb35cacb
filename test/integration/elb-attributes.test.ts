/**
 * ALB attributes acting on real traffic (HAProxy): slow start, weighted random, application-cookie
 * and load balancer cookie stickiness, X-Forwarded-For modes and the client port, the Host header,
 * invalid header names, X-Amzn-Trace-Id; and the attribute combinations ALB refuses.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request, type IncomingMessage, type ServerResponse } from 'node:http';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { freePort, startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';
import { elbClient, get, spread, startTarget, targetStates, type Target } from '../support/elb.ts';

const FAST_HEALTH = { HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2 };
const TIME_SCALE = 20;

describe('load balancer attributes (HAProxy)', () => {
  let s: TestSlipway;
  let elb: E.ElasticLoadBalancingV2Client;
  const targets: Target[] = [];

  async function target(name: string, handle?: Parameters<typeof startTarget>[1]): Promise<Target> {
    const t = await startTarget(name, handle);
    targets.push(t);
    return t;
  }
  async function loadBalancer(name: string): Promise<E.LoadBalancer> {
    return (await elb.send(new E.CreateLoadBalancerCommand({ Name: name }))).LoadBalancers![0];
  }
  async function targetGroup(name: string, attributes: Record<string, string> = {}): Promise<string> {
    const arn = (
      await elb.send(
        new E.CreateTargetGroupCommand({ Name: name, Protocol: 'HTTP', Port: 80, TargetType: 'ip', VpcId: 'vpc-1', ...FAST_HEALTH }),
      )
    ).TargetGroups![0].TargetGroupArn!;
    if (Object.keys(attributes).length) await setGroup(arn, attributes);
    return arn;
  }
  async function setGroup(arn: string, attributes: Record<string, string>): Promise<void> {
    await elb.send(
      new E.ModifyTargetGroupAttributesCommand({
        TargetGroupArn: arn,
        Attributes: Object.entries(attributes).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
  }
  async function register(tg: string, ...ts: Target[]): Promise<void> {
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: tg, Targets: ts.map((t) => ({ Id: '127.0.0.1', Port: t.port })) }));
  }
  async function healthy(tg: string, n: number): Promise<void> {
    await waitFor(
      `${n} healthy targets`,
      async () => (await targetStates(elb, tg)).filter((x) => x.endsWith(' healthy')).length === n,
      20_000,
      20,
    );
  }
  /** A listener forwarding to `tg`, answering; its URL. */
  async function listener(lb: E.LoadBalancer, tg: string, port?: number): Promise<string> {
    const p = port ?? (await freePort());
    await elb.send(
      new E.CreateListenerCommand({
        LoadBalancerArn: lb.LoadBalancerArn,
        Protocol: 'HTTP',
        Port: p,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }],
      }),
    );
    const url = `http://${address(lb)}:${p}/`;
    await waitFor('the listener to answer', async () => (await get(url)).status === 200, 10_000, 20);
    return url;
  }

  before(async () => {
    s = await startTestSlipway({ timeScale: TIME_SCALE });
    elb = elbClient(s.endpoint);
  });
  after(async () => {
    await s.close();
    await Promise.all(targets.map((t) => t.close()));
  });

  it('slow start: a target that turns healthy gets a linearly growing share, from near nothing to its full share', async (t) => {
    const [a, b] = [await target('A'), await target('B')];
    // 120 s of slow start last 6 s here.
    const tg = await targetGroup('slow', { 'slow_start.duration_seconds': '120' });
    await register(tg, a);
    const lb = await loadBalancer('slow');
    const url = await listener(lb, tg);
    await healthy(tg, 1);
    await register(tg, b);
    await waitFor('B to answer', async () => (await get(url)).body === 'B', 10_000, 5);
    const windows: number[] = [];
    for (let second = 0; second < 8; second++) {
      const counts = await spread(url, { ms: 1000 });
      windows.push((counts.get('B') ?? 0) / ((counts.get('A') ?? 0) + (counts.get('B') ?? 0)));
    }
    const shares = windows.map((w) => `${(w * 100).toFixed(0)}%`).join(' ');
    t.diagnostic(`B's share, second by second: ${shares}`);
    assert.ok(windows[0] < 0.15, `B's first second: ${shares}`);
    assert.ok(windows[0] < windows[2] && windows[2] < windows[4], `B's share grows: ${shares}`);
    assert.ok(Math.abs(windows[7] - 0.5) < 0.1, `after the ramp B has its full share: ${shares}`);
  });

  it('weighted_random spreads requests at random (not in turn) over the targets', async () => {
    const ts = [await target('r1'), await target('r2'), await target('r3')];
    const tg = await targetGroup('random', { 'load_balancing.algorithm.type': 'weighted_random' });
    await register(tg, ...ts);
    const lb = await loadBalancer('random');
    const url = await listener(lb, tg);
    await healthy(tg, 3);
    const counts = await spread(url, 1500);
    for (const name of ['r1', 'r2', 'r3'])
      assert.ok(Math.abs((counts.get(name) ?? 0) / 1500 - 1 / 3) < 0.06, `${name}: ${JSON.stringify([...counts])}`);
    // One client in sequence: round robin never repeats a target; random does about a third of the time.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const seq: string[] = [];
    for (let i = 0; i < 150; i++) seq.push((await get(url, { agent })).body);
    agent.destroy();
    const repeats = seq.filter((x, i) => i > 0 && x === seq[i - 1]).length;
    assert.ok(repeats > 20, `${repeats} repeats in 150`);
  });

  it('app_cookie stickiness pins a client to the target that set the application cookie, for the configured duration', async () => {
    const login = (name: string) => (req: IncomingMessage, res: ServerResponse) => {
      if (req.url === '/login') res.setHeader('Set-Cookie', `SESSION=${name}-1; Path=/`);
      res.end(name);
    };
    const [one, two] = [await target('one', login('one')), await target('two', login('two'))];
    // 40 s of stickiness last 2 s here.
    const tg = await targetGroup('app-cookie', {
      'stickiness.enabled': 'true',
      'stickiness.type': 'app_cookie',
      'stickiness.app_cookie.cookie_name': 'SESSION',
      'stickiness.app_cookie.duration_seconds': '40',
    });
    await register(tg, one, two);
    const lb = await loadBalancer('app-cookie');
    const url = await listener(lb, tg);
    await healthy(tg, 2);
    const first = await get(`${url}login`);
    const setCookies = first.headers['set-cookie'] ?? [];
    assert.ok(
      setCookies.some((c) => c.startsWith(`SESSION=${first.body}-1`)),
      `the target's cookie reaches the client: ${setCookies}`,
    );
    const alb = setCookies.find((c) => c.startsWith('AWSALBAPP-0='));
    assert.match(alb ?? '', /^AWSALBAPP-0=[^;]+; Expires=[^;]+GMT; Path=\/$/);
    const cookie = `SESSION=${first.body}-1; ${alb!.split(';')[0]}`;
    for (let i = 0; i < 20; i++) assert.equal((await get(url, { headers: { Cookie: cookie } })).body, first.body);
    const renewed = (await get(url, { headers: { Cookie: cookie } })).headers['set-cookie'] ?? [];
    assert.ok(
      renewed.some((c) => c.startsWith('AWSALBAPP-0=')),
      'a pinned response renews the load balancer cookie',
    );
    assert.equal((await spread(url, 40)).size, 2, 'without the cookies both targets answer');
    const appOnly = await spread(url, 300, { Cookie: `SESSION=${first.body}-1` });
    assert.equal(appOnly.size, 2, 'the application cookie alone does not pin');
    await new Promise((r) => setTimeout(r, 2500));
    const expired = await spread(url, 300, { Cookie: cookie });
    assert.equal(expired.size, 2, `after the stickiness duration the old cookie no longer pins: ${JSON.stringify([...expired])}`);
  });

  it('lb_cookie stickiness also sends AWSALBCORS (SameSite=None; Secure), which pins on its own', async () => {
    const [one, two] = [await target('c1'), await target('c2')];
    const tg = await targetGroup('lb-cookie', { 'stickiness.enabled': 'true' });
    await register(tg, one, two);
    const lb = await loadBalancer('lb-cookie');
    const url = await listener(lb, tg);
    await healthy(tg, 2);
    const first = await get(url);
    const cookies = first.headers['set-cookie'] ?? [];
    const albValue = cookies
      .find((c) => c.startsWith('AWSALB='))!
      .split(';')[0]
      .slice('AWSALB='.length);
    const cors = cookies.find((c) => c.startsWith('AWSALBCORS='));
    assert.equal(cors, `AWSALBCORS=${albValue}; Path=/; SameSite=None; Secure`);
    for (let i = 0; i < 20; i++) assert.equal((await get(url, { headers: { Cookie: `AWSALBCORS=${albValue}` } })).body, first.body);
  });

  it('a sticky client of a draining target goes to a healthy one', async () => {
    const [one, two] = [await target('d1'), await target('d2')];
    const tg = await targetGroup('sticky-drain', { 'stickiness.enabled': 'true', 'deregistration_delay.timeout_seconds': '600' });
    await register(tg, one, two);
    const lb = await loadBalancer('sticky-drain');
    const url = await listener(lb, tg);
    await healthy(tg, 2);
    const first = await get(url);
    const cookie = String(first.headers['set-cookie']![0]).split(';')[0];
    const pinned = first.body === 'd1' ? one : two;
    await elb.send(new E.DeregisterTargetsCommand({ TargetGroupArn: tg, Targets: [{ Id: '127.0.0.1', Port: pinned.port }] }));
    await waitFor(
      'the pinned target to be skipped',
      async () => (await get(url, { headers: { Cookie: cookie } })).body !== first.body,
      5_000,
      20,
    );
    const after = await spread(url, 200, { Cookie: cookie });
    assert.deepEqual([...after.keys()], [first.body === 'd1' ? 'd2' : 'd1']);
  });

  describe('request headers', () => {
    let lb: E.LoadBalancer;
    let url: string;
    let port: number;
    before(async () => {
      const echo = await target('echo', (req, res) => res.end(JSON.stringify({ headers: req.headers, raw: req.rawHeaders })));
      const tg = await targetGroup('headers');
      await register(tg, echo);
      lb = await loadBalancer('headers');
      port = await freePort();
      url = await listener(lb, tg, port);
      await healthy(tg, 1);
    });
    async function setLoadBalancer(attributes: Record<string, string>, visible: () => Promise<boolean>): Promise<void> {
      await elb.send(
        new E.ModifyLoadBalancerAttributesCommand({
          LoadBalancerArn: lb.LoadBalancerArn,
          Attributes: Object.entries(attributes).map(([Key, Value]) => ({ Key, Value })),
        }),
      );
      await waitFor(`${JSON.stringify(attributes)} to take effect`, visible, 10_000, 20);
    }
    // A new connection each time: one kept alive across a reload is still served by the previous configuration.
    const seen = async (headers: Record<string, string> = {}, at = url) =>
      JSON.parse((await get(at, { headers, agent: new Agent() })).body).headers as Record<string, string>;

    it('X-Forwarded-For: append (with the client port when asked), preserve, remove', async () => {
      const { headers, localPort } = await echoWithPort(url, { 'X-Forwarded-For': '203.0.113.7' });
      assert.equal(headers['x-forwarded-for'], '203.0.113.7, 127.0.0.1');
      assert.ok(localPort > 0);
      await setLoadBalancer({ 'routing.http.xff_client_port.enabled': 'true' }, async () =>
        /:\d+$/.test((await seen())['x-forwarded-for'] ?? ''),
      );
      const withPort = await echoWithPort(url, { 'X-Forwarded-For': '203.0.113.7' });
      assert.equal(withPort.headers['x-forwarded-for'], `203.0.113.7, 127.0.0.1:${withPort.localPort}`);
      await setLoadBalancer(
        { 'routing.http.xff_header_processing.mode': 'preserve' },
        async () => (await seen())['x-forwarded-for'] === undefined,
      );
      assert.equal(
        (await seen({ 'X-Forwarded-For': '203.0.113.7, 198.51.100.1' }))['x-forwarded-for'],
        '203.0.113.7, 198.51.100.1',
        'preserve: unchanged, client port or not',
      );
      await setLoadBalancer(
        { 'routing.http.xff_header_processing.mode': 'remove' },
        async () => (await seen({ 'X-Forwarded-For': '203.0.113.7' }))['x-forwarded-for'] === undefined,
      );
      await setLoadBalancer(
        { 'routing.http.xff_header_processing.mode': 'append', 'routing.http.xff_client_port.enabled': 'false' },
        async () => (await seen())['x-forwarded-for'] === '127.0.0.1',
      );
    });

    it('Host: the listener port is added on other ports than 80 and 443 and removed on those, unless preserved', async () => {
      assert.equal((await seen({ Host: 'example.com' })).host, `example.com:${port}`);
      assert.equal((await seen({ Host: 'example.com:9999' })).host, 'example.com:9999', 'a port the client gave stays');
      const on80 = `http://${address(lb)}:80/`;
      await elb.send(
        new E.CreateListenerCommand({
          LoadBalancerArn: lb.LoadBalancerArn,
          Port: 80,
          DefaultActions: [
            {
              Type: 'forward',
              TargetGroupArn: (await elb.send(new E.DescribeTargetGroupsCommand({ Names: ['headers'] }))).TargetGroups![0].TargetGroupArn,
            },
          ],
        }),
      );
      await waitFor('port 80 to answer', async () => (await get(on80)).status === 200, 10_000, 20);
      assert.equal((await seen({ Host: 'example.com:80' }, on80)).host, 'example.com');
      await setLoadBalancer(
        { 'routing.http.preserve_host_header.enabled': 'true' },
        async () => (await seen({ Host: 'example.com' })).host === 'example.com',
      );
      assert.equal((await seen({ Host: 'example.com:80' }, on80)).host, 'example.com:80');
      await setLoadBalancer(
        { 'routing.http.preserve_host_header.enabled': 'false' },
        async () => (await seen({ Host: 'example.com' })).host === `example.com:${port}`,
      );
    });

    it('drop_invalid_header_fields drops header names outside [A-Za-z0-9-]', async () => {
      const sent = { X_Under: '1', 'X.Dot': '2', 'X-Fine-9': '3' };
      const before = await seen(sent);
      assert.deepEqual([before.x_under, before['x.dot'], before['x-fine-9']], ['1', '2', '3'], 'by default they reach the target');
      await setLoadBalancer(
        { 'routing.http.drop_invalid_header_fields.enabled': 'true' },
        async () => (await seen(sent)).x_under === undefined,
      );
      const after = await seen(sent);
      assert.deepEqual([after.x_under, after['x.dot'], after['x-fine-9']], [undefined, undefined, '3']);
    });

    it('X-Amzn-Trace-Id: a new Root when missing; a Self added or renewed when present', async () => {
      const id = /^1-([0-9a-f]{8})-[0-9a-f]{24}$/;
      const root = (await seen())['x-amzn-trace-id'].match(/^Root=(.*)$/)![1];
      const epoch = parseInt(root.match(id)![1], 16);
      assert.ok(Math.abs(epoch - Date.now() / 1000) < 60, `epoch ${epoch}`);
      assert.notEqual((await seen())['x-amzn-trace-id'], `Root=${root}`, 'each request its own');
      const client = 'Root=1-67891233-abcdef012345678912345678;CalledFrom=app';
      const withSelf = (await seen({ 'X-Amzn-Trace-Id': client }))['x-amzn-trace-id'];
      const [self, ...rest] = withSelf.split(';');
      assert.match(self, /^Self=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
      assert.equal(rest.join(';'), client);
      const renewed = (await seen({ 'X-Amzn-Trace-Id': `Self=1-00000000-000000000000000000000000;${client}` }))['x-amzn-trace-id'];
      assert.match(renewed, /^Self=1-[0-9a-f]{8}-[0-9a-f]{24};Root=1-67891233-abcdef012345678912345678;CalledFrom=app$/);
      assert.doesNotMatch(renewed, /Self=1-00000000/);
    });
  });

  it('refuses the attribute combinations ALB refuses and writes nothing', async () => {
    const tg = await targetGroup('refused', { 'slow_start.duration_seconds': '30' });
    const attributes = async () => (await elb.send(new E.DescribeTargetGroupAttributesCommand({ TargetGroupArn: tg }))).Attributes!;
    const before = await attributes();
    const refused = async (changes: Record<string, string>, code: string, message: RegExp) => {
      const err = await elb
        .send(
          new E.ModifyTargetGroupAttributesCommand({
            TargetGroupArn: tg,
            Attributes: Object.entries(changes).map(([Key, Value]) => ({ Key, Value })),
          }),
        )
        .then(
          () => undefined,
          (e: Error) => e,
        );
      assert.equal(err?.name, code, `${JSON.stringify(changes)}: ${err?.message}`);
      assert.match(err!.message, message);
      assert.deepEqual(await attributes(), before);
    };
    await refused(
      { 'deregistration_delay.timeout_seconds': '5', 'load_balancing.algorithm.type': 'least_outstanding_requests' },
      'InvalidConfigurationRequestException',
      /slow start and least outstanding requests/,
    );
    await refused(
      { 'load_balancing.algorithm.type': 'weighted_random' },
      'InvalidConfigurationRequestException',
      /slow start and weighted random/,
    );
    await refused(
      { 'slow_start.duration_seconds': '0', 'load_balancing.algorithm.type': 'weighted_random', 'stickiness.enabled': 'true' },
      'InvalidConfigurationRequestException',
      /stickiness and weighted random/,
    );
    await refused({ 'load_balancing.algorithm.anomaly_mitigation': 'on' }, 'InvalidConfigurationRequestException', /Anomaly mitigation/);
    await refused({ 'stickiness.app_cookie.cookie_name': 'AWSALBAPP-x' }, 'ValidationError', /reserved/);
    await refused({ 'slow_start.duration_seconds': '10' }, 'ValidationError', /not valid/);
    const lb = await loadBalancer('refused');
    const lbAttributes = async () =>
      (await elb.send(new E.DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: lb.LoadBalancerArn }))).Attributes!;
    const lbBefore = await lbAttributes();
    const err = await elb
      .send(
        new E.ModifyLoadBalancerAttributesCommand({
          LoadBalancerArn: lb.LoadBalancerArn,
          Attributes: [
            { Key: 'routing.http.xff_client_port.enabled', Value: 'true' },
            { Key: 'routing.http.xff_header_processing.mode', Value: 'replace' },
          ],
        }),
      )
      .then(
        () => undefined,
        (e: Error) => e,
      );
    assert.equal(err?.name, 'ValidationError');
    assert.deepEqual(await lbAttributes(), lbBefore);
  });
});

/**
 * The load balancer's own address: its DNS name resolves through /etc/hosts, which another Slipway
 * on the machine may be rewriting at that moment.
 */
function address(lb: E.LoadBalancer): string {
  return lb.AvailabilityZones![0].LoadBalancerAddresses![0].IpAddress!;
}

/** The headers an echoing target saw, and the local port of the client's connection. */
function echoWithPort(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, string>; localPort: number }> {
  return new Promise((resolve, reject) => {
    let localPort = 0;
    const req = request(url, { agent: false, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ headers: JSON.parse(body).headers, localPort }));
    });
    req.on('socket', (socket) => socket.once('connect', () => (localPort = socket.localPort ?? 0)));
    req.on('error', reject);
    req.end();
  });
}
