import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCommitId, treePath } from './names.ts';

describe('codecommit names', () => {
  it('tree paths lose their outer slashes; dot segments, empty segments and control characters are refused', () => {
    assert.equal(treePath('filePath', '/dir/taskdef.json'), 'dir/taskdef.json');
    assert.equal(treePath('folderPath', '/'), '');
    assert.equal(treePath('folderPath', 'scripts/'), 'scripts');
    for (const bad of ['../etc/passwd', 'a/../b', './a', 'a//b', 'a\nb', 'a\0b']) {
      assert.throws(() => treePath('filePath', bad), { code: 'InvalidPathException' }, bad);
    }
  });

  it('a commit id is 40 lowercase hex digits', () => {
    assert.ok(isCommitId('a'.repeat(40)));
    assert.ok(!isCommitId('A'.repeat(40)));
    assert.ok(!isCommitId('abc'));
  });
});
