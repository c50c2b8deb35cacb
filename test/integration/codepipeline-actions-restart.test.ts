/**
 * Actions across kill -9 of Slipway: an action reports its outside work (a build, a deployment) as
 * soon as it starts it, and the run after the restart waits for that same work instead of starting
 * it again. A build cut off by the kill fails the resumed action, naming the build and why; a
 * rolling ECS deployment goes on in the new process and the resumed action sees it complete.
 */
import { CreateServiceCommand, DescribeServicesCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { CodebuildFacade } from '../../src/services/codebuild/index.ts';
import { codebuildAction } from '../../src/services/codepipeline/actions/codebuild.ts';
import { ecsDeployAction } from '../../src/services/codepipeline/actions/ecs-deploy.ts';
import type { ActionTypeId, Artifact } from '../../src/services/codepipeline/actions/types.ts';
import type { EcsServicesFacade } from '../../src/services/ecs/index.ts';
import type { S3Facade } from '../../src/services/s3/index.ts';
import { runActionInProcess, type ActionProcess } from '../support/action-process.ts';
import { codebuildClient, createProject, getBuild } from '../support/codebuild.ts';
import { stopHaproxy } from '../support/elb.ts';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import { ARTIFACT_BUCKET, actionJob, artifactAt, putArtifact } from '../support/pipeline-actions.ts';
import { awsCli, docker, facadeOf, startTestSlipway, tempDataDir, waitFor, type TestSlipway } from '../support/slipway.ts';

const dataDir = tempDataDir();
let s: TestSlipway | undefined;
let child: ActionProcess | undefined;
const start = async () => {
  s = await startTestSlipway({ timeScale: 20, dataDir });
  return s;
};
const stop = async () => {
  await s?.close();
  s = undefined;
};
const s3Of = (slipway: TestSlipway) => facadeOf<S3Facade>(slipway.app, 's3');

/** The job as the process to be killed gets it (no signal, no progress), and a fresh one for the run after the restart. */
function jobFor(type: ActionTypeId, configuration: Record<string, string>, inputArtifacts: Artifact[]) {
  const { signal: _signal, progress: _progress, lines: _lines, ...sent } = actionJob(type, configuration, { inputArtifacts });
  return { sent, resumed: () => actionJob(type, configuration, { inputArtifacts }) };
}

before(async () => {
  await ensureTestImages(docker);
  const first = await start();
  await awsCli(first.endpoint, ['s3api', 'create-bucket', '--bucket', ARTIFACT_BUCKET]);
});
after(async () => {
  await child?.kill9();
  // A Slipway on the directory removes the task containers it knows, the killed process's included.
  if (!s) await start();
  await stop();
  await stopHaproxy(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
});

test('a build cut off by kill -9 fails the resumed action, naming the build and why; no second build starts', async () => {
  await createProject(codebuildClient(s!.endpoint), {
    name: 'slow',
    source: { type: 'CODEPIPELINE' },
    artifacts: { type: 'CODEPIPELINE' },
  });
  const source = artifactAt('SourceArtifact');
  await putArtifact(s3Of(s!), source, { 'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands:\n      - sleep 120\n' });
  const job = jobFor({ category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' }, { ProjectName: 'slow' }, [source]);
  await stop();

  child = await runActionInProcess(dataDir, 'codebuild', job.sent);
  const id = child.started.externalExecutionId;
  const cb = codebuildClient(child.endpoint);
  await waitFor('the build to run its commands', async () => (await getBuild(cb, id)).currentPhase === 'BUILD', 120_000);
  await child.kill9();

  const again = await start();
  const action = codebuildAction({
    codebuild: facadeOf<CodebuildFacade>(again.app, 'codebuild'),
    s3: s3Of(again),
    clock: again.app.ctx.clock,
  });
  const outcome = await action.run(job.resumed(), () => assert.fail('a resumed run starts no build'), child.started);
  assert.equal(outcome.status, 'Failed');
  assert.equal(outcome.externalExecutionId, id);
  assert.match(
    outcome.errorDetails!.message,
    new RegExp(`^Build ${id} FAILED in phase BUILD: Slipway stopped while this build was in BUILD`),
  );
  const builds = await awsCli(again.endpoint, ['codebuild', 'list-builds-for-project', '--project-name', 'slow']);
  assert.deepEqual(builds.ids, [id]);
  const left = await docker.listContainers({ all: true, filters: { label: [`slipway.codebuild.project=slow`] } });
  assert.deepEqual(left, [], 'the cut-off build container is gone');
});

test('a rolling deployment under way at kill -9 completes after the restart; the resumed action sees it', async () => {
  const web = { name: 'web', image: TEST_IMAGE, memory: 16, command: ['sleep', '3600'] };
  await s!.ecs.send(new RegisterTaskDefinitionCommand({ family: 'pa-restart', containerDefinitions: [web] }));
  await s!.ecs.send(new CreateServiceCommand({ serviceName: 'pa-restart', taskDefinition: 'pa-restart', desiredCount: 2 }));
  const input = artifactAt('BuildArtifact');
  await putArtifact(s3Of(s!), input, { 'imagedefinitions.json': JSON.stringify([{ name: 'web', imageUri: TEST_IMAGE }]) });
  const job = jobFor(
    { category: 'Deploy', owner: 'AWS', provider: 'ECS', version: '1' },
    { ClusterName: 'default', ServiceName: 'pa-restart' },
    [input],
  );
  await stop();

  child = await runActionInProcess(dataDir, 'ecs', job.sent);
  await child.kill9();

  const again = await start();
  const action = ecsDeployAction({ ecs: facadeOf<EcsServicesFacade>(again.app, 'ecs'), s3: s3Of(again), clock: again.app.ctx.clock });
  const outcome = await action.run(job.resumed(), () => assert.fail('a resumed run starts no deployment'), child.started);
  assert.equal(outcome.status, 'Succeeded', JSON.stringify(outcome));
  const service = (await again.ecs.send(new DescribeServicesCommand({ services: ['pa-restart'] }))).services![0]!;
  assert.equal(service.deployments![0]!.id, child.started.externalExecutionId);
  assert.match(service.taskDefinition!, /pa-restart:2$/);
  assert.equal(service.runningCount, 2);
});
