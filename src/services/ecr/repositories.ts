/**
 * @module services/ecr/repositories
 * Finding repositories: by name within a region and account (the API), or by name alone (the
 * registry, whose requests carry no region: the default region wins when a name is in several).
 */
import { scopeKey, type Scope } from '../../core/scope.ts';
import type { EcrContext } from './context.ts';
import { ecrError } from './errors.ts';
import type { RepositoryRecord } from './model.ts';

/** The repository, or RepositoryNotFoundException naming it. `registryId` must be this account when given. */
export function requireRepository(ecr: EcrContext, scope: Scope, name: string, registryId?: string): RepositoryRecord {
  if (registryId && registryId !== scope.account) throw ecrError.repositoryNotFound(name, registryId);
  const found = ecr.model.repositories.find({ scope: scopeKey(scope), name })[0];
  if (!found) throw ecrError.repositoryNotFound(name, scope.account);
  return found;
}

export function findRepositoryByName(ecr: EcrContext, name: string): RepositoryRecord | undefined {
  const preferred = scopeKey({ region: ecr.config.defaultRegion, account: ecr.config.account });
  return ecr.model.repositories.find({ scope: preferred, name })[0] ?? ecr.model.repositories.find({ name })[0];
}
