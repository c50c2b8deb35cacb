/**
 * @module services/codebuild/api
 * The CodeBuild operations Slipway serves, one thin handler each, grouped by resource. Operations
 * with no handler (batch builds, fleets, webhooks, sandboxes, …) answer 501 naming themselves.
 */
import type { Handlers } from '../../protocol/types.ts';
import { buildHandlers } from './api-builds.ts';
import { projectHandlers } from './api-projects.ts';
import { reportHandlers } from './api-reports.ts';
import type { CodebuildContext } from './context.ts';
import type { CodebuildOperations } from './shapes.ts';

export function codebuildHandlers(cb: CodebuildContext): Handlers<CodebuildOperations> {
  return { ...projectHandlers(cb), ...buildHandlers(cb), ...reportHandlers(cb) };
}
