/**
 * CodePipeline's pipeline API on a real Slipway, through SDK v3 and the aws CLI: AWS's structure
 * rules and their errors (nothing written), versions, metadata, tags, paging, and deletion.
 */
import {
  CreatePipelineCommand,
  DeletePipelineCommand,
  GetPipelineCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdatePipelineCommand,
  type CodePipelineClient,
  type PipelineDeclaration,
} from '@aws-sdk/client-codepipeline';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { approval, codepipelineClient, pipeline, s3Source, stage } from '../support/codepipeline.ts';
import { s3Client } from '../support/s3.ts';
import { awsCli, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const BUCKET = 'pipeline-api-artifacts';

describe('CodePipeline pipelines', () => {
  let slipway: TestSlipway;
  let cp: CodePipelineClient;
  const valid = (name: string) =>
    pipeline(name, BUCKET, [stage('Source', s3Source('Src', BUCKET, 'src.zip')), stage('Approve', approval('Ok'))]);

  before(async () => {
    slipway = await startTestSlipway();
    cp = codepipelineClient(slipway.endpoint);
    const s3 = s3Client(slipway.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'src.zip', Body: 'zip' }));
  });
  after(async () => {
    await slipway?.close();
  });

  const refused = async (declaration: PipelineDeclaration, code: string, message: RegExp) => {
    await assert.rejects(cp.send(new CreatePipelineCommand({ pipeline: declaration })), (err: Error) => {
      assert.equal(err.name, code, err.message);
      assert.match(err.message, message);
      return true;
    });
    await assert.rejects(cp.send(new GetPipelineCommand({ name: declaration.name })), { name: 'PipelineNotFoundException' });
  };

  it('refuses declarations that break AWS structure rules, naming what is wrong, and writes nothing', async () => {
    const src = s3Source('Src', BUCKET, 'src.zip');
    await refused(pipeline('one-stage', BUCKET, [stage('Source', src)]), 'InvalidStructureException', /at least two stages/);
    await refused(
      pipeline('approval-first', BUCKET, [stage('Source', approval('Ok')), stage('Two', approval('Ok'))]),
      'InvalidStructureException',
      /first stage may hold only source actions/,
    );
    await refused(
      pipeline('late-source', BUCKET, [stage('Source', src), stage('Two', s3Source('Again', BUCKET, 'x', 'Other'))]),
      'InvalidStructureException',
      /Source action 'Again' is not in the first stage/,
    );
    await refused(
      pipeline('dup-artifact', BUCKET, [stage('Source', src, s3Source('Src2', BUCKET, 'y')), stage('Two', approval('Ok'))]),
      'InvalidStructureException',
      /Output artifact name 'SourceArtifact' is used by more than one action/,
    );
    await refused(
      pipeline('missing-input', BUCKET, [stage('Source', src), stage('Two', approval('Ok', { inputArtifacts: [{ name: 'Nope' }] }))]),
      'InvalidActionDeclarationException',
      /input artifacts/,
    );
    await refused(
      pipeline('unknown-type', BUCKET, [
        stage('Source', src),
        stage('Build', { name: 'B', actionTypeId: { category: 'Build', owner: 'AWS', provider: 'NoSuchBuilder', version: '1' } }),
      ]),
      'InvalidActionDeclarationException',
      /Provider: 'NoSuchBuilder'.*in action 'B' is not available/,
    );
    const noKey = { ...src, configuration: { S3Bucket: BUCKET } };
    await refused(
      pipeline('missing-config', BUCKET, [stage('Source', noKey), stage('Two', approval('Ok'))]),
      'InvalidActionDeclarationException',
      /missing required configuration 'S3ObjectKey'/,
    );
    await refused(
      { ...valid('v1-queued'), executionMode: 'QUEUED' },
      'InvalidStructureException',
      /QUEUED can only be used with V2 pipelines/,
    );
    await refused(
      { ...valid('v1-variables'), variables: [{ name: 'env', defaultValue: 'dev' }] },
      'InvalidStructureException',
      /variables can only be used with V2 pipelines/,
    );
    await refused(
      {
        ...valid('codecommit-trigger'),
        pipelineType: 'V2',
        triggers: [
          {
            providerType: 'CodeStarSourceConnection',
            gitConfiguration: { sourceActionName: 'Src', push: [{ branches: { includes: ['main'] } }] },
          },
        ],
      },
      'InvalidStructureException',
      /Triggers can only be used with CodeStarSourceConnection source actions/,
    );
    await refused(
      pipeline('dup-stage', BUCKET, [stage('Source', src), stage('Source', approval('Ok'))]),
      'InvalidStructureException',
      /Stage name 'Source' is used more than once/,
    );
    // The model's own rules come first: runOrder 1–999.
    const badOrder = valid('bad-order');
    badOrder.stages![1].actions![0].runOrder = 1000;
    await assert.rejects(cp.send(new CreatePipelineCommand({ pipeline: badOrder })), { name: 'ValidationException' });
  });

  it('creates a pipeline (its first execution starts), bumps its version on update, keeps older versions readable', async () => {
    const created = await cp.send(new CreatePipelineCommand({ pipeline: valid('versions'), tags: [{ key: 'team', value: 'web' }] }));
    assert.equal(created.pipeline?.version, 1);
    assert.equal(created.pipeline?.pipelineType, 'V1');
    assert.equal(created.pipeline?.executionMode, 'SUPERSEDED');
    await assert.rejects(cp.send(new CreatePipelineCommand({ pipeline: valid('versions') })), {
      name: 'PipelineNameInUseException',
      message: "A pipeline with the name 'versions' already exists in account '000000000000'",
    });
    const runs = await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'versions' }));
    assert.equal(runs.pipelineExecutionSummaries?.length, 1);
    assert.equal(runs.pipelineExecutionSummaries?.[0].trigger?.triggerType, 'CreatePipeline');

    const got = await cp.send(new GetPipelineCommand({ name: 'versions' }));
    assert.equal(got.metadata?.pipelineArn, 'arn:aws:codepipeline:us-east-1:000000000000:versions');
    assert.ok(got.metadata?.created instanceof Date);
    const next = { ...got.pipeline!, stages: [...got.pipeline!.stages!, stage('Again', approval('Ok2'))] };
    const updated = await cp.send(new UpdatePipelineCommand({ pipeline: next }));
    assert.equal(updated.pipeline?.version, 2);
    await assert.rejects(cp.send(new UpdatePipelineCommand({ pipeline: next })), /not the latest version/);
    assert.equal((await cp.send(new GetPipelineCommand({ name: 'versions' }))).pipeline?.stages?.length, 3);
    assert.equal((await cp.send(new GetPipelineCommand({ name: 'versions', version: 1 }))).pipeline?.stages?.length, 2);
    await assert.rejects(cp.send(new GetPipelineCommand({ name: 'versions', version: 9 })), { name: 'PipelineVersionNotFoundException' });
  });

  it('tags a pipeline by ARN; aws: keys are refused', async () => {
    const arn = 'arn:aws:codepipeline:us-east-1:000000000000:versions';
    await cp.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'stage', value: 'prod' }] }));
    await cp.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['team'] }));
    assert.deepEqual((await cp.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, [{ key: 'stage', value: 'prod' }]);
    await assert.rejects(cp.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'aws:x', value: '1' }] })), {
      name: 'InvalidTagsException',
    });
    await assert.rejects(cp.send(new ListTagsForResourceCommand({ resourceArn: 'arn:aws:codepipeline:us-east-1:000000000000:nope' })), {
      name: 'ResourceNotFoundException',
    });
  });

  it('the aws CLI creates from a JSON file, lists with paging, and deletes', async () => {
    const file = join(slipway.dataDir, 'pipeline.json');
    for (const name of ['cli-a', 'cli-b', 'cli-c']) {
      writeFileSync(file, JSON.stringify({ pipeline: valid(name) }));
      await awsCli(slipway.endpoint, ['codepipeline', 'create-pipeline', '--cli-input-json', `file://${file}`]);
    }
    const listed = await awsCli(slipway.endpoint, ['codepipeline', 'list-pipelines']);
    assert.deepEqual(
      listed.pipelines.map((p: { name: string }) => p.name),
      ['cli-a', 'cli-b', 'cli-c', 'versions'],
    );
    const first = await cp.send(new ListPipelinesCommand({ maxResults: 2 }));
    assert.equal(first.pipelines?.length, 2);
    const second = await cp.send(new ListPipelinesCommand({ maxResults: 2, nextToken: first.nextToken }));
    assert.deepEqual(
      second.pipelines?.map((p) => p.name),
      ['cli-c', 'versions'],
    );
    await assert.rejects(cp.send(new ListPipelinesCommand({ nextToken: 'bogus' })), { name: 'InvalidNextTokenException' });
    await awsCli(slipway.endpoint, ['codepipeline', 'delete-pipeline', '--name', 'cli-b']);
    await assert.rejects(cp.send(new GetPipelineCommand({ name: 'cli-b' })), {
      name: 'PipelineNotFoundException',
      message: "Account '000000000000' does not have a pipeline with name 'cli-b'",
    });
    await assert.rejects(
      cp.send(new DeletePipelineCommand({ name: 'cli-b' })).then(() => Promise.reject(new Error('ok'))),
      /ok/,
    );
  });
});
