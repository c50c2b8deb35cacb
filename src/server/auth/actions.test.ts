import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { servedApis } from '../../../test/support/fuzz-wire.ts';
import { actionOf, iamActionMaps } from './actions.ts';

const scope = { region: 'eu-west-1', account: '123456789012' };
const on = (service: string, operation: string, input: Record<string, unknown>) => actionOf(service, operation, input, scope);

describe('auth: IAM actions of each room', () => {
  const served = new Map(servedApis().map((api) => [api.model.metadata.signingName ?? api.model.metadata.endpointPrefix, api]));
  const mapped = [
    'logs',
    'secretsmanager',
    'ssm',
    'elasticloadbalancing',
    'codecommit',
    'codestar-connections',
    'codeconnections',
    'ec2',
    'iam',
  ];

  for (const service of mapped)
    it(`${service}: every operation the room serves has an entry`, () => {
      const api = served.get(service);
      assert.ok(api, `no room serves ${service}`);
      const missing = Object.keys(api.handlers).filter((op) => !Object.hasOwn(iamActionMaps[service], op));
      assert.deepEqual(missing, []);
    });

  it('logs: a group call acts on log-group:<name>:log-stream:, a stream call on its stream', () => {
    assert.deepEqual(on('logs', 'PutLogEvents', { logGroupName: '/ecs/web', logStreamName: 'ecs/web/1' }), {
      action: 'logs:PutLogEvents',
      resources: ['arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/web:log-stream:ecs/web/1'],
      passedRoles: [],
    });
    const group = on('logs', 'FilterLogEvents', { logGroupIdentifier: 'arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/web' });
    assert.deepEqual(group.resources, ['arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/web:log-stream:']);
    assert.deepEqual(on('logs', 'DescribeLogGroups', {}).resources, ['arn:aws:logs:eu-west-1:123456789012:log-group::log-stream:']);
  });

  it('logs: CreateLogGroup carries the tags it asks for', () => {
    const call = on('logs', 'CreateLogGroup', { logGroupName: 'g', tags: { team: 'web', env: 'dev' } });
    assert.deepEqual(call.context, { 'aws:RequestTag/team': 'web', 'aws:RequestTag/env': 'dev', 'aws:TagKeys': ['team', 'env'] });
  });

  it('secretsmanager: a secret by name or by its whole ARN', () => {
    assert.deepEqual(on('secretsmanager', 'GetSecretValue', { SecretId: 'prod/db' }).resources, [
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db',
    ]);
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf';
    assert.deepEqual(on('secretsmanager', 'GetSecretValue', { SecretId: arn }).resources, [arn]);
    assert.deepEqual(on('secretsmanager', 'ListSecrets', {}).resources, ['*']);
    assert.deepEqual(on('secretsmanager', 'GetSecretValue', { SecretId: 'prod/db' }).context, { 'secretsmanager:SecretId': 'prod/db' });
  });

  it('ssm: parameters with and without a leading slash, a path, a list, an ARN', () => {
    const arn = (name: string) => `arn:aws:ssm:eu-west-1:123456789012:parameter/${name}`;
    assert.deepEqual(on('ssm', 'GetParametersByPath', { Path: '/app/prod' }).resources, [arn('app/prod')]);
    assert.deepEqual(on('ssm', 'GetParameter', { Name: 'plain' }).resources, [arn('plain')]);
    assert.deepEqual(on('ssm', 'GetParameters', { Names: ['/a/b', arn('c/d')] }).resources, [arn('a/b'), arn('c/d')]);
  });

  it('elasticloadbalancing: listener and rule ARNs as given, a new load balancer by name', () => {
    const listener = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/web/0123456789abcdef/fedcba9876543210';
    assert.deepEqual(on('elasticloadbalancing', 'ModifyListener', { ListenerArn: listener }), {
      action: 'elasticloadbalancing:ModifyListener',
      resources: [listener],
      passedRoles: [],
    });
    const rules = ['r1', 'r2'].map((r) => `${listener.replace('listener/', 'listener-rule/')}/${r}`);
    assert.deepEqual(
      on('elasticloadbalancing', 'SetRulePriorities', { RulePriorities: rules.map((RuleArn, i) => ({ RuleArn, Priority: i + 1 })) })
        .resources,
      rules,
    );
    assert.deepEqual(on('elasticloadbalancing', 'CreateLoadBalancer', { Name: 'web' }).resources, [
      'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/*',
    ]);
  });

  it('codecommit and connections: a repository by name, a connection by ARN under either prefix', () => {
    assert.deepEqual(on('codecommit', 'GetFile', { repositoryName: 'app', filePath: 'x' }).resources, [
      'arn:aws:codecommit:eu-west-1:123456789012:app',
    ]);
    const connection = 'arn:aws:codeconnections:eu-west-1:123456789012:connection/1b2c3d4e';
    assert.deepEqual(on('codeconnections', 'GetConnection', { ConnectionArn: connection }).resources, [connection]);
    assert.equal(on('codestar-connections', 'CreateConnection', { ConnectionName: 'c' }).action, 'codestar-connections:CreateConnection');
    assert.deepEqual(on('codestar-connections', 'CreateConnection', { ConnectionName: 'c' }).resources, [
      'arn:aws:codestar-connections:eu-west-1:123456789012:connection/*',
    ]);
  });

  it('ec2: a subnet in its VPC, tags on bare ids', () => {
    const arn = (r: string) => `arn:aws:ec2:eu-west-1:123456789012:${r}`;
    assert.deepEqual(on('ec2', 'CreateSubnet', { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24' }).resources, [
      arn('subnet/*'),
      arn('vpc/vpc-1'),
    ]);
    const tags = on('ec2', 'CreateTags', { Resources: ['vpc-1', 'sg-2'], Tags: [{ Key: 'team', Value: 'web' }] });
    assert.deepEqual(tags.resources, [arn('vpc-1'), arn('sg-2')]);
    assert.deepEqual(tags.context, { 'aws:RequestTag/team': 'web', 'aws:TagKeys': ['team'] });
    assert.deepEqual(
      on('ec2', 'CreateVpc', { CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'a', Value: 'b' }] }] })
        .context,
      { 'aws:RequestTag/a': 'b', 'aws:TagKeys': ['a'] },
    );
  });

  it('iam: a role created under a path, a role by name, a policy by ARN, untagging keys', () => {
    assert.deepEqual(on('iam', 'CreateRole', { RoleName: 'deploy', Path: '/ci/', AssumeRolePolicyDocument: '{}' }).resources, [
      'arn:aws:iam::123456789012:role/ci/deploy',
    ]);
    assert.deepEqual(on('iam', 'CreateRole', { RoleName: 'deploy', AssumeRolePolicyDocument: '{}' }).resources, [
      'arn:aws:iam::123456789012:role/deploy',
    ]);
    assert.deepEqual(on('iam', 'DeleteRole', { RoleName: 'deploy' }).resources, ['arn:aws:iam::123456789012:role/deploy']);
    const self = actionOf('iam', 'ListAccessKeys', {}, { ...scope, username: 'alice' });
    assert.deepEqual(self.resources, ['arn:aws:iam::123456789012:user/alice']);
    assert.deepEqual(actionOf('iam', 'ListAccessKeys', { UserName: 'bob' }, { ...scope, username: 'alice' }).resources, [
      'arn:aws:iam::123456789012:user/bob',
    ]);
    const policy = 'arn:aws:iam::123456789012:policy/team/read';
    assert.deepEqual(on('iam', 'GetPolicy', { PolicyArn: policy }).resources, [policy]);
    assert.deepEqual(on('iam', 'UntagRole', { RoleName: 'deploy', TagKeys: ['a', 'b'] }).context, { 'aws:TagKeys': ['a', 'b'] });
  });

  it('s3: ListBucket carries its prefix, empty when none', () => {
    assert.deepEqual(on('s3', 'ListObjectsV2', { Bucket: 'b', Prefix: 'docs/', MaxKeys: 10 }).context, {
      's3:prefix': 'docs/',
      's3:max-keys': '10',
    });
    assert.deepEqual(on('s3', 'ListObjectsV2', { Bucket: 'b' }).context, { 's3:prefix': '' });
  });
});
