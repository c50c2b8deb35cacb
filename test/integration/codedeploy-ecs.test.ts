/**
 * CodeDeploy blue/green end to end: a CODE_DEPLOY service on real Docker behind real HAProxy
 * listeners, deployed with the aws CLI. The test listener reaches green first, a hook is played
 * through PutLifecycleEventHookExecutionStatus, production traffic is measured through its listener
 * while the canary moves it (no request fails), and the original task set goes once all is on green;
 * a hook reporting Failed rolls the next deployment back through a rollback deployment.
 */
import { CreateServiceCommand, DescribeTaskSetsCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ecsAppSpec } from '../support/codedeploy.ts';
import { blueGreenListeners } from '../support/ecs.ts';
import { elbClient, spread, steadyLoad } from '../support/elb.ts';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import { awsCli, docker, startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';

let s: TestSlipway;
let elb: E.ElasticLoadBalancingV2Client;
const cli = (args: string[]) => awsCli(s.endpoint, args);

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 20 });
  elb = elbClient(s.endpoint);
});
after(async () => {
  elb?.destroy();
  await s?.close();
});

/** A task definition whose httpd answers `version` on 8080. */
async function taskDefinition(version: string): Promise<string> {
  const out = await s.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'bg-web',
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
  );
  return out.taskDefinition!.taskDefinitionArn!;
}

test('a canary blue/green deployment through the aws CLI: test traffic first, a hook, production moved without a failed request', async () => {
  const v1 = await taskDefinition('v1');
  const v2 = await taskDefinition('v2');
  const { blue, green, listener, url } = await blueGreenListeners(elb, 'bg');
  const prod = await listener(18701);
  const testRoute = await listener(18702);
  const prodUrl = url(18701);
  const testUrl = url(18702);

  await s.ecs.send(
    new CreateServiceCommand({
      serviceName: 'bg-web',
      taskDefinition: v1,
      desiredCount: 2,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: blue, containerName: 'web', containerPort: 8080 }],
    }),
  );
  await waitFor('v1 through the production listener', async () => (await spread(prodUrl, 20)).get('v1\n') === 20, 120_000, 200);

  await cli(['deploy', 'create-application', '--application-name', 'bg', '--compute-platform', 'ECS']);
  await cli([
    'deploy',
    'create-deployment-config',
    '--deployment-config-name',
    'canary-20-2',
    '--compute-platform',
    'ECS',
    '--traffic-routing-config',
    '{"type":"TimeBasedCanary","timeBasedCanary":{"canaryPercentage":20,"canaryInterval":2}}',
  ]);
  await cli([
    'deploy',
    'create-deployment-group',
    '--application-name',
    'bg',
    '--deployment-group-name',
    'bg-dg',
    '--service-role-arn',
    'arn:aws:iam::000000000000:role/ecsCodeDeployRole',
    '--deployment-config-name',
    'canary-20-2',
    '--deployment-style',
    'deploymentType=BLUE_GREEN,deploymentOption=WITH_TRAFFIC_CONTROL',
    '--ecs-services',
    'serviceName=bg-web,clusterName=default',
    '--load-balancer-info',
    JSON.stringify({
      targetGroupPairInfoList: [
        {
          targetGroups: [{ name: 'bg-blue' }, { name: 'bg-green' }],
          prodTrafficRoute: { listenerArns: [prod] },
          testTrafficRoute: { listenerArns: [testRoute] },
        },
      ],
    }),
    '--blue-green-deployment-configuration',
    '{"terminateBlueInstancesOnDeploymentSuccess":{"action":"TERMINATE","terminationWaitTimeInMinutes":1}}',
  ]);

  const load = steadyLoad(prodUrl, 4);
  const content = ecsAppSpec(v2, 'Hooks:\n  - AfterAllowTestTraffic: "SmokeTest"\n');
  const { deploymentId } = await cli([
    'deploy',
    'create-deployment',
    '--application-name',
    'bg',
    '--deployment-group-name',
    'bg-dg',
    '--revision',
    JSON.stringify({ revisionType: 'AppSpecContent', appSpecContent: { content } }),
  ]);
  assert.match(deploymentId, /^d-[A-Z0-9]{9}$/);
  const target = async () =>
    (await cli(['deploy', 'get-deployment-target', '--deployment-id', deploymentId, '--target-id', 'default:bg-web'])).deploymentTarget
      .ecsTarget;

  // The hook waits; its execution id is in the event's diagnostics. Test traffic already reaches green, production does not.
  const message = await waitFor(
    'the hook waiting',
    async () => {
      const event = (await target()).lifecycleEvents.find(
        (e: { lifecycleEventName: string }) => e.lifecycleEventName === 'AfterAllowTestTraffic',
      );
      return event.status === 'InProgress' ? (event.diagnostics.message as string) : undefined;
    },
    120_000,
    200,
  );
  assert.deepEqual([...(await spread(testUrl, 20)).keys()], ['v2\n']);
  assert.deepEqual([...(await spread(prodUrl, 40)).keys()], ['v1\n']);
  const executionId = /LifecycleEventHookExecutionId (\S+)\./.exec(message)![1];
  await cli([
    'deploy',
    'put-lifecycle-event-hook-execution-status',
    '--deployment-id',
    deploymentId,
    '--lifecycle-event-hook-execution-id',
    executionId,
    '--status',
    'Succeeded',
  ]);

  // The canary: 20% of production on green for two (scaled) minutes.
  await waitFor(
    'the canary step',
    async () =>
      (await target()).taskSetsInfo.some(
        (t: { taskSetLabel: string; trafficWeight: number }) => t.taskSetLabel === 'Green' && t.trafficWeight === 20,
      ),
    60_000,
    100,
  );
  const canary = await spread(prodUrl, { ms: 1000 });
  // A short window, counted by body: the canary lasts 6 s here, and a slow machine sends few requests in it.
  const [onBlue, onGreen] = [canary.get('v1\n') ?? 0, canary.get('v2\n') ?? 0];
  assert.ok(onGreen > 0 && onBlue > 2 * onGreen, `during the canary (20% to green): ${JSON.stringify([...canary])}`);

  const done = await waitFor(
    'Succeeded',
    async () => {
      const d = (await cli(['deploy', 'get-deployment', '--deployment-id', deploymentId])).deploymentInfo;
      return d.status === 'Succeeded' ? d : undefined;
    },
    120_000,
    250,
  );
  assert.equal(done.instanceTerminationWaitTimeStarted, true);
  const stats = await load.stop();
  assert.deepEqual(stats.failures, [], 'no failed request while traffic moved');
  assert.ok((stats.bodies.get('v1\n') ?? 0) > 0 && (stats.bodies.get('v2\n') ?? 0) > 0);
  assert.deepEqual([...(await spread(prodUrl, 40)).keys()], ['v2\n']);

  // The original set drains, then goes.
  const sets = await waitFor(
    'blue gone',
    async () => {
      const all = (await s.ecs.send(new DescribeTaskSetsCommand({ cluster: 'default', service: 'bg-web' }))).taskSets!;
      return all.length === 1 ? all : undefined;
    },
    60_000,
    250,
  );
  assert.deepEqual(
    sets.map((x) => [x.taskDefinition, x.status, x.externalId]),
    [[v2, 'PRIMARY', deploymentId]],
  );
  const forward = (await elb.send(new E.DescribeListenersCommand({ ListenerArns: [prod] }))).Listeners![0].DefaultActions![0].ForwardConfig!
    .TargetGroups!;
  assert.deepEqual(
    forward.map((t) => [t.TargetGroupArn, t.Weight]).sort(),
    [
      [blue, 0],
      [green, 100],
    ].sort(),
    'a weighted forward stays, green at 100',
  );
});

