/**
 * Role credentials across a kill -9 of a real Slipway process: a build cut off by the restart loses
 * its credentials grant (its URI answers nothing more), as a build that ends does.
 */
import { StartBuildCommand } from '@aws-sdk/client-codebuild';
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { codebuildClient, createProject, getBuild, waitForBuild } from '../support/codebuild.ts';
import { slipwayProcessesForTests } from '../support/ecs.ts';
import { docker, waitFor } from '../support/slipway.ts';

const processes = slipwayProcessesForTests('roles-sleepy');
after(async () => {
  // The next start removes a cut-off build's container; one left by a failed run goes here.
  for (const c of await docker.listContainers({ all: true, filters: { label: ['slipway.codebuild.project=roles-sleepy'] } }))
    await docker.getContainer(c.Id).remove({ force: true });
});

test('a build cut off by kill -9 loses its credentials grant at the next start', async () => {
  let slipway = await processes.start();
  let cb = codebuildClient(slipway.endpoint);
  await createProject(cb, {
    name: 'roles-sleepy',
    source: { type: 'NO_SOURCE', buildspec: 'version: 0.2\nphases:\n  build:\n    commands: ["sleep 600"]\n' },
  });
  const { build } = await cb.send(new StartBuildCommand({ projectName: 'roles-sleepy' }));
  await waitFor('BUILD to be under way', async () => (await getBuild(cb, build!.id!)).currentPhase === 'BUILD');
  const [container] = await docker.listContainers({ filters: { label: [`slipway.codebuild.build-arn=${build!.arn}`] } });
  const env = Object.fromEntries(
    ((await docker.getContainer(container.Id).inspect()).Config.Env ?? []).map((l) => [
      l.slice(0, l.indexOf('=')),
      l.slice(l.indexOf('=') + 1),
    ]),
  );
  const fetchCredentials = () =>
    fetch(env.AWS_CONTAINER_CREDENTIALS_FULL_URI, { headers: { authorization: env.AWS_CONTAINER_AUTHORIZATION_TOKEN } });
  assert.equal((await fetchCredentials()).status, 200, 'the build under way is served');

  await slipway.kill('SIGKILL');
  slipway = await processes.start();
  cb = codebuildClient(slipway.endpoint);
  assert.equal((await waitForBuild(cb, build!.id!, 30_000)).buildStatus, 'FAILED');
  const after = await fetchCredentials();
  assert.equal(after.status, 400);
  assert.doesNotMatch(await after.text(), /AccessKeyId/);
});
