/**
 * ECS services behind a load balancer, on real Docker, through a real listener: tasks are
 * registered when they run and drained before they stop, so a rolling deployment under steady
 * load fails not one request; kill -9 of Slipway under load fails none either, and the restarted
 * Slipway adopts the same HAProxy; a task whose target fails its health checks is replaced.
 */
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { elbClient, get, haproxyPid, steadyLoad, stopHaproxy, targetStates } from '../support/elb.ts';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import {
  docker,
  ecsClient,
  freePort,
  removeSlipwayContainers,
  startSlipwayProcess,
  tempDataDir,
  waitFor,
  type SlipwayProcess,
} from '../support/slipway.ts';

const FAMILY = 'elb-web';
const dataDir = tempDataDir();
const env = { SLIPWAY_TIME_SCALE: '20' };
let port: number;
let slipway: SlipwayProcess | undefined;
let tgArn: string;
let url: string;

const web = (version: string) => ({
  family: FAMILY,
  containerDefinitions: [
    {
      name: 'web',
      image: TEST_IMAGE,
      memory: 16,
      portMappings: [{ containerPort: 8080, hostPort: 0 }],
      command: ['sh', '-c', `echo ${version} > /www/index.html && exec httpd -f -p 8080 -h /www`],
    },
  ],
});

before(async () => {
  await ensureTestImages(docker);
  port = await freePort();
});
after(async () => {
  await slipway?.kill('SIGKILL');
  await stopHaproxy(dataDir);
  await removeSlipwayContainers(undefined, FAMILY);
  rmSync(dataDir, { recursive: true, force: true });
});

async function service() {
  const out = await ecsClient(slipway!.endpoint).send(new DescribeServicesCommand({ services: ['web'] }));
  return out.services![0];
}

async function healthyTargets(n: number) {
  const elb = elbClient(slipway!.endpoint);
  await waitFor(
    `${n} healthy targets`,
    async () => {
      const states = await targetStates(elb, tgArn);
      return states.length === n && states.every((s) => s.endsWith(' healthy'));
    },
    60_000,
    100,
  );
}

test('a rolling deployment under steady load through the listener fails no request', async (t) => {
  slipway = await startSlipwayProcess(dataDir, port, env);
  const ecs = ecsClient(slipway.endpoint);
  const elb = elbClient(slipway.endpoint);
  tgArn = (
    await elb.send(
      new E.CreateTargetGroupCommand({
        Name: 'web',
        Protocol: 'HTTP',
        Port: 8080,
        VpcId: 'vpc-1',
        TargetType: 'instance',
        HealthCheckIntervalSeconds: 5,
        HealthCheckTimeoutSeconds: 2,
        HealthyThresholdCount: 2,
        UnhealthyThresholdCount: 2,
      }),
    )
  ).TargetGroups![0].TargetGroupArn!;
  await elb.send(
    new E.ModifyTargetGroupAttributesCommand({
      TargetGroupArn: tgArn,
      Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '20' }],
    }),
  );
  const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'web' }))).LoadBalancers![0];
  await elb.send(
    new E.CreateListenerCommand({
      LoadBalancerArn: lb.LoadBalancerArn,
      Protocol: 'HTTP',
      Port: 8000,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }],
    }),
  );
  url = `http://${lb.DNSName}:8000/`;

  const v1 = (await ecs.send(new RegisterTaskDefinitionCommand(web('v1')))).taskDefinition!.taskDefinitionArn!;
  const v2 = (await ecs.send(new RegisterTaskDefinitionCommand(web('v2')))).taskDefinition!.taskDefinitionArn!;
  await ecs.send(
    new CreateServiceCommand({
      serviceName: 'web',
      taskDefinition: v1,
      desiredCount: 2,
      healthCheckGracePeriodSeconds: 30,
      loadBalancers: [{ targetGroupArn: tgArn, containerName: 'web', containerPort: 8080 }],
    }),
  );
  await healthyTargets(2);
  await waitFor('v1 through the listener', async () => (await get(url)).body === 'v1\n', 30_000, 100);
  const created = await service();
  assert.ok(
    created.events!.some((e) => e.message === `(service web) registered 1 targets in (target-group ${tgArn})`),
    JSON.stringify(created.events),
  );

  const load = steadyLoad(url, 8);
  await new Promise((r) => setTimeout(r, 500));
  await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: v2 }));
  await waitFor(
    'the deployment to complete',
    async () => {
      const s = await service();
      return s.deployments!.length === 1 && s.deployments![0].rolloutState === 'COMPLETED' && s.deployments![0].taskDefinition === v2;
    },
    120_000,
    200,
  );
  await healthyTargets(2);
  await new Promise((r) => setTimeout(r, 500));
  const stats = await load.stop();
  t.diagnostic(
    `rolling deployment: ${stats.ok + stats.failed} requests, ${stats.failed} failed (${JSON.stringify(Object.fromEntries(stats.bodies))})`,
  );
  assert.equal(stats.failed, 0, `failed requests during the deployment: ${stats.failures.join('; ')}`);
  assert.ok(
    (stats.bodies.get('v1\n') ?? 0) > 0 && (stats.bodies.get('v2\n') ?? 0) > 0,
    `both versions answered: ${JSON.stringify([...stats.bodies])}`,
  );
  const events = (await service()).events!.map((e) => e.message);
  assert.ok(events.includes(`(service web) deregistered 1 targets in (target-group ${tgArn})`), events.join('\n'));
  assert.ok(events.includes('(service web) has begun draining connections on 1 tasks.'));
  const stopped = await ecs.send(new ListTasksCommand({ serviceName: 'web', desiredStatus: 'STOPPED' }));
  const old = (await ecs.send(new DescribeTasksCommand({ tasks: stopped.taskArns! }))).tasks!;
  for (const t of old)
    assert.ok(
      t.stoppingAt && t.executionStoppedAt && t.executionStoppedAt.getTime() - t.stoppingAt.getTime() >= 900,
      'old tasks drained (20 s / 20) before their containers stopped',
    );
});

