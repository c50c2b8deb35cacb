/**
 * Quick pushes on a real Slipway: two uploads to an S3 source that land before the engine runs.
 * SUPERSEDED runs the older in the free source stage and supersedes an execution only while it waits
 * to enter a locked stage; QUEUED runs them all, in order.
 */
import { GetPipelineStateCommand, ListPipelineExecutionsCommand, type PipelineDeclaration } from '@aws-sdk/client-codepipeline';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  answer,
  approval,
  executionReaches,
  firstExecution,
  pipeline,
  s3Source,
  stage,
  type PipelineBench,
  pipelineBench,
} from '../support/codepipeline.ts';
import { waitFor } from '../support/slipway.ts';

const BUCKET = 'pipeline-pushes';

describe('CodePipeline quick pushes', () => {
  let b: PipelineBench;
  before(async () => {
    b = await pipelineBench(BUCKET);
  });
  after(async () => {
    await b?.slipway.close();
  });

  /** A pipeline on `<name>.zip`, its creation's execution approved and done, then two uploads at once; returns their executions, older first. */
  async function twoPushes(name: string, extra: Partial<PipelineDeclaration> = {}): Promise<[string, string]> {
    await b.put(`${name}.zip`, 'v0');
    await b.create(
      pipeline(name, BUCKET, [stage('Source', s3Source('Src', BUCKET, `${name}.zip`)), stage('Approve', approval('Ok'))], extra),
    );
    const created = await firstExecution(b.cp, name);
    await answer(b.cp, name, created, 'Approved');
    await executionReaches(b.cp, name, created, ['Succeeded']);
    await Promise.all([b.put(`${name}.zip`, 'v1'), b.put(`${name}.zip`, 'v2')]);
    const ids = await waitFor(`two executions of ${name} from the uploads`, async () => {
      const list = (await b.cp.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!;
      const pushed = list.filter((e) => e.pipelineExecutionId !== created);
      return pushed.length === 2 ? pushed.map((e) => e.pipelineExecutionId!).reverse() : undefined;
    });
    assert.deepEqual(
      (await b.cp.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!.map(
        (e) => e.trigger?.triggerType,
      ),
      ['CloudWatchEvent', 'CloudWatchEvent', 'CreatePipeline'],
    );
    return [ids[0], ids[1]];
  }

  it('SUPERSEDED: the older push runs; a newer one supersedes only an execution waiting at a locked stage', async () => {
    const [older, newer] = await twoPushes('quick');
    await waitFor('the older holding Approve and the newer waiting before it', async () => {
      const s = (await b.cp.send(new GetPipelineStateCommand({ name: 'quick' }))).stageStates![1];
      return s.latestExecution?.pipelineExecutionId === older && s.inboundExecution?.pipelineExecutionId === newer ? s : undefined;
    });
    assert.equal((await executionReaches(b.cp, 'quick', older, ['InProgress'])).status, 'InProgress');
    await b.put('quick.zip', 'v3');
    assert.equal((await executionReaches(b.cp, 'quick', newer, ['Superseded', 'Succeeded', 'Failed'])).status, 'Superseded');
    const third = await waitFor('the third upload waiting before Approve', async () => {
      const s = (await b.cp.send(new GetPipelineStateCommand({ name: 'quick' }))).stageStates![1];
      const id = s.inboundExecution?.pipelineExecutionId;
      return id && id !== newer ? id : undefined;
    });
    await answer(b.cp, 'quick', older, 'Approved');
    assert.equal((await executionReaches(b.cp, 'quick', older, ['Succeeded', 'Superseded', 'Failed'])).status, 'Succeeded');
    await answer(b.cp, 'quick', third, 'Approved');
    assert.equal((await executionReaches(b.cp, 'quick', third, ['Succeeded', 'Superseded', 'Failed'])).status, 'Succeeded');
  });

  it('QUEUED: both pushes run, in order', async () => {
    const [older, newer] = await twoPushes('queue', { pipelineType: 'V2', executionMode: 'QUEUED' });
    await answer(b.cp, 'queue', older, 'Approved');
    await answer(b.cp, 'queue', newer, 'Approved');
    for (const id of [older, newer])
      assert.equal((await executionReaches(b.cp, 'queue', id, ['Succeeded', 'Superseded', 'Failed'])).status, 'Succeeded');
  });
});
