/**
 * The data directory holds secrets (slipway.db keeps the registry's token signing key): a running
 * Slipway keeps the directory owner-only and the database and its WAL files 0600, and tightens a
 * data directory it finds readable by others.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import { ecrClient } from '../support/ecr.ts';
import { startTestSlipway, tempDataDir } from '../support/slipway.ts';

const scratch = tempDataDir();
after(() => rmSync(scratch, { recursive: true, force: true }));

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** Starts Slipway on `dataDir`, makes it write its token secret, and returns the modes it leaves. */
async function modesAfterStart(dataDir: string): Promise<Record<string, string>> {
  const s = await startTestSlipway({ dataDir });
  try {
    await ecrClient(s.endpoint).send(new GetAuthorizationTokenCommand({}));
    assert.ok(s.app.ctx.store.meta('ecr.registry-token-secret'), 'the secret is in slipway.db');
    const db = join(dataDir, 'slipway.db');
    return { dir: mode(dataDir), db: mode(db), wal: mode(`${db}-wal`), shm: mode(`${db}-shm`) };
  } finally {
    await s.close();
  }
}

describe('the data directory', () => {
  it('is created owner-only, with the database and its WAL files 0600', async () => {
    const modes = await modesAfterStart(join(scratch, 'fresh', 'data'));
    assert.deepEqual(modes, { dir: '700', db: '600', wal: '600', shm: '600' });
  });

  it('is tightened at start when an earlier one is readable by others', async () => {
    const dataDir = join(scratch, 'old');
    mkdirSync(dataDir);
    const db = join(dataDir, 'slipway.db');
    const first = await startTestSlipway({ dataDir });
    await first.close();
    writeFileSync(`${db}-wal`, '');
    for (const path of [db, `${db}-wal`]) chmodSync(path, 0o644);
    chmodSync(dataDir, 0o755);
    const modes = await modesAfterStart(dataDir);
    assert.deepEqual(modes, { dir: '700', db: '600', wal: '600', shm: '600' });
  });
});
