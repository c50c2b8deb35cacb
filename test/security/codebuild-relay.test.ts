/**
 * The relay that lets build containers reach Slipway listens on the Docker bridge, where every
 * container can connect to it. Only builds under way get through: a plain container on the bridge
 * is refused, signed or not, and so is a key of a build that has ended; a build still works with
 * the aws CLI and with an SDK (boto3) inside it.
 */
import type { CodeBuildClient } from '@aws-sdk/client-codebuild';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildLog, createProject, runBuild, startCodebuildSlipway } from '../support/codebuild.ts';
import { TEST_IMAGE } from '../support/images.ts';
import { docker, type TestSlipway } from '../support/slipway.ts';

let s: TestSlipway;
let cb: CodeBuildClient;
const IMAGE_TIMEOUT = 15 * 60_000; // a fresh machine builds the standard image first

before(async () => {
  ({ s, cb } = await startCodebuildSlipway());
});
after(async () => {
  await s?.close();
});

/** Runs `script` in a plain busybox container on the default bridge (not a build); its output. */
async function plainContainer(script: string): Promise<string> {
  const container = await docker.createContainer({
    Image: TEST_IMAGE,
    Cmd: ['sh', '-c', script],
    Tty: true,
    HostConfig: { NetworkMode: 'bridge' },
  });
  try {
    await container.start();
    await container.wait();
    return (await container.logs({ stdout: true, stderr: true })).toString('utf8');
  } finally {
    await container.remove({ force: true });
  }
}

const signedListProjects = (url: string, key: string) =>
  `wget -q -O- --header 'Authorization: AWS4-HMAC-SHA256 Credential=${key}/20261206/us-east-1/codebuild/aws4_request, SignedHeaders=host, Signature=00' ` +
  `--header 'X-Amz-Target: CodeBuild_20161006.ListProjects' --header 'Content-Type: application/x-amz-json-1.1' --post-data '{}' ${url}/; echo " rc=$?"`;

describe('the build relay serves builds only', () => {
  test('a plain container on the bridge is refused, signed or not, and so is the key of a build that ended', async () => {
    await createProject(cb, {
      name: 'relay-probe',
      source: {
        type: 'NO_SOURCE',
        buildspec:
          'version: 0.2\nphases:\n  build:\n    commands:\n      - echo endpoint=$AWS_ENDPOINT_URL\n' +
          `      - 'wget -qO- --header "Authorization: $AWS_CONTAINER_AUTHORIZATION_TOKEN" "$AWS_CONTAINER_CREDENTIALS_FULL_URI"'\n`,
      },
    });
    const build = await runBuild(cb, { projectName: 'relay-probe' });
    const log = await buildLog(build);
    assert.equal(build.buildStatus, 'SUCCEEDED', log);
    const [, url] = log.match(/^endpoint=(http:\/\/[\d.]+:\d+)$/m)!;
    // The key of the build's service role session, as the build fetched it.
    const [, key] = log.match(/"AccessKeyId":"(ASIA\w+)"/)!;

    const health = await plainContainer(`wget -q -O- ${url}/_slipway/health; echo " rc=$?"`);
    assert.match(health, /rc=1/);
    assert.doesNotMatch(health, /"version"/);
    for (const probe of ['AKIAIOSFODNN7EXAMPLE', key]) {
      const out = await plainContainer(signedListProjects(url, probe));
      assert.match(out, /403 Forbidden/);
      assert.doesNotMatch(out, /relay-probe/);
    }
  });

  test('a build reaches Slipway with the aws CLI and with boto3 (the standard image)', async () => {
    await createProject(cb, {
      name: 'relay-clients',
      environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' },
      source: {
        type: 'NO_SOURCE',
        buildspec: `version: 0.2
phases:
  build:
    commands:
      - aws codebuild list-projects --output text
      - python3 -c 'import os, boto3; e = os.environ; c = boto3.client("codebuild", endpoint_url=e["AWS_ENDPOINT_URL"]); print("sdk", c.batch_get_builds(ids=[e["CODEBUILD_BUILD_ID"]])["builds"][0]["currentPhase"])'
`,
      },
    });
    const build = await runBuild(cb, { projectName: 'relay-clients' }, IMAGE_TIMEOUT);
    const log = await buildLog(build);
    assert.equal(build.buildStatus, 'SUCCEEDED', log);
    assert.match(log, /^PROJECTS\s.*relay-clients/m);
    assert.match(log, /^sdk BUILD$/m);
  });
});
