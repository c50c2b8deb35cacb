/**
 * Task sets on real Docker behind real target groups. Seed 002's CODE_DEPLOY service, made with
 * the aws CLI from its own create-service.json, runs its PRIMARY task set in its target group and
 * answers through the listener; an EXTERNAL service's blue and green sets each keep their own
 * target group, and a deleted set's targets drain before its tasks stop.
 */
import {
  CreateServiceCommand,
  CreateTaskSetCommand,
  DeleteServiceCommand,
  DeleteTaskSetCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  DescribeTaskSetsCommand,
  ListTasksCommand,
  UpdateServiceCommand,
  UpdateServicePrimaryTaskSetCommand,
} from '@aws-sdk/client-ecs';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { quickTargetGroup, registerVersion, slipwayForTests } from '../support/ecs.ts';
import { elbClient, get, targetStates } from '../support/elb.ts';
import { TEST_IMAGE, TEST_PAGE } from '../support/images.ts';
import { awsCli, waitFor } from '../support/slipway.ts';

const slipwayUnderTest = slipwayForTests();

/** Seed 002's taskdef.json; only its image (no registry is reachable here) and the command serving port 80 differ. */
const seedTaskDef = {
  executionRoleArn: 'arn:aws:iam::000000000000:role/ecsTaskExecutionRole',
  containerDefinitions: [
    {
      name: 'nginx-website',
      image: TEST_IMAGE,
      command: ['httpd', '-f', '-p', '80', '-h', '/www'],
      essential: true,
      portMappings: [{ hostPort: 80, protocol: 'tcp', containerPort: 80 }],
    },
  ],
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  family: 'ecs-taskdef',
};

/** Seed 002's create-service.json as written: its placeholders for the task definition and target group are filled in by the caller. */
const seedCreateService = (taskDefinition: string, targetGroupArn: string, containerName: string) => ({
  taskDefinition,
  cluster: 'my-cluster',
  loadBalancers: [{ targetGroupArn, containerName, containerPort: 80 }],
  desiredCount: 1,
  launchType: 'FARGATE',
  schedulingStrategy: 'REPLICA',
  deploymentController: { type: 'CODE_DEPLOY' },
  networkConfiguration: {
    awsvpcConfiguration: { subnets: ['subnet-1', 'subnet-2'], securityGroups: ['security-group'], assignPublicIp: 'ENABLED' },
  },
});

async function listener(name: string, targetGroupArn: string): Promise<string> {
  const elb = elbClient(slipwayUnderTest().endpoint);
  const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: name }))).LoadBalancers![0];
  await elb.send(
    new E.CreateListenerCommand({
      LoadBalancerArn: lb.LoadBalancerArn,
      Protocol: 'HTTP',
      Port: 8000,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }],
    }),
  );
  return `http://${lb.DNSName}:8000/`;
}

const targetGroup = (name: string, type: 'ip' | 'instance', port: number) =>
  quickTargetGroup(elbClient(slipwayUnderTest().endpoint), name, type, port);

const healthy = (tg: string, n: number) =>
  waitFor(
    `${n} healthy targets`,
    async () => {
      const states = await targetStates(elbClient(slipwayUnderTest().endpoint), tg);
      return states.length === n && states.every((s) => s.endsWith(' healthy')) ? states : undefined;
    },
    60_000,
    100,
  );

