/**
 * Seed 000's shape end to end on a real Slipway: examples/seed-000 pushed to Slipway's git host,
 * a connection, and a pipeline of CodeStarSourceConnection → CodeBuild (the seed's buildspec:
 * docker build inside the build, a push to ECR, imagedefinitions.json) → ECS rolling deploy; the
 * load balancer answers the pushed page, and a push that changes the page deploys it too.
 */
import { CreatePipelineCommand, ListPipelineExecutionsCommand, type CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { CreateServiceCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { codepipelineClient, executionReaches, firstExecution, gitIn, pipeline, stage } from '../support/codepipeline.ts';
import { codebuildClient, createBuckets, createProject, gitRepo } from '../support/codebuild.ts';
import { removeImagesOf } from '../support/ecr.ts';
import { forwardingListener, quickTargetGroup } from '../support/ecs.ts';
import { elbClient, spread } from '../support/elb.ts';
import { ensureTestImages, TEST_IMAGE, TEST_PAGE } from '../support/images.ts';
import { awsCli, docker, startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';

const example = new URL('../../examples/seed-000/', import.meta.url).pathname;
const BUILD_TIMEOUT = 15 * 60_000; // a machine without the build image builds it first
const CONTAINER = 'docker-svelte-container';
let s: TestSlipway;
let cp: CodePipelineClient;
let url: string;
let repo: ReturnType<typeof gitRepo>;

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 20 });
  cp = codepipelineClient(s.endpoint);
  await createBuckets(s.endpoint, 'seed000-artifacts');
  await awsCli(s.endpoint, ['ecr', 'create-repository', '--repository-name', 'docker-svelte']);
  const elb = elbClient(s.endpoint);
  const group = await quickTargetGroup(elb, 'svelte-tg', 'instance', 80);
  url = (await forwardingListener(elb, 'svelte-alb', group)).url;
  await s.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'docker-svelte',
      containerDefinitions: [
        {
          name: CONTAINER,
          image: TEST_IMAGE,
          memory: 32,
          command: ['httpd', '-f', '-p', '80', '-h', '/www'],
          portMappings: [{ containerPort: 80, hostPort: 0 }],
        },
      ],
    }),
  );
  await s.ecs.send(
    new CreateServiceCommand({
      serviceName: 'docker-svelte-service',
      taskDefinition: 'docker-svelte',
      desiredCount: 1,
      loadBalancers: [{ targetGroupArn: group, containerName: CONTAINER, containerPort: 80 }],
    }),
  );
  const vars = { IMAGE_REPO_NAME: 'docker-svelte', IMAGE_TAG: 'latest', AWS_ACCOUNT_ID: '000000000000', CONTAINER_NAME: CONTAINER };
  await createProject(codebuildClient(s.endpoint), {
    name: 'docker-svelte-build',
    source: { type: 'CODEPIPELINE' },
    artifacts: { type: 'CODEPIPELINE' },
    environment: {
      type: 'LINUX_CONTAINER',
      image: 'aws/codebuild/standard:5.0',
      computeType: 'BUILD_GENERAL1_SMALL',
      privilegedMode: true,
      environmentVariables: Object.entries(vars).map(([name, value]) => ({ name, value })),
    },
  });
  repo = gitRepo({}, example);
  await waitFor('the first task to answer', async () => (await spread(url, 2)).get(TEST_PAGE) === 2, 120_000);
});
after(async () => {
  const host = s ? new URL(s.endpoint).host : undefined;
  await s?.close();
  if (repo) rmSync(repo.path, { recursive: true, force: true });
  if (host) await removeImagesOf([host]);
  await docker
    .getImage('docker-svelte:latest')
    .remove({ force: true })
    .catch(() => undefined);
});

/** Waits until every answer of the load balancer is `body`. */
const answers = (body: string) =>
  waitFor(`the load balancer to answer ${body.trim()}`, async () => {
    const seen = await spread(url, 4);
    return seen.get(body) === 4 ? seen : undefined;
  });

test('a connection, CodeBuild writing imagedefinitions.json and an ECS deploy put the pushed page behind the load balancer', async () => {
  const git = gitIn(repo.path);
  const remote = `${s.endpoint}/_slipway/git/dev/docker-svelte.git`;
  await git('push', '-q', remote, 'HEAD:main');
  const connectionArn = (
    await awsCli(s.endpoint, ['codeconnections', 'create-connection', '--connection-name', 'svelte', '--provider-type', 'GitHub'])
  ).ConnectionArn as string;

  await cp.send(
    new CreatePipelineCommand({
      pipeline: pipeline(
        'docker-svelte',
        'seed000-artifacts',
        [
          stage('Source', {
            name: 'Source',
            actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
            configuration: { ConnectionArn: connectionArn, FullRepositoryId: 'dev/docker-svelte', BranchName: 'main' },
            outputArtifacts: [{ name: 'SourceArtifact' }],
          }),
          stage('Build', {
            name: 'Build',
            actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
            configuration: { ProjectName: 'docker-svelte-build' },
            inputArtifacts: [{ name: 'SourceArtifact' }],
            outputArtifacts: [{ name: 'BuildArtifact' }],
          }),
          stage('Deploy', {
            name: 'Deploy',
            actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'ECS', version: '1' },
            configuration: { ClusterName: 'default', ServiceName: 'docker-svelte-service', FileName: 'imagedefinitions.json' },
            inputArtifacts: [{ name: 'BuildArtifact' }],
          }),
        ],
        { pipelineType: 'V2' },
      ),
    }),
  );
  const first = await executionReaches(
    cp,
    'docker-svelte',
    await firstExecution(cp, 'docker-svelte'),
    ['Succeeded', 'Failed'],
    BUILD_TIMEOUT,
  );
  assert.equal(first.status, 'Succeeded', first.statusSummary);
  await answers('<h1>docker-svelte v1</h1>\n');
  const service = (await awsCli(s.endpoint, ['ecs', 'describe-services', '--services', 'docker-svelte-service'])).services[0];
  assert.match(service.taskDefinition, /docker-svelte:2$/);
  const td = (await awsCli(s.endpoint, ['ecs', 'describe-task-definition', '--task-definition', 'docker-svelte:2'])).taskDefinition;
  assert.equal(td.containerDefinitions[0].image, '000000000000.dkr.ecr.us-east-1.amazonaws.com/docker-svelte:latest');

  // A push that changes the page is a new execution, which deploys it.
  repo.commitMore({ 'index.html': '<h1>docker-svelte v2</h1>\n' }, 'v2');
  await git('push', '-q', remote, 'HEAD:main');
  const pushed = await waitFor('the push to start an execution', async () => {
    const all = (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'docker-svelte' }))).pipelineExecutionSummaries!;
    return all.length === 2 ? all[0] : undefined;
  });
  assert.equal(pushed.trigger?.triggerType, 'WebhookV2');
  assert.equal(pushed.sourceRevisions?.[0]?.revisionId, await git('rev-parse', 'HEAD'));
  const second = await executionReaches(cp, 'docker-svelte', pushed.pipelineExecutionId!, ['Succeeded', 'Failed'], BUILD_TIMEOUT);
  assert.equal(second.status, 'Succeeded', second.statusSummary);
  await answers('<h1>docker-svelte v2</h1>\n');
});
