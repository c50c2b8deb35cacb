/**
 * @module services/ecs/execution-role
 * What Slipway does for a task as its task execution role, as the ECS agent does: pull its images
 * from ECR, read its secrets and parameters, download its environment files. Once signatures are
 * required each of those is authorized as a session of that role (which must exist and trust
 * ecs-tasks.amazonaws.com), and a refusal stops the task with the agent's words. In open mode, or
 * for an image of another registry, nothing is asked.
 */
import { scopeOfOwnArn } from '../../core/scope.ts';
import type { ReadAuthorizer } from '../secrets/index.ts';
import { ServiceRoleError } from '../sts/index.ts';
import { taskIdOf } from './container-spec.ts';
import type { EcsContext } from './context.ts';
import type { TaskRecord } from './model.ts';

export const ECS_TASKS = 'ecs-tasks.amazonaws.com';

/** Why a task cannot start, worded as its stoppedReason. */
export class EnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvironmentError';
  }
}

/** The agent's words for a role it could not assume (the task's or its execution role). */
export function unassumable(roleArn: string): EnvironmentError {
  return new EnvironmentError(
    `ResourceInitializationError: ECS was unable to assume the role '${roleArn}' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.`,
  );
}

const REGISTRY_AUTH = 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: ';

/**
 * How reads for the task are authorized: as its execution role when signatures are required;
 * undefined in open mode. A task with no execution role may read no secret or file.
 */
export function executionReads(ecs: EcsContext, record: TaskRecord): ReadAuthorizer | undefined {
  if (!ecs.identity) return undefined;
  const { taskArn } = record.task;
  const roleArn = executionRoleArn(ecs, record);
  if (!roleArn) return () => 'the task definition names no executionRoleArn to act with';
  const role = { roleArn, servicePrincipal: ECS_TASKS, region: scopeOfOwnArn(taskArn).region, sessionName: taskIdOf(taskArn) };
  return (action, resource) => {
    try {
      return ecs.roles.denial(role, { action, resource });
    } catch (err) {
      if (err instanceof ServiceRoleError) throw unassumable(roleArn);
      throw err;
    }
  };
}

/**
 * Throws the task's stoppedReason when its execution role may not pull `image` from Slipway's
 * registry. A task without an execution role pulls as the container instance, as on EC2.
 */
export function authorizePull(ecs: EcsContext, record: TaskRecord, image: string): void {
  const repositoryArn = ecs.ecr.repositoryOfImage(image);
  if (!repositoryArn || !executionRoleArn(ecs, record)) return;
  const reads = executionReads(ecs, record);
  if (!reads) return;
  const token = reads('ecr:GetAuthorizationToken', '*');
  if (token)
    throw new EnvironmentError(
      `${REGISTRY_AUTH}unable to retrieve ecr registry auth: service call has been retried 3 time(s): AccessDeniedException: ${token}`,
    );
  for (const action of ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']) {
    const denied = reads(action, repositoryArn);
    if (denied)
      throw new EnvironmentError(
        `CannotPullContainerError: Error response from daemon: pull access denied for ${image}, repository does not exist or may require 'docker login': denied: ${denied}`,
      );
  }
}

function executionRoleArn(ecs: EcsContext, record: TaskRecord): string | undefined {
  const td = ecs.model.taskDefinitions.get(record.task.taskDefinitionArn)?.taskDefinition;
  return record.task.overrides?.executionRoleArn || td?.executionRoleArn || undefined;
}
