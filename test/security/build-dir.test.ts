/**
 * Where `slipway` keeps its compiled code when the package is not writable: a directory in the
 * temporary directory, whose name any user can guess. Code is run from it only when it is the
 * user's own and closed to others' writes.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const build = fileURLToPath(new URL('../../bin/build.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'slipway-build-dir-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

// A package whose dist/ cannot be made (a file holds the name), with its own temporary directory.
const root = join(scratch, 'package');
const temp = join(scratch, 'tmp');
mkdirSync(root);
mkdirSync(temp);
writeFileSync(join(root, 'dist'), '');

/** buildsDir(root) in a process of its own: the directory it gives, or its error. */
function buildsDir(): { dir?: string; error?: string } {
  const script = `import { buildsDir } from ${JSON.stringify(build)};
try { console.log(JSON.stringify({ dir: buildsDir(${JSON.stringify(root)}) })); }
catch (err) { console.log(JSON.stringify({ error: err.message })); }`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TMPDIR: temp } });
  return JSON.parse(out.toString());
}

test('an unwritable package builds into a directory of the temporary directory, made for this user', () => {
  const { dir, error } = buildsDir();
  assert.equal(error, undefined);
  assert.ok(dir?.startsWith(`${temp}/slipway-dist-`), dir);
  assert.equal(buildsDir().dir, dir, 'the same directory the next time');
});

test('that directory is refused when another has pointed its name elsewhere', () => {
  const { dir } = buildsDir();
  rmSync(dir!, { recursive: true });
  const elsewhere = join(scratch, 'planted');
  mkdirSync(elsewhere, { mode: 0o700 });
  symlinkSync(elsewhere, dir!);
  assert.match(buildsDir().error ?? '', /is not a directory of this user's alone/);
  rmSync(dir!);
});

test('that directory is refused when others may write to it', () => {
  const { dir } = buildsDir();
  chmodSync(dir!, 0o777);
  assert.match(buildsDir().error ?? '', /is not a directory of this user's alone/);
  chmodSync(dir!, 0o700);
  assert.equal(buildsDir().dir, dir);
});
