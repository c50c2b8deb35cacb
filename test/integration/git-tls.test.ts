/**
 * git-remote-codecommit against Slipway: the edge over HTTPS (--tls-port) with a certificate from
 * the local CA in the data directory, and git given exactly the URL the helper builds for
 * `codecommit::us-east-1://app` with CODE_COMMIT_ENDPOINT=localhost:<port>.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeCommitClient, CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { adminCredentials, codecommitHelperUrl, type Credentials } from '../support/auth.ts';
import { gitIn, newRepository } from '../support/codepipeline.ts';
import { clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

describe('git over HTTPS, as git-remote-codecommit drives it', () => {
  let slipway: TestSlipway;
  let work: string;
  let admin: Credentials;
  let reader: Credentials;
  let tlsOnly: Credentials;
  let endpoint: string;
  let trusting: (cwd: string) => (...args: string[]) => Promise<string>;

  before(async () => {
    slipway = await startTestSlipway({ auth: true, tls: true });
    admin = adminCredentials(slipway.dataDir);
    endpoint = new URL(slipway.app.tls!.endpoint).host;
    trusting = (cwd) => gitIn(cwd, { GIT_SSL_CAINFO: slipway.app.tls!.caFile });
    work = mkdtempSync(join(tmpdir(), 'slipway-git-tls-'));
    const config = { ...clientConfig(slipway.endpoint), credentials: { ...admin } };
    await new CodeCommitClient(config).send(new CreateRepositoryCommand({ repositoryName: 'app' }));
    const iam = new IAMClient(config);
    await iam.send(new CreateUserCommand({ UserName: 'reader' }));
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'codecommit:GitPull', Resource: 'arn:aws:codecommit:us-east-1:000000000000:app' }],
    };
    await iam.send(new PutUserPolicyCommand({ UserName: 'reader', PolicyName: 'pull', PolicyDocument: JSON.stringify(policy) }));
    const { AccessKey: key } = await iam.send(new CreateAccessKeyCommand({ UserName: 'reader' }));
    reader = { accessKeyId: key!.AccessKeyId!, secretAccessKey: key!.SecretAccessKey! };
    await iam.send(new CreateUserCommand({ UserName: 'tls-only' }));
    const secureOnly = { ...policy.Statement[0], Condition: { Bool: { 'aws:SecureTransport': 'true' } } };
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'tls-only',
        PolicyName: 'pull-over-tls',
        PolicyDocument: JSON.stringify({ ...policy, Statement: [secureOnly] }),
      }),
    );
    const { AccessKey: tlsKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'tls-only' }));
    tlsOnly = { accessKeyId: tlsKey!.AccessKeyId!, secretAccessKey: tlsKey!.SecretAccessKey! };
  });
  after(async () => {
    rmSync(work, { recursive: true, force: true });
    await slipway.close();
  });

  it('keeps the CA in the data directory, its key readable by its owner only', () => {
    assert.equal(slipway.app.tls!.caFile, join(slipway.dataDir, 'tls', 'ca', 'ca.pem'));
    assert.equal(statSync(join(slipway.dataDir, 'tls', 'ca', 'ca.key')).mode & 0o777, 0o600);
  });

  it("serves the same edge, taking a page's requests from its own https origin", async () => {
    const status = (origin: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        const req = get(
          `${slipway.app.tls!.endpoint}/_slipway/health`,
          { ca: readFileSync(slipway.app.tls!.caFile), headers: { origin } },
          (res) => resolve(res.resume().statusCode),
        );
        req.once('error', reject);
      });
    assert.equal(await status(slipway.app.tls!.endpoint), 200);
    assert.equal(await status(`http://${endpoint}`), 403);
  });

  it('pushes and clones with the helper URL when git trusts the CA', async () => {
    const src = join(work, 'src');
    await newRepository(trusting, src, { README: 'hello over TLS\n' });
    await trusting(src)('push', '-q', codecommitHelperUrl(admin, endpoint, 'app'), 'main');
    const clone = join(work, 'clone');
    await trusting(work)('clone', '-q', codecommitHelperUrl(reader, endpoint, 'app'), clone);
    assert.equal(await trusting(clone)('rev-parse', 'HEAD'), await trusting(src)('rev-parse', 'HEAD'));
  });

  it('fails certificate verification when git does not trust the CA', async () => {
    await assert.rejects(gitIn(work)('ls-remote', codecommitHelperUrl(admin, endpoint, 'app')), /certificate|SSL/i);
  });

  it('answers aws:SecureTransport: true over TLS only', async () => {
    assert.match(await trusting(work)('ls-remote', codecommitHelperUrl(tlsOnly, endpoint, 'app')), /refs\/heads\/main/);
    const plainHost = new URL(slipway.endpoint).host;
    const plain = codecommitHelperUrl(tlsOnly, plainHost, 'app').replace(/^https:/, 'http:');
    await assert.rejects(trusting(work)('ls-remote', plain), /not authorized to perform: codecommit:GitPull/);
  });

  it('refuses a wrong password, and a push by a user without GitPush', async () => {
    const wrong = codecommitHelperUrl({ ...reader, secretAccessKey: `${reader.secretAccessKey}x` }, endpoint, 'app');
    await assert.rejects(trusting(work)('ls-remote', wrong), /Authentication failed/);
    const clone = join(work, 'clone');
    writeFileSync(join(clone, 'README'), 'changed\n');
    await trusting(clone)('commit', '-qam', 'second');
    await assert.rejects(
      trusting(clone)('push', '-q', codecommitHelperUrl(reader, endpoint, 'app'), 'main'),
      /not authorized to perform: codecommit:GitPush/,
    );
  });
});
