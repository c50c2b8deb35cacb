/**
 * @module services/codepipeline/webhooks
 * What a webhook (PutWebhook) asks of a call to its URL, as CodePipeline decides it: the caller
 * proves itself as the definition's authentication says (GITHUB_HMAC: GitHub's X-Hub-Signature-256,
 * or the older X-Hub-Signature, an HMAC of the body with the SecretToken; IP: the caller's address
 * is in AllowedIPRange; UNAUTHENTICATED: anyone), then every filter's JSONPath must select, from the
 * payload, the filter's matchEquals — in which `{Key}` stands for the target action's configuration
 * property Key (`refs/heads/{Branch}`). A filter without matchEquals asks only that the path selects
 * something.
 */
import { createHmac } from 'node:crypto';
import { sameSecret } from '../../core/secret.ts';
import { parseCidr, inCidr } from '../../core/net.ts';
import { codepipelineError } from './errors.ts';
import { JsonPathError, parseJsonPath, selectJsonPath } from './jsonpath.ts';
import type { PipelineRecord, WebhookRecord } from './model.ts';
import type { ActionDeclaration, ListWebhookItem, WebhookDefinition, WebhookFilterRule } from './shapes.ts';

/** What ListWebhooks and PutWebhook show in place of a SecretToken. */
export const REDACTED_SECRET = '<redacted>';

/** Where a webhook's calls are taken: under /_slipway, which no bucket name can claim. */
export const WEBHOOK_PATH = /^\/_slipway\/codepipeline\/webhooks\/([a-z0-9-]{1,32})\/([A-Za-z0-9_-]{43})$/;

export function webhookUrl(endpoint: string, w: WebhookRecord): string {
  return `${endpoint.replace(/\/$/, '')}/_slipway/codepipeline/webhooks/${w.scope.region}/${w.token}`;
}

/** The authentication and filters of a definition, checked as PutWebhook checks them before it looks at the pipeline. */
export function checkWebhookDefinition(d: WebhookDefinition): void {
  d.filters.forEach((f, i) => {
    try {
      parseJsonPath(f.jsonPath);
    } catch (err) {
      if (!(err instanceof JsonPathError)) throw err;
      throw codepipelineError.invalidFilterPattern(`filters[${i}].jsonPath '${f.jsonPath}' is not a valid JsonPath: ${err.message}`);
    }
  });
  const { SecretToken, AllowedIPRange } = d.authenticationConfiguration;
  const refuse = (message: string) => codepipelineError.invalidWebhookAuthentication(`authenticationConfiguration: ${message}`);
  if (d.authentication === 'GITHUB_HMAC') {
    if (!SecretToken) throw refuse('GITHUB_HMAC requires SecretToken');
    if (AllowedIPRange !== undefined) throw refuse('GITHUB_HMAC takes only SecretToken, not AllowedIPRange');
  } else if (d.authentication === 'IP') {
    if (!AllowedIPRange) throw refuse('IP requires AllowedIPRange, a CIDR range');
    if (!parseCidr(AllowedIPRange) || !AllowedIPRange.includes('/'))
      throw refuse(`AllowedIPRange '${AllowedIPRange}' is not a valid CIDR range (e.g. 192.0.2.0/24)`);
    if (SecretToken !== undefined) throw refuse('IP takes only AllowedIPRange, not SecretToken');
  } else if (SecretToken !== undefined || AllowedIPRange !== undefined) {
    throw refuse('UNAUTHENTICATED takes neither SecretToken nor AllowedIPRange');
  }
}

export interface WebhookProblem {
  code: string;
  message: string;
}

/** The pipeline and source-stage action a webhook starts, or why it cannot now (either is gone). */
export function webhookTarget(
  d: WebhookDefinition,
  p: PipelineRecord | undefined,
): { pipeline: PipelineRecord; action: ActionDeclaration } | { problem: WebhookProblem } {
  if (!p) return { problem: { code: 'PipelineNotFoundException', message: `The pipeline '${d.targetPipeline}' does not exist` } };
  const action = p.declaration.stages[0]?.actions.find((a) => a.name === d.targetAction);
  if (!action)
    return {
      problem: { code: 'ActionNotFoundException', message: `The pipeline '${d.targetPipeline}' has no source action '${d.targetAction}'` },
    };
  return { pipeline: p, action };
}

