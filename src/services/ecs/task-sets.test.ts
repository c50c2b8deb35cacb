/**
 * Task sets against the in-memory engine, through the real AWS SDK v3 client: CODE_DEPLOY services
 * make their PRIMARY set, EXTERNAL ones take sets through the API, each set kept at
 * ceil(desiredCount × scale%); what ECS refuses is refused and writes nothing. Real Docker and
 * real target groups are in test/integration/ecs-tasksets*.test.ts.
 */
import {
  CreateServiceCommand,
  CreateTaskSetCommand,
  DeleteServiceCommand,
  DeleteTaskSetCommand,
  DescribeServicesCommand,
  DescribeTaskSetsCommand,
  ListTagsForResourceCommand,
  RegisterTaskDefinitionCommand,
  TagResourceCommand,
  UpdateServiceCommand,
  UpdateServicePrimaryTaskSetCommand,
  UpdateTaskSetCommand,
  type ECSClient,
  type TaskSet,
} from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../core/config.ts';
import { FakeRuntime } from '../../runtime/fake.ts';
import { startSlipway, type Slipway } from '../../server/app.ts';
import { ecsClient, waitFor } from '../../../test/support/slipway.ts';
import type { TaskRecord } from './model.ts';
import { rejects } from './testing.ts';

const IMAGE = 'app:1';
const fake = new FakeRuntime();
fake.addImage(IMAGE);

let dataDir: string;
let app: Slipway;
let ecs: ECSClient;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'slipway-tasksets-'));
  app = await startSlipway({ ...loadConfig({ port: '0', 'data-dir': dataDir }), timeScale: 100 }, { runtime: fake });
  ecs = ecsClient(app.endpoint);
});
after(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function register(family: string): Promise<string> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      containerDefinitions: [{ name: 'web', image: IMAGE, memory: 16, portMappings: [{ containerPort: 80 }] }],
    }),
  );
  return out.taskDefinition!.taskDefinitionArn!;
}

async function sets(service: string): Promise<TaskSet[]> {
  return (await ecs.send(new DescribeTaskSetsCommand({ cluster: 'default', service }))).taskSets!;
}

function tasksOf(service: string): TaskRecord[] {
  return app.ctx.store
    .docTable<TaskRecord, 'service'>('ecs_tasks', { service: 'TEXT' })
    .find({ service: `arn:aws:ecs:us-east-1:000000000000:service/default/${service}` });
}

const running = (service: string, taskSetArn: string) =>
  tasksOf(service).filter((r) => r.taskSetArn === taskSetArn && r.task.desiredStatus === 'RUNNING').length;

