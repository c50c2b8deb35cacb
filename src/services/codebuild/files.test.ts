import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { globToRegExp, matchFiles } from './glob.ts';
import { parseJunit } from './junit.ts';
import { writeZip } from './zip.ts';

const dir = mkdtempSync(join(tmpdir(), 'slipway-cb-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('artifact globs, zips and JUnit', () => {
  it('matches like buildspec paths: ** crosses directories, * does not, a directory takes its files', async () => {
    assert.ok(globToRegExp('**/*').test('a/b/c.txt'));
    assert.ok(globToRegExp('**/*').test('top.txt'));
    assert.ok(globToRegExp('*.json').test('imagedefinitions.json'));
    assert.ok(!globToRegExp('*.json').test('dir/x.json'));
    assert.ok(globToRegExp('dist').test('dist/index.html'));
    assert.ok(globToRegExp('src/**/*.py').test('src/main.py'));
    for (const f of ['a/x.txt', 'a/b/y.txt', 'a/node_modules/z.js', '.hidden']) {
      mkdirSync(join(dir, 'tree', f, '..'), { recursive: true });
      writeFileSync(join(dir, 'tree', f), f);
    }
    const found = await matchFiles(join(dir, 'tree'), ['**/*'], ['**/node_modules/**/*']);
    assert.deepEqual(
      found.map((f) => f.path),
      ['.hidden', 'a/b/y.txt', 'a/x.txt'],
    );
  });

  it('writes zips that unzip reads back', async () => {
    const file = join(dir, 'out.zip');
    const sums = await writeZip(file, [
      { name: 'imagedefinitions.json', absolute: join(dir, 'tree', 'a', 'x.txt') },
      { name: 'deep/y.txt', absolute: join(dir, 'tree', 'a', 'b', 'y.txt') },
    ]);
    assert.match(sums.sha256, /^[0-9a-f]{64}$/);
    const listing = execFileSync('python3', [
      '-c',
      'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip()); [print(i.filename, z.read(i).decode()) for i in z.infolist()]',
      file,
    ]).toString();
    assert.equal(listing, 'None\nimagedefinitions.json a/x.txt\ndeep/y.txt a/b/y.txt\n');
  });

  it('reads pytest JUnit XML', () => {
    const cases =
      parseJunit(`<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="0" failures="1" skipped="1" tests="3" time="0.05">
<testcase classname="test_main" name="test_root" time="0.010" />
<testcase classname="test_main" name="test_fail" time="0.002"><failure message="assert 1 == 2">def test_fail():
&gt;   assert 1 == 2</failure></testcase>
<testcase classname="test_main" name="test_skip" time="0.000"><skipped type="pytest.skip" message="later" /></testcase>
</testsuite></testsuites>`);
    assert.deepEqual(
      cases.map((c) => [c.prefix, c.name, c.status, c.durationNs]),
      [
        ['test_main', 'test_root', 'SUCCEEDED', 10_000_000],
        ['test_main', 'test_fail', 'FAILED', 2_000_000],
        ['test_main', 'test_skip', 'SKIPPED', 0],
      ],
    );
    assert.equal(cases[1].message, 'assert 1 == 2\ndef test_fail():\n>   assert 1 == 2');
  });
});
