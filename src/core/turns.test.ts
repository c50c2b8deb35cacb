import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Turns } from './turns.ts';

test('calls on one key take turns, even after a failure; other keys do not wait', async () => {
  const turns = new Turns();
  const order: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const first = turns.take('a', async () => {
    await gate;
    order.push('a1');
    throw new Error('a1 failed');
  });
  const second = turns.take('a', async () => {
    order.push('a2');
    return 2;
  });
  assert.equal(await turns.take('b', async () => (order.push('b1'), 1)), 1);
  assert.equal(turns.busy('a'), true);
  release();
  await assert.rejects(first, /a1 failed/);
  assert.equal(await second, 2);
  assert.deepEqual(order, ['b1', 'a1', 'a2']);
  await new Promise((r) => setImmediate(r));
  assert.equal(turns.busy('a'), false);
  assert.equal(turns.busy('b'), false);
});
