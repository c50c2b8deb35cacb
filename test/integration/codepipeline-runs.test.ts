/**
 * Pipeline executions on a real Slipway: an S3 source whose artifact the aws CLI copies back; manual
 * approval approved, rejected, timed out; retry after a failure in both modes; SUPERSEDED and QUEUED
 * with stage locks; stop and abandon; a disabled transition; variables resolved just before an
 * action runs; and an artifact store that does not exist.
 */
import {
  CreatePipelineCommand,
  DisableStageTransitionCommand,
  EnableStageTransitionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  type CodePipelineClient,
  type PipelineDeclaration,
} from '@aws-sdk/client-codepipeline';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { actionState, approval, codepipelineClient, executionReaches, pipeline, s3Source, stage } from '../support/codepipeline.ts';
import { s3Client } from '../support/s3.ts';
import { aws, startTestSlipway, type TestSlipway, waitFor } from '../support/slipway.ts';

const BUCKET = 'pipeline-runs';

describe('CodePipeline executions', () => {
  let slipway: TestSlipway;
  let cp: CodePipelineClient;
  const put = (key: string, body: string) =>
    s3Client(slipway.endpoint).send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
  const sourceThenApproval = (name: string, extra: Partial<PipelineDeclaration> = {}) =>
    pipeline(name, BUCKET, [stage('Source', s3Source('Src', BUCKET, `${name}.zip`)), stage('Approve', approval('Ok'))], extra);
  const create = (d: PipelineDeclaration) => cp.send(new CreatePipelineCommand({ pipeline: d }));
  const firstExecution = async (name: string) =>
    (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!.at(-1)!.pipelineExecutionId!;
  /** Waits for the approval of execution `id` and answers it. */
  const answer = async (name: string, id: string, status: 'Approved' | 'Rejected', summary = 'looked at it', actionName = 'Ok') => {
    const { action } = await actionState(
      cp,
      name,
      'Approve',
      actionName,
      (l) => l.status === 'InProgress' && !!l.token && l.pipelineExecutionId === id,
    );
    await cp.send(
      new PutApprovalResultCommand({
        pipelineName: name,
        stageName: 'Approve',
        actionName,
        token: action.latestExecution!.token!,
        result: { status, summary },
      }),
    );
    return action.latestExecution!.token!;
  };

  before(async () => {
    slipway = await startTestSlipway();
    cp = codepipelineClient(slipway.endpoint);
    await s3Client(slipway.endpoint).send(new CreateBucketCommand({ Bucket: BUCKET }));
  });
  after(async () => {
    await slipway?.close();
  });

  it('an S3 source copies the object to the artifact store, where aws s3 cp reads it; an approval approves', async () => {
    await put('approved.zip', 'the source bytes');
    await create(sourceThenApproval('approved'));
    const id = await firstExecution('approved');
    const token = await answer('approved', id, 'Approved');
    const done = await executionReaches(cp, 'approved', id, ['Succeeded', 'Failed']);
    assert.equal(done.status, 'Succeeded');
    assert.equal(done.artifactRevisions?.[0].name, 'SourceArtifact');

    const actions = (await cp.send(new ListActionExecutionsCommand({ pipelineName: 'approved', filter: { pipelineExecutionId: id } })))
      .actionExecutionDetails!;
    const source = actions.find((a) => a.actionName === 'Src')!;
    const location = source.output?.outputArtifacts?.[0].s3location;
    assert.equal(location?.bucket, BUCKET);
    assert.match(location?.key ?? '', /^approved\/SourceArtifact\/[A-Za-z0-9]{7}$/);
    const copy = join(slipway.dataDir, 'copied');
    await aws(slipway.endpoint, ['s3', 'cp', `s3://${BUCKET}/${location!.key}`, copy]);
    assert.equal(readFileSync(copy, 'utf8'), 'the source bytes');
    const approved = actions.find((a) => a.actionName === 'Ok')!;
    assert.equal(approved.status, 'Succeeded');
    assert.equal(approved.output?.executionResult?.externalExecutionSummary, 'Approved: looked at it');

    await assert.rejects(
      cp.send(
        new PutApprovalResultCommand({
          pipelineName: 'approved',
          stageName: 'Approve',
          actionName: 'Ok',
          token,
          result: { status: 'Approved', summary: 'again' },
        }),
      ),
      { name: 'ApprovalAlreadyCompletedException' },
    );
    await assert.rejects(
      cp.send(
        new PutApprovalResultCommand({
          pipelineName: 'approved',
          stageName: 'Approve',
          actionName: 'Ok',
          token: '00000000-0000-4000-8000-000000000000',
          result: { status: 'Approved', summary: 'x' },
        }),
      ),
      { name: 'InvalidApprovalTokenException' },
    );
  });

  it("a rejection fails the stage with the reviewer's words; RetryStageExecution FAILED_ACTIONS asks again", async () => {
    await put('rejected.zip', 'v1');
    await create(sourceThenApproval('rejected'));
    const id = await firstExecution('rejected');
    await answer('rejected', id, 'Rejected', 'not this one');
    const failed = await executionReaches(cp, 'rejected', id, ['Failed', 'Succeeded']);
    assert.equal(failed.status, 'Failed');
    const state = await cp.send(new GetPipelineStateCommand({ name: 'rejected' }));
    const ok = state.stageStates![1].actionStates![0].latestExecution!;
    assert.equal(ok.status, 'Failed');
    assert.deepEqual(ok.errorDetails, { code: 'JobFailed', message: 'Rejected: not this one' });
    await assert.rejects(
      cp.send(
        new RetryStageExecutionCommand({
          pipelineName: 'rejected',
          stageName: 'Source',
          pipelineExecutionId: id,
          retryMode: 'FAILED_ACTIONS',
        }),
      ),
      { name: 'StageNotRetryableException' },
    );
    await cp.send(
      new RetryStageExecutionCommand({
        pipelineName: 'rejected',
        stageName: 'Approve',
        pipelineExecutionId: id,
        retryMode: 'FAILED_ACTIONS',
      }),
    );
    await answer('rejected', id, 'Approved');
    assert.equal((await executionReaches(cp, 'rejected', id, ['Succeeded', 'Failed'])).status, 'Succeeded');
    const state2 = await cp.send(new GetPipelineStateCommand({ name: 'rejected' }));
    assert.equal(state2.stageStates![1].retryStageMetadata?.manualStageRetryAttempt, 1);
  });

  it("a missing source object fails with S3's reason; the upload starts a new execution and the old one can no longer be retried", async () => {
    await create(sourceThenApproval('missing'));
    const id = await firstExecution('missing');
    const failed = await executionReaches(cp, 'missing', id, ['Failed', 'Succeeded']);
    assert.equal(failed.status, 'Failed');
    assert.match(failed.statusSummary ?? '', /s3:\/\/pipeline-runs\/missing\.zip could not be read: NoSuchKey/);
    await put('missing.zip', 'now here');
    const started = await waitFor('the upload to start an execution', async () => {
      const all = (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'missing' }))).pipelineExecutionSummaries!;
      return all.length === 2 && all[0];
    });
    assert.equal(started.trigger?.triggerType, 'CloudWatchEvent');
    assert.equal(started.trigger?.triggerDetail, 'arn:aws:s3:::pipeline-runs/missing.zip');
    await answer('missing', started.pipelineExecutionId!, 'Approved');
    assert.equal((await executionReaches(cp, 'missing', started.pipelineExecutionId!, ['Succeeded', 'Failed'])).status, 'Succeeded');
    await assert.rejects(
      cp.send(
        new RetryStageExecutionCommand({ pipelineName: 'missing', stageName: 'Source', pipelineExecutionId: id, retryMode: 'ALL_ACTIONS' }),
      ),
      { name: 'NotLatestPipelineExecutionException' },
    );
  });

  it('RetryStageExecution ALL_ACTIONS runs every action of the stage again', async () => {
    await put('retry-all.zip', 'x');
    await create(
      pipeline('retry-all', BUCKET, [
        stage('Source', s3Source('Src', BUCKET, 'retry-all.zip')),
        stage('Approve', approval('Ok'), approval('Two')),
      ]),
    );
    const id = await firstExecution('retry-all');
    await answer('retry-all', id, 'Approved', 'fine', 'Two');
    await answer('retry-all', id, 'Rejected', 'no', 'Ok');
    assert.equal((await executionReaches(cp, 'retry-all', id, ['Failed', 'Succeeded'])).status, 'Failed');
    await cp.send(
      new RetryStageExecutionCommand({
        pipelineName: 'retry-all',
        stageName: 'Approve',
        pipelineExecutionId: id,
        retryMode: 'ALL_ACTIONS',
      }),
    );
    // Both approvals are asked again, the one approved before too.
    await answer('retry-all', id, 'Approved', 'fine', 'Two');
    await answer('retry-all', id, 'Approved', 'fine', 'Ok');
    assert.equal((await executionReaches(cp, 'retry-all', id, ['Succeeded', 'Failed'])).status, 'Succeeded');
    const runs = (await cp.send(new ListActionExecutionsCommand({ pipelineName: 'retry-all', filter: { pipelineExecutionId: id } })))
      .actionExecutionDetails!;
    assert.equal(runs.filter((r) => r.actionName === 'Two').length, 2);
  });

  it('RetryStageExecution FAILED_ACTIONS runs only the actions that failed', async () => {
    await put('retry-failed.zip', 'x');
    await create(
      pipeline('retry-failed', BUCKET, [
        stage('Source', s3Source('Src', BUCKET, 'retry-failed.zip')),
        stage('Approve', approval('Ok'), approval('Two')),
      ]),
    );
    const id = await firstExecution('retry-failed');
    await answer('retry-failed', id, 'Approved', 'fine', 'Two');
    await answer('retry-failed', id, 'Rejected', 'no', 'Ok');
    assert.equal((await executionReaches(cp, 'retry-failed', id, ['Failed', 'Succeeded'])).status, 'Failed');
    await cp.send(
      new RetryStageExecutionCommand({
        pipelineName: 'retry-failed',
        stageName: 'Approve',
        pipelineExecutionId: id,
        retryMode: 'FAILED_ACTIONS',
      }),
    );
    await answer('retry-failed', id, 'Approved', 'fine', 'Ok');
    assert.equal((await executionReaches(cp, 'retry-failed', id, ['Succeeded', 'Failed'])).status, 'Succeeded');
    const runs = (await cp.send(new ListActionExecutionsCommand({ pipelineName: 'retry-failed', filter: { pipelineExecutionId: id } })))
      .actionExecutionDetails!;
    assert.equal(runs.filter((r) => r.actionName === 'Two').length, 1, 'the approval that succeeded is not asked again');
    assert.equal(runs.filter((r) => r.actionName === 'Ok').length, 2);
  });

  it('SUPERSEDED: an execution waiting for a locked stage gives way to a newer one', async () => {
    await put('superseded.zip', 'x');
    await create(sourceThenApproval('superseded'));
    const first = await firstExecution('superseded');
    await actionState(cp, 'superseded', 'Approve', 'Ok', (l) => l.status === 'InProgress' && l.pipelineExecutionId === first);
    const { pipelineExecutionId: second } = await cp.send(new StartPipelineExecutionCommand({ name: 'superseded' }));
    const { pipelineExecutionId: third } = await cp.send(new StartPipelineExecutionCommand({ name: 'superseded' }));
    assert.equal((await executionReaches(cp, 'superseded', second!, ['Superseded', 'Succeeded', 'Failed'])).status, 'Superseded');
    const state = await cp.send(new GetPipelineStateCommand({ name: 'superseded' }));
    assert.equal(state.stageStates![1].latestExecution?.pipelineExecutionId, first, 'the stage stays locked by the first');
    await answer('superseded', first, 'Approved');
    await answer('superseded', third!, 'Approved');
    assert.equal((await executionReaches(cp, 'superseded', third!, ['Succeeded', 'Failed'])).status, 'Succeeded');
  });

  it('QUEUED: executions wait their turn for a locked stage and all run', async () => {
    await put('queued.zip', 'x');
    await create(sourceThenApproval('queued', { pipelineType: 'V2', executionMode: 'QUEUED' }));
    const first = await firstExecution('queued');
    await actionState(cp, 'queued', 'Approve', 'Ok', (l) => l.status === 'InProgress' && l.pipelineExecutionId === first);
    const { pipelineExecutionId: second } = await cp.send(new StartPipelineExecutionCommand({ name: 'queued' }));
    const { pipelineExecutionId: third } = await cp.send(new StartPipelineExecutionCommand({ name: 'queued' }));
    await actionState(cp, 'queued', 'Source', 'Src', (l) => l.status === 'Succeeded' && l.pipelineExecutionId === third);
    const waiting = (await cp.send(new GetPipelineStateCommand({ name: 'queued' }))).stageStates![1];
    assert.deepEqual(
      waiting.inboundExecutions?.map((e) => e.pipelineExecutionId),
      [second, third],
    );
    for (const id of [first, second!, third!]) await answer('queued', id, 'Approved');
    for (const id of [first, second!, third!])
      assert.equal((await executionReaches(cp, 'queued', id, ['Succeeded', 'Failed'])).status, 'Succeeded');
  });

  it('PARALLEL: executions do not wait for each other', async () => {
    await put('parallel.zip', 'x');
    await create(sourceThenApproval('parallel', { pipelineType: 'V2', executionMode: 'PARALLEL' }));
    const first = await firstExecution('parallel');
    const waiting = await actionState(
      cp,
      'parallel',
      'Approve',
      'Ok',
      (l) => l.status === 'InProgress' && !!l.token && l.pipelineExecutionId === first,
    );
    const { pipelineExecutionId: second } = await cp.send(new StartPipelineExecutionCommand({ name: 'parallel' }));
    // The second reaches the approval while the first still holds its own there.
    await answer('parallel', second!, 'Approved');
    assert.equal((await executionReaches(cp, 'parallel', second!, ['Succeeded', 'Failed'])).status, 'Succeeded');
    await cp.send(
      new PutApprovalResultCommand({
        pipelineName: 'parallel',
        stageName: 'Approve',
        actionName: 'Ok',
        token: waiting.action.latestExecution!.token!,
        result: { status: 'Approved', summary: 'later' },
      }),
    );
    assert.equal((await executionReaches(cp, 'parallel', first, ['Succeeded', 'Failed'])).status, 'Succeeded');
  });

  it('stop waits for running actions; stop and abandon ends them now', async () => {
    await put('stopped.zip', 'x');
    await create(sourceThenApproval('stopped'));
    const id = await firstExecution('stopped');
    await actionState(cp, 'stopped', 'Approve', 'Ok', (l) => l.status === 'InProgress' && l.pipelineExecutionId === id);
    await cp.send(new StopPipelineExecutionCommand({ pipelineName: 'stopped', pipelineExecutionId: id, reason: 'wrong build' }));
    assert.equal((await executionReaches(cp, 'stopped', id, ['Stopping'])).status, 'Stopping');
    await assert.rejects(cp.send(new StopPipelineExecutionCommand({ pipelineName: 'stopped', pipelineExecutionId: id })), {
      name: 'DuplicatedStopRequestException',
    });
    await cp.send(new StopPipelineExecutionCommand({ pipelineName: 'stopped', pipelineExecutionId: id, abandon: true }));
    assert.equal((await executionReaches(cp, 'stopped', id, ['Stopped'])).status, 'Stopped');
    const state = await cp.send(new GetPipelineStateCommand({ name: 'stopped' }));
    assert.equal(state.stageStates![1].latestExecution?.status, 'Stopped');
    assert.equal(state.stageStates![1].actionStates![0].latestExecution?.status, 'Abandoned');
    const summary = (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'stopped' }))).pipelineExecutionSummaries![0];
    assert.equal(summary.stopTrigger?.reason, 'wrong build');
    await assert.rejects(cp.send(new StopPipelineExecutionCommand({ pipelineName: 'stopped', pipelineExecutionId: id, abandon: true })), {
      name: 'PipelineExecutionNotStoppableException',
    });
  });

  it('an execution waits at a disabled inbound transition until it is enabled', async () => {
    await put('gated.zip', 'x');
    await create(sourceThenApproval('gated'));
    // The first execution may already be past the gate; the one started after disabling is not.
    await cp.send(
      new DisableStageTransitionCommand({ pipelineName: 'gated', stageName: 'Approve', transitionType: 'Inbound', reason: 'freeze' }),
    );
    const first = await firstExecution('gated');
    const { pipelineExecutionId: id } = await cp.send(new StartPipelineExecutionCommand({ name: 'gated' }));
    await actionState(cp, 'gated', 'Source', 'Src', (l) => l.status === 'Succeeded' && l.pipelineExecutionId === id);
    const state = await cp.send(new GetPipelineStateCommand({ name: 'gated' }));
    const gate = state.stageStates![1];
    assert.equal(gate.inboundTransitionState?.enabled, false);
    assert.equal(gate.inboundTransitionState?.disabledReason, 'freeze');
    assert.ok([first, id].includes(gate.inboundExecution?.pipelineExecutionId), 'an execution waits at the gate');
    await cp.send(new EnableStageTransitionCommand({ pipelineName: 'gated', stageName: 'Source', transitionType: 'Outbound' }));
    await answer('gated', id!, 'Approved');
    assert.equal((await executionReaches(cp, 'gated', id!, ['Succeeded', 'Failed'])).status, 'Succeeded');
  });

  it('variables resolve just before the action runs and show in ListActionExecutions', async () => {
    await put('vars.zip', 'x');
    const d = pipeline(
      'vars',
      BUCKET,
      [
        stage('Source', { ...s3Source('Src', BUCKET, 'vars.zip'), namespace: 'SourceVariables' }),
        stage(
          'Approve',
          approval('Ok', {
            configuration: {
              CustomData: 'deploy #{variables.env} from #{SourceVariables.ObjectKey} in #{codepipeline.PipelineExecutionId}',
            },
          }),
        ),
      ],
      { pipelineType: 'V2', variables: [{ name: 'env', defaultValue: 'dev' }] },
    );
    await create(d);
    await answer('vars', await firstExecution('vars'), 'Approved');
    const { pipelineExecutionId: id } = await cp.send(
      new StartPipelineExecutionCommand({ name: 'vars', variables: [{ name: 'env', value: 'prod' }] }),
    );
    await assert.rejects(cp.send(new StartPipelineExecutionCommand({ name: 'vars', variables: [{ name: 'nope', value: '1' }] })), {
      name: 'ValidationException',
    });
    await answer('vars', id!, 'Approved');
    await executionReaches(cp, 'vars', id!, ['Succeeded']);
    const details = (await cp.send(new ListActionExecutionsCommand({ pipelineName: 'vars', filter: { pipelineExecutionId: id } })))
      .actionExecutionDetails!;
    const ok = details.find((a) => a.actionName === 'Ok')!;
    assert.equal(
      ok.input?.configuration?.CustomData,
      'deploy #{variables.env} from #{SourceVariables.ObjectKey} in #{codepipeline.PipelineExecutionId}',
    );
    assert.equal(ok.input?.resolvedConfiguration?.CustomData, `deploy prod from vars.zip in ${id}`);
    const src = details.find((a) => a.actionName === 'Src')!;
    assert.equal(src.input?.namespace, 'SourceVariables');
    assert.equal(src.output?.outputVariables?.ObjectKey, 'vars.zip');
  });

  it('an approval not answered within its timeout fails', async () => {
    await put('timeout.zip', 'x');
    // Five minutes (the least AWS allows), at the test clock's ×20: fifteen seconds.
    await create(
      pipeline('timeout', BUCKET, [
        stage('Source', s3Source('Src', BUCKET, 'timeout.zip')),
        stage('Approve', approval('Ok', { timeoutInMinutes: 5 })),
      ]),
    );
    const id = await firstExecution('timeout');
    const failed = await executionReaches(cp, 'timeout', id, ['Failed', 'Succeeded']);
    assert.equal(failed.status, 'Failed');
    assert.match(failed.statusSummary ?? '', /did not finish within its timeout of 5 minutes/);
  });

  it('a pipeline whose artifact bucket does not exist is created; its execution fails naming the bucket', async () => {
    await create(
      pipeline('nobucket', 'no-such-bucket', [stage('Source', s3Source('Src', BUCKET, 'x.zip')), stage('Approve', approval('Ok'))]),
    );
    const id = await firstExecution('nobucket');
    const failed = await executionReaches(cp, 'nobucket', id, ['Failed', 'Succeeded']);
    assert.equal(failed.status, 'Failed');
    assert.match(failed.statusSummary ?? '', /artifact store bucket 'no-such-bucket' does not exist/);
  });
});
