/**
 * A task's environment from its three sources, as seed 004 gives an app its settings — the task
 * definition's `environment`, `.env` files uploaded to S3 with `aws s3 cp`, and Secrets Manager
 * secrets and SSM SecureString parameters — read from inside the running container; ECS's
 * precedence; secret values kept out of DescribeTasks; a missing object, secret, JSON key or
 * parameter stopping the task with ECS's ResourceInitializationError.
 */
import { RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { waitTaskStatus } from '../support/ecs.ts';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import { aws, awsCli, docker, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const run = promisify(execFile);
let s: TestSlipway;
let files: string;

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 20 });
  files = mkdtempSync(join(tmpdir(), 'slipway-envfiles-'));
});
after(async () => {
  await s?.close();
  rmSync(files, { recursive: true, force: true });
});

async function upload(key: string, text: string): Promise<string> {
  const path = join(files, key.replaceAll('/', '_'));
  writeFileSync(path, text);
  await aws(s.endpoint, ['s3', 'cp', path, `s3://ecs-sample-env/${key}`]);
  return `arn:aws:s3:::ecs-sample-env/${key}`;
}

async function runApp(family: string, container: object): Promise<string> {
  const td = await s.ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      containerDefinitions: [
        { name: 'example-app-container', image: TEST_IMAGE, memory: 32, command: ['sleep', '300'], ...container } as never,
      ],
    }),
  );
  const out = await s.ecs.send(new RunTaskCommand({ taskDefinition: td.taskDefinition!.taskDefinitionArn }));
  assert.deepEqual(out.failures, []);
  return out.tasks![0].taskArn!;
}

