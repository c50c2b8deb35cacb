/**
 * A task's execution role when signatures are required (--auth), against a real Slipway and real
 * task containers: its ECR image is pulled and its secrets read as that role, so a role that may
 * not pull stops the task with CannotPullContainerError, one denied a secret with the agent's
 * ResourceInitializationError, one that no longer trusts ecs-tasks.amazonaws.com with ECS's words
 * (registering a definition whose role does not exist or trust it is refused);
 * a role that may do all of it runs the task with the secret in its environment.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand, type Task } from '@aws-sdk/client-ecs';
import { IAMClient, PutRolePolicyCommand, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { EcrFacade } from '../../src/services/ecr/index.ts';
import { adminCredentials, allowPolicy, createServiceRole, serviceTrust } from '../support/auth.ts';
import { expectAwsError, removeImagesOf } from '../support/ecr.ts';
import { waitTaskStatus } from '../support/ecs.ts';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import { clientConfig, docker, facadeOf, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const run = promisify(execFile);
const ACCOUNT = '000000000000';
const IMAGE = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/webapp:v1`;
const PULL = ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];

let s: TestSlipway;
let ecs: ECSClient;
let iam: IAMClient;
let laterUntrusted: string;
let registryHost: string;
const secrets: Record<string, string> = {};

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ auth: true });
  const config = { ...clientConfig(s.endpoint), credentials: adminCredentials(s.dataDir) };
  ecs = new ECSClient(config);
  iam = new IAMClient(config);
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
  await role('exec-later-untrusted', 'ecs-tasks.amazonaws.com', allowPolicy(PULL));
  laterUntrusted = (await register('exec-later-untrusted', 'exec-later-untrusted')).taskDefinition!.taskDefinitionArn!;
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

function register(family: string, executionRole: string, secret?: string) {
  return ecs.send(
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
}

async function runWith(family: string, executionRole: string, secret?: string, status = 'STOPPED'): Promise<Task> {
  const td = await register(family, executionRole, secret);
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

  it('refuses to register a definition whose roles do not exist or do not trust ecs-tasks.amazonaws.com', async () => {
    for (const role of ['exec-trusts-codebuild', 'exec-missing']) {
      await expectAwsError(runWith(`exec-${role}`, role), 'ClientException', 'Role is not valid');
    }
  });

  it('stops a task whose execution role no longer trusts ecs-tasks.amazonaws.com, in ECS’s words', async () => {
    await iam.send(
      new UpdateAssumeRolePolicyCommand({ RoleName: 'exec-later-untrusted', PolicyDocument: serviceTrust('codebuild.amazonaws.com') }),
    );
    const task = await ecs
      .send(new RunTaskCommand({ taskDefinition: laterUntrusted }))
      .then((out) => waitTaskStatus(ecs, out.tasks![0].taskArn!, 'STOPPED'));
    assert.equal(
      task.stoppedReason,
      `ResourceInitializationError: ECS was unable to assume the role 'arn:aws:iam::${ACCOUNT}:role/exec-later-untrusted' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.`,
    );
  });
});
