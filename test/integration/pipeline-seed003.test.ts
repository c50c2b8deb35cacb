/**
 * Seed 003 whole, from examples/seed-003 on real Docker and HAProxy: the FastAPI app pushed to
 * Slipway's git host, a GitHub connection, a V2 pipeline whose trigger takes pushes to main touching
 * src/components/**, CodeBuild running pytest and docker build and pushing to ECR, and "Amazon ECS
 * (Blue/Green)" through CodeDeploy. A push changing main.py to {"Hello": "AWS"} runs it while a
 * steady load through the production listener sees no failed request; a push touching only files
 * outside the filter starts nothing.
 */
import {
  CreatePipelineCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  type CodePipelineClient,
} from '@aws-sdk/client-codepipeline';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { SlipwayEvent } from '../../src/core/events.ts';
import { gitRepo } from '../support/codebuild.ts';
import { approval, codepipelineClient, executionReaches, followPipeline, pipeline, stage } from '../support/codepipeline.ts';
import { removeImagesOf } from '../support/ecr.ts';
import { blueGreenListeners } from '../support/ecs.ts';
import { elbClient, spread, steadyLoad } from '../support/elb.ts';
import { ensureTestImages, TEST_IMAGE, TEST_PAGE } from '../support/images.ts';
import { awsCli, docker, freePort, startTestSlipway, type TestSlipway, waitFor } from '../support/slipway.ts';

const run = promisify(execFile);
const example = new URL('../../examples/seed-003/', import.meta.url).pathname;
const PIPELINE = 'my-app-codepipeline';
const REPOSITORY = 'Indosaram/fastapi_sample';
// A pipeline run builds an image and deploys it: minutes on a loaded machine.
const RUN_TIMEOUT = 20 * 60_000;

let s: TestSlipway;
let cp: CodePipelineClient;
let repo: ReturnType<typeof gitRepo>;
let url: string;
let connectionArn: string;
const events: SlipwayEvent[] = [];
const cli = (args: string[]) => awsCli(s.endpoint, args);

/** Pushes the example's main to Slipway's git host (asynchronously: the in-process server must answer). */
async function push(): Promise<void> {
  await run('git', ['push', '-q', `${s.endpoint}/_slipway/git/${REPOSITORY}.git`, 'HEAD:main'], { cwd: repo.path });
}

