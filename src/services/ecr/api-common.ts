/**
 * @module services/ecr/api-common
 * What the ECR handlers share: the repository a request names, ECR's paging of lists, and the
 * wording ECR uses for images and parameters. A request context is itself the caller's scope
 * (its region and account), so handlers pass it wherever a scope is wanted.
 */
import { paginate, type Page } from '../../core/paging.ts';
import type { RequestContext } from '../../protocol/types.ts';
import type { EcrContext } from './context.ts';
import { ecrError } from './errors.ts';
import type { RepositoryRecord } from './model.ts';
import { requireRepository } from './repositories.ts';
import type { ImageIdentifier } from './shapes.ts';

/** The repository a request names by repositoryName (and optionally registryId). */
export function repositoryFor(
  ecr: EcrContext,
  ctx: RequestContext,
  input: { repositoryName: string; registryId?: string },
): RepositoryRecord {
  return requireRepository(ecr, ctx, input.repositoryName, input.registryId);
}

/** An image id as ECR prints it in messages: {imageDigest:'…', imageTag:'…'}, 'null' for an absent part. */
export function describeImageId(id: ImageIdentifier): string {
  return `{imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'}`;
}

/**
 * One page of an ECR list: maxResults items (100 when absent, at most the model's `maxSize`) from
 * where nextToken left off; a bad token or size is ECR's InvalidParameterException naming it.
 */
export function listPage<T>(
  all: readonly T[],
  input: { maxResults?: number; nextToken?: string },
  list: { kind: string; maxSize: number },
): Page<T> {
  return paginate(
    all,
    { token: input.nextToken, size: input.maxResults },
    {
      ...list,
      defaultSize: 100,
      invalid: (field, message) => ecrError.invalidParameter(field === 'token' ? 'nextToken' : 'maxResults', message),
    },
  );
}

/** maxResults and nextToken page through a whole list; ECR refuses them beside an explicit list of ids. */
export function refusePagingWithIds(listName: string, hasIds: boolean, input: { maxResults?: number; nextToken?: string }): void {
  if (!hasIds) return;
  if (input.maxResults !== undefined) throw ecrError.invalidParameter('maxResults', `maxResults cannot be used together with ${listName}`);
  if (input.nextToken !== undefined) throw ecrError.invalidParameter('nextToken', `nextToken cannot be used together with ${listName}`);
}
