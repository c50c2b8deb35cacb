import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { EventBus } from '../../core/events.ts';
import { lull } from './lull.ts';

const event = { type: 'ecs.task', resource: 'arn:aws:ecs:us-east-1:000000000000:task/default/t', at: 0, detail: {} };

describe('waiting for a lull', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  const track = (p: Promise<void>) => {
    const state = { done: false };
    void p.then(() => (state.done = true));
    return state;
  };
  const settle = () => new Promise((r) => setImmediate(r));

  it('ends once no event came for the quiet time, each event starting it again', async () => {
    const events = new EventBus();
    const waited = track(lull(events, new AbortController().signal, 100, 10_000));
    for (let i = 0; i < 5; i++) {
      mock.timers.tick(90);
      events.publish(event);
      await settle();
      assert.equal(waited.done, false, 'events keep coming');
    }
    mock.timers.tick(100);
    await settle();
    assert.equal(waited.done, true);
  });

  it('ends after the longest wait however busy, and at once when aborted', async () => {
    const events = new EventBus();
    const busy = track(lull(events, new AbortController().signal, 100, 300));
    for (let i = 0; i < 4; i++) {
      mock.timers.tick(80);
      events.publish(event);
    }
    await settle();
    assert.equal(busy.done, true);

    const stop = new AbortController();
    const stopped = track(lull(events, stop.signal, 100, 300));
    stop.abort();
    await settle();
    assert.equal(stopped.done, true);
    const already = track(lull(events, stop.signal, 100, 300));
    await settle();
    assert.equal(already.done, true, 'a signal aborted before the wait ends it at once');
  });
});
