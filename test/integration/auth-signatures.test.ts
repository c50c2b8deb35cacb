/**
 * Signatures required (--auth): the administrator's key and its credentials file, and every way a
 * signature is refused — missing, unknown key, wrong secret, clock skew, a session's token missing
 * or expired, presigned S3 URLs tampered with or expired — each in the error its protocol's
 * clients expect, through the SDK v3 clients and the aws CLI. Open mode is checked to stay open.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { IamFacade } from '../../src/services/iam/index.ts';
import { adminCredentials, type Credentials } from '../support/auth.ts';
import { expectAwsError } from '../support/ecr.ts';
import { cliEnv, clientConfig, facadeOf, startTestSlipway, tempDataDir, type TestSlipway } from '../support/slipway.ts';
import { rmSync } from 'node:fs';

const run = promisify(execFile);

const clients = (endpoint: string, credentials: Credentials, extra: { systemClockOffset?: number } = {}) => {
  const config = { ...clientConfig(endpoint), credentials: { ...credentials }, ...extra };
  return {
    ecs: new ECSClient(config),
    iam: new IAMClient(config),
    sts: new STSClient(config),
    s3: new S3Client({ ...config, forcePathStyle: true }),
  };
};

describe('auth: signatures', () => {
  let slipway: TestSlipway;
  let admin: Credentials;
  const dataDir = tempDataDir();

  before(async () => {
    slipway = await startTestSlipway({ auth: true, dataDir });
    admin = adminCredentials(dataDir);
  });
  after(async () => {
    await slipway.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates slipway-admin once, owner-only, as a shared-credentials file the aws CLI reads', async () => {
    assert.equal(slipway.app.adminKey?.accessKeyId, admin.accessKeyId);
    assert.equal(statSync(join(dataDir, 'credentials')).mode & 0o777, 0o600);
    assert.match(readFileSync(join(dataDir, 'credentials'), 'utf8'), /^\[slipway-admin\]\n/);
    const env: NodeJS.ProcessEnv = { ...cliEnv, AWS_SHARED_CREDENTIALS_FILE: join(dataDir, 'credentials'), AWS_PROFILE: 'slipway-admin' };
    delete env.AWS_ACCESS_KEY_ID;
    delete env.AWS_SECRET_ACCESS_KEY;
    const { stdout } = await run('aws', ['sts', 'get-caller-identity', '--output', 'json', '--endpoint-url', slipway.endpoint], { env });
    assert.equal(JSON.parse(stdout).Arn, 'arn:aws:iam::000000000000:user/slipway-admin');
    const { stdout: policies } = await run(
      'aws',
      ['iam', 'list-attached-user-policies', '--user-name', 'slipway-admin', '--output', 'json', '--endpoint-url', slipway.endpoint],
      { env },
    );
    assert.deepEqual(
      JSON.parse(policies).AttachedPolicies.map((p: { PolicyName: string }) => p.PolicyName),
      ['AdministratorAccess'],
    );
  });

  it('signed by a key it knows, a call is served', async () => {
    const c = clients(slipway.endpoint, admin);
    assert.ok((await c.ecs.send(new ListClustersCommand({}))).clusterArns);
    await c.s3.send(new CreateBucketCommand({ Bucket: 'signed' }));
    await c.s3.send(new PutObjectCommand({ Bucket: 'signed', Key: 'a b/c.txt', Body: 'hello' }));
    assert.equal((await c.sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:iam::000000000000:user/slipway-admin');
  });

  it('refuses an unsigned call in each protocol', async () => {
    const json = await fetch(slipway.endpoint, {
      method: 'POST',
      headers: { 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListClusters', 'content-type': 'application/x-amz-json-1.1' },
      body: '{}',
    });
    assert.equal(json.status, 403);
    assert.equal(((await json.json()) as { __type: string }).__type, 'MissingAuthenticationTokenException');
    const query = await fetch(`${slipway.endpoint}/?Action=ListUsers&Version=2010-05-08`);
    assert.equal(query.status, 403);
    assert.match(await query.text(), /<Code>MissingAuthenticationToken<\/Code>/);
    const s3 = await fetch(`${slipway.endpoint}/signed/a%20b/c.txt`, {
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/s3/aws4_request' },
    });
    assert.equal(s3.status, 400);
    assert.match(await s3.text(), /<Code>AuthorizationHeaderMalformed<\/Code>/);
    assert.equal((await fetch(`${slipway.endpoint}/?Action=GetCallerIdentity&Version=2011-06-15`)).status, 403);
  });

  it('refuses a key it does not know', async () => {
    const c = clients(slipway.endpoint, { accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: 'x' });
    await expectAwsError(
      c.ecs.send(new ListClustersCommand({})),
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
    await expectAwsError(c.iam.send(new ListUsersCommand({})), 'InvalidClientTokenId');
    await expectAwsError(c.s3.send(new ListBucketsCommand({})), 'InvalidAccessKeyId');
  });

  it('refuses a signature made with the wrong secret', async () => {
    const c = clients(slipway.endpoint, { ...admin, secretAccessKey: `${admin.secretAccessKey.slice(0, -1)}x` });
    await expectAwsError(c.ecs.send(new ListClustersCommand({})), 'InvalidSignatureException', /does not match the signature you provided/);
    await expectAwsError(c.iam.send(new ListUsersCommand({})), 'SignatureDoesNotMatch');
    await expectAwsError(c.s3.send(new GetObjectCommand({ Bucket: 'signed', Key: 'a b/c.txt' })), 'SignatureDoesNotMatch');
    const env = { ...cliEnv, AWS_ACCESS_KEY_ID: admin.accessKeyId, AWS_SECRET_ACCESS_KEY: 'wrong' };
    await assert.rejects(run('aws', ['ecs', 'list-clusters', '--endpoint-url', slipway.endpoint], { env }), (err: { stderr: string }) => {
      assert.match(err.stderr, /\(InvalidSignatureException\) when calling the ListClusters operation/);
      return true;
    });
  });

  it('refuses a signature made for another service', async () => {
    const host = new URL(slipway.endpoint).host;
    const signer = new SignatureV4({ service: 'ecr', region: 'us-east-1', credentials: admin, sha256: Sha256 });
    const target = 'AmazonEC2ContainerServiceV20141113.ListClusters';
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: Number(host.split(':')[1]),
      path: '/',
      headers: { host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body: '{}',
    });
    const res = await fetch(slipway.endpoint, { method: 'POST', headers: signed.headers, body: '{}' });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { __type: string; message: string };
    assert.equal(body.__type, 'IncompleteSignatureException');
    assert.equal(body.message, "Credential should be scoped to correct service: 'ecs'.");
  });

  it('refuses a request dated more than 15 minutes away', async () => {
    const c = clients(slipway.endpoint, admin, { systemClockOffset: -20 * 60_000 });
    await expectAwsError(
      c.ecs.send(new ListClustersCommand({})),
      'InvalidSignatureException',
      /^Signature expired: \d{8}T\d{6}Z is now earlier than/,
    );
    await expectAwsError(c.sts.send(new GetCallerIdentityCommand({})), 'RequestExpired');
    await expectAwsError(c.s3.send(new ListBucketsCommand({})), 'RequestTimeTooSkewed');
  });

  it("takes a session's key only with its token, and only until it expires", async () => {
    const { Credentials: session } = await clients(slipway.endpoint, admin).sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const key = { accessKeyId: session!.AccessKeyId!, secretAccessKey: session!.SecretAccessKey! };
    const withToken = clients(slipway.endpoint, { ...key, sessionToken: session!.SessionToken! });
    assert.equal((await withToken.sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:iam::000000000000:user/slipway-admin');
    await expectAwsError(clients(slipway.endpoint, key).ecs.send(new ListClustersCommand({})), 'UnrecognizedClientException');
    await expectAwsError(clients(slipway.endpoint, key).s3.send(new ListBucketsCommand({})), 'InvalidToken');

    const iam = facadeOf<IamFacade>(slipway.app, 'iam');
    const short = iam.issueUserSession({
      account: '000000000000',
      principalArn: 'arn:aws:iam::000000000000:user/slipway-admin',
      userName: 'slipway-admin',
      durationSeconds: 1,
    });
    const over = clients(slipway.endpoint, {
      accessKeyId: short.accessKeyId,
      secretAccessKey: short.secret,
      sessionToken: short.sessionToken,
    });
    await new Promise((r) => setTimeout(r, 1100));
    await expectAwsError(over.ecs.send(new ListClustersCommand({})), 'ExpiredTokenException');
    await expectAwsError(over.iam.send(new ListUsersCommand({})), 'ExpiredToken');
  });

  it('serves a presigned S3 URL as signed, and refuses it tampered with or expired', async () => {
    const s3 = clients(slipway.endpoint, admin).s3;
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'signed', Key: 'a b/c.txt' }), { expiresIn: 300 });
    const good = await fetch(url);
    assert.equal(good.status, 200);
    assert.equal(await good.text(), 'hello');

    const tampered = await fetch(url.replace('c.txt', 'd.txt'));
    assert.equal(tampered.status, 403);
    assert.match(await tampered.text(), /<Code>SignatureDoesNotMatch<\/Code>/);
    const forged = new URL(url);
    forged.searchParams.set('X-Amz-Expires', '3600');
    assert.match(await (await fetch(forged)).text(), /<Code>SignatureDoesNotMatch<\/Code>/);

    const old = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'signed', Key: 'a b/c.txt' }), {
      expiresIn: 60,
      signingDate: new Date(Date.now() - 3600_000),
    });
    const expired = await fetch(old);
    assert.equal(expired.status, 403);
    const body = await expired.text();
    assert.match(body, /<Code>AccessDenied<\/Code>/);
    assert.match(body, /Request has expired/);
  });

  it("checks an S3 body against its signature as it streams: x-amz-content-sha256, and each aws-chunked chunk's signature", async () => {
    const host = new URL(slipway.endpoint).host;
    const signer = new SignatureV4({ service: 's3', region: 'us-east-1', credentials: admin, sha256: Sha256, uriEscapePath: false });
    const put = async (key: string, contentSha256: string, extra: Record<string, string> = {}) => {
      const request = {
        method: 'PUT',
        protocol: 'http:',
        hostname: '127.0.0.1',
        port: Number(host.split(':')[1]),
        path: `/signed/${key}`,
        headers: { host, 'x-amz-content-sha256': contentSha256, ...extra },
      };
      const signed = await signer.sign(request);
      return {
        signed,
        send: (bytes: Buffer) =>
          fetch(`${slipway.endpoint}/signed/${key}`, { method: 'PUT', headers: signed.headers, body: new Uint8Array(bytes) }),
      };
    };
    const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

    const plain = Buffer.from('plain body');
    const honest = await put('plain', sha(plain));
    assert.equal((await honest.send(plain)).status, 200);
    const swapped = await honest.send(Buffer.from('other body'));
    assert.equal(swapped.status, 400);
    assert.match(await swapped.text(), /<Code>XAmzContentSHA256Mismatch<\/Code>/);

    // STREAMING-AWS4-HMAC-SHA256-PAYLOAD, framed and chained as the SDKs do.
    const parts = [Buffer.alloc(70_000, 'a'), Buffer.from('tail')];
    const decoded = Buffer.concat(parts);
    const { signed, send } = await put('chunked', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', {
      'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': String(decoded.length),
    });
    const date = signed.headers['x-amz-date'];
    const scope = `${date.slice(0, 8)}/us-east-1/s3/aws4_request`;
    const hmac = (k: Buffer | string, v: string) => createHmac('sha256', k).update(v).digest();
    const key = hmac(hmac(hmac(hmac(`AWS4${admin.secretAccessKey}`, date.slice(0, 8)), 'us-east-1'), 's3'), 'aws4_request');
    const frame = (chunks: Buffer[], signedAs: Buffer[] = chunks) => {
      let previous = (signed.headers.authorization as string).match(/Signature=([0-9a-f]{64})/)![1];
      const out: Buffer[] = [];
      for (const [i, data] of [...chunks, Buffer.alloc(0)].entries()) {
        const toSign = ['AWS4-HMAC-SHA256-PAYLOAD', date, scope, previous, sha(''), sha(signedAs[i] ?? Buffer.alloc(0))].join('\n');
        previous = hmac(key, toSign).toString('hex');
        out.push(Buffer.from(`${data.length.toString(16)};chunk-signature=${previous}\r\n`), data, Buffer.from('\r\n'));
      }
      return Buffer.concat(out);
    };
    assert.equal((await send(frame(parts))).status, 200);
    const c = clients(slipway.endpoint, admin);
    const got = await c.s3.send(new GetObjectCommand({ Bucket: 'signed', Key: 'chunked' }));
    assert.equal(await got.Body!.transformToString(), decoded.toString());

    const tampered = await send(frame([parts[0], Buffer.from('TAIL')], parts));
    assert.equal(tampered.status, 403);
    assert.match(await tampered.text(), /<Code>SignatureDoesNotMatch<\/Code>/);
    const still = await c.s3.send(new GetObjectCommand({ Bucket: 'signed', Key: 'chunked' }));
    assert.equal(await still.Body!.transformToString(), decoded.toString(), 'a refused upload writes nothing');
  });

  it('lets STS AssumeRoleWithWebIdentity through unsigned, as AWS does', async () => {
    const res = await fetch(slipway.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn:aws:iam::000000000000:role/none&RoleSessionName=session&WebIdentityToken=abcdefgh',
    });
    const text = await res.text();
    assert.doesNotMatch(text, /MissingAuthenticationToken/);
    assert.match(text, /<Code>(InvalidIdentityToken|AccessDenied)<\/Code>/);
  });

  it('a later start finds the credentials file and makes no new key', async () => {
    await slipway.close();
    slipway = await startTestSlipway({ auth: true, dataDir });
    assert.equal(slipway.app.adminKey, undefined);
    assert.deepEqual(adminCredentials(dataDir), admin);
    assert.ok((await clients(slipway.endpoint, admin).ecs.send(new ListClustersCommand({}))).clusterArns);
  });
});

describe('auth: open mode on loopback', () => {
  let slipway: TestSlipway;
  before(async () => {
    slipway = await startTestSlipway();
  });
  after(() => slipway.close());

  it('takes any credentials and writes no credentials file', async () => {
    assert.equal(existsSync(join(slipway.dataDir, 'credentials')), false);
    const c = clients(slipway.endpoint, { accessKeyId: 'anything', secretAccessKey: 'at-all' });
    assert.ok((await c.ecs.send(new ListClustersCommand({}))).clusterArns);
    assert.equal((await c.sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:iam::000000000000:root');
  });
});
