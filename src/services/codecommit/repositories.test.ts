import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CodecommitContext } from './context.ts';
import { hostedDir } from './repositories.ts';

it('a local git host repository is a folder under the git root only when owner and name are names it takes', () => {
  const cc = { gitRoot: '/data/git' } as CodecommitContext;
  assert.equal(hostedDir(cc, 'acme', 'web'), '/data/git/hosted/acme/web.git');
  for (const [owner, name] of [
    ['..', 'web'],
    ['acme', '..'],
    ['.', 'web'],
    ['acme', 'a/b'],
    ['ac me', 'web'],
    ['acme', 'web.git'],
    ['', 'web'],
    ['acme', ''],
    ['acme', '..%2f'],
  ]) {
    assert.equal(hostedDir(cc, owner, name), undefined, `${owner}/${name}`);
  }
});
