/**
 * A blue/green deployment survives a crash: Slipway as a real process, killed with -9 while a
 * PAUSE hook holds green beside blue, comes back with the same service deployment, the same hook
 * awaiting action and the same containers (none started twice); continuing then finishes it.
 */
import {
  ContinueServiceDeploymentCommand,
  CreateServiceCommand,
  DescribeServiceDeploymentsCommand,
  ListServiceDeploymentsCommand,
  UpdateServiceCommand,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blueGreenBalancer, blueGreenGroups, registerVersion, slipwayProcessesForTests } from '../support/ecs.ts';
import { elbClient, get } from '../support/elb.ts';
import { docker, ecsClient, waitFor } from '../support/slipway.ts';

const FAMILY = 'bg-survivor';
const processes = slipwayProcessesForTests(FAMILY);

const running = async () =>
  (await docker.listContainers({ filters: { label: ['slipway.managed=true', `com.amazonaws.ecs.task-definition-family=${FAMILY}`] } }))
    .map((c) => c.Id)
    .sort();

test('kill -9 while a PAUSE hook holds a blue/green deployment: the restarted Slipway resumes it', async () => {
  let slipway = await processes.start();
  let ecs = ecsClient(slipway.endpoint);
  const { blue, green, rule, url } = await blueGreenGroups(elbClient(slipway.endpoint), 'survivor');
  const production = await rule(8000);
  const v1 = await registerVersion(ecs, FAMILY, 'v1');
  const v2 = await registerVersion(ecs, FAMILY, 'v2');
  await ecs.send(
    new CreateServiceCommand({
      serviceName: 'survivor',
      taskDefinition: v1,
      desiredCount: 2,
      deploymentConfiguration: { strategy: 'BLUE_GREEN', lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_SCALE_UP'] }] },
      loadBalancers: [blueGreenBalancer(blue, green, production)],
    }),
  );
  await waitFor('v1 in production', async () => (await get(url(8000))).body === 'v1\n', 60_000, 100);
  await ecs.send(new UpdateServiceCommand({ service: 'survivor', taskDefinition: v2 }));
  const arn = (await ecs.send(new ListServiceDeploymentsCommand({ service: 'survivor' }))).serviceDeployments![0].serviceDeploymentArn!;
  const describe = async (): Promise<ServiceDeployment> =>
    (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments![0];
  const paused = await waitFor(
    'paused',
    async () => {
      const sd = await describe();
      return sd.lifecycleHookDetails?.[0]?.status === 'AWAITING_ACTION' ? sd : undefined;
    },
    60_000,
    100,
  );
  const before = await running();
  assert.equal(before.length, 4, 'blue and green, two tasks each');

  await slipway.kill('SIGKILL');
  slipway = await processes.start();
  ecs = ecsClient(slipway.endpoint);
  const again = await describe();
  assert.equal(again.status, 'IN_PROGRESS');
  assert.equal(again.lifecycleStage, 'POST_SCALE_UP');
  assert.deepEqual(again.lifecycleHookDetails, paused.lifecycleHookDetails);
  await new Promise((r) => setTimeout(r, 1000));
  assert.deepEqual(await running(), before, 'the same containers, adopted; none started twice');
  assert.equal((await get(url(8000))).body, 'v1\n');

  await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: paused.lifecycleHookDetails![0].hookId! }));
  await waitFor('successful', async () => (await describe()).status === 'SUCCESSFUL', 60_000, 200);
  assert.equal((await get(url(8000))).body, 'v2\n');
});