test('kill -9 of Slipway under load fails no request; the restarted Slipway adopts the same HAProxy', async (t) => {
  const pid = haproxyPid(dataDir);
  assert.ok(pid);
  const load = steadyLoad(url, 8);
  await new Promise((r) => setTimeout(r, 500));
  await slipway!.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 1000));
  slipway = await startSlipwayProcess(dataDir, port, env);
  await new Promise((r) => setTimeout(r, 1000));
  const stats = await load.stop();
  t.diagnostic(
    `kill -9 and restart: ${stats.ok + stats.failed} requests, ${stats.failed} failed; HAProxy pid ${pid} → ${haproxyPid(dataDir)}`,
  );
  assert.equal(stats.failed, 0, `failed requests: ${stats.failures.join('; ')}`);
  assert.ok(stats.ok > 100, `only ${stats.ok} requests`);
  assert.equal(haproxyPid(dataDir), pid, 'the same HAProxy');
  assert.doesNotMatch(slipway.output(), /started HAProxy/);
  assert.match(slipway.output(), /adopted the running HAProxy/);
  await healthyTargets(2);
});

test('a task whose target fails its health checks is replaced after the grace period', async () => {
  const elb = elbClient(slipway!.endpoint);
  await elb.send(new E.ModifyTargetGroupCommand({ TargetGroupArn: tgArn, HealthCheckPath: '/missing' }));
  const reason = `Task failed ELB health checks in (target-group ${tgArn})`;
  const ecs = ecsClient(slipway!.endpoint);
  const replaced = await waitFor(
    'a task stopped for failing ELB health checks',
    async () => {
      const stopped = await ecs.send(new ListTasksCommand({ serviceName: 'web', desiredStatus: 'STOPPED' }));
      const tasks = stopped.taskArns!.length ? (await ecs.send(new DescribeTasksCommand({ tasks: stopped.taskArns! }))).tasks! : [];
      return tasks.find((t) => t.stoppedReason === reason);
    },
    60_000,
    200,
  );
  assert.ok(replaced);
  const events = (await service()).events!.map((e) => e.message);
  assert.ok(
    events.some((m = '') =>
      /^\(service web\) \(port \d+\) is unhealthy in \(target-group .+\) due to \(reason Health checks failed with these codes: \[404\]\)\.$/.test(
        m,
      ),
    ),
    events.join('\n'),
  );
  await elb.send(new E.ModifyTargetGroupCommand({ TargetGroupArn: tgArn, HealthCheckPath: '/' }));
  await ecs.send(new DeleteServiceCommand({ service: 'web', force: true }));
});

test('awsvpc tasks are registered by their own address in an ip target group', async () => {
  const ecs = ecsClient(slipway!.endpoint);
  const elb = elbClient(slipway!.endpoint);
  const tg = (
    await elb.send(
      new E.CreateTargetGroupCommand({
        Name: 'vpc',
        Protocol: 'HTTP',
        Port: 8080,
        VpcId: 'vpc-1',
        TargetType: 'ip',
        HealthCheckIntervalSeconds: 5,
        HealthCheckTimeoutSeconds: 2,
        HealthyThresholdCount: 2,
      }),
    )
  ).TargetGroups![0].TargetGroupArn!;
  const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'vpc' }))).LoadBalancers![0];
  await elb.send(
    new E.CreateListenerCommand({
      LoadBalancerArn: lb.LoadBalancerArn,
      Protocol: 'HTTP',
      Port: 8000,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }],
    }),
  );
  const td = (
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        ...web('vpc'),
        networkMode: 'awsvpc',
        containerDefinitions: [{ ...web('vpc').containerDefinitions[0], portMappings: [{ containerPort: 8080 }] }],
      }),
    )
  ).taskDefinition!.taskDefinitionArn!;
  await ecs.send(
    new CreateServiceCommand({
      serviceName: 'vpc',
      taskDefinition: td,
      desiredCount: 1,
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
      loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 8080 }],
    }),
  );
  const healthy = await waitFor(
    'an ip target healthy',
    async () => (await targetStates(elb, tg)).find((s) => s.endsWith(' healthy')),
    60_000,
    100,
  );
  const task = (
    await ecs.send(new DescribeTasksCommand({ tasks: (await ecs.send(new ListTasksCommand({ serviceName: 'vpc' }))).taskArns! }))
  ).tasks![0];
  const ip = task.containers![0].networkInterfaces![0].privateIpv4Address!;
  assert.equal(healthy, `${ip}:8080 healthy`);
  await waitFor('the task through the listener', async () => (await get(`http://${lb.DNSName}:8000/`)).body === 'vpc\n', 30_000, 100);
  await ecs.send(new DeleteServiceCommand({ service: 'vpc', force: true }));
});
