/**
 * Nothing an execution reached is lost: Slipway as a real process, killed with -9 while a manual
 * approval waits, is started again on the same data; the approval still waits with the same
 * token, PutApprovalResult goes through, and the execution ends Succeeded rather than staying
 * InProgress. A custom action's job that came to its jobTimeout while Slipway was down fails its
 * action as soon as Slipway is back.
 */
import {
  AcknowledgeJobCommand,
  type CodePipelineClient,
  CreateCustomActionTypeCommand,
  CreatePipelineCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  PollForJobsCommand,
  PutJobSuccessResultCommand,
  UpdateActionTypeCommand,
} from '@aws-sdk/client-codepipeline';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import {
  actionState,
  approval,
  codepipelineClient,
  executionReaches,
  pipeline,
  putApproval,
  s3Source,
  stage,
} from '../support/codepipeline.ts';
import { s3Client } from '../support/s3.ts';
import { freePort, type SlipwayProcess, startSlipwayProcess, tempDataDir, waitFor } from '../support/slipway.ts';

const BUCKET = 'restart-artifacts';

/** Runs `body` against a Slipway process on its own data with the artifact bucket and src.zip; `restart` kills it with -9, waits `downMs` and starts it again. */
async function withSlipway(body: (cp: CodePipelineClient, restart: (downMs?: number) => Promise<void>) => Promise<void>): Promise<void> {
  const dataDir = tempDataDir();
  const port = await freePort();
  const env = { SLIPWAY_TIME_SCALE: '20' };
  let slipway: SlipwayProcess = await startSlipwayProcess(dataDir, port, env);
  try {
    const s3 = s3Client(slipway.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'src.zip', Body: 'x' }));
    await body(codepipelineClient(slipway.endpoint), async (downMs = 0) => {
      await slipway.kill('SIGKILL');
      await sleep(downMs);
      slipway = await startSlipwayProcess(dataDir, port, env);
    });
  } finally {
    await slipway.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

test('kill -9 while an approval waits: the restarted Slipway still waits on the same token and finishes the execution', () =>
  withSlipway(async (cp, restart) => {
    await cp.send(
      new CreatePipelineCommand({
        pipeline: pipeline('survivor', BUCKET, [
          stage('Source', s3Source('Src', BUCKET, 'src.zip')),
          stage('Approve', approval('Ok')),
          stage('Again', approval('Ok2')),
        ]),
      }),
    );
    const id = (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'survivor' }))).pipelineExecutionSummaries![0]
      .pipelineExecutionId!;
    const before = await actionState(cp, 'survivor', 'Approve', 'Ok', (l) => l.status === 'InProgress' && !!l.token);
    const token = before.action.latestExecution!.token!;

    await restart();

    const state = await cp.send(new GetPipelineStateCommand({ name: 'survivor' }));
    const waiting = state.stageStates![1].actionStates![0].latestExecution!;
    assert.equal(waiting.status, 'InProgress');
    assert.equal(waiting.token, token, 'the same token still answers the approval');
    await putApproval(cp, { pipelineName: 'survivor', stageName: 'Approve', actionName: 'Ok' }, token, 'Approved', 'after the crash');
    // The execution goes on to the next stage, whose approval is new work of the restarted process.
    const next = await actionState(
      cp,
      'survivor',
      'Again',
      'Ok2',
      (l) => l.status === 'InProgress' && !!l.token && l.pipelineExecutionId === id,
    );

    // Killed again with that one waiting, and answered as soon as Slipway is back.
    await restart();
    const again = { pipelineName: 'survivor', stageName: 'Again', actionName: 'Ok2' };
    await putApproval(cp, again, next.action.latestExecution!.token!, 'Approved', 'twice');
    const done = await executionReaches(cp, 'survivor', id, ['Succeeded', 'Failed']);
    assert.equal(done.status, 'Succeeded');
  }));

test("a custom action's job that times out while Slipway is down fails its action on start", () =>
  withSlipway(async (cp, restart) => {
    const id = { category: 'Test', owner: 'Custom', provider: 'Sleeper', version: '1' } as const;
    const none = { minimumCount: 0, maximumCount: 0 };
    await cp.send(new CreateCustomActionTypeCommand({ ...id, inputArtifactDetails: none, outputArtifactDetails: none }));
    // 60 seconds last 3 real ones at this time scale.
    const executor = { type: 'JobWorker' as const, configuration: { jobWorkerExecutorConfiguration: {} }, jobTimeout: 60 };
    await cp.send(new UpdateActionTypeCommand({ actionType: { id, executor, inputArtifactDetails: none, outputArtifactDetails: none } }));
    await cp.send(
      new CreatePipelineCommand({
        pipeline: pipeline('sleeper', BUCKET, [
          stage('Source', s3Source('Src', BUCKET, 'src.zip')),
          stage('Work', { name: 'Sleep', actionTypeId: id }),
        ]),
      }),
    );
    const job = await waitFor('a job for the worker', async () => (await cp.send(new PollForJobsCommand({ actionTypeId: id }))).jobs?.[0]);
    await cp.send(new AcknowledgeJobCommand({ jobId: job.id, nonce: job.nonce }));
    const execution = (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'sleeper' }))).pipelineExecutionSummaries![0];

    await restart(4_000);
    const failed = await executionReaches(cp, 'sleeper', execution.pipelineExecutionId!, ['Succeeded', 'Failed']);
    assert.match(failed.statusSummary ?? '', /timed out: .* job timeout of 60 seconds/);
    await assert.rejects(cp.send(new PutJobSuccessResultCommand({ jobId: job.id })), { name: 'InvalidJobStateException' });
  }));
