/**
 * @module services/connections/api-tags
 * TagResource, UntagResource and ListTagsForResource on connections and hosts, by either
 * service's ARN. Slipway's own `slipway:` tags (source.ts) are checked like any other input.
 */
import { connectionsArn, type Scope } from '../../core/ids.ts';
import { scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { ConnectionsContext } from './context.ts';
import { connectionsError } from './errors.ts';
import { requireConnection, requireHost, requireTokenReadable, tagList, tagMap } from './resolve.ts';
import type { CodeconnectionsOperations } from './shapes-codeconnections.ts';

export function tagHandlers(cc: ConnectionsContext): Handlers<CodeconnectionsOperations> {
  const m = cc.model;

  /** The resource an ARN names: its tags, and how to store new ones. */
  const resource = (scope: Scope, arn: string) => {
    const kind = connectionsArn.parse(arn)?.kind;
    if (kind === 'connection') {
      const c = requireConnection(cc, scope, arn);
      return { tags: c.tags, put: (tags: Record<string, string>) => m.putConnection({ ...c, tags }) };
    }
    if (kind === 'host') {
      const h = requireHost(cc, scope, arn);
      return { tags: h.tags, put: (tags: Record<string, string>) => m.putHost({ ...h, tags }) };
    }
    throw connectionsError.resourceNotFound(arn);
  };

  const retag = (scope: Scope, arn: string, change: (tags: Record<string, string>) => Record<string, string>) =>
    m.tx(() => {
      const found = resource(scope, arn);
      found.put(change(found.tags));
    });

  return {
    TagResource(input, ctx) {
      requireTokenReadable(cc, ctx, input.Tags);
      retag(scopeOf(ctx), input.ResourceArn, (tags) => tagMap(input.Tags, 'Tags', tags));
      return {};
    },
    UntagResource(input, ctx) {
      retag(scopeOf(ctx), input.ResourceArn, (tags) => {
        const left = { ...tags };
        for (const key of input.TagKeys) delete left[key];
        return left;
      });
      return {};
    },
    ListTagsForResource(input, ctx) {
      return { Tags: tagList(resource(scopeOf(ctx), input.ResourceArn).tags) };
    },
  };
}
