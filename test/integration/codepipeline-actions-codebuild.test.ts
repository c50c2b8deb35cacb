/**
 * The CodeBuild action run in-process against a real Slipway and real build containers: a project
 * with a CODEPIPELINE source builds from the primary input artifact with the secondary one in
 * $CODEBUILD_SRC_DIR_<name>, takes the EnvironmentVariables JSON as overrides, writes its artifact
 * to the output artifact and its exported variable as an output variable; a resumed run waits for
 * the same build; a failing build says which build and phase; an abandoned action stops its build;
 * projects that are not CODEPIPELINE-sourced are refused.
 */
import type { CodeBuildClient } from '@aws-sdk/client-codebuild';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodebuildFacade } from '../../src/services/codebuild/index.ts';
import { codebuildAction } from '../../src/services/codepipeline/actions/codebuild.ts';
import { ActionAborted } from '../../src/services/codepipeline/actions/outcomes.ts';
import type { ActionStarted } from '../../src/services/codepipeline/actions/types.ts';
import type { S3Facade } from '../../src/services/s3/index.ts';
import { createProject, getBuild, phaseList, startCodebuildSlipway, waitForBuild } from '../support/codebuild.ts';
import { ARTIFACT_BUCKET, SCOPE, actionJob, artifactAt, putArtifact, readArtifact } from '../support/pipeline-actions.ts';
import { awsCli, facadeOf, type TestSlipway } from '../support/slipway.ts';

let s: TestSlipway;
let cb: CodeBuildClient;
let s3: S3Facade;
let action: ReturnType<typeof codebuildAction>;

const BUILDSPEC = `version: 0.2
env:
  exported-variables:
    - IMAGE_TAG
phases:
  build:
    commands:
      - cat "$CODEBUILD_SRC_DIR_Config/settings.txt" > combined.txt
      - echo "$GREETING from $CODEBUILD_INITIATOR" >> combined.txt
      - export IMAGE_TAG=v-$(cat app.txt)
      - printf '[{"name":"web","imageUri":"repo:%s"}]' "$IMAGE_TAG" > imagedefinitions.json
artifacts:
  files:
    - imagedefinitions.json
    - combined.txt
`;

const pipelineProject = (name: string, more = {}) =>
  createProject(cb, {
    name,
    source: { type: 'CODEPIPELINE' },
    artifacts: { type: 'CODEPIPELINE' },
    environment: {
      type: 'LINUX_CONTAINER',
      image: 'slipway-test/busybox:1',
      computeType: 'BUILD_GENERAL1_SMALL',
      environmentVariables: [{ name: 'GREETING', value: 'project hello' }],
    },
    ...more,
  });

before(async () => {
  ({ s, cb } = await startCodebuildSlipway(20));
  s3 = facadeOf<S3Facade>(s.app, 's3');
  action = codebuildAction({ codebuild: facadeOf<CodebuildFacade>(s.app, 'codebuild'), s3, clock: s.app.ctx.clock });
  await awsCli(s.endpoint, ['s3api', 'create-bucket', '--bucket', ARTIFACT_BUCKET]);
  await pipelineProject('web-build');
});
after(async () => {
  await s?.close();
});

async function inputs(buildspec = BUILDSPEC) {
  const source = artifactAt('SourceArtifact');
  const config = artifactAt('Config');
  await putArtifact(s3, source, { 'buildspec.yml': buildspec, 'app.txt': '42' });
  await putArtifact(s3, config, { 'settings.txt': 'from the secondary input\n' });
  return [source, config];
}