/** What ListWebhooks reports as the webhook's error: its target gone, else why its last call started nothing. */
function webhookProblem(w: WebhookRecord, p: PipelineRecord | undefined): WebhookProblem | undefined {
  const target = webhookTarget(w.definition, p);
  return 'problem' in target ? target.problem : w.error;
}

export function webhookView(w: WebhookRecord, endpoint: string, p: PipelineRecord | undefined): ListWebhookItem {
  const config = w.definition.authenticationConfiguration;
  const problem = webhookProblem(w, p);
  return {
    definition: {
      ...w.definition,
      authenticationConfiguration: config.SecretToken === undefined ? config : { ...config, SecretToken: REDACTED_SECRET },
    },
    url: webhookUrl(endpoint, w),
    arn: w.arn,
    ...(w.lastTriggered !== undefined && { lastTriggered: w.lastTriggered }),
    ...(problem && { errorCode: problem.code, errorMessage: problem.message }),
    ...(w.tags.length && { tags: w.tags }),
  };
}

type Refusal = { status: 401 | 403; message: string };

/** IP: why a caller at `address` is refused (403 outside AllowedIPRange); undefined when it may go on to send its body. */
export function addressRefusal(d: WebhookDefinition, address: string): Refusal | undefined {
  if (d.authentication !== 'IP' || inCidr(address, d.authenticationConfiguration.AllowedIPRange ?? '')) return undefined;
  return { status: 403, message: `the caller's address ${address} is not in the webhook's AllowedIPRange` };
}

/** GITHUB_HMAC: why the body is refused (401 not signed, 403 signed with another secret); undefined when it passes. */
export function signatureRefusal(
  d: WebhookDefinition,
  headers: Record<string, string | string[] | undefined>,
  body: Buffer,
): Refusal | undefined {
  if (d.authentication !== 'GITHUB_HMAC') return undefined;
  const one = (name: string) => [headers[name]].flat()[0];
  const sha256 = one('x-hub-signature-256');
  const sha1 = sha256 === undefined ? one('x-hub-signature') : undefined;
  const given = sha256 ?? sha1;
  if (given === undefined)
    return { status: 401, message: 'the request is not signed: X-Hub-Signature-256 (or X-Hub-Signature) is missing' };
  const algorithm = sha256 !== undefined ? 'sha256' : 'sha1';
  const expected = createHmac(algorithm, d.authenticationConfiguration.SecretToken ?? '')
    .update(body)
    .digest('hex');
  return sameSecret(given, `${algorithm}=${expected}`)
    ? undefined
    : { status: 403, message: 'the signature does not match the webhook secret' };
}

/** matchEquals with each `{Key}` replaced by the target action's configuration property Key (an unknown key stays as written). */
export function expectedValue(matchEquals: string, configuration: Record<string, string>): string {
  return matchEquals.replace(/\{([^{}]+)\}/g, (whole, key: string) => (Object.hasOwn(configuration, key) ? configuration[key] : whole));
}

/** A selected value as matchEquals is compared with: a string itself, else its JSON; none for one nested too deep to write, which no matchEquals (150 characters) could equal. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch (err) {
    if (err instanceof RangeError) return undefined;
    throw err;
  }
}

/** What filter `i` selects from the payload; throws JsonPathError naming the filter when that is too much work. */
function selected(f: WebhookFilterRule, i: number, payload: unknown): unknown[] {
  try {
    return selectJsonPath(parseJsonPath(f.jsonPath), payload).filter((v) => v !== null && v !== undefined);
  } catch (err) {
    if (err instanceof JsonPathError) throw new JsonPathError(`filters[${i}] (${f.jsonPath}): ${err.message}`);
    throw err;
  }
}

/** The first filter the payload fails (its index), or undefined when it passes them all. */
export function failedFilter(d: WebhookDefinition, configuration: Record<string, string>, payload: unknown): number | undefined {
  const index = d.filters.findIndex((f, i) => {
    const values = selected(f, i, payload);
    if (f.matchEquals === undefined) return values.length === 0;
    const expected = expectedValue(f.matchEquals, configuration);
    return !values.some((v) => textOf(v) === expected);
  });
  return index < 0 ? undefined : index;
}
