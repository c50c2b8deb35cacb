/**
 * How executions of one pipeline share it, on a real Slipway: SUPERSEDED, QUEUED and PARALLEL with
 * AWS's stage locks; stop and abandon; a disabled transition; and variables resolved just before an
 * action runs.
 */
import {
  DisableStageTransitionCommand,
  EnableStageTransitionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  actionState,
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

const BUCKET = 'pipeline-modes';

describe('CodePipeline execution modes and controls', () => {
  let b: PipelineBench;
  before(async () => {
    b = await pipelineBench(BUCKET);
  });
  after(async () => {
    await b?.slipway.close();
  });

  it('SUPERSEDED: an execution waiting for a locked stage gives way to a newer one', async () => {
    await b.put('superseded.zip', 'x');
    await b.create(b.sourceThenApproval('superseded'));
    const first = await firstExecution(b.cp, 'superseded');
    await actionState(b.cp, 'superseded', 'Approve', 'Ok', (l) => l.status === 'InProgress' && l.pipelineExecutionId === first);
    const { pipelineExecutionId: second } = await b.cp.send(new StartPipelineExecutionCommand({ name: 'superseded' }));
    const { pipelineExecutionId: third } = await b.cp.send(new StartPipelineExecutionCommand({ name: 'superseded' }));
    assert.equal((await executionReaches(b.cp, 'superseded', second!, ['Superseded', 'Succeeded', 'Failed'])).status, 'Superseded');
    const state = await b.cp.send(new GetPipelineStateCommand({ name: 'superseded' }));
    assert.equal(state.stageStates![1].latestExecution?.pipelineExecutionId, first, 'the stage stays locked by the first');
    await answer(b.cp, 'superseded', first, 'Approved');
    await answer(b.cp, 'superseded', third!, 'Approved');
    assert.equal((await executionReaches(b.cp, 'superseded', third!, ['Succeeded', 'Failed'])).status, 'Succeeded');
  });

  it('QUEUED: executions wait their turn for a locked stage and all run', async () => {
    await b.put('queued.zip', 'x');
    await b.create(b.sourceThenApproval('queued', { pipelineType: 'V2', executionMode: 'QUEUED' }));
    const first = await firstExecution(b.cp, 'queued');
    await actionState(b.cp, 'queued', 'Approve', 'Ok', (l) => l.status === 'InProgress' && l.pipelineExecutionId === first);
    const { pipelineExecutionId: second } = await b.cp.send(new StartPipelineExecutionCommand({ name: 'queued' }));
    const { pipelineExecutionId: third } = await b.cp.send(new StartPipelineExecutionCommand({ name: 'queued' }));
    await actionState(b.cp, 'queued', 'Source', 'Src', (l) => l.status === 'Succeeded' && l.pipelineExecutionId === third);
    const waiting = (await b.cp.send(new GetPipelineStateCommand({ name: 'queued' }))).stageStates![1];
    assert.deepEqual(
      waiting.inboundExecutions?.map((e) => e.pipelineExecutionId),
      [second, third],
    );
    for (const id of [first, second!, third!]) await answer(b.cp, 'queued', id, 'Approved');
    for (const id of [first, second!, third!])
      assert.equal((await executionReaches(b.cp, 'queued', id, ['Succeeded', 'Failed'])).status, 'Succeeded');
  });

  it('PARALLEL: executions do not wait for each other', async () => {
    await b.put('parallel.zip', 'x');
    await b.create(b.sourceThenApproval('parallel', { pipelineType: 'V2', executionMode: 'PARALLEL' }));
    const first = await firstExecution(b.cp, 'parallel');
    const waiting = await actionState(
      b.cp,
      'parallel',
      'Approve',
      'Ok',
      (l) => l.status === 'InProgress' && !!l.token && l.pipelineExecutionId === first,
    );
    const { pipelineExecutionId: second } = await b.cp.send(new StartPipelineExecutionCommand({ name: 'parallel' }));
    // The second reaches the approval while the first still holds its own there.
    await answer(b.cp, 'parallel', second!, 'Approved');
    assert.equal((await executionReaches(b.cp, 'parallel', second!, ['Succeeded', 'Failed'])).status, 'Succeeded');
    const at = { pipelineName: 'parallel', stageName: 'Approve', actionName: 'Ok' };
    await putApproval(b.cp, at, waiting.action.latestExecution!.token!, 'Approved', 'later');
    assert.equal((await executionReaches(b.cp, 'parallel', first, ['Succeeded', 'Failed'])).status, 'Succeeded');
  });

  it('stop waits for running actions; stop and abandon ends them now', async () => {
    await b.put('stopped.zip', 'x');
    await b.create(b.sourceThenApproval('stopped'));
    const id = await firstExecution(b.cp, 'stopped');
    await actionState(b.cp, 'stopped', 'Approve', 'Ok', (l) => l.status === 'InProgress' && l.pipelineExecutionId === id);
    await b.cp.send(new StopPipelineExecutionCommand({ pipelineName: 'stopped', pipelineExecutionId: id, reason: 'wrong build' }));
    assert.equal((await executionReaches(b.cp, 'stopped', id, ['Stopping'])).status, 'Stopping');
    await assert.rejects(b.cp.send(new StopPipelineExecutionCommand({ pipelineName: 'stopped', pipelineExecutionId: id })), {
      name: 'DuplicatedStopRequestException',
    });
    await b.cp.send(new StopPipelineExecutionCommand({ pipelineName: 'stopped', pipelineExecutionId: id, abandon: true }));
    assert.equal((await executionReaches(b.cp, 'stopped', id, ['Stopped'])).status, 'Stopped');
    const state = await b.cp.send(new GetPipelineStateCommand({ name: 'stopped' }));
    assert.equal(state.stageStates![1].latestExecution?.status, 'Stopped');
    assert.equal(state.stageStates![1].actionStates![0].latestExecution?.status, 'Abandoned');
    const summary = (await b.cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'stopped' }))).pipelineExecutionSummaries![0];
    assert.equal(summary.stopTrigger?.reason, 'wrong build');
    await assert.rejects(b.cp.send(new StopPipelineExecutionCommand({ pipelineName: 'stopped', pipelineExecutionId: id, abandon: true })), {
      name: 'PipelineExecutionNotStoppableException',
    });
  });

  it('an execution waits at a disabled inbound transition until it is enabled', async () => {
    await b.put('gated.zip', 'x');
    await b.create(b.sourceThenApproval('gated'));
    // The first execution may already be past the gate; the one started after disabling is not.
    await b.cp.send(
      new DisableStageTransitionCommand({ pipelineName: 'gated', stageName: 'Approve', transitionType: 'Inbound', reason: 'freeze' }),
    );
    const first = await firstExecution(b.cp, 'gated');
    const { pipelineExecutionId: id } = await b.cp.send(new StartPipelineExecutionCommand({ name: 'gated' }));
    await actionState(b.cp, 'gated', 'Source', 'Src', (l) => l.status === 'Succeeded' && l.pipelineExecutionId === id);
    const state = await b.cp.send(new GetPipelineStateCommand({ name: 'gated' }));
    const gate = state.stageStates![1];
    assert.equal(gate.inboundTransitionState?.enabled, false);
    assert.equal(gate.inboundTransitionState?.disabledReason, 'freeze');
    assert.ok([first, id].includes(gate.inboundExecution?.pipelineExecutionId), 'an execution waits at the gate');
    await b.cp.send(new EnableStageTransitionCommand({ pipelineName: 'gated', stageName: 'Source', transitionType: 'Outbound' }));
    await answer(b.cp, 'gated', id!, 'Approved');
    assert.equal((await executionReaches(b.cp, 'gated', id!, ['Succeeded', 'Failed'])).status, 'Succeeded');
  });

  it('variables resolve just before the action runs and show in ListActionExecutions', async () => {
    await b.put('vars.zip', 'x');
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
    await b.create(d);
    await answer(b.cp, 'vars', await firstExecution(b.cp, 'vars'), 'Approved');
    const { pipelineExecutionId: id } = await b.cp.send(
      new StartPipelineExecutionCommand({ name: 'vars', variables: [{ name: 'env', value: 'prod' }] }),
    );
    await assert.rejects(b.cp.send(new StartPipelineExecutionCommand({ name: 'vars', variables: [{ name: 'nope', value: '1' }] })), {
      name: 'ValidationException',
    });
    await assert.rejects(
      b.cp.send(
        new StartPipelineExecutionCommand({
          name: 'vars',
          sourceRevisions: [{ actionName: 'Src', revisionType: 'COMMIT_ID', revisionValue: 'abc' }],
        }),
      ),
      { name: 'ValidationException', message: /revision type COMMIT_ID is not supported by S3 source action 'Src'/ },
    );
    await answer(b.cp, 'vars', id!, 'Approved');
    await executionReaches(b.cp, 'vars', id!, ['Succeeded']);
    const details = (await b.cp.send(new ListActionExecutionsCommand({ pipelineName: 'vars', filter: { pipelineExecutionId: id } })))
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
});
