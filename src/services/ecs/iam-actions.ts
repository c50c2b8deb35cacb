/**
 * @module services/ecs/iam-actions
 * ECS's operations as IAM authorizes them: services and tasks by their ARNs under their cluster
 * (`default` when none is named), task definitions by family:revision.
 */
import type { IamActions } from '../types.ts';
import type { EcsOperations } from './shapes.ts';

const arn = (resource: string) => `arn:aws:ecs:{region}:{account}:${resource}`;
const cluster = { resources: [arn('cluster/{cluster=default}')] };
const service = { resources: [arn('service/{cluster=default}/{service}')] };
const task = { resources: [arn('task/{cluster=default}/{task}')] };
const byArn = { resources: ['{resourceArn}'] };

export const ecsIamActions: IamActions<EcsOperations> = {
  CreateCluster: { resources: [arn('cluster/{clusterName=default}')] },
  DeleteCluster: cluster,
  DescribeClusters: { resources: [arn('cluster/{clusters=default}')] },
  UpdateCluster: cluster,
  PutClusterCapacityProviders: cluster,
  CreateService: { resources: [arn('service/{cluster=default}/{serviceName}')], passRole: ['role'] },
  UpdateService: service,
  DeleteService: service,
  DescribeServices: { resources: [arn('service/{cluster=default}/{services}')] },
  ListServices: cluster,
  ListTasks: { resources: [arn('container-instance/{cluster=default}/*')] },
  DescribeTasks: { resources: [arn('task/{cluster=default}/{tasks}')] },
  StopTask: task,
  RunTask: { resources: [arn('task-definition/{taskDefinition}')] },
  StartTask: { resources: [arn('task-definition/{taskDefinition}')] },
  RegisterTaskDefinition: { passRole: ['taskRoleArn', 'executionRoleArn'] },
  DescribeTaskDefinition: { resources: [arn('task-definition/{taskDefinition}')] },
  DeregisterTaskDefinition: { resources: [arn('task-definition/{taskDefinition}')] },
  CreateTaskSet: { resources: [arn('task-set/{cluster}/{service}/*')] },
  UpdateServicePrimaryTaskSet: { resources: [arn('task-set/{cluster}/{service}/*')] },
  DeleteTaskSet: { resources: [arn('task-set/{cluster}/{service}/{taskSet}')] },
  UpdateTaskSet: { resources: [arn('task-set/{cluster}/{service}/{taskSet}')] },
  TagResource: byArn,
  UntagResource: byArn,
  ListTagsForResource: byArn,
};
