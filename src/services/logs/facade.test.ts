import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createManualClock } from '../../core/clock.ts';
import { loadConfig } from '../../core/config.ts';
import { EventBus } from '../../core/events.ts';
import type { ContainerRuntime } from '../../runtime/types.ts';
import { Store } from '../../store/index.ts';
import type { AppContext } from '../types.ts';
import { register, type LogsFacade, type StoredLine } from './index.ts';
import { LogsModel } from './model.ts';

const scope = { region: 'us-east-1', account: '000000000000' };

describe('the logs facade', () => {
  let app: AppContext;
  let logs: LogsFacade;
  let model: LogsModel;

  beforeEach(() => {
    const store = Store.open(':memory:');
    app = {
      config: { ...loadConfig({}, {}), dataDir: ':memory:' },
      edge: { url: 'http://127.0.0.1:4566', host: '127.0.0.1', port: 4566 },
      store,
      clock: createManualClock({ start: Date.UTC(2026, 5, 1) }),
      runtime: {} as ContainerRuntime,
      events: new EventBus(),
    };
    logs = register(app).facade;
    model = new LogsModel(store);
  });
  afterEach(() => app.store.close());

  const read = (group: string, stream: string) => {
    const g = model.group('us-east-1:000000000000', group)!;
    const s = model.stream(g.gid, stream)!;
    return model.streamAfter(s.sid, { ts: 0, id: 0 }, { from: 0, to: Number.MAX_SAFE_INTEGER }, 1_000_000).map((e) => e.message);
  };

  it('refuses group and stream names CloudWatch Logs refuses, to the caller, before anything is queued', () => {
    assert.throws(() => logs.ensureGroup(scope, 'bad group'), { code: 'InvalidParameterException', message: /logGroupName/ });
    logs.ensureGroup(scope, '/ecs/web');
    assert.throws(() => logs.ensureStream(scope, '/ecs/web', 'web\u0000'), { code: 'InvalidParameterException', message: /logStreamName/ });
    assert.throws(() => logs.append(scope, '/ecs/web', 'a\ud800b', [{ timestamp: app.clock.now(), message: 'x' }]), {
      code: 'InvalidParameterException',
    });
    logs.append(scope, '/ecs/web', 'web/1', [{ timestamp: app.clock.now(), message: 'kept' }]);
    logs.flush();
    assert.deepEqual(read('/ecs/web', 'web/1'), ['kept']);
    assert.deepEqual(
      model.streamsOf(model.group('us-east-1:000000000000', '/ecs/web')!.gid).map((s) => s.name),
      ['web/1'],
    );
  });

  it('createStream needs the group, as CreateLogStream does, and is idempotent', () => {
    assert.throws(() => logs.createStream(scope, '/ecs/missing', 'web/app/1'), {
      code: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
    assert.equal(model.groups.count(), 0);
    logs.ensureGroup(scope, '/ecs/web');
    logs.createStream(scope, '/ecs/web', 'web/app/1');
    logs.createStream(scope, '/ecs/web', 'web/app/1');
    assert.deepEqual(
      model.streamsOf(model.group('us-east-1:000000000000', '/ecs/web')!.gid).map((s) => s.name),
      ['web/app/1'],
    );
  });

  it('ensureGroup and ensureStream create once and are idempotent', () => {
    logs.ensureGroup(scope, '/ecs/web');
    logs.ensureGroup(scope, '/ecs/web');
    logs.ensureStream(scope, '/ecs/web', 'web/app/1');
    logs.ensureStream(scope, '/ecs/web', 'web/app/1');
    logs.ensureStream(scope, '/aws/codebuild/p', 'b1');
    assert.deepEqual(
      model.groups.find({}, 'name').map((g) => g.name),
      ['/aws/codebuild/p', '/ecs/web'],
    );
    assert.equal(model.streams.count(), 2);
    assert.equal(model.group('us-east-1:000000000000', '/ecs/web')!.arn, 'arn:aws:logs:us-east-1:000000000000:log-group:/ecs/web');
  });

  it('append queues lines and stores them in order, in one write per flush, creating the stream', () => {
    logs.ensureGroup(scope, 'g');
    const now = app.clock.now();
    for (let i = 0; i < 5; i++) logs.append(scope, 'g', 's', [{ timestamp: now + i, message: `line ${i}` }]);
    assert.equal(model.streams.count(), 0, 'nothing is written until the queue is flushed');
    logs.flush();
    assert.deepEqual(read('g', 's'), ['line 0', 'line 1', 'line 2', 'line 3', 'line 4']);
    const stream = model.stream(model.group('us-east-1:000000000000', 'g')!.gid, 's')!;
    assert.equal(stream.firstEventTimestamp, now);
    assert.equal(stream.lastEventTimestamp, now + 4);
    assert.equal(stream.storedBytes, 5 * 'line 0'.length);
  });

  it('writes by itself a moment after the first append, and at once when 10,000 lines are queued', async () => {
    logs.ensureGroup(scope, 'g');
    const now = app.clock.now();
    logs.append(scope, 'g', 'soon', [{ timestamp: now, message: 'hello' }]);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(read('g', 'soon'), ['hello']);
    const lines = Array.from({ length: 10_000 }, (_, i) => ({ timestamp: now, message: `n${i}` }));
    logs.append(scope, 'g', 'bulk', lines);
    assert.equal(read('g', 'bulk').length, 10_000);
  });

  it('drops lines for a group that does not exist, and skips nothing else in the same flush', () => {
    logs.ensureGroup(scope, 'there');
    const now = app.clock.now();
    logs.append(scope, 'missing', 's', [{ timestamp: now, message: 'lost' }]);
    logs.append(scope, 'there', 's', [{ timestamp: now, message: 'kept' }]);
    logs.flush();
    assert.equal(model.group('us-east-1:000000000000', 'missing'), undefined);
    assert.deepEqual(read('there', 's'), ['kept']);
  });

  it('follow yields what the stream holds, then each line as it is stored, until aborted', async () => {
    logs.ensureStream(scope, 'g', 's');
    const now = app.clock.now();
    logs.append(scope, 'g', 's', [{ timestamp: now, message: 'before' }]);
    logs.flush();
    const abort = new AbortController();
    const seen: StoredLine[] = [];
    const done = (async () => {
      for await (const line of logs.follow(scope, 'g', 's', { signal: abort.signal })) {
        seen.push(line);
        if (seen.length === 3) abort.abort();
      }
    })();
    while (seen.length < 1) await new Promise((r) => setTimeout(r, 5));
    logs.append(scope, 'g', 's', [{ timestamp: now + 1, message: 'after 1' }]);
    logs.flush();
    logs.append(scope, 'g', 's', [{ timestamp: now + 2, message: 'after 2' }]);
    logs.flush();
    await done;
    assert.deepEqual(
      seen.map((l) => l.message),
      ['before', 'after 1', 'after 2'],
    );
    assert.equal(seen[1].ingestionTime, now);
  });

  it('follow waits for a stream that does not exist yet, and ends when aborted while waiting', async () => {
    const abort = new AbortController();
    const seen: string[] = [];
    const done = (async () => {
      for await (const line of logs.follow(scope, 'later', 's', { signal: abort.signal })) seen.push(line.message);
    })();
    await new Promise((r) => setTimeout(r, 20));
    logs.ensureStream(scope, 'later', 's');
    logs.append(scope, 'later', 's', [{ timestamp: app.clock.now(), message: 'first' }]);
    logs.flush();
    while (seen.length < 1) await new Promise((r) => setTimeout(r, 5));
    abort.abort();
    await done;
    assert.deepEqual(seen, ['first']);
  });
});
