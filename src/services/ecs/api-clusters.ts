/**
 * @module services/ecs/api-clusters
 * CreateCluster, DescribeClusters, ListClusters, DeleteCluster. The `default` cluster exists from
 * the first call that names it, reads included, as it does in a fresh AWS account once anything
 * touches it. Deleting a cluster takes its container instance (Slipway's registration of the
 * engine) with it.
 */
import { ecsArn, type Scope } from '../../core/ids.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import { namesKmsKey, PRINTABLE_RULE, shown, unprintableIn } from '../../core/text.ts';
import type { Handlers } from '../../protocol/types.ts';
import { validateTags } from './api-tags.ts';
import { createCluster, describeCluster } from './clusters.ts';
import type { EcsContext } from './context.ts';
import { ecsError, invalid } from './errors.ts';
import type { StoredCluster } from './model.ts';
import { checkMaxResults, clusterArnFor, listPage } from './resolve.ts';
import type { Cluster, ClusterConfiguration, ClusterField, ClusterSetting, EcsOperations, Failure, KeyValuePair } from './shapes.ts';

const CLUSTER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const INSIGHTS = ['enabled', 'disabled', 'enhanced'];
const CAPACITY_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'];

export function clusterHandlers(ecs: EcsContext): Handlers<EcsOperations> {
  const m = ecs.model;

  /** The default cluster appears on first use; a deleted one stays INACTIVE until recreated. */
  const lookupCluster = (scope: Scope, arn: string): Cluster | undefined =>
    m.clusters.get(arn) ?? (arn === ecsArn.cluster(scope, 'default') ? createCluster(ecs, scope, 'default') : undefined);

  return {
    CreateCluster(input, ctx) {
      const scope = scopeOf(ctx);
      const name = input.clusterName || 'default';
      if (!CLUSTER_NAME.test(name))
        invalid(
          `Invalid 'clusterName' '${name}': up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.`,
        );
      const tags = validateTags(input.tags ?? []);
      const settings = input.settings?.length ? checkSettings(input.settings) : undefined;
      if (input.configuration) checkConfiguration(input.configuration, ctx.region);
      for (const p of [
        ...(input.capacityProviders ?? []),
        ...(input.defaultCapacityProviderStrategy ?? []).map((s) => s.capacityProvider),
      ]) {
        if (!CAPACITY_PROVIDERS.includes(p))
          invalid(`The specified capacity provider '${p}' was not found; Slipway offers FARGATE and FARGATE_SPOT.`);
      }
      if (input.serviceConnectDefaults?.namespace) {
        throw ecsError.namespaceNotFound(input.serviceConnectDefaults.namespace);
      }
      const cluster = m.tx(() => {
        const existing = m.clusters.get(ecsArn.cluster(scope, name));
        if (existing?.status === 'ACTIVE') return existing;
        const created: StoredCluster = {
          ...createCluster(ecs, scope, name, { tags, settings }),
          capacityProviders: input.capacityProviders ?? [],
          defaultCapacityProviderStrategy: input.defaultCapacityProviderStrategy ?? [],
          ...(input.configuration ? { configuration: input.configuration } : {}),
        };
        m.putCluster(created, scopeKey(scope));
        return created;
      });
      return { cluster: describeCluster(ecs, cluster) };
    },

    DescribeClusters(input, ctx) {
      const scope = scopeOf(ctx);
      const names = input.clusters?.length ? input.clusters : ['default'];
      if (names.length > 100) invalid(`clusters can name at most 100 clusters (got ${names.length}).`);
      const include = new Set<ClusterField>(input.include ?? []);
      const clusters: Cluster[] = [];
      const failures: Failure[] = [];
      for (const name of names) {
        const arn = clusterArnFor(scope, name);
        const found = lookupCluster(scope, arn);
        if (found) clusters.push(clusterView(ecs, found, include));
        else failures.push({ arn, reason: 'MISSING' });
      }
      return { clusters, failures };
    },

    ListClusters(input, ctx) {
      const scope = scopeOf(ctx);
      checkMaxResults(input.maxResults);
      lookupCluster(scope, ecsArn.cluster(scope, 'default'));
      const arns = m.clusters.find({ scope: scopeKey(scope), status: 'ACTIVE' }).map((c) => c.clusterArn);
      const page = listPage(arns, input, 'clusters');
      return { clusterArns: page.items, nextToken: page.next };
    },

    DeleteCluster(input, ctx) {
      const scope = scopeOf(ctx);
      const arn = clusterArnFor(scope, input.cluster);
      const cluster = m.tx(() => {
        const found = m.clusters.get(arn);
        if (found?.status !== 'ACTIVE') throw ecsError.clusterNotFound();
        if (m.services.find({ cluster: arn }).some((s) => s.service.status !== 'INACTIVE')) {
          throw ecsError.clusterContainsServices();
        }
        if (m.tasks.find({ cluster: arn }).some((t) => t.task.lastStatus !== 'STOPPED')) {
          throw ecsError.clusterContainsTasks();
        }
        // The container instance is Slipway's own registration of the engine: it goes with the cluster.
        for (const record of m.instances.find({ cluster: arn })) m.instances.delete(record.instance.containerInstanceArn);
        const deleted: StoredCluster = { ...found, status: 'INACTIVE' };
        m.putCluster(deleted, scopeKey(scope));
        return deleted;
      });
      return { cluster: describeCluster(ecs, cluster) };
    },
  };
}

