import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClock } from '../../core/clock.ts';
import { loadConfig } from '../../core/config.ts';
import { AwsError } from '../../core/errors.ts';
import { EventBus } from '../../core/events.ts';
import type { RequestContext } from '../../protocol/types.ts';
import type { ContainerRuntime } from '../../runtime/types.ts';
import { Store } from '../../store/index.ts';
import { clusterHandlers } from './api-clusters.ts';
import { taskDefinitionHandlers } from './api-taskdefs.ts';
import type { EcsContext } from './context.ts';
import { EcsModel, type TaskRecord } from './model.ts';
import type { EcsOperations } from './shapes.ts';

const ctx: RequestContext = { region: 'us-east-1', account: '000000000000', requestId: 'r', endpoint: 'http://local' };

function setup() {
  const store = Store.open(':memory:');
  const ecs: EcsContext = {
    config: { ...loadConfig({}, {}), instanceCpu: 2048, instanceMemoryMiB: 1000 },
    store,
    edge: { url: '', host: '127.0.0.1', port: 0 },
    clock: createClock(1),
    runtime: {} as ContainerRuntime,
    events: new EventBus(),
    model: new EcsModel(store),
    engine: { id: 'e', name: 'local', version: '1', cpus: 2, memoryBytes: 2 ** 30, os: 'linux', arch: 'x86_64' },
    enqueueTask: () => {},
    enqueueService: () => {},
  };
  const h = { ...clusterHandlers(ecs), ...taskDefinitionHandlers(ecs) } as Required<ReturnType<typeof clusterHandlers>>;
  const call = async <K extends keyof EcsOperations>(op: K, input: EcsOperations[K]['input']): Promise<EcsOperations[K]['output']> =>
    (h[op] as (i: unknown, c: RequestContext) => Promise<EcsOperations[K]['output']>)(input, ctx);
  return { ecs, call };
}

const small = (family: string) => ({ family, containerDefinitions: [{ name: 'app', image: 'busybox', memory: 32 }] });

/** A task record as RunTask would leave it, enough for "is this revision in use". */
function task(taskDefinitionArn: string, lastStatus: string): TaskRecord {
  return {
    task: { taskArn: `arn:aws:ecs:us-east-1:000000000000:task/default/${'a'.repeat(32)}`, clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/default', taskDefinitionArn, lastStatus, desiredStatus: 'RUNNING' },
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

  it('checks every reference before writing anything', async () => {
    const { call } = setup();
    await call('RegisterTaskDefinition', small('web'));
    await call('DeregisterTaskDefinition', { taskDefinition: 'web:1' });
    await assert.rejects(async () => call('DeleteTaskDefinitions', { taskDefinitions: ['web:1', 'web'] }), (e: AwsError) => e.code === 'ClientException');
    assert.equal((await call('DescribeTaskDefinition', { taskDefinition: 'web:1' })).taskDefinition!.status, 'INACTIVE');
    const eleven = Array.from({ length: 11 }, (_, i) => `web:${i + 1}`);
    await assert.rejects(async () => call('DeleteTaskDefinitions', { taskDefinitions: eleven }), { code: 'InvalidParameterException' });
  });
});
