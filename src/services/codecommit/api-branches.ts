/**
 * @module services/codecommit/api-branches
 * CreateBranch, GetBranch and ListBranches: refs/heads/ of the repository's bare git repository.
 */
import { paginate } from '../../core/paging.ts';
import { type Scope, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { CodecommitContext } from './context.ts';
import { codecommitError } from './errors.ts';
import { branches, git, objectType } from './git.ts';
import { checkBranchName, isCommitId } from './names.ts';
import { requireRepositoryDir } from './repositories.ts';
import type { CodecommitOperations } from './shapes.ts';

const NO_COMMIT = '0'.repeat(40);

export function branchHandlers(cc: CodecommitContext): Handlers<CodecommitOperations> {
  const dirOf = (ctx: Scope, name: string) => requireRepositoryDir(cc, scopeOf(ctx), name);
  return {
    async CreateBranch(input, ctx) {
      const dir = dirOf(ctx, input.repositoryName);
      await checkBranchName(dir, input.branchName);
      if (!isCommitId(input.commitId)) throw codecommitError.invalidCommitId(input.commitId);
      if ((await objectType(dir, input.commitId)) !== 'commit') throw codecommitError.commitNotFound('commitId', input.commitId);
      if ((await branches(dir)).has(input.branchName)) throw codecommitError.branchExists(input.branchName);
      try {
        // The zero old value makes git refuse a branch that appeared meanwhile.
        await git(dir, ['update-ref', `refs/heads/${input.branchName}`, input.commitId, NO_COMMIT]);
      } catch {
        throw codecommitError.branchExists(input.branchName);
      }
      return {};
    },

    async GetBranch(input, ctx) {
      if (input.repositoryName === undefined) throw codecommitError.repositoryNameRequired();
      if (input.branchName === undefined) throw codecommitError.branchNameRequired();
      const dir = dirOf(ctx, input.repositoryName);
      await checkBranchName(dir, input.branchName);
      const commitId = (await branches(dir)).get(input.branchName);
      if (!commitId) throw codecommitError.branchNotFound(input.branchName);
      return { branch: { branchName: input.branchName, commitId } };
    },

    async ListBranches(input, ctx) {
      const names = [...(await branches(dirOf(ctx, input.repositoryName))).keys()].sort();
      const page = paginate(
        names,
        { token: input.nextToken },
        { kind: 'codecommit-branches', defaultSize: 100, invalid: () => codecommitError.invalidToken('nextToken') },
      );
      return { branches: page.items, nextToken: page.next };
    },
  };
}
