/**
 * @module services/ecs/api-clusters
 * Clusters, their container instance (the local Docker Engine, registered once per cluster), and
 * tags on every ECS resource that carries them. The `default` cluster exists from the first call
 * that names it, reads included, as it does in a fresh AWS account once anything touches it.
 */
import { ecsArn, parseArn, type Scope } from '../../core/ids.ts';
import type { Handlers, RequestContext } from '../../protocol/types.ts';
import { createCluster, describeCluster } from './clusters.ts';
import type { EcsContext } from './context.ts';
import { ecsError } from './errors.ts';
import { describeInstance } from './instances.ts';
import { scopeKey } from './model.ts';
import { clusterArnFor, paginate, requireCluster } from './resolve.ts';
import type { Cluster, ClusterField, ClusterSetting, ContainerInstance, EcsOperations, Failure, KeyValuePair, Tag } from './shapes.ts';

const CLUSTER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const INSIGHTS = ['enabled', 'disabled', 'enhanced'];
const CAPACITY_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'];
const MAX_TAGS = 50;

export const scopeOf = (ctx: RequestContext): Scope => ({ region: ctx.region, account: ctx.account });

const invalid = (message: string): never => {
  throw ecsError.invalidParameter(message);
};

/** List operations take 1–100 results per page. */
export function checkMaxResults(maxResults: number | undefined): void {
  if (maxResults !== undefined && (maxResults < 1 || maxResults > 100)) invalid(`maxResults must be between 1 and 100 (got ${maxResults}).`);
}

/** Tags a caller may set: unique keys, none under the reserved aws: prefix, at most 50. */
export function validateTags(tags: Tag[]): Tag[] {
  const seen = new Set<string>();
  for (const t of tags) {
    const key = t.key ?? '';
    if (key === '') invalid('Tag keys must not be empty.');
    if (/^aws:/i.test(key) || /^aws:/i.test(t.value ?? '')) invalid(`Tag '${key}' is invalid: the 'aws:' prefix is reserved for AWS use.`);
    if (seen.has(key)) invalid(`Tag key '${key}' appears more than once; each tag key must be unique.`);
    seen.add(key);
  }
  if (tags.length > MAX_TAGS) invalid(`A resource can have at most ${MAX_TAGS} tags (got ${tags.length}).`);
  return tags.map((t) => ({ key: t.key, value: t.value ?? '' }));
}

