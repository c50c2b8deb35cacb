/**
 * Pipeline-level rules on a real Slipway: what AWS refuses in a declaration (actions in another
 * region, stage features on V1, conditions with results their kind does not allow, variables past
 * their pattern or count) and what Slipway cannot run (Lambda and alarm rules) is refused with InvalidStructureException or
 * ValidationException naming it, and nothing is written; a stage's onFailure RETRY runs.
 */
import {
  type ActionDeclaration,
  CreatePipelineCommand,
  GetPipelineCommand,
  GetPipelineStateCommand,
  type PipelineDeclaration,
  type PipelineTriggerDeclaration,
  type StageDeclaration,
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
  s3Source,
  stage,
  type PipelineBench,
  pipelineBench,
  putApproval,
} from '../support/codepipeline.ts';
import { awsCli } from '../support/slipway.ts';

const BUCKET = 'pipeline-structure';

describe('CodePipeline declaration rules', () => {
  let b: PipelineBench;
  before(async () => {
    b = await pipelineBench(BUCKET);
  });
  after(async () => {
    await b?.slipway.close();
  });

  const declaration = (name: string, second: Partial<StageDeclaration> = {}, extra: Partial<PipelineDeclaration> = {}) =>
    pipeline(
      name,
      BUCKET,
      [stage('Source', s3Source('Src', BUCKET, `${name}.zip`)), { ...stage('Approve', approval('Ok')), ...second }],
      extra,
    );

  async function refused(d: PipelineDeclaration, name: string, message: RegExp): Promise<void> {
    await assert.rejects(b.cp.send(new CreatePipelineCommand({ pipeline: d })), { name, message });
    await assert.rejects(b.cp.send(new GetPipelineCommand({ name: d.name })), { name: 'PipelineNotFoundException' }, 'nothing written');
  }

  it('refuses actions outside the pipeline region, naming the action and region', async () => {
    const approveElsewhere = { actions: [approval('Ok', { region: 'eu-west-1' })] };
    await refused(
      declaration('cross', approveElsewhere),
      'InvalidStructureException',
      /Action 'Ok' runs in region 'eu-west-1', which has no artifact store/,
    );
    const src = pipeline('cross3', BUCKET, [
      stage('Source', { ...s3Source('Src', BUCKET, 'x.zip'), region: 'eu-west-1' }),
      stage('Approve', approval('Ok')),
    ]);
    await refused(src, 'InvalidStructureException', /Action 'Src' cannot run in region 'eu-west-1'/);
    await refused(
      declaration('stores', {}, { artifactStore: undefined, artifactStores: { 'eu-west-1': { type: 'S3', location: BUCKET } } }),
      'InvalidStructureException',
      /artifactStores must include an artifact store for the pipeline's region 'us-east-1'/,
    );
  });

  it('refuses stage features on V1, a rollback of the source stage, and conditions AWS or Slipway cannot run', async () => {
    await refused(
      declaration('v1-retry', { onFailure: { result: 'RETRY' } }),
      'InvalidStructureException',
      /Stage 'Approve': onFailure can only be used with V2 pipelines/,
    );
    const v2 = { pipelineType: 'V2' } as const;
    const sourceRollback = pipeline(
      'rollback',
      BUCKET,
      [
        { ...stage('Source', s3Source('Src', BUCKET, 'rollback.zip')), onFailure: { result: 'ROLLBACK' } },
        stage('Approve', approval('Ok')),
      ],
      v2,
    );
    await refused(sourceRollback, 'InvalidStructureException', /onFailure result ROLLBACK cannot be used on the source stage/);
    const rule = { name: 'Gate', ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'DeploymentWindow', version: '1' } } as const;
    await refused(
      declaration('gated', { beforeEntry: { conditions: [{ result: 'FAIL', rules: [rule] }] } }, v2),
      'InvalidStructureException',
      /Stage 'Approve': beforeEntry: Rule configuration for rule 'Gate' is missing required configuration 'Cron'/,
    );
    const lambda = {
      name: 'Fn',
      ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'LambdaInvoke', version: '1' },
      configuration: { FunctionName: 'f' },
    } as const;
    await refused(
      declaration('lambda', { onSuccess: { conditions: [{ result: 'FAIL', rules: [lambda] }] } }, v2),
      'InvalidStructureException',
      /Rule 'Fn' uses rule type LambdaInvoke, which Slipway cannot run: Slipway runs no Lambda functions/,
    );
    const windowed = { ...rule, configuration: { Cron: '* * * * * ?' } };
    await refused(
      declaration('skip-window', { beforeEntry: { conditions: [{ result: 'SKIP', rules: [windowed] }] } }, v2),
      'InvalidStructureException',
      /result SKIP can be used only with VariableCheck and LambdaInvoke rules, not DeploymentWindow/,
    );
    await refused(
      declaration('rollback-entry', { beforeEntry: { conditions: [{ result: 'ROLLBACK', rules: [windowed] }] } }, v2),
      'InvalidStructureException',
      /beforeEntry condition result 'ROLLBACK' is not valid: use FAIL or SKIP/,
    );
    await refused(
      declaration('v1-condition', { beforeEntry: { conditions: [{ result: 'FAIL', rules: [windowed] }] } }),
      'InvalidStructureException',
      /beforeEntry can only be used with V2 pipelines/,
    );
    await refused(
      declaration('retry-mode', { onFailure: { result: 'FAIL', retryConfiguration: { retryMode: 'ALL_ACTIONS' } } }, v2),
      'InvalidStructureException',
      /retryConfiguration can only be used with result RETRY/,
    );
  });

  it('refuses variables past their name pattern or count', async () => {
    const v2 = { pipelineType: 'V2' } as const;
    await refused(
      declaration('bad-var', {}, { ...v2, variables: [{ name: 'has space', defaultValue: 'x' }] }),
      'ValidationException',
      /variables/,
    );
    const many = Array.from({ length: 51 }, (_, i) => ({ name: `v${i}`, defaultValue: 'x' }));
    await refused(declaration('many-vars', {}, { ...v2, variables: many }), 'ValidationException', /variables/);
  });

  it('refuses namespaces used twice, and triggers on V1, on sources other than connections, or twice for one source', async () => {
    const v2 = { pipelineType: 'V2' } as const;
    const twice = pipeline('namespaces', BUCKET, [
      stage('Source', { ...s3Source('Src', BUCKET, 'n.zip'), namespace: 'Vars' }),
      stage('Approve', approval('Ok', { namespace: 'Vars' })),
    ]);
    await refused(twice, 'InvalidStructureException', /Namespace 'Vars' is used by more than one action/);
    const { ConnectionArn } = await awsCli(b.slipway.endpoint, [
      'codestar-connections',
      'create-connection',
      '--provider-type',
      'GitHub',
      '--connection-name',
      'structure',
    ]);
    const git: ActionDeclaration = {
      name: 'Git',
      actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
      configuration: { ConnectionArn, FullRepositoryId: 'me/app', BranchName: 'main' },
      outputArtifacts: [{ name: 'SourceArtifact' }],
    };
    const trigger: PipelineTriggerDeclaration = {
      providerType: 'CodeStarSourceConnection',
      gitConfiguration: { sourceActionName: 'Git', push: [{ branches: { includes: ['main'] } }] },
    };
    const triggered = (name: string, extra: Partial<PipelineDeclaration>) =>
      pipeline(name, BUCKET, [stage('Source', git), stage('Approve', approval('Ok'))], extra);
    await refused(
      triggered('v1-trigger', { triggers: [trigger] }),
      'InvalidStructureException',
      /Triggers can only be used with V2 pipelines/,
    );
    await refused(
      triggered('two-triggers', { ...v2, triggers: [trigger, trigger] }),
      'InvalidStructureException',
      /More than one trigger names source action 'Git'/,
    );
    await b.cp.send(new CreatePipelineCommand({ pipeline: triggered('one-trigger', { ...v2, triggers: [trigger] }) }));
  });

  it('onFailure RETRY retries a failed stage once on its own, then fails it', async () => {
    await b.put('auto.zip', 'x');
    await b.create(
      declaration('auto', { onFailure: { result: 'RETRY', retryConfiguration: { retryMode: 'ALL_ACTIONS' } } }, { pipelineType: 'V2' }),
    );
    const id = await firstExecution(b.cp, 'auto');
    const firstToken = await answer(b.cp, 'auto', id, 'Rejected');
    // The stage is retried: the approval is asked again, with a new token.
    const { action } = await actionState(
      b.cp,
      'auto',
      'Approve',
      'Ok',
      (l) => l.status === 'InProgress' && !!l.token && l.token !== firstToken,
    );
    await putApproval(
      b.cp,
      { pipelineName: 'auto', stageName: 'Approve', actionName: 'Ok' },
      action.latestExecution!.token!,
      'Rejected',
      'again',
    );
    assert.equal((await executionReaches(b.cp, 'auto', id, ['Failed', 'Succeeded'])).status, 'Failed');
    const stageState = (await b.cp.send(new GetPipelineStateCommand({ name: 'auto' }))).stageStates![1];
    assert.deepEqual(stageState.retryStageMetadata, { autoStageRetryAttempt: 1, latestRetryTrigger: 'AutomatedStageRetry' });
  });
});
