/**
 * @module services/codedeploy/api
 * The CodeDeploy operations Slipway serves, one thin handler each, grouped by resource. Operations
 * with no handler (on-premises instances, application revisions, GitHub, Server and Lambda
 * deployments' instance APIs, …) answer 501.
 */
import type { Handlers } from '../../protocol/types.ts';
import { applicationHandlers } from './api-applications.ts';
import { configHandlers } from './api-configs.ts';
import { controlHandlers } from './api-control.ts';
import { deploymentHandlers } from './api-deployments.ts';
import { groupHandlers } from './api-groups.ts';
import { tagHandlers } from './api-tags.ts';
import { targetHandlers } from './api-targets.ts';
import type { CodeDeployContext } from './context.ts';
import type { CodedeployOperations } from './shapes.ts';

export function codedeployHandlers(cd: CodeDeployContext): Handlers<CodedeployOperations> {
  return {
    ...applicationHandlers(cd),
    ...configHandlers(cd),
    ...groupHandlers(cd),
    ...deploymentHandlers(cd),
    ...targetHandlers(cd),
    ...controlHandlers(cd),
    ...tagHandlers(cd),
  };
}
