/**
 * Errors the edge itself raises reach each caller in its own protocol, so the SDKs and the CLI
 * name them: a body too large (413), a missing Action, an unknown Query version, an unknown
 * operation, and paths that serve nothing.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { ListClustersCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { elbClient } from '../support/elb.ts';
import { form, jsonCall, rawRequest } from '../support/raw.ts';
import { startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const huge = 'x'.repeat(17 * 1024 * 1024);

describe('edge: errors in the caller protocol', () => {
  let s: TestSlipway;
  before(async () => {
    s = await startTestSlipway();
  });
  after(() => s.close());

  it('a 17 MB body is RequestEntityTooLarge (413) to the JSON SDK, which names it, and Slipway goes on serving', async () => {
    const call = s.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'big',
        containerDefinitions: [{ name: 'a', image: 'a', environment: [{ name: 'X', value: huge }] }],
      }),
    );
    await assert.rejects(call, (err: Error & { $metadata: { httpStatusCode: number } }) => {
      assert.equal(err.name, 'RequestEntityTooLarge');
      assert.equal(err.$metadata.httpStatusCode, 413);
      return true;
    });
    await s.ecs.send(new ListClustersCommand({}));
  });

  it('a 17 MB body is RequestEntityTooLarge (413) in Query XML to the ELBv2 SDK', async () => {
    await assert.rejects(
      elbClient(s.endpoint).send(new E.CreateTargetGroupCommand({ Name: huge })),
      (err: Error & { $metadata: { httpStatusCode: number } }) => {
        assert.equal(err.name, 'RequestEntityTooLarge');
        assert.equal(err.$metadata.httpStatusCode, 413);
        return true;
      },
    );
    const raw = await rawRequest(s.endpoint, form({ Action: 'CreateTargetGroup', Version: '2015-12-01', Name: huge }));
    assert.equal(raw.status, 413);
    assert.match(raw.text, /<ErrorResponse><Error><Type>Sender<\/Type><Code>RequestEntityTooLarge<\/Code>/);
  });

  it('a Query form with no Action, or for a version Slipway does not serve, answers in Query XML', async () => {
    const missing = await rawRequest(s.endpoint, form({ Version: '2015-12-01' }));
    assert.equal(missing.status, 400);
    assert.match(missing.text, /<Code>MissingAction<\/Code>/);
    const none = await rawRequest(s.endpoint, form({ Name: 'x' }));
    assert.equal(none.status, 400);
    assert.match(none.text, /<Code>MissingAction<\/Code>/);
    const version = await rawRequest(s.endpoint, form({ Action: 'DescribeDBInstances', Version: '2014-10-31' }));
    assert.equal(version.status, 501);
    assert.match(
      version.text,
      /<Code>NotImplemented<\/Code><Message>Slipway does not serve the Query API version '2014-10-31' yet<\/Message>/,
    );
  });

  it('an unknown operation of a served JSON API is UnknownOperationException; bad JSON is SerializationException', async () => {
    const unknown = await rawRequest(s.endpoint, jsonCall('AmazonEC2ContainerServiceV20141113.NoSuchThing'));
    assert.equal(unknown.status, 400);
    assert.equal(JSON.parse(unknown.text).__type, 'UnknownOperationException');
    const bad = await rawRequest(s.endpoint, { ...jsonCall('AmazonEC2ContainerServiceV20141113.ListClusters'), body: '{"a":' });
    assert.equal(bad.status, 400);
    assert.equal(JSON.parse(bad.text).__type, 'SerializationException');
  });

  it('a body that is not UTF-8 is refused, not read with replacement characters', async () => {
    const notUtf8 = Buffer.concat([Buffer.from('{"clusterName":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const json = await rawRequest(s.endpoint, { ...jsonCall('AmazonEC2ContainerServiceV20141113.CreateCluster'), body: notUtf8 });
    assert.equal(json.status, 400);
    assert.deepEqual(JSON.parse(json.text), { __type: 'SerializationException', message: 'The request body is not valid UTF-8' });
    const query = await rawRequest(s.endpoint, {
      ...form({}),
      body: Buffer.concat([Buffer.from('Action=DescribeLoadBalancers&Version=2015-12-01&Names.member.1='), Buffer.from([0xff])]),
    });
    assert.equal(query.status, 400);
    assert.match(query.text, /<Code>MalformedQueryString<\/Code>/);
    const clusters = await rawRequest(s.endpoint, jsonCall('AmazonEC2ContainerServiceV20141113.ListClusters'));
    assert.ok(!clusters.text.includes('\ufffd'), 'no cluster was made from the replaced name');
  });

  it('a request that is no AWS API call and matches no route is a plain 404', async () => {
    const res = await rawRequest(s.endpoint, { path: '/nothing-here' });
    assert.equal(res.status, 404);
    assert.match(JSON.parse(res.text).message, /Nothing is served at GET \/nothing-here/);
  });
});
