/**
 * The console in Chromium against a real Slipway, git, Docker and HAProxy: a pipeline of a CodeCommit
 * source and a CodeDeployToECS deploy. A `git push` turns the source stage green in the open page;
 * the deploy action links to its CodeDeploy deployment, whose production traffic bar moves from blue
 * to green through a canary step; the pipeline's page then shows both stages Succeeded.
 */
import { CreateServiceCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pipeline, stage } from '../support/codepipeline.ts';
import { forwardingListener, quickTargetGroup } from '../support/ecs.ts';
import { elbClient, spread } from '../support/elb.ts';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import { awsCli, docker, startTestSlipway, type TestSlipway, waitFor } from '../support/slipway.ts';
import { browserForTests, keep, mark, stillMarked, waitForText } from './browser.ts';
import { pushFirstCommit, stageReaches } from './pipeline-page.ts';

const browser = browserForTests();
const BUCKET = 'console-deploy-artifacts';
let s: TestSlipway;
let url: string;
const cli = (args: string[]) => awsCli(s.endpoint, args);

const taskdef = (version: string) => ({
  family: 'console-deploy',
  containerDefinitions: [
    {
      name: 'web',
      image: TEST_IMAGE,
      essential: true,
      memory: 16,
      portMappings: [{ containerPort: 8080, hostPort: 0, protocol: 'tcp' as const }],
      command: ['sh', '-c', `echo ${version} > /www/index.html && exec httpd -f -p 8080 -h /www`],
    },
  ],
});
const APPSPEC = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: <TASK_DEFINITION>
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 8080
`;

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 20 });
  const elb = elbClient(s.endpoint);
  const blue = await quickTargetGroup(elb, 'cdp-blue', 'instance', 8080);
  await quickTargetGroup(elb, 'cdp-green', 'instance', 8080);
  const listener = await forwardingListener(elb, 'cdp', blue);
  url = listener.url;
  const v1 = await s.ecs.send(new RegisterTaskDefinitionCommand(taskdef('v1')));
  await s.ecs.send(
    new CreateServiceCommand({
      serviceName: 'console-deploy',
      taskDefinition: v1.taskDefinition!.taskDefinitionArn,
      desiredCount: 1,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: blue, containerName: 'web', containerPort: 8080 }],
    }),
  );
  await cli(['deploy', 'create-application', '--application-name', 'console-deploy', '--compute-platform', 'ECS']);
  // Five (scaled) minutes at 20%: fifteen seconds to see the canary step on the page.
  await cli([
    'deploy',
    'create-deployment-config',
    '--deployment-config-name',
    'console-deploy-canary',
    '--compute-platform',
    'ECS',
    '--traffic-routing-config',
    '{"type":"TimeBasedCanary","timeBasedCanary":{"canaryPercentage":20,"canaryInterval":5}}',
  ]);
  await cli([
    'deploy',
    'create-deployment-group',
    '--application-name',
    'console-deploy',
    '--deployment-group-name',
    'console-deploy-dg',
    '--service-role-arn',
    'arn:aws:iam::000000000000:role/ecsCodeDeployRole',
    '--deployment-config-name',
    'console-deploy-canary',
    '--deployment-style',
    'deploymentType=BLUE_GREEN,deploymentOption=WITH_TRAFFIC_CONTROL',
    '--ecs-services',
    'serviceName=console-deploy,clusterName=default',
    '--load-balancer-info',
    JSON.stringify({
      targetGroupPairInfoList: [
        { targetGroups: [{ name: 'cdp-blue' }, { name: 'cdp-green' }], prodTrafficRoute: { listenerArns: [listener.listenerArn] } },
      ],
    }),
    '--blue-green-deployment-configuration',
    '{"terminateBlueInstancesOnDeploymentSuccess":{"action":"TERMINATE","terminationWaitTimeInMinutes":0}}',
  ]);
  await cli(['s3api', 'create-bucket', '--bucket', BUCKET]);
  await cli(['codecommit', 'create-repository', '--repository-name', 'console-deploy']);
  await waitFor('v1 through the listener', async () => (await spread(url, 4)).get('v1\n') === 4, 120_000, 200);
});
after(async () => {
  await s?.close();
});

describe('console: a pipeline that deploys', () => {
  it('turns green stage by stage on a git push while the deployment moves production traffic from blue to green', async () => {
    const declaration = pipeline('console-deploy', BUCKET, [
      stage('Source', {
        name: 'Source',
        actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' },
        configuration: { RepositoryName: 'console-deploy', BranchName: 'main', PollForSourceChanges: 'false' },
        outputArtifacts: [{ name: 'SourceArtifact' }],
      }),
      stage('Deploy', {
        name: 'Deploy',
        actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CodeDeployToECS', version: '1' },
        configuration: {
          ApplicationName: 'console-deploy',
          DeploymentGroupName: 'console-deploy-dg',
          TaskDefinitionTemplateArtifact: 'SourceArtifact',
          AppSpecTemplateArtifact: 'SourceArtifact',
        },
        inputArtifacts: [{ name: 'SourceArtifact' }],
      }),
    ]);
    await cli(['codepipeline', 'create-pipeline', '--pipeline', JSON.stringify(declaration)]);
    const page = await browser().newPage({ viewport: { width: 1280, height: 1000 } });
    try {
      await page.goto(`${s.endpoint}/_slipway/console/pipelines/console-deploy`);
      // The repository has no branch yet: the first execution fails at the source.
      await stageReaches(page, 'Source', 'Failed');
      await mark(page);

      const files = { 'taskdef.json': JSON.stringify(taskdef('v2'), null, 2), 'appspec.yaml': APPSPEC };
      await pushFirstCommit(s.endpoint, join(s.dataDir, 'work'), 'console-deploy', files, 'version 2');

      await stageReaches(page, 'Source', 'Succeeded');
      await stageReaches(page, 'Deploy', 'InProgress');
      const link = page.locator('article[data-action="Deploy"] a');
      await link.waitFor({ timeout: 90_000 });
      assert.equal(await stillMarked(page), true, 'the page followed the push without a reload');
      await keep(page, 'pipeline-deploying');

      const deploymentId = ((await link.textContent()) ?? '').trim();
      assert.match(deploymentId, /^d-[A-Z0-9]{9}$/);
      await link.click();
      await page.waitForURL(new RegExp(`/deployments/${deploymentId}$`));
      const green = async () =>
        Number(await page.locator('.bar-part[data-name="Green"]').first().getAttribute('data-value', { timeout: 1000 }));
      await waitFor('the canary step on the bar', async () => (await green()) === 20, 120_000, 100);
      await keep(page, 'pipeline-deployment-canary');
      await waitFor('all production traffic on green', async () => (await green()) === 100, 120_000, 100);
      await waitForText(page, 'dl.facts', (t) => t.includes('Succeeded'), 'the deployment to succeed', 120_000);
      assert.deepEqual([...(await spread(url, 8)).keys()], ['v2\n']);

      await page.goBack();
      await stageReaches(page, 'Deploy', 'Succeeded', 120_000);
      await waitForText(page, 'table[aria-label="execution history"] tbody tr', (t) => t.includes('Succeeded'), 'the execution succeeded');
      await keep(page, 'pipeline-deployed');
    } finally {
      await page.close();
    }
  });
});
