/**
 * What the IAM room tells other rooms (and the request verifier to come), after real API calls:
 * whose an access key is, with its secret and session; the policies that apply to a user (its own,
 * attached, its groups') and to a role session (the role's, and the session's own); whether a role
 * trusts a principal; and AWS's AccessDenied wording from an evaluation of them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetAccountAuthorizationDetailsCommand,
  GetRoleCommand,
  GetUserCommand,
  IAMClient,
  PutGroupPolicyCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { accessDeniedMessage, evaluate, type IamFacade } from '../../src/services/iam/index.ts';
import { clientConfig, facadeOf, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const ACCOUNT = '000000000000';
const policy = (effect: string, action: string, resource = '*') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Action: action, Resource: resource }] });

describe('IAM facade', () => {
  let s: TestSlipway;
  let iam: IAMClient;
  let facade: IamFacade;
  let key = { accessKeyId: '', secretAccessKey: '' };
  const repo = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/web`;

  before(async () => {
    s = await startTestSlipway();
    iam = new IAMClient(clientConfig(s.endpoint));
    facade = facadeOf<IamFacade>(s.app, 'iam');
    await iam.send(new CreateUserCommand({ UserName: 'ci' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'deployers' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'deployers', UserName: 'ci' }));
    await iam.send(
      new AttachGroupPolicyCommand({ GroupName: 'deployers', PolicyArn: 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser' }),
    );
    await iam.send(
      new PutGroupPolicyCommand({
        GroupName: 'deployers',
        PolicyName: 'no-delete',
        PolicyDocument: policy('Deny', 'ecr:BatchDeleteImage'),
      }),
    );
    await iam.send(new PutUserPolicyCommand({ UserName: 'ci', PolicyName: 'ecs', PolicyDocument: policy('Allow', 'ecs:UpdateService') }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'ci' }));
    key = { accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' };
  });
  after(() => s.close());

  it("knows a user's key and secret, and evaluates the user's, its attached and its groups' policies", () => {
    const who = facade.principalOfAccessKey(key.accessKeyId);
    assert.equal(who?.arn, `arn:aws:iam::${ACCOUNT}:user/ci`);
    assert.equal(who?.secret, key.secretAccessKey);
    assert.equal(who?.type, 'user');
    assert.equal(who?.active, true);
    assert.equal(facade.principalOfAccessKey('AKIAUNKNOWN000000000'), undefined);
    const { identity } = facade.policiesFor(who!.arn);
    const decide = (action: string, resource = repo) => evaluate({ action, resource, principalArn: who!.arn }, identity).decision;
    assert.equal(decide('ecr:PutImage'), 'Allow');
    assert.equal(decide('ecs:UpdateService', `arn:aws:ecs:us-east-1:${ACCOUNT}:service/c/web`), 'Allow');
    assert.equal(decide('ecr:BatchDeleteImage'), 'ExplicitDeny');
    assert.equal(decide('iam:CreateUser', '*'), 'ImplicitDeny');
    assert.equal(
      accessDeniedMessage({ principalArn: who!.arn, action: 'ecr:BatchDeleteImage', resource: repo }, 'ExplicitDeny'),
      `User: arn:aws:iam::${ACCOUNT}:user/ci is not authorized to perform: ecr:BatchDeleteImage on resource: ${repo} with an explicit deny in an identity-based policy`,
    );
  });

  it('a renamed user keeps its keys; GetUser with no name answers the signing user', async () => {
    await iam.send(new UpdateUserCommand({ UserName: 'ci', NewUserName: 'builder' }));
    const client = new IAMClient({ ...clientConfig(s.endpoint), credentials: key });
    assert.equal((await client.send(new GetUserCommand({}))).User?.Arn, `arn:aws:iam::${ACCOUNT}:user/builder`);
    const sts = new STSClient({ ...clientConfig(s.endpoint), credentials: key });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:iam::${ACCOUNT}:user/builder`);
    await iam.send(new UpdateUserCommand({ UserName: 'builder', NewUserName: 'ci' }));
  });

  it("a role session: its credentials, the role's policies narrowed by the session's, and the role's trust", async () => {
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' }] };
    const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'deployer', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'deployer', PolicyName: 'ecs', PolicyDocument: policy('Allow', 'ecs:*') }));
    const sts = new STSClient({ ...clientConfig(s.endpoint), credentials: key });
    const out = await sts.send(
      new AssumeRoleCommand({ RoleArn: Role?.Arn, RoleSessionName: 'deploy', Policy: policy('Allow', 'ecs:Describe*') }),
    );
    const session = facade.principalOfAccessKey(out.Credentials?.AccessKeyId ?? '');
    assert.equal(session?.type, 'assumed-role');
    assert.equal(session?.arn, `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/deploy`);
    assert.equal(session?.sessionToken, out.Credentials?.SessionToken);
    assert.equal(session?.expiration, out.Credentials?.Expiration?.getTime());
    assert.equal(session?.roleArn, Role?.Arn);
    const { identity, session: narrowed } = facade.policiesFor(session!.arn);
    const both = (action: string) =>
      [identity, narrowed].map((p) => evaluate({ action, resource: '*', principalArn: session!.arn }, p).decision);
    assert.deepEqual(both('ecs:DescribeServices'), ['Allow', 'Allow']);
    assert.deepEqual(both('ecs:UpdateService'), ['Allow', 'ImplicitDeny']);
    assert.equal(facade.policiesFor(session!.arn).boundary, undefined);
    await iam.send(
      new PutRolePermissionsBoundaryCommand({
        RoleName: 'deployer',
        PermissionsBoundary: 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
      }),
    );
    const { Role: bounded } = await iam.send(new GetRoleCommand({ RoleName: 'deployer' }));
    assert.equal(bounded?.PermissionsBoundary?.PermissionsBoundaryArn, 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly');
    const boundary = facade.policiesFor(session!.arn).boundary;
    assert.equal(evaluate({ action: 'ecs:DescribeServices', resource: '*' }, boundary ? [boundary] : []).decision, 'ImplicitDeny');
    assert.equal(evaluate({ action: 'ecr:BatchGetImage', resource: repo }, boundary ? [boundary] : []).decision, 'Allow');
    assert.equal(facade.roleTrusts(Role!.Arn!, { type: 'AWS', id: `arn:aws:iam::${ACCOUNT}:user/ci` }, 'sts:AssumeRole').decision, 'Allow');
    assert.equal(
      facade.roleTrusts(Role!.Arn!, { type: 'AWS', id: 'arn:aws:iam::111122223333:user/x' }, 'sts:AssumeRole').decision,
      'ImplicitDeny',
    );
    assert.equal(
      facade.roleTrusts(Role!.Arn!, { type: 'Service', id: 'ecs-tasks.amazonaws.com' }, 'sts:AssumeRole').decision,
      'ImplicitDeny',
    );
  });

  it('GetAccountAuthorizationDetails lists every identity with its policies, and the managed policies in use', async () => {
    const out = await iam.send(new GetAccountAuthorizationDetailsCommand({}));
    const ci = out.UserDetailList?.find((u) => u.UserName === 'ci');
    assert.deepEqual(ci?.GroupList, ['deployers']);
    assert.deepEqual(
      ci?.UserPolicyList?.map((p) => p.PolicyName),
      ['ecs'],
    );
    const group = out.GroupDetailList?.find((g) => g.GroupName === 'deployers');
    assert.deepEqual(
      group?.AttachedManagedPolicies?.map((p) => p.PolicyName),
      ['AmazonEC2ContainerRegistryPowerUser'],
    );
    assert.ok(out.RoleDetailList?.some((r) => r.RoleName === 'deployer' && r.RolePolicyList?.[0]?.PolicyName === 'ecs'));
    const power = out.Policies?.find((p) => p.PolicyName === 'AmazonEC2ContainerRegistryPowerUser');
    assert.equal(power?.AttachmentCount, 1);
    assert.ok(decodeURIComponent(power?.PolicyVersionList?.[0]?.Document ?? '').includes('ecr:PutImage'));
    assert.equal(
      out.Policies?.some((p) => p.PolicyName === 'AdministratorAccess'),
      false,
      'AWS policies attached to nothing are left out',
    );
    const roles = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }));
    assert.equal(roles.UserDetailList?.length ?? 0, 0);
    assert.equal(roles.RoleDetailList?.length, 1);
  });
});
