/**
 * Nothing a deployment accepted is lost: Slipway as a real process, killed with -9 in the middle of
 * a linear traffic shift and again during the termination wait. While it is down the listener
 * keeps its weights (both versions answer); the restarted Slipway finds both task sets and the
 * weights as they were, goes on from the step it had reached, and the deployment succeeds.
 */
import * as CD from '@aws-sdk/client-codedeploy';
import { CreateServiceCommand, DescribeTaskSetsCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ecsAppSpec } from '../support/codedeploy.ts';
import { slipwayProcessesForTests } from '../support/ecs.ts';
import { elbClient, spread } from '../support/elb.ts';
import { TEST_IMAGE } from '../support/images.ts';
import { clientConfig, ecsClient, waitFor } from '../support/slipway.ts';

const FAMILY = 'cd-survivor';
const processes = slipwayProcessesForTests(FAMILY);

function clients(endpoint: string) {
  return { ecs: ecsClient(endpoint), elb: elbClient(endpoint), cd: new CD.CodeDeployClient(clientConfig(endpoint)) };
}

test('kill -9 mid-shift and during the termination wait: the restarted Slipway goes on from where it stood', async () => {
  let slipway = await processes.start();
  let c = clients(slipway.endpoint);
  const tg = async (name: string) =>
    (
      await c.elb.send(
        new E.CreateTargetGroupCommand({
          Name: name,
          Protocol: 'HTTP',
          Port: 8080,
          VpcId: 'vpc-1',
          TargetType: 'instance',
          HealthCheckIntervalSeconds: 5,
          HealthCheckTimeoutSeconds: 2,
          HealthyThresholdCount: 2,
        }),
      )
    ).TargetGroups![0].TargetGroupArn!;
  const blue = await tg('survivor-blue');
  const green = await tg('survivor-green');
  const lb = (await c.elb.send(new E.CreateLoadBalancerCommand({ Name: 'survivor' }))).LoadBalancers![0];
  const listener = (
    await c.elb.send(
      new E.CreateListenerCommand({
        LoadBalancerArn: lb.LoadBalancerArn,
        Protocol: 'HTTP',
        Port: 18801,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }],
      }),
    )
  ).Listeners![0].ListenerArn!;
  const url = `http://${lb.DNSName}:18801/`;
  const td = async (version: string) =>
    (
      await c.ecs.send(
        new RegisterTaskDefinitionCommand({
          family: FAMILY,
          containerDefinitions: [
            {
              name: 'web',
              image: TEST_IMAGE,
              memory: 16,
              cpu: 64,
              portMappings: [{ containerPort: 8080, hostPort: 0 }],
              command: ['sh', '-c', `echo ${version} > /www/index.html && exec httpd -f -p 8080 -h /www`],
            },
          ],
        }),
      )
    ).taskDefinition!.taskDefinitionArn!;
  const v1 = await td('v1');
  const v2 = await td('v2');
  await c.ecs.send(
    new CreateServiceCommand({
      serviceName: 'survivor',
      taskDefinition: v1,
      desiredCount: 1,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: blue, containerName: 'web', containerPort: 8080 }],
    }),
  );
  await waitFor('v1 answers', async () => (await spread(url, 10)).get('v1\n') === 10, 120_000, 200);

  await c.cd.send(new CD.CreateApplicationCommand({ applicationName: 'survivor', computePlatform: 'ECS' }));
  await c.cd.send(
    new CD.CreateDeploymentGroupCommand({
      applicationName: 'survivor',
      deploymentGroupName: 'survivor',
      serviceRoleArn: 'arn:aws:iam::000000000000:role/cd',
      deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      ecsServices: [{ serviceName: 'survivor', clusterName: 'default' }],
      loadBalancerInfo: {
        targetGroupPairInfoList: [
          { targetGroups: [{ name: 'survivor-blue' }, { name: 'survivor-green' }], prodTrafficRoute: { listenerArns: [listener] } },
        ],
      },
      blueGreenDeploymentConfiguration: {
        terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 3 },
      },
    }),
  );
  const content = ecsAppSpec(v2);
  const { deploymentId } = await c.cd.send(
    new CD.CreateDeploymentCommand({
      applicationName: 'survivor',
      deploymentGroupName: 'survivor',
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content } },
    }),
  );

  const greenWeight = async () => {
    const forward =
      (await c.elb.send(new E.DescribeListenersCommand({ ListenerArns: [listener] }))).Listeners![0].DefaultActions![0].ForwardConfig
        ?.TargetGroups ?? [];
    return forward.find((t) => t.TargetGroupArn === green)?.Weight ?? 0;
  };
  const setIds = async () =>
    (await c.ecs.send(new DescribeTaskSetsCommand({ cluster: 'default', service: 'survivor' }))).taskSets!.map((x) => x.id!).sort();

  // Mid-shift: some traffic on green, not all of it.
  const reached = await waitFor(
    'a step of the shift',
    async () => {
      const w = await greenWeight();
      return w >= 20 && w <= 60 ? w : undefined;
    },
    120_000,
    100,
  );
  const sets = await setIds();
  assert.equal(sets.length, 2);
  await slipway.kill('SIGKILL');

  // The data plane outlives the control plane: both versions still answer, by the weights set.
  const whileDown = await spread(url, 100);
  assert.ok(
    (whileDown.get('v1\n') ?? 0) > 0 && (whileDown.get('v2\n') ?? 0) > 0,
    `while Slipway is down: ${JSON.stringify([...whileDown])}`,
  );

  slipway = await processes.start();
  c = clients(slipway.endpoint);
  const resumed = await greenWeight();
  assert.ok(resumed >= reached && resumed <= reached + 10, `weights as they were (${reached}% on green), found ${resumed}%`);
  assert.deepEqual(await setIds(), sets, 'both task sets, and no second green');

  // Then the termination wait: the target has succeeded, the deployment waits to remove blue.
  await waitFor(
    'the termination wait',
    async () => {
      const d = (await c.cd.send(new CD.GetDeploymentCommand({ deploymentId }))).deploymentInfo!;
      return d.status === 'InProgress' && d.instanceTerminationWaitTimeStarted;
    },
    120_000,
    100,
  );
  assert.equal(await greenWeight(), 100);
  await slipway.kill('SIGKILL');
  slipway = await processes.start();
  c = clients(slipway.endpoint);
  assert.deepEqual(await setIds(), sets, 'blue still there after the restart');

  const done = await waitFor(
    'Succeeded',
    async () => {
      const d = (await c.cd.send(new CD.GetDeploymentCommand({ deploymentId }))).deploymentInfo!;
      return d.status === 'Succeeded' ? d : undefined;
    },
    120_000,
    200,
  );
  assert.equal(done.errorInformation, undefined);
  await waitFor('blue removed', async () => (await setIds()).length === 1, 60_000, 250);
  assert.deepEqual([...(await spread(url, 40)).keys()], ['v2\n']);
  for (const client of Object.values(c)) client.destroy();
});
