/**
 * @module services/ecs/api-task-sets
 * CreateTaskSet, UpdateTaskSet, UpdateServicePrimaryTaskSet, DeleteTaskSet, DescribeTaskSets.
 * As on ECS, task sets are managed through the API only on EXTERNAL services (CodeDeploy manages a
 * CODE_DEPLOY service's through the room's facade); any of them can be described.
 */
import type { Scope } from '../../core/ids.ts';
import { scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { EcsContext } from './context.ts';
import { ecsError } from './errors.ts';
import type { ServiceRecord } from './model.ts';
import { requireCluster, requireService } from './resolve.ts';
import type { EcsOperations, Failure, TaskSet } from './shapes.ts';
import { controllerOf, createTaskSet, liveTaskSet, makePrimary, removeTaskSet, scaleTaskSet, taskSetService } from './task-sets.ts';

export function taskSetHandlers(ecs: EcsContext): Handlers<EcsOperations> {
  /** The ACTIVE EXTERNAL service a task set call names, with its cluster. */
  const external = (scope: Scope, clusterRef: string, serviceRef: string) =>
    taskSetService(ecs, scope, clusterRef, serviceRef, (controller) => controller === 'EXTERNAL');
  const shown = (record: ServiceRecord, id: string): TaskSet => {
    const fresh = ecs.model.services.get(record.service.serviceArn) ?? record;
    const set = fresh.taskSets?.find((s) => s.id === id);
    if (!set) throw ecsError.taskSetNotFound();
    return liveTaskSet(ecs, fresh, set, true);
  };

  return {
    CreateTaskSet(input, ctx) {
      const scope = scopeOf(ctx);
      const { cluster, record } = external(scope, input.cluster, input.service);
      const set = createTaskSet(ecs, scope, cluster, record, input);
      return { taskSet: shown(record, set.id) };
    },

    UpdateTaskSet(input, ctx) {
      const { record } = external(scopeOf(ctx), input.cluster, input.service);
      return { taskSet: shown(record, scaleTaskSet(ecs, record, input.taskSet, input.scale).id) };
    },

    UpdateServicePrimaryTaskSet(input, ctx) {
      const { record } = external(scopeOf(ctx), input.cluster, input.service);
      return { taskSet: shown(record, makePrimary(ecs, record, input.primaryTaskSet).id) };
    },

    DeleteTaskSet(input, ctx) {
      const { record } = external(scopeOf(ctx), input.cluster, input.service);
      return { taskSet: shown(record, removeTaskSet(ecs, record, input.taskSet, input.force ?? false).id) };
    },

    DescribeTaskSets(input, ctx) {
      const scope = scopeOf(ctx);
      const cluster = requireCluster(ecs, scope, input.cluster);
      const record = requireService(ecs.model, scope, cluster, input.service);
      if (controllerOf(record.service) === 'ECS') throw ecsError.taskSetsNotManaged();
      const withTags = input.include?.includes('TAGS') ?? false;
      const sets = record.taskSets ?? [];
      const tasks = ecs.model.tasks.find({ service: record.service.serviceArn });
      if (!input.taskSets?.length) return { taskSets: sets.map((s) => liveTaskSet(ecs, record, s, withTags, tasks)), failures: [] };
      const taskSets: TaskSet[] = [];
      const failures: Failure[] = [];
      for (const ref of input.taskSets) {
        const set = sets.find((s) => s.id === ref || s.taskSetArn === ref);
        if (set) taskSets.push(liveTaskSet(ecs, record, set, withTags, tasks));
        else failures.push({ arn: ref, reason: 'MISSING' });
      }
      return { taskSets, failures };
    },
  };
}
