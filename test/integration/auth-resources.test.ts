/**
 * Policies scoped to one resource of each room (--auth): a user allowed one log group, one secret,
 * one parameter path, one load balancer, one repository or one role may act on it and is refused
 * another, in AWS's words naming the ARN (a secret's with its suffix, a role's with its path);
 * aws:ResourceTag and aws:RequestTag conditions. S3 bucket policies: auth-bucket-policies.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CodeCommitClient, CreateRepositoryCommand, GetRepositoryCommand } from '@aws-sdk/client-codecommit';
import {
  CreateLoadBalancerCommand,
  ElasticLoadBalancingV2Client,
  ModifyLoadBalancerAttributesCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateRoleCommand, GetRoleCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { CreateSecretCommand, DescribeSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParametersByPathCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { adminCredentials, type Credentials, userWithPolicy } from '../support/auth.ts';
import { expectAwsError } from '../support/ecr.ts';
import { clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const ACCOUNT = '000000000000';
const REGION = 'eu-west-1';
const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
const refused = (user: string, action: string, resource: string) =>
  `User: arn:aws:iam::${ACCOUNT}:user/${user} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

const clients = (endpoint: string, credentials: Credentials) => {
  const config = { ...clientConfig(endpoint, REGION), credentials: { ...credentials } };
  return {
    logs: new CloudWatchLogsClient(config),
    secrets: new SecretsManagerClient(config),
    ssm: new SSMClient(config),
    elb: new ElasticLoadBalancingV2Client(config),
    codecommit: new CodeCommitClient(config),
    iam: new IAMClient(config),
  };
};

describe('auth: resource-level policies in every room', () => {
  let slipway: TestSlipway;
  let admin: ReturnType<typeof clients>;
  let blueLb: string;
  let redLb: string;

  const userWith = async (name: string, statements: object[]) =>
    clients(slipway.endpoint, await userWithPolicy(admin.iam, name, statements));

  before(async () => {
    slipway = await startTestSlipway({ auth: true });
    admin = clients(slipway.endpoint, adminCredentials(slipway.dataDir));
    for (const team of ['blue', 'red']) {
      await admin.logs.send(new CreateLogGroupCommand({ logGroupName: `/app/${team}` }));
      await admin.secrets.send(new CreateSecretCommand({ Name: `${team}/db`, SecretString: team, Tags: [{ Key: 'team', Value: team }] }));
      await admin.ssm.send(new PutParameterCommand({ Name: `/${team}/url`, Value: team, Type: 'String' }));
      await admin.codecommit.send(new CreateRepositoryCommand({ repositoryName: team }));
      await admin.iam.send(new CreateRoleCommand({ RoleName: `${team}-deploy`, Path: '/svc/', AssumeRolePolicyDocument: TRUST }));
    }
    const lb = async (Name: string) =>
      (await admin.elb.send(new CreateLoadBalancerCommand({ Name, Subnets: ['subnet-11111111', 'subnet-22222222'] }))).LoadBalancers![0]
        .LoadBalancerArn!;
    [blueLb, redLb] = [await lb('blue'), await lb('red')];
  });
  after(() => slipway.close());

  describe('a user allowed the blue resources', () => {
    let blue: ReturnType<typeof clients>;
    before(async () => {
      blue = await userWith('blue-dev', [
        { Effect: 'Allow', Action: 'logs:CreateLogStream', Resource: arn('logs', 'log-group:/app/blue:*') },
        { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: arn('secretsmanager', 'secret:blue/db-??????') },
        { Effect: 'Allow', Action: 'ssm:GetParametersByPath', Resource: arn('ssm', 'parameter/blue') },
        { Effect: 'Allow', Action: 'elasticloadbalancing:ModifyLoadBalancerAttributes', Resource: blueLb },
        { Effect: 'Allow', Action: 'codecommit:GetRepository', Resource: arn('codecommit', 'blue') },
        { Effect: 'Allow', Action: 'iam:GetRole', Resource: `arn:aws:iam::${ACCOUNT}:role/svc/blue-*` },
        { Effect: 'Allow', Action: 'iam:ListAccessKeys', Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}` },
      ]);
    });

    it('writes to its log group and is refused the other, on the stream ARN', async () => {
      await blue.logs.send(new CreateLogStreamCommand({ logGroupName: '/app/blue', logStreamName: 's1' }));
      await expectAwsError(
        blue.logs.send(new CreateLogStreamCommand({ logGroupName: '/app/red', logStreamName: 's1' })),
        'AccessDeniedException',
        refused('blue-dev', 'logs:CreateLogStream', arn('logs', 'log-group:/app/red:log-stream:s1')),
      );
    });

    it('reads its secret by name (the policy names it with its suffix) and is refused the other, on its full ARN', async () => {
      assert.equal((await blue.secrets.send(new GetSecretValueCommand({ SecretId: 'blue/db' }))).SecretString, 'blue');
      const red = (await admin.secrets.send(new DescribeSecretCommand({ SecretId: 'red/db' }))).ARN!;
      assert.match(red, /:secret:red\/db-[A-Za-z0-9]{6}$/);
      await expectAwsError(
        blue.secrets.send(new GetSecretValueCommand({ SecretId: 'red/db' })),
        'AccessDeniedException',
        refused('blue-dev', 'secretsmanager:GetSecretValue', red),
      );
    });

    it('reads its parameter path and is refused the other', async () => {
      const { Parameters } = await blue.ssm.send(new GetParametersByPathCommand({ Path: '/blue' }));
      assert.deepEqual(
        Parameters?.map((p) => p.Name),
        ['/blue/url'],
      );
      await expectAwsError(
        blue.ssm.send(new GetParametersByPathCommand({ Path: '/red' })),
        'AccessDeniedException',
        refused('blue-dev', 'ssm:GetParametersByPath', arn('ssm', 'parameter/red')),
      );
    });

    it('changes its load balancer and is refused the other', async () => {
      const idle = [{ Key: 'idle_timeout.timeout_seconds', Value: '30' }];
      await blue.elb.send(new ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: blueLb, Attributes: idle }));
      await expectAwsError(
        blue.elb.send(new ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: redLb, Attributes: idle })),
        'AccessDenied',
        refused('blue-dev', 'elasticloadbalancing:ModifyLoadBalancerAttributes', redLb),
      );
    });

    it('reads its repository and is refused the other', async () => {
      assert.equal(
        (await blue.codecommit.send(new GetRepositoryCommand({ repositoryName: 'blue' }))).repositoryMetadata?.repositoryName,
        'blue',
      );
      await expectAwsError(
        blue.codecommit.send(new GetRepositoryCommand({ repositoryName: 'red' })),
        'AccessDeniedException',
        refused('blue-dev', 'codecommit:GetRepository', arn('codecommit', 'red')),
      );
    });

    it("lists its own access keys by naming no user, as a policy on user/${aws:username} allows, and no one else's", async () => {
      assert.equal((await blue.iam.send(new ListAccessKeysCommand({}))).AccessKeyMetadata?.[0]?.UserName, 'blue-dev');
      await expectAwsError(
        blue.iam.send(new ListAccessKeysCommand({ UserName: 'slipway-admin' })),
        'AccessDenied',
        refused('blue-dev', 'iam:ListAccessKeys', `arn:aws:iam::${ACCOUNT}:user/slipway-admin`),
      );
    });

    it('reads its role, named without its path, and is refused the other, on the ARN with the path', async () => {
      assert.equal((await blue.iam.send(new GetRoleCommand({ RoleName: 'blue-deploy' }))).Role?.Path, '/svc/');
      await expectAwsError(
        blue.iam.send(new GetRoleCommand({ RoleName: 'red-deploy' })),
        'AccessDenied',
        refused('blue-dev', 'iam:GetRole', `arn:aws:iam::${ACCOUNT}:role/svc/red-deploy`),
      );
    });
  });

  it("weighs a resource's tags (aws:ResourceTag) and the tags a call asks for (aws:RequestTag)", async () => {
    const tagged = await userWith('tagged', [
      {
        Effect: 'Allow',
        Action: 'secretsmanager:DescribeSecret',
        Resource: '*',
        Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } },
      },
      { Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/team': 'blue' } } },
    ]);
    assert.equal((await tagged.secrets.send(new DescribeSecretCommand({ SecretId: 'blue/db' }))).Name, 'blue/db');
    await expectAwsError(
      tagged.secrets.send(new DescribeSecretCommand({ SecretId: 'red/db' })),
      'AccessDeniedException',
      /secretsmanager:DescribeSecret on resource: arn:aws:secretsmanager:eu-west-1:000000000000:secret:red\/db-\w{6} because/,
    );
    await tagged.logs.send(new CreateLogGroupCommand({ logGroupName: '/tagged/blue', tags: { team: 'blue' } }));
    await expectAwsError(
      tagged.logs.send(new CreateLogGroupCommand({ logGroupName: '/tagged/red', tags: { team: 'red' } })),
      'AccessDeniedException',
      refused('tagged', 'logs:CreateLogGroup', arn('logs', 'log-group:/tagged/red:log-stream:')),
    );
  });
});

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
