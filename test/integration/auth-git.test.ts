/**
 * Git over HTTPS with signatures required (--auth): a CodeCommit repository answers to IAM
 * service-specific credentials and to git-remote-codecommit's SigV4 password, and each clone or
 * push is authorized as codecommit:GitPull / codecommit:GitPush on the repository.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeCommitClient, CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import { CreateServiceSpecificCredentialCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { adminCredentials, codecommitPassword, type Credentials } from '../support/auth.ts';
import { gitIn, newRepository } from '../support/codepipeline.ts';
import { clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const REPO_ARN = 'arn:aws:codecommit:us-east-1:000000000000:app';

const git = gitIn;

describe('auth: git over HTTPS', () => {
  let slipway: TestSlipway;
  let work: string;
  let url: URL;
  let reader: { user: string; password: string };
  let admin: Credentials;

  before(async () => {
    slipway = await startTestSlipway({ auth: true });
    admin = adminCredentials(slipway.dataDir);
    work = mkdtempSync(join(tmpdir(), 'slipway-auth-git-'));
    const config = { ...clientConfig(slipway.endpoint), credentials: { ...admin } };
    await new CodeCommitClient(config).send(new CreateRepositoryCommand({ repositoryName: 'app' }));
    const iam = new IAMClient(config);
    await iam.send(new CreateUserCommand({ UserName: 'reader' }));
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'codecommit:GitPull', Resource: REPO_ARN }] };
    await iam.send(new PutUserPolicyCommand({ UserName: 'reader', PolicyName: 'pull', PolicyDocument: JSON.stringify(policy) }));
    const { ServiceSpecificCredential: c } = await iam.send(
      new CreateServiceSpecificCredentialCommand({ UserName: 'reader', ServiceName: 'codecommit.amazonaws.com' }),
    );
    reader = { user: c!.ServiceUserName!, password: c!.ServicePassword! };
    url = new URL('/v1/repos/app', slipway.endpoint);
  });
  after(async () => {
    rmSync(work, { recursive: true, force: true });
    await slipway.close();
  });

  const withUser = (user: string, password: string) => {
    const u = new URL(url);
    u.username = encodeURIComponent(user);
    u.password = encodeURIComponent(password);
    return u.toString();
  };

  it("pushes with the administrator's SigV4 password (git-remote-codecommit's)", async () => {
    const src = join(work, 'src');
    await newRepository(git, src, { README: 'hello\n' });
    await git(src)('push', '-q', withUser(admin.accessKeyId, codecommitPassword(admin, url.host, url.pathname)), 'main');
  });

  it('lets a service-specific credential pull where its policy allows, and refuses its push', async () => {
    const clone = join(work, 'clone');
    await git(work)('clone', '-q', withUser(reader.user, reader.password), clone);
    writeFileSync(join(clone, 'README'), 'changed\n');
    await git(clone)('commit', '-qam', 'second');
    await assert.rejects(git(clone)('push', '-q', 'origin', 'main'), /403|not authorized to perform: codecommit:GitPush/);
  });

  it('refuses no credentials, a wrong password, and a SigV4 password for another path', async () => {
    await assert.rejects(git(work)('ls-remote', url.toString()), /Authentication failed|could not read Username|401/);
    await assert.rejects(git(work)('ls-remote', withUser(reader.user, `${reader.password}x`)), /Authentication failed|401/);
    const elsewhere = withUser(admin.accessKeyId, codecommitPassword(admin, url.host, '/v1/repos/other'));
    await assert.rejects(git(work)('ls-remote', elsewhere), /Authentication failed|401/);
  });

  it('tells only a caller allowed to pull from it that a repository is not there', async () => {
    const missing = new URL('/v1/repos/missing/info/refs?service=git-upload-pack', slipway.endpoint);
    assert.equal((await fetch(missing)).status, 401);
    const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
    const asReader = await fetch(missing, { headers: basic(reader.user, reader.password) });
    assert.equal(asReader.status, 403);
    assert.match(await asReader.text(), /not authorized to perform: codecommit:GitPull/);
    const signed = codecommitPassword(admin, missing.host, '/v1/repos/missing');
    assert.equal((await fetch(missing, { headers: basic(admin.accessKeyId, signed) })).status, 404);
  });
});
