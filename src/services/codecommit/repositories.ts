/**
 * @module services/codecommit/repositories
 * Finding a repository by what a caller names it — a CodeCommit repository by name in a scope, a
 * repository of the local git host by owner/repo — and checking every name before it becomes a path.
 */
import type { Scope } from '../../core/ids.ts';
import { scopeKey, scopeOfOwnArn } from '../../core/scope.ts';
import type { CodecommitContext } from './context.ts';
import { codecommitError } from './errors.ts';
import { branches, codecommitPath, headBranch, hostedPath } from './git.ts';
import type { RepositoryRecord } from './model.ts';
import type { RepositoryMetadata } from './shapes.ts';

/** CodeCommit's rule: 1–100 letters, digits, '.', '_' or '-', not ending in '.git'. */
export function isRepositoryName(name: string): boolean {
  return /^[\w.-]{1,100}$/.test(name) && !name.toLowerCase().endsWith('.git');
}

/** Owners and repositories of the local git host: as GitHub spells them, never '.' or '..'. */
function isHostedName(name: string): boolean {
  return /^[A-Za-z0-9_.-]{1,100}$/.test(name) && !/^\.+$/.test(name) && !name.toLowerCase().endsWith('.git');
}

export function checkRepositoryName(name: string): void {
  if (!isRepositoryName(name)) throw codecommitError.invalidRepositoryName(name);
}

export function requireRepository(cc: CodecommitContext, scope: Scope, name: string): RepositoryRecord {
  checkRepositoryName(name);
  const repo = cc.model.repository(scopeKey(scope), name);
  if (!repo) throw codecommitError.repositoryNotFound(name);
  return repo;
}

export function repositoryDir(cc: CodecommitContext, repo: RepositoryRecord): string {
  return codecommitPath(cc.gitRoot, repo.id);
}

/** The bare repository of a CodeCommit repository the caller names. */
export function requireRepositoryDir(cc: CodecommitContext, scope: Scope, name: string): string {
  return repositoryDir(cc, requireRepository(cc, scope, name));
}

/** The bare repository of the local git host's owner/repo; undefined when either is not a name it takes. */
export function hostedDir(cc: CodecommitContext, owner: string, repo: string): string | undefined {
  return isHostedName(owner) && isHostedName(repo) ? hostedPath(cc.gitRoot, owner, repo) : undefined;
}

/** `git clone` address of a repository, on the edge the caller reached. */
export function cloneUrlHttp(endpoint: string, name: string): string {
  return `${endpoint.replace(/\/$/, '')}/v1/repos/${name}`;
}

/** The default branch: HEAD's branch once it exists (a new repository has none). */
export async function defaultBranch(dir: string): Promise<string | undefined> {
  const head = await headBranch(dir);
  return (await branches(dir)).has(head) ? head : undefined;
}

export async function repositoryMetadata(cc: CodecommitContext, repo: RepositoryRecord, endpoint: string): Promise<RepositoryMetadata> {
  const scope = scopeOfOwnArn(repo.arn);
  return {
    accountId: scope.account,
    repositoryId: repo.id,
    repositoryName: repo.name,
    repositoryDescription: repo.description,
    defaultBranch: await defaultBranch(repositoryDir(cc, repo)),
    lastModifiedDate: repo.lastModifiedDate,
    creationDate: repo.creationDate,
    cloneUrlHttp: cloneUrlHttp(endpoint, repo.name),
    cloneUrlSsh: `ssh://${new URL(endpoint).host}/v1/repos/${repo.name}`,
    Arn: repo.arn,
    kmsKeyId: repo.kmsKeyId,
  };
}
