/**
 * Secrets Manager against the real aws CLI and AWS SDK v3: secrets made, read by name, ARN and
 * partial ARN, versioned with AWSCURRENT/AWSPREVIOUS moving as AWS moves them, listed, tagged,
 * deleted with a recovery window and restored; AWS's errors for bad input, with nothing written;
 * values encrypted at rest and never echoed; all of it still there after a restart.
 */
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  RestoreSecretCommand,
  SecretsManagerClient,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expectAwsError } from '../support/ecr.ts';
import { awsCli, clientConfig, startTestSlipway, tempDataDir, type TestSlipway } from '../support/slipway.ts';

const dataDir = tempDataDir();
let s: TestSlipway;
let sm: SecretsManagerClient;

const client = (endpoint: string) => new SecretsManagerClient(clientConfig(endpoint));
const stagesOf = async (id: string) => (await sm.send(new DescribeSecretCommand({ SecretId: id }))).VersionIdsToStages ?? {};

before(async () => {
  s = await startTestSlipway({ dataDir });
  sm = client(s.endpoint);
});
after(async () => {
  await s?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Secrets Manager', () => {
  test('the aws CLI creates a secret and reads it back by name, full ARN and partial ARN', async () => {
    const created = await awsCli(s.endpoint, [
      'secretsmanager',
      'create-secret',
      '--name',
      'prod/db',
      '--secret-string',
      '{"user":"app","password":"hunter2"}',
    ]);
    assert.match(created.ARN, /^arn:aws:secretsmanager:us-east-1:000000000000:secret:prod\/db-[A-Za-z0-9]{6}$/);
    assert.equal(created.Name, 'prod/db');
    for (const id of ['prod/db', created.ARN, created.ARN.slice(0, -7)]) {
      const got = await awsCli(s.endpoint, ['secretsmanager', 'get-secret-value', '--secret-id', id]);
      assert.equal(got.SecretString, '{"user":"app","password":"hunter2"}', id);
      assert.equal(got.VersionId, created.VersionId);
      assert.deepEqual(got.VersionStages, ['AWSCURRENT']);
    }
    await expectAwsError(
      sm.send(new GetSecretValueCommand({ SecretId: `${created.ARN.slice(0, -7)}-zzzzzz` })),
      'ResourceNotFoundException',
      "Secrets Manager can't find the specified secret.",
    );
    await expectAwsError(sm.send(new GetSecretValueCommand({ SecretId: 'prod/d' })), 'ResourceNotFoundException');
  });

  test('a binary secret comes back byte for byte', async () => {
    const bytes = Uint8Array.from([0, 1, 2, 250, 255]);
    await sm.send(new CreateSecretCommand({ Name: 'binary', SecretBinary: bytes }));
    const got = await sm.send(new GetSecretValueCommand({ SecretId: 'binary' }));
    assert.deepEqual([...got.SecretBinary!], [...bytes]);
    assert.equal(got.SecretString, undefined);
  });

  test('a retried CreateSecret or PutSecretValue with the same ClientRequestToken is answered again; a changed value is refused', async () => {
    const token = randomUUID();
    const first = await sm.send(new CreateSecretCommand({ Name: 'idempotent', SecretString: 'one', ClientRequestToken: token }));
    assert.equal(first.VersionId, token);
    const again = await sm.send(new CreateSecretCommand({ Name: 'idempotent', SecretString: 'one', ClientRequestToken: token }));
    assert.deepEqual([again.ARN, again.VersionId], [first.ARN, first.VersionId]);
    await expectAwsError(
      sm.send(new CreateSecretCommand({ Name: 'idempotent', SecretString: 'one' })),
      'ResourceExistsException',
      'The operation failed because the secret idempotent already exists.',
    );

    const putToken = randomUUID();
    const put = await sm.send(new PutSecretValueCommand({ SecretId: 'idempotent', SecretString: 'two', ClientRequestToken: putToken }));
    const putAgain = await sm.send(
      new PutSecretValueCommand({ SecretId: 'idempotent', SecretString: 'two', ClientRequestToken: putToken }),
    );
    assert.equal(putAgain.VersionId, put.VersionId);
    await expectAwsError(
      sm.send(new PutSecretValueCommand({ SecretId: 'idempotent', SecretString: 'three', ClientRequestToken: putToken })),
      'ResourceExistsException',
      "You can't modify an existing version, you can only create a new version.",
    );
    const versions = await sm.send(new ListSecretVersionIdsCommand({ SecretId: 'idempotent' }));
    assert.equal(versions.Versions!.length, 2);
    assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: 'idempotent' }))).SecretString, 'two');
  });

  test('AWSCURRENT and AWSPREVIOUS move as AWS moves them', async () => {
    const v1 = (await sm.send(new CreateSecretCommand({ Name: 'rotating', SecretString: 'v1' }))).VersionId!;
    const v2 = (await sm.send(new PutSecretValueCommand({ SecretId: 'rotating', SecretString: 'v2' }))).VersionId!;
    assert.deepEqual(await stagesOf('rotating'), { [v1]: ['AWSPREVIOUS'], [v2]: ['AWSCURRENT'] });
    assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: 'rotating', VersionStage: 'AWSPREVIOUS' }))).SecretString, 'v1');
    assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: 'rotating', VersionId: v1 }))).SecretString, 'v1');

    const v3 = (await sm.send(new UpdateSecretCommand({ SecretId: 'rotating', SecretString: 'v3', Description: 'rotated by hand' })))
      .VersionId!;
    assert.deepEqual(await stagesOf('rotating'), { [v2]: ['AWSPREVIOUS'], [v3]: ['AWSCURRENT'] });
    const listed = await sm.send(new ListSecretVersionIdsCommand({ SecretId: 'rotating' }));
    assert.deepEqual(listed.Versions!.map((v) => v.VersionId).sort(), [v2, v3].sort(), 'a version with no label is left out');
    const all = await sm.send(new ListSecretVersionIdsCommand({ SecretId: 'rotating', IncludeDeprecated: true }));
    assert.equal(all.Versions!.length, 3);

    // A pending version, then AWSCURRENT moved to it: the old current becomes AWSPREVIOUS.
    const v4 = (await sm.send(new PutSecretValueCommand({ SecretId: 'rotating', SecretString: 'v4', VersionStages: ['AWSPENDING'] })))
      .VersionId!;
    assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: 'rotating' }))).SecretString, 'v3');
    await expectAwsError(
      sm.send(new UpdateSecretVersionStageCommand({ SecretId: 'rotating', VersionStage: 'AWSCURRENT', MoveToVersionId: v4 })),
      'InvalidParameterException',
      `The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to version ${v3}, so you must explicitly reference that version in RemoveFromVersionId.`,
    );
    await sm.send(
      new UpdateSecretVersionStageCommand({
        SecretId: 'rotating',
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: v4,
        RemoveFromVersionId: v3,
      }),
    );
    assert.deepEqual(await stagesOf('rotating'), { [v3]: ['AWSPREVIOUS'], [v4]: ['AWSPENDING', 'AWSCURRENT'] });
    await expectAwsError(
      sm.send(new UpdateSecretVersionStageCommand({ SecretId: 'rotating', VersionStage: 'AWSCURRENT', RemoveFromVersionId: v4 })),
      'InvalidParameterException',
      "You can only move staging label AWSCURRENT to a different secret version. It can't be completely removed.",
    );
    await sm.send(new UpdateSecretVersionStageCommand({ SecretId: 'rotating', VersionStage: 'AWSPENDING', RemoveFromVersionId: v4 }));
    assert.deepEqual((await stagesOf('rotating'))[v4], ['AWSCURRENT']);
    await expectAwsError(
      sm.send(new GetSecretValueCommand({ SecretId: 'rotating', VersionStage: 'AWSPENDING' })),
      'ResourceNotFoundException',
      "Secrets Manager can't find the specified secret value for staging label: AWSPENDING",
    );
    await expectAwsError(
      sm.send(new GetSecretValueCommand({ SecretId: 'rotating', VersionId: randomUUID() })),
      'ResourceNotFoundException',
      /for VersionId: /,
    );
    assert.equal((await sm.send(new DescribeSecretCommand({ SecretId: 'rotating' }))).Description, 'rotated by hand');
  });

  test('ListSecrets filters (name, tag, negation, description) and pages', async () => {
    for (const n of ['list/a', 'list/b', 'list/c']) {
      await sm.send(
        new CreateSecretCommand({
          Name: n,
          SecretString: 'x',
          Description: `Team ${n}`,
          Tags: [{ Key: 'team', Value: n === 'list/c' ? 'blue' : 'red' }],
        }),
      );
    }
    const names = async (filters: { Key: any; Values: string[] }[]) =>
      (await sm.send(new ListSecretsCommand({ Filters: filters }))).SecretList!.map((e) => e.Name).sort();
    assert.deepEqual(await names([{ Key: 'name', Values: ['list/'] }]), ['list/a', 'list/b', 'list/c']);
    assert.deepEqual(
      await names([
        { Key: 'name', Values: ['list/'] },
        { Key: 'tag-value', Values: ['red'] },
      ]),
      ['list/a', 'list/b'],
    );
    assert.deepEqual(
      await names([
        { Key: 'name', Values: ['list/'] },
        { Key: 'tag-value', Values: ['!red'] },
      ]),
      ['list/c'],
    );
    assert.deepEqual(await names([{ Key: 'description', Values: ['team list/b'] }]), ['list/b']);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await sm.send(
        new ListSecretsCommand({ MaxResults: 2, NextToken: token, Filters: [{ Key: 'name', Values: ['list/'] }] }),
      );
      assert.ok(page.SecretList!.length <= 2);
      seen.push(...page.SecretList!.map((e) => e.Name!));
      token = page.NextToken;
    } while (token);
    assert.deepEqual(seen.sort(), ['list/a', 'list/b', 'list/c']);
    const entry = (await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['list/a'] }] }))).SecretList![0];
    assert.deepEqual(Object.values(entry.SecretVersionsToStages!), [['AWSCURRENT']]);
    await expectAwsError(sm.send(new ListSecretsCommand({ NextToken: 'bogus' })), 'InvalidNextTokenException');
  });

  test('tags are added, replaced and removed', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'tagged', SecretString: 'x', Tags: [{ Key: 'env', Value: 'dev' }] }));
    await sm.send(
      new TagResourceCommand({
        SecretId: 'tagged',
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'owner', Value: 'ops' },
        ],
      }),
    );
    await sm.send(new UntagResourceCommand({ SecretId: 'tagged', TagKeys: ['owner'] }));
    assert.deepEqual((await sm.send(new DescribeSecretCommand({ SecretId: 'tagged' }))).Tags, [{ Key: 'env', Value: 'prod' }]);
    await expectAwsError(
      sm.send(new TagResourceCommand({ SecretId: 'tagged', Tags: [{ Key: 'aws:owner', Value: 'x' }] })),
      'InvalidParameterException',
      /aws:/,
    );
  });

  test('DeleteSecret: a recovery window of 7–30 days or none, never both; a deleted secret cannot be read until restored', async () => {
    const { ARN } = await sm.send(new CreateSecretCommand({ Name: 'doomed', SecretString: 'bye' }));
    await expectAwsError(
      sm.send(new DeleteSecretCommand({ SecretId: 'doomed', ForceDeleteWithoutRecovery: true, RecoveryWindowInDays: 7 })),
      'InvalidParameterException',
      "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
    );
    for (const days of [6, 31]) {
      await expectAwsError(
        sm.send(new DeleteSecretCommand({ SecretId: 'doomed', RecoveryWindowInDays: days })),
        'InvalidParameterException',
        'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).',
      );
    }
    const before = Date.now();
    const deleted = await sm.send(new DeleteSecretCommand({ SecretId: ARN, RecoveryWindowInDays: 7 }));
    const days = (deleted.DeletionDate!.getTime() - before) / 86_400_000;
    assert.ok(days > 6.99 && days < 7.01, `DeletionDate is 7 days ahead (${days})`);
    const marked = "You can't perform this operation on the secret because it was marked for deletion.";
    await expectAwsError(sm.send(new GetSecretValueCommand({ SecretId: 'doomed' })), 'InvalidRequestException', marked);
    await expectAwsError(sm.send(new PutSecretValueCommand({ SecretId: 'doomed', SecretString: 'x' })), 'InvalidRequestException', marked);
    await expectAwsError(
      sm.send(new CreateSecretCommand({ Name: 'doomed', SecretString: 'x' })),
      'InvalidRequestException',
      /already scheduled for deletion/,
    );
    assert.ok((await sm.send(new DescribeSecretCommand({ SecretId: 'doomed' }))).DeletedDate);
    const listed = async (planned: boolean) =>
      (await sm.send(new ListSecretsCommand({ IncludePlannedDeletion: planned, Filters: [{ Key: 'name', Values: ['doomed'] }] })))
        .SecretList!.length;
    assert.deepEqual([await listed(false), await listed(true)], [0, 1]);

    await sm.send(new RestoreSecretCommand({ SecretId: 'doomed' }));
    assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: 'doomed' }))).SecretString, 'bye');

    await sm.send(new DeleteSecretCommand({ SecretId: 'doomed', ForceDeleteWithoutRecovery: true }));
    await expectAwsError(sm.send(new DescribeSecretCommand({ SecretId: 'doomed' })), 'ResourceNotFoundException');
    const again = await sm.send(new CreateSecretCommand({ Name: 'doomed', SecretString: 'again' }));
    assert.notEqual(again.ARN, ARN, 'a new secret of the same name has a new ARN');
  });

  test('GetRandomPassword honours length, exclusions and RequireEachIncludedType', async () => {
    const { RandomPassword: p } = await sm.send(
      new GetRandomPasswordCommand({ PasswordLength: 40, ExcludePunctuation: true, ExcludeCharacters: 'abc' }),
    );
    assert.equal(p!.length, 40);
    assert.match(p!, /^[A-Za-z0-9]+$/);
    assert.doesNotMatch(p!, /[abc]/);
    assert.match(p!, /[A-Z]/);
    assert.match(p!, /[0-9]/);
    const digits = await awsCli(s.endpoint, [
      'secretsmanager',
      'get-random-password',
      '--password-length',
      '12',
      '--exclude-lowercase',
      '--exclude-uppercase',
      '--exclude-punctuation',
    ]);
    assert.match(digits.RandomPassword, /^[0-9]{12}$/);
    await expectAwsError(
      sm.send(
        new GetRandomPasswordCommand({ ExcludeLowercase: true, ExcludeUppercase: true, ExcludeNumbers: true, ExcludePunctuation: true }),
      ),
      'InvalidParameterException',
    );
  });

  test('bad input gets the error AWS gives, naming the field, and writes nothing', async () => {
    await expectAwsError(sm.send(new CreateSecretCommand({ Name: 'bad name', SecretString: 'x' })), 'ValidationException', /Invalid name/);
    await expectAwsError(sm.send(new CreateSecretCommand({ Name: '', SecretString: 'x' })), 'ValidationException', /'Name'/);
    await expectAwsError(
      sm.send(new CreateSecretCommand({ Name: 'both', SecretString: 'x', SecretBinary: Uint8Array.from([1]) })),
      'InvalidParameterException',
      "You can't specify both a binary secret value and a string secret value in the same secret.",
    );
    await expectAwsError(
      sm.send(new CreateSecretCommand({ Name: 'token', SecretString: 'x', ClientRequestToken: 'short' })),
      'ValidationException',
      /ClientRequestToken/,
    );
    await expectAwsError(
      sm.send(new PutSecretValueCommand({ SecretId: 'binary' })),
      'InvalidRequestException',
      'You must provide either SecretString or SecretBinary.',
    );
    await expectAwsError(
      sm.send(new PutSecretValueCommand({ SecretId: 'binary', SecretBinary: new Uint8Array(65_537) })),
      'ValidationException',
      /'SecretBinary'.*65536/,
    );
    assert.equal((await sm.send(new ListSecretVersionIdsCommand({ SecretId: 'binary' }))).Versions!.length, 1);
    await expectAwsError(
      sm.send(new GetSecretValueCommand({ SecretId: 'nowhere' })),
      'ResourceNotFoundException',
      "Secrets Manager can't find the specified secret.",
    );
    for (const name of ['bad name', 'both', 'token'])
      await expectAwsError(sm.send(new DescribeSecretCommand({ SecretId: name })), 'ResourceNotFoundException');
  });

  test("KMS keys, descriptions, tokens, staging labels and tags are held to AWS's rules, naming the field, and writing nothing", async () => {
    const key = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const notKeys = [
      'arn:aws',
      'fuzz\u0000',
      'a\ud800b',
      '\u0001\u000b\f',
      'arn:aws:codebuild:us-east-1:123456789012:project/fuzz',
      key.replace('us-east-1', 'eu-west-1'),
      'alias/',
    ];
    for (const KmsKeyId of notKeys) {
      await expectAwsError(
        sm.send(new CreateSecretCommand({ Name: 'kms', SecretString: 'x', KmsKeyId })),
        'ValidationException',
        /^1 validation error detected: Value '.*' at 'KmsKeyId'/,
      );
    }
    await expectAwsError(sm.send(new DescribeSecretCommand({ SecretId: 'kms' })), 'ResourceNotFoundException');
    for (const KmsKeyId of [
      key,
      'alias/app-secrets',
      '1234abcd-12ab-34cd-56ef-1234567890ab',
      'arn:aws:kms:us-east-1:111122223333:alias/app',
    ]) {
      await sm.send(new CreateSecretCommand({ Name: 'kms', SecretString: 'x', KmsKeyId }));
      assert.equal((await sm.send(new DescribeSecretCommand({ SecretId: 'kms' }))).KmsKeyId, KmsKeyId);
      await sm.send(new DeleteSecretCommand({ SecretId: 'kms', ForceDeleteWithoutRecovery: true }));
    }
    await sm.send(new CreateSecretCommand({ Name: 'kms', SecretString: 'x', KmsKeyId: key, Description: 'two\nlines' }));
    const held = await sm.send(new DescribeSecretCommand({ SecretId: 'kms' }));
    for (const KmsKeyId of notKeys) {
      await expectAwsError(
        sm.send(new UpdateSecretCommand({ SecretId: 'kms', KmsKeyId, SecretString: 'y' })),
        'ValidationException',
        /'KmsKeyId'/,
      );
    }
    await expectAwsError(
      sm.send(new UpdateSecretCommand({ SecretId: 'kms', Description: 'nul\u0000' })),
      'ValidationException',
      /at 'Description'.*control characters/,
    );
    const token = `${randomUUID()}\u0000`;
    await expectAwsError(
      sm.send(new PutSecretValueCommand({ SecretId: 'kms', SecretString: 'z', ClientRequestToken: token })),
      'ValidationException',
      /at 'ClientRequestToken'/,
    );
    await expectAwsError(
      sm.send(new PutSecretValueCommand({ SecretId: 'kms', SecretString: 'z', VersionStages: ['a\ud800b'] })),
      'ValidationException',
      /at 'VersionStages'/,
    );
    const [version] = Object.keys(held.VersionIdsToStages!);
    await expectAwsError(
      sm.send(new UpdateSecretVersionStageCommand({ SecretId: 'kms', VersionStage: 'x\u000b', MoveToVersionId: version })),
      'ValidationException',
      /at 'VersionStage'/,
    );
    for (const Tags of [[{ Key: 'semi;colon', Value: 'x' }], [{ Key: 'team', Value: 'a\u0000' }], [{ Key: '\udfff', Value: 'x' }]]) {
      await expectAwsError(sm.send(new TagResourceCommand({ SecretId: 'kms', Tags })), 'ValidationException', /at 'Tags\.(Key|Value)'/);
      await expectAwsError(
        sm.send(new CreateSecretCommand({ Name: 'tag-chars', SecretString: 'x', Tags })),
        'ValidationException',
        /at 'Tags\.(Key|Value)'/,
      );
    }
    await expectAwsError(sm.send(new DescribeSecretCommand({ SecretId: 'tag-chars' })), 'ResourceNotFoundException');
    const after = await sm.send(new DescribeSecretCommand({ SecretId: 'kms' }));
    assert.deepEqual(
      [after.KmsKeyId, after.Description, after.Tags, after.VersionIdsToStages, after.LastChangedDate],
      [key, 'two\nlines', undefined, held.VersionIdsToStages, held.LastChangedDate],
    );
    await sm.send(new TagResourceCommand({ SecretId: 'kms', Tags: [{ Key: 'Équipe 1', Value: 'a+b=c@d/e_f.g:h' }] }));
    assert.deepEqual((await sm.send(new DescribeSecretCommand({ SecretId: 'kms' }))).Tags, [{ Key: 'Équipe 1', Value: 'a+b=c@d/e_f.g:h' }]);
    await sm.send(new DeleteSecretCommand({ SecretId: 'kms', ForceDeleteWithoutRecovery: true }));
  });

  test('a value is never echoed in an error, and is encrypted at rest under an owner-only key file', async () => {
    const marker = `sekrit-${randomUUID()}`;
    const attempts = [
      sm.send(new CreateSecretCommand({ Name: 'bad name', SecretString: marker })),
      sm.send(new CreateSecretCommand({ Name: 'echo', SecretString: marker, SecretBinary: Buffer.from(marker) })),
      sm.send(new CreateSecretCommand({ Name: 'echo', SecretString: marker.repeat(2000) })),
      sm.send(new PutSecretValueCommand({ SecretId: 'nowhere', SecretString: marker })),
    ];
    for (const attempt of attempts) {
      await assert.rejects(attempt, (err: Error) => {
        assert.ok(!err.message.includes(marker), `${err.name} echoes the value: ${err.message}`);
        return true;
      });
    }
    await sm.send(new CreateSecretCommand({ Name: 'at-rest', SecretString: marker }));
    await sm.send(new PutSecretValueCommand({ SecretId: 'at-rest', SecretBinary: Buffer.from(`${marker}-binary`) }));
    const key = join(dataDir, 'secrets.key');
    assert.equal(statSync(key).mode & 0o777, 0o600);
    assert.equal(statSync(key).size, 32);
    const db = join(dataDir, 'slipway.db');
    for (const file of [db, `${db}-wal`]) assert.ok(!readFileSync(file).includes(marker), `${file} holds the value in plain text`);
    assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: 'at-rest', VersionStage: 'AWSPREVIOUS' }))).SecretString, marker);
  });

  test('secrets, versions, stages, tags and deletions survive a restart', async () => {
    const stages = await stagesOf('rotating');
    await sm.send(new DeleteSecretCommand({ SecretId: 'tagged' }));
    await s.close();
    s = await startTestSlipway({ dataDir });
    sm = client(s.endpoint);
    assert.deepEqual(await stagesOf('rotating'), stages);
    assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: 'rotating' }))).SecretString, 'v4');
    assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: 'prod/db' }))).SecretString, '{"user":"app","password":"hunter2"}');
    await expectAwsError(sm.send(new GetSecretValueCommand({ SecretId: 'tagged' })), 'InvalidRequestException', /marked for deletion/);
  });
});
