/**
 * CodePipeline's own webhooks, against a real Slipway: PutWebhook, ListWebhooks, DeleteWebhook,
 * Register/DeregisterWebhookWithThirdParty and tags through the SDK v3 client and the aws CLI, the
 * errors AWS gives for a bad definition (each writing nothing), and real HTTP POSTs to the webhook's
 * URL: a GitHub push signed with the secret starts the pipeline, while a wrong or missing signature,
 * a payload that fails a filter (filter expressions too), or a caller outside the IP range starts nothing. Webhooks outlive a
 * restart of Slipway on the same data.
 */
import {
  type CodePipelineClient,
  CreatePipelineCommand,
  DeletePipelineCommand,
  DeleteWebhookCommand,
  DeregisterWebhookWithThirdPartyCommand,
  ListPipelineExecutionsCommand,
  ListTagsForResourceCommand,
  ListWebhooksCommand,
  PutWebhookCommand,
  RegisterWebhookWithThirdPartyCommand,
  TagResourceCommand,
  type WebhookDefinition,
} from '@aws-sdk/client-codepipeline';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { approval, codepipelineClient, pipeline, s3Source, stage } from '../support/codepipeline.ts';
import { s3Client } from '../support/s3.ts';
import { awsCli, startTestSlipway, type TestSlipway, tempDataDir } from '../support/slipway.ts';
import { githubHook, post, push, SECRET, signed } from '../support/webhooks.ts';

const BUCKET = 'webhook-artifacts';
async function webhookTriggered(cp: CodePipelineClient, pipelineName: string) {
  const { pipelineExecutionSummaries = [] } = await cp.send(new ListPipelineExecutionsCommand({ pipelineName }));
  return pipelineExecutionSummaries.filter((s) => s.trigger?.triggerType === 'Webhook');
}

async function listed(cp: CodePipelineClient) {
  return (await cp.send(new ListWebhooksCommand({}))).webhooks ?? [];
}

async function rejects(call: Promise<unknown>, name: string, message: RegExp) {
  await assert.rejects(call, (err: Error) => {
    assert.equal(err.name, name);
    assert.match(err.message, message);
    return true;
  });
}