test('a hook that reports Failed rolls back: a rollback deployment puts all traffic back on the original set and removes the replacement', async () => {
  // The previous test left v2 on the group now serving production; v3 is deployed to the other one and fails.
  const v3 = await taskDefinition('v3');
  const prodUrl = `http://${(await elb.send(new E.DescribeLoadBalancersCommand({ Names: ['bg'] }))).LoadBalancers![0].DNSName}:18701/`;
  await cli([
    'deploy',
    'update-deployment-group',
    '--application-name',
    'bg',
    '--current-deployment-group-name',
    'bg-dg',
    '--auto-rollback-configuration',
    'enabled=true,events=DEPLOYMENT_FAILURE',
    '--deployment-config-name',
    'CodeDeployDefault.ECSAllAtOnce',
  ]);
  const load = steadyLoad(prodUrl, 4);
  const { deploymentId } = await cli([
    'deploy',
    'create-deployment',
    '--application-name',
    'bg',
    '--deployment-group-name',
    'bg-dg',
    '--revision',
    JSON.stringify({
      revisionType: 'AppSpecContent',
      appSpecContent: { content: ecsAppSpec(v3, 'Hooks:\n  - AfterAllowTraffic: "Verify"\n') },
    }),
  ]);
  const message = await waitFor(
    'the AfterAllowTraffic hook waiting',
    async () => {
      const events = (await cli(['deploy', 'get-deployment-target', '--deployment-id', deploymentId, '--target-id', 'default:bg-web']))
        .deploymentTarget.ecsTarget.lifecycleEvents;
      const event = events.find((e: { lifecycleEventName: string }) => e.lifecycleEventName === 'AfterAllowTraffic');
      return event.status === 'InProgress' ? (event.diagnostics.message as string) : undefined;
    },
    120_000,
    200,
  );
  assert.deepEqual([...(await spread(prodUrl, 40)).keys()], ['v3\n'], 'all traffic on v3 while the hook runs');
  const executionId = /LifecycleEventHookExecutionId (\S+)\./.exec(message)![1];
  await cli([
    'deploy',
    'put-lifecycle-event-hook-execution-status',
    '--deployment-id',
    deploymentId,
    '--lifecycle-event-hook-execution-id',
    executionId,
    '--status',
    'Failed',
  ]);

  const failed = await waitFor(
    'Failed, with its rollback Succeeded',
    async () => {
      const d = (await cli(['deploy', 'get-deployment', '--deployment-id', deploymentId])).deploymentInfo;
      const rollback = d.rollbackInfo?.rollbackDeploymentId;
      if (d.status !== 'Failed' || !rollback) return undefined;
      const r = (await cli(['deploy', 'get-deployment', '--deployment-id', rollback])).deploymentInfo;
      return r.status === 'Succeeded' ? { d, r } : undefined;
    },
    120_000,
    250,
  );
  assert.equal(failed.d.errorInformation.code, 'HOOK_EXECUTION_FAILURE');
  assert.equal(failed.r.creator, 'codeDeployRollback');
  assert.equal(failed.r.rollbackInfo.rollbackTriggeringDeploymentId, deploymentId);
  assert.deepEqual([...(await spread(prodUrl, 40)).keys()], ['v2\n'], 'all traffic back on v2');
  const stats = await load.stop();
  assert.deepEqual(stats.failures, [], 'no failed request through the deployment and its rollback');
  const sets = await waitFor(
    'v3 gone',
    async () => {
      const all = (await s.ecs.send(new DescribeTaskSetsCommand({ cluster: 'default', service: 'bg-web' }))).taskSets!;
      return all.length === 1 ? all : undefined;
    },
    60_000,
    250,
  );
  assert.equal(sets[0].status, 'PRIMARY');
  assert.notEqual(sets[0].taskDefinition, v3);
});
