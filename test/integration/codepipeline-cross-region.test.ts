/**
 * A cross-region pipeline on a real Slipway: an S3 source in the pipeline's region (us-east-1),
 * then an S3 deploy action and a manual approval in eu-west-1. The source artifact is copied into
 * eu-west-1's artifact store before the deploy reads it there, and the approval waits in its region.
 */
import { type ActionDeclaration, ListActionExecutionsCommand, type PipelineDeclaration } from '@aws-sdk/client-codepipeline';
import { CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
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
import { s3Client, text } from '../support/s3.ts';

const EAST = 'pipeline-xr-east';
const WEST = 'pipeline-xr-west';
const SITE = 'site-xr-west';

describe('CodePipeline cross-region actions', () => {
  let b: PipelineBench;
  before(async () => {
    b = await pipelineBench(EAST);
    const west = s3Client(b.slipway.endpoint, 'eu-west-1');
    for (const Bucket of [WEST, SITE]) {
      await west.send(new CreateBucketCommand({ Bucket, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    }
  });
  after(async () => {
    await b?.slipway.close();
  });

  it('runs actions in another region against that region, with the artifacts copied into its store', async () => {
    await b.put('release.bin', 'release 1');
    const deploy: ActionDeclaration = {
      name: 'Publish',
      region: 'eu-west-1',
      actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'S3', version: '1' },
      configuration: { BucketName: SITE, Extract: 'false', ObjectKey: 'releases/app.bin' },
      inputArtifacts: [{ name: 'SourceArtifact' }],
    };
    const d: PipelineDeclaration = pipeline(
      'crossregion',
      EAST,
      [
        stage('Source', s3Source('Src', EAST, 'release.bin')),
        stage('Deploy', deploy),
        stage('Approve', approval('Ok', { region: 'eu-west-1' })),
      ],
      {
        artifactStore: undefined,
        artifactStores: { 'us-east-1': { type: 'S3', location: EAST }, 'eu-west-1': { type: 'S3', location: WEST } },
      },
    );
    await b.create(d);
    const id = await firstExecution(b.cp, 'crossregion');
    await answer(b.cp, 'crossregion', id, 'Approved');
    assert.equal((await executionReaches(b.cp, 'crossregion', id, ['Succeeded', 'Failed'])).status, 'Succeeded');

    const west = s3Client(b.slipway.endpoint, 'eu-west-1');
    const site = await west.send(new GetObjectCommand({ Bucket: SITE, Key: 'releases/app.bin' }));
    assert.equal(await text(site.Body), 'release 1');

    const { actionExecutionDetails } = await b.cp.send(
      new ListActionExecutionsCommand({ pipelineName: 'crossregion', filter: { pipelineExecutionId: id } }),
    );
    const source = actionExecutionDetails!.find((x) => x.actionName === 'Src')!;
    const published = actionExecutionDetails!.find((x) => x.actionName === 'Publish')!;
    assert.equal(source.output?.outputArtifacts?.[0].s3location?.bucket, EAST);
    assert.equal(published.input?.region, 'eu-west-1');
    const copied = published.input!.inputArtifacts![0].s3location!;
    assert.equal(copied.bucket, WEST, 'the deploy reads the artifact from its own region’s store');
    assert.equal(copied.key, source.output!.outputArtifacts![0].s3location!.key);
    const copy = await west.send(new GetObjectCommand({ Bucket: WEST, Key: copied.key! }));
    assert.equal(await text(copy.Body), 'release 1');
    assert.equal(actionExecutionDetails!.find((x) => x.actionName === 'Ok')!.input?.region, 'eu-west-1');
  });
});
