/**
 * @module services/ecs/api-tags
 * TagResource, UntagResource and ListTagsForResource for every ECS resource that carries tags:
 * clusters, task definitions, services, task sets, tasks and container instances.
 */
import { ecsArn, parseArn, type Scope } from '../../core/ids.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { EcsContext } from './context.ts';
import { ecsError, invalid } from './errors.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { EcsOperations, Tag } from './shapes.ts';

const MAX_TAGS = 50;

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

export function tagHandlers(ecs: EcsContext): Handlers<EcsOperations> {
  const m = ecs.model;
  return {
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
      for (const key of input.tagKeys)
        if (/^aws:/i.test(key)) invalid(`Tag '${key}' cannot be removed: the 'aws:' prefix is reserved for AWS use.`);
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

/** The tags of an ECS resource and how to store new ones; call inside a transaction. */
export function taggable(ecs: EcsContext, scope: Scope, resourceArn: string): { tags: Tag[]; write(tags: Tag[]): void } {
  const m = ecs.model;
  const parsed = parseArn(resourceArn);
  if (parsed?.service !== 'ecs') invalid(`The ARN '${resourceArn}' is not a valid Amazon ECS resource ARN.`);
  const [type, ...path] = parsed.resource.split('/');
  const notFound = (): never => invalid(`The specified resource is not found: ${resourceArn}`);
  if (scopeKey(parsed) !== scopeKey(scope)) notFound();
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
    case 'task-set': {
      // task-set/<cluster>/<service>/ecs-svc/<digits>: the set lives in its service's record.
      const record = path.length === 4 ? m.services.get(ecsArn.service(scope, path[0], path[1])) : undefined;
      const sets = record?.taskSets ?? [];
      const set = sets.find((s) => s.taskSetArn === resourceArn);
      if (!record || !set) return notFound();
      return {
        tags: set.tags ?? [],
        write: (tags) => m.putService({ ...record, taskSets: sets.map((s) => (s === set ? { ...s, tags } : s)) }),
      };
    }
    case 'container-instance': {
      const record = m.instances.get(resourceArn) ?? notFound();
      return { tags: record.instance.tags ?? [], write: (tags) => m.putInstance({ ...record, instance: { ...record.instance, tags } }) };
    }
    default:
      return notFound();
  }
}
