/**
 * @module services/ecs/task-sets
 * Task sets of services under the CODE_DEPLOY and EXTERNAL deployment controllers: what
 * CreateTaskSet accepts, and the changes UpdateTaskSet, UpdateServicePrimaryTaskSet and
 * DeleteTaskSet make, each in one transaction on the service record, and the live view
 * (counts, stability) DescribeTaskSets shows. The API handlers (api-task-sets.ts) and the
 * facade other rooms use (facade.ts) both go through here; the scheduler (task-set-scheduler.ts)
 * keeps each set at its computed desired count.
 */
import { ecsArn, ecsDeploymentId, type Scope } from '../../core/ids.ts';
import type { EcsContext } from './context.ts';
import { isActive, isHealthy, liveCounts } from './deployments.ts';
import { ecsError } from './errors.ts';
import { type TargetsHealth, targetsHealth } from './load-balancing.ts';
import type { ServiceRecord, StoredCluster, StoredService, StoredTaskSet, TaskRecord } from './model.ts';
import { requireActiveService, requireCluster, requireRunnableTaskDefinition } from './resolve.ts';
import { checkCapacityProviders, checkLoadBalancers, networkConfiguration } from './service-spec.ts';
import type { CreateTaskSetRequest, DeploymentControllerType, Scale, StabilityStatus, TaskSet } from './shapes.ts';
import { checkLaunchable } from './tasks.ts';

const invalid = ecsError.invalidParameter;

/** ECS's limit of task sets (deployments) on one service. */
export const MAX_TASK_SETS = 5;

export function controllerOf(service: StoredService): DeploymentControllerType {
  return service.deploymentController?.type ?? 'ECS';
}

/**
 * The ACTIVE service a task set change names, with its cluster; InvalidParameterException unless
 * `manages` says the caller manages the task sets of the service's deployment controller.
 */
export function taskSetService(
  ecs: EcsContext,
  scope: Scope,
  clusterRef: string,
  serviceRef: string,
  manages: (controller: DeploymentControllerType) => boolean,
): { cluster: StoredCluster; record: ServiceRecord } {
  const cluster = requireCluster(ecs, scope, clusterRef);
  const record = requireActiveService(ecs.model, scope, cluster, serviceRef);
  if (!manages(controllerOf(record.service))) throw ecsError.taskSetsNotManaged();
  return { cluster, record };
}

/** ceil(desiredCount × scale%): how many tasks a set keeps running. */
export function computedDesiredCount(desiredCount: number, scalePercent: number): number {
  // 1e-9 absorbs floating-point noise such as 3 × 33.33…% landing a hair above a whole number.
  return Math.max(0, Math.ceil((desiredCount * scalePercent) / 100 - 1e-9));
}

/** How many tasks the set keeps now: its computed desired count, none once it is DRAINING. */
export function setDesiredCount(service: StoredService, set: StoredTaskSet): number {
  return set.status === 'DRAINING' ? 0 : computedDesiredCount(service.desiredCount ?? 0, set.scale.value);
}

export function checkScale(scale: Scale | undefined): StoredTaskSet['scale'] {
  if (!scale) return { value: 100, unit: 'PERCENT' };
  const value = scale.value ?? 0;
  if (!Number.isFinite(value) || value < 0 || value > 100) throw invalid(`scale.value must be between 0 and 100 (got ${scale.value}).`);
  return { value, unit: 'PERCENT' };
}

export type TaskSetInput = Omit<CreateTaskSetRequest, 'service' | 'cluster'> & { startedBy?: string };

/** Validates a task set's spec against its service and builds the record; writes nothing. */
export function buildTaskSet(
  ecs: EcsContext,
  scope: Scope,
  cluster: StoredCluster,
  service: StoredService,
  input: TaskSetInput,
  status: 'PRIMARY' | 'ACTIVE',
): StoredTaskSet {
  checkCapacityProviders(input.launchType, input.capacityProviderStrategy);
  if (!input.taskDefinition) throw invalid('taskDefinition can not be blank.');
  const definition = requireRunnableTaskDefinition(ecs.model, scope, input.taskDefinition);
  const launchType = input.launchType ?? service.launchType ?? 'EC2';
  const network = networkConfiguration(input.networkConfiguration, definition);
  checkLaunchable({ definition, launchType, networkConfiguration: network });
  if ((input.loadBalancers?.length ?? 0) > 1) throw invalid(`A task set can use one load balancer (got ${input.loadBalancers?.length}).`);
  checkLoadBalancers(input.loadBalancers, definition);
  const scale = checkScale(input.scale);
  const id = ecsDeploymentId();
  const now = ecs.clock.now();
  return {
    id,
    taskSetArn: ecsArn.taskSet(scope, cluster.clusterName, service.serviceName, id),
    serviceArn: service.serviceArn,
    clusterArn: cluster.clusterArn,
    startedBy: input.startedBy,
    externalId: input.externalId,
    status,
    taskDefinition: definition.taskDefinition.taskDefinitionArn,
    computedDesiredCount: computedDesiredCount(service.desiredCount ?? 0, scale.value),
    pendingCount: 0,
    runningCount: 0,
    createdAt: now,
    updatedAt: now,
    launchType,
    platformVersion: launchType === 'FARGATE' ? '1.4.0' : undefined,
    platformFamily: launchType === 'FARGATE' ? 'Linux' : undefined,
    networkConfiguration: network,
    loadBalancers: input.loadBalancers ?? [],
    serviceRegistries: input.serviceRegistries ?? [],
    scale,
    stabilityStatus: 'STABILIZING',
    stabilityStatusAt: now,
    tags: input.tags ?? [],
    clientToken: input.clientToken,
  };
}

