import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClock, createManualClock, parseTimeScale } from './clock.ts';

describe('createClock', () => {
  it('scales nominal durations and reads wall time', async () => {
    const clock = createClock(60);
    assert.equal(clock.scale, 60);
    assert.equal(clock.duration(60_000), 1_000);
    assert.equal(clock.duration(-5), 0);
    const before = Date.now();
    assert.ok(clock.now() >= before);
    assert.equal(clock.elapsed(before - 1_000, 60_000), true);
    assert.equal(clock.elapsed(before + 10_000, 60_000), false);
    await clock.sleep(60); // one real millisecond
  });

  it('wakes a sleep early when its signal aborts', async () => {
    const abort = new AbortController();
    const sleeping = createClock(1).sleep(3_600_000, abort.signal);
    abort.abort();
    await sleeping;
  });

  it('does not sleep when its signal has already aborted', { timeout: 60_000 }, async () => {
    const abort = new AbortController();
    abort.abort();
    await createClock(1).sleep(3_600_000, abort.signal);
  });

  it('reads SLIPWAY_TIME_SCALE, refusing what is not a positive number', () => {
    assert.equal(parseTimeScale(undefined), 1);
    assert.equal(parseTimeScale('20'), 20);
    for (const bad of ['0', '-1', 'fast', 'Infinity'])
      assert.throws(() => parseTimeScale(bad), /SLIPWAY_TIME_SCALE must be a positive number/);
  });
});

describe('createManualClock', () => {
  it('stands still until advanced', async () => {
    const clock = createManualClock({ start: 1_000 });
    assert.equal(clock.now(), 1_000);
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(clock.now(), 1_000);
    await clock.advance(250);
    assert.equal(clock.now(), 1_250);
    assert.equal(clock.elapsed(1_000, 250), true);
    assert.equal(clock.elapsed(1_000, 251), false);
    await assert.rejects(clock.advance(-1), /only moves forward/);
  });

  it('wakes sleeps only when time reaches them, in deadline order, with now() at each deadline', async () => {
    const clock = createManualClock({ start: 0 });
    const woke: [string, number][] = [];
    const sleep = (name: string, ms: number) => clock.sleep(ms).then(() => woke.push([name, clock.now()]));
    void sleep('late', 300);
    void sleep('early', 100);
    void sleep('also early', 100);
    await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(woke, []);
    assert.equal(clock.sleeping, 3);
    await clock.advance(99);
    assert.deepEqual(woke, []);
    await clock.advance(1);
    assert.deepEqual(woke, [
      ['early', 100],
      ['also early', 100],
    ]);
    await clock.advance(500);
    assert.deepEqual(woke.at(-1), ['late', 300]);
    assert.equal(clock.now(), 600);
    assert.equal(clock.sleeping, 0);
  });

  it('lets a loop that sleeps again run every step that falls within one advance', async () => {
    const clock = createManualClock({ start: 0 });
    const ticks: number[] = [];
    const stop = new AbortController();
    void (async () => {
      while (!stop.signal.aborted) {
        await clock.sleep(10_000, stop.signal);
        if (!stop.signal.aborted) ticks.push(clock.now());
      }
    })();
    await clock.advance(35_000);
    assert.deepEqual(ticks, [10_000, 20_000, 30_000]);
    stop.abort();
    await clock.advance(0);
    assert.equal(clock.sleeping, 0);
    assert.deepEqual(ticks, [10_000, 20_000, 30_000]);
  });

  it('scales sleeps as the real clock does', async () => {
    const clock = createManualClock({ start: 0, scale: 60 });
    let woke = false;
    void clock.sleep(60_000).then(() => (woke = true));
    await clock.advance(999);
    assert.equal(woke, false);
    await clock.advance(1);
    assert.equal(woke, true);
    assert.equal(clock.duration(60_000), 1_000);
  });

  it('resolves a sleep of nothing, or an aborted one, without moving time', async () => {
    const clock = createManualClock({ start: 5 });
    await clock.sleep(0);
    const abort = new AbortController();
    const pending = clock.sleep(1_000, abort.signal);
    assert.equal(clock.sleeping, 1);
    abort.abort();
    await pending;
    assert.equal(clock.sleeping, 0);
    assert.equal(clock.now(), 5);
  });
});
