/**
 * @module services/ecr/api
 * The ECR operations Slipway serves, one thin handler each, grouped by resource. Operations with
 * no handler (image scanning, replication, pull-through cache, ...) answer 501 naming themselves.
 */
import type { Handlers } from '../../protocol/types.ts';
import { authHandlers } from './api-auth.ts';
import { imageHandlers } from './api-images.ts';
import { layerHandlers } from './api-layers.ts';
import { policyHandlers } from './api-policies.ts';
import { repositoryHandlers } from './api-repositories.ts';
import type { EcrContext } from './context.ts';
import type { EcrOperations } from './shapes.ts';

export function ecrHandlers(ecr: EcrContext): Handlers<EcrOperations> {
  return { ...repositoryHandlers(ecr), ...authHandlers(ecr), ...imageHandlers(ecr), ...layerHandlers(ecr), ...policyHandlers(ecr) };
}