async function executions(name = PIPELINE) {
  return (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries ?? [];
}

/** The service's latest events, to say why a deployment failed. */
async function serviceEvents(): Promise<string> {
  const [service] = (await cli(['ecs', 'describe-services', '--cluster', 'my-app-cluster', '--services', 'my-app-service'])).services;
  return (service?.events ?? [])
    .slice(0, 15)
    .map((e: { message: string }) => e.message)
    .join('\n');
}

/** The stage statuses the execution's events announced, stage by stage, in order. */
function stageEvents(id: string): Record<string, string[]> {
  const seen: Record<string, string[]> = {};
  for (const e of events) {
    if (e.type !== 'codepipeline.execution' || e.detail.pipelineExecutionId !== id || !e.detail.stageName) continue;
    (seen[e.detail.stageName as string] ??= []).push(e.detail.stageStatus as string);
  }
  return seen;
}

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 20 });
  cp = codepipelineClient(s.endpoint);
  s.app.ctx.events.subscribe((e) => events.push(e));

  // The repository as the seed forks it, pushed to Slipway's git host; the connection reads it there.
  repo = gitRepo({}, example);
  await push();
  connectionArn = (
    await cli(['codestar-connections', 'create-connection', '--connection-name', 'my-app-github', '--provider-type', 'GitHub'])
  ).ConnectionArn;

  const uri = (await cli(['ecr', 'create-repository', '--repository-name', 'my_app'])).repository.repositoryUri;
  await cli(['s3api', 'create-bucket', '--bucket', 'my-app-artifacts']);
  await cli([
    'codebuild',
    'create-project',
    '--name',
    'my-app-build',
    '--service-role',
    'arn:aws:iam::000000000000:role/my-app-codebuild',
    '--source',
    'type=CODEPIPELINE',
    '--artifacts',
    'type=CODEPIPELINE',
    // The docker build may take minutes here; CodeBuild's 60 would be 3 at this time scale.
    '--timeout-in-minutes',
    '480',
    '--environment',
    JSON.stringify({
      type: 'LINUX_CONTAINER',
      image: 'aws/codebuild/standard:7.0',
      computeType: 'BUILD_GENERAL1_SMALL',
      privilegedMode: true,
      environmentVariables: [
        { name: 'REPOSITORY_URI', value: uri },
        { name: 'AWS_ACCOUNT_ID', value: '000000000000' },
      ],
    }),
  ]);

  // The service before the pipeline's first deploy: a placeholder answering on 8000 behind group 1.
  const elb = elbClient(s.endpoint);
  const groups = await blueGreenListeners(elb, 'my-app-lb');
  const port = await freePort();
  const listener = await groups.listener(port);
  url = groups.url(port);
  await cli(['ecs', 'create-cluster', '--cluster-name', 'my-app-cluster']);
  const placeholder = JSON.parse(readFileSync(join(example, 'taskdef.json'), 'utf8'));
  placeholder.containerDefinitions[0] = {
    ...placeholder.containerDefinitions[0],
    image: TEST_IMAGE,
    memory: 16,
    command: ['httpd', '-f', '-p', '8000', '-h', '/www'],
  };
  const first = (await cli(['ecs', 'register-task-definition', '--cli-input-json', JSON.stringify(placeholder)])).taskDefinition;
  await cli([
    'ecs',
    'create-service',
    '--cluster',
    'my-app-cluster',
    '--service-name',
    'my-app-service',
    '--task-definition',
    first.taskDefinitionArn,
    '--desired-count',
    '1',
    '--deployment-controller',
    'type=CODE_DEPLOY',
    // uvicorn takes seconds to answer; the quick health checks must not replace a task still starting.
    '--health-check-grace-period-seconds',
    '600',
    '--load-balancers',
    `targetGroupArn=${groups.blue},containerName=my-app,containerPort=8000`,
  ]);
  await cli(['deploy', 'create-application', '--application-name', 'my-app', '--compute-platform', 'ECS']);
  await cli([
    'deploy',
    'create-deployment-group',
    '--application-name',
    'my-app',
    '--deployment-group-name',
    'my-app-deploy-group',
    '--service-role-arn',
    'arn:aws:iam::000000000000:role/ecs-codedeploy-role',
    '--deployment-style',
    'deploymentType=BLUE_GREEN,deploymentOption=WITH_TRAFFIC_CONTROL',
    '--ecs-services',
    'serviceName=my-app-service,clusterName=my-app-cluster',
    '--load-balancer-info',
    JSON.stringify({
      targetGroupPairInfoList: [
        { targetGroups: [{ name: 'my-app-lb-blue' }, { name: 'my-app-lb-green' }], prodTrafficRoute: { listenerArns: [listener] } },
      ],
    }),
    // The seed waits 5 minutes before the old tasks go.
    '--blue-green-deployment-configuration',
    '{"terminateBlueInstancesOnDeploymentSuccess":{"action":"TERMINATE","terminationWaitTimeInMinutes":5},"deploymentReadyOption":{"actionOnTimeout":"CONTINUE_DEPLOYMENT"}}',
  ]);
  await waitFor('the placeholder to answer', async () => (await spread(url, 4)).get(TEST_PAGE) === 4, 120_000);

  const declaration = join(s.dataDir, 'pipeline.json');
  writeFileSync(declaration, readFileSync(join(example, 'pipeline.json'), 'utf8').replace('<CONNECTION_ARN>', connectionArn));
  await cli(['codepipeline', 'create-pipeline', '--cli-input-json', `file://${declaration}`]);
});
after(async () => {
  await s?.close();
  if (repo) rmSync(repo.path, { recursive: true, force: true });
  if (s) await removeImagesOf([new URL(s.endpoint).host]);
});

