import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startCheckpointer } from './checkpointer.ts';
import { Store } from './store.ts';

const dir = mkdtempSync(join(tmpdir(), 'slipway-checkpointer-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('the checkpoint thread', () => {
  it('says so when it fails, so the store can sync on its own again', async () => {
    let failed = 0;
    const stop = startCheckpointer(join(dir, 'missing', 'slipway.db'), () => failed++);
    const deadline = Date.now() + 10_000;
    while (failed === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(failed >= 1, 'a thread that cannot open its database reports a failure');
    await stop();
  });

  it("leaves the store's own connection syncing nothing while it runs, and NORMAL again once stopped", async () => {
    const store = Store.open(join(dir, 'store'));
    const level = () => store.db.pragma('synchronous', { simple: true });
    assert.equal(level(), 0, 'OFF while the thread syncs the log at each checkpoint');
    assert.equal(store.db.pragma('wal_autocheckpoint', { simple: true }), 0);
    // What close does before its own connection closes: the closing checkpoint is synced.
    await (store as unknown as { stopCheckpointer: () => Promise<void> }).stopCheckpointer();
    (store as unknown as { syncOnItsOwn: () => void }).syncOnItsOwn();
    assert.equal(level(), 1);
    assert.equal(store.db.pragma('wal_autocheckpoint', { simple: true }), 10000);
    await store.close();
  });
});
