/**
 * @module services/ecs/context
 * What every part of the ECS room shares: the app's parts, the room's model, what the engine
 * offers, and the queues of its two controllers.
 */
import type { EngineInfo } from '../../runtime/types.ts';
import type { EcrFacade } from '../ecr/index.ts';
import type { ElbFacade } from '../elb/index.ts';
import type { ElbTrafficFacade } from '../elb/traffic-types.ts';
import type { LogsFacade } from '../logs/index.ts';
import type { S3Facade } from '../s3/index.ts';
import type { SecretsFacade } from '../secrets/index.ts';
import type { ContainerCredentials, RoleSessions, WorkloadRelay } from '../sts/index.ts';
import type { AppContext } from '../types.ts';
import type { EcsModel } from './model.ts';
import type { AwsLogsShipper } from './task-logs.ts';

export interface EcsContext extends AppContext {
  model: EcsModel;
  /** The rooms ECS reaches: ELB for its services' targets and listener weights, ECR for the images tasks pull. */
  elb: ElbFacade & ElbTrafficFacade;
  ecr: EcrFacade;
  /** What tasks start with: environment files in S3, secrets and parameters, and CloudWatch Logs for awslogs containers. */
  s3: S3Facade;
  secrets: SecretsFacade;
  logs: LogsFacade;
  /** Where a task with a task role fetches that role's credentials. */
  credentials: ContainerCredentials;
  /** The roles ECS acts with (tasks' execution roles, services' roles): checked, and each read authorized as the role. */
  roles: RoleSessions;
  /** How a task with a task role reaches the edge (AWS_ENDPOINT_URL). */
  relay: WorkloadRelay;
  /** Follows awslogs containers' output into their log streams. */
  awslogs: AwsLogsShipper;
  /** The engine behind the container instances, as read at start-up (refreshed by the instance check). */
  engine: EngineInfo;
  /** Wake the task controller for a task. */
  enqueueTask(taskArn: string): void;
  /** Wake the service scheduler for a service. */
  enqueueService(serviceArn: string): void;
}
