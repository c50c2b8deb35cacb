/**
 * @module services/ecr/api-common
 * What the ECR handlers share: the caller's scope, the repository a request names, pagination,
 * and the wording ECR uses for images and parameters.
 */
import type { Scope } from '../../core/ids.ts';
import type { RequestContext } from '../../protocol/types.ts';
import type { EcrContext } from './context.ts';
import { ecrError } from './errors.ts';
import type { RepositoryRecord } from './model.ts';
import { requireRepository } from './repositories.ts';
import type { ImageIdentifier } from './shapes.ts';

export const scopeOf = (ctx: RequestContext): Scope => ({ region: ctx.region, account: ctx.account });

/** The repository a request names by repositoryName (and optionally registryId). */
export function repositoryFor(ecr: EcrContext, ctx: RequestContext, input: { repositoryName: string; registryId?: string }): RepositoryRecord {
  return requireRepository(ecr, scopeOf(ctx), input.repositoryName, input.registryId);
}

/** An image id as ECR prints it in messages: {imageDigest:'…', imageTag:'…'}, 'null' for an absent part. */
export function describeImageId(id: ImageIdentifier): string {
  return `{imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'}`;
}

/**
 * Opaque pagination tokens: the offset into a stably ordered list, tied to the operation so a
 * token from one list is not read as another's.
 */
export function paginate<T>(items: T[], opts: { maxResults?: number; nextToken?: string; defaultSize: number; kind: string }): { page: T[]; nextToken?: string } {
  let start = 0;
  if (opts.nextToken) {
    const [kind, offset] = Buffer.from(opts.nextToken, 'base64url').toString().split(':');
    start = Number(offset);
    if (kind !== opts.kind || !Number.isInteger(start) || start < 0) throw ecrError.invalidParameter('nextToken', 'must be a token returned by an earlier call to this operation');
  }
  const page = items.slice(start, start + (opts.maxResults ?? opts.defaultSize));
  const end = start + page.length;
  return { page, nextToken: end < items.length ? Buffer.from(`${opts.kind}:${end}`).toString('base64url') : undefined };
}

/** maxResults and nextToken page through a whole list; ECR refuses them beside an explicit list of ids. */
export function refusePagingWithIds(listName: string, hasIds: boolean, input: { maxResults?: number; nextToken?: string }): void {
  if (!hasIds) return;
  if (input.maxResults !== undefined) throw ecrError.invalidParameter('maxResults', `maxResults cannot be used together with ${listName}`);
  if (input.nextToken !== undefined) throw ecrError.invalidParameter('nextToken', `nextToken cannot be used together with ${listName}`);
}
