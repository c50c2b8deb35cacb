/**
 * A stage condition rule's own roleArn, region and timeoutInMinutes, on a real Slipway that
 * requires signatures (--auth) and runs AWS's minutes at 300 times their speed: a rule role
 * CodePipeline may not assume, or a rule region with no artifact store, is refused at
 * CreatePipeline and writes nothing; a rule evaluates as its own role, and fails once CodePipeline
 * may no longer assume it; a DeploymentWindow still closed when the rule's timeout passes fails it.
 */
import {
  CodePipelineClient,
  CreatePipelineCommand,
  ListPipelinesCommand,
  ListRuleExecutionsCommand,
  type RuleDeclaration,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import { IAMClient, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adminCredentials, allowPolicy, createServiceRole, serviceTrust } from '../support/auth.ts';
import { approval, executionReaches, firstExecution, pipeline, s3Source, stage } from '../support/codepipeline.ts';
import { expectAwsError } from '../support/ecr.ts';
import { clientConfig, startTestSlipway, type TestSlipway, waitFor } from '../support/slipway.ts';

const BUCKET = 'condition-rules';
const role = (name: string) => `arn:aws:iam::000000000000:role/${name}`;
let s: TestSlipway;
let cp: CodePipelineClient;
let iam: IAMClient;

before(async () => {
  s = await startTestSlipway({ auth: true, timeScale: 300 });
  const config = { ...clientConfig(s.endpoint), credentials: adminCredentials(s.dataDir) };
  cp = new CodePipelineClient(config);
  iam = new IAMClient(config);
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'src.zip', Body: 'x' }));
  await createServiceRole(iam, 'pipelines', 'codepipeline.amazonaws.com', allowPolicy(['*']));
  await createServiceRole(iam, 'rules', 'codepipeline.amazonaws.com', allowPolicy(['*']));
  await createServiceRole(iam, 'trusts-ec2', 'ec2.amazonaws.com', allowPolicy(['*']));
});
after(() => s?.close());

const variableCheck = (extra: Partial<RuleDeclaration>): RuleDeclaration => ({
  name: 'Check',
  ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'VariableCheck', version: '1' },
  configuration: { Variable: '#{codepipeline.PipelineExecutionId}', Value: '-', Operator: 'NE' },
  ...extra,
});

/** A V2 pipeline (parallel executions): an S3 source, then Approve/Ok entered only when `rule` passes. */
const create = (name: string, rule: RuleDeclaration) =>
  cp.send(
    new CreatePipelineCommand({
      pipeline: {
        ...pipeline(name, BUCKET, [
          stage('Source', s3Source('Src', BUCKET, 'src.zip')),
          { ...stage('Approve', approval('Ok')), beforeEntry: { conditions: [{ result: 'FAIL', rules: [rule] }] } },
        ]),
        roleArn: role('pipelines'),
        pipelineType: 'V2',
        executionMode: 'PARALLEL',
      },
    }),
  );

describe("a condition rule's role, region and timeout", () => {
  it('CreatePipeline refuses a rule role CodePipeline may not assume, and a rule region without an artifact store', async () => {
    for (const roleArn of [role('trusts-ec2'), role('no-such-role')]) {
      await expectAwsError(
        create('refused', variableCheck({ roleArn })),
        'InvalidStructureException',
        `CodePipeline is not authorized to perform AssumeRole on role ${roleArn}`,
      );
    }
    await expectAwsError(
      create('refused', variableCheck({ region: 'eu-west-1' })),
      'InvalidStructureException',
      "Stage 'Approve': beforeEntry: Rule 'Check' runs in region 'eu-west-1', which has no artifact store: declare artifactStores with one for 'us-east-1' and one for 'eu-west-1'",
    );
    assert.deepEqual((await cp.send(new ListPipelinesCommand({}))).pipelines, []);
  });

  it('evaluates as its own role, and fails once CodePipeline may no longer assume it', async () => {
    await create('own-role', variableCheck({ roleArn: role('rules') }));
    const passed = await waitFor('the rule of the first execution to pass', async () => {
      const { ruleExecutionDetails } = await cp.send(new ListRuleExecutionsCommand({ pipelineName: 'own-role' }));
      return ruleExecutionDetails?.find((r) => r.status === 'Succeeded');
    });
    assert.equal(passed.input?.roleArn, role('rules'));

    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'rules', PolicyDocument: serviceTrust('ec2.amazonaws.com') }));
    const { pipelineExecutionId } = await cp.send(new StartPipelineExecutionCommand({ name: 'own-role' }));
    const failed = await executionReaches(cp, 'own-role', pipelineExecutionId!, ['Failed', 'Succeeded']);
    assert.equal(
      failed.statusSummary,
      `Stage 'Approve' entry condition failed: Rule 'Check' failed: CodePipeline is not authorized to perform AssumeRole on role ${role('rules')}`,
    );
  });

  it('fails a DeploymentWindow still closed when its timeoutInMinutes pass', async () => {
    const window: RuleDeclaration = {
      name: 'Window',
      ruleTypeId: { category: 'Rule', owner: 'AWS', provider: 'DeploymentWindow', version: '1' },
      configuration: { Cron: '0 0 0 1 1 ? 2199' },
      timeoutInMinutes: 5,
    };
    await create('timed', window);
    const failed = await executionReaches(cp, 'timed', await firstExecution(cp, 'timed'), ['Failed', 'Succeeded']);
    assert.equal(
      failed.statusSummary,
      "Stage 'Approve' entry condition failed: Rule 'Window' failed: The rule did not finish within its timeout of 5 minutes",
    );
    const { ruleExecutionDetails } = await cp.send(new ListRuleExecutionsCommand({ pipelineName: 'timed' }));
    assert.equal(ruleExecutionDetails?.[0].status, 'Failed');
    assert.equal(ruleExecutionDetails?.[0].input?.roleArn, role('pipelines'), "without a role of its own, the pipeline's");
  });
});