test("seed 002's create-service.json through the aws CLI: a CODE_DEPLOY service whose PRIMARY task set answers through its target group", async () => {
  const slipway = slipwayUnderTest();
  const dir = slipway.dataDir;
  const cli = (args: string[]) => awsCli(slipway.endpoint, args, { cwd: dir });
  writeFileSync(join(dir, 'taskdef.json'), JSON.stringify(seedTaskDef));
  const td = (await cli(['ecs', 'register-task-definition', '--cli-input-json', 'file://taskdef.json'])).taskDefinition
    .taskDefinitionArn as string;
  await cli(['ecs', 'create-cluster', '--cluster-name', 'my-cluster']);
  const tg = await targetGroup('seed', 'ip', 80);
  const url = await listener('seed', tg);

  // As written, the seed names a container its task definition does not have: ECS refuses that, and so does Slipway.
  writeFileSync(join(dir, 'create-service.json'), JSON.stringify(seedCreateService('ecs-taskdef:1', tg, 'sample-website')));
  await assert.rejects(
    cli(['ecs', 'create-service', '--service-name', 'ecs-codepipeline-service', '--cli-input-json', 'file://create-service.json']),
    /\(InvalidParameterException\) when calling the CreateService operation: The container sample-website does not exist in the task definition\./,
  );
  writeFileSync(join(dir, 'create-service.json'), JSON.stringify(seedCreateService('ecs-taskdef:1', tg, 'nginx-website')));
  const created = (
    await cli(['ecs', 'create-service', '--service-name', 'ecs-codepipeline-service', '--cli-input-json', 'file://create-service.json'])
  ).service;
  assert.equal(created.deploymentController.type, 'CODE_DEPLOY');
  assert.deepEqual(created.deployments, []);
  assert.equal(created.taskSets.length, 1);

  await healthy(tg, 1);
  await waitFor('the task set through the listener', async () => (await get(url)).body === TEST_PAGE, 30_000, 100);
  const sets = await waitFor(
    'the task set steady',
    async () => {
      const out = await cli(['ecs', 'describe-task-sets', '--cluster', 'my-cluster', '--service', 'ecs-codepipeline-service']);
      return out.taskSets[0]?.stabilityStatus === 'STEADY_STATE' ? out.taskSets : undefined;
    },
    60_000,
    200,
  );
  assert.equal(sets.length, 1);
  const [set] = sets;
  assert.equal(set.status, 'PRIMARY');
  assert.equal(set.taskDefinition, td);
  assert.equal(set.computedDesiredCount, 1);
  assert.equal(set.runningCount, 1);
  assert.equal(set.pendingCount, 0);
  assert.equal(set.launchType, 'FARGATE');
  assert.deepEqual(set.loadBalancers, [{ targetGroupArn: tg, containerName: 'nginx-website', containerPort: 80 }]);
  assert.deepEqual(set.scale, { value: 100, unit: 'PERCENT' });
  // The service's counts are its task sets' tasks, as ECS reports them for CODE_DEPLOY and EXTERNAL services.
  const counted = (await cli(['ecs', 'describe-services', '--cluster', 'my-cluster', '--services', 'ecs-codepipeline-service']))
    .services[0];
  assert.deepEqual([counted.runningCount, counted.pendingCount, counted.deployments], [1, 0, []]);

  await cli(['ecs', 'register-task-definition', '--cli-input-json', 'file://taskdef.json']);
  await assert.rejects(
    cli([
      'ecs',
      'update-service',
      '--cluster',
      'my-cluster',
      '--service',
      'ecs-codepipeline-service',
      '--task-definition',
      'ecs-taskdef:2',
    ]),
    /Unable to update task definition on services with a CODE_DEPLOY deployment controller\. Use AWS CodeDeploy to trigger a new deployment\./,
  );
  const scaled = (
    await cli(['ecs', 'update-service', '--cluster', 'my-cluster', '--service', 'ecs-codepipeline-service', '--desired-count', '2'])
  ).service;
  assert.deepEqual(scaled.deployments, []);
  assert.equal(scaled.taskDefinition, td);
  await healthy(tg, 2);
  const ecs = slipway.ecs;
  const tasks = (await ecs.send(new ListTasksCommand({ cluster: 'my-cluster', serviceName: 'ecs-codepipeline-service' }))).taskArns!;
  const described = (await ecs.send(new DescribeTasksCommand({ cluster: 'my-cluster', tasks }))).tasks!;
  assert.deepEqual(
    described.map((t) => t.startedBy),
    [set.id, set.id],
  );
  await cli(['ecs', 'delete-service', '--cluster', 'my-cluster', '--service', 'ecs-codepipeline-service', '--force']);
  await waitFor('its targets gone', async () => (await targetStates(elbClient(slipway.endpoint), tg)).length === 0, 60_000, 200);
});

