/**
 * @module services/ecs/context
 * What every part of the ECS room shares: the app's parts, the room's model, what the engine
 * offers, and the queues of its two controllers.
 */
import type { EngineInfo } from '../../runtime/types.ts';
import type { EcrFacade } from '../ecr/index.ts';
import type { ElbFacade } from '../elb/index.ts';
import type { ElbTrafficFacade } from '../elb/traffic-types.ts';
import type { AppContext } from '../types.ts';
import type { EcsModel } from './model.ts';

export interface EcsContext extends AppContext {
  model: EcsModel;
  /** The rooms ECS reaches: ELB for its services' targets and listener weights, ECR for the images tasks pull. */
  elb: ElbFacade & ElbTrafficFacade;
  ecr: EcrFacade;
  /** The engine behind the container instances, as read at start-up (refreshed by the instance check). */
  engine: EngineInfo;
  /** Wake the task controller for a task. */
  enqueueTask(taskArn: string): void;
  /** Wake the service scheduler for a service. */
  enqueueService(serviceArn: string): void;
}
