/**
 * @module services/logs/api-tags
 * Tags on log groups: TagResource, UntagResource and ListTagsForResource by ARN, and the older
 * TagLogGroup, UntagLogGroup and ListTagsLogGroup by name. At most 50 tags; `aws:` keys are AWS's.
 */
import type { Scope } from '../../core/ids.ts';
import { scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { LogsContext } from './context.ts';
import { logsError } from './errors.ts';
import type { GroupRecord } from './model.ts';
import { groupByArn, requireGroup } from './resolve.ts';
import type { LogsOperations } from './shapes.ts';

const MAX_TAGS = 50;

/** Tags a caller may set: no key under the reserved `aws:` prefix. */
export function checkTags(tags: Record<string, string> | undefined, field = 'tags'): Record<string, string> {
  for (const key of Object.keys(tags ?? {})) {
    if (/^aws:/i.test(key)) throw logsError.invalidParameter(`${field}.${key}`, "Tag keys beginning with 'aws:' are reserved for AWS use.");
  }
  return { ...tags };
}

export function tagHandlers(logs: LogsContext): Handlers<LogsOperations> {
  const m = logs.model;

  const addTags = (find: () => GroupRecord, incoming: Record<string, string>) => {
    const tags = checkTags(incoming);
    m.tx(() => {
      const group = find();
      const merged = { ...group.tags, ...tags };
      if (Object.keys(merged).length > MAX_TAGS) throw logsError.tooManyTags(group.arn, MAX_TAGS);
      m.putGroup({ ...group, tags: merged });
    });
    return {};
  };

  const removeTags = (find: () => GroupRecord, keys: string[]) => {
    m.tx(() => {
      const group = find();
      const tags = { ...group.tags };
      for (const key of keys) delete tags[key];
      m.putGroup({ ...group, tags });
    });
    return {};
  };

  const byArn = (scope: Scope, arn: string) => () => groupByArn(logs, scope, arn);
  const byName = (scope: Scope, name: string) => () => requireGroup(logs, scope, name);

  return {
    TagResource: (input, ctx) => addTags(byArn(scopeOf(ctx), input.resourceArn), input.tags),
    UntagResource: (input, ctx) => removeTags(byArn(scopeOf(ctx), input.resourceArn), input.tagKeys),
    ListTagsForResource: (input, ctx) => ({ tags: groupByArn(logs, scopeOf(ctx), input.resourceArn).tags }),
    TagLogGroup: (input, ctx) => addTags(byName(scopeOf(ctx), input.logGroupName), input.tags),
    UntagLogGroup: (input, ctx) => removeTags(byName(scopeOf(ctx), input.logGroupName), input.tags),
    ListTagsLogGroup: (input, ctx) => ({ tags: requireGroup(logs, scopeOf(ctx), input.logGroupName).tags }),
  };
}
