/**
 * What a request's transport and lack of signature mean under --auth: API calls over the TLS port
 * carry aws:SecureTransport = true into identity and resource policies alike, and an unsigned S3
 * request (path-style or virtual-hosted) is the anonymous principal, let in by a bucket policy
 * naming `*` and by nothing else, while every other service still refuses it.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, PutBucketPolicyCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { adminCredentials, type Credentials, userWithPolicy } from '../support/auth.ts';
import { expectAwsError } from '../support/ecr.ts';
import { clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const run = promisify(execFile);
const ACCOUNT = '000000000000';
const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('auth: transport and the anonymous principal', () => {
  let slipway: TestSlipway;
  let admin: Credentials;
  /** SDK v3 clients over plain HTTP, or over HTTPS trusting Slipway's local CA. */
  const clients = (credentials: Credentials, secure: boolean) => {
    const endpoint = secure ? slipway.app.tls!.endpoint : slipway.endpoint;
    const requestHandler = secure
      ? new NodeHttpHandler({ httpsAgent: new Agent({ ca: readFileSync(slipway.app.tls!.caFile) }) })
      : undefined;
    const config = { ...clientConfig(endpoint), credentials: { ...credentials }, requestHandler };
    return { s3: new S3Client({ ...config, forcePathStyle: true }), ecs: new ECSClient(config), iam: new IAMClient(config) };
  };
  /** curl, which signs nothing: status and body. */
  const curl = async (url: string, args: string[] = []) => {
    const { stdout } = await run('curl', ['-s', '-w', '\n%{http_code}', ...args, url]);
    const at = stdout.lastIndexOf('\n');
    return { status: Number(stdout.slice(at + 1)), body: stdout.slice(0, at) };
  };

  before(async () => {
    slipway = await startTestSlipway({ auth: true, tls: true });
    admin = adminCredentials(slipway.dataDir);
    const { s3 } = clients(admin, false);
    for (const Bucket of ['public-site', 'private-stuff']) await s3.send(new CreateBucketCommand({ Bucket }));
    await s3.send(new PutObjectCommand({ Bucket: 'public-site', Key: 'index.html', Body: '<h1>hello</h1>' }));
    await s3.send(new PutObjectCommand({ Bucket: 'public-site', Key: 'secret.txt', Body: 'hidden' }));
    await s3.send(new PutObjectCommand({ Bucket: 'private-stuff', Key: 'notes.txt', Body: 'mine' }));
  });
  after(() => slipway.close());

  it('weighs aws:SecureTransport as true over the TLS port, in identity and resource policies', async () => {
    const { iam, s3 } = clients(admin, false);
    const secureOnly = { Bool: { 'aws:SecureTransport': 'true' } };
    const user = await userWithPolicy(iam, 'tls-caller', [
      { Effect: 'Allow', Action: ['ecs:ListClusters', 'iam:GetAccountSummary'], Resource: '*', Condition: secureOnly },
    ]);
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'private-stuff',
        Policy: policy([
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/tls-caller` },
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::private-stuff/*',
            Condition: secureOnly,
          },
        ]),
      }),
    );
    const plain = clients(user, false);
    const secure = clients(user, true);
    await expectAwsError(plain.ecs.send(new ListClustersCommand({})), 'AccessDeniedException', /ecs:ListClusters/);
    assert.ok((await secure.ecs.send(new ListClustersCommand({}))).clusterArns);
    const read = { Bucket: 'private-stuff', Key: 'notes.txt' };
    await expectAwsError(plain.s3.send(new GetObjectCommand(read)), 'AccessDenied', /s3:GetObject/);
    assert.equal(await (await secure.s3.send(new GetObjectCommand(read))).Body?.transformToString(), 'mine');

    // Slipway's own signed endpoints weigh it too: health tells its details to a caller allowed iam:GetAccountSummary.
    const health = async (base: string) => {
      const url = new URL('/_slipway/health', base);
      const signer = new SignatureV4({ service: 'slipway', region: 'us-east-1', credentials: user, sha256: Sha256 });
      const signed = await signer.sign({
        method: 'GET',
        protocol: url.protocol,
        hostname: url.hostname,
        port: Number(url.port),
        path: url.pathname,
        headers: { host: url.host },
      });
      const { stdout } = await run('curl', [
        '-s',
        '--cacert',
        slipway.app.tls!.caFile,
        ...Object.entries(signed.headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
        url.href,
      ]);
      return Object.keys(JSON.parse(stdout)).length > 2;
    };
    assert.equal(await health(slipway.endpoint), false, 'over HTTP: no details');
    assert.equal(await health(slipway.app.tls!.endpoint), true, 'over HTTPS: the details');
  });

  it('serves an unsigned S3 request as the anonymous principal, as far as a bucket policy naming * allows', async () => {
    const base = slipway.endpoint;
    const refused = await curl(`${base}/public-site/index.html`);
    assert.equal(refused.status, 403);
    assert.match(refused.body, /<Code>AccessDenied<\/Code>/);
    assert.match(refused.body, /<Message>Access Denied<\/Message>/);

    await clients(admin, false).s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'public-site',
        Policy: policy([
          { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::public-site/*' },
          { Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::public-site' },
          { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::public-site/secret.txt' },
        ]),
      }),
    );
    const page = await curl(`${base}/public-site/index.html`);
    assert.deepEqual(page, { status: 200, body: '<h1>hello</h1>' });
    const port = new URL(base).port;
    const virtual = await curl(`${base}/index.html`, ['-H', `Host: public-site.localhost:${port}`]);
    assert.deepEqual(virtual, { status: 200, body: '<h1>hello</h1>' });
    const listing = await curl(`${base}/public-site?list-type=2`);
    assert.equal(listing.status, 200);
    assert.match(listing.body, /<Key>index.html<\/Key>/);

    assert.equal((await curl(`${base}/public-site/secret.txt`)).status, 403, 'an explicit Deny to * holds');
    const put = await curl(`${base}/public-site/index.html`, ['-X', 'PUT', '--data-binary', 'defaced']);
    assert.equal(put.status, 403, 'only what the policy grants');
    assert.match(put.body, /<Code>AccessDenied<\/Code>/);
    assert.equal((await curl(`${base}/public-site/index.html`)).body, '<h1>hello</h1>', 'the refused PUT wrote nothing');
    assert.equal((await curl(`${base}/private-stuff/notes.txt`)).status, 403, 'a grant to a named user is not a grant to anyone');
    assert.equal((await curl(`${base}/no-such-bucket/x`)).status, 403, 'a missing bucket is not told apart');
    const https = await curl(`${slipway.app.tls!.endpoint}/public-site/index.html`, ['--cacert', slipway.app.tls!.caFile]);
    assert.deepEqual(https, { status: 200, body: '<h1>hello</h1>' });
  });

  it('lets no other service take an unsigned caller, and leaves the edge routes as they were', async () => {
    const base = slipway.endpoint;
    const ecs = await curl(base, [
      '-X',
      'POST',
      '-H',
      'X-Amz-Target: AmazonEC2ContainerServiceV20141113.ListClusters',
      '-H',
      'Content-Type: application/x-amz-json-1.1',
      '--data',
      '{}',
    ]);
    assert.equal(ecs.status, 403);
    assert.equal(JSON.parse(ecs.body).__type, 'MissingAuthenticationTokenException');
    const iam = await curl(base, ['--data', 'Action=ListUsers&Version=2010-05-08']);
    assert.equal(iam.status, 403);
    assert.match(iam.body, /<Code>MissingAuthenticationToken<\/Code>/);
    const health = await curl(`${base}/_slipway/health`);
    assert.deepEqual(Object.keys(JSON.parse(health.body)).sort(), ['status', 'version']);
    assert.equal((await curl(`${base}/v2/`)).status, 401, 'the registry asks for its own login');
    assert.equal((await curl(`${base}/_slipway/console`)).status, 308, 'the console still redirects to its page');
    const root = await curl(`${base}/`);
    assert.equal(root.status, 404);
    assert.match(JSON.parse(root.body).message, /Nothing is served at GET \//);
  });
});
