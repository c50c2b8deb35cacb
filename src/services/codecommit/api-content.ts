/**
 * @module services/codecommit/api-content
 * GetCommit, GetFile, GetFolder and GetDifferences, read from git itself (cat-file, ls-tree,
 * diff-tree). Specifiers and paths are checked by names.ts before git sees them.
 */
import { paginate } from '../../core/paging.ts';
import { type Scope, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { CodecommitContext } from './context.ts';
import { codecommitError } from './errors.ts';
import { diffTrees, entryAt, listTree, objectType, readBlob, readCommit, type TreeChange } from './git.ts';
import { commitOf, isCommitId, treePath } from './names.ts';
import { requireRepositoryDir } from './repositories.ts';
import type { CodecommitOperations, Difference, FileModeTypeEnum } from './shapes.ts';

/** GetFile returns files up to 6 MB, as CodeCommit does. */
const MAX_FILE_BYTES = 6 * 1024 * 1024;

function fileMode(mode: string): FileModeTypeEnum {
  if (mode === '120000') return 'SYMLINK';
  return mode === '100755' ? 'EXECUTABLE' : 'NORMAL';
}

const join = (folder: string, name: string) => (folder === '' ? name : `${folder}/${name}`);

/** True when `path` is `under` or inside it ('' holds everything). */
const within = (path: string, under: string) => under === '' || path === under || path.startsWith(`${under}/`);

export function contentHandlers(cc: CodecommitContext): Handlers<CodecommitOperations> {
  const dirOf = (ctx: Scope, name: string) => requireRepositoryDir(cc, scopeOf(ctx), name);
  return {
    async GetCommit(input, ctx) {
      const dir = dirOf(ctx, input.repositoryName);
      if (!isCommitId(input.commitId)) throw codecommitError.invalidCommitId(input.commitId);
      if ((await objectType(dir, input.commitId)) !== 'commit') throw codecommitError.commitIdNotFound(input.commitId);
      const c = await readCommit(dir, input.commitId);
      return {
        commit: {
          commitId: input.commitId,
          treeId: c.tree,
          parents: c.parents,
          message: c.message,
          author: c.author,
          committer: c.committer,
          additionalData: '',
        },
      };
    },

    async GetFile(input, ctx) {
      const dir = dirOf(ctx, input.repositoryName);
      const path = treePath('filePath', input.filePath);
      const commitId = await commitOf(dir, 'commitSpecifier', input.commitSpecifier ?? 'HEAD');
      const entry = await entryAt(dir, commitId, path);
      if (entry?.type !== 'blob') throw codecommitError.fileNotFound(input.filePath);
      if ((entry.size ?? 0) > MAX_FILE_BYTES) throw codecommitError.fileTooLarge(input.filePath);
      const content = await readBlob(dir, entry.id);
      return {
        commitId,
        blobId: entry.id,
        filePath: path,
        fileMode: fileMode(entry.mode),
        fileSize: content.length,
        fileContent: content.toString('base64'),
      };
    },

    async GetFolder(input, ctx) {
      const dir = dirOf(ctx, input.repositoryName);
      const path = treePath('folderPath', input.folderPath);
      const commitId = await commitOf(dir, 'commitSpecifier', input.commitSpecifier ?? 'HEAD');
      const treeId = path === '' ? (await readCommit(dir, commitId)).tree : (await entryAt(dir, commitId, path))?.id;
      if (!treeId || (await objectType(dir, treeId)) !== 'tree') throw codecommitError.folderNotFound(input.folderPath);
      const entries = await listTree(dir, treeId);
      const of = (type: string) => entries.filter((e) => e.type === type);
      return {
        commitId,
        folderPath: path === '' ? '/' : path,
        treeId,
        subFolders: of('tree').map((e) => ({ treeId: e.id, absolutePath: join(path, e.path), relativePath: e.path })),
        files: of('blob')
          .filter((e) => e.mode !== '120000')
          .map((e) => ({ blobId: e.id, absolutePath: join(path, e.path), relativePath: e.path, fileMode: fileMode(e.mode) })),
        symbolicLinks: of('blob')
          .filter((e) => e.mode === '120000')
          .map((e) => ({ blobId: e.id, absolutePath: join(path, e.path), relativePath: e.path, fileMode: 'SYMLINK' as const })),
        subModules: of('commit').map((e) => ({ commitId: e.id, absolutePath: join(path, e.path), relativePath: e.path })),
      };
    },

    async GetDifferences(input, ctx) {
      const dir = dirOf(ctx, input.repositoryName);
      const after = await commitOf(dir, 'afterCommitSpecifier', input.afterCommitSpecifier);
      const before =
        input.beforeCommitSpecifier === undefined ? undefined : await commitOf(dir, 'beforeCommitSpecifier', input.beforeCommitSpecifier);
      const beforePath = treePath('beforePath', input.beforePath ?? '');
      const afterPath = treePath('afterPath', input.afterPath ?? '');
      if (input.MaxResults !== undefined && input.MaxResults < 1) throw codecommitError.invalidMaxResults('must be at least 1.');
      const changes = await diffTrees(dir, before && (await readCommit(dir, before)).tree, (await readCommit(dir, after)).tree);
      if (beforePath !== '' && !changes.some((c) => within(c.path, beforePath)) && !(await entryAt(dir, before ?? after, beforePath))) {
        throw codecommitError.pathNotFound('beforePath', input.beforePath ?? '');
      }
      if (afterPath !== '' && !changes.some((c) => within(c.path, afterPath)) && !(await entryAt(dir, after, afterPath))) {
        throw codecommitError.pathNotFound('afterPath', input.afterPath ?? '');
      }
      const under = [beforePath, afterPath].filter((p) => p !== '');
      const wanted = under.length === 0 ? changes : changes.filter((c) => under.some((p) => within(c.path, p)));
      const page = paginate(
        wanted,
        { token: input.NextToken, size: input.MaxResults },
        {
          kind: `codecommit-differences:${before ?? ''}:${after}`,
          defaultSize: 100,
          invalid: (field, message) =>
            field === 'token' ? codecommitError.invalidToken('NextToken') : codecommitError.invalidMaxResults(message),
        },
      );
      return { differences: page.items.map(difference), NextToken: page.next };
    },
  };
}

function difference(c: TreeChange): Difference {
  return {
    changeType: c.status,
    beforeBlob: c.status === 'A' ? undefined : { blobId: c.oldId, path: c.path, mode: c.oldMode },
    afterBlob: c.status === 'D' ? undefined : { blobId: c.newId, path: c.path, mode: c.newMode },
  };
}
