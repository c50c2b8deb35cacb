/**
 * @module services/codebuild/api-common
 * What the CodeBuild handlers share: lookups that answer CodeBuild's errors, and how its list
 * operations page.
 */
import type { Scope } from '../../core/ids.ts';
import type { PageRules } from '../../core/paging.ts';
import type { CodebuildContext } from './context.ts';
import { codebuildError } from './errors.ts';
import { codebuildArn, type ProjectRecord } from './model.ts';

/** A project by name or ARN. */
export function projectArnFor(scope: Scope, nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn : codebuildArn.project(scope, nameOrArn);
}

export function requireProject(cb: CodebuildContext, scope: Scope, nameOrArn: string): ProjectRecord {
  const arn = projectArnFor(scope, nameOrArn);
  const record = cb.model.project(scope, arn);
  if (!record) throw codebuildError.projectNotFound(arn);
  return record;
}

/** CodeBuild's lists: 100 a page at most (its PageSize), a token refused by any other list. */
export function listPaging(kind: string, defaultSize = 100): PageRules {
  return {
    kind,
    defaultSize,
    maxSize: 100,
    invalid: (field, message) => codebuildError.invalidInput(`Invalid ${field === 'token' ? 'nextToken' : 'maxResults'}: ${message}`),
  };
}

export function sortOrder<T>(items: T[], order: string | undefined, fallback: 'ASCENDING' | 'DESCENDING'): T[] {
  return (order ?? fallback) === 'DESCENDING' ? [...items].reverse() : items;
}
