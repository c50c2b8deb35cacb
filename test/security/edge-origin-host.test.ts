/**
 * Cross-site requests and DNS rebinding: a web page must not drive Slipway through a browser.
 * Host must be a name Slipway serves, Origin (when sent) Slipway's own, and API calls marked
 * cross-site by the browser are refused — each in the caller's own protocol — while the
 * clients Slipway serves (SDKs, the aws CLI, docker's registry calls, builds through the bridge
 * relay's address) keep working.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { ListClustersCommand } from '@aws-sdk/client-ecs';
import { elbClient } from '../support/elb.ts';
import { form, jsonCall, rawRequest } from '../support/raw.ts';
import { startTestSlipway, type TestSlipway } from '../support/slipway.ts';

describe('edge: Host and Origin', () => {
  let s: TestSlipway;
  let port: string;
  before(async () => {
    s = await startTestSlipway();
    port = new URL(s.endpoint).port;
  });
  after(() => s.close());

  const targetGroup = (name: string) => ({
    Action: 'CreateTargetGroup',
    Version: '2015-12-01',
    Name: name,
    Protocol: 'HTTP',
    Port: '80',
    VpcId: 'vpc-1',
  });
  const groupExists = async (name: string) =>
    elbClient(s.endpoint)
      .send(new E.DescribeTargetGroupsCommand({ Names: [name] }))
      .then(
        () => true,
        (err: Error) => {
          assert.equal(err.name, 'TargetGroupNotFoundException');
          return false;
        },
      );

  it('refuses a cross-site form POST (Origin of another site) in Query XML, and creates nothing', async () => {
    const res = await rawRequest(s.endpoint, {
      ...form(targetGroup('csrf-post')),
      headers: { ...form({}).headers, origin: 'http://evil.example' },
    });
    assert.equal(res.status, 403);
    assert.match(
      res.text,
      /<ErrorResponse><Error><Type>Sender<\/Type><Code>AccessDenied<\/Code><Message>[^<]*another origin[^<]*<\/Message><\/Error><RequestId>/,
    );
    assert.equal(await groupExists('csrf-post'), false);
    const nullOrigin = await rawRequest(s.endpoint, {
      ...form(targetGroup('csrf-null')),
      headers: { ...form({}).headers, origin: 'null' },
    });
    assert.equal(nullOrigin.status, 403);
    assert.equal(await groupExists('csrf-null'), false);
  });

  it('refuses API calls a browser marks cross-site or same-site (an <img> GET of a Query URL), and creates nothing', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const res = await rawRequest(s.endpoint, {
        path: `/?${new URLSearchParams(targetGroup(`csrf-${site}`))}`,
        headers: { 'sec-fetch-site': site },
      });
      assert.equal(res.status, 403, site);
      assert.match(res.text, /<Code>AccessDenied<\/Code>/);
      assert.equal(await groupExists(`csrf-${site}`), false);
    }
  });

  it('refuses a JSON API call from another origin with a JSON error', async () => {
    const res = await rawRequest(
      s.endpoint,
      jsonCall('AmazonEC2ContainerServiceV20141113.CreateCluster', { clusterName: 'csrf' }, { origin: 'http://evil.example' }),
    );
    assert.equal(res.status, 403);
    assert.equal(JSON.parse(res.text).__type, 'AccessDeniedException');
    assert.deepEqual(
      (await s.ecs.send(new ListClustersCommand({}))).clusterArns?.filter((a) => a.endsWith('/csrf')),
      [],
    );
  });

  it('takes requests from its own origin', async () => {
    const res = await rawRequest(s.endpoint, {
      ...form({ Action: 'DescribeLoadBalancers', Version: '2015-12-01' }),
      headers: { ...form({}).headers, origin: s.endpoint, 'sec-fetch-site': 'same-origin' },
    });
    assert.equal(res.status, 200, res.text);
  });

  it('refuses Host names it does not serve (DNS rebinding, load balancer names), in each caller protocol', async () => {
    for (const host of [
      `rebind.example:${port}`,
      `my-app-lb-2087195924.us-east-1.elb.slipway.internal:${port}`,
      'localhost.evil.example',
    ]) {
      const query = await rawRequest(s.endpoint, {
        ...form({ Action: 'DescribeLoadBalancers', Version: '2015-12-01' }),
        headers: { ...form({}).headers, host },
      });
      assert.equal(query.status, 403, host);
      assert.match(query.text, /<Code>AccessDenied<\/Code><Message>Slipway does not answer to the host name/);
      const json = await rawRequest(s.endpoint, jsonCall('AmazonEC2ContainerServiceV20141113.ListClusters', {}, { host }));
      assert.equal(json.status, 403);
      assert.equal(JSON.parse(json.text).__type, 'AccessDeniedException');
      const registry = await rawRequest(s.endpoint, { path: '/v2/', headers: { host } });
      assert.equal(registry.status, 403);
      assert.equal(JSON.parse(registry.text).errors[0].code, 'DENIED');
      const health = await rawRequest(s.endpoint, { path: '/_slipway/health', headers: { host } });
      assert.equal(health.status, 403);
    }
  });

  it('serves loopback names and addresses, IP addresses (the build relay on the bridge gateway) and the machine name', async () => {
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `[::1]:${port}`,
      `172.17.0.1:${port}`,
      `${hostname()}:${port}`,
      `api.localhost:${port}`,
    ]) {
      const res = await rawRequest(s.endpoint, { path: '/_slipway/health', headers: { host } });
      assert.equal(res.status, 200, host);
      const registry = await rawRequest(s.endpoint, { path: '/v2/', headers: { host } });
      assert.equal(registry.status, 401, `${host}: the registry asks for credentials`);
    }
    await elbClient(s.endpoint).send(new E.DescribeLoadBalancersCommand({}));
  });
});