/** CloudWatch Logs group names and S3 bucket names, as those services take them. */
const LOG_GROUP = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** A cluster's configuration names KMS keys, a log group and a bucket: each must be one. */
function checkConfiguration(configuration: ClusterConfiguration, region: string): void {
  const exec = configuration.executeCommandConfiguration;
  const keys: [string, string | undefined][] = [
    ['configuration.executeCommandConfiguration.kmsKeyId', exec?.kmsKeyId],
    ['configuration.managedStorageConfiguration.kmsKeyId', configuration.managedStorageConfiguration?.kmsKeyId],
    [
      'configuration.managedStorageConfiguration.fargateEphemeralStorageKmsKeyId',
      configuration.managedStorageConfiguration?.fargateEphemeralStorageKmsKeyId,
    ],
  ];
  for (const [field, key] of keys) {
    if (key !== undefined && !namesKmsKey(key, region)) invalid(`${field} ${shown(key)} is not a KMS key id, alias or ARN in ${region}.`);
  }
  const log = exec?.logConfiguration;
  if (log?.cloudWatchLogGroupName !== undefined && !LOG_GROUP.test(log.cloudWatchLogGroupName)) {
    invalid(
      `configuration.executeCommandConfiguration.logConfiguration.cloudWatchLogGroupName ${shown(log.cloudWatchLogGroupName)} is not a valid log group name.`,
    );
  }
  if (log?.s3BucketName !== undefined && !BUCKET.test(log.s3BucketName)) {
    invalid(
      `configuration.executeCommandConfiguration.logConfiguration.s3BucketName ${shown(log.s3BucketName)} is not a valid bucket name.`,
    );
  }
  if (log?.s3KeyPrefix !== undefined && unprintableIn(log.s3KeyPrefix)) {
    invalid(`configuration.executeCommandConfiguration.logConfiguration.s3KeyPrefix ${shown(log.s3KeyPrefix)}: ${PRINTABLE_RULE}.`);
  }
}

function checkSettings(settings: ClusterSetting[]): ClusterSetting[] {
  for (const s of settings) {
    if (!INSIGHTS.includes(s.value ?? ''))
      invalid(`Invalid value '${s.value ?? ''}' for cluster setting '${s.name}': use one of ${INSIGHTS.join(', ')}.`);
  }
  return settings;
}

/** DescribeClusters' view: live counts always, tags, settings, statistics and the rest only when included. */
function clusterView(ecs: EcsContext, cluster: Cluster, include: Set<ClusterField>): Cluster {
  const view = describeCluster(ecs, cluster);
  view.tags = include.has('TAGS') ? (cluster.tags ?? []) : [];
  view.settings = include.has('SETTINGS') ? (cluster.settings ?? []) : [];
  view.statistics = include.has('STATISTICS') ? statistics(ecs, cluster) : [];
  if (!include.has('CONFIGURATIONS')) delete view.configuration;
  if (!include.has('ATTACHMENTS')) delete view.attachments;
  return view;
}

/** Task and service counts by launch type, as ECS's STATISTICS lists them. */
function statistics(ecs: EcsContext, cluster: Cluster): KeyValuePair[] {
  const counts: Record<string, number> = {};
  const add = (name: string) => (counts[name] = (counts[name] ?? 0) + 1);
  const kind = (launchType?: string) => (launchType === 'FARGATE' ? 'Fargate' : 'EC2');
  for (const { task } of ecs.model.tasks.find({ cluster: cluster.clusterArn })) {
    if (task.lastStatus === 'RUNNING') add(`running${kind(task.launchType)}TasksCount`);
    else if (task.lastStatus !== 'STOPPED' && task.desiredStatus === 'RUNNING') add(`pending${kind(task.launchType)}TasksCount`);
  }
  for (const { service } of ecs.model.services.find({ cluster: cluster.clusterArn })) {
    if (service.status === 'ACTIVE') add(`active${kind(service.launchType)}ServiceCount`);
    else if (service.status === 'DRAINING') add(`draining${kind(service.launchType)}ServiceCount`);
  }
  const names = [
    'runningEC2TasksCount',
    'runningFargateTasksCount',
    'pendingEC2TasksCount',
    'pendingFargateTasksCount',
    'activeEC2ServiceCount',
    'activeFargateServiceCount',
    'drainingEC2ServiceCount',
    'drainingFargateServiceCount',
  ];
  return names.map((name) => ({ name, value: String(counts[name] ?? 0) }));
}