describe('seed 003: connection, V2 trigger, CodeBuild with pytest and docker, ECS blue/green', () => {
  it('the execution CreatePipeline started builds the pushed app and deploys it: the load balancer says Hello World', async () => {
    const [created] = await executions();
    assert.equal(created.trigger?.triggerType, 'CreatePipeline');
    const done = await executionReaches(cp, PIPELINE, created.pipelineExecutionId!, ['Succeeded', 'Failed', 'Stopped'], RUN_TIMEOUT);
    assert.equal(done.status, 'Succeeded', `${done.statusSummary}\n${await serviceEvents()}`);
    assert.deepEqual([...(await spread(url, 8)).entries()], [['{"Hello":"World"}', 8]]);
  });

  it('a push changing main.py runs every stage and moves production to {"Hello": "AWS"} with no failed request', async () => {
    const load = steadyLoad(url, 4, true, RUN_TIMEOUT);
    const main = readFileSync(join(repo.path, 'src/components/main.py'), 'utf8');
    const commit = repo.commitMore({ 'src/components/main.py': main.replace('"World"', '"AWS"') }, 'say hello to AWS');
    await push();
    const pushed = await waitFor('the push to start an execution', async () => {
      const [latest] = await executions();
      return latest?.sourceRevisions?.[0]?.revisionId === commit && latest;
    });
    assert.equal(pushed.trigger?.triggerType, 'WebhookV2');
    const id = pushed.pipelineExecutionId!;
    const following = followPipeline(s.endpoint, PIPELINE, id);

    // GetPipelineState, read until the last stage ends: the stages that take time are seen InProgress, then Succeeded.
    const seen: Record<string, string[]> = {};
    const ended = (status?: string) => status !== undefined && status !== 'InProgress';
    await waitFor(
      'the Deploy stage to end',
      async () => {
        const state = await cp.send(new GetPipelineStateCommand({ name: PIPELINE }));
        for (const st of state.stageStates ?? []) {
          if (st.latestExecution?.pipelineExecutionId !== id) continue;
          const list = (seen[st.stageName!] ??= []);
          if (list.at(-1) !== st.latestExecution.status) list.push(st.latestExecution.status!);
        }
        return ended(seen.Deploy?.at(-1)) || Object.values(seen).some((l) => ended(l.at(-1)) && l.at(-1) !== 'Succeeded');
      },
      RUN_TIMEOUT,
      100,
    );
    const done = await executionReaches(cp, PIPELINE, id, ['Succeeded', 'Failed', 'Stopped']);
    assert.equal(done.status, 'Succeeded', `${done.statusSummary}\n${await serviceEvents()}`);
    const stats = await load.stop();
    const { output, code } = await following;
    assert.equal(code, 0, output);
    assert.match(output, /Deploy\/Deploy {2}Succeeded/);
    assert.match(output, /result: Succeeded/);
    assert.deepEqual(seen.Build, ['InProgress', 'Succeeded']);
    assert.deepEqual(seen.Deploy, ['InProgress', 'Succeeded']);
    assert.equal(seen.Source?.at(-1), 'Succeeded');
    // Source takes less than a read of the state; its events show it whole.
    assert.deepEqual(stageEvents(id), {
      Source: ['InProgress', 'Succeeded'],
      Build: ['InProgress', 'Succeeded'],
      Deploy: ['InProgress', 'Succeeded'],
    });

    assert.equal(stats.failed, 0, stats.failures.join('\n'));
    assert.ok(stats.ok > 0);
    assert.deepEqual([...stats.bodies.keys()].sort(), ['{"Hello":"AWS"}', '{"Hello":"World"}']);
    assert.deepEqual([...(await spread(url, 8)).entries()], [['{"Hello":"AWS"}', 8]]);
  });

  it('a push touching only files outside src/components/** starts nothing', async () => {
    // A pipeline taking every push to main says when the push was handled: the room weighs a change
    // against the pipelines in ARN order, so this one (push-witness) after my-app-codepipeline.
    await cp.send(
      new CreatePipelineCommand({
        pipeline: pipeline('push-witness', 'my-app-artifacts', [
          stage('Source', {
            name: 'Source',
            actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
            configuration: { ConnectionArn: connectionArn, FullRepositoryId: REPOSITORY, BranchName: 'main' },
            outputArtifacts: [{ name: 'SourceArtifact' }],
          }),
          stage('Approve', approval('Ok')),
        ]),
      }),
    );
    // Its first execution reads the branch before the push, so only the push's own can name the new commit.
    await waitFor('the witness to read main', async () => (await executions('push-witness'))[0]?.sourceRevisions?.length);
    const before = await executions();
    const commit = repo.commitMore({ 'README.md': '# fastapi_sample\n\nNotes only.\n', 'docs/notes.md': 'nothing to build\n' }, 'notes');
    await push();
    await waitFor('the witness to take the push', async () =>
      (await executions('push-witness')).some(
        (e) => e.trigger?.triggerType === 'WebhookV2' && e.sourceRevisions?.[0]?.revisionId === commit,
      ),
    );
    assert.deepEqual(
      (await executions()).map((e) => e.pipelineExecutionId),
      before.map((e) => e.pipelineExecutionId),
    );
  });
});
