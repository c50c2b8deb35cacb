/**
 * Actions across a Slipway restart: a run reports its outside work (a build, a deployment) as
 * soon as it starts it, and the run after the restart waits for that same work instead of
 * starting it again. A build cut off by the shutdown fails the action, saying so; a rolling ECS
 * deployment goes on in the new process and the resumed action sees it complete.
 */
import { CreateServiceCommand, DescribeServicesCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { CodebuildFacade } from '../../src/services/codebuild/index.ts';
import { codebuildAction } from '../../src/services/codepipeline/actions/codebuild.ts';
import { ecsDeployAction } from '../../src/services/codepipeline/actions/ecs-deploy.ts';
import type { ActionStarted } from '../../src/services/codepipeline/actions/types.ts';
import type { EcsServicesFacade } from '../../src/services/ecs/index.ts';
import type { S3Facade } from '../../src/services/s3/index.ts';
import { codebuildClient, createProject, getBuild } from '../support/codebuild.ts';
import { stopHaproxy } from '../support/elb.ts';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import { ARTIFACT_BUCKET, actionJob, artifactAt, putArtifact } from '../support/pipeline-actions.ts';
import { awsCli, docker, facadeOf, startTestSlipway, tempDataDir, waitFor, type TestSlipway } from '../support/slipway.ts';

const dataDir = tempDataDir();
let s: TestSlipway | undefined;
const start = async () => {
  s = await startTestSlipway({ timeScale: 20, dataDir });
  return s;
};

before(async () => {
  await ensureTestImages(docker);
  const first = await start();
  await awsCli(first.endpoint, ['s3api', 'create-bucket', '--bucket', ARTIFACT_BUCKET]);
});
after(async () => {
  await s?.close();
  await stopHaproxy(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs until the action reports its outside work, then Slipway stops; what it reported. */
async function startThenStop(
  run: (started: (st: ActionStarted) => void) => Promise<unknown>,
  ready: (st: ActionStarted) => Promise<unknown>,
) {
  let reported: ActionStarted | undefined;
  // The first run dies with its Slipway; what it answers on the way down does not matter.
  run((st) => (reported = st)).catch(() => undefined);
  const st = await waitFor('the action to report its work', async () => reported);
  await ready(st);
  await s!.close();
  s = undefined;
  return st;
}

test('a build cut off by a restart fails the resumed action, saying why; no second build starts', async () => {
  const cb = codebuildClient(s!.endpoint);
  await createProject(cb, { name: 'slow', source: { type: 'CODEPIPELINE' }, artifacts: { type: 'CODEPIPELINE' } });
  const source = artifactAt('SourceArtifact');
  await putArtifact(facadeOf<S3Facade>(s!.app, 's3'), source, {
    'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands:\n      - sleep 120\n',
  });
  const job = actionJob(
    { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
    { ProjectName: 'slow' },
    { inputArtifacts: [source] },
  );
  const actionOn = (slipway: TestSlipway) =>
    codebuildAction({
      codebuild: facadeOf<CodebuildFacade>(slipway.app, 'codebuild'),
      s3: facadeOf<S3Facade>(slipway.app, 's3'),
      clock: slipway.app.ctx.clock,
    });

  const first = actionOn(s!);
  const reported = await startThenStop(
    (started) => first.run(job, started),
    (st) =>
      waitFor('the build to run its commands', async () => (await getBuild(cb, st.externalExecutionId)).currentPhase === 'BUILD', 120_000),
  );

  const again = await start();
  const outcome = await actionOn(again).run(job, () => assert.fail('a resumed run starts no build'), reported);
  assert.equal(outcome.status, 'Failed');
  assert.equal(outcome.externalExecutionId, reported.externalExecutionId);
  assert.match(
    outcome.errorDetails!.message,
    new RegExp(`^Build ${reported.externalExecutionId} STOPPED in phase BUILD: Slipway was shut down while the build ran`),
  );
  const builds = await awsCli(again.endpoint, ['codebuild', 'list-builds-for-project', '--project-name', 'slow']);
  assert.deepEqual(builds.ids, [reported.externalExecutionId]);
});

test('a rolling deployment started before a restart completes after it; the resumed action sees it', async () => {
  const ecsOn = (slipway: TestSlipway) =>
    ecsDeployAction({
      ecs: facadeOf<EcsServicesFacade>(slipway.app, 'ecs'),
      s3: facadeOf<S3Facade>(slipway.app, 's3'),
      clock: slipway.app.ctx.clock,
    });
  const web = { name: 'web', image: TEST_IMAGE, memory: 16, command: ['sleep', '3600'] };
  await s!.ecs.send(new RegisterTaskDefinitionCommand({ family: 'pa-restart', containerDefinitions: [web] }));
  await s!.ecs.send(new CreateServiceCommand({ serviceName: 'pa-restart', taskDefinition: 'pa-restart', desiredCount: 1 }));
  const input = artifactAt('BuildArtifact');
  await putArtifact(facadeOf<S3Facade>(s!.app, 's3'), input, {
    'imagedefinitions.json': JSON.stringify([{ name: 'web', imageUri: 'slipway-test/busybox:1' }]),
  });
  const job = actionJob(
    { category: 'Deploy', owner: 'AWS', provider: 'ECS', version: '1' },
    { ClusterName: 'default', ServiceName: 'pa-restart' },
    { inputArtifacts: [input] },
  );

  const first = ecsOn(s!);
  const reported = await startThenStop(
    (started) => first.run(job, started),
    async () => undefined,
  );

  const again = await start();
  const outcome = await ecsOn(again).run(job, () => assert.fail('a resumed run starts no deployment'), reported);
  assert.equal(outcome.status, 'Succeeded', JSON.stringify(outcome));
  const service = (await again.ecs.send(new DescribeServicesCommand({ services: ['pa-restart'] }))).services![0]!;
  assert.equal(service.deployments![0]!.id, reported.externalExecutionId);
  assert.match(service.taskDefinition!, /pa-restart:2$/);
  assert.equal(service.runningCount, 1);
});
