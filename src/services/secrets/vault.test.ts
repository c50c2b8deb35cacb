import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { KEY_FILE, UnsealError, Vault } from './vault.ts';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-vault-'));
  dirs.push(dir);
  return dir;
};
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('Vault', () => {
  it('makes its key on first use as a 0600 file, and a second vault on the same directory opens what the first sealed', () => {
    const dir = scratch();
    const vault = new Vault(dir);
    assert.throws(() => statSync(join(dir, KEY_FILE)), /ENOENT/, 'no key until a value is sealed');
    const sealed = vault.seal(Buffer.from('hunter2'), 'secret|v1');
    assert.equal(statSync(join(dir, KEY_FILE)).mode & 0o777, 0o600);
    assert.ok(!sealed.includes('hunter2') && !Buffer.from(sealed.slice(3), 'base64').includes('hunter2'));
    assert.notEqual(vault.seal(Buffer.from('hunter2'), 'secret|v1'), sealed, 'a fresh IV each time');
    assert.equal(new Vault(dir).open(sealed, 'secret|v1').toString(), 'hunter2');
  });

  it('refuses a value sealed for another record, altered, or under another key', () => {
    const vault = new Vault(scratch());
    const sealed = vault.seal(Buffer.from('hunter2'), 'secret|v1');
    assert.throws(() => vault.open(sealed, 'secret|v2'), UnsealError);
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    assert.throws(() => vault.open(`v1:${raw.toString('base64')}`, 'secret|v1'), UnsealError);
    assert.throws(() => new Vault(scratch()).open(sealed, 'secret|v1'), UnsealError);
  });

  it('tightens a key file readable by others, and refuses one that is not a 32-byte key', () => {
    const dir = scratch();
    const vault = new Vault(dir);
    vault.seal(Buffer.from('x'), 'c');
    chmodSync(join(dir, KEY_FILE), 0o644);
    new Vault(dir).seal(Buffer.from('x'), 'c');
    assert.equal(statSync(join(dir, KEY_FILE)).mode & 0o777, 0o600);
    const bad = scratch();
    writeFileSync(join(bad, KEY_FILE), 'short', { mode: 0o600 });
    assert.throws(() => new Vault(bad).seal(Buffer.from('x'), 'c'), /holds 5 bytes, not a 32-byte key/);
  });
});
