/**
 * Policies enforced on every call (--auth): seed 001's push-only policy verbatim (its account and
 * repository filled in) lets its user push to its repository through the ECR API and nothing else;
 * explicit denies, iam:PassRole, conditions on aws:RequestedRegion, ECR repository policies, and
 * AccessDenied in each protocol's shape and AWS's words.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  BatchCheckLayerAvailabilityCommand,
  BatchGetImageCommand,
  CreateRepositoryCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  ListImagesCommand,
  PutImageCommand,
  SetRepositoryPolicyCommand,
} from '@aws-sdk/client-ecr';
import { ECSClient, ListClustersCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  ListUsersCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { adminCredentials, type Credentials, serviceTrust } from '../support/auth.ts';
import { dockerCli, expectAwsError, pushDerivedImage, removeImagesOf } from '../support/ecr.ts';
import { TEST_IMAGE, ensureTestImages } from '../support/images.ts';
import { clientConfig, docker, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const ACCOUNT = '000000000000';
const REGION = 'ap-northeast-2';
/** Seed 001's private_image_push policy, as its author wrote it, with 계정번호 and 레포지토리 filled in. */
const PUSH_ONLY = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "ecr:CompleteLayerUpload",
                "ecr:UploadLayerPart",
                "ecr:InitiateLayerUpload",
                "ecr:BatchCheckLayerAvailability",
                "ecr:PutImage"
            ],
            "Resource": "arn:aws:ecr:ap-northeast-2:${ACCOUNT}:repository/awscicd"
        },
        {
            "Effect": "Allow",
            "Action": "ecr:GetAuthorizationToken",
            "Resource": "*"
        }
    ]
}`;
const LAYER = `sha256:${'a'.repeat(64)}`;

const clients = (endpoint: string, credentials: Credentials, region = REGION) => {
  const config = { ...clientConfig(endpoint, region), credentials: { ...credentials } };
  return {
    ecr: new ECRClient(config),
    ecs: new ECSClient(config),
    iam: new IAMClient(config),
    s3: new S3Client({ ...config, forcePathStyle: true }),
    sts: new STSClient(config),
  };
};

describe('auth: policies', () => {
  let slipway: TestSlipway;
  let admin: ReturnType<typeof clients>;

  /** A user with `policy` attached (a managed policy) and a key of its own. */
  async function userWith(name: string, policy: string): Promise<Credentials> {
    await admin.iam.send(new CreateUserCommand({ UserName: name }));
    const { Policy } = await admin.iam.send(new CreatePolicyCommand({ PolicyName: `${name}-policy`, PolicyDocument: policy }));
    await admin.iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: Policy!.Arn! }));
    const { AccessKey } = await admin.iam.send(new CreateAccessKeyCommand({ UserName: name }));
    return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
  }

  before(async () => {
    slipway = await startTestSlipway({ auth: true });
    admin = clients(slipway.endpoint, adminCredentials(slipway.dataDir));
    await admin.ecr.send(new CreateRepositoryCommand({ repositoryName: 'awscicd' }));
    await admin.ecr.send(new CreateRepositoryCommand({ repositoryName: 'other' }));
  });
  after(() => slipway.close());

  describe("seed 001's push-only user", () => {
    let pusher: ReturnType<typeof clients>;
    let pusherKey: Credentials;
    before(async () => {
      pusherKey = await userWith('pusher', PUSH_ONLY);
      pusher = clients(slipway.endpoint, pusherKey);
    });

    it('may log in and push to its repository, and ask who it is (which needs no permission)', async () => {
      assert.ok((await pusher.ecr.send(new GetAuthorizationTokenCommand({}))).authorizationData?.length);
      assert.equal((await pusher.sts.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:iam::${ACCOUNT}:user/pusher`);
      const { layers } = await pusher.ecr.send(
        new BatchCheckLayerAvailabilityCommand({ repositoryName: 'awscicd', layerDigests: [LAYER] }),
      );
      assert.equal(layers?.[0].layerAvailability, 'UNAVAILABLE');
      // Allowed: what answers is the registry's judgement of the manifest, not AccessDenied.
      await assert.rejects(
        pusher.ecr.send(new PutImageCommand({ repositoryName: 'awscicd', imageManifest: '{}', imageTag: 'v1' })),
        (err: Error) => err.name !== 'AccessDeniedException',
      );
    });

    it('may not pull, push elsewhere, or touch ECS, IAM or S3', async () => {
      const who = `arn:aws:iam::${ACCOUNT}:user/pusher`;
      await expectAwsError(
        pusher.ecr.send(new BatchGetImageCommand({ repositoryName: 'awscicd', imageIds: [{ imageTag: 'v1' }] })),
        'AccessDeniedException',
        `User: ${who} is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:${REGION}:${ACCOUNT}:repository/awscicd because no identity-based policy allows the ecr:BatchGetImage action`,
      );
      await expectAwsError(
        pusher.ecr.send(new PutImageCommand({ repositoryName: 'other', imageManifest: '{}', imageTag: 'v1' })),
        'AccessDeniedException',
        /ecr:PutImage on resource: arn:aws:ecr:ap-northeast-2:000000000000:repository\/other because/,
      );
      await expectAwsError(
        pusher.ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', desiredCount: 0 })),
        'AccessDeniedException',
        `User: ${who} is not authorized to perform: ecs:UpdateService on resource: arn:aws:ecs:${REGION}:${ACCOUNT}:service/prod/web because no identity-based policy allows the ecs:UpdateService action`,
      );
      await expectAwsError(pusher.iam.send(new ListUsersCommand({})), 'AccessDenied', /iam:ListUsers on resource: \*/);
      await expectAwsError(pusher.s3.send(new ListBucketsCommand({})), 'AccessDenied');
    });

    it('docker: pushes to its repository with its own login, and is denied a pull and another repository', async () => {
      await ensureTestImages(docker);
      const host = new URL(slipway.endpoint).host;
      const scratch = mkdtempSync(join(tmpdir(), 'slipway-auth-docker-'));
      const cli = (command: string) => dockerCli(command, { dockerConfig: scratch, endpoint: slipway.endpoint });
      const as = `AWS_ACCESS_KEY_ID=${pusherKey.accessKeyId} AWS_SECRET_ACCESS_KEY=${pusherKey.secretAccessKey}`;
      try {
        await cli(
          `${as} aws ecr get-login-password --region ${REGION} --endpoint-url $ENDPOINT | docker login -u AWS --password-stdin ${host}`,
        );
        await pushDerivedImage(cli, `${host}/awscicd:v1`, 'pushed', new Set());
        await cli(`docker rmi ${host}/awscicd:v1`);
        await assert.rejects(cli(`docker pull ${host}/awscicd:v1`), /denied|ecr:BatchGetImage/);
        await cli(`docker tag ${TEST_IMAGE} ${host}/other:v1`);
        await assert.rejects(cli(`docker push ${host}/other:v1`), /denied|not authorized/);
      } finally {
        await removeImagesOf([host]);
        rmSync(scratch, { recursive: true, force: true });
      }
    });

    it("a repository's own policy lets it pull there, as ECR weighs resource-based policies", async () => {
      const pull = () => pusher.ecr.send(new BatchGetImageCommand({ repositoryName: 'other', imageIds: [{ imageTag: 'v1' }] }));
      await expectAwsError(pull(), 'AccessDeniedException');
      const policyText = JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/pusher` }, Action: ['ecr:BatchGetImage'] }],
      });
      await admin.ecr.send(new SetRepositoryPolicyCommand({ repositoryName: 'other', policyText }));
      assert.ok((await pull()).failures);
    });
  });

  it('an explicit deny wins over an allow, in the words AWS uses', async () => {
    const key = await userWith(
      'denied',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecs:*', Resource: '*' }] }),
    );
    await admin.iam.send(
      new PutUserPolicyCommand({
        UserName: 'denied',
        PolicyName: 'no-updates',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', NotAction: ['ecs:List*', 'ecs:Describe*'], Resource: '*' }],
        }),
      }),
    );
    const c = clients(slipway.endpoint, key);
    assert.ok((await c.ecs.send(new ListClustersCommand({}))).clusterArns);
    await expectAwsError(
      c.ecs.send(new UpdateServiceCommand({ service: 'web', desiredCount: 1 })),
      'AccessDeniedException',
      `User: arn:aws:iam::${ACCOUNT}:user/denied is not authorized to perform: ecs:UpdateService on resource: arn:aws:ecs:${REGION}:${ACCOUNT}:service/default/web with an explicit deny in an identity-based policy`,
    );
  });

  it('checks iam:PassRole on the roles a task definition hands over', async () => {
    const role = `arn:aws:iam::${ACCOUNT}:role/app-task`;
    // With signatures required, a task definition's role must exist and trust ECS tasks.
    await admin.iam.send(
      new CreateRoleCommand({ RoleName: 'app-task', AssumeRolePolicyDocument: serviceTrust('ecs-tasks.amazonaws.com') }),
    );
    const statement = { Effect: 'Allow', Action: 'ecs:RegisterTaskDefinition', Resource: '*' };
    const key = await userWith('registrar', JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));
    const c = clients(slipway.endpoint, key);
    const register = () =>
      c.ecs.send(
        new RegisterTaskDefinitionCommand({
          family: 'app',
          taskRoleArn: role,
          containerDefinitions: [{ name: 'app', image: 'nginx', memory: 64 }],
        }),
      );
    await expectAwsError(register(), 'AccessDeniedException', new RegExp(`perform: iam:PassRole on resource: ${role} because`));
    await admin.iam.send(
      new PutUserPolicyCommand({
        UserName: 'registrar',
        PolicyName: 'pass',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: role }] }),
      }),
    );
    assert.equal((await register()).taskDefinition?.family, 'app');
  });

  it("reads an ECR repository's tags as aws:ResourceTag/… in conditions", async () => {
    await admin.ecr.send(new CreateRepositoryCommand({ repositoryName: 'blue-app', tags: [{ Key: 'team', Value: 'blue' }] }));
    await admin.ecr.send(new CreateRepositoryCommand({ repositoryName: 'red-app', tags: [{ Key: 'team', Value: 'red' }] }));
    const statement = {
      Effect: 'Allow',
      Action: 'ecr:ListImages',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } },
    };
    const c = clients(slipway.endpoint, await userWith('blue-team', JSON.stringify({ Version: '2012-10-17', Statement: [statement] })));
    assert.deepEqual((await c.ecr.send(new ListImagesCommand({ repositoryName: 'blue-app' }))).imageIds, []);
    await expectAwsError(
      c.ecr.send(new ListImagesCommand({ repositoryName: 'red-app' })),
      'AccessDeniedException',
      /ecr:ListImages on resource: .*repository\/red-app/,
    );
  });

  it('reads aws:RequestedRegion in conditions', async () => {
    const key = await userWith(
      'regional',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'ecs:ListClusters',
            Resource: '*',
            Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
          },
        ],
      }),
    );
    assert.ok((await clients(slipway.endpoint, key, 'eu-west-1').ecs.send(new ListClustersCommand({}))).clusterArns);
    await expectAwsError(clients(slipway.endpoint, key, 'us-east-1').ecs.send(new ListClustersCommand({})), 'AccessDeniedException');
  });
});
