/**
 * Stage conditions on a real Slipway: a beforeEntry VariableCheck that fails the stage and one that
 * lets the execution in; a SKIP condition that skips the stage; a DeploymentWindow that holds the
 * stage while its window is closed until OverrideStageCondition lets it go on; what
 * GetPipelineState, ListRuleExecutions and ListRuleTypes show.
 */
import {
  GetPipelineStateCommand,
  ListRuleExecutionsCommand,
  ListRuleTypesCommand,
  OverrideStageConditionCommand,
  type RuleDeclaration,
  type StageDeclaration,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  answer,
  approval,
  executionReaches,
  firstExecution,
  pipeline,
  type PipelineBench,
  pipelineBench,
  s3Source,
  stage,
} from '../support/codepipeline.ts';
import { waitFor } from '../support/slipway.ts';

const BUCKET = 'pipeline-conditions';

const variableCheck = (value: string, operator = 'EQ'): RuleDeclaration => ({
  name: 'TargetIsProd',
  ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'VariableCheck', version: '1' },
  configuration: { Variable: '#{variables.target}', Value: value, Operator: operator },
});

const deploymentWindow = (cron: string): RuleDeclaration => ({
  name: 'Window',
  ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'DeploymentWindow', version: '1' },
  configuration: { Cron: cron, TimeZone: 'Europe/Paris' },
});

