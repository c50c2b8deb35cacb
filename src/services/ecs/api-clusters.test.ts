import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClock } from '../../core/clock.ts';
import { loadConfig } from '../../core/config.ts';
import { EventBus } from '../../core/events.ts';
import type { RequestContext } from '../../protocol/types.ts';
import type { ContainerRuntime } from '../../runtime/types.ts';
import { Store } from '../../store/index.ts';
import { clusterHandlers } from './api-clusters.ts';
import type { EcsContext } from './context.ts';
import { EcsModel } from './model.ts';
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
  const h = clusterHandlers(ecs);
  const call = async <K extends keyof EcsOperations>(op: K, input: EcsOperations[K]['input']): Promise<EcsOperations[K]['output']> =>
    (h[op] as (i: unknown, c: RequestContext) => Promise<EcsOperations[K]['output']>)(input, ctx);
  return { call };
}

describe('cluster handlers', () => {
  it('merges tags by key, refuses the aws: prefix and more than 50', async () => {
    const { call } = setup();
    const arn = (await call('CreateCluster', { clusterName: 'c', tags: [{ key: 'a', value: '1' }] })).cluster!.clusterArn!;
    await call('TagResource', { resourceArn: arn, tags: [{ key: 'a', value: '2' }, { key: 'b' }] });
    assert.deepEqual((await call('ListTagsForResource', { resourceArn: arn })).tags, [{ key: 'a', value: '2' }, { key: 'b', value: '' }]);
    const many = Array.from({ length: 49 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    await assert.rejects(async () => call('TagResource', { resourceArn: arn, tags: many }), { code: 'InvalidParameterException' });
    await assert.rejects(async () => call('UntagResource', { resourceArn: arn, tagKeys: ['aws:x'] }), { code: 'InvalidParameterException' });
    await assert.rejects(async () => call('ListTagsForResource', { resourceArn: 'arn:aws:ecs:us-east-1:000000000000:service/old-format' }), /Long arn format/);
    assert.equal((await call('ListTagsForResource', { resourceArn: arn })).tags!.length, 2);
  });

  it('filters container instances with the cluster query language subset', async () => {
    const { call } = setup();
    const list = async (filter: string) => (await call('ListContainerInstances', { filter })).containerInstanceArns!.length;
    assert.equal(await list('attribute:ecs.os-type == linux'), 1);
    assert.equal(await list('attribute:ecs.os-type != linux'), 0);
    assert.equal(await list('attribute:ecs.instance-type =~ slipway.*'), 1);
    assert.equal(await list('attribute:ecs.missing exists or runningTasksCount >= 1'), 0);
    assert.equal(await list('attribute:ecs.missing !exists && agentConnected == true'), 1);
    assert.equal(await list('attribute:ecs.cpu-architecture !in [arm64]'), 1);
    await assert.rejects(async () => list('task:group == x'), { code: 'InvalidParameterException' });
    const ci = (await call('DescribeContainerInstances', { containerInstances: [(await call('ListContainerInstances', {})).containerInstanceArns![0]], include: ['CONTAINER_INSTANCE_HEALTH'] })).containerInstances![0];
    assert.equal(ci.healthStatus!.overallStatus, 'OK');
    assert.equal(ci.registeredResources!.find((r) => r.name === 'MEMORY')!.integerValue, 1000);
  });
});
