/**
 * S3 bucket policies under --auth: checked when put (MalformedPolicy in S3's words) and weighed
 * beside the caller's own policies — a grant lets in a user with no policy of its own (presigned
 * URLs too), an explicit Deny stops even the administrator, and conditions see s3:prefix,
 * aws:SourceIp and aws:SecureTransport.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { IAMClient } from '@aws-sdk/client-iam';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { adminCredentials, type Credentials, userWithPolicy } from '../support/auth.ts';
import { expectAwsError } from '../support/ecr.ts';
import { clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const ACCOUNT = '000000000000';
const refused = (user: string, action: string, resource: string) =>
  `User: arn:aws:iam::${ACCOUNT}:user/${user} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

const clients = (endpoint: string, credentials: Credentials) => {
  const config = { ...clientConfig(endpoint, 'eu-west-1'), credentials: { ...credentials } };
  return { s3: new S3Client({ ...config, forcePathStyle: true }), iam: new IAMClient(config) };
};

describe('auth: S3 bucket policies', () => {
  let slipway: TestSlipway;
  let admin: ReturnType<typeof clients>;
  const userWith = async (name: string, statements: object[]) =>
    clients(slipway.endpoint, await userWithPolicy(admin.iam, name, statements));

  before(async () => {
    slipway = await startTestSlipway({ auth: true });
    admin = clients(slipway.endpoint, adminCredentials(slipway.dataDir));
  });
  after(() => slipway.close());

  describe('S3 bucket policies', () => {
    let reader: ReturnType<typeof clients>;
    const object = { Bucket: 'shared', Key: 'docs/readme.txt' };
    const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

    before(async () => {
      await admin.s3.send(new CreateBucketCommand({ Bucket: 'shared' }));
      await admin.s3.send(new PutObjectCommand({ ...object, Body: 'hello' }));
      reader = await userWith('reader', []);
    });

    it('refuse what is not a policy on the bucket, in S3 words', async () => {
      const put = (Policy: string) => admin.s3.send(new PutBucketPolicyCommand({ Bucket: 'shared', Policy }));
      await expectAwsError(put('not json'), 'MalformedPolicy', "Policies must be valid JSON and the first byte must be '{'");
      const statement = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject' };
      await expectAwsError(
        put(policy([{ ...statement, Resource: 'arn:aws:s3:::elsewhere/*' }])),
        'MalformedPolicy',
        'Policy has invalid resource',
      );
      await expectAwsError(
        put(policy([{ ...statement, Action: 'ecs:ListClusters', Resource: 'arn:aws:s3:::shared/*' }])),
        'MalformedPolicy',
        'Policy has invalid action',
      );
      await expectAwsError(
        put(policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' }])),
        'MalformedPolicy',
        'Missing required field Principal',
      );
    });

    it("refuse a Resource beyond the bucket's own name space, wildcards in the bucket's name included, writing nothing", async () => {
      const put = (Resource: string | string[]) =>
        admin.s3.send(
          new PutBucketPolicyCommand({
            Bucket: 'shared',
            Policy: policy([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource }]),
          }),
        );
      const kept = ['arn:aws:s3:::shared', 'arn:aws:s3:::shared/*', 'arn:aws:s3:::shared/logs/*', 'arn:aws:s3:::shared/docs/r?adme.txt'];
      await put(kept);
      for (const resource of [
        'arn:aws:s3:::*',
        'arn:aws:s3:::*/*',
        'arn:aws:s3:::shar*/*',
        'arn:aws:s3:::shared*',
        'arn:aws:s3:::share?/*',
      ]) {
        await expectAwsError(put(['arn:aws:s3:::shared/*', resource]), 'MalformedPolicy', 'Policy has invalid resource');
      }
      const { Policy } = await admin.s3.send(new GetBucketPolicyCommand({ Bucket: 'shared' }));
      assert.deepEqual(JSON.parse(Policy!).Statement[0].Resource, kept);
      await admin.s3.send(new DeleteBucketPolicyCommand({ Bucket: 'shared' }));
    });

    it('grant a user with no policy of its own, presigned GET included, and an explicit Deny stops the administrator', async () => {
      const read = (c: ReturnType<typeof clients>) => c.s3.send(new GetObjectCommand(object));
      await expectAwsError(read(reader), 'AccessDenied', refused('reader', 's3:GetObject', 'arn:aws:s3:::shared/docs/readme.txt'));
      const presigned = await getSignedUrl(reader.s3, new GetObjectCommand(object), { expiresIn: 300 });
      assert.equal((await fetch(presigned)).status, 403);

      await admin.s3.send(
        new PutBucketPolicyCommand({
          Bucket: 'shared',
          Policy: policy([
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/reader` },
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::shared/docs/*',
            },
            {
              Effect: 'Deny',
              Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/slipway-admin` },
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::shared/*',
            },
          ]),
        }),
      );
      assert.equal(await (await read(reader)).Body?.transformToString(), 'hello');
      const signed = await fetch(await getSignedUrl(reader.s3, new GetObjectCommand(object), { expiresIn: 300 }));
      assert.equal(await signed.text(), 'hello');
      await expectAwsError(
        read(admin),
        'AccessDenied',
        /s3:GetObject on resource: arn:aws:s3:::shared\/docs\/readme.txt with an explicit deny in a resource-based policy/,
      );
      assert.equal((await admin.s3.send(new GetBucketPolicyStatusCommand({ Bucket: 'shared' }))).PolicyStatus?.IsPublic, false);

      await admin.s3.send(new DeleteBucketPolicyCommand({ Bucket: 'shared' }));
      assert.equal(await (await read(admin)).Body?.transformToString(), 'hello');
      await expectAwsError(read(reader), 'AccessDenied');
    });

    it('weigh s3:prefix, aws:SourceIp and aws:SecureTransport in their conditions', async () => {
      const lister = await userWith('lister', []);
      const who = { AWS: `arn:aws:iam::${ACCOUNT}:user/lister` };
      await admin.s3.send(
        new PutBucketPolicyCommand({
          Bucket: 'shared',
          Policy: policy([
            {
              Effect: 'Allow',
              Principal: who,
              Action: 's3:ListBucket',
              Resource: 'arn:aws:s3:::shared',
              Condition: { StringLike: { 's3:prefix': 'docs/*' } },
            },
            {
              Effect: 'Allow',
              Principal: who,
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::shared/*',
              Condition: { IpAddress: { 'aws:SourceIp': '127.0.0.0/8' } },
            },
            {
              Effect: 'Deny',
              Principal: who,
              Action: 's3:PutObject',
              Resource: 'arn:aws:s3:::shared/*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ]),
        }),
      );
      const { Contents } = await lister.s3.send(new ListObjectsV2Command({ Bucket: 'shared', Prefix: 'docs/' }));
      assert.deepEqual(
        Contents?.map((o) => o.Key),
        ['docs/readme.txt'],
      );
      await expectAwsError(
        lister.s3.send(new ListObjectsV2Command({ Bucket: 'shared' })),
        'AccessDenied',
        refused('lister', 's3:ListBucket', 'arn:aws:s3:::shared'),
      );
      assert.equal(await (await lister.s3.send(new GetObjectCommand(object))).Body?.transformToString(), 'hello');
      await expectAwsError(
        lister.s3.send(new PutObjectCommand({ ...object, Body: 'changed' })),
        'AccessDenied',
        /s3:PutObject on resource: arn:aws:s3:::shared\/docs\/readme.txt with an explicit deny in a resource-based policy/,
      );
      await admin.s3.send(new DeleteBucketPolicyCommand({ Bucket: 'shared' }));
    });
  });
});
