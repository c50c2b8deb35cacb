/**
 * The CodeDeployToECS action run in-process against a real Slipway, real containers and the real
 * load balancer: seed 002's taskdef.json (image <IMAGE1_NAME>) and appspec.yaml (<TASK_DEFINITION>)
 * with an imageDetail.json artifact become a registered revision and a blue/green deployment that
 * moves production to the new image; a resumed run waits for the same deployment; an abandoned
 * action stops its deployment; a missing placeholder or an unknown application fail saying so.
 */
import { CreateServiceCommand, DescribeTaskSetsCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import type { CodeDeployFacade } from '../../src/services/codedeploy/index.ts';
import { codedeployEcsAction } from '../../src/services/codepipeline/actions/codedeploy-ecs.ts';
import { ActionAborted } from '../../src/services/codepipeline/actions/outcomes.ts';
import type { ActionStarted, Artifact } from '../../src/services/codepipeline/actions/types.ts';
import type { EcsServicesFacade } from '../../src/services/ecs/index.ts';
import type { S3Facade } from '../../src/services/s3/index.ts';
import { forwardingListener, quickTargetGroup } from '../support/ecs.ts';
import { elbClient, spread } from '../support/elb.ts';
import { ensureTestImages, TEST_IMAGE, TEST_PAGE } from '../support/images.ts';
import { ARTIFACT_BUCKET, actionJob, artifactAt, putArtifact } from '../support/pipeline-actions.ts';
import { awsCli, docker, facadeOf, startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';

let s: TestSlipway;
let s3: S3Facade;
let url: string;
let action: ReturnType<typeof codedeployEcsAction>;
const GREEN_IMAGE = 'slipway-test/pipeactions-bg:v2';
const type = { category: 'Deploy', owner: 'AWS', provider: 'CodeDeployToECS', version: '1' } as const;
const cli = (args: string[]) => awsCli(s.endpoint, args);

/** Seed 002's taskdef.json, on this machine's terms: bridge networking, a dynamic host port, httpd on 8080. */
const TASKDEF = JSON.stringify(
  {
    executionRoleArn: 'arn:aws:iam::000000000000:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: 'nginx-website',
        image: '<IMAGE1_NAME>',
        essential: true,
        memory: 16,
        command: ['httpd', '-f', '-p', '8080', '-h', '/www'],
        portMappings: [{ hostPort: 0, protocol: 'tcp', containerPort: 8080 }],
      },
    ],
    family: 'ecs-taskdef',
  },
  null,
  2,
);
const APPSPEC = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: <TASK_DEFINITION>
        LoadBalancerInfo:
          ContainerName: "nginx-website"
          ContainerPort: 8080
