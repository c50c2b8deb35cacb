/**
 * ECS task roles through the container credentials endpoint, against a real Slipway and real task
 * containers: a task with a task role finds AWS_CONTAINER_CREDENTIALS_FULL_URI and its token in its
 * environment, fetches its role's credentials from 169.254.170.2 with busybox wget, and those
 * credentials answer GetCallerIdentity with the assumed-role ARN; the SDK's own container provider
 * takes the same URI; a task reads only its own role's credentials; a task without a role gets none;
 * a task that outlives a restart of Slipway keeps fetching from the URI it was given.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromHttp } from '@aws-sdk/credential-provider-http';
import { waitTaskStatus } from '../support/ecs.ts';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import { clientConfig, docker, startTestSlipway, tempDataDir, type TestSlipway } from '../support/slipway.ts';

const run = promisify(execFile);
const ACCOUNT = '000000000000';
const TRUST_ECS_TASKS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

interface Served {
  AccessKeyId: string;
  SecretAccessKey: string;
  Token: string;
  Expiration: string;
  RoleArn: string;
}

let s: TestSlipway;
before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway();
  await new IAMClient(clientConfig(s.endpoint)).send(
    new CreateRoleCommand({ RoleName: 'orders-task', AssumeRolePolicyDocument: TRUST_ECS_TASKS }),
  );
});
after(() => s?.close());

const FARGATE = {
  definition: { networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512' },
  run: { launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } },
} as const;

async function runTask(
  family: string,
  taskRoleArn?: string,
  on = s,
  shape: { definition?: object; run?: object } = {},
): Promise<{ taskId: string; container: string }> {
  const td = await on.ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      taskRoleArn,
      containerDefinitions: [{ name: 'app', image: TEST_IMAGE, memory: 32, command: ['sleep', '300'] }],
      ...shape.definition,
    }),
  );
  const out = await on.ecs.send(new RunTaskCommand({ taskDefinition: td.taskDefinition!.taskDefinitionArn, ...shape.run }));
  assert.deepEqual(out.failures, []);
  const task = await waitTaskStatus(on.ecs, out.tasks![0].taskArn!, 'RUNNING');
  return { taskId: task.taskArn!.split('/').pop()!, container: task.containers![0].runtimeId! };
}

/** Runs a shell line inside the task's container; its stdout, or the failure's output. */
async function inside(container: string, line: string): Promise<string> {
  const out = await run('docker', ['exec', container, 'sh', '-c', line]).catch((err: { stdout: string; stderr: string }) => ({
    stdout: `FAILED ${err.stdout} ${err.stderr}`,
  }));
  return out.stdout;
}

const FETCH = 'wget -qO- --header "Authorization: $AWS_CONTAINER_AUTHORIZATION_TOKEN" "$AWS_CONTAINER_CREDENTIALS_FULL_URI"';

