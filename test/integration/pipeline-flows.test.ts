/**
 * Pipeline behaviours on real builds (S3 source → CodeBuild in a container → manual approval): a
 * failed build fails the execution with the build named and later stages untouched, and
 * RetryStageExecution after fixing what the build reads (a Parameter Store value) succeeds; a stop
 * with abandon during a build stops that build; a Slipway killed with -9 mid-build or mid-deploy is
 * started again and the execution ends (Failed naming the cut-off build; Succeeded once the
 * deployment completes) rather than staying InProgress.
 */
import { BatchGetBuildsCommand } from '@aws-sdk/client-codebuild';
import {
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  RetryStageExecutionCommand,
  StopPipelineExecutionCommand,
  type ActionDeclaration,
  type CodePipelineClient,
} from '@aws-sdk/client-codepipeline';
import { CreateServiceCommand, DescribeServicesCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionState, answer, approval, codepipelineClient, executionReaches, stage } from '../support/codepipeline.ts';
import { codebuildClient, getBuild, waitForBuild } from '../support/codebuild.ts';
import { slipwayProcessesForTests } from '../support/ecs.ts';
import { TEST_IMAGE } from '../support/images.ts';
import { createFlow, flowBuild, flowsForTests, prepareFlows, putSource } from '../support/pipeline-flows.ts';
import { awsCli, ecsClient, type SlipwayProcess, waitFor } from '../support/slipway.ts';

const BUILD_TIMEOUT = 5 * 60_000;
const GATED =
  'version: 0.2\nenv:\n  parameter-store:\n    GATE: /flows/gate\nphases:\n  build:\n    commands:\n      - test "$GATE" = open\n';
const SLOW = 'version: 0.2\nphases:\n  build:\n    commands:\n      - sleep 120\n';
/** The file's Slipway and its CodePipeline client, once started. */
const flows = flowsForTests();

/** Pipeline `name` building `buildspec`: S3 source → Build (flow-build) → Approve (Ok); its first execution's id. */
async function buildPipeline(endpoint: string, client: CodePipelineClient, name: string, buildspec: string): Promise<string> {
  await putSource(endpoint, name, { 'buildspec.yml': buildspec });
  return createFlow(client, name, [stage('Build', flowBuild), stage('Approve', approval('Ok'))]);
}

/** Waits until execution `id`'s Build action runs; returns its build id. */
async function buildOf(client: CodePipelineClient, name: string, id: string): Promise<string> {
  const { action } = await actionState(
    client,
    name,
    'Build',
    'Build',
    (l) => l.status === 'InProgress' && l.pipelineExecutionId === id && !!(l as { externalExecutionId?: string }).externalExecutionId,
    BUILD_TIMEOUT,
  );
  return action.latestExecution!.externalExecutionId!;
}

test('a failed build fails the execution naming the build, later stages never run; RetryStageExecution after the fix succeeds', async () => {
  const { s, cp } = flows();
  await awsCli(s.endpoint, ['ssm', 'put-parameter', '--name', '/flows/gate', '--type', 'String', '--value', 'closed']);
  const id = await buildPipeline(s.endpoint, cp, 'gated', GATED);
  const failed = await executionReaches(cp, 'gated', id, ['Failed', 'Succeeded'], BUILD_TIMEOUT);
  assert.equal(failed.status, 'Failed');

  const details = (await cp.send(new ListActionExecutionsCommand({ pipelineName: 'gated', filter: { pipelineExecutionId: id } })))
    .actionExecutionDetails!;
  const build = details.find((d) => d.actionName === 'Build')!;
  const buildId = build.output!.executionResult!.externalExecutionId!;
  assert.match(buildId, /^flow-build:[0-9a-f-]{36}$/);
  assert.equal(build.status, 'Failed');
  const state = await cp.send(new GetPipelineStateCommand({ name: 'gated' }));
  const buildState = state.stageStates!.find((x) => x.stageName === 'Build')!.actionStates![0]!.latestExecution!;
  assert.ok(buildState.errorDetails!.message!.startsWith(`Build ${buildId} FAILED in phase BUILD`), buildState.errorDetails!.message);
  assert.equal(
    details.find((d) => d.actionName === 'Ok'),
    undefined,
    'the approval after the build never ran',
  );
  assert.equal(state.stageStates!.find((x) => x.stageName === 'Approve')!.latestExecution, undefined);
  const [firstBuild] = (await codebuildClient(s.endpoint).send(new BatchGetBuildsCommand({ ids: [buildId] }))).builds!;
  assert.equal(firstBuild!.buildStatus, 'FAILED');

  // The fix is in what the build reads, so the same execution can retry the stage.
  await awsCli(s.endpoint, ['ssm', 'put-parameter', '--name', '/flows/gate', '--type', 'String', '--value', 'open', '--overwrite']);
  const retried = await cp.send(
    new RetryStageExecutionCommand({ pipelineName: 'gated', stageName: 'Build', pipelineExecutionId: id, retryMode: 'FAILED_ACTIONS' }),
  );
  assert.equal(retried.pipelineExecutionId, id);
  await answer(cp, 'gated', id, 'Approved', 'the gate is open');
  const done = await executionReaches(cp, 'gated', id, ['Failed', 'Succeeded'], BUILD_TIMEOUT);
  assert.equal(done.status, 'Succeeded', done.statusSummary);
  const builds = await awsCli(s.endpoint, ['codebuild', 'list-builds-for-project', '--project-name', 'flow-build']);
  const again = builds.ids.find((b: string) => b !== buildId);
  assert.equal((await getBuild(codebuildClient(s.endpoint), again)).buildStatus, 'SUCCEEDED');
});

