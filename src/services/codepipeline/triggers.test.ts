import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PipelineTriggerDeclaration } from './shapes.ts';
import { globMatches, triggerAccepts } from './triggers.ts';

const trigger = (
  gitConfiguration: Omit<PipelineTriggerDeclaration['gitConfiguration'], 'sourceActionName'>,
): PipelineTriggerDeclaration => ({
  providerType: 'CodeStarSourceConnection',
  gitConfiguration: { sourceActionName: 'Source', ...gitConfiguration },
});

describe('trigger globs', () => {
  it('`*` stays within one path component, `**` crosses them', () => {
    assert.ok(globMatches('feature/*', 'feature/login'));
    assert.ok(!globMatches('feature/*', 'feature/login/fix'));
    assert.ok(globMatches('feature/**', 'feature/login/fix'));
    assert.ok(globMatches('src/**/*.py', 'src/main.py'));
    assert.ok(globMatches('src/**/*.py', 'src/app/api/main.py'));
    assert.ok(!globMatches('src/*.py', 'src/app/main.py'));
  });

  it('reads `?`, classes, negated classes, alternatives and escapes', () => {
    assert.ok(globMatches('v?', 'v1'));
    assert.ok(!globMatches('v?', 'v10'));
    assert.ok(globMatches('release-[0-9]', 'release-7'));
    assert.ok(!globMatches('release-[!0-9]', 'release-7'));
    assert.ok(globMatches('{main,develop}', 'develop'));
    assert.ok(!globMatches('{main,develop}', 'mainline'));
    assert.ok(globMatches('docs/\\*.md', 'docs/*.md'));
    assert.ok(!globMatches('docs/\\*.md', 'docs/a.md'));
    assert.ok(globMatches('a.b', 'a.b') && !globMatches('a.b', 'axb'), 'a dot is a dot');
  });
});

describe('trigger filters', () => {
  it('branch and file-path parts must both match (the seed 003 filter)', () => {
    const t = trigger({ push: [{ branches: { includes: ['main'] }, filePaths: { includes: ['src/components/**'] } }] });
    assert.ok(triggerAccepts(t, { branch: 'main', changedFiles: ['README.md', 'src/components/app.py'] }));
    assert.ok(!triggerAccepts(t, { branch: 'main', changedFiles: ['README.md'] }), 'no changed file under the path');
    assert.ok(!triggerAccepts(t, { branch: 'dev', changedFiles: ['src/components/app.py'] }), 'another branch');
    assert.ok(!triggerAccepts(t, { branch: 'main' }), 'changed files unknown');
  });

  it('excludes beat includes', () => {
    const t = trigger({ push: [{ branches: { includes: ['feature/**'], excludes: ['feature/experimental/**'] } }] });
    assert.ok(triggerAccepts(t, { branch: 'feature/login' }));
    assert.ok(!triggerAccepts(t, { branch: 'feature/experimental/x' }));
    const onlyExcludes = trigger({ push: [{ branches: { excludes: ['wip'] } }] });
    assert.ok(triggerAccepts(onlyExcludes, { branch: 'main' }), 'excludes alone let everything else through');
    assert.ok(!triggerAccepts(onlyExcludes, { branch: 'wip' }));
  });

  it('filters of a trigger are alternatives; tags match tag pushes only', () => {
    const t = trigger({ push: [{ tags: { includes: ['v*'] } }, { branches: { includes: ['main'] } }] });
    assert.ok(triggerAccepts(t, { tag: 'v1.2' }));
    assert.ok(!triggerAccepts(t, { tag: 'beta' }));
    assert.ok(triggerAccepts(t, { branch: 'main' }));
    assert.ok(!triggerAccepts(t, { branch: 'v1' }), 'a branch is not a tag');
  });

  it('pull-request filters match the event and the destination branch', () => {
    const t = trigger({ pullRequest: [{ events: ['OPEN', 'UPDATED'], branches: { includes: ['main'] } }] });
    const pr = (event: 'OPEN' | 'UPDATED' | 'CLOSED', destinationBranch: string) => ({
      pullRequest: { event, sourceBranch: 'feature/x', destinationBranch },
    });
    assert.ok(triggerAccepts(t, pr('OPEN', 'main')));
    assert.ok(!triggerAccepts(t, pr('CLOSED', 'main')));
    assert.ok(!triggerAccepts(t, pr('OPEN', 'dev')));
    assert.ok(!triggerAccepts(t, { branch: 'main' }), 'a push is not a pull request');
  });
});
