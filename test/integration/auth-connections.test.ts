/**
 * The connections room with signatures required (--auth): a caller points a connection or host at a
 * token secret (`slipway:token-secret`) only when it may read that secret itself, under either
 * service name, and a refusal writes nothing.
 */
import assert from 'node:assert/strict';
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
import { expectAwsError } from '../support/ecr.ts';
import { aws, clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
const TOKEN_TAG = 'slipway:token-secret';

describe('auth: connections', () => {
  let slipway: TestSlipway;
  let iam: IAMClient;
  let tokenArn: string;
  const connectionsAs = (credentials: Credentials) =>
    new CodeStarConnectionsClient({ ...clientConfig(slipway.endpoint, REGION), credentials: { ...credentials } });
  const refusedRead = (user: string) =>
    `User: arn:aws:iam::${ACCOUNT}:user/${user} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${tokenArn} because no identity-based policy allows the secretsmanager:GetSecretValue action`;

  before(async () => {
    slipway = await startTestSlipway({ auth: true });
    const admin = adminCredentials(slipway.dataDir);
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
});
