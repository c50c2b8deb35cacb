/**
 * Services behind real HAProxy target groups: a first deployment completes only once its targets
 * are healthy; with the circuit breaker on, a first deployment whose targets never pass health
 * checks fails; a stopping task keeps its CPU and memory reserved on the container instance until
 * it has really stopped (draining and the stop timeout included).
 */
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListContainerInstancesCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  StopTaskCommand,
  type ContainerDefinition,
  type Service,
} from '@aws-sdk/client-ecs';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { elbClient, targetStates } from '../support/elb.ts';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import { docker, startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';

let s: TestSlipway;
let elb: E.ElasticLoadBalancingV2Client;

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 20 });
  elb = elbClient(s.endpoint);
});
after(async () => s?.close());

/** httpd on 8080 from `delay` seconds after start, ignoring SIGTERM so its stop takes the whole stopTimeout. */
const web = (delay = 0): ContainerDefinition => ({
  name: 'web',
  image: TEST_IMAGE,
  memory: 32,
  cpu: 128,
  portMappings: [{ containerPort: 8080, hostPort: 0 }],
  command: [
    'sh',
    '-c',
    `trap "" TERM; sleep ${delay}; mkdir -p /www && echo ok > /www/index.html && httpd -f -p 8080 -h /www & wait; wait`,
  ],
});

/** A target group (with a load balancer and listener, so it is served) checking `path`. */
async function targetGroup(name: string, port: number, health: Partial<E.CreateTargetGroupCommandInput>): Promise<string> {
  const tg = (
    await elb.send(
      new E.CreateTargetGroupCommand({
        Name: name,
        Protocol: 'HTTP',
        Port: 8080,
        VpcId: 'vpc-1',
        TargetType: 'instance',
        HealthCheckTimeoutSeconds: 2,
        ...health,
      }),
    )
  ).TargetGroups![0].TargetGroupArn!;
  const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: name }))).LoadBalancers![0];
  await elb.send(
    new E.CreateListenerCommand({
      LoadBalancerArn: lb.LoadBalancerArn,
      Protocol: 'HTTP',
      Port: port,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }],
    }),
  );
  return tg;
}

async function createService(name: string, tg: string, extra: { circuitBreaker?: boolean; delay?: number } = {}): Promise<void> {
  const td = (await s.ecs.send(new RegisterTaskDefinitionCommand({ family: name, containerDefinitions: [web(extra.delay)] })))
    .taskDefinition!.taskDefinitionArn!;
  await s.ecs.send(
    new CreateServiceCommand({
      serviceName: name,
      taskDefinition: td,
      desiredCount: 1,
      loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 8080 }],
      ...(extra.circuitBreaker ? { deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } } : {}),
    }),
  );
}

async function describe(name: string): Promise<Service> {
  return (await s.ecs.send(new DescribeServicesCommand({ services: [name] }))).services![0];
}

async function remove(name: string): Promise<void> {
  await s.ecs.send(new DeleteServiceCommand({ service: name, force: true }));
  await waitFor(`${name} drained`, async () => (await describe(name)).status === 'INACTIVE', 120_000);
}

test('a first deployment behind a load balancer completes only once its targets are healthy', async () => {
  // httpd answers 4 s after the task runs: the first checks (1.5 s apart at this time scale) fail, the target stays `initial`.
  const tg = await targetGroup('first', 18101, { HealthCheckIntervalSeconds: 30, UnhealthyThresholdCount: 5 });
  await createService('first', tg, { delay: 4 });
  let sawInitial = false;
  const { svc: completed, states } = await waitFor(
    'the deployment completed',
    async () => {
      const svc = await describe('first');
      // Read after the service: a target is never less healthy later, so COMPLETED must find it healthy.
      const states = await targetStates(elb, tg);
      if (states.some((x) => / initial( |$)/.test(x))) sawInitial = true;
      return svc.deployments![0].rolloutState === 'COMPLETED' ? { svc, states } : undefined;
    },
    120_000,
    100,
  );
  assert.ok(states.length === 1 && states[0].endsWith(' healthy'), `COMPLETED while the targets are ${states.join(', ') || 'none'}`);
  assert.ok(sawInitial, 'the target was initial for a while');
  const messages = completed.events!.map((e) => e.message!);
  assert.ok(
    messages.some((m) => / deployment completed\.$/.test(m)),
    messages.join('\n'),
  );
  await remove('first');
});

test('with the circuit breaker on, a first deployment whose targets never pass health checks fails', async () => {
  const tg = await targetGroup('never', 18102, { HealthCheckPath: '/missing', HealthCheckIntervalSeconds: 5, UnhealthyThresholdCount: 2 });
  await createService('never', tg, { circuitBreaker: true });
  const failed = await waitFor(
    'the deployment ended',
    async () => {
      const svc = await describe('never');
      return svc.deployments![0].rolloutState !== 'IN_PROGRESS' ? svc : undefined;
    },
    180_000,
    200,
  );
  const deployment = failed.deployments![0];
  assert.equal(deployment.rolloutState, 'FAILED');
  assert.ok(deployment.failedTasks! >= 3, `failedTasks ${deployment.failedTasks}`);
  assert.match(deployment.rolloutStateReason!, /circuit breaker/);
  assert.ok(failed.events!.some((e) => / deployment failed: tasks failed to start\.$/.test(e.message!)));
  await remove('never');
});

test("a stopping task's CPU and memory stay reserved until it has stopped", async () => {
  const tg = await targetGroup('held', 18103, { HealthCheckIntervalSeconds: 5, HealthyThresholdCount: 2 });
  await elb.send(
    new E.ModifyTargetGroupAttributesCommand({
      TargetGroupArn: tg,
      Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '60' }],
    }),
  );
  await createService('held', tg);
  await waitFor('the service completed', async () => (await describe('held')).deployments![0].rolloutState === 'COMPLETED', 120_000);
  const instance = (await s.ecs.send(new ListContainerInstancesCommand({}))).containerInstanceArns![0];
  const resources = async () => {
    const ci = (await s.ecs.send(new DescribeContainerInstancesCommand({ containerInstances: [instance] }))).containerInstances![0];
    const value = (list: typeof ci.remainingResources, name: string) => list!.find((r) => r.name === name)!.integerValue!;
    return {
      cpu: value(ci.remainingResources, 'CPU'),
      memory: value(ci.remainingResources, 'MEMORY'),
      registeredCpu: value(ci.registeredResources, 'CPU'),
      registeredMemory: value(ci.registeredResources, 'MEMORY'),
    };
  };
  const [task] = (await s.ecs.send(new ListTasksCommand({ serviceName: 'held' }))).taskArns!;
  await s.ecs.send(new StopTaskCommand({ task }));

  const seen = new Set<string>();
  const overcommitted: string[] = [];
  await waitFor(
    'the task stopped',
    async () => {
      const r = await resources();
      const status = (await s.ecs.send(new DescribeTasksCommand({ tasks: [task] }))).tasks![0].lastStatus!;
      if (status === 'STOPPED') return true;
      seen.add(status);
      // The stopping task's own 128 units and 32 MiB are still held, whatever else runs beside it.
      if (r.memory > r.registeredMemory - 32 || r.cpu > r.registeredCpu - 128)
        overcommitted.push(`${status}: ${r.cpu} CPU, ${r.memory} MiB remaining`);
      return undefined;
    },
    120_000,
    100,
  );
  assert.deepEqual(overcommitted, []);
  assert.ok(seen.has('DEACTIVATING') || seen.has('STOPPING'), `seen while stopping: ${[...seen].join(', ')}`);
  await remove('held');
});
