import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { execFileSync } from 'node:child_process';
import { cloneRepository, downloadSource, type SourceReaders } from './source.ts';

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

  it("clones a commit that only a pull request ref reaches (a fork's head), by its id", async () => {
    const work = join(dir, 'work');
    const bare = join(dir, 'bare.git');
    const run = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd })
        .toString()
        .trim();
    run(dir, 'init', '-q', '--bare', bare);
    run(dir, 'init', '-q', work);
    run(work, 'commit', '-q', '--allow-empty', '-m', 'base');
    run(work, 'push', '-q', bare, 'HEAD:refs/heads/main');
    run(work, 'commit', '-q', '--allow-empty', '-m', 'from a fork');
    const head = run(work, 'rev-parse', 'HEAD');
    run(work, 'push', '-q', bare, 'HEAD:refs/pull/1/head');
    // Over a transport (file://, as over http), unlike a local clone that copies every object.
    assert.equal(await cloneRepository(`file://${bare}`, head, join(dir, 'clone'), { log: () => undefined }), head);
  });
});
