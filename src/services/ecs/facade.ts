/**
 * @module services/ecs/facade
 * The ECS room's facade for other rooms. For CodeDeploy: services under CODE_DEPLOY or EXTERNAL and
 * their task sets, through the same functions the task set API uses (task-sets.ts); unlike the
 * API, it manages a CODE_DEPLOY service's task sets: CodeDeploy is who does that on ECS. For a
 * pipeline's deploy actions: services and task definitions through the API's own operations.
 */
import { AwsError } from '../../core/errors.ts';
import { callOperation } from '../../protocol/dispatch.ts';
import type { ApiService } from '../../protocol/types.ts';
import type { Scope } from '../../core/scope.ts';
import type { EcsContext } from './context.ts';
import { keepsFailingToStart } from './deployments.ts';
import { ecsError } from './errors.ts';
import type { EcsServicesFacade, EcsTaskSetsFacade, ServiceView, TaskSetView } from './facade-types.ts';
import type { ServiceRecord, StoredCluster, StoredTaskSet } from './model.ts';
import type {
  DescribeServicesResponse,
  DescribeTaskDefinitionResponse,
  RegisterTaskDefinitionResponse,
  UpdateServiceResponse,
} from './shapes.ts';
import { requireActiveService, requireCluster } from './resolve.ts';
import { controllerOf, createTaskSet, liveTaskSet, makePrimary, removeTaskSet, scaleTaskSet, taskSetService } from './task-sets.ts';

export function ecsTaskSetsFacade(ecs: EcsContext): EcsTaskSetsFacade {
  /** The ACTIVE service under an external controller, or the ECS error. */
  const managed = (scope: Scope, clusterRef: string, serviceRef: string) =>
    taskSetService(ecs, scope, clusterRef, serviceRef, (controller) => controller !== 'ECS');
  const view = (serviceArn: string, id: string): TaskSetView => {
    const record = ecs.model.services.get(serviceArn);
    const set = record?.taskSets?.find((s) => s.id === id);
    if (!record || !set) throw ecsError.taskSetNotFound();
    return taskSetView(ecs, record, set);
  };

  return {
    describeService(scope, clusterRef, serviceRef) {
      let record: ServiceRecord;
      let cluster: StoredCluster;
      try {
        cluster = requireCluster(ecs, scope, clusterRef);
        record = requireActiveService(ecs.model, scope, cluster, serviceRef);
      } catch (err) {
        if (err instanceof AwsError) return undefined;
        throw err;
      }
      return serviceView(record, cluster);
    },
    listTaskSets(scope, clusterRef, serviceRef) {
      const { record } = managed(scope, clusterRef, serviceRef);
      const tasks = ecs.model.tasks.find({ service: record.service.serviceArn });
      return (record.taskSets ?? []).map((set) => taskSetView(ecs, record, set, tasks));
    },
    createTaskSet(scope, request) {
      const { cluster, record } = managed(scope, request.cluster, request.service);
      const set = createTaskSet(ecs, scope, cluster, record, {
        taskDefinition: request.taskDefinition,
        externalId: request.externalId,
        startedBy: request.startedBy,
        loadBalancers: [request.loadBalancer],
        networkConfiguration: request.networkConfiguration as StoredTaskSet['networkConfiguration'],
        launchType: request.launchType as StoredTaskSet['launchType'],
        platformVersion: request.platformVersion,
        scale: { value: request.scalePercent, unit: 'PERCENT' },
      });
      return view(record.service.serviceArn, set.id);
    },
    updateTaskSetScale(scope, clusterRef, serviceRef, taskSet, scalePercent) {
      const { record } = managed(scope, clusterRef, serviceRef);
      return view(record.service.serviceArn, scaleTaskSet(ecs, record, taskSet, { value: scalePercent, unit: 'PERCENT' }).id);
    },
    setPrimaryTaskSet(scope, clusterRef, serviceRef, taskSet) {
      const { record } = managed(scope, clusterRef, serviceRef);
      return view(record.service.serviceArn, makePrimary(ecs, record, taskSet).id);
    },
    deleteTaskSet(scope, clusterRef, serviceRef, taskSet) {
      const { record } = managed(scope, clusterRef, serviceRef);
      removeTaskSet(ecs, record, taskSet, true);
    },
  };
}

export function ecsServicesFacade(ecs: EcsContext, api: ApiService): EcsServicesFacade {
  const call = <O>(scope: Scope, operation: string, input: unknown) =>
    callOperation<O>(api, operation, input, { scope, endpoint: ecs.edge.url });
  return {
    async getService(scope, cluster, service) {
      const answer = await call<DescribeServicesResponse>(scope, 'DescribeServices', { cluster, services: [service] });
      return answer.services?.[0];
    },
    async describeTaskDefinition(scope, taskDefinition) {
      const answer = await call<DescribeTaskDefinitionResponse>(scope, 'DescribeTaskDefinition', { taskDefinition, include: ['TAGS'] });
      if (!answer.taskDefinition) throw ecsError.taskDefinitionNotFound();
      return answer.taskDefinition;
    },
    async registerTaskDefinition(scope, input) {
      const answer = await call<RegisterTaskDefinitionResponse>(scope, 'RegisterTaskDefinition', input);
      if (!answer.taskDefinition) throw ecsError.taskDefinitionNotFound();
      return answer.taskDefinition;
    },
    async updateServiceTaskDefinition(scope, cluster, service, taskDefinition) {
      const answer = await call<UpdateServiceResponse>(scope, 'UpdateService', { cluster, service, taskDefinition });
      if (!answer.service) throw ecsError.serviceNotFound();
      return answer.service;
    },
  };
}

function serviceView(record: ServiceRecord, cluster: StoredCluster): ServiceView {
  const svc = record.service;
  const primary = record.taskSets?.find((s) => s.status === 'PRIMARY');
  return {
    serviceArn: svc.serviceArn,
    serviceName: svc.serviceName,
    clusterArn: cluster.clusterArn,
    clusterName: cluster.clusterName,
    status: svc.status,
    deploymentController: controllerOf(svc),
    desiredCount: svc.desiredCount ?? 0,
    taskDefinition: primary?.taskDefinition ?? svc.taskDefinition,
    launchType: svc.launchType,
    platformVersion: svc.platformVersion,
    networkConfiguration: svc.networkConfiguration,
    loadBalancers: (svc.loadBalancers ?? []).flatMap(({ targetGroupArn, containerName, containerPort }) =>
      targetGroupArn && containerName && containerPort !== undefined ? [{ targetGroupArn, containerName, containerPort }] : [],
    ),
  };
}

function taskSetView(ecs: EcsContext, record: ServiceRecord, set: StoredTaskSet, tasks?: Parameters<typeof liveTaskSet>[4]): TaskSetView {
  const live = liveTaskSet(ecs, record, set, false, tasks);
  return {
    id: set.id,
    taskSetArn: set.taskSetArn,
    status: set.status as TaskSetView['status'],
    externalId: set.externalId,
    taskDefinition: set.taskDefinition,
    computedDesiredCount: live.computedDesiredCount ?? 0,
    pendingCount: live.pendingCount ?? 0,
    runningCount: live.runningCount ?? 0,
    stabilityStatus: live.stabilityStatus ?? 'STABILIZING',
    scale: set.scale,
    targetGroupArn: set.loadBalancers?.[0]?.targetGroupArn,
    failingToStart: keepsFailingToStart(
      (tasks ?? ecs.model.tasks.find({ service: record.service.serviceArn })).filter((r) => r.taskSetArn === set.taskSetArn),
      live.computedDesiredCount ?? 0,
    ),
  };
}
