/**
 * ECS's own blue/green deployments on real Docker behind a real listener: green tasks come up in
 * the alternate target group while blue serves, a PAUSE hook holds the deployment until
 * ContinueServiceDeployment, then the test and production rules become weighted forwards to green
 * (green 100 / blue 0, as ECS leaves them), blue stops after the bake time and the groups swap
 * roles; StopServiceDeployment with ROLLBACK puts traffic back on blue and stops green.
 */
import {
  ContinueServiceDeploymentCommand,
  CreateServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ListServiceDeploymentsCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rejects } from '../../src/services/ecs/testing.ts';
import { blueGreenBalancer, blueGreenGroups, registerVersion, slipwayForTests } from '../support/ecs.ts';
import { elbClient, get, steadyLoad, targetStates } from '../support/elb.ts';
import { waitFor } from '../support/slipway.ts';

const slipwayUnderTest = slipwayForTests();

test('BLUE_GREEN: green comes up beside blue, a PAUSE hook holds it, traffic shifts, blue stops; a stop rolls back', async () => {
  const slipway = slipwayUnderTest();
  const ecs = slipway.ecs;
  const elb = elbClient(slipway.endpoint);
  const { blue, green, rule, url } = await blueGreenGroups(elb, 'bg');
  const production = await rule(8000);
  const testRule = await rule(8001);
  const prodUrl = url(8000);
  const testUrl = url(8001);
  const tds: string[] = [];
  for (const v of ['v1', 'v2', 'v3']) tds.push(await registerVersion(ecs, 'bg-web', v));
  const loadBalancers = [
    {
      targetGroupArn: blue,
      containerName: 'web',
      containerPort: 8080,
      advancedConfiguration: {
        alternateTargetGroupArn: green,
        productionListenerRule: production,
        testListenerRule: testRule,
        roleArn: 'arn:aws:iam::000000000000:role/ecs-elb',
      },
    },
  ];
  const deploymentConfiguration = {
    strategy: 'BLUE_GREEN' as const,
    bakeTimeInMinutes: 1,
    lifecycleHooks: [{ targetType: 'PAUSE' as const, lifecycleStages: ['POST_SCALE_UP' as const] }],
  };

  // Refused, naming the field: a hook Slipway cannot run, a load balancer without its alternate group.
  await rejects(
    ecs.send(
      new CreateServiceCommand({
        serviceName: 'bg',
        taskDefinition: tds[0],
        desiredCount: 2,
        loadBalancers,
        deploymentConfiguration: {
          ...deploymentConfiguration,
          lifecycleHooks: [
            {
              targetType: 'AWS_LAMBDA',
              hookTargetArn: 'arn:aws:lambda:us-east-1:000000000000:function:f',
              lifecycleStages: ['POST_SCALE_UP'],
            },
          ],
        },
      }),
    ),
    'InvalidParameterException',
    /lifecycleHooks\[0\]\.targetType AWS_LAMBDA/,
  );
  await rejects(
    ecs.send(
      new CreateServiceCommand({
        serviceName: 'bg',
        taskDefinition: tds[0],
        desiredCount: 2,
        deploymentConfiguration,
        loadBalancers: [{ targetGroupArn: blue, containerName: 'web', containerPort: 8080 }],
      }),
    ),
    'InvalidParameterException',
    /loadBalancers\[0\]\.advancedConfiguration must name an alternateTargetGroupArn/,
  );

  await ecs.send(
    new CreateServiceCommand({ serviceName: 'bg', taskDefinition: tds[0], desiredCount: 2, deploymentConfiguration, loadBalancers }),
  );
  await waitFor('v1 through the production rule', async () => (await get(prodUrl)).body === 'v1\n', 60_000, 100);
  // The next deployment starts from a settled service: the creation's own deployment has completed.
  await waitFor(
    "the creation's deployment successful",
    async () => (await ecs.send(new ListServiceDeploymentsCommand({ service: 'bg' }))).serviceDeployments?.[0]?.status === 'SUCCESSFUL',
    60_000,
    100,
  );

  const describe = async (arn: string): Promise<ServiceDeployment> =>
    (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments![0];
  await ecs.send(new UpdateServiceCommand({ service: 'bg', taskDefinition: tds[1] }));
  const [brief] = (await ecs.send(new ListServiceDeploymentsCommand({ service: 'bg' }))).serviceDeployments!;
  assert.equal(brief.status, 'IN_PROGRESS');
  const arn = brief.serviceDeploymentArn!;
  assert.match(arn, /^arn:aws:ecs:us-east-1:000000000000:service-deployment\/default\/bg\/[A-Za-z0-9]{22}$/);
  const paused = await waitFor(
    'the PAUSE hook awaiting action',
    async () => {
      const sd = await describe(arn);
      return sd.lifecycleStage === 'POST_SCALE_UP' && sd.lifecycleHookDetails?.[0]?.status === 'AWAITING_ACTION' ? sd : undefined;
    },
    60_000,
    100,
  );
  assert.equal(paused.lifecycleHookDetails![0].targetType, 'PAUSE');
  assert.equal(paused.lifecycleHookDetails![0].timeoutAction, 'ROLLBACK');
  const greenTargets = await targetStates(elb, green);
  assert.equal(greenTargets.filter((s) => s.endsWith(' healthy')).length, 2, `green up beside blue: ${greenTargets}`);
  assert.equal((await get(prodUrl)).body, 'v1\n', 'blue serves production while paused');
  assert.equal((await get(testUrl)).body, 'v1\n', 'no test traffic before POST_SCALE_UP is done');

  await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: paused.lifecycleHookDetails![0].hookId! }));
  await waitFor('v2 on the test rule', async () => (await get(testUrl)).body === 'v2\n', 30_000, 100);
  await waitFor('v2 in production', async () => (await get(prodUrl)).body === 'v2\n', 30_000, 100);
  const done = await waitFor(
    'the deployment successful',
    async () => {
      const sd = await describe(arn);
      return sd.status === 'SUCCESSFUL' ? sd : undefined;
    },
    60_000,
    200,
  );
  assert.equal(done.targetServiceRevision?.requestedProductionTrafficWeight, 100);
  const forward = (await elb.send(new E.DescribeRulesCommand({ RuleArns: [production] }))).Rules![0].Actions![0];
  assert.deepEqual(
    forward.ForwardConfig!.TargetGroups!.map((t) => [t.TargetGroupArn, t.Weight]),
    [
      [green, 100],
      [blue, 0],
    ],
    'a weighted forward, as ECS leaves it',
  );
  await waitFor('blue targets gone', async () => (await targetStates(elb, blue)).length === 0, 60_000, 200);
  const svc = (await ecs.send(new DescribeServicesCommand({ services: ['bg'] }))).services![0];
  assert.equal(svc.taskDefinition, tds[1]);
  assert.equal(svc.deployments!.length, 1);
  assert.equal(svc.deployments![0].rolloutState, 'COMPLETED');
  assert.equal(svc.loadBalancers![0].targetGroupArn, green, 'the groups swap roles');
  assert.equal(svc.loadBalancers![0].advancedConfiguration?.alternateTargetGroupArn, blue);

  // The next deployment comes up in the (now alternate) blue group; stopping it rolls back.
  await ecs.send(new UpdateServiceCommand({ service: 'bg', taskDefinition: tds[2] }));
  const next = (await ecs.send(new ListServiceDeploymentsCommand({ service: 'bg', status: ['IN_PROGRESS'] }))).serviceDeployments![0]
    .serviceDeploymentArn!;
  await waitFor('paused again', async () => (await describe(next)).lifecycleHookDetails?.[0]?.status === 'AWAITING_ACTION', 60_000, 100);
  assert.equal((await targetStates(elb, blue)).filter((s) => s.endsWith(' healthy')).length, 2, 'v3 up in blue');
  await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: next, stopType: 'ROLLBACK' }));
  const rolledBack = await waitFor(
    'rolled back',
    async () => {
      const sd = await describe(next);
      return sd.status === 'ROLLBACK_SUCCESSFUL' ? sd : undefined;
    },
    60_000,
    200,
  );
  assert.match(rolledBack.statusReason!, /StopServiceDeployment/);
  assert.ok(rolledBack.rollback?.startedAt);
  assert.equal((await get(prodUrl)).body, 'v2\n');
  const after = (await ecs.send(new DescribeServicesCommand({ services: ['bg'] }))).services![0];
  assert.equal(after.taskDefinition, tds[1]);
  assert.deepEqual(
    after.deployments!.map((d) => d.taskDefinition),
    [tds[1]],
  );
  await waitFor('v3 targets gone', async () => (await targetStates(elb, blue)).length === 0, 60_000, 200);
  await rejects(
    ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: next })),
    'InvalidParameterException',
    /ROLLBACK_SUCCESSFUL/,
  );
  const all = (await ecs.send(new ListServiceDeploymentsCommand({ service: 'bg' }))).serviceDeployments!.map((d) => d.status);
  assert.deepEqual(
    all,
    ['ROLLBACK_SUCCESSFUL', 'SUCCESSFUL', 'SUCCESSFUL'],
    'the creation of the service was a (rolling) service deployment too',
  );

  await ecs.send(new UpdateServiceCommand({ service: 'bg', desiredCount: 0 }));
});

