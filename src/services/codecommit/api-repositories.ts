/**
 * @module services/codecommit/api-repositories
 * CreateRepository, GetRepository, ListRepositories and DeleteRepository. A repository is a record
 * and a bare git repository named by its id; the record is written only once the folder exists.
 */
import { codecommitArn, uuid } from '../../core/ids.ts';
import { paginate } from '../../core/paging.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { CodecommitContext } from './context.ts';
import { codecommitError } from './errors.ts';
import { initBare, removeRepository } from './git.ts';
import { checkRepositoryName, repositoryDir, repositoryMetadata, requireRepository } from './repositories.ts';
import type { CodecommitOperations } from './shapes.ts';

export function repositoryHandlers(cc: CodecommitContext): Handlers<CodecommitOperations> {
  const m = cc.model;
  return {
    async CreateRepository(input, ctx) {
      const scope = scopeOf(ctx);
      checkRepositoryName(input.repositoryName);
      if (m.repository(scopeKey(scope), input.repositoryName)) throw codecommitError.repositoryExists(input.repositoryName);
      const now = cc.clock.now();
      const record = {
        id: uuid(),
        arn: codecommitArn.repository(scope, input.repositoryName),
        name: input.repositoryName,
        scope: scopeKey(scope),
        description: input.repositoryDescription,
        creationDate: now,
        lastModifiedDate: now,
        kmsKeyId: input.kmsKeyId,
        tags: input.tags ?? {},
      };
      const dir = repositoryDir(cc, record);
      await initBare(dir);
      try {
        m.tx(() => {
          if (m.repository(record.scope, record.name)) throw codecommitError.repositoryExists(record.name);
          m.putRepository(record);
        });
      } catch (err) {
        removeRepository(dir);
        throw err;
      }
      return { repositoryMetadata: await repositoryMetadata(cc, record, ctx.endpoint) };
    },

    async GetRepository(input, ctx) {
      const repo = requireRepository(cc, scopeOf(ctx), input.repositoryName);
      return { repositoryMetadata: await repositoryMetadata(cc, repo, ctx.endpoint) };
    },

    ListRepositories(input, ctx) {
      const all = m.repositories.find({ scope: scopeKey(scopeOf(ctx)) }, 'name');
      if (input.sortBy === 'lastModifiedDate') all.sort((a, b) => a.lastModifiedDate - b.lastModifiedDate);
      if (input.order === 'descending') all.reverse();
      const page = paginate(
        all,
        { token: input.nextToken },
        {
          kind: `codecommit-repositories:${input.sortBy ?? ''}:${input.order ?? ''}`,
          defaultSize: 1000,
          invalid: () => codecommitError.invalidToken('nextToken'),
        },
      );
      return { repositories: page.items.map((r) => ({ repositoryName: r.name, repositoryId: r.id })), nextToken: page.next };
    },

    DeleteRepository(input, ctx) {
      checkRepositoryName(input.repositoryName);
      const repo = m.repository(scopeKey(scopeOf(ctx)), input.repositoryName);
      // Deleting what is not there succeeds with no id, as CodeCommit answers.
      if (!repo) return {};
      m.tx(() => m.deleteRepository(repo));
      removeRepository(repositoryDir(cc, repo));
      return { repositoryId: repo.id };
    },
  };
}
