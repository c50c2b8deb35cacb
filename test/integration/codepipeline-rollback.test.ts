/**
 * RollbackStage on a real Slipway: a new execution (type ROLLBACK, trigger ManualRollback) runs one
 * stage again with an earlier successful execution's artifacts and variables, and ends there; what
 * AWS refuses to roll back is refused with its exception, and nothing starts; a stage's onFailure
 * ROLLBACK starts one on its own (trigger AutomatedRollback).
 */
import {
  GetPipelineExecutionCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  RollbackStageCommand,
  StartPipelineExecutionCommand,
  UpdatePipelineCommand,
} from '@aws-sdk/client-codepipeline';
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

const BUCKET = 'pipeline-rollback';

describe('CodePipeline RollbackStage', () => {
  let b: PipelineBench;
  before(async () => {
    b = await pipelineBench(BUCKET);
  });
  after(async () => {
    await b?.slipway.close();
  });

  const declaration = (name: string, pipelineType: 'V1' | 'V2' = 'V2') =>
    pipeline(
      name,
      BUCKET,
      [
        stage('Source', { ...s3Source('Src', BUCKET, `${name}.zip`), namespace: 'SourceVariables' }),
        stage('Approve', approval('Ok', { configuration: { CustomData: 'ship #{SourceVariables.ETag}' } })),
      ],
      { pipelineType },
    );

  /** Runs an execution through its approval with `answerGiven`; returns its id. */
  async function run(name: string, id: string, answerGiven: 'Approved' | 'Rejected') {
    await answer(b.cp, name, id, answerGiven);
    await executionReaches(b.cp, name, id, [answerGiven === 'Approved' ? 'Succeeded' : 'Failed']);
    return id;
  }

  const customData = async (name: string, id: string) =>
    (
      await b.cp.send(new ListActionExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: id } }))
    ).actionExecutionDetails!.find((a) => a.actionName === 'Ok')?.input?.resolvedConfiguration?.CustomData;

  it("runs the stage again with the target execution's artifacts and variables", async () => {
    await b.put('back.zip', 'one');
    await b.create(declaration('back'));
    const first = await run('back', await firstExecution(b.cp, 'back'), 'Approved');
    // The upload starts the second execution.
    await b.put('back.zip', 'two');
    const second = await waitFor('the upload to start an execution', async () => {
      const list = (await b.cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'back' }))).pipelineExecutionSummaries!;
      return list.length === 2 && list[0].pipelineExecutionId!;
    });
    await run('back', second, 'Approved');
    assert.notEqual(await customData('back', first), await customData('back', second));

    const { pipelineExecutionId: rollback } = await b.cp.send(
      new RollbackStageCommand({ pipelineName: 'back', stageName: 'Approve', targetPipelineExecutionId: first }),
    );
    await run('back', rollback!, 'Approved');
    assert.equal(await customData('back', rollback!), await customData('back', first));
    const { pipelineExecution } = await b.cp.send(new GetPipelineExecutionCommand({ pipelineName: 'back', pipelineExecutionId: rollback }));
    assert.equal(pipelineExecution?.executionType, 'ROLLBACK');
    assert.equal(pipelineExecution?.rollbackMetadata?.rollbackTargetPipelineExecutionId, first);
    assert.equal(pipelineExecution?.trigger?.triggerType, 'ManualRollback');
    const firstRevision = (await b.cp.send(new GetPipelineExecutionCommand({ pipelineName: 'back', pipelineExecutionId: first })))
      .pipelineExecution?.artifactRevisions?.[0].revisionId;
    assert.equal(pipelineExecution?.artifactRevisions?.[0].revisionId, firstRevision);
    const runs = (await b.cp.send(new ListActionExecutionsCommand({ pipelineName: 'back', filter: { pipelineExecutionId: rollback } })))
      .actionExecutionDetails!;
    assert.deepEqual(
      runs.map((r) => r.actionName),
      ['Ok'],
      'the source stage is not run again',
    );
  });

  it('refuses what cannot be rolled back, starting nothing', async () => {
    await b.put('refused.zip', 'x');
    await b.create(declaration('refused'));
    const ok = await run('refused', await firstExecution(b.cp, 'refused'), 'Approved');
    const { pipelineExecutionId: failedId } = await b.cp.send(new StartPipelineExecutionCommand({ name: 'refused' }));
    const failed = await run('refused', failedId!, 'Rejected');
    const rollback = (stageName: string, target: string, pipelineName = 'refused') =>
      b.cp.send(new RollbackStageCommand({ pipelineName, stageName, targetPipelineExecutionId: target }));
    await assert.rejects(rollback('Source', ok), { name: 'UnableToRollbackStageException', message: /source stage/ });
    await assert.rejects(rollback('Approve', failed), {
      name: 'UnableToRollbackStageException',
      message: /did not succeed in stage 'Approve'/,
    });
    await assert.rejects(rollback('Nope', ok), { name: 'StageNotFoundException' });
    await assert.rejects(rollback('Approve', '00000000-0000-0000-0000-000000000000'), { name: 'PipelineExecutionNotFoundException' });
    await b.cp.send(new UpdatePipelineCommand({ pipeline: declaration('refused') }));
    await assert.rejects(rollback('Approve', ok), { name: 'PipelineExecutionOutdatedException' });
    assert.equal((await b.cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'refused' }))).pipelineExecutionSummaries!.length, 2);

    await b.put('old.zip', 'x');
    await b.create(declaration('old', 'V1'));
    const v1 = await run('old', await firstExecution(b.cp, 'old'), 'Approved');
    await assert.rejects(rollback('Approve', v1, 'old'), { name: 'UnableToRollbackStageException', message: /V1/ });
  });

  it('onFailure ROLLBACK: a failed stage runs again with the last execution that succeeded in it', async () => {
    await b.put('auto-back.zip', 'one');
    const d = declaration('auto-back');
    d.stages![1].onFailure = { result: 'ROLLBACK' };
    await b.create(d);
    const good = await run('auto-back', await firstExecution(b.cp, 'auto-back'), 'Approved');
    const { pipelineExecutionId: bad } = await b.cp.send(new StartPipelineExecutionCommand({ name: 'auto-back' }));
    await run('auto-back', bad!, 'Rejected');
    const rolled = await waitFor('the automatic rollback', async () => {
      const list = (await b.cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'auto-back' }))).pipelineExecutionSummaries!;
      return list.find((e) => e.trigger?.triggerType === 'AutomatedRollback');
    });
    assert.equal(rolled.trigger?.triggerDetail, bad);
    assert.equal(rolled.executionType, 'ROLLBACK');
    assert.equal(rolled.rollbackMetadata?.rollbackTargetPipelineExecutionId, good);
    await run('auto-back', rolled.pipelineExecutionId!, 'Approved');
    assert.equal(await customData('auto-back', rolled.pipelineExecutionId!), await customData('auto-back', good));
  });
});
