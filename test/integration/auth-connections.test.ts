/**
 * The connections room with signatures required (--auth): a caller points a connection or host at a
 * token secret (`slipway:token-secret`) only when it may read that secret itself, under either
 * service name, and a refusal writes nothing. Pull requests on the local git host (`slipway git pr`)
 * are authorized on the repositories' ARNs as git authorizes them: codecommit:GitPush on the base
 * repository, and codecommit:GitPull on a fork they come from.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeStarConnectionsClient,
  CreateConnectionCommand,
  CreateHostCommand,
  ListConnectionsCommand,
  ListHostsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
} from '@aws-sdk/client-codestar-connections';
import { IAMClient } from '@aws-sdk/client-iam';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { adminCredentials, type Credentials, userWithPolicy } from '../support/auth.ts';
import { gitIn, newRepository } from '../support/codepipeline.ts';
import { expectAwsError } from '../support/ecr.ts';
import { aws, clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
const TOKEN_TAG = 'slipway:token-secret';
const REPOS = `arn:aws:codecommit:${REGION}:${ACCOUNT}:team/`;
const bin = new URL('../../bin/slipway.js', import.meta.url).pathname;

describe('auth: connections', () => {
  let slipway: TestSlipway;
  let iam: IAMClient;
  let admin: Credentials;
  let tokenArn: string;
  const connectionsAs = (credentials: Credentials) =>
    new CodeStarConnectionsClient({ ...clientConfig(slipway.endpoint, REGION), credentials: { ...credentials } });
  const refusedRead = (user: string) =>
    `User: arn:aws:iam::${ACCOUNT}:user/${user} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${tokenArn} because no identity-based policy allows the secretsmanager:GetSecretValue action`;

  before(async () => {
    slipway = await startTestSlipway({ auth: true });
    admin = adminCredentials(slipway.dataDir);
    iam = new IAMClient({ ...clientConfig(slipway.endpoint, REGION), credentials: { ...admin } });
    const secrets = new SecretsManagerClient({ ...clientConfig(slipway.endpoint, REGION), credentials: { ...admin } });
    tokenArn = (await secrets.send(new CreateSecretCommand({ Name: 'github-token', SecretString: 'ghp-not-a-real-token' }))).ARN!;
  });
  after(() => slipway.close());

  describe('the token secret a connection sends', () => {
    const MANAGE = { Effect: 'Allow', Action: ['codestar-connections:*', 'codeconnections:*'], Resource: '*' };
    let tagger: Credentials;
    let reader: Credentials;
    before(async () => {
      tagger = await userWithPolicy(iam, 'tagger', [MANAGE]);
      reader = await userWithPolicy(iam, 'reader', [
        MANAGE,
        {
          Effect: 'Allow',
          Action: 'secretsmanager:GetSecretValue',
          Resource: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:github-token-??????`,
        },
      ]);
    });

    it('refuses CreateConnection and CreateHost naming a secret the caller may not read, and makes nothing', async () => {
      const client = connectionsAs(tagger);
      const Tags = [{ Key: TOKEN_TAG, Value: 'github-token' }];
      await expectAwsError(
        client.send(new CreateConnectionCommand({ ConnectionName: 'stolen', ProviderType: 'GitHub', Tags })),
        'AccessDeniedException',
        refusedRead('tagger'),
      );
      await expectAwsError(
        client.send(
          new CreateHostCommand({ Name: 'mine', ProviderType: 'GitLabSelfManaged', ProviderEndpoint: 'http://127.0.0.1:9', Tags }),
        ),
        'AccessDeniedException',
        refusedRead('tagger'),
      );
      // Named by its full ARN with a JSON key, it is still that secret.
      await expectAwsError(
        client.send(
          new CreateConnectionCommand({
            ConnectionName: 'stolen',
            ProviderType: 'GitHub',
            Tags: [{ Key: TOKEN_TAG, Value: `${tokenArn}:token::` }],
          }),
        ),
        'AccessDeniedException',
        refusedRead('tagger'),
      );
      assert.deepEqual((await client.send(new ListConnectionsCommand({}))).Connections, []);
      assert.deepEqual((await client.send(new ListHostsCommand({}))).Hosts, []);
    });

    it('refuses TagResource setting it, under either service name, and leaves the tags as they were', async () => {
      const client = connectionsAs(tagger);
      const { ConnectionArn } = await client.send(
        new CreateConnectionCommand({ ConnectionName: 'plain', ProviderType: 'GitHub', Tags: [{ Key: 'team', Value: 'blue' }] }),
      );
      await expectAwsError(
        client.send(new TagResourceCommand({ ResourceArn: ConnectionArn, Tags: [{ Key: TOKEN_TAG, Value: 'github-token' }] })),
        'AccessDeniedException',
        refusedRead('tagger'),
      );
      const env = { AWS_ACCESS_KEY_ID: tagger.accessKeyId, AWS_SECRET_ACCESS_KEY: tagger.secretAccessKey, AWS_DEFAULT_REGION: REGION };
      await assert.rejects(
        aws(
          slipway.endpoint,
          ['codeconnections', 'tag-resource', '--resource-arn', ConnectionArn!, '--tags', `Key=${TOKEN_TAG},Value=github-token`],
          {
            env,
          },
        ),
        (err: Error) => err.message.includes('AccessDeniedException') && err.message.includes(refusedRead('tagger')),
      );
      const { Tags } = await client.send(new ListTagsForResourceCommand({ ResourceArn: ConnectionArn }));
      assert.deepEqual(Tags, [{ Key: 'team', Value: 'blue' }]);
      // Tags that name no token are the caller's to set.
      await client.send(new TagResourceCommand({ ResourceArn: ConnectionArn, Tags: [{ Key: 'stage', Value: 'prod' }] }));
    });

    it('lets a caller who may read the secret point a connection at it', async () => {
      const client = connectionsAs(reader);
      const { ConnectionArn } = await client.send(
        new CreateConnectionCommand({ ConnectionName: 'ours', ProviderType: 'GitHub', Tags: [{ Key: TOKEN_TAG, Value: 'github-token' }] }),
      );
      const { Tags } = await client.send(new ListTagsForResourceCommand({ ResourceArn: ConnectionArn }));
      assert.deepEqual(Tags, [{ Key: TOKEN_TAG, Value: 'github-token' }]);
    });
  });

  describe('pull requests on the local git host', () => {
    let work: string;
    let contributor: Credentials;
    let pusher: Credentials;

    /** `slipway git pr <args>` signed with `key`: its exit code, and what it printed. */
    const pr = (key: Credentials, ...args: string[]) =>
      new Promise<{ code: number; output: string }>((resolve) => {
        const env = { ...process.env, AWS_ACCESS_KEY_ID: key.accessKeyId, AWS_SECRET_ACCESS_KEY: key.secretAccessKey, AWS_REGION: REGION };
        execFile(process.execPath, [bin, 'git', 'pr', ...args, '--endpoint', slipway.endpoint], { env }, (err, stdout, stderr) =>
          resolve({ code: err ? Number(err.code ?? 1) : 0, output: `${stdout}${stderr}` }),
        );
      });
    const refusedGit = (user: string, action: string, repo: string) =>
      `User: arn:aws:iam::${ACCOUNT}:user/${user} is not authorized to perform: ${action} on resource: ${REPOS}${repo}`;

    before(async () => {
      work = mkdtempSync(join(tmpdir(), 'slipway-auth-pulls-'));
      const url = (repo: string) => {
        const u = new URL(`/_slipway/git/team/${repo}.git`, slipway.endpoint);
        [u.username, u.password] = [encodeURIComponent(admin.accessKeyId), encodeURIComponent(admin.secretAccessKey)];
        return u.toString();
      };
      const src = join(work, 'src');
      await newRepository(gitIn, src, { 'README.md': 'base' });
      await gitIn(src)('push', '-q', url('base'), 'main', 'main:feature');
      await gitIn(src)('push', '-q', url('private'), 'main:topic');
      // May push to (and so pull from) the base repository and nothing else.
      contributor = await userWithPolicy(iam, 'contributor', [
        { Effect: 'Allow', Action: ['codecommit:GitPull', 'codecommit:GitPush'], Resource: `${REPOS}base` },
      ]);
      // May push anywhere, but is denied reading the private repository.
      pusher = await userWithPolicy(iam, 'pusher', [
        { Effect: 'Allow', Action: ['codecommit:GitPull', 'codecommit:GitPush'], Resource: '*' },
        { Effect: 'Deny', Action: 'codecommit:GitPull', Resource: `${REPOS}private` },
      ]);
    });
    after(() => rmSync(work, { recursive: true, force: true }));

    it('lets a caller allowed to push to the base repository open, list and close its pull requests', async () => {
      const opened = await pr(contributor, 'open', 'team/base', '--source', 'feature', '--destination', 'main');
      assert.equal(opened.code, 0, opened.output);
      assert.equal(JSON.parse(opened.output).number, 1);
      const listed = await pr(contributor, 'list', 'team/base');
      assert.equal(listed.code, 0, listed.output);
      assert.deepEqual(
        JSON.parse(listed.output).pullRequests.map((p: { number: number }) => p.number),
        [1],
      );
      const closed = await pr(contributor, 'close', 'team/base', '1');
      assert.equal(closed.code, 0, closed.output);
    });

    it('refuses a pull request from a fork the caller may not pull, and opens none', async () => {
      for (const [key, user, why] of [
        [pusher, 'pusher', 'with an explicit deny in an identity-based policy'],
        [contributor, 'contributor', 'because no identity-based policy allows the codecommit:GitPull action'],
      ] as const) {
        const args = ['open', 'team/base', '--source', 'topic', '--destination', 'main', '--source-repository', 'team/private'];
        const refused = await pr(key, ...args);
        assert.equal(refused.code, 1, refused.output);
        assert.ok(refused.output.includes(`${refusedGit(user, 'codecommit:GitPull', 'private')} ${why}`), refused.output);
      }
      // Nor does it learn whether a fork it may not pull exists.
      const absent = await pr(
        contributor,
        'open',
        'team/base',
        '--source',
        'topic',
        '--destination',
        'main',
        '--source-repository',
        'team/none',
      );
      assert.ok(absent.output.includes(refusedGit('contributor', 'codecommit:GitPull', 'none')), absent.output);
      const listed = await pr(pusher, 'list', 'team/base');
      assert.deepEqual(
        JSON.parse(listed.output).pullRequests.map((p: { number: number }) => p.number),
        [1],
      );
    });

    it('refuses pull requests on a base repository the caller may not push to, naming its ARN', async () => {
      const refused = await pr(contributor, 'open', 'team/private', '--source', 'topic', '--destination', 'main');
      assert.equal(refused.code, 1, refused.output);
      assert.ok(refused.output.includes(refusedGit('contributor', 'codecommit:GitPush', 'private')), refused.output);
      const listed = await pr(contributor, 'list', 'team/private');
      assert.ok(listed.output.includes(refusedGit('contributor', 'codecommit:GitPull', 'private')), listed.output);
    });
  });
});
