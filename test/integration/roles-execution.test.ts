/**
 * A task's execution role when signatures are required (--auth), against a real Slipway and real
 * task containers: its ECR image is pulled and its secrets read as that role, so a role that may
 * not pull stops the task with CannotPullContainerError, one denied a secret with the agent's
 * ResourceInitializationError, one that does not trust ecs-tasks.amazonaws.com with ECS's words;
 * a role that may do all of it runs the task with the secret in its environment.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand, type Task } from '@aws-sdk/client-ecs';
import { IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { EcrFacade } from '../../src/services/ecr/index.ts';
import { adminCredentials, allowPolicy, createServiceRole } from '../support/auth.ts';
import { removeImagesOf } from '../support/ecr.ts';
import { waitTaskStatus } from '../support/ecs.ts';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import { clientConfig, docker, facadeOf, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const run = promisify(execFile);
const ACCOUNT = '000000000000';
const IMAGE = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/webapp:v1`;
const PULL = ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];

let s: TestSlipway;
let ecs: ECSClient;
let registryHost: string;
const secrets: Record<string, string> = {};

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ auth: true });
  const config = { ...clientConfig(s.endpoint), credentials: adminCredentials(s.dataDir) };
  ecs = new ECSClient(config);
  const iam = new IAMClient(config);
  await new ECRClient(config).send(new CreateRepositoryCommand({ repositoryName: 'webapp' }));
  // The image is in the engine already under the registry's name, so what is tested is the authorization, not a push.
  registryHost = facadeOf<EcrFacade>(s.app, 'ecr').registryHost();
  await docker.getImage(TEST_IMAGE).tag({ repo: `${registryHost}/webapp`, tag: 'v1' });
  const sm = new SecretsManagerClient(config);
  for (const name of ['app/db-password', 'app/other']) {
    secrets[name] = (await sm.send(new CreateSecretCommand({ Name: name, SecretString: `value of ${name}` }))).ARN!;
  }
  const role = (name: string, service: string, policy: string) => createServiceRole(iam, name, service, policy);
  await role('exec-token-only', 'ecs-tasks.amazonaws.com', allowPolicy(['ecr:GetAuthorizationToken']));
  await role('exec-pull', 'ecs-tasks.amazonaws.com', allowPolicy(PULL));
  await role('exec-trusts-codebuild', 'codebuild.amazonaws.com', allowPolicy(PULL));
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'exec-pull',
      PolicyName: 'db-password',
      PolicyDocument: allowPolicy(['secretsmanager:GetSecretValue'], secrets['app/db-password']),
    }),
  );
});
after(async () => {
  await s?.close();
  if (registryHost) await removeImagesOf([registryHost]);
});

async function runWith(family: string, executionRole: string, secret?: string, status = 'STOPPED'): Promise<Task> {
  const td = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/${executionRole}`,
      containerDefinitions: [
        {
          name: 'app',
          image: IMAGE,
          memory: 32,
          command: ['sleep', '300'],
          secrets: secret ? [{ name: 'DB_PASSWORD', valueFrom: secrets[secret] }] : undefined,
        },
      ],
    }),
  );
  const out = await ecs.send(new RunTaskCommand({ taskDefinition: td.taskDefinition!.taskDefinitionArn }));
  assert.deepEqual(out.failures, []);
  return waitTaskStatus(ecs, out.tasks![0].taskArn!, status);
}

const taskId = (task: Task) => task.taskArn!.split('/').pop()!;

describe('the task execution role, with signatures required', () => {
  it('stops a task whose execution role may not pull its image, naming the denied action', async () => {
    const task = await runWith('exec-no-pull', 'exec-token-only');
    assert.equal(task.stopCode, 'TaskFailedToStart');
    assert.equal(
      task.stoppedReason,
      `CannotPullContainerError: Error response from daemon: pull access denied for ${IMAGE}, repository does not exist or may require 'docker login': denied: User: arn:aws:sts::${ACCOUNT}:assumed-role/exec-token-only/${taskId(task)} is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:${ACCOUNT}:repository/webapp because no identity-based policy allows the ecr:BatchGetImage action`,
    );
  });

  it('runs a task whose execution role may pull and read its secret, with the secret in its environment', async () => {
    const task = await runWith('exec-allowed', 'exec-pull', 'app/db-password', 'RUNNING');
    const { stdout } = await run('docker', ['exec', task.containers![0].runtimeId!, 'sh', '-c', 'echo "$DB_PASSWORD"']);
    assert.equal(stdout.trim(), 'value of app/db-password');
  });

  it('stops a task whose execution role may not read a secret it names, in the agent’s words', async () => {
    const task = await runWith('exec-no-secret', 'exec-pull', 'app/other');
    assert.equal(
      task.stoppedReason,
      `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret ${secrets['app/other']} from secrets manager: AccessDeniedException: User: arn:aws:sts::${ACCOUNT}:assumed-role/exec-pull/${taskId(task)} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secrets['app/other']} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
    );
  });

  it('stops a task whose execution role does not trust ecs-tasks.amazonaws.com, or does not exist', async () => {
    for (const role of ['exec-trusts-codebuild', 'exec-missing']) {
      const task = await runWith(`exec-${role}`, role);
      assert.match(
        task.stoppedReason ?? '',
        new RegExp(`^ResourceInitializationError: ECS was unable to assume the role 'arn:aws:iam::${ACCOUNT}:role/${role}'`),
      );
    }
  });
});
