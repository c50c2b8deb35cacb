/**
 * Task sets survive a crash: Slipway as a real process, killed with -9 while a CODE_DEPLOY service's
 * task sets run behind their target groups, adopts the same containers at the next start (each
 * labelled with its task set) — none started twice — and goes on keeping each set at its count.
 */
import {
  CreateServiceCommand,
  DescribeTaskSetsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slipwayProcessesForTests } from '../support/ecs.ts';
import { elbClient, targetStates } from '../support/elb.ts';
import { TEST_IMAGE } from '../support/images.ts';
import { docker, ecsClient, waitFor } from '../support/slipway.ts';

const FAMILY = 'sets-survivor';
const processes = slipwayProcessesForTests(FAMILY);

/** Running engine containers of the family: task ARN → [container id, task set label]. */
async function engine(): Promise<Map<string, [string, string]>> {
  const list = await docker.listContainers({
    filters: { label: ['slipway.managed=true', `com.amazonaws.ecs.task-definition-family=${FAMILY}`] },
  });
  return new Map(list.map((c) => [c.Labels['slipway.task-arn'], [c.Id, c.Labels['slipway.task-set']]]));
}

test('kill -9 with task sets running: the restarted Slipway adopts their containers and keeps scaling them', async () => {
  let slipway = await processes.start();
  let ecs = ecsClient(slipway.endpoint);
  const elb = elbClient(slipway.endpoint);
  const tg = (
    await elb.send(
      new E.CreateTargetGroupCommand({
        Name: 'survivor',
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
  // Targets of a group no listener uses stay `unused`, never healthy: the group serves a listener, as it would on AWS.
  const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'survivor' }))).LoadBalancers![0];
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
        family: FAMILY,
        containerDefinitions: [
          {
            name: 'web',
            image: TEST_IMAGE,
            memory: 16,
            portMappings: [{ containerPort: 8080, hostPort: 0 }],
            command: ['httpd', '-f', '-p', '8080', '-h', '/www'],
          },
        ],
      }),
    )
  ).taskDefinition!.taskDefinitionArn!;
  await ecs.send(
    new CreateServiceCommand({
      serviceName: 'survivor',
      taskDefinition: td,
      desiredCount: 2,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 8080 }],
    }),
  );
  const steady = () =>
    waitFor(
      'the task set steady',
      async () => {
        const [set] = (await ecs.send(new DescribeTaskSetsCommand({ cluster: 'default', service: 'survivor' }))).taskSets!;
        return set?.stabilityStatus === 'STEADY_STATE' ? set : undefined;
      },
      90_000,
      200,
    );
  const set = await steady();
  const before = await engine();
  assert.equal(before.size, 2);
  for (const [, [, label]] of before) assert.equal(label, set.taskSetArn, 'containers carry their task set');

  await slipway.kill('SIGKILL');
  slipway = await processes.start();
  ecs = ecsClient(slipway.endpoint);
  const again = await steady();
  assert.equal(again.id, set.id);
  assert.equal(again.runningCount, 2);
  assert.deepEqual(await engine(), before, 'the same containers, adopted; none started twice');
  assert.equal((await ecs.send(new ListTasksCommand({ serviceName: 'survivor' }))).taskArns!.length, 2);

  await ecs.send(new UpdateServiceCommand({ service: 'survivor', desiredCount: 3 }));
  await waitFor(
    '3 healthy targets',
    async () => {
      const states = await targetStates(elbClient(slipway.endpoint), tg);
      return states.length === 3 && states.every((s) => s.endsWith(' healthy'));
    },
    60_000,
    200,
  );
  const after = await engine();
  assert.equal(after.size, 3);
  for (const [arn, value] of before) assert.deepEqual(after.get(arn), value, 'the adopted tasks keep running');
});