test('a CODEPIPELINE build: primary and secondary inputs, variable overrides, output artifact and exported variables', async () => {
  const output = artifactAt('BuildArtifact');
  const job = actionJob(
    action.type,
    {
      ProjectName: 'web-build',
      PrimarySource: 'SourceArtifact',
      EnvironmentVariables: JSON.stringify([{ name: 'GREETING', value: 'pipeline hello', type: 'PLAINTEXT' }]),
    },
    { inputArtifacts: await inputs(), outputArtifacts: [output] },
  );
  const reported: ActionStarted[] = [];
  const outcome = await action.run(job, (st) => reported.push(st));
  assert.equal(outcome.status, 'Succeeded', JSON.stringify(outcome));
  assert.equal(reported.length, 1);
  assert.match(reported[0]!.externalExecutionId, /^web-build:[0-9a-f-]{36}$/);
  assert.match(reported[0]!.externalExecutionUrl ?? '', /\/_slipway\/logs\/codebuild\//);
  assert.deepEqual(outcome.outputVariables, { IMAGE_TAG: 'v-42' });
  assert.equal(outcome.externalExecutionId, reported[0]!.externalExecutionId);

  const files = await readArtifact(s3, output);
  assert.deepEqual(JSON.parse(files['imagedefinitions.json']!), [{ name: 'web', imageUri: 'repo:v-42' }]);
  assert.equal(files['combined.txt'], 'from the secondary input\npipeline hello from codepipeline/pipe\n');

  const build = await getBuild(cb, reported[0]!.externalExecutionId);
  assert.equal(build.initiator, 'codepipeline/pipe');
  assert.equal(build.source?.type, 'CODEPIPELINE');
  assert.equal(build.artifacts?.location, `arn:aws:s3:::${ARTIFACT_BUCKET}/${output.location.objectKey}`);

  // Resumed after a restart: it waits for the same build and starts none.
  const again = await action.run(job, () => assert.fail('a resumed run starts nothing'), reported[0]);
  assert.deepEqual(again.outputVariables, { IMAGE_TAG: 'v-42' });
});

test('a failing build names the build and the phase; an artifact the buildspec never made fails the action', async () => {
  const failing = BUILDSPEC.replace('      - export IMAGE_TAG', '      - test -f no-such-file\n      - export IMAGE_TAG');
  const job = actionJob(
    action.type,
    { ProjectName: 'web-build', PrimarySource: 'SourceArtifact' },
    { inputArtifacts: await inputs(failing), outputArtifacts: [artifactAt('Out')] },
  );
  let id = '';
  const outcome = await action.run(job, (st) => (id = st.externalExecutionId));
  assert.equal(outcome.status, 'Failed');
  assert.equal(outcome.errorDetails?.code, 'JobFailed');
  assert.ok(outcome.errorDetails!.message.startsWith(`Build ${id} FAILED in phase BUILD: `), outcome.errorDetails!.message);
  assert.match(outcome.errorDetails!.message, /test -f no-such-file/);
  assert.equal(outcome.externalExecutionId, id);

  const twoOutputs = actionJob(
    action.type,
    { ProjectName: 'web-build', PrimarySource: 'SourceArtifact' },
    { inputArtifacts: await inputs(), outputArtifacts: [artifactAt('Out'), artifactAt('Extra')] },
  );
  const missing = await action.run(twoOutputs, () => undefined);
  assert.equal(missing.status, 'Failed');
  assert.match(missing.errorDetails!.message, /wrote no output artifact Extra/);
});

test('an abandoned action stops its build', async () => {
  const slow = 'version: 0.2\nphases:\n  build:\n    commands:\n      - sleep 60\n';
  const controller = new AbortController();
  const job = actionJob(
    action.type,
    { ProjectName: 'web-build', PrimarySource: 'SourceArtifact' },
    { inputArtifacts: await inputs(slow), signal: controller.signal },
  );
  let id = '';
  const running = action.run(job, (st) => {
    id = st.externalExecutionId;
    setTimeout(() => controller.abort(), 1500);
  });
  await assert.rejects(running, ActionAborted);
  const build = await waitForBuild(cb, id);
  assert.equal(build.buildStatus, 'STOPPED');
  assert.ok(phaseList(build).includes('BUILD:STOPPED'), phaseList(build).join(' '));
});

test('projects that cannot take a pipeline build, and configurations CodePipeline refuses', async () => {
  await createProject(cb, { name: 'plain' });
  const [source, config] = await inputs();
  const run = (configuration: Record<string, string>, inputArtifacts = [source!, config!]) =>
    action.run(actionJob(action.type, configuration, { inputArtifacts }), () => assert.fail('nothing is started'));
  const plain = await run({ ProjectName: 'plain', PrimarySource: 'SourceArtifact' });
  assert.equal(plain.errorDetails?.code, 'ConfigurationError');
  assert.match(plain.errorDetails!.message, /^InvalidInputException: Project plain has source type NO_SOURCE/);
  const absent = await run({ ProjectName: 'absent' });
  assert.match(
    absent.errorDetails!.message,
    /^ResourceNotFoundException: Project cannot be found: arn:aws:codebuild:us-east-1:000000000000:project\/absent/,
  );
  const noPrimary = await run({ ProjectName: 'web-build' });
  assert.match(noPrimary.errorDetails!.message, /PrimarySource is required/);
  const badName = await run({ ProjectName: 'web-build' }, [{ ...source!, name: '../etc' }]);
  assert.match(badName.errorDetails!.message, /^InvalidInputException: Input artifact name \.\.\/etc must match/);
  const wrongPrimary = await run({ ProjectName: 'web-build', PrimarySource: 'Nope' });
  assert.match(wrongPrimary.errorDetails!.message, /PrimarySource Nope is not one of/);
  const reserved = await run({
    ProjectName: 'web-build',
    PrimarySource: 'SourceArtifact',
    EnvironmentVariables: '[{"name":"CODEBUILD_X","value":"1"}]',
  });
  assert.match(reserved.errorDetails!.message, /CODEBUILD_X is reserved/);
  assert.equal(
    action.check!({ ProjectName: 'web-build', EnvironmentVariables: '{not json' }, SCOPE),
    'EnvironmentVariables must be a JSON array of {"name", "value", "type"} objects',
  );
  assert.match(
    action.check!({ ProjectName: 'x', EnvironmentVariables: '[{"name":"A","value":"1","type":"KMS"}]' }, SCOPE)!,
    /type \(A\) must be one of/,
  );
  const builds = await awsCli(s.endpoint, ['codebuild', 'list-builds-for-project', '--project-name', 'plain']);
  assert.deepEqual(builds.ids, [], 'a refused start records no build');
});