test('StopPipelineExecution with abandon during a build stops the build', async () => {
  const { s, cp } = flows();
  const id = await buildPipeline(s.endpoint, cp, 'abandoned', SLOW);
  const buildId = await buildOf(cp, 'abandoned', id);
  const cb = codebuildClient(s.endpoint);
  await cp.send(
    new StopPipelineExecutionCommand({ pipelineName: 'abandoned', pipelineExecutionId: id, abandon: true, reason: 'wrong commit' }),
  );
  const stopped = await executionReaches(cp, 'abandoned', id, ['Stopped', 'Failed', 'Succeeded'], BUILD_TIMEOUT);
  assert.equal(stopped.status, 'Stopped');
  const [summary] = (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'abandoned' }))).pipelineExecutionSummaries!;
  assert.equal(summary!.pipelineExecutionId, id);
  assert.equal(summary!.stopTrigger?.reason, 'wrong commit');
  const build = await waitForBuild(cb, buildId, BUILD_TIMEOUT);
  assert.equal(build.buildStatus, 'STOPPED');
  const { action } = await actionState(cp, 'abandoned', 'Build', 'Build', (l) => l.pipelineExecutionId === id);
  assert.equal(action.latestExecution!.status, 'Abandoned');
});

const processes = slipwayProcessesForTests('flow-web');
let proc: SlipwayProcess | undefined;

/** The Slipway process the kill -9 tests share (its own data directory, scale 20), prepared on first use. */
async function slipwayProcess(): Promise<SlipwayProcess> {
  if (!proc) {
    proc = await processes.start();
    await prepareFlows(proc.endpoint);
  }
  return proc;
}

/** kill -9 of that process, and a new one on the same data directory and port. */
async function killAndRestart(): Promise<void> {
  await proc!.kill('SIGKILL');
  proc = await processes.start();
}

test('kill -9 of Slipway mid-build: after the restart the execution fails naming the cut-off build, never staying InProgress', async () => {
  const { endpoint } = await slipwayProcess();
  const client = codepipelineClient(endpoint);
  const cb = codebuildClient(endpoint);
  const id = await buildPipeline(endpoint, client, 'killed', SLOW);
  const buildId = await buildOf(client, 'killed', id);
  await waitFor('the build to run its commands', async () => (await getBuild(cb, buildId)).currentPhase === 'BUILD', BUILD_TIMEOUT);
  await killAndRestart();

  const ended = await executionReaches(client, 'killed', id, ['Failed', 'Succeeded', 'Stopped'], BUILD_TIMEOUT);
  assert.equal(ended.status, 'Failed');
  const { action } = await actionState(client, 'killed', 'Build', 'Build', (l) => l.pipelineExecutionId === id);
  assert.match(action.latestExecution!.errorDetails!.message!, new RegExp(`^Build ${buildId} FAILED in phase BUILD: Slipway stopped`));
  assert.equal((await getBuild(cb, buildId)).buildStatus, 'FAILED');
});

test('kill -9 of Slipway mid-deploy: after the restart the rolling deployment completes and the execution succeeds', async () => {
  const { endpoint } = await slipwayProcess();
  const client = codepipelineClient(endpoint);
  const ecs = ecsClient(endpoint);
  // Healthy only after 10 s, so the deployment is surely under way when the kill comes.
  const web = {
    name: 'web',
    image: TEST_IMAGE,
    memory: 16,
    command: ['sh', '-c', 'sleep 10 && touch /tmp/ready && exec sleep 3600'],
    healthCheck: { command: ['CMD-SHELL', 'test -f /tmp/ready'], interval: 5, timeout: 2, retries: 10 },
  };
  await ecs.send(new RegisterTaskDefinitionCommand({ family: 'flow-web', containerDefinitions: [web] }));
  await ecs.send(new CreateServiceCommand({ serviceName: 'flow-web', taskDefinition: 'flow-web', desiredCount: 2 }));
  await putSource(endpoint, 'deployed', { 'imagedefinitions.json': JSON.stringify([{ name: 'web', imageUri: TEST_IMAGE }]) });
  const deploy: ActionDeclaration = {
    name: 'Deploy',
    actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'ECS', version: '1' },
    configuration: { ClusterName: 'default', ServiceName: 'flow-web' },
    inputArtifacts: [{ name: 'SourceArtifact' }],
  };
  const id = await createFlow(client, 'deployed', [stage('Deploy', deploy)]);
  const { action } = await actionState(
    client,
    'deployed',
    'Deploy',
    'Deploy',
    (l) => l.status === 'InProgress' && l.pipelineExecutionId === id && !!(l as { externalExecutionId?: string }).externalExecutionId,
    BUILD_TIMEOUT,
  );
  const deploymentId = action.latestExecution!.externalExecutionId!;
  const before = (await ecs.send(new DescribeServicesCommand({ services: ['flow-web'] }))).services![0]!.deployments!;
  assert.equal(before.find((d) => d.id === deploymentId)?.rolloutState, 'IN_PROGRESS');
  await killAndRestart();

  const ended = await executionReaches(client, 'deployed', id, ['Failed', 'Succeeded', 'Stopped'], BUILD_TIMEOUT);
  assert.equal(ended.status, 'Succeeded', ended.statusSummary);
  const service = (await ecs.send(new DescribeServicesCommand({ services: ['flow-web'] }))).services![0]!;
  assert.equal(service.deployments![0]!.id, deploymentId);
  assert.match(service.taskDefinition!, /flow-web:2$/);
  assert.equal(service.runningCount, 2);
});
