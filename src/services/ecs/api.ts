/**
 * @module services/ecs/api
 * The ECS operations Slipway serves, one thin handler each, grouped by resource.
 */
import type { Handlers } from '../../protocol/types.ts';
import { clusterHandlers } from './api-clusters.ts';
import { instanceHandlers } from './api-instances.ts';
import { serviceDeploymentHandlers } from './api-service-deployments.ts';
import { serviceHandlers } from './api-services.ts';
import { taskDefinitionHandlers } from './api-taskdefs.ts';
import { tagHandlers } from './api-tags.ts';
import { taskSetHandlers } from './api-task-sets.ts';
import { taskHandlers } from './api-tasks.ts';
import type { EcsContext } from './context.ts';
import type { EcsOperations } from './shapes.ts';

export function ecsHandlers(ecs: EcsContext): Handlers<EcsOperations> {
  return {
    ...clusterHandlers(ecs),
    ...instanceHandlers(ecs),
    ...tagHandlers(ecs),
    ...taskDefinitionHandlers(ecs),
    ...taskHandlers(ecs),
    ...serviceHandlers(ecs),
    ...taskSetHandlers(ecs),
    ...serviceDeploymentHandlers(ecs),
  };
}
