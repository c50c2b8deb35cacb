/**
 * @module services/codepipeline/api-tags
 * TagResource, UntagResource and ListTagsForResource on pipelines, webhooks and custom action types
 * (…:actiontype:Custom/<category>/<provider>/<version>), by ARN. At most 50 tags; `aws:` keys are AWS's.
 */
import { codepipelineArn, parseArn, type Scope } from '../../core/ids.ts';
import { inScope, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { page } from './api-common.ts';
import type { CodePipelineContext } from './context.ts';
import { codepipelineError } from './errors.ts';
import type { CodepipelineOperations, Tag } from './shapes.ts';

const MAX_TAGS = 50;

/** Tags a caller may set: none under the reserved `aws:` prefix, each key once, at most 50. */
export function checkTags(tags: Tag[] | undefined): Tag[] {
  const keys = new Set<string>();
  for (const { key } of tags ?? []) {
    if (/^aws:/i.test(key)) throw codepipelineError.invalidTags(`Tag key '${key}': keys beginning with 'aws:' are reserved for AWS use`);
    if (keys.has(key)) throw codepipelineError.invalidTags(`Tag key '${key}' is given more than once`);
    keys.add(key);
  }
  if (keys.size > MAX_TAGS) throw codepipelineError.tooManyTags(MAX_TAGS);
  return tags ?? [];
}

/** `incoming` set over `tags`: a key given again takes the new value. */
export function mergeTags(tags: Tag[], incoming: Tag[]): Tag[] {
  const keys = new Set(incoming.map((t) => t.key));
  const merged = [...tags.filter((t) => !keys.has(t.key)), ...incoming];
  if (merged.length > MAX_TAGS) throw codepipelineError.tooManyTags(MAX_TAGS);
  return merged;
}

/** A taggable resource: its tags, and how to write them back (inside the caller's transaction). */
interface Tagged {
  arn: string;
  tags: Tag[];
  retag(tags: Tag[]): void;
}

export function tagHandlers(cp: CodePipelineContext): Handlers<CodepipelineOperations> {
  const m = cp.model;
  const resourceOf = (scope: Scope, arn: string): Tagged => {
    const parsed = parseArn(arn);
    if (parsed?.service !== 'codepipeline' || !inScope(scope, parsed)) throw codepipelineError.invalidArn(arn);
    const webhook = /^webhook:(.+)$/.exec(parsed.resource);
    if (webhook) {
      const w = m.webhook(scope, webhook[1]);
      if (!w) throw codepipelineError.resourceNotFound(arn);
      return { arn: w.arn, tags: w.tags, retag: (tags) => m.putWebhook({ ...w, tags }) };
    }
    if (parsed.resource.startsWith('actiontype:')) {
      const t = m.customTypeAt(arn);
      if (!t) throw codepipelineError.resourceNotFound(arn);
      return { arn: codepipelineArn.actionType(t.scope, t.id), tags: t.tags, retag: (tags) => m.putCustomType({ ...t, tags }) };
    }
    const p = m.pipeline(scope, parsed.resource);
    if (!p) throw codepipelineError.resourceNotFound(arn);
    return { arn: p.arn, tags: p.tags, retag: (tags) => m.putPipeline({ ...p, tags }) };
  };
  return {
    TagResource(input, ctx) {
      const incoming = checkTags(input.tags);
      m.tx(() => {
        const r = resourceOf(scopeOf(ctx), input.resourceArn);
        r.retag(mergeTags(r.tags, incoming));
      });
      return {};
    },

    UntagResource(input, ctx) {
      m.tx(() => {
        const r = resourceOf(scopeOf(ctx), input.resourceArn);
        r.retag(r.tags.filter((t) => !input.tagKeys.includes(t.key)));
      });
      return {};
    },

    ListTagsForResource(input, ctx) {
      const r = resourceOf(scopeOf(ctx), input.resourceArn);
      const got = page(r.tags, `tags:${r.arn}`, input.nextToken, input.maxResults, 50);
      return { tags: got.items, nextToken: got.next };
    },
  };
}
