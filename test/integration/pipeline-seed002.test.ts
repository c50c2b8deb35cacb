/**
 * Seed 002 whole on a real Slipway: a CodeCommit repository holding examples/seed-002's
 * taskdef.json and appspec.yaml, an ECR repository whose `nginx` tag is the image, and a pipeline
 * of both sources → CodeDeployToECS (Image1ArtifactName / Image1ContainerName). A git push and a
 * docker push each start it; each execution is a blue/green deployment through CodeDeploy, and the
 * load balancer ends up answering the pushed image's page, without a failed request on the way.
 */
import { CreatePipelineCommand, ListPipelineExecutionsCommand, type CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { CreateServiceCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { codepipelineClient, executionReaches, firstExecution, gitIn, pipeline, stage } from '../support/codepipeline.ts';
import { createBuckets } from '../support/codebuild.ts';
import { ecsDeploymentGroup } from '../support/codedeploy.ts';
import { dockerCli, removeImagesOf } from '../support/ecr.ts';
import { blueGreenListeners } from '../support/ecs.ts';
import { elbClient, spread, steadyLoad } from '../support/elb.ts';
import { ensureTestImages } from '../support/images.ts';
import { awsCli, docker, freePort, startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';

const example = new URL('../../examples/seed-002/', import.meta.url).pathname;
const DEPLOY_TIMEOUT = 10 * 60_000;
const work = mkdtempSync(join(tmpdir(), 'slipway-seed002-'));
let s: TestSlipway;
let cp: CodePipelineClient;
let uri: string;
let url: string;
const cli = (command: string) => dockerCli(command, { dockerConfig: join(work, 'docker'), endpoint: s.endpoint });
const git = gitIn(join(work, 'repo'));

/** Builds examples/seed-002/image with `page` as its index.html and pushes it as the `nginx` tag. */
async function pushImage(page: string): Promise<void> {
  cpSync(join(example, 'image'), join(work, 'image'), { recursive: true });
  writeFileSync(join(work, 'image', 'index.html'), `${page}\n`);
  await cli(`docker build -q -t ${uri}:nginx '${work}/image' && docker push ${uri}:nginx`);
}

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 20 });
  cp = codepipelineClient(s.endpoint);
  await createBuckets(s.endpoint, 'seed002-artifacts');
  await awsCli(s.endpoint, ['codecommit', 'create-repository', '--repository-name', 'ecs-codepipeline']);
  uri = (await awsCli(s.endpoint, ['ecr', 'create-repository', '--repository-name', 'ecs-codepipeline-ecr-repo'])).repository.repositoryUri;
  await cli(`aws ecr get-login-password --endpoint-url "$ENDPOINT" | docker login --username AWS --password-stdin ${uri.split('/')[0]}`);
  await pushImage('<h1>nginx-website v1</h1>');

  // The service as the seed's console steps leave it: the task definition registered from taskdef.json, blue/green by CodeDeploy.
  const elb = elbClient(s.endpoint);
  const groups = await blueGreenListeners(elb, 'seed002');
  const port = await freePort();
  const listenerArn = await groups.listener(port);
  url = groups.url(port);
  const taskdef = JSON.parse(readFileSync(join(example, 'taskdef.json'), 'utf8').replace('<IMAGE1_NAME>', `${uri}:nginx`));
  await s.ecs.send(new RegisterTaskDefinitionCommand(taskdef));
  await s.ecs.send(
    new CreateServiceCommand({
      serviceName: 'ecs-service',
      taskDefinition: 'ecs-taskdef',
      desiredCount: 1,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: groups.blue, containerName: 'nginx-website', containerPort: 80 }],
    }),
  );
  await ecsDeploymentGroup(s.endpoint, {
    application: 'AppECS-default-ecs-service',
    group: 'DgpECS-default-ecs-service',
    service: 'ecs-service',
    targetGroups: ['seed002-blue', 'seed002-green'],
    listenerArn,
  });
  await answers('<h1>nginx-website v1</h1>\n');

  await gitIn(work)('init', '-q', '-b', 'main', 'repo');
  copyFileSync(join(example, 'taskdef.json'), join(work, 'repo', 'taskdef.json'));
  copyFileSync(join(example, 'appspec.yaml'), join(work, 'repo', 'appspec.yaml'));
  await git('add', '.');
  await git('commit', '-q', '-m', 'taskdef.json and appspec.yaml');
  await git('remote', 'add', 'origin', `${s.endpoint.replace('://', '://dev-at-000000000000:secret@')}/v1/repos/ecs-codepipeline`);
  await git('push', '-q', 'origin', 'main');
});
after(async () => {
  const host = s ? new URL(s.endpoint).host : undefined;
  await s?.close();
  if (host) await removeImagesOf([host]);
  rmSync(work, { recursive: true, force: true });
});

/** Waits until every answer of the load balancer is `body`. */
function answers(body: string) {
  return waitFor(
    `the load balancer to answer ${body.trim()}`,
    async () => {
      const seen = await spread(url, 4);
      return seen.get(body) === 4 ? seen : undefined;
    },
    120_000,
  );
}

/** Waits for the pipeline's execution number `n` (1 is CreatePipeline's) to start, then to end; returns both. */
async function execution(n: number) {
  const started = await waitFor(`execution ${n} to start`, async () => {
    const all = (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'ecs-codepipeline' }))).pipelineExecutionSummaries!;
    return all.length === n ? all[0] : undefined;
  });
  const ended = await executionReaches(cp, 'ecs-codepipeline', started.pipelineExecutionId!, ['Succeeded', 'Failed'], DEPLOY_TIMEOUT);
  return { started, ended };
}

