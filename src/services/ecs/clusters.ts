/**
 * @module services/ecs/clusters
 * Clusters and the container instance each one gets. CreateCluster is idempotent, as in ECS.
 */
import { ecsArn, type Scope } from '../../core/ids.ts';
import type { EcsContext } from './context.ts';
import { newContainerInstance } from './instances.ts';
import type { StoredCluster } from './model.ts';
import { scopeKey } from '../../core/scope.ts';
import type { Cluster, ClusterSetting, Tag } from './shapes.ts';

export function createCluster(
  ecs: EcsContext,
  scope: Scope,
  name: string,
  opts: { tags?: Tag[]; settings?: ClusterSetting[] } = {},
): StoredCluster {
  const arn = ecsArn.cluster(scope, name);
  return ecs.model.tx(() => {
    const existing = ecs.model.clusters.get(arn);
    if (existing && existing.status === 'ACTIVE') return existing;
    const cluster: StoredCluster = {
      clusterArn: arn,
      clusterName: name,
      status: 'ACTIVE',
      settings: opts.settings ?? [{ name: 'containerInsights', value: 'disabled' }],
      tags: opts.tags ?? [],
      capacityProviders: [],
      defaultCapacityProviderStrategy: [],
      statistics: [],
      attachments: [],
    };
    ecs.model.putCluster(cluster, scopeKey(scope));
    ecs.model.putInstance(newContainerInstance(ecs, scope, arn, name));
    return cluster;
  });
}

/** The cluster as DescribeClusters shows it, with live counts. */
export function describeCluster(ecs: EcsContext, cluster: Cluster): Cluster {
  const arn = cluster.clusterArn;
  const m = ecs.model;
  const active = cluster.status === 'ACTIVE';
  return {
    ...cluster,
    registeredContainerInstancesCount: active ? m.instances.count({ cluster: arn }) : 0,
    runningTasksCount: m.tasks.count({ cluster: arn, last: 'RUNNING' }),
    pendingTasksCount: m.tasks.find({ cluster: arn, desired: 'RUNNING' }).filter((t) => t.task.lastStatus !== 'RUNNING').length,
    activeServicesCount: m.services.count({ cluster: arn, status: 'ACTIVE' }),
  };
}
