import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isRefName } from './repository.ts';

// Outside any repository, so git judges each name alone and cannot read `@` or `@{-1}` as a branch of its own.
const outside = mkdtempSync(join(tmpdir(), 'slipway-refname-'));
after(() => rmSync(outside, { recursive: true, force: true }));

const gitTakes = (name: string) => {
  try {
    execFileSync('git', ['check-ref-format', '--branch', name], { cwd: outside, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const NAMES = [
  'main',
  'feat+x',
  'feature/login',
  'release-1.2',
  'a@b',
  'x.lck',
  'a-',
  'é/ü',
  "it's",
  'a#b',
  'a,b=c',
  'a{b}',
  'a$b',
  'a%b',
  'refs/heads/x',
  'v1.0.0',
  'a.b/c.d',
  '',
  '-x',
  '-',
  'HEAD',
  'a..b',
  'a/..b',
  '.a',
  'x/.y',
  'a.',
  'a/',
  '/a',
  'a//b',
  'x.lock',
  'a.lock/b',
  'a/b.lock/c',
  'a:b',
  'a^',
  'a~1',
  'a?b',
  'a*b',
  'a[b',
  'a\\b',
  'a b',
  'a\tb',
  'a\nb',
  'a\x7fb',
  'a@{1}',
  '@{-1}',
  '.',
  '..',
];

describe('isRefName', () => {
  it('takes and refuses branch names as git check-ref-format --branch does', () => {
    for (const name of NAMES) assert.equal(isRefName(name), gitTakes(name), JSON.stringify(name));
  });

  it('refuses a lone @, which git reads as the current branch', () => {
    assert.equal(isRefName('@'), false);
  });
});