/** The deployment the pipeline's CodeDeployToECS action ran in execution `id`, and the task definition it deployed. */
async function deploymentOf(id: string) {
  const { actionExecutionDetails } = await awsCli(s.endpoint, [
    'codepipeline',
    'list-action-executions',
    '--pipeline-name',
    'ecs-codepipeline',
    '--filter',
    `pipelineExecutionId=${id}`,
  ]);
  const deploy = actionExecutionDetails.find((d: { actionName: string }) => d.actionName === 'Deploy');
  const info = (
    await awsCli(s.endpoint, ['deploy', 'get-deployment', '--deployment-id', deploy.output.executionResult.externalExecutionId])
  ).deploymentInfo;
  const revision = info.revision.appSpecContent.content.match(/TaskDefinition: (\S+)/)[1];
  return {
    info,
    taskDefinition: (await awsCli(s.endpoint, ['ecs', 'describe-task-definition', '--task-definition', revision])).taskDefinition,
  };
}

/** The task definition of the service's PRIMARY task set. */
async function serving() {
  const service = (await awsCli(s.endpoint, ['ecs', 'describe-services', '--services', 'ecs-service'])).services[0];
  return service.taskSets.find((t: { status: string }) => t.status === 'PRIMARY').taskDefinition as string;
}

test('a git push of taskdef.json and a docker push of the image each deploy blue/green through CodeDeploy', async () => {
  await cp.send(
    new CreatePipelineCommand({
      pipeline: pipeline('ecs-codepipeline', 'seed002-artifacts', [
        stage(
          'Source',
          {
            name: 'Source',
            actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' },
            configuration: { RepositoryName: 'ecs-codepipeline', BranchName: 'main', PollForSourceChanges: 'false' },
            outputArtifacts: [{ name: 'SourceArtifact' }],
          },
          {
            name: 'Image',
            actionTypeId: { category: 'Source', owner: 'AWS', provider: 'ECR', version: '1' },
            configuration: { RepositoryName: 'ecs-codepipeline-ecr-repo', ImageTag: 'nginx' },
            outputArtifacts: [{ name: 'MyImage' }],
          },
        ),
        stage('Deploy', {
          name: 'Deploy',
          actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CodeDeployToECS', version: '1' },
          configuration: {
            ApplicationName: 'AppECS-default-ecs-service',
            DeploymentGroupName: 'DgpECS-default-ecs-service',
            TaskDefinitionTemplateArtifact: 'SourceArtifact',
            AppSpecTemplateArtifact: 'SourceArtifact',
            Image1ArtifactName: 'MyImage',
            Image1ContainerName: 'IMAGE1_NAME',
          },
          inputArtifacts: [{ name: 'SourceArtifact' }, { name: 'MyImage' }],
        }),
      ]),
    }),
  );
  const first = await executionReaches(
    cp,
    'ecs-codepipeline',
    await firstExecution(cp, 'ecs-codepipeline'),
    ['Succeeded', 'Failed'],
    DEPLOY_TIMEOUT,
  );
  assert.equal(first.status, 'Succeeded', first.statusSummary);

  // The seed's second trigger: an image pushed to the watched tag, deployed under steady load.
  const load = steadyLoad(url, 4);
  await pushImage('<h1>nginx-website v2</h1>');
  const byImage = await execution(2);
  assert.equal(byImage.started.trigger?.triggerType, 'CloudWatchEvent');
  assert.equal(byImage.ended.status, 'Succeeded', byImage.ended.statusSummary);
  const byImageDeployed = await deploymentOf(byImage.ended.pipelineExecutionId!);
  assert.equal(byImageDeployed.info.status, 'Succeeded');
  assert.equal(byImageDeployed.info.deploymentStyle.deploymentType, 'BLUE_GREEN');
  assert.match(byImageDeployed.taskDefinition.containerDefinitions[0].image, new RegExp(`^${uri}@sha256:[0-9a-f]{64}$`));
  assert.equal(await serving(), byImageDeployed.taskDefinition.taskDefinitionArn);
  await answers('<h1>nginx-website v2</h1>\n');
  const served = await load.stop();
  assert.equal(served.failed, 0, served.failures.join('\n'));
  assert.ok((served.bodies.get('<h1>nginx-website v2</h1>\n') ?? 0) > 0, 'the load saw the new page');

  // The first trigger: a push of a changed taskdef.json to the repository.
  const changed = readFileSync(join(example, 'taskdef.json'), 'utf8').replace('"memory": 32', '"memory": 48');
  writeFileSync(join(work, 'repo', 'taskdef.json'), changed);
  await git('commit', '-q', '-am', 'more memory');
  await git('push', '-q', 'origin', 'main');
  const byCommit = await execution(3);
  assert.equal(byCommit.started.trigger?.triggerType, 'CloudWatchEvent');
  assert.equal(byCommit.ended.status, 'Succeeded', byCommit.ended.statusSummary);
  const byCommitDeployed = await deploymentOf(byCommit.ended.pipelineExecutionId!);
  assert.equal(byCommitDeployed.taskDefinition.containerDefinitions[0].memory, 48);
  assert.equal(await serving(), byCommitDeployed.taskDefinition.taskDefinitionArn);
  await answers('<h1>nginx-website v2</h1>\n');
});
