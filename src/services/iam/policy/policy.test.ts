import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conditionOperator } from './conditions.ts';
import { parsePolicy, PolicyGrammarError, type PolicyKind } from './document.ts';
import { evaluate, type EvalRequest } from './evaluate.ts';
import { accessDeniedMessage } from './messages.ts';

const doc = (statements: unknown[], version = '2012-10-17') => JSON.stringify({ Version: version, Statement: statements });
const identity = (...statements: unknown[]) => parsePolicy(doc(statements), 'identity');
const refused = (text: string, kind: PolicyKind, message: RegExp | string) =>
  assert.throws(
    () => parsePolicy(text, kind),
    (err: Error) =>
      err instanceof PolicyGrammarError && (typeof message === 'string' ? err.message === message : message.test(err.message)),
  );

/** Seed 001's push-only ECR policy, verbatim but for the account and repository placeholders. */
const pushOnly = `{
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
            "Resource": "arn:aws:ecr:ap-northeast-2:905418305225:repository/awscicd"
        },
        {
            "Effect": "Allow",
            "Action": "ecr:GetAuthorizationToken",
            "Resource": "*"
        }
    ]
}`;

const user = 'arn:aws:iam::905418305225:user/ci';
const repo = 'arn:aws:ecr:ap-northeast-2:905418305225:repository/awscicd';
const decide = (request: Partial<EvalRequest> & { action: string }, ...policies: ReturnType<typeof identity>[]) =>
  evaluate({ principalArn: user, resource: '*', ...request }, policies).decision;

describe('policy grammar', () => {
  it("reads seed 001's push-only ECR policy", () => {
    const p = parsePolicy(pushOnly, 'identity');
    assert.equal(p.statements.length, 2);
    assert.deepEqual(p.statements[1].action, ['ecr:GetAuthorizationToken']);
  });

  it('refuses what IAM refuses, with its messages', () => {
    refused('{"Version":', 'identity', 'Syntax errors in policy.');
    refused('[]', 'identity', 'Syntax errors in policy.');
    refused(
      doc([{ Effect: 'Allow', Action: 's3:*', Resource: '*', Principal: '*' }]),
      'identity',
      'Policy document should not specify a principal.',
    );
    refused(doc([{ Effect: 'Allow', Action: 'sts:AssumeRole' }]), 'trust', 'Missing required field Principal');
    refused(
      doc([{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'x' }, Resource: '*' }]),
      'trust',
      'Has prohibited field Resource',
    );
    refused(doc([{ Action: 's3:*', Resource: '*' }]), 'identity', 'Missing required field Effect');
    refused(doc([{ Effect: 'Permit', Action: 's3:*', Resource: '*' }]), 'identity', 'Invalid effect: Permit');
    refused(doc([{ Effect: 'Allow', Action: 'GetObject', Resource: '*' }]), 'identity', /must be prefaced by a vendor/);
    refused(doc([{ Effect: 'Allow', Resource: '*' }]), 'identity', 'Policy statement must contain actions.');
    refused(doc([{ Effect: 'Allow', Action: 's3:*' }]), 'identity', 'Policy statement must contain resources.');
    refused(doc([{ Effect: 'Allow', Action: 's3:*', Resource: 'bucket' }]), 'identity', 'Resource bucket must be in ARN format or "*".');
    refused(
      doc([{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEqualz: { 'aws:x': 'y' } } }]),
      'identity',
      'Invalid Condition type : StringEqualz',
    );
    refused(doc([{ Effect: 'Allow', Action: 's3:*', Resource: '*', Actions: 'x' }]), 'identity', /Unknown field Actions/);
    refused(
      doc([{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: 'bob' } }]),
      'trust',
      'Invalid principal in policy: "AWS":"bob"',
    );
    refused(
      doc([{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Robot: 'x' } }]),
      'trust',
      'Invalid principal in policy: "Robot"',
    );
    refused(doc([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }], '2012-10-18'), 'identity', /Version/);
    refused(
      doc([
        { Sid: 'a', Effect: 'Allow', Action: 's3:*', Resource: '*' },
        { Sid: 'a', Effect: 'Deny', Action: 's3:*', Resource: '*' },
      ]),
      'identity',
      /unique/,
    );
    refused(JSON.stringify({ Version: '2012-10-17' }), 'identity', 'Missing required field Statement');
    refused(
      doc([{ Effect: 'Allow', Action: 's3:GetObject', Principal: { Service: 'ecs-tasks.amazonaws.com' } }]),
      'trust',
      'AssumeRole policy may only specify STS AssumeRole actions.',
    );
  });

  it('knows the condition operators with their IfExists and set forms', () => {
    for (const op of [
      'StringEquals',
      'ArnLike',
      'IpAddress',
      'NotIpAddress',
      'Bool',
      'Null',
      'DateLessThan',
      'ForAnyValue:StringLike',
      'ForAllValues:StringEqualsIfExists',
      'NumericGreaterThanEqualsIfExists',
    ])
      assert.ok(conditionOperator(op), op);
    for (const op of ['StringEqual', 'NullIfExists', 'ForSomeValues:StringLike', 'Foo']) assert.equal(conditionOperator(op), undefined, op);
  });
});

