/**
 * Calls to services Slipway does not serve yet get an error their client parses, told apart by
 * the SigV4 scope's service, the X-Amz-Target prefix or the Query form: the real aws CLI prints
 * "An error occurred (NotImplemented) … Slipway does not serve <service> yet", never a parse error.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { form, jsonCall, rawRequest } from '../support/raw.ts';
import { cliEnv, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

/** Runs the aws CLI expecting it to fail; returns what it printed on stderr. */
function awsFails(endpoint: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'aws',
      ['--endpoint-url', endpoint, ...args],
      {
        env: { ...cliEnv, AWS_MAX_ATTEMPTS: '1' },
      },
      (err, _stdout, stderr) => (err ? resolve(stderr.trim()) : reject(new Error(`aws ${args.join(' ')} succeeded`))),
    );
  });
}

describe('edge: services Slipway does not serve yet', () => {
  let s: TestSlipway;
  before(async () => {
    s = await startTestSlipway();
  });
  after(() => s.close());

  const cases: [string[], string, string][] = [
    [['rds', 'describe-db-instances'], 'DescribeDBInstances', 'rds'],
    [['cloudformation', 'list-stacks'], 'ListStacks', 'cloudformation'],
    [['sns', 'list-topics'], 'ListTopics', 'sns'],
    [['events', 'list-rules'], 'ListRules', 'events'],
  ];
  for (const [args, operation, service] of cases) {
    it(`aws ${args.join(' ')} prints NotImplemented naming ${service}`, async () => {
      const printed = await awsFails(s.endpoint, args);
      assert.match(
        printed,
        new RegExp(
          `An error occurred \\(NotImplemented\\) when calling the ${operation} operation: Slipway does not serve ${service} yet$`,
        ),
        printed,
      );
    });
  }

  it('answers each protocol in its own error shape with 501', async () => {
    const sig = (service: string) =>
      `AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=00`;
    const s3 = await rawRequest(s.endpoint, { path: '/my-bucket?acl', headers: { authorization: sig('s3') } });
    assert.equal(s3.status, 501);
    assert.match(
      s3.text,
      /^<\?xml[^>]*>\n<Error><Code>NotImplemented<\/Code><Message>Slipway does not implement S3 GetBucketAcl yet\. [^<]*<\/Message><RequestId>[^<]+<\/RequestId><\/Error>$/,
    );
    const ec2 = await rawRequest(s.endpoint, {
      ...form({ Action: 'RunInstances', Version: '2016-11-15' }),
      headers: { ...form({}).headers, authorization: sig('ec2') },
    });
    assert.equal(ec2.status, 501);
    assert.match(
      ec2.text,
      /<Response><Errors><Error><Code>NotImplemented<\/Code><Message>Slipway does not implement EC2 RunInstances yet\. /,
    );
    const unsigned = await rawRequest(s.endpoint, jsonCall('AWSEvents.ListRules', {}));
    assert.equal(unsigned.status, 501);
    assert.deepEqual(JSON.parse(unsigned.text), { __type: 'NotImplemented', message: 'Slipway does not serve AWSEvents yet' });
    const servedScope = await rawRequest(s.endpoint, jsonCall('Foo_20200101.ListThings', {}, { authorization: sig('ecs') }));
    assert.equal(JSON.parse(servedScope.text).message, 'Slipway does not serve Foo_20200101 yet');
    const wrongProtocol = await rawRequest(s.endpoint, {
      ...form({ Action: 'ListClusters' }),
      headers: { ...form({}).headers, authorization: sig('ecs') },
    });
    assert.equal(wrongProtocol.status, 501);
    assert.match(wrongProtocol.text, /<Message>Slipway does not serve ecs over the Query protocol \(it speaks json\) yet<\/Message>/);
    const lambda = await rawRequest(s.endpoint, { path: '/2015-03-31/functions/', headers: { authorization: sig('lambda') } });
    assert.equal(lambda.status, 501);
    assert.equal(lambda.headers['x-amzn-errortype'], 'NotImplemented');
  });
});
