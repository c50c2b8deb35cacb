/**
 * CodeBuild service roles through the container credentials endpoint, against a real Slipway and
 * real build containers: the aws CLI in the standard image finds the project's service role
 * credentials on its own and `aws sts get-caller-identity` answers the assumed-role ARN
 * (AWSCodeBuild-<build uuid>, as CodeBuild names the session); StartBuild's serviceRoleOverride wins;
 * the build holds no static key; a role IAM does not hold is still taken in open mode; the relay
 * forwards an ECS task's role key as it does a build's, and refuses a key it did not issue.
 */
import type { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { buildLog, createProject, runBuild, startCodebuildSlipway } from '../support/codebuild.ts';
import { waitTaskStatus } from '../support/ecs.ts';
import { TEST_IMAGE } from '../support/images.ts';
import { clientConfig, type TestSlipway } from '../support/slipway.ts';

const run = promisify(execFile);

const ACCOUNT = '000000000000';
const IMAGE_TIMEOUT = 15 * 60_000; // a fresh machine builds the standard image first
const STANDARD = { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' } as const;
const TRUST_CODEBUILD = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

let s: TestSlipway;
let cb: CodeBuildClient;

before(async () => {
  ({ s, cb } = await startCodebuildSlipway());
  const iam = new IAMClient(clientConfig(s.endpoint));
  for (const RoleName of ['web-build', 'release-build'])
    await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: TRUST_CODEBUILD }));
});
after(() => s?.close());

const WHO_AM_I = `version: 0.2
phases:
  build:
    commands:
      - echo "static key=[$AWS_ACCESS_KEY_ID]"
      - aws sts get-caller-identity --query Arn --output text
`;

describe("a build acts with its project's service role", () => {
  test('aws sts get-caller-identity inside the build answers the assumed role', async () => {
    await createProject(cb, {
      name: 'roles-web',
      environment: { ...STANDARD },
      serviceRole: `arn:aws:iam::${ACCOUNT}:role/web-build`,
      source: { type: 'NO_SOURCE', buildspec: WHO_AM_I },
    });
    const build = await runBuild(cb, { projectName: 'roles-web' }, IMAGE_TIMEOUT);
    const log = await buildLog(build);
    assert.equal(build.buildStatus, 'SUCCEEDED', log);
    const uuid = build.id!.split(':')[1];
    assert.match(log, new RegExp(`^arn:aws:sts::${ACCOUNT}:assumed-role/web-build/AWSCodeBuild-${uuid}$`, 'm'));
    assert.match(log, /^static key=\[\]$/m);
  });

  test("StartBuild's serviceRoleOverride is the role the build acts with", async () => {
    const build = await runBuild(
      cb,
      { projectName: 'roles-web', serviceRoleOverride: `arn:aws:iam::${ACCOUNT}:role/release-build` },
      IMAGE_TIMEOUT,
    );
    const log = await buildLog(build);
    assert.equal(build.buildStatus, 'SUCCEEDED', log);
    assert.match(log, new RegExp(`^arn:aws:sts::${ACCOUNT}:assumed-role/release-build/AWSCodeBuild-`, 'm'));
  });

  test('a role IAM does not hold is still taken in open mode, named after its ARN', async () => {
    await createProject(cb, {
      name: 'roles-console',
      environment: { ...STANDARD },
      serviceRole: `arn:aws:iam::${ACCOUNT}:role/service-role/codebuild-made-in-console`,
      source: { type: 'NO_SOURCE', buildspec: WHO_AM_I },
    });
    const build = await runBuild(cb, { projectName: 'roles-console' }, IMAGE_TIMEOUT);
    const log = await buildLog(build);
    assert.equal(build.buildStatus, 'SUCCEEDED', log);
    assert.match(log, new RegExp(`^arn:aws:sts::${ACCOUNT}:assumed-role/codebuild-made-in-console/AWSCodeBuild-`, 'm'));
  });
});

test("the relay forwards an ECS task's role key as it does a build's, and refuses a key it did not issue", async () => {
  const build = await runBuild(cb, {
    projectName: 'roles-web',
    buildspecOverride: 'version: 0.2\nphases:\n  build:\n    commands: ["echo endpoint=$AWS_ENDPOINT_URL"]\n',
  });
  const [, relay] = (await buildLog(build)).match(/^endpoint=(http:\/\/[\d.]+:\d+)$/m)!;
  const td = await s.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'roles-relay-probe',
      taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/web-build`,
      containerDefinitions: [{ name: 'app', image: TEST_IMAGE, memory: 32, command: ['sleep', '300'] }],
    }),
  );
  const out = await s.ecs.send(new RunTaskCommand({ taskDefinition: td.taskDefinition!.taskDefinitionArn }));
  const task = await waitTaskStatus(s.ecs, out.tasks![0].taskArn!, 'RUNNING');
  // From inside the task: fetch its own role's key, then call the relay signed with it (open mode: the edge checks no signature).
  const listProjects = (key: string) =>
    `wget -S -q -O- --header "Authorization: AWS4-HMAC-SHA256 Credential=${key}/20261206/us-east-1/codebuild/aws4_request, SignedHeaders=host, Signature=00" ` +
    `--header 'X-Amz-Target: CodeBuild_20161006.ListProjects' --header 'Content-Type: application/x-amz-json-1.1' --post-data '{}' ${relay}/ 2>&1; true`;
  const ownKey =
    'key=$(wget -qO- --header "Authorization: $AWS_CONTAINER_AUTHORIZATION_TOKEN" "$AWS_CONTAINER_CREDENTIALS_FULL_URI" | sed -n \'s/.*"AccessKeyId":"\\([A-Z0-9]*\\)".*/\\1/p\'); echo "key=$key"; ';
  const inTask = async (script: string) => (await run('docker', ['exec', task.containers![0].runtimeId!, 'sh', '-c', script])).stdout;
  const own = await inTask(ownKey + listProjects('$key'));
  assert.match(own, /^key=ASIA[A-Z0-9]+$/m);
  assert.match(own, /roles-web/);
  const made = await inTask(listProjects('ASIAMADEUPKEY0000000'));
  assert.match(made, /403 Forbidden/);
  assert.doesNotMatch(made, /roles-web/);
});