describe('policy evaluation', () => {
  const push = parsePolicy(pushOnly, 'identity');

  it("seed 001's policy allows pushing to its repository and nothing else", () => {
    assert.equal(decide({ action: 'ecr:PutImage', resource: repo }, push), 'Allow');
    assert.equal(decide({ action: 'ecr:putimage', resource: repo }, push), 'Allow', 'actions are case-insensitive');
    assert.equal(decide({ action: 'ecr:GetAuthorizationToken' }, push), 'Allow');
    assert.equal(decide({ action: 'ecr:PutImage', resource: `${repo}-other` }, push), 'ImplicitDeny');
    assert.equal(decide({ action: 'ecr:BatchGetImage', resource: repo }, push), 'ImplicitDeny');
    assert.equal(decide({ action: 'ecr:DeleteRepository', resource: repo }, push), 'ImplicitDeny');
    assert.equal(
      decide({ action: 'ecs:UpdateService', resource: 'arn:aws:ecs:ap-northeast-2:905418305225:service/c/s' }, push),
      'ImplicitDeny',
    );
  });

  it('an explicit deny wins over any allow, whichever policy holds it', () => {
    const all = identity({ Effect: 'Allow', Action: '*', Resource: '*' });
    const deny = identity({ Sid: 'NoDelete', Effect: 'Deny', Action: 'ecr:Delete*', Resource: '*' });
    assert.equal(decide({ action: 'ecr:DeleteRepository', resource: repo }, all, deny), 'ExplicitDeny');
    assert.equal(evaluate({ action: 'ecr:DeleteRepository', resource: repo }, [all, deny]).matchedStatement?.sid, 'NoDelete');
    assert.equal(decide({ action: 'ecr:PutImage', resource: repo }, all, deny), 'Allow');
    assert.equal(decide({ action: 'ecr:PutImage', resource: repo }), 'ImplicitDeny');
  });

  it('wildcards in actions and resources; NotAction and NotResource', () => {
    const p = identity({ Effect: 'Allow', Action: ['ecs:Describe*', 'ecs:List?asks'], Resource: 'arn:aws:ecs:*:905418305225:*' });
    assert.equal(decide({ action: 'ecs:DescribeServices', resource: 'arn:aws:ecs:us-east-1:905418305225:service/c/s' }, p), 'Allow');
    assert.equal(decide({ action: 'ecs:ListTasks', resource: 'arn:aws:ecs:us-east-1:905418305225:cluster/c' }, p), 'Allow');
    assert.equal(decide({ action: 'ecs:DescribeServices', resource: 'arn:aws:ecs:us-east-1:111111111111:service/c/s' }, p), 'ImplicitDeny');
    const notIam = identity({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    assert.equal(decide({ action: 's3:GetObject' }, notIam), 'Allow');
    assert.equal(decide({ action: 'iam:CreateUser' }, notIam), 'ImplicitDeny');
    const denyOthers = identity({ Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::mine', 'arn:aws:s3:::mine/*'] });
    const s3 = identity({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
    assert.equal(decide({ action: 's3:GetObject', resource: 'arn:aws:s3:::mine/a/b' }, s3, denyOthers), 'Allow');
    assert.equal(decide({ action: 's3:GetObject', resource: 'arn:aws:s3:::theirs/a' }, s3, denyOthers), 'ExplicitDeny');
  });

  it('conditions on the global keys people use', () => {
    const p = identity(
      {
        Effect: 'Allow',
        Action: 'ecs:*',
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
      },
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.0.2.7'] } } },
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    );
    const ctx = (region: string, ip: string, tls = 'true') => ({
      'aws:RequestedRegion': region,
      'aws:SourceIp': ip,
      'aws:SecureTransport': tls,
    });
    assert.equal(decide({ action: 'ecs:RunTask', context: ctx('us-east-1', '10.1.2.3') }, p), 'Allow');
    assert.equal(decide({ action: 'ecs:RunTask', context: ctx('us-east-1', '192.0.2.7') }, p), 'Allow');
    assert.equal(decide({ action: 'ecs:RunTask', context: ctx('ap-south-1', '10.1.2.3') }, p), 'ImplicitDeny');
    assert.equal(decide({ action: 'ecs:RunTask', context: ctx('us-east-1', '203.0.113.9') }, p), 'ExplicitDeny');
    assert.equal(decide({ action: 'ecs:RunTask', context: ctx('us-east-1', '10.1.2.3', 'false') }, p), 'ExplicitDeny');
    const v6 = identity({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } } });
    assert.equal(decide({ action: 's3:GetObject', context: { 'aws:SourceIp': '2001:db8::1' } }, v6), 'Allow');
    assert.equal(decide({ action: 's3:GetObject', context: { 'aws:SourceIp': '10.0.0.1' } }, v6), 'ImplicitDeny');
  });

  it('aws:PrincipalArn with ArnLike, resource tags, Null and IfExists', () => {
    const p = identity(
      {
        Effect: 'Allow',
        Action: 'ecs:UpdateService',
        Resource: '*',
        Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/c?' } },
      },
      {
        Effect: 'Deny',
        Action: 'ecs:UpdateService',
        Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:ResourceTag/env': 'dev' } },
      },
    );
    assert.equal(decide({ action: 'ecs:UpdateService', context: { 'aws:ResourceTag/env': 'dev' } }, p), 'Allow');
    assert.equal(decide({ action: 'ecs:UpdateService' }, p), 'ExplicitDeny', 'IfExists: a missing key meets the condition');
    const ifExists = identity({
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: { StringEqualsIfExists: { 'aws:ResourceTag/env': 'dev' } },
    });
    assert.equal(decide({ action: 'ecs:UpdateService' }, ifExists), 'Allow');
    assert.equal(decide({ action: 'ecs:UpdateService', context: { 'aws:ResourceTag/env': 'prod' } }, ifExists), 'ImplicitDeny');
    assert.equal(decide({ action: 'ecs:UpdateService', context: { 'aws:ResourceTag/env': 'prod' } }, p), 'ExplicitDeny');
    assert.equal(
      decide(
        { action: 'ecs:UpdateService', principalArn: 'arn:aws:iam::905418305225:user/admin', context: { 'aws:ResourceTag/env': 'dev' } },
        p,
      ),
      'ImplicitDeny',
    );
    const tagged = identity({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Null: { 'aws:RequestTag/team': 'false' } } });
    assert.equal(decide({ action: 'ecs:TagResource', context: { 'aws:RequestTag/team': 'a' } }, tagged), 'Allow');
    assert.equal(decide({ action: 'ecs:TagResource' }, tagged), 'ImplicitDeny');
    const missing = identity({
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/env': 'dev' } },
    });
    assert.equal(decide({ action: 'ecs:TagResource' }, missing), 'ImplicitDeny', 'a missing key fails a positive operator');
    const dates = identity({
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: {
        DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' },
        NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' },
      },
    });
    assert.equal(
      decide({ action: 'x:Y', context: { 'aws:CurrentTime': '2026-06-01T00:00:00Z', 'aws:MultiFactorAuthAge': '60' } }, dates),
      'Allow',
    );
    assert.equal(
      decide({ action: 'x:Y', context: { 'aws:CurrentTime': '2031-06-01T00:00:00Z', 'aws:MultiFactorAuthAge': '60' } }, dates),
      'ImplicitDeny',
    );
  });

  it('ForAnyValue and ForAllValues over multi-valued keys', () => {
    const any = identity({
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['team*'] } },
    });
    const all = identity({
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } },
    });
    assert.equal(decide({ action: 'x:Y', context: { 'aws:TagKeys': ['a', 'team-x'] } }, any), 'Allow');
    assert.equal(decide({ action: 'x:Y', context: { 'aws:TagKeys': ['a'] } }, any), 'ImplicitDeny');
    assert.equal(decide({ action: 'x:Y' }, any), 'ImplicitDeny');
    assert.equal(decide({ action: 'x:Y', context: { 'aws:TagKeys': ['env'] } }, all), 'Allow');
    assert.equal(decide({ action: 'x:Y', context: { 'aws:TagKeys': ['env', 'owner'] } }, all), 'ImplicitDeny');
    assert.equal(decide({ action: 'x:Y' }, all), 'Allow', 'ForAllValues holds for no values');
  });

  it('policy variables in 2012-10-17 policies only, with defaults and escapes', () => {
    const home = { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' };
    const p = identity(home);
    const ctx = { 'aws:username': 'ci' };
    assert.equal(decide({ action: 's3:GetObject', resource: 'arn:aws:s3:::home/ci/a', context: ctx }, p), 'Allow');
    assert.equal(decide({ action: 's3:GetObject', resource: 'arn:aws:s3:::home/bob/a', context: ctx }, p), 'ImplicitDeny');
    assert.equal(
      decide({ action: 's3:GetObject', resource: 'arn:aws:s3:::home/ci/a' }, p),
      'ImplicitDeny',
      'a missing variable matches nothing',
    );
    const old = parsePolicy(doc([home], '2008-10-17'), 'identity');
    assert.equal(decide({ action: 's3:GetObject', resource: 'arn:aws:s3:::home/${aws:username}/a', context: ctx }, old), 'Allow');
    assert.equal(decide({ action: 's3:GetObject', resource: 'arn:aws:s3:::home/ci/a', context: ctx }, old), 'ImplicitDeny');
    const star = identity({ Effect: 'Allow', Action: 's3:*', Resource: "arn:aws:s3:::b/${*}/${aws:userid, 'anon'}" });
    assert.equal(decide({ action: 's3:GetObject', resource: 'arn:aws:s3:::b/*/anon' }, star), 'Allow');
    assert.equal(decide({ action: 's3:GetObject', resource: 'arn:aws:s3:::b/x/anon' }, star), 'ImplicitDeny', '${*} is a literal star');
    const cond = identity({
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } },
    });
    assert.equal(decide({ action: 'x:Y', context: { ...ctx, 'aws:ResourceTag/owner': 'ci' } }, cond), 'Allow');
    assert.equal(decide({ action: 'x:Y', context: { ...ctx, 'aws:ResourceTag/owner': 'bob' } }, cond), 'ImplicitDeny');
  });

  it("trust policies: a service, an account's principals, a role's sessions, and GitHub's OIDC claims", () => {
    const trust = parsePolicy(
      doc([
        { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: { AWS: ['111122223333', 'arn:aws:iam::905418305225:role/deployer'] }, Action: 'sts:AssumeRole' },
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::905418305225:oidc-provider/token.actions.githubusercontent.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo/app:ref:refs/heads/main' },
          },
        },
      ]),
      'trust',
    );
    const assume = (principal: EvalRequest['principal'], action = 'sts:AssumeRole', context = {}) =>
      evaluate({ action, principal, context }, [trust]).decision;
    assert.equal(assume({ type: 'Service', id: 'ecs-tasks.amazonaws.com' }), 'Allow');
    assert.equal(assume({ type: 'Service', id: 'codebuild.amazonaws.com' }), 'ImplicitDeny');
    assert.equal(assume({ type: 'AWS', id: 'arn:aws:iam::111122223333:user/anyone' }), 'Allow');
    assert.equal(assume({ type: 'AWS', id: 'arn:aws:sts::905418305225:assumed-role/deployer/s1' }), 'Allow');
    assert.equal(assume({ type: 'AWS', id: 'arn:aws:sts::905418305225:assumed-role/other/s1' }), 'ImplicitDeny');
    assert.equal(assume({ type: 'AWS', id: 'arn:aws:iam::905418305225:user/ci' }), 'ImplicitDeny');
    const gh = { type: 'Federated' as const, id: 'arn:aws:iam::905418305225:oidc-provider/token.actions.githubusercontent.com' };
    const claims = (sub: string) => ({
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'token.actions.githubusercontent.com:sub': sub,
    });
    assert.equal(assume(gh, 'sts:AssumeRoleWithWebIdentity', claims('repo:octo/app:ref:refs/heads/main')), 'Allow');
    assert.equal(assume(gh, 'sts:AssumeRoleWithWebIdentity', claims('repo:octo/app:ref:refs/heads/dev')), 'ImplicitDeny');
    assert.equal(assume(gh, 'sts:AssumeRole', claims('repo:octo/app:ref:refs/heads/main')), 'ImplicitDeny');
  });

  it("seed 004's trust policy (with its empty Sid) and its bucket policy naming a task role", () => {
    const trust = parsePolicy(
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "",
      "Effect": "Allow",
      "Principal": {
        "Service": "ecs-tasks.amazonaws.com"
      },
      "Action": "sts:AssumeRole"
    }
  ]
}`,
      'trust',
    );
    assert.equal(
      evaluate({ action: 'sts:AssumeRole', principal: { type: 'Service', id: 'ecs-tasks.amazonaws.com' } }, [trust]).decision,
      'Allow',
    );
    const bucket = parsePolicy(
      doc([
        {
          Sid: 'PublicReadGetObject',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::905418305225:role/ecs-task-role' },
          Action: 's3:*',
          Resource: 'arn:aws:s3:::ecs-sample-env/*',
        },
      ]),
      'resource',
    );
    const get = (principalArn: string, resource = 'arn:aws:s3:::ecs-sample-env/prod.env') =>
      evaluate({ action: 's3:GetObject', resource, principalArn }, [bucket]).decision;
    assert.equal(get('arn:aws:sts::905418305225:assumed-role/ecs-task-role/3f2a'), 'Allow');
    assert.equal(get('arn:aws:sts::905418305225:assumed-role/other-role/3f2a'), 'ImplicitDeny');
    assert.equal(get('arn:aws:sts::905418305225:assumed-role/ecs-task-role/3f2a', 'arn:aws:s3:::other/prod.env'), 'ImplicitDeny');
    assert.equal(get('arn:aws:iam::905418305225:user/ci'), 'ImplicitDeny');
  });

  it("AWS's AccessDenied wording", () => {
    const request = { principalArn: user, action: 'ecs:UpdateService', resource: 'arn:aws:ecs:us-east-1:905418305225:service/c/s' };
    assert.equal(
      accessDeniedMessage(request, 'ImplicitDeny'),
      'User: arn:aws:iam::905418305225:user/ci is not authorized to perform: ecs:UpdateService on resource: arn:aws:ecs:us-east-1:905418305225:service/c/s because no identity-based policy allows the ecs:UpdateService action',
    );
    assert.equal(
      accessDeniedMessage(request, 'ExplicitDeny'),
      'User: arn:aws:iam::905418305225:user/ci is not authorized to perform: ecs:UpdateService on resource: arn:aws:ecs:us-east-1:905418305225:service/c/s with an explicit deny in an identity-based policy',
    );
  });
});
