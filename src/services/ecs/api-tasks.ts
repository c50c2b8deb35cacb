/**
 * @module services/ecs/api-tasks
 * RunTask, StartTask, StopTask, DescribeTasks, ListTasks.
 */
import type { Handlers } from '../../protocol/types.ts';
import type { EcsContext } from './context.ts';
import { ecsError } from './errors.ts';
import type { TaskRecord } from './model.ts';
import { scopeOf } from '../../core/scope.ts';
import { clusterArnFor, findTask, listPage, requireCluster, requireRunnableTaskDefinition, serviceArnFor, taskArnFor } from './resolve.ts';
import type { EcsOperations, Failure, Task } from './shapes.ts';
import { checkCapacityProviders } from './service-spec.ts';
import { launchTasks, requestStop } from './tasks.ts';

export function taskHandlers(ecs: EcsContext): Handlers<EcsOperations> {
  return {
    RunTask(input, ctx) {
      const scope = scopeOf(ctx);
      checkCapacityProviders(input.launchType, input.capacityProviderStrategy);
      const count = input.count ?? 1;
      if (count < 1 || count > 10) throw ecsError.invalidParameter('count must be between 1 and 10.');
      const cluster = requireCluster(ecs, scope, input.cluster);
      const definition = requireRunnableTaskDefinition(ecs.model, scope, input.taskDefinition);
      const tags = input.propagateTags === 'TASK_DEFINITION' ? [...definition.tags, ...(input.tags ?? [])] : input.tags;
      return launchTasks(ecs, {
        scope,
        cluster,
        definition,
        count,
        launchType: input.launchType,
        overrides: input.overrides,
        startedBy: input.startedBy,
        group: input.group,
        tags,
        networkConfiguration: input.networkConfiguration,
        placementStrategy: input.placementStrategy,
        placementConstraints: input.placementConstraints,
        enableExecuteCommand: input.enableExecuteCommand,
      });
    },

    StartTask(input, ctx) {
      const scope = scopeOf(ctx);
      if (input.containerInstances.length > 10)
        throw ecsError.invalidParameter(`containerInstances can have at most 10 items (got ${input.containerInstances.length}).`);
      const cluster = requireCluster(ecs, scope, input.cluster);
      const known = new Set(ecs.model.instances.find({ cluster: cluster.clusterArn }).map((r) => r.instance.containerInstanceArn));
      for (const ref of input.containerInstances) {
        if (![...known].some((arn) => arn === ref || arn?.endsWith(`/${ref}`))) {
          throw ecsError.invalidParameter(`Container instance ${ref} is not registered in cluster ${cluster.clusterName}.`);
        }
      }
      const definition = requireRunnableTaskDefinition(ecs.model, scope, input.taskDefinition);
      return launchTasks(ecs, {
        scope,
        cluster,
        definition,
        count: input.containerInstances.length,
        launchType: 'EC2',
        overrides: input.overrides,
        startedBy: input.startedBy,
        group: input.group,
        tags: input.tags,
        networkConfiguration: input.networkConfiguration,
      });
    },

    StopTask(input, ctx) {
      const scope = scopeOf(ctx);
      const cluster = requireCluster(ecs, scope, input.cluster);
      const found = findTask(ecs.model, scope, cluster, input.task);
      if (!found) throw ecsError.invalidParameter('The referenced task was not found.');
      const record = requestStop(ecs, found.task.taskArn, 'UserInitiated', input.reason || 'Task stopped by user');
      return { task: (record ?? found).task };
    },

    DescribeTasks(input, ctx) {
      const scope = scopeOf(ctx);
      const cluster = requireCluster(ecs, scope, input.cluster);
      if (input.tasks.length > 100) throw ecsError.invalidParameter('Tasks cannot contain more than 100 elements.');
      const tasks: Task[] = [];
      const failures: Failure[] = [];
      for (const ref of input.tasks) {
        const record = findTask(ecs.model, scope, cluster, ref);
        if (!record) failures.push({ arn: taskArnFor(scope, cluster.clusterName, ref), reason: 'MISSING' });
        else tasks.push(withTags(record, input.include?.includes('TAGS') ?? false));
      }
      return { tasks, failures };
    },

    ListTasks(input, ctx) {
      const scope = scopeOf(ctx);
      const clusterArn = clusterArnFor(scope, input.cluster);
      const cluster = requireCluster(ecs, scope, input.cluster);
      if (input.desiredStatus === 'PENDING') return { taskArns: [] };
      const serviceArn = input.serviceName ? serviceArnFor(scope, cluster, input.serviceName) : undefined;
      const instance = input.containerInstance
        ? ecs.model.instances
            .find({ cluster: clusterArn })
            .find(
              (r) =>
                r.instance.containerInstanceArn === input.containerInstance ||
                r.instance.containerInstanceArn.endsWith(`/${input.containerInstance}`),
            )
        : undefined;
      if (input.containerInstance && !instance) return { taskArns: [] };
      const where = {
        cluster: clusterArn,
        desired: input.desiredStatus ?? 'RUNNING',
        service: serviceArn,
        started_by: input.startedBy,
        instance: instance?.instance.containerInstanceArn,
        family: input.family,
      };
      // Only a launch type needs the tasks themselves; the rest are columns, and a page of a
      // thousand tasks should not parse them all.
      const matching = input.launchType
        ? ecs.model.tasks
            .find(where, 'pk')
            .filter((r) => r.task.launchType === input.launchType)
            .map((r) => r.task.taskArn)
        : ecs.model.tasks.keys(where, 'pk');
      const page = listPage(matching, input, 'tasks');
      return { taskArns: page.items, nextToken: page.next };
    },
  };
}

function withTags(record: TaskRecord, includeTags: boolean): Task {
  const { tags, ...task } = record.task;
  return includeTags ? { ...task, tags: tags ?? [] } : task;
}
