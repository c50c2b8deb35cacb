import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CHECKPOINT_EVERY_MS } from './checkpointer.ts';
import { Store } from './store.ts';

const scratch = mkdtempSync(join(tmpdir(), 'slipway-store-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let dirs = 0;
const freshDir = () => join(scratch, `d${++dirs}`);

interface Doc {
  name: string;
  n: number;
}

function table(store: Store) {
  return store.docTable<Doc, 'kind' | 'size'>('things', { kind: 'TEXT', size: 'INTEGER' });
}

describe('store transactions', () => {
  it('commit together, and a throw anywhere inside rolls all of it back', () => {
    const store = Store.open(':memory:');
    const things = table(store);
    store.tx(() => {
      things.put('a', { name: 'a', n: 1 }, { kind: 'x', size: 1 });
      things.put('b', { name: 'b', n: 2 }, { kind: 'y', size: 2 });
    });
    assert.equal(things.count(), 2);
    assert.throws(
      () =>
        store.tx(() => {
          things.put('c', { name: 'c', n: 3 }, { kind: 'x', size: 3 });
          store.tx(() => things.delete('a'));
          throw new Error('refused');
        }),
      /refused/,
    );
    assert.deepEqual(
      things.find().map((d) => d.name),
      ['a', 'b'],
    );
    assert.equal(store.db.inTransaction, false);
    store.close();
  });

  it('refuse a function that returns a promise, writing nothing', () => {
    const store = Store.open(':memory:');
    const things = table(store);
    assert.throws(
      () => store.tx(() => (things.put('a', { name: 'a', n: 1 }, { kind: 'x', size: 1 }), Promise.resolve())),
      /cannot return a promise/,
    );
    assert.equal(things.count(), 0);
    store.close();
  });

  it('modify reads, changes and writes one document; undefined when it is gone', () => {
    const store = Store.open(':memory:');
    const things = table(store);
    things.put('a', { name: 'a', n: 1 }, { kind: 'x', size: 1 });
    const write = (d: Doc) => things.put(d.name, d, { kind: 'x', size: d.n });
    assert.deepEqual(
      things.modify('a', (d) => (d.n = 5), write),
      { name: 'a', n: 5 },
    );
    assert.deepEqual(things.get('a'), { name: 'a', n: 5 });
    assert.deepEqual(things.find({ size: 5 }), [{ name: 'a', n: 5 }]);
    assert.equal(
      things.modify('gone', (d) => (d.n = 1), write),
      undefined,
    );
    store.close();
  });
});

describe('store queries', () => {
  it('filter by columns (null is IS NULL, undefined no filter), order, count and refuse unknown columns', () => {
    const store = Store.open(':memory:');
    const things = table(store);
    things.put('a', { name: 'a', n: 1 }, { kind: 'x', size: 3 });
    things.put('b', { name: 'b', n: 2 }, { kind: null, size: 1 });
    things.put('c', { name: 'c', n: 3 }, { kind: 'x', size: 2 });
    assert.deepEqual(
      things.find({ kind: 'x' }).map((d) => d.name),
      ['a', 'c'],
    );
    assert.deepEqual(
      things.find({ kind: 'x' }, 'size DESC').map((d) => d.name),
      ['a', 'c'],
    );
    assert.deepEqual(
      things.find({}, 'size').map((d) => d.name),
      ['b', 'c', 'a'],
    );
    assert.deepEqual(
      things.find({ kind: null }).map((d) => d.name),
      ['b'],
    );
    assert.deepEqual(
      things.find({ kind: undefined, size: 2 }).map((d) => d.name),
      ['c'],
    );
    assert.equal(things.count({ kind: 'x' }), 2);
    assert.equal(things.count({ kind: null }), 1);
    assert.equal(things.count(), 3);
    assert.throws(() => things.find({ nope: 1 } as never), /things has no column nope/);
    assert.equal(things.delete('a'), true);
    assert.equal(things.delete('a'), false);
    assert.equal(things.get('a'), undefined);
    store.close();
  });

  it('index only what a table names, once it names them, dropping the one-column indexes it had before', async () => {
    const dir = freshDir();
    const indexNames = (store: Store) =>
      (
        store.db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'things' AND sql IS NOT NULL ORDER BY name")
          .pluck()
          .all() as string[]
      ).join(',');
    const before = Store.open(dir);
    table(before).put('a', { name: 'a', n: 1 }, { kind: 'x', size: 1 });
    assert.equal(indexNames(before), 'things_kind,things_size');
    await before.close();
    const store = Store.open(dir);
    const things = store.docTable<Doc, 'kind' | 'size'>('things', { kind: 'TEXT', size: 'INTEGER' }, [['kind', 'size']]);
    assert.equal(indexNames(store), 'things_kind_size');
    things.put('b', { name: 'b', n: 2 }, { kind: 'x', size: 2 });
    assert.deepEqual(
      things.find({ kind: 'x' }, 'size DESC').map((d) => d.name),
      ['b', 'a'],
    );
    assert.deepEqual(
      things.find({ size: 1 }).map((d) => d.name),
      ['a'],
      'a column outside every index still filters',
    );
    assert.throws(() => store.docTable('things', { kind: 'TEXT' }, [['kind', 'colour' as 'kind']]), /bad index/);
    await store.close();
  });
});

describe('group commit', () => {
  /** The store on disk, and a second connection that sees only what is committed. */
  function opened() {
    const dir = freshDir();
    const store = Store.open(dir);
    const things = table(store);
    const other = new Database(join(dir, 'slipway.db'), { readonly: true });
    const committedNames = () => (other.prepare('SELECT pk FROM things ORDER BY pk').pluck().all() as string[]).join(',');
    return {
      store,
      things,
      committedNames,
      close: () => {
        other.close();
        return store.close();
      },
    };
  }

  /** A request whose transaction writes `pk` and then fails; it answers with `after()`. */
  function refusedPut<T>(store: Store, put: (pk: string) => void, pk: string, after: () => T): T {
    try {
      store.tx(() => {
        put(pk);
        throw new Error('refused');
      });
    } catch {
      return after();
    }
    assert.fail('the transaction did not fail');
  }

  it('commits the transactions of one turn of the event loop together, at its end, each one atomic on its own', async () => {
    const { store, things, committedNames, close } = opened();
    const put = (pk: string) => things.put(pk, { name: pk, n: 1 }, { kind: 'x', size: 1 });
    const first = store.grouped(() => store.tx(() => put('a')));
    const refused = store.grouped(() => refusedPut(store, put, 'b', () => 'refused'));
    const third = store.grouped(() => {
      store.tx(() => put('c'));
      return things.find().map((d) => d.name);
    });
    assert.deepEqual(third.result, ['a', 'c'], 'a request reads what the group wrote before it');
    assert.equal(refused.result, 'refused');
    assert.equal(committedNames(), '', 'nothing is committed before the end of the turn');
    await Promise.all([first.committed, refused.committed, third.committed]);
    assert.equal(committedNames(), 'a,c');
    await close();
  });

  it("undoes a group's first transaction alone when it fails, and commits those after it", async () => {
    const { store, things, committedNames, close } = opened();
    const put = (pk: string) => things.put(pk, { name: pk, n: 1 }, { kind: 'x', size: 1 });
    const refused = store.grouped(() => refusedPut(store, put, 'a', () => things.find().map((d) => d.name)));
    assert.deepEqual(refused.result, [], 'the refused transaction left nothing behind');
    const second = store.grouped(() => store.tx(() => put('b')));
    const third = store.grouped(() => refusedPut(store, put, 'c', () => 'refused'));
    const fourth = store.grouped(() => store.tx(() => put('d')));
    await Promise.all([refused.committed, second.committed, third.committed, fourth.committed]);
    assert.equal(committedNames(), 'b,d');
    await close();
  });

  it('commits the open group before anything outside it reads or writes', async () => {
    const { store, things, committedNames, close } = opened();
    const grouped = store.grouped(() => store.tx(() => things.put('a', { name: 'a', n: 1 }, { kind: 'x', size: 1 })));
    assert.equal(committedNames(), '');
    things.get('a');
    assert.equal(committedNames(), 'a', 'a read from outside the group committed it');
    await grouped.committed;
    store.grouped(() => store.tx(() => things.put('b', { name: 'b', n: 1 }, { kind: 'x', size: 1 })));
    store.tx(() => things.put('c', { name: 'c', n: 1 }, { kind: 'x', size: 1 }));
    assert.equal(committedNames(), 'a,b,c', 'a transaction from outside committed the group, then itself');
    const reading = store.grouped(() => things.count());
    assert.equal(reading.result, 3);
    await reading.committed;
    await close();
  });

  it("commits the open group before a statement of a room's own runs from outside it", async () => {
    const { store, things, committedNames, close } = opened();
    const grouped = store.grouped(() => store.tx(() => things.put('a', { name: 'a', n: 1 }, { kind: 'x', size: 1 })));
    assert.equal(committedNames(), '');
    assert.deepEqual(store.prepare('SELECT count(*) AS n FROM things').get(), { n: 1 });
    assert.equal(committedNames(), 'a');
    await grouped.committed;
    await close();
  });

  it('has nothing to wait for when a request touched no open group', async () => {
    const store = Store.open(':memory:');
    const { committed } = store.grouped(() => 1);
    assert.equal(await Promise.race([committed.then(() => 'settled'), new Promise((r) => setImmediate(() => r('pending')))]), 'settled');
    store.close();
  });
});

describe('store on disk', () => {
  it('copies committed writes from the log into the database file on its own, well before a thousand pages', async () => {
    const dir = freshDir();
    const store = Store.open(dir);
    const things = table(store);
    const file = join(dir, 'slipway.db');
    const before = statSync(file).size;
    for (let i = 0; i < 100; i++) store.tx(() => things.put(`k${i}`, { name: 'x'.repeat(2000), n: i }, { kind: 'x', size: i }));
    // 100 rows of 2 KB: some 60 pages, far below SQLite's own auto-checkpoint of 1000.
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < before + 150_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(statSync(file).size >= before + 150_000, `the database file holds the rows (${statSync(file).size} bytes)`);
    await store.close();
    const again = Store.open(dir);
    assert.equal(table(again).count(), 100);
    await again.close();
  });

  it('leaves no log behind once closed: the checkpoint thread closes its connection first', async () => {
    const dir = freshDir();
    const store = Store.open(dir);
    table(store).put('a', { name: 'a', n: 1 }, { kind: 'x', size: 1 });
    // Long enough for the thread to have opened its connection and checkpointed.
    await new Promise((r) => setTimeout(r, CHECKPOINT_EVERY_MS * 2));
    await store.close();
    const file = join(dir, 'slipway.db');
    assert.equal(existsSync(`${file}-wal`), false, 'the last connection to close removes the log');
    const again = Store.open(dir);
    assert.deepEqual(table(again).get('a'), { name: 'a', n: 1 });
    await again.close();
  });

  it('keeps every acknowledged write when its process is killed with SIGKILL', async () => {
    const dir = freshDir();
    const script = `
      const { Store } = await import(${JSON.stringify(new URL('./store.ts', import.meta.url).href)});
      const store = Store.open(${JSON.stringify(dir)});
      const things = store.docTable('things', { kind: 'TEXT', size: 'INTEGER' });
      // One transaction alone, then seven in a group, each acknowledged once committed.
      for (let i = 0; ; i += 8) {
        store.tx(() => things.put('k' + i, { name: 'k' + i, n: i }, { kind: 'x', size: i }));
        process.stdout.write(i + '\\n');
        const group = [];
        for (let j = i + 1; j < i + 8; j++) group.push(store.grouped(() => store.tx(() => things.put('k' + j, { name: 'k' + j, n: j }, { kind: 'x', size: j }))).committed);
        await Promise.all(group);
        process.stdout.write(i + 7 + '\\n');
      }`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let acknowledged = -1;
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', () => resolve());
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const lines = out.split('\n');
        out = lines.pop()!;
        if (lines.length) acknowledged = Number(lines[lines.length - 1]);
        if (acknowledged >= 2000) child.kill('SIGKILL');
      });
    });
    assert.ok(acknowledged >= 2000, `the writer acknowledged ${acknowledged + 1} writes`);
    const store = Store.open(dir);
    const things = table(store);
    for (const i of [0, 1, Math.floor(acknowledged / 2), acknowledged]) assert.deepEqual(things.get(`k${i}`), { name: `k${i}`, n: i });
    assert.ok(things.count() >= acknowledged + 1);
    await store.close();
  });
});
