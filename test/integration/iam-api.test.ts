/**
 * IAM through the real SDK v3 client and the aws CLI: users, groups, roles with trust policies,
 * managed policies with versions, inline and attached policies, access keys, OIDC providers,
 * CodeCommit credentials, tags, paging, and IAM's errors for bad input (which write nothing).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateServiceSpecificCredentialCommand,
  CreateUserCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteUserCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  IAMClient,
  ListPoliciesCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
  TagRoleCommand,
  ListRoleTagsCommand,
} from '@aws-sdk/client-iam';
import { awsCli, clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';
import { expectAwsError } from '../support/ecr.ts';

const trust = (service: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
const allow = (action: string, resource = '*') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });

describe('IAM API (SDK v3 and aws CLI)', () => {
  let s: TestSlipway;
  let iam: IAMClient;
  before(async () => {
    s = await startTestSlipway();
    iam = new IAMClient(clientConfig(s.endpoint));
  });
  after(() => s.close());

  it('roles: trust policy checked and returned, duplicates refused, ecsTaskExecutionRole with the AWS managed policy', async () => {
    const { Role } = await iam.send(
      new CreateRoleCommand({ RoleName: 'ecsTaskExecutionRole', AssumeRolePolicyDocument: trust('ecs-tasks.amazonaws.com') }),
    );
    assert.equal(Role?.Arn, 'arn:aws:iam::000000000000:role/ecsTaskExecutionRole');
    assert.match(Role?.RoleId ?? '', /^AROA[A-Z2-7]{17}$/);
    assert.deepEqual(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!)), JSON.parse(trust('ecs-tasks.amazonaws.com')));
    await expectAwsError(
      iam.send(new CreateRoleCommand({ RoleName: 'ECSTASKEXECUTIONROLE', AssumeRolePolicyDocument: trust('x.amazonaws.com') })),
      'EntityAlreadyExistsException',
      'Role with name ECSTASKEXECUTIONROLE already exists.',
    );
    await expectAwsError(
      iam.send(new CreateRoleCommand({ RoleName: 'bad', AssumeRolePolicyDocument: allow('s3:*') })),
      'MalformedPolicyDocumentException',
      'Missing required field Principal',
    );
    await expectAwsError(
      iam.send(new GetRoleCommand({ RoleName: 'bad' })),
      'NoSuchEntityException',
      'The role with name bad cannot be found.',
    );
    const managed = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy';
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'ecsTaskExecutionRole', PolicyArn: managed }));
    const { PolicyVersion } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: managed, VersionId: 'v1' }));
    assert.ok(JSON.parse(decodeURIComponent(PolicyVersion!.Document!)).Statement[0].Action.includes('ecr:BatchGetImage'));
    await expectAwsError(
      iam.send(new DeleteRoleCommand({ RoleName: 'ecsTaskExecutionRole' })),
      'DeleteConflictException',
      'Cannot delete entity, must detach all policies first.',
    );
    await iam.send(new TagRoleCommand({ RoleName: 'ecsTaskExecutionRole', Tags: [{ Key: 'team', Value: 'web' }] }));
    assert.deepEqual((await iam.send(new ListRoleTagsCommand({ RoleName: 'ecsTaskExecutionRole' }))).Tags, [{ Key: 'team', Value: 'web' }]);
  });

  it('managed policies: seed 001 push-only policy, versions up to five, the default kept, grammar errors named', async () => {
    const push = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'ecr:CompleteLayerUpload',
            'ecr:UploadLayerPart',
            'ecr:InitiateLayerUpload',
            'ecr:BatchCheckLayerAvailability',
            'ecr:PutImage',
          ],
          Resource: 'arn:aws:ecr:ap-northeast-2:000000000000:repository/awscicd',
        },
        { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
      ],
    });
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'private_image_push', PolicyDocument: push }));
    assert.equal(Policy?.Arn, 'arn:aws:iam::000000000000:policy/private_image_push');
    assert.equal(Policy?.DefaultVersionId, 'v1');
    await expectAwsError(
      iam.send(new CreatePolicyCommand({ PolicyName: 'private_image_push', PolicyDocument: push })),
      'EntityAlreadyExistsException',
      /already exists/,
    );
    await expectAwsError(
      iam.send(new CreatePolicyCommand({ PolicyName: 'p2', PolicyDocument: allow('PutImage') })),
      'MalformedPolicyDocumentException',
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    );
    await expectAwsError(
      iam.send(new CreatePolicyCommand({ PolicyName: 'p2', PolicyDocument: '{"Version":' })),
      'MalformedPolicyDocumentException',
      'Syntax errors in policy.',
    );
    for (let i = 2; i <= 5; i++)
      await iam.send(new CreatePolicyVersionCommand({ PolicyArn: Policy!.Arn, PolicyDocument: push, SetAsDefault: i === 3 }));
    await expectAwsError(
      iam.send(new CreatePolicyVersionCommand({ PolicyArn: Policy!.Arn, PolicyDocument: push })),
      'LimitExceededException',
      /up to 5 versions/,
    );
    await expectAwsError(
      iam.send(new DeletePolicyVersionCommand({ PolicyArn: Policy!.Arn, VersionId: 'v3' })),
      'DeleteConflictException',
      'Cannot delete the default version of a policy.',
    );
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: Policy!.Arn, VersionId: 'v1' }));
    const v6 = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: Policy!.Arn, PolicyDocument: push }));
    await expectAwsError(iam.send(new DeletePolicyCommand({ PolicyArn: Policy!.Arn })), 'DeleteConflictException', /more than one version/);
    assert.equal(v6.PolicyVersion?.VersionId, 'v6');
    const local = await iam.send(new ListPoliciesCommand({ Scope: 'Local' }));
    assert.deepEqual(
      local.Policies?.map((p) => p.PolicyName),
      ['private_image_push'],
    );
    const aws = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', MaxItems: 3 }));
    assert.equal(aws.Policies?.length, 3);
    assert.equal(aws.IsTruncated, true);
    const rest = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', Marker: aws.Marker }));
    const names = [...aws.Policies!, ...rest.Policies!].map((p) => p.PolicyName);
    for (const n of [
      'AdministratorAccess',
      'AmazonEC2ContainerRegistryPowerUser',
      'AWSCodeDeployRoleForECS',
      'AWSCodePipeline_FullAccess',
      'AWSCodeBuildAdminAccess',
    ])
      assert.ok(names.includes(n), n);
    await expectAwsError(
      iam.send(new DeletePolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' })),
      'UnmodifiableEntityException',
    );
    await expectAwsError(
      iam.send(new DeletePolicyCommand({ PolicyArn: 'arn:aws:s3:::bucket/not-a-policy' })),
      'InvalidInputException',
      'ARN arn:aws:s3:::bucket/not-a-policy is not valid.',
    );
  });

  it('users: access keys (two at most), inline policies, CodeCommit credentials, paging, and bad names refused without a write', async () => {
    for (const name of ['ci', 'dev1', 'dev2']) await iam.send(new CreateUserCommand({ UserName: name }));
    await expectAwsError(iam.send(new CreateUserCommand({ UserName: 'bad name' })), 'ValidationError', /UserName/);
    const first = await iam.send(new ListUsersCommand({ MaxItems: 2 }));
    assert.deepEqual(
      first.Users?.map((u) => u.UserName),
      ['ci', 'dev1'],
    );
    const second = await iam.send(new ListUsersCommand({ Marker: first.Marker }));
    assert.deepEqual(
      second.Users?.map((u) => u.UserName),
      ['dev2'],
    );
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'ci' }));
    assert.match(AccessKey?.AccessKeyId ?? '', /^AKIA[A-Z2-7]{16}$/);
    assert.equal(AccessKey?.SecretAccessKey?.length, 40);
    await iam.send(new CreateAccessKeyCommand({ UserName: 'ci' }));
    await expectAwsError(
      iam.send(new CreateAccessKeyCommand({ UserName: 'ci' })),
      'LimitExceededException',
      'Cannot exceed quota for AccessKeysPerUser: 2',
    );
    await iam.send(new PutUserPolicyCommand({ UserName: 'dev1', PolicyName: 'read', PolicyDocument: allow('ecr:Describe*') }));
    await expectAwsError(
      iam.send(new DeleteUserCommand({ UserName: 'dev1' })),
      'DeleteConflictException',
      'Cannot delete entity, must delete policies first.',
    );
    await expectAwsError(
      iam.send(new DeleteUserCommand({ UserName: 'ci' })),
      'DeleteConflictException',
      'Cannot delete entity, must delete access keys first.',
    );
    const cred = await iam.send(new CreateServiceSpecificCredentialCommand({ UserName: 'dev2', ServiceName: 'codecommit.amazonaws.com' }));
    assert.equal(cred.ServiceSpecificCredential?.ServiceUserName, 'dev2-at-000000000000');
    assert.ok(cred.ServiceSpecificCredential?.ServicePassword);
    assert.equal((await iam.send(new ListUsersCommand({}))).Users?.length, 3, 'the refused user was not written');
  });

  it('the aws CLI: groups, attach/detach, OIDC provider as seed 001 registers GitHub, instance profiles', async () => {
    const cli = (...args: string[]) => awsCli(s.endpoint, ['iam', ...args]);
    await cli('create-group', '--group-name', 'deployers');
    await cli('add-user-to-group', '--group-name', 'deployers', '--user-name', 'dev2');
    await cli(
      'attach-group-policy',
      '--group-name',
      'deployers',
      '--policy-arn',
      'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser',
    );
    const group = await cli('get-group', '--group-name', 'deployers');
    assert.deepEqual(
      group.Users.map((u: { UserName: string }) => u.UserName),
      ['dev2'],
    );
    const attached = await cli('list-attached-group-policies', '--group-name', 'deployers');
    assert.equal(attached.AttachedPolicies[0].PolicyName, 'AmazonEC2ContainerRegistryPowerUser');
    const power = ['--policy-arn', 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser'];
    const entities = await cli('list-entities-for-policy', ...power);
    assert.deepEqual(
      entities.PolicyGroups.map((g: { GroupName: string }) => g.GroupName),
      ['deployers'],
    );
    assert.deepEqual((await cli('list-entities-for-policy', ...power, '--entity-filter', 'Role')).PolicyGroups, []);
    const file = join(s.dataDir, 'trust.json');
    writeFileSync(file, trust('codebuild.amazonaws.com'));
    const role = await cli('create-role', '--role-name', 'codebuild-role', '--assume-role-policy-document', `file://${file}`);
    assert.equal(role.Role.AssumeRolePolicyDocument.Statement[0].Principal.Service, 'codebuild.amazonaws.com');
    const oidc = await cli(
      'create-open-id-connect-provider',
      '--url',
      'https://token.actions.githubusercontent.com',
      '--client-id-list',
      'sts.amazonaws.com',
      '--thumbprint-list',
      '6938fd4d98bab03faadb97b34396831e3780aea1',
    );
    assert.equal(oidc.OpenIDConnectProviderArn, 'arn:aws:iam::000000000000:oidc-provider/token.actions.githubusercontent.com');
    const got = await cli('get-open-id-connect-provider', '--open-id-connect-provider-arn', oidc.OpenIDConnectProviderArn);
    assert.equal(got.Url, 'token.actions.githubusercontent.com');
    assert.deepEqual(got.ClientIDList, ['sts.amazonaws.com']);
    await assert.rejects(
      cli('create-open-id-connect-provider', '--url', 'https://token.actions.githubusercontent.com'),
      /EntityAlreadyExists/,
    );
    const profile = await cli('create-instance-profile', '--instance-profile-name', 'ecsInstanceProfile');
    assert.match(profile.InstanceProfile.Arn, /^arn:aws:iam::000000000000:instance-profile\/ecsInstanceProfile$/);
    assert.match(profile.InstanceProfile.InstanceProfileId, /^AIPA/);
    await cli('add-role-to-instance-profile', '--instance-profile-name', 'ecsInstanceProfile', '--role-name', 'codebuild-role');
    const got2 = await cli('get-instance-profile', '--instance-profile-name', 'ecsInstanceProfile');
    assert.deepEqual(
      got2.InstanceProfile.Roles.map((r: { RoleName: string }) => r.RoleName),
      ['codebuild-role'],
    );
    await assert.rejects(cli('delete-role', '--role-name', 'codebuild-role'), /DeleteConflict.*remove roles from instance profile/);
    await assert.rejects(cli('delete-instance-profile', '--instance-profile-name', 'ecsInstanceProfile'), /DeleteConflict/);
    await cli('remove-role-from-instance-profile', '--instance-profile-name', 'ecsInstanceProfile', '--role-name', 'codebuild-role');
    await cli('delete-instance-profile', '--instance-profile-name', 'ecsInstanceProfile');
    await cli('delete-role', '--role-name', 'codebuild-role');
  });

  it("the policy simulator evaluates seed 001's push-only policy and a user's policies through its group", async () => {
    const cli = (...args: string[]) => awsCli(s.endpoint, ['iam', ...args]);
    const file = join(s.dataDir, 'push.json');
    // A list parameter: the CLI reads a JSON list of documents (a bare document would be split at its commas).
    writeFileSync(
      file,
      JSON.stringify([
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['ecr:PutImage', 'ecr:UploadLayerPart'],
              Resource: 'arn:aws:ecr:ap-northeast-2:000000000000:repository/awscicd',
            },
            { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
          ],
        }),
      ]),
    );
    const custom = await cli(
      'simulate-custom-policy',
      '--policy-input-list',
      `file://${file}`,
      '--action-names',
      'ecr:PutImage',
      'ecr:DeleteRepository',
      '--resource-arns',
      'arn:aws:ecr:ap-northeast-2:000000000000:repository/awscicd',
    );
    assert.deepEqual(
      custom.EvaluationResults.map((r: { EvalActionName: string; EvalDecision: string }) => [r.EvalActionName, r.EvalDecision]),
      [
        ['ecr:PutImage', 'allowed'],
        ['ecr:DeleteRepository', 'implicitDeny'],
      ],
    );
    assert.equal(custom.EvaluationResults[0].MatchedStatements[0].SourcePolicyId, 'PolicyInputList.1');
    // dev2 is in deployers, which has AmazonEC2ContainerRegistryPowerUser attached.
    const principal = await cli(
      'simulate-principal-policy',
      '--policy-source-arn',
      'arn:aws:iam::000000000000:user/dev2',
      '--action-names',
      'ecr:PutImage',
      'ecr:DeleteRepository',
    );
    assert.deepEqual(
      principal.EvaluationResults.map((r: { EvalDecision: string }) => r.EvalDecision),
      ['allowed', 'implicitDeny'],
    );
    assert.equal(
      principal.EvaluationResults[0].MatchedStatements[0].SourcePolicyId,
      'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser',
    );
    await assert.rejects(
      cli(
        'simulate-custom-policy',
        '--policy-input-list',
        JSON.stringify(['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3","Resource":"*"}]}']),
        '--action-names',
        's3:GetObject',
      ),
      /MalformedPolicyDocument.*Actions\/Conditions must be prefaced by a vendor/,
    );
  });
});
