/**
 * What the webhook tests send: a GitHub push payload, its signature, a POST to a webhook's URL, and
 * a webhook definition for a pipeline's S3 source action Src.
 */
import type { WebhookDefinition } from '@aws-sdk/client-codepipeline';
import { createHmac } from 'node:crypto';

export const SECRET = 'a-secret-for-this-webhook-only';

/** A GitHub push to `branch` of the repository `name`, as its webhook sends it. */
export function push(name: string, branch: string) {
  return { ref: `refs/heads/${branch}`, repository: { full_name: `team/${name}`, name }, head_commit: { id: 'abc123' } };
}

export function signed(body: string, secret = SECRET) {
  return {
    'content-type': 'application/json',
    'x-github-event': 'push',
    'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  };
}

export async function post(url: string, payload: unknown, headers: (body: string) => Record<string, string> = signed) {
  const body = JSON.stringify(payload);
  const res = await fetch(url, { method: 'POST', headers: headers(body), body });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** The webhook for `pipelineName`'s S3 source action Src: GitHub pushes to main of the repository named as its bucket. */
export function githubHook(name: string, pipelineName: string, extra: Partial<WebhookDefinition> = {}): WebhookDefinition {
  return {
    name,
    targetPipeline: pipelineName,
    targetAction: 'Src',
    filters: [
      { jsonPath: '$.ref', matchEquals: 'refs/heads/main' },
      // {S3Bucket} stands for the target action's configuration property.
      { jsonPath: "$['repository'].name", matchEquals: '{S3Bucket}' },
    ],
    authentication: 'GITHUB_HMAC',
    authenticationConfiguration: { SecretToken: SECRET },
    ...extra,
  };
}
