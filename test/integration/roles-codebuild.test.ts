/**
 * CodeBuild service roles through the container credentials endpoint, against a real Slipway and
 * real build containers: the aws CLI in the standard image finds the project's service role
 * credentials on its own and `aws sts get-caller-identity` answers the assumed-role ARN
 * (AWSCodeBuild-<build uuid>, as CodeBuild names the session); StartBuild's serviceRoleOverride wins;
 * the build holds no static key; a role IAM does not hold is still taken in open mode.
 */
import type { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildLog, createProject, runBuild, startCodebuildSlipway } from '../support/codebuild.ts';
import { clientConfig, type TestSlipway } from '../support/slipway.ts';

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
