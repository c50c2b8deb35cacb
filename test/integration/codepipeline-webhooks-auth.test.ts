/**
 * CodePipeline webhooks with signatures required (--auth): PutWebhook is authorized on the webhook's
 * ARN (and the pipeline's), so a policy can grant some webhook names and not others; the webhook's
 * URL takes GitHub's unsigned-for-AWS POST on its own check (the HMAC with the webhook's secret),
 * with no SigV4 signature.
 */
import { CodePipelineClient, CreatePipelineCommand, ListPipelineExecutionsCommand, PutWebhookCommand } from '@aws-sdk/client-codepipeline';
import { IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adminCredentials, allowPolicy, createServiceRole, userWithPolicy } from '../support/auth.ts';
import { approval, pipeline, s3Source, stage } from '../support/codepipeline.ts';
import { clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';
import { githubHook, post, push, signed } from '../support/webhooks.ts';

const BUCKET = 'auth-webhook-artifacts';

describe('CodePipeline webhooks with signatures required', () => {
  let s: TestSlipway;
  let admin: CodePipelineClient;
  let iam: IAMClient;

  before(async () => {
    s = await startTestSlipway({ auth: true });
    const config = { ...clientConfig(s.endpoint), credentials: adminCredentials(s.dataDir) };
    admin = new CodePipelineClient(config);
    iam = new IAMClient(config);
    await createServiceRole(iam, 'pipeline-role', 'codepipeline.amazonaws.com', allowPolicy(['s3:*']));
    await new S3Client({ ...config, forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: BUCKET }));
    await admin.send(
      new CreatePipelineCommand({
        pipeline: pipeline('guarded', BUCKET, [stage('Source', s3Source('Src', BUCKET, 'src.zip')), stage('Approve', approval('Ok'))]),
      }),
    );
  });
  after(() => s?.close());

  it('PutWebhook is allowed on the webhook names a policy grants, and refused on others', async () => {
    const key = await userWithPolicy(iam, 'hook-maker', [
      {
        Effect: 'Allow',
        Action: 'codepipeline:PutWebhook',
        Resource: ['arn:aws:codepipeline:us-east-1:000000000000:guarded', 'arn:aws:codepipeline:us-east-1:000000000000:webhook:team-*'],
      },
    ]);
    const maker = new CodePipelineClient({ ...clientConfig(s.endpoint), credentials: key });
    const { webhook } = await maker.send(new PutWebhookCommand({ webhook: githubHook('team-push', 'guarded') }));
    assert.equal(webhook?.arn, 'arn:aws:codepipeline:us-east-1:000000000000:webhook:team-push');
    await assert.rejects(maker.send(new PutWebhookCommand({ webhook: githubHook('other-push', 'guarded') })), (err: Error) => {
      assert.equal(err.name, 'AccessDeniedException');
      assert.match(err.message, /codepipeline:PutWebhook on resource: arn:aws:codepipeline:us-east-1:000000000000:webhook:other-push/);
      return true;
    });
  });

  it("the webhook's URL takes a POST signed only with the webhook's secret, and refuses one signed with another", async () => {
    const { webhook } = await admin.send(new PutWebhookCommand({ webhook: githubHook('signed-only', 'guarded') }));
    assert.equal((await post(webhook!.url!, push(BUCKET, 'main'), (body) => signed(body, 'guess'))).status, 403);
    const started = await post(webhook!.url!, push(BUCKET, 'main'));
    assert.equal(started.status, 200);
    const { pipelineExecutionSummaries = [] } = await admin.send(new ListPipelineExecutionsCommand({ pipelineName: 'guarded' }));
    const byWebhook = pipelineExecutionSummaries.filter((e) => e.trigger?.triggerType === 'Webhook');
    assert.deepEqual(
      byWebhook.map((e) => e.pipelineExecutionId),
      [started.json.pipelineExecutionId],
    );
  });
});
