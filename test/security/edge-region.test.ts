/**
 * The region comes from the caller's SigV4 credential scope and ends up in ARNs (and, through
 * load balancer names, in /etc/hosts lines): only region names of AWS's shape are taken. A
 * malformed one gets the caller protocol's signature error and writes nothing.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { ListClustersCommand } from '@aws-sdk/client-ecs';
import { elbClient } from '../support/elb.ts';
import { form, jsonCall, rawRequest } from '../support/raw.ts';
import { ecsClient, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const signed = (region: string, service: string) => ({
  authorization: `AWS4-HMAC-SHA256 Credential=test/20240101/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`,
});

describe('edge: the credential scope region', () => {
  let s: TestSlipway;
  before(async () => {
    s = await startTestSlipway();
  });
  after(() => s.close());

  const bad = ['us-east-1"><x', 'evil\nline', 'us_east_1', 'aws-global', 'US-EAST-1', 'us-east-1.example.com', 'a'.repeat(70)];

  it('refuses a malformed region on JSON APIs with InvalidSignatureException and creates nothing', async () => {
    for (const region of bad) {
      const res = await rawRequest(
        s.endpoint,
        jsonCall('AmazonEC2ContainerServiceV20141113.CreateCluster', { clusterName: 'scoped' }, signed(encodeURI(region), 'ecs')),
      );
      assert.equal(res.status, 400, region);
      const body = JSON.parse(res.text);
      assert.equal(body.__type, 'InvalidSignatureException');
      assert.match(body.message, /Credential should be scoped to a valid region/);
    }
    const clusters = (await s.ecs.send(new ListClustersCommand({}))).clusterArns ?? [];
    assert.deepEqual(
      clusters.filter((a) => a.endsWith('/scoped')),
      [],
    );
  });

  it('refuses a malformed region on the Query API with an XML error and creates nothing', async () => {
    const params = { Action: 'CreateTargetGroup', Version: '2015-12-01', Name: 'scoped', Protocol: 'HTTP', Port: '80', VpcId: 'vpc-1' };
    const res = await rawRequest(s.endpoint, {
      ...form(params),
      headers: { ...form({}).headers, ...signed('us-east-1%0a', 'elasticloadbalancing') },
    });
    assert.equal(res.status, 400);
    assert.match(
      res.text,
      /<Error><Type>Sender<\/Type><Code>IncompleteSignature<\/Code><Message>Credential should be scoped to a valid region/,
    );
    await assert.rejects(elbClient(s.endpoint).send(new E.DescribeTargetGroupsCommand({ Names: ['scoped'] })), {
      name: 'TargetGroupNotFoundException',
    });
  });

  it('takes the regions of every AWS partition and puts them in ARNs', async () => {
    for (const region of [
      'us-east-1',
      'ap-southeast-7',
      'cn-northwest-1',
      'us-gov-west-1',
      'us-isob-east-1',
      'eu-isoe-west-1',
      'eusc-de-east-1',
    ]) {
      const arns = (await ecsClient(s.endpoint, region).send(new ListClustersCommand({}))).clusterArns!;
      assert.ok(
        arns.every((a) => a.startsWith(`arn:aws:ecs:${region}:`)),
        `${region}: ${arns}`,
      );
    }
  });
});
