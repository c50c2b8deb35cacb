/**
 * @module services/codecommit/api
 * The CodeCommit operations Slipway serves, one thin handler each. Pull requests, approval rules,
 * comments, triggers and commits made through the API answer 501.
 */
import type { Handlers } from '../../protocol/types.ts';
import { branchHandlers } from './api-branches.ts';
import { contentHandlers } from './api-content.ts';
import { repositoryHandlers } from './api-repositories.ts';
import type { CodecommitContext } from './context.ts';
import type { CodecommitOperations } from './shapes.ts';

export function codecommitHandlers(cc: CodecommitContext): Handlers<CodecommitOperations> {
  return { ...repositoryHandlers(cc), ...branchHandlers(cc), ...contentHandlers(cc) };
}
