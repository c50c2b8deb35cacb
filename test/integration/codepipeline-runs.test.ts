/**
 * Pipeline executions on a real Slipway: an S3 source whose artifact the aws CLI copies back; manual
 * approval approved, rejected and timed out; retry after a failure in both modes; a source change
 * starting a new execution; and an artifact store that does not exist.
 */
import {
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  RetryStageExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  answer,
  approval,
  executionReaches,
  firstExecution,
  pipeline,
  putApproval,
  s3Source,
  stage,
  type PipelineBench,
  pipelineBench,
} from '../support/codepipeline.ts';
import { aws, waitFor } from '../support/slipway.ts';

const BUCKET = 'pipeline-runs';

describe('CodePipeline executions', () => {
  let b: PipelineBench;
  before(async () => {
    b = await pipelineBench(BUCKET);
  });
  after(async () => {
    await b?.slipway.close();
  });

  it('an S3 source copies the object to the artifact store, where aws s3 b.cp reads it; an approval approves', async () => {
    await b.put('approved.zip', 'the source bytes');
    await b.create(b.sourceThenApproval('approved'));
    const id = await firstExecution(b.cp, 'approved');
    const token = await answer(b.cp, 'approved', id, 'Approved');
    const done = await executionReaches(b.cp, 'approved', id, ['Succeeded', 'Failed']);
    assert.equal(done.status, 'Succeeded');
    assert.equal(done.artifactRevisions?.[0].name, 'SourceArtifact');

    const actions = (await b.cp.send(new ListActionExecutionsCommand({ pipelineName: 'approved', filter: { pipelineExecutionId: id } })))
      .actionExecutionDetails!;
    const source = actions.find((a) => a.actionName === 'Src')!;
    const location = source.output?.outputArtifacts?.[0].s3location;
    assert.equal(location?.bucket, BUCKET);
    assert.match(location?.key ?? '', /^approved\/SourceArtifact\/[A-Za-z0-9]{7}$/);
    const copy = join(b.slipway.dataDir, 'copied');
    await aws(b.slipway.endpoint, ['s3', 'cp', `s3://${BUCKET}/${location!.key}`, copy]);
    assert.equal(readFileSync(copy, 'utf8'), 'the source bytes');
    const approved = actions.find((a) => a.actionName === 'Ok')!;
    assert.equal(approved.status, 'Succeeded');
    assert.equal(approved.output?.executionResult?.externalExecutionSummary, 'Approved: looked at it');

    const at = { pipelineName: 'approved', stageName: 'Approve', actionName: 'Ok' };
    await assert.rejects(putApproval(b.cp, at, token, 'Approved', 'again'), { name: 'ApprovalAlreadyCompletedException' });
    await assert.rejects(putApproval(b.cp, at, '00000000-0000-4000-8000-000000000000', 'Approved', 'x'), {
      name: 'InvalidApprovalTokenException',
    });
  });

  it("a rejection fails the stage with the reviewer's words; RetryStageExecution FAILED_ACTIONS asks again", async () => {
    await b.put('rejected.zip', 'v1');
    await b.create(b.sourceThenApproval('rejected'));
    const id = await firstExecution(b.cp, 'rejected');
    await answer(b.cp, 'rejected', id, 'Rejected', 'not this one');
    const failed = await executionReaches(b.cp, 'rejected', id, ['Failed', 'Succeeded']);
    assert.equal(failed.status, 'Failed');
    const state = await b.cp.send(new GetPipelineStateCommand({ name: 'rejected' }));
    const ok = state.stageStates![1].actionStates![0].latestExecution!;
    assert.equal(ok.status, 'Failed');
    assert.deepEqual(ok.errorDetails, { code: 'JobFailed', message: 'Rejected: not this one' });
    await assert.rejects(
      b.cp.send(
        new RetryStageExecutionCommand({
          pipelineName: 'rejected',
          stageName: 'Source',
          pipelineExecutionId: id,
          retryMode: 'FAILED_ACTIONS',
        }),
      ),
      { name: 'StageNotRetryableException' },
    );
    await b.cp.send(
      new RetryStageExecutionCommand({
        pipelineName: 'rejected',
        stageName: 'Approve',
        pipelineExecutionId: id,
        retryMode: 'FAILED_ACTIONS',
      }),
    );
    await answer(b.cp, 'rejected', id, 'Approved');
    assert.equal((await executionReaches(b.cp, 'rejected', id, ['Succeeded', 'Failed'])).status, 'Succeeded');
    const state2 = await b.cp.send(new GetPipelineStateCommand({ name: 'rejected' }));
    assert.equal(state2.stageStates![1].retryStageMetadata?.manualStageRetryAttempt, 1);
  });

  it("a missing source object fails with S3's reason; the upload starts a new execution and the old one can no longer be retried", async () => {
    await b.create(b.sourceThenApproval('missing'));
    const id = await firstExecution(b.cp, 'missing');
    const failed = await executionReaches(b.cp, 'missing', id, ['Failed', 'Succeeded']);
    assert.equal(failed.status, 'Failed');
    assert.match(failed.statusSummary ?? '', /s3:\/\/pipeline-runs\/missing\.zip could not be read: NoSuchKey/);
    await b.put('missing.zip', 'now here');
    const started = await waitFor('the upload to start an execution', async () => {
      const all = (await b.cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'missing' }))).pipelineExecutionSummaries!;
      return all.length === 2 && all[0];
    });
    assert.equal(started.trigger?.triggerType, 'CloudWatchEvent');
    assert.equal(started.trigger?.triggerDetail, 'arn:aws:s3:::pipeline-runs/missing.zip');
    await answer(b.cp, 'missing', started.pipelineExecutionId!, 'Approved');
    assert.equal((await executionReaches(b.cp, 'missing', started.pipelineExecutionId!, ['Succeeded', 'Failed'])).status, 'Succeeded');
    await assert.rejects(
      b.cp.send(
        new RetryStageExecutionCommand({ pipelineName: 'missing', stageName: 'Source', pipelineExecutionId: id, retryMode: 'ALL_ACTIONS' }),
      ),
      { name: 'NotLatestPipelineExecutionException' },
    );
  });

  it('RetryStageExecution ALL_ACTIONS runs every action of the stage again', async () => {
    await b.put('retry-all.zip', 'x');
    await b.create(
      pipeline('retry-all', BUCKET, [
        stage('Source', s3Source('Src', BUCKET, 'retry-all.zip')),
        stage('Approve', approval('Ok'), approval('Two')),
      ]),
    );
    const id = await firstExecution(b.cp, 'retry-all');
    await answer(b.cp, 'retry-all', id, 'Approved', 'fine', 'Two');
    await answer(b.cp, 'retry-all', id, 'Rejected', 'no', 'Ok');
    assert.equal((await executionReaches(b.cp, 'retry-all', id, ['Failed', 'Succeeded'])).status, 'Failed');
    await b.cp.send(
      new RetryStageExecutionCommand({
        pipelineName: 'retry-all',
        stageName: 'Approve',
        pipelineExecutionId: id,
        retryMode: 'ALL_ACTIONS',
      }),
    );
    // Both approvals are asked again, the one approved before too.
    await answer(b.cp, 'retry-all', id, 'Approved', 'fine', 'Two');
    await answer(b.cp, 'retry-all', id, 'Approved', 'fine', 'Ok');
    assert.equal((await executionReaches(b.cp, 'retry-all', id, ['Succeeded', 'Failed'])).status, 'Succeeded');
    const runs = (await b.cp.send(new ListActionExecutionsCommand({ pipelineName: 'retry-all', filter: { pipelineExecutionId: id } })))
      .actionExecutionDetails!;
    assert.equal(runs.filter((r) => r.actionName === 'Two').length, 2);
  });

  it('RetryStageExecution FAILED_ACTIONS runs only the actions that failed', async () => {
    await b.put('retry-failed.zip', 'x');
    await b.create(
      pipeline('retry-failed', BUCKET, [
        stage('Source', s3Source('Src', BUCKET, 'retry-failed.zip')),
        stage('Approve', approval('Ok'), approval('Two')),
      ]),
    );
    const id = await firstExecution(b.cp, 'retry-failed');
    await answer(b.cp, 'retry-failed', id, 'Approved', 'fine', 'Two');
    await answer(b.cp, 'retry-failed', id, 'Rejected', 'no', 'Ok');
    assert.equal((await executionReaches(b.cp, 'retry-failed', id, ['Failed', 'Succeeded'])).status, 'Failed');
    await b.cp.send(
      new RetryStageExecutionCommand({
        pipelineName: 'retry-failed',
        stageName: 'Approve',
        pipelineExecutionId: id,
        retryMode: 'FAILED_ACTIONS',
      }),
    );
    await answer(b.cp, 'retry-failed', id, 'Approved', 'fine', 'Ok');
    assert.equal((await executionReaches(b.cp, 'retry-failed', id, ['Succeeded', 'Failed'])).status, 'Succeeded');
    const runs = (await b.cp.send(new ListActionExecutionsCommand({ pipelineName: 'retry-failed', filter: { pipelineExecutionId: id } })))
      .actionExecutionDetails!;
    assert.equal(runs.filter((r) => r.actionName === 'Two').length, 1, 'the approval that succeeded is not asked again');
    assert.equal(runs.filter((r) => r.actionName === 'Ok').length, 2);
  });

  it('an approval not answered within its timeout fails', async () => {
    await b.put('timeout.zip', 'x');
    // Five minutes (the least AWS allows), at the test clock's ×20: fifteen seconds.
    await b.create(
      pipeline('timeout', BUCKET, [
        stage('Source', s3Source('Src', BUCKET, 'timeout.zip')),
        stage('Approve', approval('Ok', { timeoutInMinutes: 5 })),
      ]),
    );
    const id = await firstExecution(b.cp, 'timeout');
    const failed = await executionReaches(b.cp, 'timeout', id, ['Failed', 'Succeeded']);
    assert.equal(failed.status, 'Failed');
    assert.match(failed.statusSummary ?? '', /did not finish within its timeout of 5 minutes/);
  });

  it('a pipeline whose artifact bucket does not exist is created; its execution fails naming the bucket', async () => {
    await b.create(
      pipeline('nobucket', 'no-such-bucket', [stage('Source', s3Source('Src', BUCKET, 'x.zip')), stage('Approve', approval('Ok'))]),
    );
    const id = await firstExecution(b.cp, 'nobucket');
    const failed = await executionReaches(b.cp, 'nobucket', id, ['Failed', 'Succeeded']);
    assert.equal(failed.status, 'Failed');
    assert.match(failed.statusSummary ?? '', /artifact store bucket 'no-such-bucket' does not exist/);
  });
});