describe('a task with a task role', () => {
  let task: { taskId: string; container: string };
  before(async () => {
    task = await runTask('roles-orders', `arn:aws:iam::${ACCOUNT}:role/orders-task`);
  });

  it('fetches its role credentials from the link-local endpoint inside the container and they are the assumed role', async () => {
    const uri = await inside(task.container, 'echo "$AWS_CONTAINER_CREDENTIALS_FULL_URI"');
    assert.match(uri.trim(), /^http:\/\/169\.254\.170\.2:\d+\/v2\/credentials\/[\w-]+$/);
    const served = JSON.parse(await inside(task.container, FETCH)) as Served;
    assert.equal(served.RoleArn, `arn:aws:iam::${ACCOUNT}:role/orders-task`);
    assert.match(served.AccessKeyId, /^ASIA/);
    assert.ok(served.Token.length > 100);
    assert.match(served.Expiration, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(Date.parse(served.Expiration) > Date.now() + 20 * 60_000, served.Expiration);

    const sts = new STSClient({
      ...clientConfig(s.endpoint),
      credentials: { accessKeyId: served.AccessKeyId, secretAccessKey: served.SecretAccessKey, sessionToken: served.Token },
    });
    const who = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(who.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/orders-task/${task.taskId}`);
    assert.match(who.UserId!, new RegExp(`^AROA[A-Z0-9]+:${task.taskId}$`));
  });

  it("is what the SDK's container credentials provider reads", async () => {
    const env = await inside(task.container, 'echo "$AWS_CONTAINER_CREDENTIALS_FULL_URI $AWS_CONTAINER_AUTHORIZATION_TOKEN"');
    const [uri, token] = env.trim().split(' ');
    const credentials = await fromHttp({ awsContainerCredentialsFullUri: uri, awsContainerAuthorizationToken: token })();
    const sts = new STSClient({ ...clientConfig(s.endpoint), credentials });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/orders-task/${task.taskId}`);
  });

  it('is refused without its token, and with another task’s token', async () => {
    const other = await runTask('roles-other', `arn:aws:iam::${ACCOUNT}:role/orders-task`);
    const uri = (await inside(task.container, 'echo "$AWS_CONTAINER_CREDENTIALS_FULL_URI"')).trim();
    const otherToken = (await inside(other.container, 'echo "$AWS_CONTAINER_AUTHORIZATION_TOKEN"')).trim();
    const bare = await fetch(uri);
    assert.equal(bare.status, 401);
    assert.doesNotMatch(await bare.text(), /AccessKeyId/);
    const borrowed = await fetch(uri, { headers: { authorization: otherToken } });
    assert.equal(borrowed.status, 401);
    const guessed = await fetch(uri.replace(/[^/]+$/, 'not-a-task'), { headers: { authorization: otherToken } });
    assert.equal(guessed.status, 400);
  });
});

describe('roles in open mode and tasks without one', () => {
  it('gives a role IAM does not hold credentials named after it, as the seeds expect', async () => {
    const task = await runTask('roles-console-made', `arn:aws:iam::${ACCOUNT}:role/made-in-console`);
    const served = JSON.parse(await inside(task.container, FETCH)) as Served;
    const sts = new STSClient({
      ...clientConfig(s.endpoint),
      credentials: { accessKeyId: served.AccessKeyId, secretAccessKey: served.SecretAccessKey, sessionToken: served.Token },
    });
    const who = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(who.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/made-in-console/${task.taskId}`);
  });

  it('reaches the endpoint from an awsvpc (Fargate-style) task, through its namespace holder', async () => {
    const task = await runTask('roles-fargate', `arn:aws:iam::${ACCOUNT}:role/orders-task`, s, FARGATE);
    const served = JSON.parse(await inside(task.container, FETCH)) as Served;
    assert.equal(served.RoleArn, `arn:aws:iam::${ACCOUNT}:role/orders-task`);
  });

  it('gives a task without a task role no credentials endpoint', async () => {
    const task = await runTask('roles-none');
    assert.equal((await inside(task.container, 'env | grep -c AWS_CONTAINER_ || true')).trim(), '0');
  });
});

describe('across a restart', () => {
  const dataDir = tempDataDir();
  let again: TestSlipway | undefined;
  after(async () => {
    await again?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a task that outlives Slipway keeps fetching its credentials from the URI it was given', async () => {
    const first = await startTestSlipway({ dataDir });
    const task = await runTask('roles-survivor', `arn:aws:iam::${ACCOUNT}:role/survivor`, first);
    const before = JSON.parse(await inside(task.container, FETCH)) as Served;
    await first.app.close();
    again = await startTestSlipway({ dataDir });
    const after = JSON.parse(await inside(task.container, FETCH)) as Served;
    assert.equal(after.RoleArn, `arn:aws:iam::${ACCOUNT}:role/survivor`);
    assert.notEqual(after.AccessKeyId, before.AccessKeyId, 'the new process mints its own session');
    const sts = new STSClient({
      ...clientConfig(again.endpoint),
      credentials: { accessKeyId: after.AccessKeyId, secretAccessKey: after.SecretAccessKey, sessionToken: after.Token },
    });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/survivor/${task.taskId}`);
  });
});