`;

before(async () => {
  await ensureTestImages(docker);
  execFileSync('docker', ['build', '-q', '-t', GREEN_IMAGE, '-'], { input: `FROM ${TEST_IMAGE}\nRUN echo green > /www/index.html\n` });
  s = await startTestSlipway({ timeScale: 20 });
  s3 = facadeOf<S3Facade>(s.app, 's3');
  action = codedeployEcsAction({
    ecs: facadeOf<EcsServicesFacade>(s.app, 'ecs'),
    codedeploy: facadeOf<CodeDeployFacade>(s.app, 'codedeploy'),
    s3,
    clock: s.app.ctx.clock,
  });
  await cli(['s3api', 'create-bucket', '--bucket', ARTIFACT_BUCKET]);

  const elb = elbClient(s.endpoint);
  const blue = await quickTargetGroup(elb, 'pa-blue', 'instance', 8080);
  await quickTargetGroup(elb, 'pa-green', 'instance', 8080);
  const { listenerArn: listener, url: listenerUrl } = await forwardingListener(elb, 'pa-bg', blue);
  url = listenerUrl;
  const first = await s.ecs.send(new RegisterTaskDefinitionCommand(JSON.parse(TASKDEF.replace('<IMAGE1_NAME>', TEST_IMAGE))));
  await s.ecs.send(
    new CreateServiceCommand({
      serviceName: 'ecs-service',
      taskDefinition: first.taskDefinition!.taskDefinitionArn,
      desiredCount: 1,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: blue, containerName: 'nginx-website', containerPort: 8080 }],
    }),
  );
  await cli(['deploy', 'create-application', '--application-name', 'AppECS-default-ecs-service', '--compute-platform', 'ECS']);
  await cli([
    'deploy',
    'create-deployment-group',
    '--application-name',
    'AppECS-default-ecs-service',
    '--deployment-group-name',
    'DgpECS-default-ecs-service',
    '--service-role-arn',
    'arn:aws:iam::000000000000:role/ecsCodeDeployRole',
    '--deployment-config-name',
    'CodeDeployDefault.ECSAllAtOnce',
    '--deployment-style',
    'deploymentType=BLUE_GREEN,deploymentOption=WITH_TRAFFIC_CONTROL',
    '--ecs-services',
    'serviceName=ecs-service,clusterName=default',
    '--load-balancer-info',
    JSON.stringify({
      targetGroupPairInfoList: [
        { targetGroups: [{ name: 'pa-blue' }, { name: 'pa-green' }], prodTrafficRoute: { listenerArns: [listener] } },
      ],
    }),
    '--blue-green-deployment-configuration',
    '{"terminateBlueInstancesOnDeploymentSuccess":{"action":"TERMINATE","terminationWaitTimeInMinutes":0}}',
  ]);
  await waitFor('blue to answer', async () => (await spread(url, 4)).get(TEST_PAGE) === 4, 120_000);
});
after(async () => {
  await s?.close();
  await docker
    .getImage(GREEN_IMAGE)
    .remove({ force: true })
    .catch(() => undefined);
});

const configuration = {
  ApplicationName: 'AppECS-default-ecs-service',
  DeploymentGroupName: 'DgpECS-default-ecs-service',
  TaskDefinitionTemplateArtifact: 'SourceArtifact',
  AppSpecTemplateArtifact: 'SourceArtifact',
  Image1ArtifactName: 'ImageArtifact',
  Image1ContainerName: 'IMAGE1_NAME',
};

async function artifacts(taskdef = TASKDEF, image = GREEN_IMAGE): Promise<Artifact[]> {
  const source = artifactAt('SourceArtifact');
  const imageArtifact = artifactAt('ImageArtifact');
  await putArtifact(s3, source, { 'taskdef.json': taskdef, 'appspec.yaml': APPSPEC });
  await putArtifact(s3, imageArtifact, { 'imageDetail.json': JSON.stringify({ ImageURI: image, ImageTags: ['latest'], Version: '1.0' }) });
  return [source, imageArtifact];
}

test('taskdef.json and appspec.yaml with imageDetail.json: a new revision, a blue/green deployment, production on the new image', async () => {
  const job = actionJob(type, configuration, { inputArtifacts: await artifacts() });
  const reported: ActionStarted[] = [];
  const outcome = await action.run(job, (st) => reported.push(st));
  assert.equal(outcome.status, 'Succeeded', JSON.stringify(outcome));
  const id = reported[0]!.externalExecutionId;
  assert.match(id, /^d-[A-Z0-9]{9}$/);
  assert.equal(outcome.externalExecutionId, id);

  const info = (await cli(['deploy', 'get-deployment', '--deployment-id', id])).deploymentInfo;
  assert.equal(info.status, 'Succeeded');
  const content = info.revision.appSpecContent.content as string;
  assert.match(content, /TaskDefinition: arn:aws:ecs:us-east-1:000000000000:task-definition\/ecs-taskdef:2\n/);
  const td = (await cli(['ecs', 'describe-task-definition', '--task-definition', 'ecs-taskdef:2'])).taskDefinition;
  assert.equal(td.containerDefinitions[0].image, GREEN_IMAGE);
  const sets = (await s.ecs.send(new DescribeTaskSetsCommand({ cluster: 'default', service: 'ecs-service' }))).taskSets!;
  assert.ok(sets.some((t) => t.status === 'PRIMARY' && t.taskDefinition === td.taskDefinitionArn && t.externalId === id));
  assert.deepEqual([...(await spread(url, 8)).entries()], [['green\n', 8]]);

  const again = await action.run(job, () => assert.fail('a resumed run starts nothing'), reported[0]);
  assert.equal(again.status, 'Succeeded');
});

test('a missing placeholder, a missing file or an unknown application fail saying which', async () => {
  const run = async (inputs: Artifact[], more: Record<string, string> = {}) =>
    action.run(actionJob(type, { ...configuration, ...more }, { inputArtifacts: inputs }), () => assert.fail('nothing starts'));
  const noPlaceholder = await run(await artifacts(TASKDEF.replace('<IMAGE1_NAME>', TEST_IMAGE)));
  assert.equal(noPlaceholder.errorDetails?.message, 'The placeholder <IMAGE1_NAME> (Image1ContainerName) is not in taskdef.json');
  const noFile = await run(await artifacts(), { TaskDefinitionTemplatePath: 'deploy/taskdef.json' });
  assert.equal(
    noFile.errorDetails?.message,
    'Did not find the task definition file deploy/taskdef.json in the input artifact SourceArtifact',
  );
  const wrongArtifact = await run(await artifacts(), { AppSpecTemplateArtifact: 'BuildArtifact' });
  assert.match(wrongArtifact.errorDetails!.message, /^AppSpecTemplateArtifact BuildArtifact is not one of the action's input artifacts/);
  const noApp = await run(await artifacts(), { ApplicationName: 'absent' });
  assert.match(noApp.errorDetails!.message, /^ApplicationDoesNotExistException: /);
});

test('an abandoned action stops its deployment', async () => {
  const controller = new AbortController();
  const job = actionJob(type, configuration, { inputArtifacts: await artifacts(TASKDEF, TEST_IMAGE), signal: controller.signal });
  let id = '';
  const running = action.run(job, (st) => {
    id = st.externalExecutionId;
    controller.abort();
  });
  await assert.rejects(running, ActionAborted);
  const stopped = await waitFor(
    'the deployment stopped',
    async () => {
      const info = (await cli(['deploy', 'get-deployment', '--deployment-id', id])).deploymentInfo;
      return info.status === 'Stopped' || info.status === 'Succeeded' ? info : undefined;
    },
    120_000,
  );
  assert.equal(stopped.status, 'Stopped');
});
