/**
 * @module services/codepipeline/api-tags
 * TagResource, UntagResource and ListTagsForResource on pipelines, by ARN. At most 50 tags;
 * `aws:` keys are AWS's.
 */
import { parseArn, type Scope } from '../../core/ids.ts';
import { inScope, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { page } from './api-common.ts';
import type { CodePipelineContext } from './context.ts';
import { codepipelineError } from './errors.ts';
import type { PipelineRecord } from './model.ts';
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

export function tagHandlers(cp: CodePipelineContext): Handlers<CodepipelineOperations> {
  const m = cp.model;
  const pipelineOf = (scope: Scope, arn: string): PipelineRecord => {
    const parsed = parseArn(arn);
    if (parsed?.service !== 'codepipeline' || !inScope(scope, parsed)) throw codepipelineError.invalidArn(arn);
    const p = m.pipeline(scope, parsed.resource);
    if (!p) throw codepipelineError.resourceNotFound(arn);
    return p;
  };
  return {
    TagResource(input, ctx) {
      const incoming = checkTags(input.tags);
      m.tx(() => {
        const p = pipelineOf(scopeOf(ctx), input.resourceArn);
        const keys = new Set(incoming.map((t) => t.key));
        const tags = [...p.tags.filter((t) => !keys.has(t.key)), ...incoming];
        if (tags.length > MAX_TAGS) throw codepipelineError.tooManyTags(MAX_TAGS);
        m.putPipeline({ ...p, tags });
      });
      return {};
    },

    UntagResource(input, ctx) {
      m.tx(() => {
        const p = pipelineOf(scopeOf(ctx), input.resourceArn);
        m.putPipeline({ ...p, tags: p.tags.filter((t) => !input.tagKeys.includes(t.key)) });
      });
      return {};
    },

    ListTagsForResource(input, ctx) {
      const p = pipelineOf(scopeOf(ctx), input.resourceArn);
      const got = page(p.tags, `tags:${p.arn}`, input.nextToken, input.maxResults, 50);
      return { tags: got.items, nextToken: got.next };
    },
  };
}
