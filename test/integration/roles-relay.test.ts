/**
 * An ECS task calls Slipway's APIs with its task role through the workload relay, with signatures
 * required (--auth), against a real Slipway and a real task container holding the aws CLI (the
 * CodeBuild standard image, made by a build first): the task finds AWS_ENDPOINT_URL and its region
 * in its environment, `aws sts get-caller-identity` answers the assumed role, an S3 read its role
 * allows succeeds and one it does not is refused by the role's policies; a key not issued to a
 * task or build under way is refused by the relay itself; an AWS_ENDPOINT_URL the task sets is kept.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { CodeBuildClient, CreateProjectCommand } from '@aws-sdk/client-codebuild';
import { ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { adminCredentials, allowPolicy, createServiceRole, type Credentials } from '../support/auth.ts';
import { runBuild } from '../support/codebuild.ts';
import { waitTaskStatus } from '../support/ecs.ts';
import { clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const run = promisify(execFile);
const ACCOUNT = '000000000000';
const BUCKET = 'relay-reads';
/** The image the standard CodeBuild environment is made as; the first build makes it. */
const CLI_IMAGE = 'slipway/codebuild-standard:7.0';
const IMAGE_TIMEOUT = 15 * 60_000;

let s: TestSlipway;
let ecs: ECSClient;
let admin: Credentials;

before(
  async () => {
    s = await startTestSlipway({ auth: true });
    admin = adminCredentials(s.dataDir);
    const config = { ...clientConfig(s.endpoint), credentials: admin };
    ecs = new ECSClient(config);
    const iam = new IAMClient(config);
    const role = (name: string, service: string, policy: string) => createServiceRole(iam, name, service, policy);
    await role('relay-reader', 'ecs-tasks.amazonaws.com', allowPolicy(['s3:GetObject'], `arn:aws:s3:::${BUCKET}/allowed/*`));
    await role('relay-builder', 'codebuild.amazonaws.com', allowPolicy(['logs:*']));
    const s3 = new S3Client({ ...config, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'allowed/note.txt', Body: 'read through the relay' }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'private/note.txt', Body: 'not for the task' }));
    const cb = new CodeBuildClient(config);
    await cb.send(
      new CreateProjectCommand({
        name: 'relay-image',
        source: { type: 'NO_SOURCE', buildspec: 'version: 0.2\nphases:\n  build:\n    commands: ["true"]\n' },
        artifacts: { type: 'NO_ARTIFACTS' },
        environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' },
        serviceRole: `arn:aws:iam::${ACCOUNT}:role/relay-builder`,
      }),
    );
    const build = await runBuild(cb, { projectName: 'relay-image' }, IMAGE_TIMEOUT);
    assert.equal(build.buildStatus, 'SUCCEEDED');
  },
  { timeout: IMAGE_TIMEOUT + 60_000 },
);
after(() => s?.close());

async function runTask(
  family: string,
  environment: { name: string; value: string }[] = [],
): Promise<{ taskId: string; container: string }> {
  const td = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/relay-reader`,
      containerDefinitions: [{ name: 'app', image: CLI_IMAGE, memory: 256, command: ['sleep', '300'], environment }],
    }),
  );
  const out = await ecs.send(new RunTaskCommand({ taskDefinition: td.taskDefinition!.taskDefinitionArn }));
  assert.deepEqual(out.failures, []);
  const task = await waitTaskStatus(ecs, out.tasks![0].taskArn!, 'RUNNING');
  return { taskId: task.taskArn!.split('/').pop()!, container: task.containers![0].runtimeId! };
}

/** The aws CLI of the image predates AWS_ENDPOINT_URL (2.13), so it is handed the variable's value. */
const AWS = 'aws --endpoint-url "$AWS_ENDPOINT_URL"';

/** Runs a shell line inside the container: its stdout and stderr, and whether it succeeded. */
async function inside(container: string, line: string): Promise<{ ok: boolean; out: string }> {
  return run('docker', ['exec', container, 'sh', '-c', line]).then(
    (r) => ({ ok: true, out: r.stdout + r.stderr }),
    (err: { stdout: string; stderr: string }) => ({ ok: false, out: err.stdout + err.stderr }),
  );
}

describe('a task reaches Slipway through the relay with its task role', () => {
  let task: { taskId: string; container: string };
  before(async () => {
    task = await runTask('relay-reader');
  });

  it('is told where and in which region, and is the assumed role there', async () => {
    const env = await inside(task.container, 'echo "$AWS_ENDPOINT_URL $AWS_REGION"');
    assert.match(env.out.trim(), /^http:\/\/[\d.]+:\d+ us-east-1$/);
    const who = await inside(task.container, `${AWS} sts get-caller-identity --query Arn --output text`);
    assert.equal(who.out.trim(), `arn:aws:sts::${ACCOUNT}:assumed-role/relay-reader/${task.taskId}`);
  });

  it('reads what its role allows in S3, and is refused by its policies what they do not', async () => {
    const allowed = await inside(task.container, `${AWS} s3 cp s3://${BUCKET}/allowed/note.txt -`);
    assert.equal(allowed.out, 'read through the relay');
    const denied = await inside(task.container, `${AWS} s3 cp s3://${BUCKET}/private/note.txt -`);
    assert.equal(denied.ok, false);
    assert.match(denied.out, /403|Forbidden|AccessDenied/);
    assert.doesNotMatch(denied.out, /not for the task/);
  });

  it('refuses a key that is not a task’s or a build’s, before it reaches the edge', async () => {
    const out = await inside(
      task.container,
      `AWS_ACCESS_KEY_ID=${admin.accessKeyId} AWS_SECRET_ACCESS_KEY=${admin.secretAccessKey} ${AWS} sts get-caller-identity`,
    );
    assert.equal(out.ok, false);
    assert.match(out.out, /only tasks and builds under way/);
  });

  it('keeps an AWS_ENDPOINT_URL the task sets itself', async () => {
    const own = await runTask('relay-own-endpoint', [{ name: 'AWS_ENDPOINT_URL', value: 'http://endpoint.example' }]);
    assert.equal((await inside(own.container, 'echo "$AWS_ENDPOINT_URL"')).out.trim(), 'http://endpoint.example');
  });
});
