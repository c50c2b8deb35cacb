/**
 * @module services/connections/changes
 * Change detection's one output: a `connections.change` event for each branch or tag that moved,
 * with the files changed computed by git from the two commits (never taken from a payload). Pushes
 * to Slipway's own git host arrive as `codecommit.push` events; remote repositories' changes are
 * the refs a fetch of their mirror moved (webhook.ts, poller.ts, and any read that fetches).
 */
import type { SlipwayEvent } from '../../core/events.ts';
import { logger } from '../../core/log.ts';
import { diffTrees, git, PUSHED, resolveCommit } from '../codecommit/index.ts';
import { CHANGED, type ChangeDetail, type ConnectionsContext, type PullRequestEvent } from './context.ts';
import { type MovedRef, ZERO } from './mirrors.ts';

const log = logger('connections');

/** Paths changed from `before` (zeros or undefined: nothing before) to `after`, both read in `dir`. */
export async function filesChanged(dir: string, before: string | undefined, after: string): Promise<string[]> {
  const from = before && before !== ZERO ? await resolveCommit(dir, before) : undefined;
  const to = await resolveCommit(dir, after);
  if (!to) return [];
  return (await diffTrees(dir, from, to)).map((c) => c.path);
}

/** One event per branch or tag that moved to a commit (deletions start nothing and are not published). */
export async function publishMoved(
  cc: ConnectionsContext,
  source: { dir: string; fullRepositoryId: string; connectionArn?: string },
  moved: MovedRef[],
  via: ChangeDetail['via'],
): Promise<void> {
  for (const { ref, oldCommitId, newCommitId } of moved) {
    const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
    const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
    if ((!branch && !tag) || newCommitId === ZERO) continue;
    const commit = await resolveCommit(source.dir, newCommitId);
    if (!commit) continue;
    const detail: ChangeDetail = {
      fullRepositoryId: source.fullRepositoryId,
      connectionArn: source.connectionArn,
      ref,
      branch,
      tag,
      oldCommitId,
      newCommitId: commit,
      changedFiles: await filesChanged(source.dir, oldCommitId, commit),
      via,
    };
    // Members with no value are left out, as a JSON reader of the event would see it.
    const shown = Object.fromEntries(Object.entries(detail).filter(([, value]) => value !== undefined));
    cc.events.publish({
      type: CHANGED,
      resource: source.connectionArn ?? source.fullRepositoryId,
      at: cc.clock.now(),
      detail: shown,
    });
  }
}

/**
 * One change for a pull request's event: its head (a commit git has, as the caller resolved it),
 * and the files changed from the merge base with the destination branch to that head, from git;
 * `headRepository` names the fork the head was fetched from when the repository does not hold it.
 */
export async function publishPullRequest(
  cc: ConnectionsContext,
  source: { dir: string; fullRepositoryId: string; connectionArn?: string },
  pullRequest: PullRequestEvent,
  via: ChangeDetail['via'],
  head: string,
  headRepository?: string,
): Promise<void> {
  const destination = await resolveCommit(source.dir, `refs/heads/${pullRequest.destinationBranch}`);
  const base = destination
    ? await git(source.dir, ['merge-base', destination, head]).then(
        (out) => out.toString().trim(),
        () => undefined,
      )
    : undefined;
  const detail: ChangeDetail = {
    fullRepositoryId: source.fullRepositoryId,
    ...(source.connectionArn ? { connectionArn: source.connectionArn } : {}),
    ref: `refs/heads/${pullRequest.sourceBranch}`,
    branch: pullRequest.sourceBranch,
    oldCommitId: base ?? ZERO,
    newCommitId: head,
    changedFiles: await filesChanged(source.dir, base, head),
    via,
    pullRequest,
    ...(headRepository ? { headRepository } : {}),
  };
  cc.events.publish({
    type: CHANGED,
    resource: source.connectionArn ?? source.fullRepositoryId,
    at: cc.clock.now(),
    detail: { ...detail },
  });
}

/** Turns each push to a repository of Slipway's git host into a change; returns the unsubscribe. */
export function watchLocalPushes(cc: ConnectionsContext): () => void {
  const onPush = async (event: SlipwayEvent) => {
    const { fullRepositoryId, ref, oldCommitId, newCommitId } = event.detail as Record<string, unknown>;
    if (typeof fullRepositoryId !== 'string' || typeof ref !== 'string' || typeof newCommitId !== 'string') return;
    const dir = cc.codecommit.gitDir({ fullRepositoryId });
    if (!dir) return;
    const moved = [{ ref, oldCommitId: typeof oldCommitId === 'string' ? oldCommitId : ZERO, newCommitId }];
    await publishMoved(cc, { dir, fullRepositoryId }, moved, 'push');
  };
  return cc.events.subscribe((event) => {
    if (event.type === PUSHED) onPush(event).catch((err) => log.warn(`a push to ${event.resource} was not published as a change`, err));
  });
}
