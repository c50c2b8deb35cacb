/**
 * @module services/codepipeline/webhook-route
 * POST /_slipway/codepipeline/webhooks/<region>/<token>: a call to a webhook's URL. The unguessable
 * token finds the webhook; its authentication (webhooks.ts) decides who may call, before the body is
 * read as anything but bytes. A payload (JSON, or GitHub's form encoding `payload=<JSON>`) that
 * passes every filter starts the target pipeline with the trigger `Webhook`, its source actions
 * taking their revisions as any run does; one that fails a filter starts nothing and is still a 200,
 * as AWS answers it, so that the sender does not retry.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { deliveryPayload } from '../../core/delivery.ts';
import { readBody, sendJson } from '../../protocol/http.ts';
import type { Route } from '../types.ts';
import type { CodePipelineContext } from './context.ts';
import { JsonPathError } from './jsonpath.ts';
import type { WebhookRecord } from './model.ts';
import { startExecution } from './start.ts';
import { startVariables } from './variables.ts';
import { addressRefusal, failedFilter, signatureRefusal, WEBHOOK_PATH, type WebhookProblem, webhookTarget } from './webhooks.ts';

/** GitHub caps a payload at 25 MB. */
const MAX_PAYLOAD = 25 * 1024 * 1024;

/** Starts the target pipeline (its current version), or records on the webhook why it could not. */
function trigger(cp: CodePipelineContext, w: WebhookRecord): { id: string } | { problem: WebhookProblem } {
  return cp.model.tx(() => {
    const fail = (problem: WebhookProblem) => {
      cp.model.modifyWebhook(w.arn, (x) => (x.error = problem));
      return { problem };
    };
    const target = webhookTarget(w.definition, cp.model.pipeline(w.scope, w.definition.targetPipeline));
    if ('problem' in target) return fail(target.problem);
    const p = target.pipeline;
    const variables = startVariables(p.declaration.variables, undefined);
    if (typeof variables === 'string') return fail({ code: 'ValidationException', message: variables });
    const e = startExecution(cp, p, { trigger: { triggerType: 'Webhook', triggerDetail: w.arn }, variables });
    cp.model.modifyWebhook(w.arn, (x) => {
      x.lastTriggered = cp.clock.now();
      x.error = undefined;
    });
    return { id: e.id };
  });
}

const GONE = { message: 'No webhook has this URL: it was deleted, or re-created with a new one' };

async function receive(cp: CodePipelineContext, req: IncomingMessage, res: ServerResponse, region: string, token: string): Promise<void> {
  const find = () => cp.model.webhooks.find({ token }).find((x) => x.scope.region === region);
  const first = find();
  if (!first) {
    req.resume();
    return sendJson(res, 404, GONE);
  }
  const outside = addressRefusal(first.definition, req.socket.remoteAddress ?? '');
  if (outside) {
    req.resume();
    return sendJson(res, outside.status, { message: outside.message });
  }
  const body = await readBody(req, MAX_PAYLOAD);
  // The webhook as it is now the body is in: deleted or changed meanwhile, the call is judged by what it became.
  const w = find();
  if (!w) return sendJson(res, 404, GONE);
  const refused = addressRefusal(w.definition, req.socket.remoteAddress ?? '') ?? signatureRefusal(w.definition, req.headers, body);
  if (refused) return sendJson(res, refused.status, { message: refused.message });
  let payload: unknown;
  try {
    payload = deliveryPayload(req.headers['content-type'], body);
  } catch (err) {
    return sendJson(res, 400, { message: `the payload is not JSON: ${(err as Error).message}` });
  }
  // With its pipeline or action gone, the call is answered with that (and recorded) whatever the payload.
  const target = webhookTarget(w.definition, cp.model.pipeline(w.scope, w.definition.targetPipeline));
  let failed: number | undefined;
  try {
    failed = 'action' in target ? failedFilter(w.definition, target.action.configuration ?? {}, payload) : undefined;
  } catch (err) {
    if (!(err instanceof JsonPathError)) throw err;
    return sendJson(res, 413, { message: `${err.message}; the pipeline was not started` });
  }
  if (failed !== undefined) {
    const f = w.definition.filters[failed];
    return sendJson(res, 200, { message: `filters[${failed}] (${f.jsonPath}) does not match the payload; the pipeline was not started` });
  }
  const started = trigger(cp, w);
  if ('problem' in started) return sendJson(res, 409, started.problem);
  sendJson(res, 200, { pipelineExecutionId: started.id });
}

export function webhookRoutes(cp: CodePipelineContext): Route[] {
  return [
    {
      method: 'POST',
      path: WEBHOOK_PATH,
      access: 'own', // the webhook's own authentication: GitHub's HMAC with its secret, an IP range, or (as the user chose) anyone
      handle: (req, res, m) => receive(cp, req, res, m[1], m[2]),
    },
  ];
}
