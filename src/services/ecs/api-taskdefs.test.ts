import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { memoryEcs } from './testing.ts';
import type { AwsError } from '../../core/errors.ts';
import type { TaskRecord } from './model.ts';

const setup = memoryEcs;

const small = (family: string) => ({ family, containerDefinitions: [{ name: 'app', image: 'busybox', memory: 32 }] });

/** A task record as RunTask would leave it, enough for "is this revision in use". */
function task(taskDefinitionArn: string, lastStatus: string): TaskRecord {
  return {
    task: {
      taskArn: `arn:aws:ecs:us-east-1:000000000000:task/default/${'a'.repeat(32)}`,
      clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/default',
      taskDefinitionArn,
      lastStatus,
      desiredStatus: 'RUNNING',
      createdAt: 0,
    },
    containers: [],
    networkMode: 'bridge',
    runtimeIds: {},
  };
}

describe('DeleteTaskDefinitions', () => {
  it('keeps a revision DELETE_IN_PROGRESS while a task uses it, and drops it from listings once that task stops', async () => {
    const { ecs, call } = setup();
    const arn = (await call('RegisterTaskDefinition', small('web'))).taskDefinition!.taskDefinitionArn!;
    ecs.model.putTask(task(arn, 'RUNNING'));
    await call('DeregisterTaskDefinition', { taskDefinition: 'web:1' });
    const out = await call('DeleteTaskDefinitions', { taskDefinitions: [arn] });
    assert.equal(out.taskDefinitions![0].status, 'DELETE_IN_PROGRESS');
    assert.ok(out.taskDefinitions![0].deleteRequestedAt);
    assert.deepEqual((await call('ListTaskDefinitions', { status: 'DELETE_IN_PROGRESS' })).taskDefinitionArns, [arn]);
    assert.deepEqual((await call('ListTaskDefinitionFamilies', { status: 'INACTIVE' })).families, ['web']);
    assert.equal((await call('DescribeTaskDefinition', { taskDefinition: 'web:1' })).taskDefinition!.status, 'DELETE_IN_PROGRESS');

    ecs.model.putTask(task(arn, 'STOPPED'));
    assert.deepEqual((await call('ListTaskDefinitions', { status: 'DELETE_IN_PROGRESS' })).taskDefinitionArns, []);
    assert.deepEqual((await call('ListTaskDefinitionFamilies', {})).families, []);
    await assert.rejects(async () => call('DescribeTaskDefinition', { taskDefinition: 'web:1' }), { code: 'ClientException' });
    assert.equal((await call('RegisterTaskDefinition', small('web'))).taskDefinition!.revision, 2);
  });

  it('never hands out a deleted revision number again, even once no row of the family is left', async () => {
    const { call } = setup();
    await call('RegisterTaskDefinition', small('web'));
    await call('RegisterTaskDefinition', small('web'));
    for (const ref of ['web:1', 'web:2']) await call('DeregisterTaskDefinition', { taskDefinition: ref });
    await call('DeleteTaskDefinitions', { taskDefinitions: ['web:2'] });
    assert.equal((await call('RegisterTaskDefinition', small('web'))).taskDefinition!.revision, 3);
    await call('DeregisterTaskDefinition', { taskDefinition: 'web:3' });
    await call('DeleteTaskDefinitions', { taskDefinitions: ['web:1', 'web:3'] });
    assert.deepEqual((await call('ListTaskDefinitions', { status: 'INACTIVE' })).taskDefinitionArns, []);
    assert.equal((await call('RegisterTaskDefinition', small('web'))).taskDefinition!.revision, 4);
  });

  it('checks every reference before writing anything', async () => {
    const { call } = setup();
    await call('RegisterTaskDefinition', small('web'));
    await call('DeregisterTaskDefinition', { taskDefinition: 'web:1' });
    await assert.rejects(
      async () => call('DeleteTaskDefinitions', { taskDefinitions: ['web:1', 'web'] }),
      (e: AwsError) => e.code === 'ClientException',
    );
    assert.equal((await call('DescribeTaskDefinition', { taskDefinition: 'web:1' })).taskDefinition!.status, 'INACTIVE');
    const eleven = Array.from({ length: 11 }, (_, i) => `web:${i + 1}`);
    await assert.rejects(async () => call('DeleteTaskDefinitions', { taskDefinitions: eleven }), { code: 'InvalidParameterException' });
  });
});
