/**
 * @module services/connections/repository
 * One repository as a connection reads it — Slipway's own git host, or a remote one through its
 * mirror — and what the pipeline's source action asks of it: the commit a branch names, a commit's
 * author and message, its tree as a zip, and the files changed between two commits, all read from
 * git itself.
 */
import { readCommit, resolveCommit, writeZip } from '../codecommit/index.ts';
import type { Scope } from '../../core/ids.ts';
import { scopeKey, scopeOfOwnArn } from '../../core/scope.ts';
import { filesChanged, publishMoved } from './changes.ts';
import type { ChangeDetail, ConnectionsContext } from './context.ts';
import { fetchEnv, fetchMirror, fetchRef, mirrorDir, type MovedRef } from './mirrors.ts';
import type { ConnectionRecord } from './model.ts';
import { findConnection } from './resolve.ts';
import { type GitLocation, locationOf, repositorySegments } from './source.ts';

/** A connection, repository or commit that cannot be read; the message says which and why. */
export class SourceError extends Error {}

export interface CommitInfo {
  commitId: string;
  message: string;
  authorName: string;
  authorEmail: string;
  /** ISO 8601, as CodePipeline's AuthorDate. */
  authorDate: string;
}

export interface SourceRepository {
  connection: ConnectionRecord;
  fullRepositoryId: string;
  location: GitLocation;
  /** Where the repository is read on this machine: the git host's bare repository or the mirror. */
  dir: string;
  /**
   * Fetches a remote repository into its mirror (nothing for the local host), publishes each ref
   * that moved as a change seen `via`, and answers them; `first` when the mirror was just made.
   */
  refresh(via: ChangeDetail['via']): Promise<{ moved: MovedRef[]; first: boolean }>;
  /** The commit a branch (or tag) names, or undefined. */
  commitOf(ref: string): Promise<string | undefined>;
  commit(commitId: string): Promise<CommitInfo>;
  writeZip(commitId: string, file: string): Promise<void>;
  /** Paths changed from `before` (40 zeros or undefined: nothing) to `after`, renames as a delete and an add. */
  changedFiles(before: string | undefined, after: string): Promise<string[]>;
  /**
   * A pull request's head commit `commitId` (40 hex) from the fork `fork`: the commit when git has
   * it, else the fork's `branch` fetched (read through the same connection) into the mirror and
   * the commit looked for again; undefined when neither holds it.
   */
  headFromFork(fork: string, branch: string, commitId: string): Promise<string | undefined>;
  /**
   * Where `git clone` reads the repository itself (not the mirror): the git host's bare repository,
   * or the provider's URL with the environment that carries the connection's token to it.
   */
  cloneSource(): { url: string; env: Record<string, string> };
}

const ISO = (gitDate: string) => {
  const seconds = Number(gitDate.split(' ')[0]);
  return Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z') : '';
};

/**
 * A branch or tag name as `git check-ref-format --branch` takes one (its rules 1 and 3–10): no
 * revision or refspec syntax, no option-like start, no component git keeps for itself. `@` and
 * `HEAD` alone are refused as well, since git reads them as the current branch.
 */
export function isRefName(name: string): boolean {
  if (name === '' || name === '@' || name === 'HEAD' || name.startsWith('-')) return false;
  if ([...name].some((c) => c <= ' ' || c === '\x7f')) return false;
  if (/[~^:?*[\\]|\.\.|@\{|^\/|\/\/|[/.]$/.test(name)) return false;
  return name.split('/').every((part) => !part.startsWith('.') && !part.endsWith('.lock'));
}

/** The repository `fullRepositoryId` through the connection `connectionArn` (the caller's scope only). */
export function openRepository(cc: ConnectionsContext, connectionArn: string, fullRepositoryId: string, scope: Scope): SourceRepository {
  const connection = findConnection(cc, scope, connectionArn);
  if (!connection) throw new SourceError(`connection ${connectionArn} does not exist in ${scope.region}`);
  return repositoryOf(cc, connection, fullRepositoryId);
}

export function repositoryOf(cc: ConnectionsContext, connection: ConnectionRecord, named: string): SourceRepository {
  // owner/repo.git and owner/repo are one repository, with one mirror.
  const fullRepositoryId = repositorySegments(named)?.join('/') ?? named;
  const scope = scopeOfOwnArn(connection.arn);
  const host = connection.hostId ? cc.model.host(scopeKey(scope), connection.hostId) : undefined;
  const location = locationOf(connection, host, fullRepositoryId, scope);
  if (typeof location === 'string') throw new SourceError(location);
  const dir =
    location.kind === 'local'
      ? cc.codecommit.gitDir({ fullRepositoryId: location.fullRepositoryId })
      : mirrorDir(cc, connection.id, fullRepositoryId);
  if (!dir) throw new SourceError(`repository ${fullRepositoryId} does not exist on Slipway's git host; push to it first`);
  const requireCommit = async (commitId: string) => {
    const id = /^[0-9a-f]{40}$/.test(commitId) ? await resolveCommit(dir, commitId) : undefined;
    if (!id) throw new SourceError(`commit ${commitId.slice(0, 64)} is not in ${fullRepositoryId}`);
    return id;
  };
  return {
    connection,
    fullRepositoryId,
    location,
    dir,
    async refresh(via) {
      if (location.kind === 'local') return { moved: [], first: false };
      // One fetch and its events at a time per mirror, so each change is published once.
      return cc.fetches.take(dir, async () => {
        let fetched: Awaited<ReturnType<typeof fetchMirror>>;
        try {
          fetched = await fetchMirror(cc, dir, location);
        } catch (err) {
          throw new SourceError(`could not fetch ${location.url}: ${(err as Error).message}`);
        }
        await publishMoved(cc, { dir, fullRepositoryId, connectionArn: connection.arn }, fetched.moved, via);
        return fetched;
      });
    },
    async commitOf(ref) {
      if (!isRefName(ref)) return undefined;
      return (await resolveCommit(dir, `refs/heads/${ref}`)) ?? (await resolveCommit(dir, `refs/tags/${ref}`));
    },
    async commit(commitId) {
      const c = await readCommit(dir, await requireCommit(commitId));
      return {
        commitId,
        message: c.message.trim(),
        authorName: c.author.name,
        authorEmail: c.author.email,
        authorDate: ISO(c.author.date),
      };
    },
    async writeZip(commitId, file) {
      await writeZip(dir, await requireCommit(commitId), file);
    },
    async changedFiles(before, after) {
      return filesChanged(dir, before, await requireCommit(after));
    },
    async headFromFork(fork, branch, commitId) {
      if (!/^[0-9a-f]{40}$/.test(commitId)) return undefined;
      const held = () => resolveCommit(dir, commitId);
      const had = await held();
      if (had || location.kind !== 'remote') return had;
      const forkId = repositorySegments(fork)?.join('/');
      const from = forkId && locationOf(connection, host, forkId, scope);
      // The fork and branch become a ref of the mirror: each must be a name git takes as one.
      const target = `forks/${forkId}/${branch}`;
      if (typeof from !== 'object' || from.kind !== 'remote' || !isRefName(branch) || !isRefName(target)) return undefined;
      return cc.fetches.take(dir, async () =>
        (await fetchRef(cc, dir, from, `refs/heads/${branch}`, `refs/${target}`)) ? held() : undefined,
      );
    },
    cloneSource() {
      if (location.kind === 'local') return { url: dir, env: {} };
      try {
        return { url: location.url, env: fetchEnv(cc, location) };
      } catch (err) {
        throw new SourceError(`the token of connection ${connection.arn} cannot be read: ${(err as Error).message}`);
      }
    },
  };
}
