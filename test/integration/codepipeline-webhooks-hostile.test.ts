/**
 * CodePipeline webhooks against callers who mean harm, on a real Slipway over HTTP: a payload
 * nested deeper than a call stack is still answered as its filters decide, one that a filter
 * would walk too many times over and one over the size limit are refused as too large, IP ranges
 * judge the socket's address however it is spelled (never X-Forwarded-For), and a call whose
 * webhook is deleted while its body is still arriving starts nothing.
 */
import {
  type CodePipelineClient,
  CreatePipelineCommand,
  DeleteWebhookCommand,
  ListPipelineExecutionsCommand,
  PutWebhookCommand,
} from '@aws-sdk/client-codepipeline';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { approval, codepipelineClient, pipeline, s3Source, stage } from '../support/codepipeline.ts';
import { s3Client } from '../support/s3.ts';
import { startTestSlipway, type TestSlipway } from '../support/slipway.ts';
import { githubHook, push } from '../support/webhooks.ts';

const BUCKET = 'hostile-artifacts';
const anyone = { authentication: 'UNAUTHENTICATED', authenticationConfiguration: {} } as const;
const json = () => ({ 'content-type': 'application/json' });

async function webhookRuns(cp: CodePipelineClient, pipelineName: string): Promise<string[]> {
  const { pipelineExecutionSummaries = [] } = await cp.send(new ListPipelineExecutionsCommand({ pipelineName }));
  return pipelineExecutionSummaries.filter((s) => s.trigger?.triggerType === 'Webhook').map((s) => s.pipelineExecutionId!);
}

/** `{"a":{"a":…<inner>…}}`, `depth` objects deep, as text: JSON.stringify cannot write it. */
const nested = (depth: number, inner = '1') => `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;

async function postText(url: string, body: string) {
  const res = await fetch(url, { method: 'POST', headers: json(), body });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('CodePipeline webhooks, hostile callers', () => {
  let slipway: TestSlipway;
  let cp: CodePipelineClient;

  before(async () => {
    slipway = await startTestSlipway();
    cp = codepipelineClient(slipway.endpoint);
    await s3Client(slipway.endpoint).send(new CreateBucketCommand({ Bucket: BUCKET }));
    for (const name of ['deep', 'racing'])
      await cp.send(
        new CreatePipelineCommand({
          pipeline: pipeline(name, BUCKET, [stage('Source', s3Source('Src', BUCKET, `${name}.zip`)), stage('Approve', approval('Ok'))]),
        }),
      );
  });
  after(() => slipway?.close());

  it('a payload nested 100,000 deep is answered by its filters, deep scan (..) or not, never with a failure', async () => {
    const filters = [
      { jsonPath: '$..ref', matchEquals: 'refs/heads/main' },
      { jsonPath: '$.extra', matchEquals: 'shallow' },
    ];
    const { webhook } = await cp.send(new PutWebhookCommand({ webhook: githubHook('deep-scan', 'deep', { ...anyone, filters }) }));
    const fields = JSON.stringify(push(BUCKET, 'main')).slice(1, -1);
    const refused = await postText(webhook!.url!, `{${fields},"extra":${nested(100_000)}}`);
    assert.equal(refused.status, 200, JSON.stringify(refused.json));
    assert.match(String(refused.json.message), /filters\[1\] \(\$\.extra\) does not match/);

    const started = await postText(webhook!.url!, `{${fields},"extra":"shallow","below":${nested(100_000)}}`);
    assert.equal(started.status, 200, JSON.stringify(started.json));
    const unref = fields.replace('"ref":"refs/heads/main",', '');
    assert.ok(!unref.includes('"ref"'));
    const buried = await postText(webhook!.url!, `{${unref},"extra":"shallow","below":${nested(50_000, '{"ref":"refs/heads/main"}')}}`);
    assert.equal(buried.status, 200, JSON.stringify(buried.json));
    assert.deepEqual((await webhookRuns(cp, 'deep')).sort(), [started.json.pipelineExecutionId, buried.json.pipelineExecutionId].sort());
  });

  it('a filter that would visit the payload too many times is refused as too large for it, and starts nothing', async () => {
    const filters = [{ jsonPath: '$..*..*..*..*..*..*' }];
    const earlier = await webhookRuns(cp, 'deep');
    const { webhook } = await cp.send(new PutWebhookCommand({ webhook: githubHook('many-passes', 'deep', { ...anyone, filters }) }));
    const answer = await postText(webhook!.url!, nested(1_000_000));
    assert.equal(answer.status, 413, JSON.stringify(answer.json));
    assert.match(
      String(answer.json.message),
      /^filters\[0\] \(\$\.\.\*\.\.\*.*\): selecting from the payload visits more than 5000000 values/,
    );
    assert.deepEqual(await webhookRuns(cp, 'deep'), earlier);
  });

  it('IP authentication takes an IPv4 caller in a range written as IPv4-mapped IPv6, and never reads X-Forwarded-For', async () => {
    const ip = async (name: string, AllowedIPRange: string) =>
      (
        await cp.send(
          new PutWebhookCommand({
            webhook: githubHook(name, 'deep', { authentication: 'IP', authenticationConfiguration: { AllowedIPRange } }),
          }),
        )
      ).webhook!.url!;
    const body = JSON.stringify(push(BUCKET, 'main'));
    const mapped = await postText(await ip('mapped', '::ffff:127.0.0.0/104'), body);
    assert.equal(mapped.status, 200, JSON.stringify(mapped.json));
    assert.ok(mapped.json.pipelineExecutionId);
    const forwarded = await fetch(await ip('forwarded', '192.0.2.0/24'), {
      method: 'POST',
      headers: { ...json(), 'x-forwarded-for': '192.0.2.7', forwarded: 'for=192.0.2.7' },
      body,
    });
    assert.equal(forwarded.status, 403);
    assert.match(((await forwarded.json()) as { message: string }).message, /127\.0\.0\.1 is not in the webhook's AllowedIPRange/);
  });

  it('a body over 25 MB is refused as too large', async () => {
    const { webhook } = await cp.send(new PutWebhookCommand({ webhook: githubHook('too-large', 'deep', anyone) }));
    const answer = await postText(webhook!.url!, ' '.repeat(25 * 1024 * 1024 + 1));
    assert.equal(answer.status, 413);
    assert.match(String(answer.json.message), /exceeds 26214400 bytes/);
  });

  it('a call whose webhook is deleted while its body is arriving starts nothing', async () => {
    const { webhook } = await cp.send(new PutWebhookCommand({ webhook: githubHook('racing', 'racing', anyone) }));
    const body = Buffer.from(JSON.stringify(push(BUCKET, 'main')));
    const answer = new Promise<number>((resolve, reject) => {
      const req = request(webhook!.url!, { method: 'POST', headers: { ...json(), 'content-length': body.length } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(body.subarray(0, 10));
      // The rest follows once the webhook is gone; the pause only lets the first bytes arrive first.
      sleep(300)
        .then(() => cp.send(new DeleteWebhookCommand({ name: 'racing' })))
        .then(() => req.end(body.subarray(10)), reject);
    });
    assert.equal(await answer, 404);
    assert.deepEqual(await webhookRuns(cp, 'racing'), []);
  });
});
