/**
 * The task sets facade as its consumer drives it: a CodeDeploy ECS blue/green deployment of a
 * CODE_DEPLOY service, on real Docker behind a real listener, makes the green task set, moves the
 * listener to it and removes the blue one, leaving one PRIMARY set of the new task definition.
 */
import * as CD from '@aws-sdk/client-codedeploy';
import { CreateServiceCommand, DescribeServicesCommand, DescribeTaskSetsCommand } from '@aws-sdk/client-ecs';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { quickTargetGroup, registerVersion, slipwayForTests } from '../support/ecs.ts';
import { elbClient, get } from '../support/elb.ts';
import { clientConfig, waitFor } from '../support/slipway.ts';

const slipwayUnderTest = slipwayForTests();

test('a CodeDeploy blue/green deployment moves a CODE_DEPLOY service to a new task set', async () => {
  const slipway = slipwayUnderTest();
  const ecs = slipway.ecs;
  const elb = elbClient(slipway.endpoint);
  const codedeploy = new CD.CodeDeployClient(clientConfig(slipway.endpoint));
  const blue = await quickTargetGroup(elb, 'cd-blue', 'instance', 8080);
  const green = await quickTargetGroup(elb, 'cd-green', 'instance', 8080);
  const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'cd' }))).LoadBalancers![0];
  const listener = (
    await elb.send(
      new E.CreateListenerCommand({
        LoadBalancerArn: lb.LoadBalancerArn,
        Protocol: 'HTTP',
        Port: 8000,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }],
      }),
    )
  ).Listeners![0].ListenerArn!;
  const v1 = await registerVersion(ecs, 'cd-web', 'v1');
  const v2 = await registerVersion(ecs, 'cd-web', 'v2');
  await ecs.send(
    new CreateServiceCommand({
      serviceName: 'web',
      taskDefinition: v1,
      desiredCount: 2,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: blue, containerName: 'web', containerPort: 8080 }],
    }),
  );
  const url = `http://${lb.DNSName}:8000/`;
  await waitFor('v1 through the listener', async () => (await get(url)).body === 'v1\n', 60_000, 200);

  await codedeploy.send(new CD.CreateApplicationCommand({ applicationName: 'web', computePlatform: 'ECS' }));
  await codedeploy.send(
    new CD.CreateDeploymentGroupCommand({
      applicationName: 'web',
      deploymentGroupName: 'web-dg',
      serviceRoleArn: 'arn:aws:iam::000000000000:role/ecsCodeDeployRole',
      ecsServices: [{ clusterName: 'default', serviceName: 'web' }],
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      blueGreenDeploymentConfiguration: {
        deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT' },
        terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 1 },
      },
      loadBalancerInfo: {
        targetGroupPairInfoList: [
          { targetGroups: [{ name: 'cd-blue' }, { name: 'cd-green' }], prodTrafficRoute: { listenerArns: [listener] } },
        ],
      },
    }),
  );
  const appspec = JSON.stringify({
    version: 0,
    Resources: [
      {
        TargetService: {
          Type: 'AWS::ECS::Service',
          Properties: { TaskDefinition: v2, LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 8080 } },
        },
      },
    ],
  });
  const { deploymentId } = await codedeploy.send(
    new CD.CreateDeploymentCommand({
      applicationName: 'web',
      deploymentGroupName: 'web-dg',
      revision: {
        revisionType: 'AppSpecContent',
        appSpecContent: { content: appspec, sha256: createHash('sha256').update(appspec).digest('hex') },
      },
    }),
  );
  await waitFor('v2 through the listener', async () => (await get(url)).body === 'v2\n', 120_000, 200);
  const status = await waitFor(
    'the deployment finished',
    async () => {
      const s = (await codedeploy.send(new CD.GetDeploymentCommand({ deploymentId }))).deploymentInfo!.status!;
      return ['Succeeded', 'Failed', 'Stopped'].includes(s) ? s : undefined;
    },
    180_000,
    500,
  );
  assert.equal(status, 'Succeeded');
  const sets = await waitFor(
    'the blue set removed',
    async () => {
      const out = (await ecs.send(new DescribeTaskSetsCommand({ cluster: 'default', service: 'web' }))).taskSets!;
      return out.length === 1 ? out : undefined;
    },
    60_000,
    200,
  );
  assert.equal(sets[0].status, 'PRIMARY');
  assert.equal(sets[0].taskDefinition, v2);
  assert.equal(sets[0].externalId, deploymentId);
  assert.equal(sets[0].loadBalancers![0].targetGroupArn, green);
  const svc = (await ecs.send(new DescribeServicesCommand({ services: ['web'] }))).services![0];
  assert.equal(svc.taskDefinition, v2);
  assert.deepEqual(svc.deployments, []);
  assert.equal((await get(url)).body, 'v2\n');
  codedeploy.destroy();
});
