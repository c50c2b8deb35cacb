import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { WARM_MS, warmLoop } from './warm.ts';

describe('the warm loop', () => {
  let t = 1_000;
  const now = () => t;

  it('sleeps after a lone call, polls after calls back to back, and stops WARM_MS after the last answer', async () => {
    const warm = warmLoop(now);
    assert.equal(warm.arrived(), false, 'the first call follows nothing');
    warm.answered(false);
    assert.equal(warm.polling(), false, 'a lone call leaves the loop asleep');

    t += WARM_MS / 5;
    const backToBack = warm.arrived();
    assert.equal(backToBack, true);
    warm.answered(backToBack);
    assert.equal(warm.polling(), true);
    for (let turn = 0; turn < 3; turn++) await nextTurn();
    assert.equal(warm.polling(), true, 'it keeps polling turn after turn within the window');

    t += WARM_MS;
    await nextTurn();
    await nextTurn();
    assert.equal(warm.polling(), false, 'past the window the loop may sleep');
  });

  it('counts a call that comes after a pause as not back to back', () => {
    const warm = warmLoop(now);
    warm.answered(false);
    t += WARM_MS * 2;
    assert.equal(warm.arrived(), false);
  });
});
