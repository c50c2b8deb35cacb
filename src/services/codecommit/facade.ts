/**
 * @module services/codecommit/facade
 * What other rooms (CodePipeline's source action next) may ask of the git server: the commit a
 * branch points at, and a commit's tree as a zip file or written into a folder.
 */
import { existsSync } from 'node:fs';
import type { Scope } from '../../core/ids.ts';
import { scopeKey } from '../../core/scope.ts';
import type { CodecommitContext } from './context.ts';
import { type CommitObject, extractTree, readCommit, writeZip } from './git.ts';
import { commitOf } from './names.ts';
import { hostedDir, isRepositoryName, repositoryDir } from './repositories.ts';

/** A CodeCommit repository in a scope, or a repository of the local git host by owner/repo. */
export type RepositoryLocator = { scope: Scope; repositoryName: string } | { fullRepositoryId: string };

export interface CodecommitFacade {
  /** The commit a branch (or tag, or commit id) names now; undefined when the repository or ref is missing. */
  resolveCommit(repo: RepositoryLocator, ref: string): Promise<string | undefined>;
  /** Writes the commit's tree as a zip file at `file`; throws when the commit is not in the repository. */
  writeZip(repo: RepositoryLocator, commitId: string, file: string): Promise<void>;
  /** Writes the commit's tree into the folder `target`. */
  extract(repo: RepositoryLocator, commitId: string, target: string): Promise<void>;
  /** The commit's message, author and committer (dates as git writes them: epoch seconds and offset). */
  commit(repo: RepositoryLocator, commitId: string): Promise<CommitObject>;
  /** The bare repository's folder, to read with the git helpers index.ts exports; undefined when there is none. */
  gitDir(repo: RepositoryLocator): string | undefined;
}

export function createFacade(cc: CodecommitContext): CodecommitFacade {
  const dirOf = (repo: RepositoryLocator): string | undefined => {
    if ('fullRepositoryId' in repo) {
      const [owner, name, ...rest] = repo.fullRepositoryId.split('/');
      return rest.length === 0 ? hostedDir(cc, owner, name ?? '') : undefined;
    }
    if (!isRepositoryName(repo.repositoryName)) return undefined;
    const record = cc.model.repository(scopeKey(repo.scope), repo.repositoryName);
    return record && repositoryDir(cc, record);
  };
  const requireDir = (repo: RepositoryLocator): string => {
    const dir = dirOf(repo);
    if (!dir) throw new Error(`no such repository: ${JSON.stringify(repo)}`);
    return dir;
  };
  return {
    async resolveCommit(repo, ref) {
      const dir = dirOf(repo);
      if (!dir) return undefined;
      try {
        return await commitOf(dir, 'ref', ref);
      } catch {
        return undefined;
      }
    },
    async writeZip(repo, commitId, file) {
      const dir = requireDir(repo);
      await writeZip(dir, await commitOf(dir, 'commitId', commitId), file);
    },
    gitDir(repo) {
      const dir = dirOf(repo);
      return dir && existsSync(dir) ? dir : undefined;
    },
    async extract(repo, commitId, target) {
      const dir = requireDir(repo);
      await extractTree(dir, await commitOf(dir, 'commitId', commitId), target);
    },
    async commit(repo, commitId) {
      const dir = requireDir(repo);
      return readCommit(dir, await commitOf(dir, 'commitId', commitId));
    },
  };
}
