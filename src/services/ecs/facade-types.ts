/**
 * @module services/ecs/facade-types
 * What the ECS room offers other rooms: for blue/green, services under an external deployment
 * controller and their task sets; for a pipeline's deploy actions, services and task definitions. CodeDeploy drives a CODE_DEPLOY service only through this; ECS
 * implements it over the same records its CreateTaskSet / UpdateTaskSet / DeleteTaskSet handlers use.
 * Every call takes the scope (region, account) the caller acts in; names may be names or ARNs.
 */
import type { Scope } from '../../core/scope.ts';
import type { RegisterTaskDefinitionRequest, Service, TaskDefinition } from './shapes.ts';

/** A service as CodeDeploy needs to see it. */
export interface ServiceView {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  clusterName: string;
  status: string;
  deploymentController: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL';
  desiredCount: number;
  /** The task definition ARN of the primary task set (or the service's own, for ECS services). */
  taskDefinition?: string;
  launchType?: string;
  platformVersion?: string;
  networkConfiguration?: unknown;
  loadBalancers: { targetGroupArn: string; containerName: string; containerPort: number }[];
}

/** A task set as CodeDeploy reads it while it waits for it to be ready. */
export interface TaskSetView {
  id: string;
  taskSetArn: string;
  status: 'PRIMARY' | 'ACTIVE' | 'DRAINING';
  externalId?: string;
  taskDefinition: string;
  computedDesiredCount: number;
  pendingCount: number;
  runningCount: number;
  /** STEADY_STATE when running = computed desired, nothing pending, and every task healthy in its target group. */
  stabilityStatus: 'STEADY_STATE' | 'STABILIZING';
  scale: { value: number; unit: 'PERCENT' };
  targetGroupArn?: string;
  /** Its tasks failed to start as many times in a row as ECS's circuit breaker tolerates: it cannot reach its count. */
  failingToStart: boolean;
}

export interface CreateTaskSetRequest {
  cluster: string;
  service: string;
  taskDefinition: string;
  externalId: string;
  /** CODE_DEPLOY for sets a CodeDeploy deployment makes. */
  startedBy: string;
  loadBalancer: { targetGroupArn: string; containerName: string; containerPort: number };
  networkConfiguration?: unknown;
  launchType?: string;
  platformVersion?: string;
  scalePercent: number;
}

export interface EcsTaskSetsFacade {
  describeService(scope: Scope, cluster: string, service: string): ServiceView | undefined;
  listTaskSets(scope: Scope, cluster: string, service: string): TaskSetView[];
  /** Throws the ECS error (as an AwsError) when ECS would refuse the request. */
  createTaskSet(scope: Scope, request: CreateTaskSetRequest): TaskSetView;
  updateTaskSetScale(scope: Scope, cluster: string, service: string, taskSet: string, scalePercent: number): TaskSetView;
  setPrimaryTaskSet(scope: Scope, cluster: string, service: string, taskSet: string): TaskSetView;
  /** Starts removing the set: its targets drain, then its tasks stop. */
  deleteTaskSet(scope: Scope, cluster: string, service: string, taskSet: string): void;
}

/**
 * What a pipeline's deploy actions do with services: read a service and its task definition,
 * register a revision, point the service at it, and watch the deployment that starts. Each call is
 * the API operation of the same name, with its checks and its errors (AwsError).
 */
export interface EcsServicesFacade {
  /** The service as DescribeServices shows it; undefined when the cluster has no such service. */
  getService(scope: Scope, cluster: string, service: string): Promise<Service | undefined>;
  describeTaskDefinition(scope: Scope, taskDefinition: string): Promise<TaskDefinition>;
  /** Members of a TaskDefinition that RegisterTaskDefinition does not take are dropped, so a described one can be registered again. */
  registerTaskDefinition(scope: Scope, input: RegisterTaskDefinitionRequest): Promise<TaskDefinition>;
  /** UpdateService to a new task definition; the service answered has the new deployment PRIMARY. */
  updateServiceTaskDefinition(scope: Scope, cluster: string, service: string, taskDefinition: string): Promise<Service>;
}
