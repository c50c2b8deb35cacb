/**
 * What CodePipeline lists and reads on a real Slipway: the action types Slipway runs, from its
 * executor registry (ListActionTypes with the owner filter, GetActionType), ListActionExecutions'
 * latestInPipelineExecution filter (V2) and ListPipelineExecutions' succeededInStage filter.
 */
import {
  GetActionTypeCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  RetryStageExecutionCommand,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { answer, executionReaches, firstExecution, type PipelineBench, pipelineBench } from '../support/codepipeline.ts';
import { awsCli } from '../support/slipway.ts';

const BUCKET = 'pipeline-lists';

describe('CodePipeline lists and action types', () => {
  let b: PipelineBench;
  before(async () => {
    b = await pipelineBench(BUCKET);
  });
  after(async () => {
    await b?.slipway.close();
  });

  it('ListActionTypes and GetActionType show each executor: its properties and artifact limits', async () => {
    const all = await awsCli(b.slipway.endpoint, ['codepipeline', 'list-action-types']);
    const s3 = all.actionTypes.find(
      (t: { id: { category: string; provider: string } }) => t.id.provider === 'S3' && t.id.category === 'Source',
    );
    assert.deepEqual(s3.id, { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' });
    assert.deepEqual(s3.outputArtifactDetails, { minimumCount: 1, maximumCount: 1 });
    assert.ok(s3.actionConfigurationProperties.some((p: { name: string; required: boolean }) => p.name === 'S3Bucket' && p.required));
    const custom = await awsCli(b.slipway.endpoint, ['codepipeline', 'list-action-types', '--action-owner-filter', 'Custom']);
    assert.deepEqual(custom.actionTypes, []);
    const aws = await awsCli(b.slipway.endpoint, ['codepipeline', 'list-action-types', '--action-owner-filter', 'AWS']);
    assert.ok(aws.actionTypes.length > 0 && aws.actionTypes.every((t: { id: { owner: string } }) => t.id.owner === 'AWS'));

    const { actionType } = await b.cp.send(
      new GetActionTypeCommand({ category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' }),
    );
    assert.deepEqual(actionType?.inputArtifactDetails, { minimumCount: 0, maximumCount: 0 });
    assert.ok(actionType?.properties?.some((p) => p.name === 'CustomData' && p.optional));
    await assert.rejects(b.cp.send(new GetActionTypeCommand({ category: 'Build', owner: 'AWS', provider: 'Nope', version: '1' })), {
      name: 'ActionTypeNotFoundException',
      message: /Provider: 'Nope'/,
    });
  });

  it("latestInPipelineExecution keeps only the runs of each stage's newest attempt (V2); succeededInStage", async () => {
    await b.put('latest.zip', 'x');
    await b.create(b.sourceThenApproval('latest', { pipelineType: 'V2' }));
    const id = await firstExecution(b.cp, 'latest');
    await answer(b.cp, 'latest', id, 'Rejected');
    await executionReaches(b.cp, 'latest', id, ['Failed']);
    await b.cp.send(
      new RetryStageExecutionCommand({ pipelineName: 'latest', stageName: 'Approve', pipelineExecutionId: id, retryMode: 'ALL_ACTIONS' }),
    );
    await answer(b.cp, 'latest', id, 'Approved');
    await executionReaches(b.cp, 'latest', id, ['Succeeded']);
    // A second execution that stops before Approve succeeds.
    const { pipelineExecutionId: other } = await b.cp.send(new StartPipelineExecutionCommand({ name: 'latest' }));
    await answer(b.cp, 'latest', other!, 'Rejected');
    await executionReaches(b.cp, 'latest', other!, ['Failed']);

    const list = async (startTimeRange: 'Latest' | 'All') =>
      (
        await b.cp.send(
          new ListActionExecutionsCommand({
            pipelineName: 'latest',
            filter: { latestInPipelineExecution: { pipelineExecutionId: id, startTimeRange } },
          }),
        )
      ).actionExecutionDetails!;
    const everything = await list('All');
    assert.deepEqual(everything.map((r) => `${r.actionName}:${r.status}`).sort(), ['Ok:Failed', 'Ok:Succeeded', 'Src:Succeeded']);
    assert.ok(everything.every((r) => r.pipelineExecutionId === id));
    const latest = await list('Latest');
    assert.deepEqual(latest.map((r) => `${r.actionName}:${r.status}`).sort(), ['Ok:Succeeded', 'Src:Succeeded']);

    const succeeded = await b.cp.send(
      new ListPipelineExecutionsCommand({ pipelineName: 'latest', filter: { succeededInStage: { stageName: 'Approve' } } }),
    );
    assert.deepEqual(
      succeeded.pipelineExecutionSummaries?.map((e) => e.pipelineExecutionId),
      [id],
    );
    const sourced = await b.cp.send(
      new ListPipelineExecutionsCommand({ pipelineName: 'latest', filter: { succeededInStage: { stageName: 'Source' } } }),
    );
    assert.deepEqual(
      sourced.pipelineExecutionSummaries?.map((e) => e.pipelineExecutionId),
      [other, id],
    );
  });

  it('latestInPipelineExecution is refused on a V1 pipeline', async () => {
    await b.put('v1.zip', 'x');
    await b.create(b.sourceThenApproval('v1'));
    const id = await firstExecution(b.cp, 'v1');
    await assert.rejects(
      b.cp.send(
        new ListActionExecutionsCommand({
          pipelineName: 'v1',
          filter: { latestInPipelineExecution: { pipelineExecutionId: id, startTimeRange: 'Latest' } },
        }),
      ),
      { name: 'ValidationException', message: /latestInPipelineExecution/ },
    );
  });
});
