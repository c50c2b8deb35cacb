import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { memoryEcs } from './testing.ts';

const setup = memoryEcs;

describe('cluster handlers', () => {
  it('merges tags by key, refuses the aws: prefix and more than 50', async () => {
    const { call } = setup();
    const arn = (await call('CreateCluster', { clusterName: 'c', tags: [{ key: 'a', value: '1' }] })).cluster!.clusterArn!;
    await call('TagResource', { resourceArn: arn, tags: [{ key: 'a', value: '2' }, { key: 'b' }] });
    assert.deepEqual((await call('ListTagsForResource', { resourceArn: arn })).tags, [
      { key: 'a', value: '2' },
      { key: 'b', value: '' },
    ]);
    const many = Array.from({ length: 49 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    await assert.rejects(async () => call('TagResource', { resourceArn: arn, tags: many }), { code: 'InvalidParameterException' });
    await assert.rejects(async () => call('UntagResource', { resourceArn: arn, tagKeys: ['aws:x'] }), {
      code: 'InvalidParameterException',
    });
    await assert.rejects(
      async () => call('ListTagsForResource', { resourceArn: 'arn:aws:ecs:us-east-1:000000000000:service/old-format' }),
      /Long arn format/,
    );
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
    const ci = (
      await call('DescribeContainerInstances', {
        containerInstances: [(await call('ListContainerInstances', {})).containerInstanceArns![0]],
        include: ['CONTAINER_INSTANCE_HEALTH'],
      })
    ).containerInstances![0];
    assert.equal(ci.healthStatus!.overallStatus, 'OK');
    assert.equal(ci.registeredResources!.find((r) => r.name === 'MEMORY')!.integerValue, 1000);
  });
});
