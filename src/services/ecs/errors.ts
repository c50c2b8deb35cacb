/**
 * @module services/ecs/errors
 * The ECS errors Slipway answers, worded as ECS words them. Codes are the model's exception names,
 * so the JSON 1.1 serializer finds each one's shape; the type keeps them to codes the model has.
 */
import { AwsError } from '../../core/errors.ts';
import type { EcsErrorCode } from './shapes.ts';

const e = (code: EcsErrorCode, message: string) => new AwsError(code, message);

export const ecsError = {
  invalidParameter: (message: string) => e('InvalidParameterException', message),
  client: (message: string) => e('ClientException', message),
  clusterNotFound: () => e('ClusterNotFoundException', 'Cluster not found.'),
  clusterContainsServices: () => e('ClusterContainsServicesException', 'The Cluster cannot be deleted while Services are active.'),
  clusterContainsTasks: () => e('ClusterContainsTasksException', 'The Cluster cannot be deleted while Tasks are active.'),
  serviceNotFound: () => e('ServiceNotFoundException', 'Service not found.'),
  serviceNotActive: () => e('ServiceNotActiveException', 'Service was not ACTIVE.'),
  namespaceNotFound: (namespace: string) =>
    e('NamespaceNotFoundException', `The specified namespace '${namespace}' wasn't found (Slipway has no Cloud Map).`),
  serviceDeploymentNotFound: () => e('ServiceDeploymentNotFoundException', 'The service deployment does not exist.'),
  taskSetNotFound: () => e('TaskSetNotFoundException', 'The specified task set does not exist.'),
  taskSetsNotManaged: () =>
    e(
      'InvalidParameterException',
      'Amazon ECS only supports task set management on services configured to use external deployment controllers.',
    ),
  taskDefinitionNotFound: () => e('ClientException', 'Unable to describe task definition.'),
  taskDefinitionInactive: (arn: string) => e('ClientException', `TaskDefinition is inactive: ${arn}`),
};

/** Throws ECS's InvalidParameterException, for checks written as one statement. */
export function invalid(message: string): never {
  throw ecsError.invalidParameter(message);
}