describe('task sets (fake engine)', () => {
  test('a CODE_DEPLOY service makes its PRIMARY task set, shows no deployments, and scales the set with desiredCount', async () => {
    const v1 = await register('cd');
    const created = (
      await ecs.send(
        new CreateServiceCommand({ serviceName: 'cd', taskDefinition: v1, desiredCount: 2, deploymentController: { type: 'CODE_DEPLOY' } }),
      )
    ).service!;
    assert.deepEqual(created.deployments, []);
    assert.equal(created.deploymentController?.type, 'CODE_DEPLOY');
    assert.equal(created.taskSets?.length, 1);
    const primary = created.taskSets![0];
    assert.equal(primary.status, 'PRIMARY');
    assert.equal(primary.taskDefinition, v1);
    assert.equal(primary.computedDesiredCount, 2);
    assert.deepEqual(primary.scale, { value: 100, unit: 'PERCENT' });
    assert.match(primary.id!, /^ecs-svc\/\d{19}$/);
    assert.equal(primary.taskSetArn, `arn:aws:ecs:us-east-1:000000000000:task-set/default/cd/${primary.id}`);

    const steady = await waitFor(
      'the set steady',
      async () => {
        const [s] = await sets('cd');
        return s.stabilityStatus === 'STEADY_STATE' ? s : undefined;
      },
      20_000,
      50,
    );
    assert.equal(steady.runningCount, 2);
    assert.equal(steady.pendingCount, 0);
    assert.equal(running('cd', primary.taskSetArn!), 2);
    assert.ok(
      tasksOf('cd').every((r) => r.task.startedBy === primary.id),
      'tasks are started by their task set',
    );

    const v2 = await register('cd');
    await rejects(
      ecs.send(new UpdateServiceCommand({ service: 'cd', taskDefinition: v2 })),
      'InvalidParameterException',
      'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.',
    );
    await rejects(
      ecs.send(new UpdateServiceCommand({ service: 'cd', taskDefinition: v2, desiredCount: 5 })),
      'InvalidParameterException',
      /task definition/,
    );
    await rejects(
      ecs.send(new UpdateServiceCommand({ service: 'cd', deploymentConfiguration: { strategy: 'BLUE_GREEN' } })),
      'InvalidParameterException',
      "deploymentConfiguration.strategy BLUE_GREEN needs the ECS deployment controller; a CODE_DEPLOY service's deployments are its task sets'.",
    );
    await rejects(
      ecs.send(new CreateTaskSetCommand({ cluster: 'default', service: 'cd', taskDefinition: v2 })),
      'InvalidParameterException',
      'Amazon ECS only supports task set management on services configured to use external deployment controllers.',
    );
    const unchanged = (await ecs.send(new DescribeServicesCommand({ services: ['cd'] }))).services![0];
    assert.equal(unchanged.desiredCount, 2, 'a refused update writes nothing');
    assert.equal(unchanged.taskDefinition, v1);

    const scaled = (await ecs.send(new UpdateServiceCommand({ service: 'cd', desiredCount: 3, healthCheckGracePeriodSeconds: 10 })))
      .service!;
    assert.deepEqual(scaled.deployments, []);
    await waitFor('3 tasks in the set', async () => running('cd', primary.taskSetArn!) === 3, 20_000, 50);
    const [after] = await sets('cd');
    assert.equal(after.computedDesiredCount, 3);

    await ecs.send(new UpdateServiceCommand({ service: 'cd', desiredCount: 0 }));
    await ecs.send(new DeleteServiceCommand({ service: 'cd' }));
    await waitFor(
      'the service INACTIVE',
      async () => (await ecs.send(new DescribeServicesCommand({ services: ['cd'] }))).services![0]?.status === 'INACTIVE',
      20_000,
      50,
    );
  });

  test('an EXTERNAL service takes task sets through the API, each kept at ceil(desiredCount × scale%)', async () => {
    const v1 = await register('ext');
    const v2 = await register('ext');
    const created = (
      await ecs.send(new CreateServiceCommand({ serviceName: 'ext', desiredCount: 3, deploymentController: { type: 'EXTERNAL' } }))
    ).service!;
    assert.deepEqual(created.deployments, []);
    assert.deepEqual(created.taskSets, []);

    const blue = (
      await ecs.send(
        new CreateTaskSetCommand({
          cluster: 'default',
          service: 'ext',
          taskDefinition: v1,
          externalId: 'blue',
          scale: { value: 50, unit: 'PERCENT' },
        }),
      )
    ).taskSet!;
    assert.equal(blue.status, 'ACTIVE');
    assert.equal(blue.externalId, 'blue');
    assert.equal(blue.startedBy, undefined);
    assert.equal(blue.computedDesiredCount, 2, 'ceil(3 × 50%)');
    await waitFor('2 blue tasks', async () => running('ext', blue.taskSetArn!) === 2, 20_000, 50);
    const primary = (
      await ecs.send(new UpdateServicePrimaryTaskSetCommand({ cluster: 'default', service: 'ext', primaryTaskSet: blue.taskSetArn! }))
    ).taskSet!;
    assert.equal(primary.status, 'PRIMARY');
    assert.equal((await ecs.send(new DescribeServicesCommand({ services: ['ext'] }))).services![0].taskDefinition, v1);

    // Refused, and nothing written.
    await rejects(
      ecs.send(
        new CreateTaskSetCommand({ cluster: 'default', service: 'ext', taskDefinition: v2, scale: { value: 150, unit: 'PERCENT' } }),
      ),
      'InvalidParameterException',
      'scale.value must be between 0 and 100 (got 150).',
    );
    await rejects(
      ecs.send(new CreateTaskSetCommand({ cluster: 'default', service: 'ext', taskDefinition: 'missing:1' })),
      'ClientException',
      'Unable to describe task definition.',
    );
    await rejects(
      ecs.send(
        new UpdateTaskSetCommand({ cluster: 'default', service: 'ext', taskSet: 'ecs-svc/1', scale: { value: 10, unit: 'PERCENT' } }),
      ),
      'TaskSetNotFoundException',
      'The specified task set does not exist.',
    );
    assert.equal((await sets('ext')).length, 1);

    const green = (
      await ecs.send(
        new CreateTaskSetCommand({
          cluster: 'default',
          service: 'ext',
          taskDefinition: v2,
          scale: { value: 0, unit: 'PERCENT' },
          clientToken: 'g',
        }),
      )
    ).taskSet!;
    const again = (
      await ecs.send(
        new CreateTaskSetCommand({
          cluster: 'default',
          service: 'ext',
          taskDefinition: v2,
          scale: { value: 0, unit: 'PERCENT' },
          clientToken: 'g',
        }),
      )
    ).taskSet!;
    assert.equal(again.id, green.id, 'the same clientToken returns the same set');
    assert.equal(green.computedDesiredCount, 0);
    const up = (
      await ecs.send(
        new UpdateTaskSetCommand({ cluster: 'default', service: 'ext', taskSet: green.id!, scale: { value: 100, unit: 'PERCENT' } }),
      )
    ).taskSet!;
    assert.equal(up.computedDesiredCount, 3);
    await waitFor('3 green tasks', async () => running('ext', green.taskSetArn!) === 3, 20_000, 50);
    assert.equal(running('ext', blue.taskSetArn!), 2, 'blue keeps its own count');

    await rejects(
      ecs.send(new DeleteTaskSetCommand({ cluster: 'default', service: 'ext', taskSet: green.id! })),
      'InvalidParameterException',
      /scale is above 0/,
    );
    await ecs.send(new UpdateServicePrimaryTaskSetCommand({ cluster: 'default', service: 'ext', primaryTaskSet: green.id! }));
    const deleted = (await ecs.send(new DeleteTaskSetCommand({ cluster: 'default', service: 'ext', taskSet: blue.id!, force: true })))
      .taskSet!;
    assert.equal(deleted.status, 'DRAINING');
    await waitFor('blue gone', async () => (await sets('ext')).every((s) => s.id !== blue.id), 20_000, 50);
    assert.equal(running('ext', blue.taskSetArn!), 0);
    const described = await ecs.send(
      new DescribeTaskSetsCommand({ cluster: 'default', service: 'ext', taskSets: [green.taskSetArn!, blue.id!] }),
    );
    assert.deepEqual(
      described.taskSets!.map((s) => s.status),
      ['PRIMARY'],
    );
    assert.deepEqual(described.failures, [{ arn: blue.id, reason: 'MISSING' }]);
    await ecs.send(new TagResourceCommand({ resourceArn: green.taskSetArn!, tags: [{ key: 'colour', value: 'green' }] }));
    assert.deepEqual((await ecs.send(new ListTagsForResourceCommand({ resourceArn: green.taskSetArn! }))).tags, [
      { key: 'colour', value: 'green' },
    ]);
    const tagged = await ecs.send(
      new DescribeTaskSetsCommand({ cluster: 'default', service: 'ext', taskSets: [green.id!], include: ['TAGS'] }),
    );
    assert.deepEqual(tagged.taskSets![0].tags, [{ key: 'colour', value: 'green' }]);
    await rejects(
      ecs.send(new ListTagsForResourceCommand({ resourceArn: blue.taskSetArn! })),
      'InvalidParameterException',
      `The specified resource is not found: ${blue.taskSetArn}`,
    );
    const svc = (await ecs.send(new DescribeServicesCommand({ services: ['ext'] }))).services![0];
    assert.equal(svc.taskDefinition, v2);
    assert.deepEqual(svc.deployments, []);
  });

  test('a rolling (ECS) service has no task sets to manage', async () => {
    const v1 = await register('rolling');
    await ecs.send(new CreateServiceCommand({ serviceName: 'rolling', taskDefinition: v1, desiredCount: 0 }));
    await rejects(
      ecs.send(new DescribeTaskSetsCommand({ cluster: 'default', service: 'rolling' })),
      'InvalidParameterException',
      /external deployment controllers/,
    );
    await rejects(
      ecs.send(new UpdateServiceCommand({ service: 'rolling', deploymentController: { type: 'EXTERNAL' } })),
      'InvalidParameterException',
      'Unable to change the deployment controller of a service from ECS to EXTERNAL.',
    );
  });
});