/** Adds a task set to an ACTIVE service; the same clientToken again returns the set it made. */
export function createTaskSet(
  ecs: EcsContext,
  scope: Scope,
  cluster: StoredCluster,
  record: ServiceRecord,
  input: TaskSetInput,
): StoredTaskSet {
  const built = buildTaskSet(ecs, scope, cluster, record.service, input, 'ACTIVE');
  let result = built;
  const updated = ecs.model.updateService(record.service.serviceArn, (r) => {
    if (r.service.status !== 'ACTIVE') throw ecsError.serviceNotActive();
    const sets = (r.taskSets ??= []);
    const again = input.clientToken ? sets.find((s) => s.clientToken === input.clientToken) : undefined;
    if (again) return void (result = again);
    if (sets.length >= MAX_TASK_SETS) {
      throw invalid(`${sets.length} deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit.`);
    }
    sets.push(built);
  });
  if (!updated) throw ecsError.serviceNotFound();
  ecs.enqueueService(record.service.serviceArn);
  return result;
}

/** A set by id or ARN, or TaskSetNotFoundException. */
export function requireTaskSet(record: ServiceRecord, ref: string): StoredTaskSet {
  const set = (record.taskSets ?? []).find((s) => s.id === ref || s.taskSetArn === ref);
  if (!set) throw ecsError.taskSetNotFound();
  return set;
}

/** One change to one task set (and its service), in a transaction; wakes the scheduler. */
function changeTaskSet(
  ecs: EcsContext,
  record: ServiceRecord,
  ref: string,
  change: (set: StoredTaskSet, r: ServiceRecord) => void,
): StoredTaskSet {
  let changed: StoredTaskSet | undefined;
  const updated = ecs.model.updateService(record.service.serviceArn, (r) => {
    if (r.service.status !== 'ACTIVE') throw ecsError.serviceNotActive();
    changed = requireTaskSet(r, ref);
    if (changed.status === 'DRAINING') throw invalid('The task set is being deleted.');
    change(changed, r);
    changed.updatedAt = ecs.clock.now();
  });
  if (!updated || !changed) throw ecsError.serviceNotFound();
  ecs.enqueueService(record.service.serviceArn);
  return changed;
}

export function scaleTaskSet(ecs: EcsContext, record: ServiceRecord, ref: string, scale: Scale | undefined): StoredTaskSet {
  if (!scale) throw invalid('scale can not be blank.');
  const checked = checkScale(scale);
  return changeTaskSet(ecs, record, ref, (set, r) => {
    set.scale = checked;
    set.computedDesiredCount = setDesiredCount(r.service, set);
  });
}

/** Makes the set PRIMARY (the former one ACTIVE); the service then shows its task definition and load balancers. */
export function makePrimary(ecs: EcsContext, record: ServiceRecord, ref: string): StoredTaskSet {
  return changeTaskSet(ecs, record, ref, (set, r) => {
    for (const other of r.taskSets ?? []) if (other.status === 'PRIMARY') other.status = 'ACTIVE';
    set.status = 'PRIMARY';
    const svc = r.service;
    svc.taskDefinition = set.taskDefinition;
    svc.loadBalancers = set.loadBalancers ?? [];
    svc.networkConfiguration = set.networkConfiguration;
    svc.launchType = set.launchType;
    svc.platformVersion = set.platformVersion;
  });
}

/** Starts removing a set: DRAINING, its targets drain, its tasks stop, then it is gone. */
export function removeTaskSet(ecs: EcsContext, record: ServiceRecord, ref: string, force: boolean): StoredTaskSet {
  return changeTaskSet(ecs, record, ref, (set) => {
    if (set.status === 'PRIMARY')
      throw invalid('The primary task set of a service cannot be deleted; make another task set primary first.');
    if (!force && set.scale.value > 0) {
      throw invalid(`The task set ${set.id} cannot be deleted while its scale is above 0; update its scale to 0 first, or pass force.`);
    }
    set.status = 'DRAINING';
    set.computedDesiredCount = 0;
  });
}

/** The set as DescribeTaskSets shows it: counts and stability read from its tasks now, tags only when asked. */
export function liveTaskSet(ecs: EcsContext, record: ServiceRecord, set: StoredTaskSet, withTags: boolean, tasks?: TaskRecord[]): TaskSet {
  const mine = (tasks ?? ecs.model.tasks.find({ service: record.service.serviceArn })).filter((r) => r.taskSetArn === set.taskSetArn);
  const counts = liveCounts(mine);
  const computed = setDesiredCount(record.service, set);
  const { clientToken: _token, tags, ...shown } = set;
  return {
    ...shown,
    computedDesiredCount: computed,
    runningCount: counts.running,
    pendingCount: counts.pending,
    stabilityStatus: stability(ecs, record, mine, computed),
    ...(withTags ? { tags: tags ?? [] } : {}),
  };
}

/**
 * STEADY_STATE when running = computed desired, nothing pending or stopping, and every task healthy
 * (in its target group: `targets` says how its targets are doing, read afresh unless the caller has read them).
 */
export function stability(
  ecs: EcsContext,
  record: ServiceRecord,
  mine: TaskRecord[],
  computed: number,
  targets: (r: TaskRecord) => TargetsHealth | undefined = (r) => targetsHealth(ecs, r, record),
): StabilityStatus {
  const counts = liveCounts(mine);
  const now = ecs.clock.now();
  const settled = mine.every((r) => r.task.lastStatus === 'STOPPED' || (isActive(r) && r.task.lastStatus === 'RUNNING'));
  const healthy = mine.filter(isActive).every((r) => isHealthy(r, ecs.clock, now, targets(r)?.state));
  return counts.running === computed && counts.pending === 0 && settled && healthy ? 'STEADY_STATE' : 'STABILIZING';
}