describe('CodePipeline stage conditions', () => {
  let b: PipelineBench;
  before(async () => {
    b = await pipelineBench(BUCKET);
  });
  after(async () => {
    await b?.slipway.close();
  });

  /** A V2 pipeline `name` (variable target=staging): an S3 source, then Approve/Ok with the conditions given. */
  const gated = async (name: string, conditions: Partial<StageDeclaration>) => {
    await b.put(`${name}.zip`, 'x');
    const stages = [stage('Source', s3Source('Src', BUCKET, `${name}.zip`)), { ...stage('Approve', approval('Ok')), ...conditions }];
    await b.create(pipeline(name, BUCKET, stages, { pipelineType: 'V2', variables: [{ name: 'target', defaultValue: 'staging' }] }));
  };

  const state = async (name: string, stageName = 'Approve') =>
    (await b.cp.send(new GetPipelineStateCommand({ name }))).stageStates!.find((s) => s.stageName === stageName)!;

  it('a beforeEntry VariableCheck fails the stage when it does not pass, and lets the execution in when it does', async () => {
    await gated('varcheck', {
      beforeEntry: { conditions: [{ result: 'FAIL', rules: [variableCheck('prod')] }] },
      onSuccess: { conditions: [{ result: 'FAIL', rules: [deploymentWindow('* * * * * ? *')] }] },
    });
    const first = await firstExecution(b.cp, 'varcheck');
    const failed = await executionReaches(b.cp, 'varcheck', first, ['Failed', 'Succeeded']);
    assert.equal(failed.status, 'Failed');
    assert.match(
      failed.statusSummary ?? '',
      /Stage 'Approve' entry condition failed: Rule 'TargetIsProd' failed: The variable value 'staging' does not meet the check EQ 'prod'/,
    );
    const gate = (await state('varcheck')).beforeEntryConditionState!;
    assert.equal(gate.latestExecution?.status, 'Failed');
    assert.equal(gate.conditionStates![0].ruleStates![0].latestExecution?.status, 'Failed');
    assert.equal((await state('varcheck')).actionStates![0].latestExecution, undefined, 'the stage ran no action');

    const { pipelineExecutionId: second } = await b.cp.send(
      new StartPipelineExecutionCommand({ name: 'varcheck', variables: [{ name: 'target', value: 'prod' }] }),
    );
    await answer(b.cp, 'varcheck', second!, 'Approved');
    assert.equal((await executionReaches(b.cp, 'varcheck', second!, ['Failed', 'Succeeded'])).status, 'Succeeded');
    const passed = await state('varcheck');
    assert.equal(passed.beforeEntryConditionState?.latestExecution?.status, 'Succeeded');
    assert.equal(passed.onSuccessConditionState?.latestExecution?.status, 'Succeeded', 'the window * * * * * ? * is always open');

    const rules = (await b.cp.send(new ListRuleExecutionsCommand({ pipelineName: 'varcheck', filter: { pipelineExecutionId: second } })))
      .ruleExecutionDetails!;
    const check = rules.find((r) => r.ruleName === 'TargetIsProd')!;
    assert.equal(check.status, 'Succeeded');
    assert.equal(check.input?.resolvedConfiguration?.Variable, 'prod');
    assert.equal(check.input?.configuration?.Variable, '#{variables.target}');
    assert.ok(rules.some((r) => r.ruleName === 'Window' && r.status === 'Succeeded'));
  });

  it('a beforeEntry SKIP skips the stage, and cannot be overridden', async () => {
    await gated('skipper', { beforeEntry: { conditions: [{ result: 'SKIP', rules: [variableCheck('^prod', 'MATCHES')] }] } });
    const id = await firstExecution(b.cp, 'skipper');
    assert.equal((await executionReaches(b.cp, 'skipper', id, ['Failed', 'Succeeded'])).status, 'Succeeded');
    assert.equal((await state('skipper')).latestExecution?.status, 'Skipped');
    await assert.rejects(
      b.cp.send(
        new OverrideStageConditionCommand({
          pipelineName: 'skipper',
          stageName: 'Approve',
          pipelineExecutionId: id,
          conditionType: 'BEFORE_ENTRY',
        }),
      ),
      { name: 'ConditionNotOverridableException', message: /result SKIP, which cannot be overridden/ },
    );
  });

  it('a closed DeploymentWindow holds the stage until OverrideStageCondition lets it go on', async () => {
    // Midnight on the first of January 2199: closed whenever this test runs.
    await gated('window', { beforeEntry: { conditions: [{ result: 'FAIL', rules: [deploymentWindow('0 0 0 1 1 ? 2199')] }] } });
    const id = await firstExecution(b.cp, 'window');
    const held = await waitFor('the window rule to wait', async () => {
      const s = await state('window');
      return s.beforeEntryConditionState?.latestExecution?.status === 'InProgress' ? s : undefined;
    });
    assert.equal(held.latestExecution?.status, 'InProgress');
    assert.match(
      held.beforeEntryConditionState!.latestExecution!.summary ?? '',
      /Waiting for the deployment window 0 0 0 1 1 \? 2199 \(Europe\/Paris\) to open/,
    );
    assert.equal(held.actionStates![0].latestExecution, undefined, 'no action runs while the window is closed');
    await assert.rejects(
      b.cp.send(
        new OverrideStageConditionCommand({
          pipelineName: 'window',
          stageName: 'Approve',
          pipelineExecutionId: id,
          conditionType: 'ON_SUCCESS',
        }),
      ),
      { name: 'ConditionNotOverridableException' },
    );
    await b.cp.send(
      new OverrideStageConditionCommand({
        pipelineName: 'window',
        stageName: 'Approve',
        pipelineExecutionId: id,
        conditionType: 'BEFORE_ENTRY',
      }),
    );
    await answer(b.cp, 'window', id, 'Approved');
    assert.equal((await executionReaches(b.cp, 'window', id, ['Failed', 'Succeeded'])).status, 'Succeeded');
    const after = (await state('window')).beforeEntryConditionState!;
    assert.equal(after.latestExecution?.status, 'Overridden');
    assert.equal(after.conditionStates![0].ruleStates![0].latestExecution?.status, 'Abandoned');
  });

  it('an onSuccess FAIL condition fails the stage after its actions, and overriding it lets the execution finish', async () => {
    await gated('onsuccess', { onSuccess: { conditions: [{ result: 'FAIL', rules: [variableCheck('prod', 'CONTAINS')] }] } });
    const id = await firstExecution(b.cp, 'onsuccess');
    await answer(b.cp, 'onsuccess', id, 'Approved');
    const failed = await executionReaches(b.cp, 'onsuccess', id, ['Failed', 'Succeeded']);
    assert.equal(failed.status, 'Failed');
    assert.match(failed.statusSummary ?? '', /Stage 'Approve' on-success condition failed: Rule 'TargetIsProd' failed/);
    assert.equal((await state('onsuccess')).actionStates![0].latestExecution?.status, 'Succeeded', 'the actions ran first');
    await b.cp.send(
      new OverrideStageConditionCommand({
        pipelineName: 'onsuccess',
        stageName: 'Approve',
        pipelineExecutionId: id,
        conditionType: 'ON_SUCCESS',
      }),
    );
    assert.equal((await executionReaches(b.cp, 'onsuccess', id, ['Succeeded'])).status, 'Succeeded');
    const s = await state('onsuccess');
    assert.equal(s.latestExecution?.status, 'Succeeded');
    assert.equal(s.onSuccessConditionState?.latestExecution?.status, 'Overridden');
    await assert.rejects(
      b.cp.send(
        new OverrideStageConditionCommand({
          pipelineName: 'onsuccess',
          stageName: 'Approve',
          pipelineExecutionId: id,
          conditionType: 'ON_SUCCESS',
        }),
      ),
      { name: 'ConditionNotOverridableException' },
    );
  });

  it('lists the rule types Slipway runs', async () => {
    const { ruleTypes } = await b.cp.send(new ListRuleTypesCommand({}));
    assert.deepEqual(ruleTypes!.map((t) => t.id?.provider).sort(), ['DeploymentWindow', 'VariableCheck']);
  });
});
