import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Store } from '../../store/index.ts';
import { LogsModel } from './model.ts';

/** The plan SQLite picks for a statement, as one line per step. */
function plan(store: Store, sql: string, params: unknown[]): string {
  const rows = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('logs model', () => {
  let store: Store;
  let model: LogsModel;
  beforeEach(() => {
    store = Store.open(':memory:');
    model = new LogsModel(store);
  });
  afterEach(() => store.close());

  it('reads events through the (stream, ts, id) and (grp, ts, id) indexes, never sorting a whole stream', () => {
    const captured: string[] = [];
    const prepare = store.prepare.bind(store);
    store.prepare = (sql: string) => {
      captured.push(sql);
      return prepare(sql);
    };
    const range = { from: 0, to: Number.MAX_SAFE_INTEGER };
    model.streamAfter(1, { ts: 0, id: 0 }, range, 10);
    model.streamBefore(1, { ts: 5, id: 5 }, range, 10);
    model.groupAfter(1, undefined, { ts: 0, id: 0 }, range, 10);
    model.groupAfter(1, [1, 2], { ts: 0, id: 0 }, range, 10);
    const params = [
      [1, 0, 0, 0, 1, 10],
      [1, 5, 5, 0, 1, 10],
      [1, 0, 0, 0, 1, 10],
      [1, 0, 0, 0, 1, '[1,2]', 10],
    ];
    const plans = captured.map((sql, i) => plan(store, sql, params[i]));
    assert.match(plans[0], /USING (COVERING )?INDEX logs_events_stream/);
    assert.match(plans[1], /USING (COVERING )?INDEX logs_events_stream/);
    assert.match(plans[2], /USING (COVERING )?INDEX logs_events_group/);
    assert.match(plans[3], /USING (COVERING )?INDEX logs_events_group/);
    for (const p of plans) assert.doesNotMatch(p, /TEMP B-TREE/, p);
  });

  it('orders events by timestamp, then by arrival, and pages from a position either way', () => {
    const stream = store.tx(() => {
      const gid = model.nextId();
      model.putGroup({
        gid,
        arn: 'arn:aws:logs:us-east-1:000000000000:log-group:g',
        name: 'g',
        scope: 'us-east-1:000000000000',
        creationTime: 0,
        logGroupClass: 'STANDARD',
        deletionProtectionEnabled: false,
        tags: {},
      });
      const s = {
        sid: model.nextId(),
        gid,
        arn: 'arn:aws:logs:us-east-1:000000000000:log-group:g:log-stream:s',
        name: 's',
        creationTime: 0,
        storedBytes: 0,
      };
      model.putStream(s);
      return s;
    });
    model.append(
      stream,
      [
        { timestamp: 20, message: 'b' },
        { timestamp: 10, message: 'a' },
      ],
      100,
    );
    model.append(stream, [{ timestamp: 20, message: 'c' }], 101);
    const range = { from: 0, to: 1000 };
    const all = model.streamAfter(stream.sid, { ts: 0, id: 0 }, range, 10);
    assert.deepEqual(
      all.map((e) => e.message),
      ['a', 'b', 'c'],
    );
    const b = all[1];
    assert.deepEqual(
      model.streamAfter(stream.sid, { ts: b.ts, id: b.id }, range, 10).map((e) => e.message),
      ['c'],
    );
    assert.deepEqual(
      model.streamBefore(stream.sid, { ts: b.ts, id: b.id }, range, 10).map((e) => e.message),
      ['a'],
    );
    assert.deepEqual(
      model.streamAfter(stream.sid, { ts: 0, id: 0 }, { from: 15, to: 1000 }, 10).map((e) => e.message),
      ['b', 'c'],
    );
    const figures = model.streams.get(stream.arn)!;
    assert.deepEqual(
      [figures.firstEventTimestamp, figures.lastEventTimestamp, figures.lastIngestionTime, figures.storedBytes],
      [10, 20, 101, 3],
    );
  });
});
