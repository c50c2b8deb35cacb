import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { downloadSource, type SourceReaders } from './source.ts';

const dir = mkdtempSync(join(tmpdir(), 'slipway-cb-source-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const readers: SourceReaders = {
  log: () => undefined,
  fetchArchive: () => Promise.reject(new Error('no S3 here')),
  readBuildspec: () => Promise.resolve(undefined),
};

describe('downloadSource', () => {
  it('takes a git location starting with "-" as a repository, never as an option of git clone', async () => {
    const location = `--template=${join(dir, 'templates')}`;
    await assert.rejects(downloadSource({ type: 'GITHUB', location }, undefined, join(dir, 'src'), readers), (err: Error) => {
      assert.match(err.message, /^git clone failed: /);
      assert.ok(err.message.includes(`'${location}'`), err.message);
      return true;
    });
  });
});
