/**
 * Slipway's own git host (/_slipway/git/<owner>/<repo>.git) with signatures required (--auth):
 * anonymous callers are asked for credentials, and each clone or push is authorized as
 * codecommit:GitPull / codecommit:GitPush on arn:aws:codecommit:<region>:<account>:<owner>/<repo>.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CreateAccessKeyCommand,
  CreateServiceSpecificCredentialCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { adminCredentials, codecommitPassword, type Credentials } from '../support/auth.ts';
import { gitIn, newRepository } from '../support/codepipeline.ts';
import { clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const TEAM = 'arn:aws:codecommit:us-east-1:000000000000:team/';

describe('auth: the local git host', () => {
  let slipway: TestSlipway;
  let work: string;
  let admin: Credentials;
  let puller: Credentials;
  let pusher: { user: string; password: string };
  const git = (cwd: string) => gitIn(cwd);

  /** The local host's URL for owner/repo, with Basic credentials when given. */
  const repoUrl = (repo: string, user?: string, password?: string) => {
    const u = new URL(`/_slipway/git/team/${repo}.git`, slipway.endpoint);
    if (user !== undefined) u.username = encodeURIComponent(user);
    if (password !== undefined) u.password = encodeURIComponent(password);
    return u.toString();
  };

  async function userWith(iam: IAMClient, name: string, actions: string[], resource: string): Promise<void> {
    await iam.send(new CreateUserCommand({ UserName: name }));
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] };
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'git', PolicyDocument: JSON.stringify(policy) }));
  }

  before(async () => {
    slipway = await startTestSlipway({ auth: true });
    admin = adminCredentials(slipway.dataDir);
    work = mkdtempSync(join(tmpdir(), 'slipway-git-auth-'));
    const iam = new IAMClient({ ...clientConfig(slipway.endpoint), credentials: { ...admin } });
    await userWith(iam, 'puller', ['codecommit:GitPull'], `${TEAM}*`);
    const { AccessKey: key } = await iam.send(new CreateAccessKeyCommand({ UserName: 'puller' }));
    puller = { accessKeyId: key!.AccessKeyId!, secretAccessKey: key!.SecretAccessKey! };
    await userWith(iam, 'pusher', ['codecommit:GitPull', 'codecommit:GitPush'], `${TEAM}app`);
    const { ServiceSpecificCredential: c } = await iam.send(
      new CreateServiceSpecificCredentialCommand({ UserName: 'pusher', ServiceName: 'codecommit.amazonaws.com' }),
    );
    pusher = { user: c!.ServiceUserName!, password: c!.ServicePassword! };
  });
  after(async () => {
    rmSync(work, { recursive: true, force: true });
    await slipway.close();
  });

  it('asks an anonymous caller for credentials, and git gives up without them', async () => {
    const res = await fetch(`${repoUrl('app')}/info/refs?service=git-upload-pack`);
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /^Basic realm="[^"]+"$/);
    await assert.rejects(git(work)('ls-remote', repoUrl('app')), /Authentication failed|could not read Username/);
  });

  it("creates a repository on the administrator's push, with its access key and secret as user and password", async () => {
    const src = join(work, 'src');
    await newRepository(gitIn, src, { README: 'hello\n' });
    await git(src)('push', '-q', repoUrl('app', admin.accessKeyId, admin.secretAccessKey), 'main');
    const refs = await git(work)('ls-remote', repoUrl('app', admin.accessKeyId, admin.secretAccessKey));
    assert.match(refs, /refs\/heads\/main/);
  });

  it('refuses a wrong secret and a SigV4 password made for another repository', async () => {
    await assert.rejects(git(work)('ls-remote', repoUrl('app', puller.accessKeyId, `${puller.secretAccessKey}x`)), /Authentication failed/);
    const elsewhere = codecommitPassword(puller, new URL(slipway.endpoint).host, '/_slipway/git/team/other.git');
    await assert.rejects(git(work)('ls-remote', repoUrl('app', puller.accessKeyId, elsewhere)), /Authentication failed/);
  });

  it('lets a user allowed only GitPull clone (SigV4 password) but not push', async () => {
    const host = new URL(slipway.endpoint).host;
    const signed = codecommitPassword(puller, host, '/_slipway/git/team/app.git');
    const clone = join(work, 'pulled');
    await git(work)('clone', '-q', repoUrl('app', puller.accessKeyId, signed), clone);
    writeFileSync(join(clone, 'README'), 'changed\n');
    await git(clone)('commit', '-qam', 'second');
    await assert.rejects(
      git(clone)('push', '-q', repoUrl('app', puller.accessKeyId, puller.secretAccessKey), 'main'),
      /Permission to team\/app\.git denied: .*not authorized to perform: codecommit:GitPush/,
    );
  });

  it('refuses push-to-create without GitPush there, and creates nothing', async () => {
    const src = join(work, 'src');
    await assert.rejects(
      git(src)('push', '-q', repoUrl('fresh', puller.accessKeyId, puller.secretAccessKey), 'main'),
      /not authorized to perform: codecommit:GitPush/,
    );
    await assert.rejects(
      git(src)('push', '-q', repoUrl('fresh', pusher.user, pusher.password), 'main'),
      /not authorized to perform: codecommit:GitPush/,
    );
    await assert.rejects(git(work)('ls-remote', repoUrl('fresh', admin.accessKeyId, admin.secretAccessKey)), /not found/i);
  });

  it("pushes with a service-specific credential where the user's policy allows", async () => {
    const clone = join(work, 'pushed');
    await git(work)('clone', '-q', repoUrl('app', pusher.user, pusher.password), clone);
    writeFileSync(join(clone, 'NEW'), 'more\n');
    await git(clone)('add', '.');
    await git(clone)('commit', '-qm', 'third');
    await git(clone)('push', '-q', 'origin', 'main');
    const refs = await git(work)('ls-remote', repoUrl('app', admin.accessKeyId, admin.secretAccessKey), 'main');
    assert.equal(refs.split('\t')[0], await git(clone)('rev-parse', 'HEAD'));
  });
});
