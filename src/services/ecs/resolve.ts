/**
 * @module services/ecs/resolve
 * Turns what a caller passes (short name, id or full ARN; cluster omitted = "default") into
 * records, with ECS's errors when they do not exist.
 */
import { ecsArn, parseArn, shortName } from '../../core/ids.ts';
import { paginate, type Page } from '../../core/paging.ts';
import { scopeKey, type Scope } from '../../core/scope.ts';
import { ecsError } from './errors.ts';
import type { EcsModel, ServiceRecord, StoredCluster, TaskDefinitionRecord, TaskRecord } from './model.ts';
import { createCluster } from './clusters.ts';
import type { EcsContext } from './context.ts';

export function clusterArnFor(scope: Scope, cluster: string | undefined): string {
  const value = cluster || 'default';
  return value.startsWith('arn:') ? value : ecsArn.cluster(scope, value);
}

/** The ACTIVE cluster, or ClusterNotFoundException. The default cluster is created on first use. */
export function requireCluster(ecs: EcsContext, scope: Scope, cluster: string | undefined): StoredCluster {
  const arn = clusterArnFor(scope, cluster);
  const found = ecs.model.clusters.get(arn);
  if (found && found.status === 'ACTIVE') return found;
  if (arn === ecsArn.cluster(scope, 'default')) return createCluster(ecs, scope, 'default');
  throw ecsError.clusterNotFound();
}

/** "family", "family:rev" or an ARN. A bare family means its latest ACTIVE revision. */
export function findTaskDefinition(model: EcsModel, scope: Scope, ref: string): TaskDefinitionRecord | undefined {
  if (ref.startsWith('arn:')) return model.taskDefinitions.get(ref);
  const colon = ref.lastIndexOf(':');
  if (colon > 0) {
    const revision = Number(ref.slice(colon + 1));
    if (!Number.isInteger(revision)) return undefined;
    return model.taskDefinitions.get(ecsArn.taskDefinition(scope, ref.slice(0, colon), revision));
  }
  const active = model.taskDefinitions.find({ scope: scopeKey(scope), family: ref, status: 'ACTIVE' }, 'revision DESC');
  return active[0];
}

/** A task definition that new tasks may use: it must exist and be ACTIVE. */
export function requireRunnableTaskDefinition(model: EcsModel, scope: Scope, ref: string): TaskDefinitionRecord {
  const record = findTaskDefinition(model, scope, ref);
  if (!record) throw ecsError.taskDefinitionNotFound();
  if (record.taskDefinition.status !== 'ACTIVE') {
    throw ecsError.taskDefinitionInactive(record.taskDefinition.taskDefinitionArn);
  }
  return record;
}

export function taskArnFor(scope: Scope, clusterName: string, task: string): string {
  return task.startsWith('arn:') ? task : ecsArn.task(scope, clusterName, task);
}

export function findTask(model: EcsModel, scope: Scope, cluster: StoredCluster, task: string): TaskRecord | undefined {
  const record = model.tasks.get(taskArnFor(scope, cluster.clusterName, task));
  return record && record.task.clusterArn === cluster.clusterArn ? record : undefined;
}

export function serviceArnFor(scope: Scope, cluster: StoredCluster, service: string): string {
  if (!service.startsWith('arn:')) return ecsArn.service(scope, cluster.clusterName, service);
  // Old-format ARNs (service/<name>) name no cluster: read them against the given one.
  const parsed = parseArn(service);
  // A malformed ARN names no service: it is looked up as given, and not found.
  if (!parsed) return service;
  return parsed.resource.split('/').length === 2 ? ecsArn.service(scope, cluster.clusterName, shortName(service)) : service;
}

export function findService(model: EcsModel, scope: Scope, cluster: StoredCluster, service: string): ServiceRecord | undefined {
  return model.services.get(serviceArnFor(scope, cluster, service));
}

/** The service, ACTIVE or not, or ServiceNotFoundException. */
export function requireService(model: EcsModel, scope: Scope, cluster: StoredCluster, service: string): ServiceRecord {
  const record = findService(model, scope, cluster, service);
  if (!record) throw ecsError.serviceNotFound();
  return record;
}

export function requireActiveService(model: EcsModel, scope: Scope, cluster: StoredCluster, service: string): ServiceRecord {
  const record = requireService(model, scope, cluster, service);
  if (record.service.status !== 'ACTIVE') throw ecsError.serviceNotActive();
  return record;
}

/**
 * One page of an ECS list: maxResults items (`defaultSize` when absent, at most 100) from where
 * nextToken left off; a token of another list or a bad size is InvalidParameterException naming it.
 */
export function listPage<T>(
  all: readonly T[],
  input: { maxResults?: number; nextToken?: string },
  kind: string,
  defaultSize = 100,
): Page<T> {
  return paginate(
    all,
    { token: input.nextToken, size: input.maxResults },
    {
      kind,
      defaultSize,
      maxSize: 100,
      invalid: (field, message) => ecsError.invalidParameter(`Invalid ${field === 'token' ? 'nextToken' : 'maxResults'}: ${message}.`),
    },
  );
}

/** List operations take 1–100 results per page. */
export function checkMaxResults(maxResults: number | undefined): void {
  if (maxResults !== undefined && (maxResults < 1 || maxResults > 100))
    throw ecsError.invalidParameter(`maxResults must be between 1 and 100 (got ${maxResults}).`);
}