/** The environment the container's own process sees, as `env` prints it inside it. */
async function environmentInside(taskArn: string): Promise<Map<string, string>> {
  const task = await waitTaskStatus(s.ecs, taskArn, 'RUNNING');
  const { stdout } = await run('docker', ['exec', task.containers![0].runtimeId!, 'env']);
  return new Map(
    stdout
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

async function stoppedReason(taskArn: string): Promise<string> {
  const task = await waitTaskStatus(s.ecs, taskArn, 'STOPPED');
  assert.equal(task.stopCode, 'TaskFailedToStart');
  return task.stoppedReason!;
}

describe('a task environment from the task definition, S3 environment files and secrets', () => {
  let secretArn: string;

  before(async () => {
    await aws(s.endpoint, ['s3', 'mb', 's3://ecs-sample-env']);
    const secret = await awsCli(s.endpoint, [
      'secretsmanager',
      'create-secret',
      '--name',
      'prod/db',
      '--secret-string',
      '{"user":"app","password":"hunter2-db"}',
    ]);
    secretArn = secret.ARN;
    await awsCli(s.endpoint, ['ssm', 'put-parameter', '--name', '/app/api-key', '--type', 'SecureString', '--value', 'k-ssm-secure-123']);
    await awsCli(s.endpoint, ['ssm', 'put-parameter', '--name', 'author', '--type', 'String', '--value', 'Kim from SSM']);
  });

  test('all three sources reach the container, with ECS precedence, and no secret value shows in DescribeTasks', async () => {
    const first = await upload(
      'app/prod.env',
      '# seed 004\nAUTHOR_NAME=Kim\nDATABASE_URL=postgres://app@db:5432/app?sslmode=require\nFROM_BOTH_FILES=first\nPLAIN="quotes are kept"\nNO_EQUALS_LINE\nEMPTY=\nSET_IN_TASKDEF=from-file\n',
    );
    const second = await upload('app/extra.env', 'FROM_BOTH_FILES=second\nONLY_SECOND=yes\n');
    const arn = await runApp('env-all', {
      environment: [
        { name: 'SET_IN_TASKDEF', value: 'from-environment' },
        { name: 'STAGE', value: 'prod' },
      ],
      environmentFiles: [
        { type: 's3', value: first },
        { type: 's3', value: second },
      ],
      secrets: [
        { name: 'DB_SECRET', valueFrom: secretArn },
        { name: 'DB_PASSWORD', valueFrom: `${secretArn}:password::` },
        { name: 'API_KEY', valueFrom: '/app/api-key' },
        { name: 'API_KEY_BY_ARN', valueFrom: 'arn:aws:ssm:us-east-1:000000000000:parameter/app/api-key' },
        { name: 'AUTHOR_FROM_SSM', valueFrom: 'author' },
      ],
    });
    const env = await environmentInside(arn);
    assert.equal(env.get('AUTHOR_NAME'), 'Kim');
    assert.equal(env.get('DATABASE_URL'), 'postgres://app@db:5432/app?sslmode=require', 'split at the first =');
    assert.equal(env.get('PLAIN'), '"quotes are kept"');
    assert.equal(env.get('FROM_BOTH_FILES'), 'first', 'the first file to name a variable wins');
    assert.equal(env.get('ONLY_SECOND'), 'yes');
    assert.equal(env.get('SET_IN_TASKDEF'), 'from-environment', 'environment wins over the files');
    assert.equal(env.get('STAGE'), 'prod');
    assert.equal(env.has('NO_EQUALS_LINE'), false);
    assert.equal(env.has('EMPTY'), false);
    assert.equal(env.get('DB_SECRET'), '{"user":"app","password":"hunter2-db"}');
    assert.equal(env.get('DB_PASSWORD'), 'hunter2-db');
    assert.equal(env.get('API_KEY'), 'k-ssm-secure-123');
    assert.equal(env.get('API_KEY_BY_ARN'), 'k-ssm-secure-123');
    assert.equal(env.get('AUTHOR_FROM_SSM'), 'Kim from SSM');

    const described = JSON.stringify(await awsCli(s.endpoint, ['ecs', 'describe-tasks', '--tasks', arn]));
    for (const value of ['hunter2-db', 'k-ssm-secure-123', 'Kim from SSM'])
      assert.ok(!described.includes(value), `DescribeTasks shows ${value}`);
  });

  test('a secret named like an environment variable is refused at registration, and nothing is registered', async () => {
    await assert.rejects(
      awsCli(s.endpoint, [
        'ecs',
        'register-task-definition',
        '--family',
        'env-clash',
        '--container-definitions',
        JSON.stringify([
          {
            name: 'app',
            image: TEST_IMAGE,
            memory: 32,
            environment: [{ name: 'DB_PASSWORD', value: 'x' }],
            secrets: [{ name: 'DB_PASSWORD', valueFrom: secretArn }],
          },
        ]),
      ]),
      /ClientException.*The secret name must be unique and not shared with any new or existing environment variables set on the container, such as 'DB_PASSWORD'/s,
    );
    const listed = await awsCli(s.endpoint, ['ecs', 'list-task-definitions', '--family-prefix', 'env-clash']);
    assert.deepEqual(listed.taskDefinitionArns, []);
  });

  test('a missing S3 object stops the task with ResourceInitializationError naming it', async () => {
    const arn = await runApp('env-missing-file', {
      environmentFiles: [{ type: 's3', value: 'arn:aws:s3:::ecs-sample-env/app/absent.env' }],
    });
    assert.match(
      await stoppedReason(arn),
      /^ResourceInitializationError: failed to download env files: unable to download env file with key app\/absent\.env from bucket ecs-sample-env, error: NoSuchKey: /,
    );
  });

  test('a missing secret, JSON key or parameter stops the task with ResourceInitializationError', async () => {
    const cases: [string, string, RegExp][] = [
      [
        'env-missing-secret',
        'arn:aws:secretsmanager:us-east-1:000000000000:secret:prod/absent',
        /unable to retrieve secret from asm: .*ResourceNotFoundException/,
      ],
      ['env-missing-key', `${secretArn}:nokey::`, /did not contain json key nokey/],
      ['env-missing-param', '/app/absent', /invalid ssm parameters: \/app\/absent/],
    ];
    for (const [family, valueFrom, why] of cases) {
      const arn = await runApp(family, { secrets: [{ name: 'X', valueFrom }] });
      const reason = await stoppedReason(arn);
      assert.match(reason, /^ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: /);
      assert.match(reason, why);
    }
  });
});
