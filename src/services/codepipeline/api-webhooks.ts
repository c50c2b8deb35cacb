/**
 * @module services/codepipeline/api-webhooks
 * PutWebhook (create, or update by name: the URL and ARN stay), ListWebhooks, DeleteWebhook and
 * Register/DeregisterWebhookWithThirdParty. A webhook names its pipeline by name, so a pipeline
 * deleted and made again is started again; while it is gone, ListWebhooks shows the webhook's
 * error. Calls to a webhook's URL are taken by webhook-route.ts.
 */
import { codepipelineArn, codepipelineWebhookToken } from '../../core/ids.ts';
import { scopeKey, scopeOf, type Scope } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { page, requirePipeline } from './api-common.ts';
import { checkTags, mergeTags } from './api-tags.ts';
import type { CodePipelineContext } from './context.ts';
import { codepipelineError as err } from './errors.ts';
import type { WebhookRecord } from './model.ts';
import type { CodepipelineOperations } from './shapes.ts';
import { checkWebhookDefinition, webhookTarget, webhookView } from './webhooks.ts';

export function webhookHandlers(cp: CodePipelineContext): Handlers<CodepipelineOperations> {
  const m = cp.model;
  const view = (w: WebhookRecord, endpoint: string) => webhookView(w, endpoint, m.pipeline(w.scope, w.definition.targetPipeline));
  /** Register and Deregister name the webhook in an optional member; it must be there and name one. */
  const named = (scope: Scope, name: string | undefined): WebhookRecord => {
    if (!name)
      throw err.validation(
        "1 validation error detected: Value null at 'webhookName' failed to satisfy constraint: Member must not be null",
      );
    const w = m.webhook(scope, name);
    if (!w) throw err.webhookNotFound(name);
    return w;
  };
  return {
    PutWebhook(input, ctx) {
      const scope = scopeOf(ctx);
      const d = input.webhook;
      checkWebhookDefinition(d);
      const tags = checkTags(input.tags);
      return m.tx(() => {
        const target = webhookTarget(d, requirePipeline(cp, scope, d.targetPipeline));
        if ('problem' in target)
          throw err.validation(
            `webhook.targetAction: the pipeline '${d.targetPipeline}' has no action '${d.targetAction}' in its source (first) stage`,
          );
        const before = m.webhook(scope, d.name);
        const w: WebhookRecord = before
          ? { ...before, definition: d, tags: mergeTags(before.tags, tags), error: undefined }
          : { arn: codepipelineArn.webhook(scope, d.name), scope, definition: d, token: codepipelineWebhookToken(), tags };
        m.putWebhook(w);
        return { webhook: view(w, ctx.endpoint) };
      });
    },

    ListWebhooks(input, ctx) {
      const all = m.webhooks.find({ scope: scopeKey(scopeOf(ctx)) }).sort((a, b) => a.definition.name.localeCompare(b.definition.name));
      const got = page(all, 'webhooks', input.NextToken, input.MaxResults);
      return { webhooks: got.items.map((w) => view(w, ctx.endpoint)), NextToken: got.next };
    },

    // Deleting one that is already gone succeeds, as AWS documents.
    DeleteWebhook(input, ctx) {
      const w = m.webhook(scopeOf(ctx), input.name);
      if (w) m.webhooks.delete(w.arn);
      return {};
    },

    // Slipway's own git host calls no third party: registering only records that the webhook is
    // meant to be called, so that both calls succeed as they do on AWS for a hook already in place.
    RegisterWebhookWithThirdParty(input, ctx) {
      const w = named(scopeOf(ctx), input.webhookName);
      m.modifyWebhook(w.arn, (x) => (x.registered = true));
      return {};
    },

    DeregisterWebhookWithThirdParty(input, ctx) {
      const w = named(scopeOf(ctx), input.webhookName);
      m.modifyWebhook(w.arn, (x) => (x.registered = false));
      return {};
    },
  };
}
