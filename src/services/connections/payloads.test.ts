import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Delivery, pullRequestOf, pushOf } from './payloads.ts';

const azure = (eventType: string, resource: Record<string, unknown>, text = '') => {
  const payload = { eventType, message: { text }, resource };
  return pullRequestOf({ provider: 'AzureDevOps', event: eventType }, payload);
};
const azurePr = {
  pullRequestId: 4,
  status: 'active',
  sourceRefName: 'refs/heads/topic',
  targetRefName: 'refs/heads/main',
  lastMergeSourceCommit: { commitId: 'c'.repeat(40) },
  repository: { remoteUrl: 'https://dev.azure.com/org/project/_git/repo' },
};

describe('webhook payloads', () => {
  it("reads Azure DevOps' pull request updates by what changed, and its repository as org/project/repo", () => {
    assert.equal(azure('git.pullrequest.created', azurePr)?.event.event, 'OPEN');
    assert.equal(azure('git.pullrequest.created', azurePr)?.fullRepositoryId, 'org/project/repo');
    assert.equal(azure('git.pullrequest.updated', azurePr, 'Jo updated the source branch of pull request 4')?.event.event, 'UPDATED');
    assert.equal(azure('git.pullrequest.updated', azurePr, 'Jo reactivated pull request 4')?.event.event, 'OPEN');
    assert.equal(azure('git.pullrequest.updated', azurePr, 'Jo approved pull request 4'), undefined);
    assert.equal(azure('git.pullrequest.updated', { ...azurePr, status: 'completed' })?.event.event, 'CLOSED');
    assert.equal(azure('git.pullrequest.merged', { ...azurePr, status: 'active' }), undefined, 'a merge attempted is no closing');
    const legacy = { ...azurePr, repository: { remoteUrl: 'https://org.visualstudio.com/project/_git/repo' } };
    assert.equal(azure('git.pullrequest.created', legacy)?.fullRepositoryId, 'org/project/repo');
    const forked = { ...azurePr, forkSource: { repository: { remoteUrl: 'https://dev.azure.com/org/project/_git/repo-fork' } } };
    assert.equal(azure('git.pullrequest.created', forked)?.fork, 'org/project/repo-fork');
  });

  it('takes only a pull request numbered as providers number them, since the number goes into refs', () => {
    const numbered = (number: unknown) =>
      pullRequestOf(
        { provider: 'GitHub', event: 'pull_request' },
        {
          action: 'opened',
          pull_request: { number, head: { ref: 'x', sha: 'a'.repeat(40) }, base: { ref: 'main' } },
          repository: { full_name: 'o/r' },
        },
      );
    assert.equal(numbered(7)?.headRef, 'refs/pull/7/head');
    assert.equal(numbered('7')?.event.id, '7');
    for (const bad of ['*', '1/head:refs/heads/main', '-1', 0, 1.5, '07', '../1', ''])
      assert.equal(numbered(bad), undefined, `number ${JSON.stringify(bad)}`);
  });

  it('names a fork only when the head is in another repository', () => {
    const github = (head: string | undefined) =>
      pullRequestOf(
        { provider: 'GitHub', event: 'pull_request' },
        {
          action: 'synchronize',
          pull_request: { number: 2, head: { ref: 'x', sha: 'a'.repeat(40), repo: head && { full_name: head } }, base: { ref: 'main' } },
          repository: { full_name: 'o/r' },
        },
      );
    assert.equal(github('o/r')?.fork, undefined);
    assert.equal(github(undefined)?.fork, undefined);
    assert.deepEqual(
      { fork: github('them/r')?.fork, headRef: github('them/r')?.headRef, event: github('them/r')?.event.event },
      { fork: 'them/r', headRef: 'refs/pull/2/head', event: 'UPDATED' },
    );
    const gitlab = pullRequestOf(
      { provider: 'GitLab', event: 'Merge Request Hook' },
      {
        project: { path_with_namespace: 'g/r' },
        object_attributes: {
          action: 'open',
          iid: 3,
          source_project_id: 8,
          target_project_id: 9,
          source_branch: 'x',
          target_branch: 'main',
        },
      },
    );
    assert.deepEqual([gitlab?.fork, gitlab?.headRef], [undefined, 'refs/merge-requests/3/head'], 'a fork without its path is not fetched');
  });

  it("reads Bitbucket's repo:push and pull request keys", () => {
    const bitbucket: Delivery = { provider: 'Bitbucket', event: 'repo:push' };
    const change = { old: { type: 'tag', name: 'v1', target: { hash: 'a'.repeat(40) } }, new: null };
    assert.deepEqual(pushOf(bitbucket, { repository: { full_name: 'w/r' }, push: { changes: [change] } }), {
      fullRepositoryId: 'w/r',
      ref: 'refs/tags/v1',
      before: 'a'.repeat(40),
      after: undefined,
    });
    const pr = (key: string) =>
      pullRequestOf(
        { provider: 'Bitbucket', event: key },
        {
          repository: { full_name: 'w/r' },
          pullrequest: { id: 5, source: { branch: { name: 'x' } }, destination: { branch: { name: 'main' } } },
        },
      )?.event.event;
    assert.deepEqual(
      ['pullrequest:created', 'pullrequest:updated', 'pullrequest:fulfilled', 'pullrequest:rejected', 'pullrequest:comment_created'].map(
        pr,
      ),
      ['OPEN', 'UPDATED', 'CLOSED', 'CLOSED', undefined],
    );
  });
});