test('CANARY: production holds green at the canary percent for its bake time, then moves the rest', async () => {
  const slipway = slipwayUnderTest();
  const ecs = slipway.ecs;
  const elb = elbClient(slipway.endpoint);
  const { blue, green, rule, url: at } = await blueGreenGroups(elb, 'canary');
  const production = await rule(8000);
  const v1 = await registerVersion(ecs, 'canary-web', 'c1');
  const v2 = await registerVersion(ecs, 'canary-web', 'c2');
  await rejects(
    ecs.send(
      new CreateServiceCommand({
        serviceName: 'canary',
        taskDefinition: v1,
        desiredCount: 1,
        deploymentConfiguration: { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 0.01 } },
      }),
    ),
    'InvalidParameterException',
    'canaryConfiguration.canaryPercent must be between 0.1 and 100 (got 0.01).',
  );
  await ecs.send(
    new CreateServiceCommand({
      serviceName: 'canary',
      taskDefinition: v1,
      desiredCount: 1,
      // 2 minutes of canary bake: 6 s at time scale 20.
      deploymentConfiguration: {
        strategy: 'CANARY',
        canaryConfiguration: { canaryPercent: 50, canaryBakeTimeInMinutes: 2 },
        bakeTimeInMinutes: 0,
      },
      loadBalancers: [blueGreenBalancer(blue, green, production)],
    }),
  );
  const url = at(8000);
  await waitFor('c1 in production', async () => (await get(url)).body === 'c1\n', 60_000, 100);
  await ecs.send(new UpdateServiceCommand({ service: 'canary', taskDefinition: v2 }));
  const weights = async () =>
    (await elb.send(new E.DescribeRulesCommand({ RuleArns: [production] }))).Rules![0].Actions![0].ForwardConfig!.TargetGroups!.map((g) => [
      g.TargetGroupArn,
      g.Weight,
    ]);
  await waitFor(
    'the canary step',
    async () =>
      JSON.stringify(await weights()) ===
      JSON.stringify([
        [green, 50],
        [blue, 50],
      ]),
    60_000,
    100,
  );
  const arn = (await ecs.send(new ListServiceDeploymentsCommand({ service: 'canary' }))).serviceDeployments![0].serviceDeploymentArn!;
  const during = (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments![0];
  assert.equal(during.lifecycleStage, 'PRODUCTION_TRAFFIC_SHIFT');
  assert.equal(during.targetServiceRevision?.requestedProductionTrafficWeight, 50);
  const bodies = new Set<string>();
  await waitFor(
    'both versions answer during the canary',
    async () => {
      bodies.add((await get(url)).body);
      return bodies.has('c1\n') && bodies.has('c2\n');
    },
    20_000,
    20,
  );
  await waitFor(
    'the rest moved',
    async () =>
      JSON.stringify(await weights()) ===
      JSON.stringify([
        [green, 100],
        [blue, 0],
      ]),
    60_000,
    100,
  );
  await waitFor(
    'successful',
    async () =>
      (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments![0].status ===
      'SUCCESSFUL',
    60_000,
    200,
  );
  assert.equal((await get(url)).body, 'c2\n');
  await ecs.send(new UpdateServiceCommand({ service: 'canary', desiredCount: 0 }));
});

test('BLUE_GREEN: replacement tasks that keep exiting roll the deployment back promptly; blue keeps serving', async () => {
  const slipway = slipwayUnderTest();
  const ecs = slipway.ecs;
  const elb = elbClient(slipway.endpoint);
  const { blue, green, rule, url } = await blueGreenGroups(elb, 'crash');
  const production = await rule(8000);
  const v1 = await registerVersion(ecs, 'crash-web', 'k1');
  const crashing = await registerVersion(ecs, 'crash-web', 'k2', { command: ['sh', '-c', 'exit 3'] });
  await ecs.send(
    new CreateServiceCommand({
      serviceName: 'crash',
      taskDefinition: v1,
      desiredCount: 2,
      deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 },
      loadBalancers: [blueGreenBalancer(blue, green, production)],
    }),
  );
  await waitFor('k1 in production', async () => (await get(url(8000))).body === 'k1\n', 60_000, 100);
  await ecs.send(new UpdateServiceCommand({ service: 'crash', taskDefinition: crashing }));
  const arn = (await ecs.send(new ListServiceDeploymentsCommand({ service: 'crash', status: ['IN_PROGRESS'] }))).serviceDeployments![0]
    .serviceDeploymentArn!;
  const rolledBack = await waitFor(
    'rolled back',
    async () => {
      const sd = (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments![0];
      return sd.status === 'ROLLBACK_SUCCESSFUL' ? sd : undefined;
    },
    60_000,
    200,
  );
  assert.match(rolledBack.statusReason!, /failed to start/);
  assert.equal(rolledBack.lifecycleStage, 'SCALE_UP');
  const svc = (await ecs.send(new DescribeServicesCommand({ services: ['crash'] }))).services![0];
  assert.equal(svc.taskDefinition, v1);
  assert.equal((await get(url(8000))).body, 'k1\n');
  await ecs.send(new UpdateServiceCommand({ service: 'crash', desiredCount: 0 }));
});

test('LINEAR: production hooks pause at every step (before and after each shift); under steady load no request fails', async () => {
  const slipway = slipwayUnderTest();
  const ecs = slipway.ecs;
  const elb = elbClient(slipway.endpoint);
  const { blue, green, rule, url } = await blueGreenGroups(elb, 'linear');
  const production = await rule(8000);
  const v1 = await registerVersion(ecs, 'linear-web', 'n1');
  const v2 = await registerVersion(ecs, 'linear-web', 'n2');
  await ecs.send(
    new CreateServiceCommand({
      serviceName: 'linear',
      taskDefinition: v1,
      desiredCount: 2,
      deploymentConfiguration: {
        strategy: 'LINEAR',
        linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 },
        bakeTimeInMinutes: 0,
        lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT'] }],
      },
      loadBalancers: [blueGreenBalancer(blue, green, production)],
    }),
  );
  await waitFor('n1 in production', async () => (await get(url(8000))).body === 'n1\n', 60_000, 100);
  const load = steadyLoad(url(8000), 4);
  await ecs.send(new UpdateServiceCommand({ service: 'linear', taskDefinition: v2 }));
  const arn = (await ecs.send(new ListServiceDeploymentsCommand({ service: 'linear', status: ['IN_PROGRESS'] }))).serviceDeployments![0]
    .serviceDeploymentArn!;
  const describe = async () =>
    (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments![0];
  // Each pause: the stage it holds and green's production weight then.
  const pauses: [string, number][] = [];
  const continued = new Set<string>();
  for (;;) {
    const sd = await waitFor(
      'the next hook, or the end',
      async () => {
        const now = await describe();
        const waiting = now.lifecycleHookDetails?.find((h) => h.status === 'AWAITING_ACTION' && !continued.has(h.hookId!));
        return waiting || now.status !== 'IN_PROGRESS' ? { now, waiting } : undefined;
      },
      60_000,
      100,
    );
    if (!sd.waiting) {
      assert.equal(sd.now.status, 'SUCCESSFUL');
      break;
    }
    pauses.push([sd.now.lifecycleStage!, sd.now.targetServiceRevision!.requestedProductionTrafficWeight!]);
    continued.add(sd.waiting.hookId!);
    await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: sd.waiting.hookId! }));
  }
  assert.deepEqual(pauses, [
    ['POST_TEST_TRAFFIC_SHIFT', 0],
    ['PRODUCTION_TRAFFIC_SHIFT', 50],
    ['PRODUCTION_TRAFFIC_SHIFT', 50],
    ['POST_PRODUCTION_TRAFFIC_SHIFT', 100],
  ]);
  await waitFor('blue targets gone', async () => (await targetStates(elb, blue)).length === 0, 60_000, 200);
  const stats = await load.stop();
  assert.deepEqual(stats.failures, [], 'no failed request while production moved in steps');
  assert.equal(stats.failed, 0);
  assert.ok((stats.bodies.get('n1\n') ?? 0) > 0 && (stats.bodies.get('n2\n') ?? 0) > 0, JSON.stringify([...stats.bodies]));
  assert.equal((await get(url(8000))).body, 'n2\n');
  await ecs.send(new UpdateServiceCommand({ service: 'linear', desiredCount: 0 }));
});

