/**
 * The console in Chromium against a real Slipway, Docker and HAProxy: a CodeDeploy blue/green
 * deployment made with the aws CLI, whose page shows its lifecycle events, the test listener's
 * traffic on green, and the production traffic bar moving from blue to green through a canary
 * step, without a reload.
 */
import { CreateServiceCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ecsAppSpec } from '../support/codedeploy.ts';
import { elbClient, spread } from '../support/elb.ts';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import { awsCli, docker, freePort, startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';
import { browserForTests, keep, mark, stillMarked, waitForText } from './browser.ts';

const browser = browserForTests();
let s: TestSlipway;
before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 20 });
});
after(async () => {
  await s?.close();
});

async function taskDefinition(version: string): Promise<string> {
  const out = await s.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'console-bg',
      containerDefinitions: [
        {
          name: 'web',
          image: TEST_IMAGE,
          memory: 16,
          portMappings: [{ containerPort: 8080, hostPort: 0 }],
          command: ['sh', '-c', `echo ${version} > /www/index.html && exec httpd -f -p 8080 -h /www`],
        },
      ],
    }),
  );
  return out.taskDefinition!.taskDefinitionArn!;
}

describe('console: deployments', () => {
  it('shows a blue/green deployment moving production traffic through its canary step', async () => {
    const cli = (args: string[]) => awsCli(s.endpoint, args);
    const elb = elbClient(s.endpoint);
    const v1 = await taskDefinition('v1');
    const v2 = await taskDefinition('v2');
    const group = async (name: string) =>
      (
        await elb.send(
          new E.CreateTargetGroupCommand({
            Name: name,
            Protocol: 'HTTP',
            Port: 8080,
            VpcId: 'vpc-1',
            HealthCheckIntervalSeconds: 5,
            HealthCheckTimeoutSeconds: 2,
            HealthyThresholdCount: 2,
          }),
        )
      ).TargetGroups![0].TargetGroupArn!;
    const blue = await group('console-blue');
    await group('console-green');
    const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'console-bg' }))).LoadBalancers![0];
    const listener = async (port: number) =>
      (
        await elb.send(
          new E.CreateListenerCommand({
            LoadBalancerArn: lb.LoadBalancerArn,
            Port: port,
            DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }],
          }),
        )
      ).Listeners![0].ListenerArn!;
    const port = await freePort();
    const prod = await listener(port);
    const test = await listener(await freePort());
    await s.ecs.send(
      new CreateServiceCommand({
        serviceName: 'console-bg',
        taskDefinition: v1,
        desiredCount: 1,
        deploymentController: { type: 'CODE_DEPLOY' },
        loadBalancers: [{ targetGroupArn: blue, containerName: 'web', containerPort: 8080 }],
      }),
    );
    const url = `http://${lb.DNSName}:${port}/`;
    await waitFor('v1 through the listener', async () => (await spread(url, 4)).get('v1\n') === 4, 120_000, 200);

    await cli(['deploy', 'create-application', '--application-name', 'console-bg', '--compute-platform', 'ECS']);
    // Five (scaled) minutes at 20%: fifteen seconds to see the canary step on the page.
    await cli([
      'deploy',
      'create-deployment-config',
      '--deployment-config-name',
      'console-canary',
      '--compute-platform',
      'ECS',
      '--traffic-routing-config',
      '{"type":"TimeBasedCanary","timeBasedCanary":{"canaryPercentage":20,"canaryInterval":5}}',
    ]);
    await cli([
      'deploy',
      'create-deployment-group',
      '--application-name',
      'console-bg',
      '--deployment-group-name',
      'console-dg',
      '--service-role-arn',
      'arn:aws:iam::000000000000:role/ecsCodeDeployRole',
      '--deployment-config-name',
      'console-canary',
      '--deployment-style',
      'deploymentType=BLUE_GREEN,deploymentOption=WITH_TRAFFIC_CONTROL',
      '--ecs-services',
      'serviceName=console-bg,clusterName=default',
      '--load-balancer-info',
      JSON.stringify({
        targetGroupPairInfoList: [
          {
            targetGroups: [{ name: 'console-blue' }, { name: 'console-green' }],
            prodTrafficRoute: { listenerArns: [prod] },
            testTrafficRoute: { listenerArns: [test] },
          },
        ],
      }),
      '--blue-green-deployment-configuration',
      '{"terminateBlueInstancesOnDeploymentSuccess":{"action":"TERMINATE","terminationWaitTimeInMinutes":1}}',
    ]);
    const content = ecsAppSpec(v2);
    const { deploymentId } = await cli([
      'deploy',
      'create-deployment',
      '--application-name',
      'console-bg',
      '--deployment-group-name',
      'console-dg',
      '--revision',
      JSON.stringify({ revisionType: 'AppSpecContent', appSpecContent: { content } }),
    ]);

    const page = await browser().newPage({ viewport: { width: 1280, height: 1000 } });
    try {
      await page.goto(`${s.endpoint}/_slipway/console/deployments`);
      await page.getByRole('link', { name: deploymentId }).click();
      await page.waitForURL(new RegExp(`/deployments/${deploymentId}$`));
      await mark(page);
      const green = async () =>
        Number(await page.locator('.bar-part[data-name="Green"]').first().getAttribute('data-value', { timeout: 1000 }));
      await waitFor('the canary step on the bar', async () => (await green()) === 20, 120_000, 100);
      await waitForText(
        page,
        'table[aria-label="lifecycle events"]',
        (t) => t.includes('AllowTraffic') && t.includes('InProgress'),
        'AllowTraffic in progress',
      );
      const testGreen = Number(await page.locator('.bar[aria-label^="test"] .bar-part[data-name="Green"]').getAttribute('data-value'));
      assert.equal(testGreen, 100, 'the test listener sends all its traffic to the replacement before production shifts');
      await keep(page, 'deployment-canary-step');

      await waitFor('all production traffic on green', async () => (await green()) === 100, 120_000, 100);
      await waitForText(page, 'dl.facts', (t) => t.includes('Succeeded'), 'the deployment to succeed');
      assert.equal(await stillMarked(page), true, 'the page followed the deployment without a reload');
      assert.deepEqual([...(await spread(url, 8)).keys()], ['v2\n']);
      await keep(page, 'deployment-succeeded');
    } finally {
      await page.close();
    }
  });
});
