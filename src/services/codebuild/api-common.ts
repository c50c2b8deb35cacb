/**
 * @module services/codebuild/api-common
 * What the CodeBuild handlers share: the caller's scope, lookups that answer CodeBuild's
 * errors, and opaque pagination tokens.
 */
import type { Scope } from '../../core/ids.ts';
import type { RequestContext } from '../../protocol/types.ts';
import type { CodebuildContext } from './context.ts';
import { codebuildError, invalid } from './errors.ts';
import { codebuildArn, type ProjectRecord } from './model.ts';

export const scopeOf = (ctx: RequestContext): Scope => ({ region: ctx.region, account: ctx.account });

/** A project by name or ARN. */
export function projectArnFor(scope: Scope, nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn : codebuildArn.project(scope, nameOrArn);
}

export function requireProject(cb: CodebuildContext, scope: Scope, nameOrArn: string): ProjectRecord {
  const arn = projectArnFor(scope, nameOrArn);
  const record = cb.model.projects.get(arn);
  if (!record) throw codebuildError.projectNotFound(arn);
  return record;
}

/** Pages of a stable list; the token is the offset, tied to the operation that issued it. */
export function paginate<T>(items: T[], opts: { nextToken?: string; maxResults?: number; kind: string; defaultSize?: number }): { page: T[]; nextToken?: string } {
  let start = 0;
  if (opts.nextToken) {
    const [kind, offset] = Buffer.from(opts.nextToken, 'base64url').toString().split(':');
    start = Number(offset);
    if (kind !== opts.kind || !Number.isInteger(start) || start < 0) invalid('Invalid next token: it was not returned by an earlier call to this operation');
  }
  const size = opts.maxResults ?? opts.defaultSize ?? 100;
  const page = items.slice(start, start + size);
  const end = start + page.length;
  return { page, nextToken: end < items.length ? Buffer.from(`${opts.kind}:${end}`).toString('base64url') : undefined };
}

export function sortOrder<T>(items: T[], order: string | undefined, fallback: 'ASCENDING' | 'DESCENDING'): T[] {
  return (order ?? fallback) === 'DESCENDING' ? [...items].reverse() : items;
}
