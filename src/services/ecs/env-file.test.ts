import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../../core/errors.ts';
import { checkEnvironmentSources, parseEnvFile, s3ObjectOf } from './env-file.ts';
import { normalizeTaskDefinition, validateContainerOverrides } from './taskdefs.ts';

describe('environment files as the ECS agent reads them', () => {
  it('takes VARIABLE=VALUE lines, split at the first =, with no quoting', () => {
    const vars = parseEnvFile('# settings\nAUTHOR=Kim\nURL=postgres://u:p@h/db?a=b\nQUOTED="kept"\r\n  SPACED = yes\n');
    assert.deepEqual(
      [...vars],
      [
        ['AUTHOR', 'Kim'],
        ['URL', 'postgres://u:p@h/db?a=b'],
        ['QUOTED', '"kept"'],
        ['  SPACED ', ' yes'],
      ],
    );
  });

  it('skips comments, lines without =, and empty names or values; a later line wins within a file', () => {
    const vars = parseEnvFile('#A=1\nNOEQUALS\n=value\nEMPTY=\nB=1\nB=2\n');
    assert.deepEqual([...vars], [['B', '2']]);
  });

  it('finds the bucket and key of an S3 object ARN only', () => {
    assert.deepEqual(s3ObjectOf('arn:aws:s3:::ecs-sample-env/app/prod.env'), { bucket: 'ecs-sample-env', key: 'app/prod.env' });
    for (const bad of [
      's3://bucket/key.env',
      'arn:aws:s3:::bucket',
      'arn:aws:s3:::bucket/',
      'arn:aws:s3:us-east-1:000000000000:bucket/k',
      'arn:aws:ssm:::bucket/k',
    ]) {
      assert.equal(s3ObjectOf(bad), undefined, bad);
    }
  });
});

describe('RegisterTaskDefinition rules for environment sources', () => {
  const refused = (c: object, ...parts: string[]) =>
    assert.throws(
      () => checkEnvironmentSources({ name: 'app', image: 'x', ...c }),
      (e: unknown) => {
        assert.ok(e instanceof AwsError && e.code === 'ClientException', String(e));
        for (const p of parts) assert.ok(e.message.includes(p), e.message);
        return true;
      },
    );

  it('refuses a secret named like an environment variable, with ECS wording', () => {
    refused(
      { environment: [{ name: 'DB_PASSWORD', value: 'x' }], secrets: [{ name: 'DB_PASSWORD', valueFrom: 'db' }] },
      'The secret name must be unique and not shared with any new or existing environment variables',
      "'DB_PASSWORD'",
    );
  });

  it('refuses more than ten files and values that are not S3 object ARNs', () => {
    const file = (n: number) => ({ type: 's3' as const, value: `arn:aws:s3:::b/${n}.env` });
    refused({ environmentFiles: Array.from({ length: 11 }, (_, i) => file(i)) }, 'environmentFiles', '11');
    refused({ environmentFiles: [{ type: 's3' as const, value: 's3://b/app.env' }] }, 'environmentFiles', 's3://b/app.env');
    checkEnvironmentSources({
      name: 'app',
      image: 'x',
      environmentFiles: Array.from({ length: 10 }, (_, i) => file(i)),
      secrets: [{ name: 'S', valueFrom: 'p' }],
    });
  });

  it('holds RunTask overrides to the same rules, so an override cannot shadow a secret', () => {
    const td = normalizeTaskDefinition(
      {
        family: 'app',
        containerDefinitions: [{ name: 'app', image: 'x', memory: 32, secrets: [{ name: 'DB_PASSWORD', valueFrom: 'db' }] }],
      },
      { arn: 'arn:aws:ecs:us-east-1:000000000000:task-definition/app:1', revision: 1, registeredAt: 0 },
    );
    assert.throws(
      () => validateContainerOverrides(td, { containerOverrides: [{ name: 'app', environment: [{ name: 'DB_PASSWORD', value: 'x' }] }] }),
      { code: 'ClientException', message: /'DB_PASSWORD'/ },
    );
    assert.throws(
      () => validateContainerOverrides(td, { containerOverrides: [{ name: 'app', environmentFiles: [{ type: 's3', value: 'app.env' }] }] }),
      { code: 'ClientException', message: /app\.env/ },
    );
    validateContainerOverrides(td, { containerOverrides: [{ name: 'app', environment: [{ name: 'STAGE', value: 'prod' }] }] });
  });
});