export function clusterHandlers(ecs: EcsContext): Handlers<EcsOperations> {
  const m = ecs.model;

  /** The default cluster appears on first use; a deleted one stays INACTIVE until recreated. */
  const lookupCluster = (scope: Scope, arn: string): Cluster | undefined =>
    m.clusters.get(arn) ?? (arn === ecsArn.cluster(scope, 'default') ? createCluster(ecs, scope, 'default') : undefined);

  return {
    CreateCluster(input, ctx) {
      const scope = scopeOf(ctx);
      const name = input.clusterName || 'default';
      if (!CLUSTER_NAME.test(name)) invalid(`Invalid 'clusterName' '${name}': up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.`);
      const tags = validateTags(input.tags ?? []);
      const settings = input.settings?.length ? checkSettings(input.settings) : undefined;
      for (const p of [...(input.capacityProviders ?? []), ...(input.defaultCapacityProviderStrategy ?? []).map((s) => s.capacityProvider)]) {
        if (!CAPACITY_PROVIDERS.includes(p)) invalid(`The specified capacity provider '${p}' was not found; Slipway offers FARGATE and FARGATE_SPOT.`);
      }
      if (input.serviceConnectDefaults?.namespace) {
        throw ecsError.namespaceNotFound(input.serviceConnectDefaults.namespace);
      }
      const cluster = m.tx(() => {
        const existing = m.clusters.get(ecsArn.cluster(scope, name));
        if (existing?.status === 'ACTIVE') return existing;
        const created: Cluster = {
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
      const arns = m.clusters.find({ scope: scopeKey(scope), status: 'ACTIVE' }).map((c) => c.clusterArn!);
      const { page, nextToken } = paginate(arns, input.maxResults, input.nextToken);
      return { clusterArns: page, nextToken };
    },

    DeleteCluster(input, ctx) {
      const scope = scopeOf(ctx);
      const arn = clusterArnFor(scope, input.cluster);
      const cluster = m.tx(() => {
        const found = m.clusters.get(arn);
        if (!found || found.status !== 'ACTIVE') throw ecsError.clusterNotFound();
        if (m.services.find({ cluster: arn }).some((s) => s.service.status !== 'INACTIVE')) {
          throw ecsError.clusterContainsServices();
        }
        if (m.tasks.find({ cluster: arn }).some((t) => t.task.lastStatus !== 'STOPPED')) {
          throw ecsError.clusterContainsTasks();
        }
        // The container instance is Slipway's own registration of the engine: it goes with the cluster.
        for (const record of m.instances.find({ cluster: arn })) m.instances.delete(record.instance.containerInstanceArn!);
        const deleted: Cluster = { ...found, status: 'INACTIVE' };
        m.putCluster(deleted, scopeKey(scope));
        return deleted;
      });
      return { cluster: describeCluster(ecs, cluster) };
    },

    DescribeContainerInstances(input, ctx) {
      const scope = scopeOf(ctx);
      const cluster = requireCluster(ecs, scope, input.cluster);
      if (input.containerInstances.length > 100) invalid(`containerInstances can name at most 100 instances (got ${input.containerInstances.length}).`);
      const include = new Set(input.include ?? []);
      const containerInstances: ContainerInstance[] = [];
      const failures: Failure[] = [];
      for (const ref of input.containerInstances) {
        const arn = ref.startsWith('arn:') ? ref : ecsArn.containerInstance(scope, cluster.clusterName!, ref);
        const record = m.instances.get(arn);
        if (!record || record.clusterArn !== cluster.clusterArn) {
          failures.push({ arn, reason: 'MISSING' });
          continue;
        }
        const view = describeInstance(ecs, record);
        if (!include.has('TAGS')) delete view.tags;
        if (include.has('CONTAINER_INSTANCE_HEALTH')) {
          const now = ecs.clock.now();
          const status = view.agentConnected ? 'OK' : 'IMPAIRED';
          view.healthStatus = { overallStatus: status, details: [{ type: 'CONTAINER_RUNTIME', status, lastUpdated: now, lastStatusChange: view.registeredAt }] };
        }
        containerInstances.push(view);
      }
      return { containerInstances, failures };
    },

    ListContainerInstances(input, ctx) {
      const scope = scopeOf(ctx);
      const cluster = requireCluster(ecs, scope, input.cluster);
      checkMaxResults(input.maxResults);
      const arns = m.instances
        .find({ cluster: cluster.clusterArn! })
        .map((record) => describeInstance(ecs, record))
        .filter((ci) => (input.status ? ci.status === input.status : ci.status !== 'INACTIVE'))
        .filter((ci) => !input.filter || matchesFilter(ci, input.filter))
        .map((ci) => ci.containerInstanceArn!);
      const { page, nextToken } = paginate(arns, input.maxResults, input.nextToken);
      return { containerInstanceArns: page, nextToken };
    },

    TagResource(input, ctx) {
      const tags = validateTags(input.tags);
      m.tx(() => {
        const target = taggable(ecs, scopeOf(ctx), input.resourceArn);
        const merged = new Map(target.tags.map((t) => [t.key, t]));
        for (const t of tags) merged.set(t.key, t);
        const result = [...merged.values()];
        if (result.filter((t) => !/^aws:/i.test(t.key ?? '')).length > MAX_TAGS) invalid(`A resource can have at most ${MAX_TAGS} tags.`);
        target.write(result);
      });
      return {};
    },

    UntagResource(input, ctx) {
      for (const key of input.tagKeys) if (/^aws:/i.test(key)) invalid(`Tag '${key}' cannot be removed: the 'aws:' prefix is reserved for AWS use.`);
      const remove = new Set(input.tagKeys);
      m.tx(() => {
        const target = taggable(ecs, scopeOf(ctx), input.resourceArn);
        target.write(target.tags.filter((t) => !remove.has(t.key ?? '')));
      });
      return {};
    },

    ListTagsForResource(input, ctx) {
      return { tags: taggable(ecs, scopeOf(ctx), input.resourceArn).tags };
    },
  };
}

function checkSettings(settings: ClusterSetting[]): ClusterSetting[] {
  for (const s of settings) {
    if (!INSIGHTS.includes(s.value ?? '')) invalid(`Invalid value '${s.value ?? ''}' for cluster setting '${s.name}': use one of ${INSIGHTS.join(', ')}.`);
  }
  return settings;
}

/** DescribeClusters' view: live counts always, tags, settings, statistics and the rest only when included. */
function clusterView(ecs: EcsContext, cluster: Cluster, include: Set<ClusterField>): Cluster {
  const view = describeCluster(ecs, cluster);
  view.tags = include.has('TAGS') ? cluster.tags ?? [] : [];
  view.settings = include.has('SETTINGS') ? cluster.settings ?? [] : [];
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
  for (const { task } of ecs.model.tasks.find({ cluster: cluster.clusterArn! })) {
    if (task.lastStatus === 'RUNNING') add(`running${kind(task.launchType)}TasksCount`);
    else if (task.lastStatus !== 'STOPPED' && task.desiredStatus === 'RUNNING') add(`pending${kind(task.launchType)}TasksCount`);
  }
  for (const { service } of ecs.model.services.find({ cluster: cluster.clusterArn! })) {
    if (service.status === 'ACTIVE') add(`active${kind(service.launchType)}ServiceCount`);
    else if (service.status === 'DRAINING') add(`draining${kind(service.launchType)}ServiceCount`);
  }
  const names = ['runningEC2TasksCount', 'runningFargateTasksCount', 'pendingEC2TasksCount', 'pendingFargateTasksCount',
    'activeEC2ServiceCount', 'activeFargateServiceCount', 'drainingEC2ServiceCount', 'drainingFargateServiceCount'];
  return names.map((name) => ({ name, value: String(counts[name] ?? 0) }));
}

const FILTER_TERM = /^(attribute:[\w.:-]+|[A-Za-z]+)\s*(?:(==|!=|>=|<=|>|<|=~)\s*(.+)|\s+(!?in)\s*(.+)|\s+(!?exists))$/i;

/**
 * The subset of ECS's cluster query language Slipway evaluates for ListContainerInstances:
 * `<subject> <op> <value>` terms joined by and/or. Subjects: attribute:<name>, ec2InstanceId,
 * agentConnected, agentVersion, runningTasksCount, pendingTasksCount; operators ==, !=, >, >=, <,
 * <=, =~ (with * wildcards), in [a, b], !in, exists, !exists.
 */
function matchesFilter(ci: ContainerInstance, expression: string): boolean {
  return expression.split(/\s+or\s+|\s*\|\|\s*/i).some((clause) =>
    clause.split(/\s+and\s+|\s*&&\s*/i).every((term) => {
      const m = FILTER_TERM.exec(term.trim().replace(/^\(|\)$/g, ''));
      if (!m) invalid(`Slipway cannot evaluate the filter term '${term.trim()}'; use <subject> <operator> <value>, e.g. attribute:ecs.os-type == linux.`);
      const [, subject, cmp, cmpValue, setOp, setValue, existsOp] = m!;
      const actual = subjectValue(ci, subject);
      if (existsOp) return (actual !== undefined) === (existsOp.toLowerCase() === 'exists');
      if (setOp) {
        const members = setValue.replace(/^[[(]|[\])]$/g, '').split(',').map((v) => v.trim());
        return members.includes(actual ?? '') === (setOp.toLowerCase() === 'in');
      }
      const want = cmpValue.trim();
      switch (cmp) {
        case '==': return actual === want;
        case '!=': return actual !== want;
        case '=~': return actual !== undefined && new RegExp(`^${want.split('*').map(escape).join('.*')}$`).test(actual);
        default: {
          const [a, b] = [Number(actual), Number(want)];
          return cmp === '>' ? a > b : cmp === '>=' ? a >= b : cmp === '<' ? a < b : a <= b;
        }
      }
    }),
  );
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function subjectValue(ci: ContainerInstance, subject: string): string | undefined {
  if (subject.startsWith('attribute:')) return ci.attributes?.find((a) => a.name === subject.slice('attribute:'.length))?.value ?? undefined;
  const fields: Record<string, unknown> = {
    ec2InstanceId: ci.ec2InstanceId,
    agentConnected: ci.agentConnected,
    agentVersion: ci.versionInfo?.agentVersion,
    runningTasksCount: ci.runningTasksCount,
    pendingTasksCount: ci.pendingTasksCount,
  };
  if (!(subject in fields)) invalid(`Slipway cannot filter container instances on '${subject}'; use attribute:<name>, ec2InstanceId, agentConnected, agentVersion, runningTasksCount or pendingTasksCount.`);
  const value = fields[subject];
  return value === undefined ? undefined : String(value);
}

/** The tags of an ECS resource and how to store new ones; call inside a transaction. */
function taggable(ecs: EcsContext, scope: Scope, resourceArn: string): { tags: Tag[]; write(tags: Tag[]): void } {
  const m = ecs.model;
  const parsed = parseArn(resourceArn);
  if (!parsed || parsed.service !== 'ecs') invalid(`The ARN '${resourceArn}' is not a valid Amazon ECS resource ARN.`);
  const [type, ...path] = parsed!.resource.split('/');
  const notFound = (): never => invalid(`The specified resource is not found: ${resourceArn}`);
  if (parsed!.region !== scope.region || parsed!.account !== scope.account) notFound();
  if ((type === 'service' || type === 'task') && path.length < 2) invalid('Long arn format must be used for tagging operations');
  switch (type) {
    case 'cluster': {
      const cluster = m.clusters.get(resourceArn);
      if (!cluster) throw ecsError.clusterNotFound();
      if (cluster.status !== 'ACTIVE') invalid('The specified cluster is inactive. Specify an active cluster and try again.');
      return { tags: cluster.tags ?? [], write: (tags) => m.putCluster({ ...cluster, tags }, scopeKey(scope)) };
    }
    case 'task-definition': {
      const record = m.taskDefinitions.get(resourceArn) ?? notFound();
      return { tags: record.tags, write: (tags) => m.putTaskDefinition({ ...record, tags }, scopeKey(scope)) };
    }
    case 'service': {
      const record = m.services.get(resourceArn) ?? notFound();
      return { tags: record.service.tags ?? [], write: (tags) => m.putService({ ...record, service: { ...record.service, tags } }) };
    }
    case 'task': {
      const record = m.tasks.get(resourceArn) ?? notFound();
      return { tags: record.task.tags ?? [], write: (tags) => m.putTask({ ...record, task: { ...record.task, tags } }) };
    }
    case 'container-instance': {
      const record = m.instances.get(resourceArn) ?? notFound();
      return { tags: record.instance.tags ?? [], write: (tags) => m.putInstance({ ...record, instance: { ...record.instance, tags } }) };
    }
    default:
      return notFound();
  }
}