describe('CodePipeline webhooks', () => {
  const dataDir = tempDataDir();
  let slipway: TestSlipway;
  let cp: CodePipelineClient;

  const createPipeline = (name: string) =>
    cp.send(
      new CreatePipelineCommand({
        pipeline: pipeline(name, BUCKET, [stage('Source', s3Source('Src', BUCKET, `${name}.zip`)), stage('Approve', approval('Ok'))]),
      }),
    );

  before(async () => {
    slipway = await startTestSlipway({ dataDir });
    cp = codepipelineClient(slipway.endpoint);
    await s3Client(slipway.endpoint).send(new CreateBucketCommand({ Bucket: BUCKET }));
    await createPipeline('hooked');
  });
  after(async () => {
    await slipway?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('PutWebhook creates, lists with a URL on the edge and a redacted secret, updates in place, and DeleteWebhook removes it', async () => {
    const { webhook } = await cp.send(
      new PutWebhookCommand({ webhook: githubHook('crud', 'hooked'), tags: [{ key: 'team', value: 'web' }] }),
    );
    assert.equal(webhook?.arn, 'arn:aws:codepipeline:us-east-1:000000000000:webhook:crud');
    assert.match(webhook?.url ?? '', new RegExp(`^${slipway.endpoint}/_slipway/codepipeline/webhooks/us-east-1/[A-Za-z0-9_-]{43}$`));
    assert.notEqual(webhook?.definition?.authenticationConfiguration?.SecretToken, SECRET, 'the secret is never shown');
    assert.equal(webhook?.lastTriggered, undefined);
    assert.deepEqual(webhook?.tags, [{ key: 'team', value: 'web' }]);

    const again = await cp.send(
      new PutWebhookCommand({ webhook: githubHook('crud', 'hooked', { filters: [{ jsonPath: '$.ref', matchEquals: 'refs/heads/dev' }] }) }),
    );
    assert.equal(again.webhook?.url, webhook?.url, 'an update keeps the URL');
    const [item] = (await listed(cp)).filter((w) => w.definition?.name === 'crud');
    assert.deepEqual(item.definition?.filters, [{ jsonPath: '$.ref', matchEquals: 'refs/heads/dev' }]);
    assert.equal(item.url, webhook?.url);

    await cp.send(new TagResourceCommand({ resourceArn: webhook!.arn!, tags: [{ key: 'stage', value: 'prod' }] }));
    const { tags } = await cp.send(new ListTagsForResourceCommand({ resourceArn: webhook!.arn! }));
    assert.deepEqual(tags, [
      { key: 'team', value: 'web' },
      { key: 'stage', value: 'prod' },
    ]);

    await cp.send(new RegisterWebhookWithThirdPartyCommand({ webhookName: 'crud' }));
    await cp.send(new DeregisterWebhookWithThirdPartyCommand({ webhookName: 'crud' }));
    await rejects(cp.send(new RegisterWebhookWithThirdPartyCommand({ webhookName: 'nope' })), 'WebhookNotFoundException', /nope/);

    await cp.send(new DeleteWebhookCommand({ name: 'crud' }));
    await cp.send(new DeleteWebhookCommand({ name: 'crud' })); // already gone: still a success
    assert.equal(
      (await listed(cp)).some((w) => w.definition?.name === 'crud'),
      false,
    );
    const gone = await post(webhook!.url!, push(BUCKET, 'main'));
    assert.equal(gone.status, 404, 'a deleted webhook takes no calls');
    const made = await cp.send(new PutWebhookCommand({ webhook: githubHook('crud', 'hooked') }));
    assert.notEqual(made.webhook?.url, webhook?.url, 'made again, it has a new URL');
    await cp.send(new DeleteWebhookCommand({ name: 'crud' }));
  });

  it('a bad definition gets the error AWS gives, naming the field, and writes nothing', async () => {
    const before = (await listed(cp)).length;
    const put = (d: WebhookDefinition) => cp.send(new PutWebhookCommand({ webhook: d }));
    await rejects(put(githubHook('bad', 'no-such-pipeline')), 'PipelineNotFoundException', /no-such-pipeline/);
    await rejects(put(githubHook('bad', 'hooked', { targetAction: 'Ok' })), 'ValidationException', /targetAction/);
    await rejects(put(githubHook('bad', 'hooked', { filters: [{ jsonPath: 'ref' }] })), 'InvalidWebhookFilterPatternException', /jsonPath/);
    await rejects(
      put(githubHook('bad', 'hooked', { filters: [{ jsonPath: '$.commits[?(@.id =~ /a.*/)]' }] })),
      'InvalidWebhookFilterPatternException',
      /filters\[0\]\.jsonPath '\$\.commits\[\?\(@\.id =~ \/a\.\*\/\)\]'.*regular expressions/,
    );
    await rejects(
      put(githubHook('bad', 'hooked', { filters: [{ jsonPath: "$.commits[?(@.id == 'a' &&)]" }] })),
      'InvalidWebhookFilterPatternException',
      /filters\[0\]\.jsonPath '\$\.commits\[\?\(@\.id == 'a' &&\)\]'/,
    );
    await rejects(
      put(githubHook('bad', 'hooked', { authenticationConfiguration: {} })),
      'InvalidWebhookAuthenticationParametersException',
      /SecretToken/,
    );
    await rejects(
      put(githubHook('bad', 'hooked', { authentication: 'IP', authenticationConfiguration: { AllowedIPRange: '300.1.2.3/8' } })),
      'InvalidWebhookAuthenticationParametersException',
      /AllowedIPRange/,
    );
    await rejects(put(githubHook('bad name!', 'hooked')), 'ValidationException', /name/);
    await rejects(
      cp.send(new PutWebhookCommand({ webhook: githubHook('bad', 'hooked'), tags: [{ key: 'aws:x', value: 'y' }] })),
      'InvalidTagsException',
      /aws:/,
    );
    assert.equal((await listed(cp)).length, before);
  });

  it('a push signed with the secret starts the pipeline; a wrong or missing signature, or a payload a filter refuses, starts nothing', async () => {
    const { webhook } = await cp.send(new PutWebhookCommand({ webhook: githubHook('signed', 'hooked') }));
    const url = webhook!.url!;

    const wrong = await post(url, push(BUCKET, 'main'), (body) => signed(body, 'not-the-secret'));
    assert.equal(wrong.status, 403);
    const unsigned = await post(url, push(BUCKET, 'main'), () => ({ 'content-type': 'application/json' }));
    assert.equal(unsigned.status, 401);
    const otherBranch = await post(url, push(BUCKET, 'feature'));
    assert.equal(otherBranch.status, 200);
    assert.match(String(otherBranch.json.message), /filters\[0\]/);
    assert.equal((await webhookTriggered(cp, 'hooked')).length, 0, 'nothing started yet');

    const started = await post(url, push(BUCKET, 'main'));
    assert.equal(started.status, 200);
    const runs = await webhookTriggered(cp, 'hooked');
    assert.equal(runs.length, 1);
    assert.equal(runs[0].pipelineExecutionId, started.json.pipelineExecutionId);
    assert.equal(runs[0].trigger?.triggerDetail, webhook?.arn);

    // GitHub's older header: HMAC-SHA1 of the body.
    const sha1 = await post(url, push(BUCKET, 'main'), (body) => ({
      'content-type': 'application/json',
      'x-hub-signature': `sha1=${createHmac('sha1', SECRET).update(body).digest('hex')}`,
    }));
    assert.equal(sha1.status, 200);
    assert.equal((await webhookTriggered(cp, 'hooked')).length, 2);
    const [item] = (await listed(cp)).filter((w) => w.definition?.name === 'signed');
    assert.ok(item.lastTriggered instanceof Date, 'lastTriggered is set');
  });

  it('a filter expression selects the payload member that starts the pipeline; a payload where none passes starts nothing', async () => {
    await createPipeline('filtered');
    const filters = [{ jsonPath: "$.branches[?(@.name == 'main' && @.protected)].name", matchEquals: 'main' }];
    const { webhook } = await cp.send(new PutWebhookCommand({ webhook: githubHook('by-filter', 'filtered', { filters }) }));
    const withBranches = (branches: unknown[]) => ({ ...push(BUCKET, 'main'), branches });

    const none = await post(webhook!.url!, withBranches([{ name: 'dev', protected: true }, { name: 'main' }]));
    assert.equal(none.status, 200);
    assert.match(String(none.json.message), /filters\[0\]/);
    assert.equal((await webhookTriggered(cp, 'filtered')).length, 0);

    const started = await post(webhook!.url!, withBranches([{ name: 'dev' }, { name: 'main', protected: true }]));
    assert.equal(started.status, 200);
    const runs = await webhookTriggered(cp, 'filtered');
    assert.equal(runs.length, 1);
    assert.equal(runs[0].pipelineExecutionId, started.json.pipelineExecutionId);
  });

  it('IP authentication takes callers in AllowedIPRange only; UNAUTHENTICATED takes anyone', async () => {
    await createPipeline('by-address');
    const ip = (name: string, range: string) =>
      cp.send(
        new PutWebhookCommand({
          webhook: githubHook(name, 'by-address', { authentication: 'IP', authenticationConfiguration: { AllowedIPRange: range } }),
        }),
      );
    const outside = (await ip('elsewhere', '10.0.0.0/8')).webhook!;
    const refused = await post(outside.url!, push(BUCKET, 'main'), () => ({ 'content-type': 'application/json' }));
    assert.equal(refused.status, 403);
    assert.equal((await webhookTriggered(cp, 'by-address')).length, 0);

    const local = (await ip('loopback', '127.0.0.0/8')).webhook!;
    assert.equal((await post(local.url!, push(BUCKET, 'main'), () => ({ 'content-type': 'application/json' }))).status, 200);
    assert.equal((await webhookTriggered(cp, 'by-address')).length, 1);

    const open = (
      await cp.send(
        new PutWebhookCommand({
          webhook: githubHook('open', 'by-address', {
            authentication: 'UNAUTHENTICATED',
            authenticationConfiguration: {},
            filters: [{ jsonPath: '$.head_commit.id' }],
          }),
        }),
      )
    ).webhook!;
    // GitHub's form encoding: payload=<JSON>.
    const form = new URLSearchParams({ payload: JSON.stringify(push(BUCKET, 'any')) }).toString();
    const res = await fetch(open.url!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    assert.equal(res.status, 200);
    assert.equal((await webhookTriggered(cp, 'by-address')).length, 2);
  });

  it('a webhook whose pipeline is deleted shows the error and starts nothing', async () => {
    await createPipeline('short-lived');
    const { webhook } = await cp.send(new PutWebhookCommand({ webhook: githubHook('orphan', 'short-lived') }));
    await cp.send(new DeletePipelineCommand({ name: 'short-lived' }));
    const [item] = (await listed(cp)).filter((w) => w.definition?.name === 'orphan');
    assert.equal(item.errorCode, 'PipelineNotFoundException');
    assert.match(item.errorMessage ?? '', /short-lived/);
    const res = await post(webhook!.url!, push(BUCKET, 'main'));
    assert.equal(res.status, 409);
  });

  it('the aws CLI puts a webhook from --cli-input-json and pages ListWebhooks', async () => {
    const file = join(dataDir, 'webhook.json');
    writeFileSync(file, JSON.stringify({ webhook: githubHook('from-cli', 'hooked') }));
    const out = await awsCli(slipway.endpoint, ['codepipeline', 'put-webhook', '--cli-input-json', `file://${file}`]);
    assert.equal(out.webhook.arn, 'arn:aws:codepipeline:us-east-1:000000000000:webhook:from-cli');
    const all = (await listed(cp)).map((w) => w.definition?.name);
    const first = await cp.send(new ListWebhooksCommand({ MaxResults: 1 }));
    assert.equal(first.webhooks?.length, 1);
    assert.ok(first.NextToken);
    const rest = await cp.send(new ListWebhooksCommand({ MaxResults: 100, NextToken: first.NextToken }));
    assert.deepEqual(
      [...first.webhooks!, ...rest.webhooks!].map((w) => w.definition?.name),
      all,
    );
  });

  it('webhooks survive a restart: the same token still starts the pipeline', async () => {
    const { webhook } = await cp.send(new PutWebhookCommand({ webhook: githubHook('durable', 'hooked') }));
    const token = webhook!.url!.split('/').at(-1);
    const runs = (await webhookTriggered(cp, 'hooked')).length;
    await slipway.app.close();
    slipway = await startTestSlipway({ dataDir });
    cp = codepipelineClient(slipway.endpoint);
    const [item] = (await listed(cp)).filter((w) => w.definition?.name === 'durable');
    assert.equal(item.url?.split('/').at(-1), token);
    assert.equal((await post(item.url!, push(BUCKET, 'main'))).status, 200);
    assert.equal((await webhookTriggered(cp, 'hooked')).length, runs + 1);
  });
});
