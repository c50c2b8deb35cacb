/**
 * @module services/codedeploy/api-tags
 * TagResource, UntagResource and ListTagsForResource on applications, deployment groups and
 * (custom) deployment configurations, by ARN. At most 50 tags; `aws:` keys are AWS's.
 */
import { parseArn, type Scope } from '../../core/ids.ts';
import { inScope, scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { checkTags, mergeTags, page, requireApplication, requireGroup } from './api-common.ts';
import type { CodeDeployContext } from './context.ts';
import { codedeployError } from './errors.ts';
import type { CodedeployOperations, Tag } from './shapes.ts';

interface Tagged {
  tags: Tag[];
  /** Stores the resource with these tags. */
  save(tags: Tag[]): void;
}

export function tagHandlers(cd: CodeDeployContext): Handlers<CodedeployOperations> {
  const m = cd.model;

  const resource = (scope: Scope, arn: string): Tagged => {
    const parsed = parseArn(arn);
    if (parsed?.service !== 'codedeploy') throw codedeployError.invalidArn(arn);
    if (!inScope(scope, parsed)) throw codedeployError.invalidArn(arn);
    const [kind, ...rest] = parsed.resource.split(':');
    const name = rest.join(':');
    const key = scopeKey(scope);
    switch (kind) {
      case 'application': {
        const app = requireApplication(cd, scope, name);
        return { tags: app.tags, save: (tags) => m.putApplication({ ...app, tags }, key) };
      }
      case 'deploymentgroup': {
        const [appName, groupName] = name.split('/');
        const group = requireGroup(cd, scope, appName ?? '', groupName ?? '');
        return { tags: group.tags, save: (tags) => m.putGroup({ ...group, tags }, key) };
      }
      case 'deploymentconfig': {
        const config = m.config(key, name);
        if (!config) throw codedeployError.configNotFound(name);
        return { tags: config.tags, save: (tags) => m.putConfig({ ...config, tags }, key) };
      }
      default:
        throw codedeployError.arnNotSupported(arn);
    }
  };

  return {
    TagResource(input, ctx) {
      const incoming = checkTags(input.Tags);
      m.tx(() => {
        const r = resource(scopeOf(ctx), input.ResourceArn);
        r.save(mergeTags(r.tags, incoming));
      });
      return {};
    },

    UntagResource(input, ctx) {
      m.tx(() => {
        const r = resource(scopeOf(ctx), input.ResourceArn);
        r.save(r.tags.filter((t) => !input.TagKeys.includes(t.Key ?? '')));
      });
      return {};
    },

    ListTagsForResource(input, ctx) {
      const p = page(resource(scopeOf(ctx), input.ResourceArn).tags, `tags:${input.ResourceArn}`, input.NextToken);
      return { Tags: p.items, NextToken: p.next };
    },
  };
}
