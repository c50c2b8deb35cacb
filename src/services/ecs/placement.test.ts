import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../../core/errors.ts';
import { type Candidate, MAX_EXPRESSION_LENGTH, matchesExpression } from './placement.ts';
import { memoryEcs } from './testing.ts';

const candidate: Candidate = {
  arn: 'arn:aws:ecs:us-east-1:000000000000:container-instance/default/1',
  offered: { cpu: 2048, memoryMiB: 1024 },
  used: { cpu: 0, memoryMiB: 0, tcpPorts: new Set(), udpPorts: new Set() },
  attributes: { 'ecs.os-type': 'linux' },
  groups: [],
};

const tooLong = (field: string) => (e: unknown) => {
  assert.ok(e instanceof AwsError && e.code === 'InvalidParameterException', String(e));
  assert.match(
    e.message,
    new RegExp(`^${field} can have a maximum length of ${MAX_EXPRESSION_LENGTH} characters \\(got ${MAX_EXPRESSION_LENGTH + 1}\\)`),
  );
  return true;
};

describe('cluster query language expressions', () => {
  it('are evaluated up to ECS maximum length', () => {
    const padded = `attribute:ecs.os-type == linux${' '.repeat(MAX_EXPRESSION_LENGTH - 30)}`;
    assert.equal(padded.length, MAX_EXPRESSION_LENGTH);
    assert.equal(matchesExpression(candidate, padded), true);
    assert.equal(matchesExpression(candidate, 'attribute:ecs.os-type != linux'), false);
  });

  it('are refused past it, before they are read', () => {
    assert.throws(
      () => matchesExpression(candidate, ' '.repeat(MAX_EXPRESSION_LENGTH + 1)),
      tooLong('The placement constraint expression'),
    );
  });

  it('are refused past it as a ListContainerInstances filter, with no instance to evaluate them on', async () => {
    const { call } = memoryEcs();
    await assert.rejects(call('ListContainerInstances', { filter: ' '.repeat(MAX_EXPRESSION_LENGTH + 1) }), tooLong('filter'));
  });
});