test('an EXTERNAL service: blue and green task sets each in their own target group; a deleted set drains before its tasks stop', async () => {
  const slipway = slipwayUnderTest();
  const ecs = slipway.ecs;
  const v1 = await registerVersion(ecs, 'sets-web', 'blue');
  const v2 = await registerVersion(ecs, 'sets-web', 'green');
  const blueTg = await targetGroup('blue', 'instance', 8080);
  const greenTg = await targetGroup('green', 'instance', 8080);
  const blueUrl = await listener('blue', blueTg);
  const greenUrl = await listener('green', greenTg);
  await ecs.send(new CreateServiceCommand({ serviceName: 'bg', desiredCount: 2, deploymentController: { type: 'EXTERNAL' } }));
  const lb = (tg: string) => [{ targetGroupArn: tg, containerName: 'web', containerPort: 8080 }];
  const blue = (
    await ecs.send(
      new CreateTaskSetCommand({ cluster: 'default', service: 'bg', taskDefinition: v1, loadBalancers: lb(blueTg), externalId: 'blue' }),
    )
  ).taskSet!;
  await ecs.send(new UpdateServicePrimaryTaskSetCommand({ cluster: 'default', service: 'bg', primaryTaskSet: blue.id! }));
  await healthy(blueTg, 2);
  const green = (
    await ecs.send(
      new CreateTaskSetCommand({
        cluster: 'default',
        service: 'bg',
        taskDefinition: v2,
        loadBalancers: lb(greenTg),
        externalId: 'green',
        scale: { value: 50, unit: 'PERCENT' },
      }),
    )
  ).taskSet!;
  assert.equal(green.computedDesiredCount, 1);
  await healthy(greenTg, 1);
  assert.equal((await targetStates(elbClient(slipway.endpoint), blueTg)).length, 2, 'blue keeps its own two targets');
  await waitFor('green answers through its listener', async () => (await get(greenUrl)).body === 'green\n', 30_000, 100);
  assert.equal((await get(blueUrl)).body, 'blue\n');

  await ecs.send(new UpdateServicePrimaryTaskSetCommand({ cluster: 'default', service: 'bg', primaryTaskSet: green.taskSetArn! }));
  await ecs.send(new DeleteTaskSetCommand({ cluster: 'default', service: 'bg', taskSet: blue.id!, force: true }));
  const draining = await waitFor(
    'blue targets draining',
    async () => {
      const states = await targetStates(elbClient(slipway.endpoint), blueTg);
      return states.some((s) => s.includes(' draining')) ? states : undefined;
    },
    30_000,
    50,
  );
  assert.ok(draining.length > 0);
  await waitFor(
    'the blue set gone',
    async () => {
      const out = await ecs.send(new DescribeTaskSetsCommand({ cluster: 'default', service: 'bg' }));
      return out.taskSets!.length === 1 && out.taskSets![0].id === green.id;
    },
    60_000,
    200,
  );
  assert.deepEqual(await targetStates(elbClient(slipway.endpoint), blueTg), []);
  const stopped = (await ecs.send(new ListTasksCommand({ serviceName: 'bg', desiredStatus: 'STOPPED' }))).taskArns!;
  const old = (await ecs.send(new DescribeTasksCommand({ tasks: stopped }))).tasks!.filter((t) => t.taskDefinitionArn === v1);
  assert.equal(old.length, 2);
  for (const t of old)
    assert.ok(
      t.executionStoppedAt!.getTime() - t.stoppingAt!.getTime() >= 900,
      'blue tasks drained (20 s / 20) before their containers stopped',
    );
  assert.equal((await get(greenUrl)).body, 'green\n');
  const events = (await ecs.send(new DescribeServicesCommand({ services: ['bg'] }))).services![0].events!.map((e) => e.message);
  assert.ok(events.includes(`(service bg, taskSet ${green.id}) registered 1 targets in (target-group ${greenTg})`), events.join('\n'));
  assert.ok(events.includes(`(service bg, taskSet ${blue.id}) has begun draining connections on 1 tasks.`), events.join('\n'));
  assert.ok(
    events.some((m) => m?.startsWith(`(service bg, taskSet ${green.id}) has started 1 tasks: (task `)),
    events.join('\n'),
  );

  await ecs.send(new UpdateServiceCommand({ service: 'bg', desiredCount: 0 }));
  await ecs.send(new DeleteServiceCommand({ service: 'bg' }));
});
