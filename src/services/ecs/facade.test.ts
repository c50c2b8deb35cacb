/**
 * The task sets facade CodeDeploy drives, over the room's own handlers and an in-memory store: a
 * CODE_DEPLOY service's sets are created, scaled, made primary and deleted as ECS would, and what
 * ECS refuses throws its error and writes nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AwsError } from '../../core/errors.ts';
import { ecsTaskSetsFacade } from './facade.ts';
import { memoryEcs } from './testing.ts';

const scope = { region: 'us-east-1', account: '000000000000' };
const tg = (name: string) => `arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/${name}/0123456789abcdef`;

async function world() {
  const { ecs, call } = memoryEcs();
  const facade = ecsTaskSetsFacade(ecs);
  await call('CreateCluster', { clusterName: 'c' });
  const td = async () =>
    (
      await call('RegisterTaskDefinition', {
        family: 'web',
        containerDefinitions: [{ name: 'web', image: 'app:1', memory: 16, portMappings: [{ containerPort: 80 }] }],
      })
    ).taskDefinition!.taskDefinitionArn!;
  return { ecs, call, facade, td };
}

test('a CODE_DEPLOY service: its PRIMARY set, a green set scaled, made primary, the blue one deleted', async () => {
  const { call, facade, td } = await world();
  const blueTd = await td();
  const greenTd = await td();
  await call('CreateService', {
    cluster: 'c',
    serviceName: 'web',
    taskDefinition: blueTd,
    desiredCount: 3,
    deploymentController: { type: 'CODE_DEPLOY' },
    loadBalancers: [{ targetGroupArn: tg('blue'), containerName: 'web', containerPort: 80 }],
  });
  const service = facade.describeService(scope, 'c', 'web');
  assert.equal(service?.deploymentController, 'CODE_DEPLOY');
  assert.equal(service?.taskDefinition, blueTd);
  assert.deepEqual(service?.loadBalancers, [{ targetGroupArn: tg('blue'), containerName: 'web', containerPort: 80 }]);
  assert.equal(facade.describeService(scope, 'c', 'nope'), undefined);
  assert.equal(facade.describeService(scope, 'nope', 'web'), undefined);

  const [blue] = facade.listTaskSets(scope, 'c', 'web');
  assert.equal(blue.status, 'PRIMARY');
  assert.equal(blue.computedDesiredCount, 3);
  assert.equal(blue.targetGroupArn, tg('blue'));

  const green = facade.createTaskSet(scope, {
    cluster: 'c',
    service: 'web',
    taskDefinition: greenTd,
    externalId: 'd-ABCDEFGHI',
    startedBy: 'CODE_DEPLOY',
    loadBalancer: { targetGroupArn: tg('green'), containerName: 'web', containerPort: 80 },
    scalePercent: 100,
  });
  assert.equal(green.status, 'ACTIVE');
  assert.equal(green.externalId, 'd-ABCDEFGHI');
  assert.equal(green.computedDesiredCount, 3);
  assert.equal(green.stabilityStatus, 'STABILIZING');
  const shown = await call('DescribeTaskSets', { cluster: 'c', service: 'web', taskSets: [green.id] });
  assert.equal(shown.taskSets![0].startedBy, 'CODE_DEPLOY');

  assert.equal(facade.updateTaskSetScale(scope, 'c', 'web', green.id, 34).computedDesiredCount, 2, 'ceil(3 × 34%)');
  const primary = facade.setPrimaryTaskSet(scope, 'c', 'web', green.taskSetArn);
  assert.equal(primary.status, 'PRIMARY');
  assert.equal(facade.describeService(scope, 'c', 'web')?.taskDefinition, greenTd);
  assert.equal(facade.listTaskSets(scope, 'c', 'web').find((s) => s.id === blue.id)?.status, 'ACTIVE');

  facade.deleteTaskSet(scope, 'c', 'web', blue.id);
  const after = facade.listTaskSets(scope, 'c', 'web');
  assert.deepEqual(
    after.map((s) => [s.id, s.status, s.computedDesiredCount]),
    [
      [blue.id, 'DRAINING', 0],
      [green.id, 'PRIMARY', 2],
    ],
  );
  const svc = (await call('DescribeServices', { cluster: 'c', services: ['web'] })).services![0];
  assert.deepEqual(svc.deployments, []);
  assert.equal(svc.taskSets?.length, 2);
});

test('what ECS refuses throws its error and writes nothing', async () => {
  const { call, facade, td } = await world();
  const v1 = await td();
  await call('CreateService', {
    cluster: 'c',
    serviceName: 'cd',
    taskDefinition: v1,
    desiredCount: 1,
    deploymentController: { type: 'CODE_DEPLOY' },
  });
  await call('CreateService', { cluster: 'c', serviceName: 'rolling', taskDefinition: v1, desiredCount: 1 });
  const request = {
    cluster: 'c',
    service: 'cd',
    taskDefinition: v1,
    externalId: 'd-1',
    startedBy: 'CODE_DEPLOY',
    loadBalancer: { targetGroupArn: tg('green'), containerName: 'web', containerPort: 80 },
    scalePercent: 100,
  };
  const refused = (fn: () => unknown, code: string, message: string | RegExp) =>
    assert.throws(
      fn,
      (e: unknown) =>
        e instanceof AwsError && e.code === code && (typeof message === 'string' ? e.message === message : message.test(e.message)),
    );
  refused(
    () => facade.createTaskSet(scope, { ...request, loadBalancer: { ...request.loadBalancer, containerName: 'nope' } }),
    'InvalidParameterException',
    'The container nope does not exist in the task definition.',
  );
  refused(
    () => facade.createTaskSet(scope, { ...request, scalePercent: 101 }),
    'InvalidParameterException',
    'scale.value must be between 0 and 100 (got 101).',
  );
  refused(
    () => facade.createTaskSet(scope, { ...request, taskDefinition: 'web:9' }),
    'ClientException',
    'Unable to describe task definition.',
  );
  refused(
    () => facade.createTaskSet(scope, { ...request, service: 'rolling' }),
    'InvalidParameterException',
    /external deployment controllers/,
  );
  refused(() => facade.createTaskSet(scope, { ...request, service: 'gone' }), 'ServiceNotFoundException', 'Service not found.');
  refused(
    () => facade.updateTaskSetScale(scope, 'c', 'cd', 'ecs-svc/1', 50),
    'TaskSetNotFoundException',
    'The specified task set does not exist.',
  );
  const [primary] = facade.listTaskSets(scope, 'c', 'cd');
  refused(() => facade.deleteTaskSet(scope, 'c', 'cd', primary.id), 'InvalidParameterException', /primary task set/);
  assert.deepEqual(
    facade.listTaskSets(scope, 'c', 'cd').map((s) => s.status),
    ['PRIMARY'],
  );
  for (let i = 0; i < 4; i++) facade.createTaskSet(scope, request);
  refused(
    () => facade.createTaskSet(scope, request),
    'InvalidParameterException',
    '5 deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit.',
  );
  assert.equal(facade.listTaskSets(scope, 'c', 'cd').length, 5);
});
