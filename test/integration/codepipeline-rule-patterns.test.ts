/**
 * A VariableCheck MATCHES rule runs the pipeline author's own pattern, on a real Slipway: a pattern
 * that does not compile is refused at CreatePipeline and UpdatePipeline and writes nothing; one that
 * backtracks without end against the variable's value fails its rule, naming the variable, and the
 * server goes on answering.
 */
import {
  GetPipelineCommand,
  ListPipelinesCommand,
  ListRuleExecutionsCommand,
  type RuleDeclaration,
  UpdatePipelineCommand,
} from '@aws-sdk/client-codepipeline';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  approval,
  executionReaches,
  firstExecution,
  pipeline,
  type PipelineBench,
  pipelineBench,
  s3Source,
  stage,
} from '../support/codepipeline.ts';
import { expectAwsError } from '../support/ecr.ts';
import { waitFor } from '../support/slipway.ts';

const BUCKET = 'rule-patterns';
/** Exponential for V8's backtracking engine: some seconds unbounded on this value, far beyond the deadline. */
const CATASTROPHIC = '(a+)+$';
const LONG_VALUE = `${'a'.repeat(31)}!`;

const matches = (pattern: string): RuleDeclaration => ({
  name: 'TargetMatches',
  ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'VariableCheck', version: '1' },
  configuration: { Variable: '#{variables.target}', Value: pattern, Operator: 'MATCHES' },
});

describe('VariableCheck MATCHES patterns', () => {
  let b: PipelineBench;
  before(async () => {
    b = await pipelineBench(BUCKET);
    await b.put('src.zip', 'x');
  });
  after(async () => {
    await b?.slipway.close();
  });

  /** A V2 pipeline `name` (variable target=LONG_VALUE): an S3 source, then Approve/Ok entered only when `rule` passes. */
  const gated = (name: string, rule: RuleDeclaration) =>
    pipeline(
      name,
      BUCKET,
      [
        stage('Source', s3Source('Src', BUCKET, 'src.zip')),
        { ...stage('Approve', approval('Ok')), beforeEntry: { conditions: [{ rules: [rule] }] } },
      ],
      { pipelineType: 'V2', variables: [{ name: 'target', defaultValue: LONG_VALUE }] },
    );

  it('refuses a pattern that does not compile, at CreatePipeline and UpdatePipeline', async () => {
    const refusal = "Stage 'Approve': beforeEntry: Rule 'TargetMatches': Value '(a' is not a valid regular expression";
    await expectAwsError(b.create(gated('broken', matches('(a'))), 'InvalidStructureException', refusal);
    assert.deepEqual((await b.cp.send(new ListPipelinesCommand({}))).pipelines, []);

    await b.create(gated('mended', matches('^a')));
    await expectAwsError(
      b.cp.send(new UpdatePipelineCommand({ pipeline: gated('mended', matches('(a')) })),
      'InvalidStructureException',
      refusal,
    );
    const { pipeline: kept } = await b.cp.send(new GetPipelineCommand({ name: 'mended' }));
    assert.equal(kept?.stages?.[1].beforeEntry?.conditions?.[0].rules?.[0].configuration?.Value, '^a');
  });

  it('fails a rule whose pattern backtracks without end, and the server goes on answering', async () => {
    await b.create(gated('catastrophic', matches(CATASTROPHIC)));
    const id = await firstExecution(b.cp, 'catastrophic');
    // Asked while the rule is being checked: answered all the same.
    const listed = b.cp.send(new ListPipelinesCommand({}));
    const failed = await executionReaches(b.cp, 'catastrophic', id, ['Failed', 'Succeeded']);
    assert.deepEqual((await listed).pipelines?.map((p) => p.name).sort(), ['catastrophic', 'mended']);
    assert.equal(
      failed.statusSummary,
      `Stage 'Approve' entry condition failed: Rule 'TargetMatches' failed: The pattern '${CATASTROPHIC}' took too long to match the value of #{variables.target} (more than 1000 ms)`,
    );
    const { ruleExecutionDetails } = await b.cp.send(new ListRuleExecutionsCommand({ pipelineName: 'catastrophic' }));
    assert.equal(ruleExecutionDetails?.[0].status, 'Failed');
    assert.equal(ruleExecutionDetails?.[0].input?.resolvedConfiguration?.Variable, LONG_VALUE);

    // A pattern that finishes still decides the rule by its match.
    await b.create(gated('plain', matches('^a+!$')));
    const passed = await waitFor('the plain pattern to decide its rule', async () => {
      const { ruleExecutionDetails: runs } = await b.cp.send(new ListRuleExecutionsCommand({ pipelineName: 'plain' }));
      return runs?.find((r) => r.status !== 'InProgress');
    });
    assert.equal(passed.status, 'Succeeded');
    assert.equal(
      passed.output?.executionResult?.externalExecutionSummary,
      `The variable value '${LONG_VALUE}' meets the check MATCHES '^a+!$'`,
    );
  });
});
