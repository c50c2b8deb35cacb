import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClock } from '../../../core/clock.ts';
import { EventBus } from '../../../core/events.ts';
import { pollUntil } from './outcomes.ts';

test('an event that lands while the check runs still ends the wait', { timeout: 60_000 }, async () => {
  // The poll is an hour: only the event can bring the second check in time.
  const clock = createClock(1);
  const events = new EventBus();
  let checks = 0;
  const answer = await pollUntil(
    clock,
    new AbortController().signal,
    3_600_000,
    'work',
    async () => {
      if (++checks > 1) return 'done';
      events.publish({ type: 'work.changed', resource: 'w', at: 0, detail: {} });
      return undefined;
    },
    { events, about: (e) => e.resource === 'w' },
  );
  assert.equal(answer, 'done');
});
