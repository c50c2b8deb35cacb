/**
 * Real HTTP through real listeners (HAProxy) to real targets (HTTP servers on loopback): weighted
 * forwarding, rules by priority with every condition type, health transitions with ALB's reasons,
 * draining, X-Forwarded-* headers, connection upgrades, and adoption of the running HAProxy by a
 * restarted Slipway.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { startTestSlipway, tempDataDir, waitFor, type TestSlipway } from '../support/slipway.ts';
import {
  elbClient,
  get,
  haproxyPid,
  spread,
  startTarget,
  startTlsTarget,
  steadyLoad,
  stopHaproxy,
  targetStates,
  type Target,
} from '../support/elb.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FAST_HEALTH = { HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2 };

describe('load balancer traffic (HAProxy)', () => {
  let s: TestSlipway;
  let elb: E.ElasticLoadBalancingV2Client;
  let lbArn: string;
  let dns: string;
  const targets: Target[] = [];

  async function targetGroup(name: string, extra: Partial<E.CreateTargetGroupInput> = {}): Promise<string> {
    const out = await elb.send(
      new E.CreateTargetGroupCommand({
        Name: name,
        Protocol: 'HTTP',
        Port: 80,
        TargetType: 'ip',
        VpcId: 'vpc-1',
        ...FAST_HEALTH,
        ...extra,
      }),
    );
    return out.TargetGroups![0].TargetGroupArn!;
  }
  async function target(name: string, handle?: Parameters<typeof startTarget>[1]): Promise<Target> {
    const t = await startTarget(name, handle);
    targets.push(t);
    return t;
  }
  async function healthy(tg: string, n: number): Promise<void> {
    await waitFor(
      `${n} healthy targets in ${tg}`,
      async () => (await targetStates(elb, tg)).filter((x) => x.endsWith(' healthy')).length === n,
      20_000,
      50,
    );
  }

  /** A target answering `name` behind a new target group and a listener on `port`, healthy and served. */
  async function served(name: string, port: number): Promise<{ tg: string; listener: E.Listener; url: string }> {
    const t = await target(name);
    const tg = await targetGroup(name);
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: tg, Targets: [{ Id: '127.0.0.1', Port: t.port }] }));
    const listener = (
      await elb.send(
        new E.CreateListenerCommand({ LoadBalancerArn: lbArn, Port: port, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] }),
      )
    ).Listeners![0];
    await healthy(tg, 1);
    const url = `http://${dns}:${port}/`;
    await waitFor('the listener', async () => (await get(url)).body === name, 10_000, 50);
    return { tg, listener, url };
  }

  before(async () => {
    s = await startTestSlipway({ timeScale: 20 });
    elb = elbClient(s.endpoint);
    const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'traffic', Subnets: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb'] })))
      .LoadBalancers![0];
    lbArn = lb.LoadBalancerArn!;
    dns = lb.DNSName!;
  });
  after(async () => {
    await s.close();
    await Promise.all(targets.map((t) => t.close()));
  });

  it('splits requests between target groups by weight, and a weight change takes effect at once', async () => {
    const [a, b] = [await target('A'), await target('B')];
    const [tgA, tgB] = [await targetGroup('weighted-a'), await targetGroup('weighted-b')];
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: tgA, Targets: [{ Id: '127.0.0.1', Port: a.port }] }));
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: tgB, Targets: [{ Id: '127.0.0.1', Port: b.port }] }));
    const forward = (wa: number, wb: number): E.Action[] => [
      {
        Type: 'forward',
        ForwardConfig: {
          TargetGroups: [
            { TargetGroupArn: tgA, Weight: wa },
            { TargetGroupArn: tgB, Weight: wb },
          ],
        },
      },
    ];
    const listener = (
      await elb.send(new E.CreateListenerCommand({ LoadBalancerArn: lbArn, Protocol: 'HTTP', Port: 8000, DefaultActions: forward(80, 20) }))
    ).Listeners![0];
    await Promise.all([healthy(tgA, 1), healthy(tgB, 1)]);
    const url = `http://${dns}:8000/`;
    await waitFor('the listener to answer', async () => (await get(url)).status === 200, 10_000, 50);
    const counts = await spread(url, 2000);
    const shareA = (counts.get('A') ?? 0) / 2000;
    assert.equal((counts.get('A') ?? 0) + (counts.get('B') ?? 0), 2000, `every request answered: ${JSON.stringify([...counts])}`);
    assert.ok(Math.abs(shareA - 0.8) < 0.05, `A got ${(shareA * 100).toFixed(1)}% (want 80%)`);

    // How fast it applies is the benchmark's to measure (bench/elb.ts); here: that it applies.
    const agent = new Agent({ keepAlive: true });
    await elb.send(new E.ModifyListenerCommand({ ListenerArn: listener.ListenerArn, DefaultActions: forward(0, 100) }));
    await waitFor(
      'only B to answer',
      async () => {
        for (let i = 0; i < 10; i++) if ((await get(url, { agent })).body !== 'B') return false;
        return true;
      },
      5_000,
      5,
    );
    agent.destroy();
    const after = await spread(url, 300);
    assert.deepEqual([...after], [['B', 300]]);
    await elb.send(new E.DeleteListenerCommand({ ListenerArn: listener.ListenerArn }));
  });

  it('evaluates rules by priority with every condition type, fixed responses and redirects', async () => {
    const a = await target('default-target');
    const tg = await targetGroup('rules-default');
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: tg, Targets: [{ Id: '127.0.0.1', Port: a.port }] }));
    const listener = (
      await elb.send(
        new E.CreateListenerCommand({ LoadBalancerArn: lbArn, Port: 8001, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] }),
      )
    ).Listeners![0];
    const fixed = (body: string): E.Action[] => [
      { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', ContentType: 'text/plain', MessageBody: body } },
    ];
    const rule = async (Priority: number, Conditions: E.RuleCondition[], Actions: E.Action[]) =>
      (await elb.send(new E.CreateRuleCommand({ ListenerArn: listener.ListenerArn, Priority, Conditions, Actions }))).Rules![0].RuleArn!;
    const api = await rule(10, [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }], fixed('api'));
    const canary = await rule(
      5,
      [{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Canary', Values: ['y*s'] } }],
      fixed('canary'),
    );
    await rule(20, [{ Field: 'host-header', Values: ['*.example.com'] }], fixed('host'));
    await rule(30, [{ Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['DELETE'] } }], fixed('delete'));
    await rule(40, [{ Field: 'query-string', QueryStringConfig: { Values: [{ Key: 'v', Value: '2' }] } }], fixed('query'));
    await rule(
      50,
      [
        { Field: 'source-ip', SourceIpConfig: { Values: ['127.0.0.0/8'] } },
        { Field: 'path-pattern', Values: ['/src'] },
      ],
      fixed('source'),
    );
    await rule(60, [{ Field: 'source-ip', SourceIpConfig: { Values: ['10.0.0.0/8'] } }], fixed('never'));
    await rule(
      70,
      [{ Field: 'path-pattern', Values: ['/old'] }],
      [{ Type: 'redirect', RedirectConfig: { Path: '/new', Query: 'from=old', StatusCode: 'HTTP_301' } }],
    );
    await rule(
      80,
      [{ Field: 'path-pattern', Values: ['/missing?'] }],
      [
        {
          Type: 'fixed-response',
          FixedResponseConfig: { StatusCode: '404', ContentType: 'application/json', MessageBody: '{"error":"gone"}' },
        },
      ],
    );
    await healthy(tg, 1);
    const base = `http://${dns}:8001`;
    const body = async (path: string, opts: Parameters<typeof get>[1] = {}) => (await get(base + path, opts)).body;
    await waitFor('the rules to be served', async () => (await body('/api/x')) === 'api', 10_000, 50);
    assert.equal(
      await body('/api/x', { headers: { 'X-Canary': 'YES' } }),
      'canary',
      'priority 5 beats 10; header values are not case-sensitive',
    );
    assert.equal(await body('/', { headers: { Host: 'shop.example.com' } }), 'host');
    assert.equal(await body('/', { headers: { Host: 'example.com' } }), 'default-target');
    assert.equal(await body('/anything', { method: 'DELETE' }), 'delete');
    assert.equal(await body('/?a=1&v=2'), 'query');
    assert.equal(await body('/?v=3'), 'default-target');
    assert.equal(await body('/src'), 'source');
    assert.equal(await body('/API/x'), 'default-target', 'path patterns are case-sensitive');
    const redirect = await get(`${base}/old?x=1`);
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.location, `http://${dns}:8001/new?from=old`);
    const missing = await get(`${base}/missing1`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['content-type'], 'application/json');
    assert.equal(missing.body, '{"error":"gone"}');

    await elb.send(new E.SetRulePrioritiesCommand({ RulePriorities: [{ RuleArn: canary, Priority: 15 }] }));
    await waitFor('the new priorities', async () => (await body('/api/x', { headers: { 'X-Canary': 'yes' } })) === 'api', 10_000, 50);
    await elb.send(new E.ModifyRuleCommand({ RuleArn: api, Conditions: [{ Field: 'path-pattern', Values: ['/v2/*'] }] }));
    await waitFor('the modified rule', async () => (await body('/v2/x')) === 'api', 10_000, 50);
    assert.equal(await body('/api/x'), 'default-target');
    await elb.send(new E.DeleteListenerCommand({ ListenerArn: listener.ListenerArn }));
  });

  it('regex conditions route; transforms rewrite the path and Host after the rule is chosen, and can be reset', async () => {
    const echo = await target('echo', (req, res) => res.end(JSON.stringify({ url: req.url, host: req.headers.host })));
    const tg = await targetGroup('rewrites');
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: tg, Targets: [{ Id: '127.0.0.1', Port: echo.port }] }));
    const listener = (
      await elb.send(
        new E.CreateListenerCommand({ LoadBalancerArn: lbArn, Port: 8009, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] }),
      )
    ).Listeners![0];
    const fixed = (body: string): E.Action[] => [
      { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', ContentType: 'text/plain', MessageBody: body } },
    ];
    const rule = async (Priority: number, Conditions: E.RuleCondition[], Actions: E.Action[], Transforms?: E.RuleTransform[]) =>
      (await elb.send(new E.CreateRuleCommand({ ListenerArn: listener.ListenerArn, Priority, Conditions, Actions, Transforms }))).Rules![0];
    const versioned = await rule(
      10,
      [{ Field: 'path-pattern', PathPatternConfig: { RegexValues: ['^/api/v[0-9]+/'] } }],
      [{ Type: 'forward', TargetGroupArn: tg }],
      [
        {
          Type: 'url-rewrite',
          UrlRewriteConfig: { Rewrites: [{ Regex: '^/api/v([0-9]+)/(.*)$', Replace: '/internal/$2?version=$1&note=100%' }] },
        },
        {
          Type: 'host-header-rewrite',
          HostHeaderRewriteConfig: { Rewrites: [{ Regex: '^(.+)\\.example\\.com$', Replace: '$1.internal' }] },
        },
      ],
    );
    assert.deepEqual(versioned.Conditions, [
      { Field: 'path-pattern', RegexValues: ['^/api/v[0-9]+/'], PathPatternConfig: { RegexValues: ['^/api/v[0-9]+/'] } },
    ]);
    assert.equal(versioned.Transforms?.length, 2);
    // A rewrite into /internal/ must not send the request to the rule below, chosen by the new path.
    await rule(20, [{ Field: 'path-pattern', Values: ['/internal/*'] }], fixed('internal rule'));
    await rule(
      30,
      [{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'User-Agent', RegexValues: ['curl/[0-9.]+$'] } }],
      fixed('curl'),
    );
    await rule(40, [{ Field: 'host-header', HostHeaderConfig: { RegexValues: ['^shop-[a-z]+\\.'] } }], fixed('shop'));
    await healthy(tg, 1);
    const base = `http://${dns}:8009`;
    const seen = async (path: string, headers: Record<string, string> = {}) => (await get(base + path, { headers })).body;
    await waitFor('the rules to be served', async () => (await seen('/x', { 'User-Agent': 'curl/8.1.2' })) === 'curl', 10_000, 50);
    // The rewrite sees the Host the client sent; ALB's own rule (the listener's port added on a port
    // other than 80 and 443) then applies to the result.
    assert.deepEqual(JSON.parse(await seen('/api/v2/users/7', { Host: 'shop.example.com' })), {
      url: '/internal/users/7?version=2&note=100%',
      host: 'shop.internal:8009',
    });
    assert.deepEqual(
      JSON.parse(await seen('/api/v2/users/7', { Host: 'other.test' })),
      { url: '/internal/users/7?version=2&note=100%', host: 'other.test:8009' },
      'no match: the Host is not rewritten',
    );
    assert.equal(await seen('/internal/users/7'), 'internal rule');
    assert.equal(
      await seen('/', { 'User-Agent': 'curl/8.1.2 (x)' }),
      JSON.stringify({ url: '/', host: `${dns}:8009` }),
      'regex must match where it is anchored',
    );
    assert.equal(await seen('/', { Host: 'shop-eu.example.com' }), 'shop');
    assert.equal(await seen('/api/vX/users'), JSON.stringify({ url: '/api/vX/users', host: `${dns}:8009` }));

    await elb.send(new E.ModifyRuleCommand({ RuleArn: versioned.RuleArn, ResetTransforms: true }));
    await waitFor('the transforms to be gone', async () => JSON.parse(await seen('/api/v3/a')).url === '/api/v3/a', 10_000, 50);
    const described = (await elb.send(new E.DescribeRulesCommand({ RuleArns: [versioned.RuleArn!] }))).Rules![0];
    assert.equal(described.Transforms, undefined);
    await elb.send(new E.DeleteListenerCommand({ ListenerArn: listener.ListenerArn }));
  });

  it('health checks move targets through ALB states with their reasons; only healthy targets get traffic, all when none is', async () => {
    let mode: 'ok' | '404' | 'hang' = 'ok';
    const flaky = await target('flaky', (req, res) => {
      if (req.url === '/health' && mode === 'hang') return; // never answers
      if (req.url === '/health' && mode === '404') res.statusCode = 404;
      res.end('flaky');
    });
    const steady = await target('steady');
    const tg = await targetGroup('health', { HealthCheckPath: '/health' });
    await elb.send(
      new E.RegisterTargetsCommand({
        TargetGroupArn: tg,
        Targets: [
          { Id: '127.0.0.1', Port: flaky.port },
          { Id: '127.0.0.1', Port: steady.port },
        ],
      }),
    );
    assert.deepEqual(
      (await targetStates(elb, tg)).map((x) => x.split(' ').slice(1).join(' ')),
      ['unused Target.NotInUse', 'unused Target.NotInUse'],
    );
    const listener = (
      await elb.send(
        new E.CreateListenerCommand({ LoadBalancerArn: lbArn, Port: 8002, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] }),
      )
    ).Listeners![0];
    await healthy(tg, 2);
    await waitFor('the listener', async () => (await get(`http://${dns}:8002/`)).status === 200, 10_000, 50);
    assert.ok(flaky.seen.some((r) => r.url === '/health' && r.headers['user-agent'] === 'ELB-HealthChecker/2.0'));
    const url = `http://${dns}:8002/`;
    const key = `127.0.0.1:${flaky.port}`;
    const stateOf = async () => (await targetStates(elb, tg)).find((x) => x.startsWith(`${key} `))!.slice(key.length + 1);

    mode = '404';
    await waitFor('ResponseCodeMismatch', async () => (await stateOf()) === 'unhealthy Target.ResponseCodeMismatch', 20_000, 50);
    const described = await elb.send(
      new E.DescribeTargetHealthCommand({ TargetGroupArn: tg, Targets: [{ Id: '127.0.0.1', Port: flaky.port }] }),
    );
    assert.equal(described.TargetHealthDescriptions![0].TargetHealth!.Description, 'Health checks failed with these codes: [404]');
    assert.deepEqual([...(await spread(url, 40))], [['steady', 40]], 'an unhealthy target gets no traffic');

    mode = 'ok';
    await waitFor('healthy again', async () => (await stateOf()) === 'healthy', 20_000, 50);
    mode = 'hang';
    await waitFor('Timeout', async () => (await stateOf()) === 'unhealthy Target.Timeout', 20_000, 50);
    mode = 'ok';
    await waitFor('healthy again', async () => (await stateOf()) === 'healthy', 20_000, 50);
    mode = '404';
    await steady.close();
    await waitFor('both unhealthy', async () => (await targetStates(elb, tg)).every((x) => x.includes('unhealthy')), 20_000, 50);
    assert.match((await targetStates(elb, tg)).find((x) => x.startsWith(`127.0.0.1:${steady.port}`))!, /Target.FailedHealthChecks$/);
    const failOpen = await spread(url, 20);
    assert.equal(failOpen.get('flaky'), 20, `with no healthy target every target gets traffic: ${JSON.stringify([...failOpen])}`);
    const unknown = await elb.send(new E.DescribeTargetHealthCommand({ TargetGroupArn: tg, Targets: [{ Id: '127.0.0.9', Port: 1 }] }));
    assert.deepEqual(unknown.TargetHealthDescriptions![0].TargetHealth, {
      State: 'unused',
      Reason: 'Target.NotRegistered',
      Description: 'Target is not registered to the target group',
    });
    await elb.send(new E.DeleteListenerCommand({ ListenerArn: listener.ListenerArn }));
  });

  it('drains a deregistered target: its in-flight request finishes, new requests go elsewhere, then it is gone', async () => {
    const slow = await target('slow', (req, res) => {
      if (req.url === '/slow') setTimeout(() => res.end('slow done'), 2500);
      else res.end('slow');
    });
    const other = await target('other');
    const tg = await targetGroup('draining');
    await elb.send(
      new E.ModifyTargetGroupAttributesCommand({
        TargetGroupArn: tg,
        Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '80' }],
      }),
    );
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: tg, Targets: [{ Id: '127.0.0.1', Port: slow.port }] }));
    const listener = (
      await elb.send(
        new E.CreateListenerCommand({ LoadBalancerArn: lbArn, Port: 8003, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] }),
      )
    ).Listeners![0];
    await healthy(tg, 1);
    const url = `http://${dns}:8003`;
    await waitFor('the listener', async () => (await get(`${url}/`)).body === 'slow', 10_000, 50);
    const inFlight = get(`${url}/slow`);
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: tg, Targets: [{ Id: '127.0.0.1', Port: other.port }] }));
    await healthy(tg, 2);
    await elb.send(new E.DeregisterTargetsCommand({ TargetGroupArn: tg, Targets: [{ Id: '127.0.0.1', Port: slow.port }] }));
    assert.ok((await targetStates(elb, tg)).includes(`127.0.0.1:${slow.port} draining Target.DeregistrationInProgress`));
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual([...(await spread(`${url}/`, 40))], [['other', 40]], 'a draining target gets no new requests');
    const finished = await inFlight;
    assert.deepEqual([finished.status, finished.body], [200, 'slow done'], 'the in-flight request finished');
    await waitFor('the drained target to be gone', async () => (await targetStates(elb, tg)).length === 1, 10_000, 50);
    await elb.send(new E.DeleteListenerCommand({ ListenerArn: listener.ListenerArn }));
  });

  it('adds X-Forwarded-For/-Proto/-Port, keeps connections to targets alive, and passes Connection: Upgrade through', async () => {
    const echo = await target('echo', (req, res) => res.end(JSON.stringify(req.headers)));
    echo.server.on('upgrade', (req, socket: Socket) => {
      const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
      );
      socket.on('data', (d) => socket.write(`echo:${d}`));
      socket.on('end', () => socket.destroy());
    });
    const tg = await targetGroup('headers');
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: tg, Targets: [{ Id: '127.0.0.1', Port: echo.port }] }));
    const listener = (
      await elb.send(
        new E.CreateListenerCommand({ LoadBalancerArn: lbArn, Port: 8004, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] }),
      )
    ).Listeners![0];
    await healthy(tg, 1);
    const url = `http://${dns}:8004/`;
    await waitFor('the listener', async () => (await get(url)).status === 200, 10_000, 50);
    const headers = JSON.parse((await get(url, { headers: { 'X-Forwarded-For': '203.0.113.7' } })).body);
    assert.match(headers['x-forwarded-for'], /^203\.0\.113\.7, 127\.0\.0\.1$/);
    assert.equal(headers['x-forwarded-proto'], 'http');
    assert.equal(headers['x-forwarded-port'], '8004');

    const before = echo.seen.length;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; i < 30; i++) await get(url, { agent });
    agent.destroy();
    const sockets = new Set(
      echo.seen
        .slice(before)
        .filter((r) => r.url === '/')
        .map((r) => r.socket.remotePort),
    );
    assert.ok(sockets.size <= 2, `30 requests used ${sockets.size} connections to the target`);

    const reply = await new Promise<string>((resolve, reject) => {
      const key = randomBytes(16).toString('base64');
      const req = request(url, {
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': key, 'Sec-WebSocket-Version': '13' },
      });
      req.on('upgrade', (res, socket) => {
        assert.equal(res.statusCode, 101);
        socket.once('data', (d) => {
          resolve(String(d));
          socket.destroy();
        });
        socket.write('ping');
      });
      req.on('response', (res) => reject(new Error(`no upgrade: HTTP ${res.statusCode}`)));
      req.on('error', reject);
      req.end();
    });
    assert.equal(reply, 'echo:ping');
    await elb.send(new E.DeleteListenerCommand({ ListenerArn: listener.ListenerArn }));
  });

  it('lb_cookie stickiness keeps a client on one target; least outstanding requests is accepted', async () => {
    const [one, two] = [await target('one'), await target('two')];
    const tg = await targetGroup('sticky');
    await elb.send(
      new E.ModifyTargetGroupAttributesCommand({
        TargetGroupArn: tg,
        Attributes: [
          { Key: 'stickiness.enabled', Value: 'true' },
          { Key: 'stickiness.type', Value: 'lb_cookie' },
          { Key: 'load_balancing.algorithm.type', Value: 'least_outstanding_requests' },
        ],
      }),
    );
    await elb.send(
      new E.RegisterTargetsCommand({
        TargetGroupArn: tg,
        Targets: [
          { Id: '127.0.0.1', Port: one.port },
          { Id: '127.0.0.1', Port: two.port },
        ],
      }),
    );
    const listener = (
      await elb.send(
        new E.CreateListenerCommand({ LoadBalancerArn: lbArn, Port: 8005, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] }),
      )
    ).Listeners![0];
    await healthy(tg, 2);
    const url = `http://${dns}:8005/`;
    await waitFor('the listener', async () => (await get(url)).status === 200, 10_000, 50);
    const first = await get(url);
    const cookie = String(first.headers['set-cookie'] ?? '').split(';')[0];
    assert.match(cookie, /^AWSALB=/);
    for (let i = 0; i < 20; i++) assert.equal((await get(url, { headers: { Cookie: cookie } })).body, first.body);
    const unstuck = await spread(url, 40);
    assert.equal(unstuck.size, 2, `without the cookie both targets answer: ${JSON.stringify([...unstuck])}`);
    await elb.send(new E.DeleteListenerCommand({ ListenerArn: listener.ListenerArn }));
  });

  it('HTTPS target groups: health checks over TLS by default, traffic re-encrypted to the target, certificates not verified', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-tls-target-'));
    const t = await startTlsTarget('tls-target', dir);
    targets.push(t);
    const tg = (
      await elb.send(
        new E.CreateTargetGroupCommand({
          Name: 'tls-targets',
          Protocol: 'HTTPS',
          Port: 443,
          TargetType: 'ip',
          VpcId: 'vpc-1',
          ...FAST_HEALTH,
        }),
      )
    ).TargetGroups![0];
    assert.equal(tg.HealthCheckProtocol, 'HTTPS', "an HTTPS target group's health checks speak HTTPS unless told otherwise");
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: '127.0.0.1', Port: t.port }] }));
    const listener = (
      await elb.send(
        new E.CreateListenerCommand({
          LoadBalancerArn: lbArn,
          Port: 8011,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }],
        }),
      )
    ).Listeners![0];
    await healthy(tg.TargetGroupArn!, 1);
    await waitFor('the listener to reach the TLS target', async () => (await get(`http://${dns}:8011/`)).body === 'tls-target', 10_000, 50);
    assert.equal(t.seen.at(-1)!.headers['x-forwarded-proto'], 'http', 'the client spoke HTTP to the listener');
    assert.ok(
      t.seen.some((r) => r.headers['user-agent'] === 'ELB-HealthChecker/2.0'),
      'health checks reached the target over TLS',
    );
    await elb.send(new E.ModifyTargetGroupCommand({ TargetGroupArn: tg.TargetGroupArn, HealthCheckProtocol: 'HTTP' }));
    await waitFor(
      'plain HTTP health checks against a TLS target to fail',
      async () => (await targetStates(elb, tg.TargetGroupArn!))[0]?.includes(' unhealthy '),
      20_000,
      50,
    );
    await elb.send(new E.DeleteListenerCommand({ ListenerArn: listener.ListenerArn }));
    rmSync(dir, { recursive: true, force: true });
  });

  it('structural changes (rules, a listener) reload HAProxy under load without failing a request, kept-alive or new', async () => {
    const { tg, listener, url } = await served('steady', 8012);
    const pid = haproxyPid(s.dataDir);
    const kept = steadyLoad(url, 4);
    const fresh = steadyLoad(url, 4, false);
    for (let i = 1; i <= 8; i++) {
      const rule = (
        await elb.send(
          new E.CreateRuleCommand({
            ListenerArn: listener.ListenerArn,
            Priority: i,
            Conditions: [{ Field: 'path-pattern', Values: [`/r${i}`] }],
            Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', MessageBody: `rule ${i}` } }],
          }),
        )
      ).Rules![0];
      await waitFor(`rule ${i} served (a reload)`, async () => (await get(`http://${dns}:8012/r${i}`)).body === `rule ${i}`, 10_000, 20);
      if (i % 2 === 0) await elb.send(new E.DeleteRuleCommand({ RuleArn: rule.RuleArn }));
    }
    const extra = (
      await elb.send(
        new E.CreateListenerCommand({ LoadBalancerArn: lbArn, Port: 8013, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] }),
      )
    ).Listeners![0];
    await waitFor(
      'the new listener',
      async () => (await get(`http://${dns}:8013/`).catch(() => ({ body: '' }))).body === 'steady',
      10_000,
      50,
    );
    const [k, f] = [await kept.stop(), await fresh.stop()];
    assert.equal(k.failed + f.failed, 0, `failed requests: ${[...k.failures, ...f.failures].join('; ')}`);
    assert.ok(k.ok > 100 && f.ok > 100, `enough load: ${k.ok} kept-alive, ${f.ok} new-connection requests`);
    assert.equal(haproxyPid(s.dataDir), pid, 'the same HAProxy master, reloaded');
    await elb.send(new E.DeleteListenerCommand({ ListenerArn: extra.ListenerArn }));
    await elb.send(new E.DeleteListenerCommand({ ListenerArn: listener.ListenerArn }));
  });

  it('an HAProxy that dies (kill -9) while Slipway runs is started again, serving the same listeners', async () => {
    const { listener, url } = await served('revived', 8010);
    const pid = haproxyPid(s.dataDir)!;
    process.kill(pid, 'SIGKILL');
    await waitFor(
      'a new HAProxy serving the listener',
      async () => {
        const now = haproxyPid(s.dataDir);
        return now !== undefined && now !== pid && (await get(url).catch(() => ({ body: '' }))).body === 'revived';
      },
      20_000,
      100,
    );
    const status = (await (await fetch(`${s.endpoint}/_slipway/health`)).json()) as {
      elb: { dataPlane: { process: string; pid: number }; listeners: number };
    };
    assert.deepEqual(
      status.elb.dataPlane,
      { process: 'haproxy', pid: haproxyPid(s.dataDir), refused: [] },
      '`slipway status` shows the HAProxy that serves',
    );
    assert.ok(status.elb.listeners >= 1);
    await elb.send(new E.DeleteListenerCommand({ ListenerArn: listener.ListenerArn }));
  });

  it('a restarted Slipway adopts the running HAProxy: same process, no failed request, changes still apply', async () => {
    const dataDir = tempDataDir();
    let first: TestSlipway | undefined = await startTestSlipway({ timeScale: 20, dataDir });
    try {
      const c = elbClient(first.endpoint);
      const t = await target('adopted');
      const tgArn = (
        await c.send(
          new E.CreateTargetGroupCommand({ Name: 'adopt', Protocol: 'HTTP', Port: 80, TargetType: 'ip', VpcId: 'vpc-1', ...FAST_HEALTH }),
        )
      ).TargetGroups![0].TargetGroupArn!;
      const lb = (await c.send(new E.CreateLoadBalancerCommand({ Name: 'adopt' }))).LoadBalancers![0];
      await c.send(
        new E.CreateListenerCommand({
          LoadBalancerArn: lb.LoadBalancerArn,
          Port: 8000,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }],
        }),
      );
      await c.send(new E.RegisterTargetsCommand({ TargetGroupArn: tgArn, Targets: [{ Id: '127.0.0.1', Port: t.port }] }));
      await waitFor('healthy', async () => (await targetStates(c, tgArn))[0]?.endsWith(' healthy'), 20_000, 50);
      const url = `http://${lb.DNSName}:8000/`;
      await waitFor('the listener', async () => (await get(url)).body === 'adopted', 10_000, 50);
      const pid = haproxyPid(dataDir);
      const load = steadyLoad(url, 4);
      await new Promise((r) => setTimeout(r, 300));
      await first.app.close();
      first = undefined;
      await new Promise((r) => setTimeout(r, 300));
      const second = await startTestSlipway({ timeScale: 20, dataDir });
      first = second;
      await new Promise((r) => setTimeout(r, 500));
      const stats = await load.stop();
      assert.equal(stats.failed, 0, `failed requests: ${stats.failures.join('; ')}`);
      assert.ok(stats.ok > 50, `only ${stats.ok} requests`);
      assert.equal(haproxyPid(dataDir), pid, 'the same HAProxy serves on');
      const c2 = elbClient(second.endpoint);
      await c2.send(new E.DeregisterTargetsCommand({ TargetGroupArn: tgArn, Targets: [{ Id: '127.0.0.1', Port: t.port }] }));
      await waitFor('deregistration to reach HAProxy', async () => (await get(url)).status === 503, 10_000, 50);
    } finally {
      await first?.app.close();
      await stopHaproxy(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
