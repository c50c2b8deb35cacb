/**
 * Nothing an execution reached is lost: Slipway as a real process, killed with -9 while a manual
 * approval waits, is started again on the same data; the approval still waits with the same
 * token, PutApprovalResult goes through, and the execution ends Succeeded rather than staying
 * InProgress.
 */
import { CreatePipelineCommand, GetPipelineStateCommand, ListPipelineExecutionsCommand } from '@aws-sdk/client-codepipeline';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
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
import { freePort, type SlipwayProcess, startSlipwayProcess, tempDataDir } from '../support/slipway.ts';

const BUCKET = 'restart-artifacts';

test('kill -9 while an approval waits: the restarted Slipway still waits on the same token and finishes the execution', async () => {
  const dataDir = tempDataDir();
  const port = await freePort();
  const env = { SLIPWAY_TIME_SCALE: '20' };
  let slipway: SlipwayProcess | undefined = await startSlipwayProcess(dataDir, port, env);
  try {
    const cp = codepipelineClient(slipway.endpoint);
    const s3 = s3Client(slipway.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'src.zip', Body: 'x' }));
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

    await slipway.kill('SIGKILL');
    slipway = await startSlipwayProcess(dataDir, port, env);

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
    await slipway.kill('SIGKILL');
    slipway = await startSlipwayProcess(dataDir, port, env);
    const again = { pipelineName: 'survivor', stageName: 'Again', actionName: 'Ok2' };
    await putApproval(cp, again, next.action.latestExecution!.token!, 'Approved', 'twice');
    const done = await executionReaches(cp, 'survivor', id, ['Succeeded', 'Failed']);
    assert.equal(done.status, 'Succeeded');
  } finally {
    await slipway?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