test('RECONCILE_SERVICE: a blue/green deployment started while a rolling one is under way reconciles first, holding on its hook', async () => {
  const slipway = slipwayUnderTest();
  const ecs = slipway.ecs;
  const elb = elbClient(slipway.endpoint);
  const { blue, green, rule, url } = await blueGreenGroups(elb, 'recon');
  const production = await rule(8000);
  const v1 = await registerVersion(ecs, 'recon-web', 'r1');
  const stuck = await registerVersion(ecs, 'recon-web', 'r2', {
    healthCheck: { command: ['CMD-SHELL', 'exit 1'], interval: 5, retries: 10 },
  });
  const v3 = await registerVersion(ecs, 'recon-web', 'r3');
  await ecs.send(
    new CreateServiceCommand({
      serviceName: 'recon',
      taskDefinition: v1,
      desiredCount: 2,
      loadBalancers: [{ targetGroupArn: blue, containerName: 'web', containerPort: 8080 }],
    }),
  );
  await waitFor('r1 in production', async () => (await get(url(8000))).body === 'r1\n', 60_000, 100);
  await waitFor(
    'the first deployment successful',
    async () => (await ecs.send(new ListServiceDeploymentsCommand({ service: 'recon' }))).serviceDeployments![0].status === 'SUCCESSFUL',
    60_000,
    100,
  );
  // A rolling deployment that cannot finish: two revisions active.
  await ecs.send(new UpdateServiceCommand({ service: 'recon', taskDefinition: stuck }));
  const [rolling] = (await ecs.send(new ListServiceDeploymentsCommand({ service: 'recon', status: ['IN_PROGRESS'] }))).serviceDeployments!;
  await ecs.send(
    new UpdateServiceCommand({
      service: 'recon',
      taskDefinition: v3,
      deploymentConfiguration: {
        strategy: 'BLUE_GREEN',
        bakeTimeInMinutes: 0,
        lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['RECONCILE_SERVICE'] }],
      },
      loadBalancers: [blueGreenBalancer(blue, green, production)],
    }),
  );
  const listed = (await ecs.send(new ListServiceDeploymentsCommand({ service: 'recon' }))).serviceDeployments!;
  assert.deepEqual(
    listed.map((d) => [d.status, d.targetServiceRevisionArn]),
    [
      ['IN_PROGRESS', v3],
      ['STOPPED', stuck],
      ['SUCCESSFUL', v1],
    ],
    'the rolling deployment is superseded',
  );
  assert.equal(listed[1].serviceDeploymentArn, rolling.serviceDeploymentArn);
  const arn = listed[0].serviceDeploymentArn!;
  const describe = async () =>
    (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments![0];
  const held = await waitFor(
    'the RECONCILE_SERVICE hook awaiting action',
    async () => {
      const sd = await describe();
      return sd.lifecycleHookDetails?.[0]?.status === 'AWAITING_ACTION' ? sd : undefined;
    },
    30_000,
    100,
  );
  assert.equal(held.lifecycleStage, 'RECONCILE_SERVICE');
  assert.equal((await targetStates(elb, green)).length, 0, 'no green task before reconciling is done');
  await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: held.lifecycleHookDetails![0].hookId! }));
  await waitFor('successful', async () => (await describe()).status === 'SUCCESSFUL', 90_000, 200);
  assert.equal((await get(url(8000))).body, 'r3\n');
  const svc = (await ecs.send(new DescribeServicesCommand({ services: ['recon'] }))).services![0];
  assert.deepEqual(
    svc.deployments!.map((d) => d.taskDefinition),
    [v3],
  );
  await ecs.send(new UpdateServiceCommand({ service: 'recon', desiredCount: 0 }));
});
