import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSecretReference, type SecretReferenceError } from './index.ts';
import { secretsTestApp, TEST_SCOPE } from './testing.ts';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf';

describe('parseSecretReference', () => {
  it('takes a full ARN alone, or with json-key, version-stage and version-id suffixes (empty parts mean the default)', () => {
    assert.deepEqual(parseSecretReference(ARN), { secretId: ARN, jsonKey: undefined, versionStage: undefined, versionId: undefined });
    assert.deepEqual(parseSecretReference(`${ARN}:password::`), {
      secretId: ARN,
      jsonKey: 'password',
      versionStage: undefined,
      versionId: undefined,
    });
    assert.deepEqual(parseSecretReference(`${ARN}::AWSPREVIOUS:`), {
      secretId: ARN,
      jsonKey: undefined,
      versionStage: 'AWSPREVIOUS',
      versionId: undefined,
    });
    const id = '0123456789abcdef0123456789abcdef';
    assert.deepEqual(parseSecretReference(`${ARN}:user::${id}`), {
      secretId: ARN,
      jsonKey: 'user',
      versionStage: undefined,
      versionId: id,
    });
  });

  it("takes a name with the same suffixes (CodeBuild's secrets-manager variables)", () => {
    assert.deepEqual(parseSecretReference('prod/db:password:AWSCURRENT'), {
      secretId: 'prod/db',
      jsonKey: 'password',
      versionStage: 'AWSCURRENT',
      versionId: undefined,
    });
  });

  it('refuses a reference with too many parts, or an ARN of another kind', () => {
    assert.throws(() => parseSecretReference(`${ARN}:a:b:c:d`), /more than the three suffixes/);
    assert.throws(() => parseSecretReference('arn:aws:ssm:us-east-1:123456789012:parameter/x'), /not a Secrets Manager secret ARN/);
  });
});

describe('resolveSecret', () => {
  it('reads the value, a JSON key of it, or an earlier stage; and says why it cannot, as the ECS agent says it', async () => {
    const { facade, call } = secretsTestApp();
    const { ARN: arn } = await call('secretsmanager', 'CreateSecret', { Name: 'prod/db', SecretString: '{"user":"app","port":5432}' });
    await call('secretsmanager', 'PutSecretValue', { SecretId: 'prod/db', SecretString: '{"user":"app2","port":5432}' });
    assert.equal(facade.resolveSecret(arn, TEST_SCOPE), '{"user":"app2","port":5432}');
    assert.equal(facade.resolveSecret(`${arn}:user::`, TEST_SCOPE), 'app2');
    assert.equal(facade.resolveSecret(`${arn}:port::`, TEST_SCOPE), '5432');
    assert.equal(facade.resolveSecret(`${arn}:user:AWSPREVIOUS:`, TEST_SCOPE), 'app');
    assert.equal(facade.resolveSecret('prod/db:user', TEST_SCOPE), 'app2');
    assert.equal(
      facade.resolveSecret(`${arn.slice(0, -7)}:user`, { region: 'us-east-1', account: '000000000000' }),
      'app2',
      'the ARN says where to look',
    );
    assert.throws(
      () => facade.resolveSecret(`${arn}:password::`, TEST_SCOPE),
      /unable to retrieve secret from asm: .*did not contain json key password/,
    );
    assert.throws(
      () => facade.resolveSecret(arn.replace('prod/db', 'prod/gone'), TEST_SCOPE),
      /^SecretReferenceError: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time\(s\): failed to fetch secret .*prod\/gone.* from secrets manager: ResourceNotFoundException: Secrets Manager can't find the specified secret\.$/,
    );
    assert.throws(
      () => facade.resolveSecret('prod/gone', TEST_SCOPE),
      (err: SecretReferenceError) =>
        assert.deepEqual(err.reason, {
          kind: 'other',
          detail: "ResourceNotFoundException: Secrets Manager can't find the specified secret.",
        }) ?? true,
      'the reason carries the service error without the agent wording',
    );
    await call('secretsmanager', 'DeleteSecret', { SecretId: arn });
    assert.throws(
      () => facade.resolveSecret(arn, TEST_SCOPE),
      /InvalidRequestException: You can't perform this operation on the secret because it was marked for deletion\./,
    );
  });
});

describe('resolveParameter and resolveValueFrom', () => {
  it('read a parameter by name or ARN, decrypted, and name the missing one as the ECS agent does', async () => {
    const { facade, call } = secretsTestApp();
    await call('ssm', 'PutParameter', { Name: '/app/db-password', Type: 'SecureString', Value: 'hunter2' });
    await call('ssm', 'PutParameter', { Name: 'plain', Type: 'String', Value: 'v1' });
    await call('ssm', 'PutParameter', { Name: 'plain', Value: 'v2', Overwrite: true });
    const { ARN: secretArn } = await call('secretsmanager', 'CreateSecret', { Name: 'db', SecretString: '{"password":"s3cret"}' });
    assert.equal(facade.resolveParameter('/app/db-password', TEST_SCOPE), 'hunter2');
    assert.equal(
      facade.resolveParameter('arn:aws:ssm:eu-west-1:123456789012:parameter/app/db-password', {
        region: 'us-east-1',
        account: '000000000000',
      }),
      'hunter2',
    );
    assert.equal(facade.resolveParameter('arn:aws:ssm:eu-west-1:123456789012:parameter/plain', TEST_SCOPE), 'v2');
    assert.equal(facade.resolveParameter('plain:1', TEST_SCOPE), 'v1');
    assert.throws(
      () => facade.resolveParameter('/app/missing', TEST_SCOPE),
      /^SecretReferenceError: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time\(s\): invalid ssm parameters: \/app\/missing$/,
    );
    assert.throws(
      () => facade.resolveParameter('/app/missing', TEST_SCOPE),
      (err: SecretReferenceError) => assert.deepEqual(err.reason, { kind: 'parameter-missing' }) ?? true,
    );
    assert.equal(facade.resolveValueFrom(`${secretArn}:password::`, TEST_SCOPE), 's3cret');
    assert.equal(facade.resolveValueFrom('/app/db-password', TEST_SCOPE), 'hunter2');
  });
});
