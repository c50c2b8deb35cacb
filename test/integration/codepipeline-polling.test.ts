/**
 * PollForSourceChanges on a real Slipway: a CodeCommit or S3 source that polls (AWS's default) is
 * read once a minute of the scaled clock, and a new commit or a new object version starts the
 * pipeline with trigger PollForSourceChanges; the push or upload event alone starts nothing.
 */
import { GetPipelineExecutionCommand, ListPipelineExecutionsCommand, type PipelineExecutionSummary } from '@aws-sdk/client-codepipeline';
import { PutBucketVersioningCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  answer,
  approval,
  executionReaches,
  firstExecution,
  gitIn,
  pipeline,
  stage,
  type PipelineBench,
  pipelineBench,
} from '../support/codepipeline.ts';
import { s3Client } from '../support/s3.ts';
import { awsCli, waitFor } from '../support/slipway.ts';

const BUCKET = 'pipeline-polling';

describe('CodePipeline PollForSourceChanges', () => {
  let b: PipelineBench;
  before(async () => {
    b = await pipelineBench(BUCKET);
  });
  after(async () => {
    await b?.slipway.close();
  });

  const executions = async (name: string): Promise<PipelineExecutionSummary[]> =>
    (await b.cp.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!;

  /** Waits for a second execution of `name`; returns it. */
  const polled = (name: string) =>
    waitFor(`a polled change to start ${name}`, async () => {
      const all = await executions(name);
      return all.length === 2 && all[0];
    });

  it('S3: a new object version starts the pipeline on the next poll', async () => {
    const s3 = s3Client(b.slipway.endpoint);
    await s3.send(new PutBucketVersioningCommand({ Bucket: BUCKET, VersioningConfiguration: { Status: 'Enabled' } }));
    await b.put('polled.zip', 'v1');
    await b.create(
      pipeline('polled', BUCKET, [
        stage('Source', {
          name: 'Src',
          actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' },
          configuration: { S3Bucket: BUCKET, S3ObjectKey: 'polled.zip', PollForSourceChanges: 'true' },
          outputArtifacts: [{ name: 'SourceArtifact' }],
        }),
        stage('Approve', approval('Ok')),
      ]),
    );
    await answer(b.cp, 'polled', await firstExecution(b.cp, 'polled'), 'Approved');
    const { VersionId } = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'polled.zip', Body: 'v2' }));
    const second = await polled('polled');
    assert.equal(second.trigger?.triggerType, 'PollForSourceChanges');
    assert.equal(second.trigger?.triggerDetail, 'Src');
    await answer(b.cp, 'polled', second.pipelineExecutionId!, 'Approved');
    await executionReaches(b.cp, 'polled', second.pipelineExecutionId!, ['Succeeded']);
    const { pipelineExecution } = await b.cp.send(
      new GetPipelineExecutionCommand({ pipelineName: 'polled', pipelineExecutionId: second.pipelineExecutionId }),
    );
    assert.equal(pipelineExecution?.artifactRevisions?.[0].revisionId, VersionId);
    // Nothing new: later polls start nothing more.
    await new Promise((r) => setTimeout(r, b.slipway.app.ctx.clock.duration(3 * 60_000)));
    assert.equal((await executions('polled')).length, 2);
  });

  it('CodeCommit: a pushed commit starts the pipeline on the next poll, not on the push event', async () => {
    await awsCli(b.slipway.endpoint, ['codecommit', 'create-repository', '--repository-name', 'polled-repo']);
    const work = join(b.slipway.dataDir, 'polled-repo');
    mkdirSync(work);
    const g = gitIn(work);
    await g('init', '-q', '-b', 'main');
    writeFileSync(join(work, 'app.txt'), 'one\n');
    await g('add', '.');
    await g('commit', '-q', '-m', 'one');
    await g('remote', 'add', 'origin', `${b.slipway.endpoint.replace('://', '://dev-at-000000000000:secret@')}/v1/repos/polled-repo`);
    await g('push', '-q', 'origin', 'main');
    await b.create(
      pipeline('polled-git', BUCKET, [
        stage('Source', {
          name: 'Git',
          actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' },
          // PollForSourceChanges left out: AWS's default is true.
          configuration: { RepositoryName: 'polled-repo', BranchName: 'main' },
          outputArtifacts: [{ name: 'SourceArtifact' }],
        }),
        stage('Approve', approval('Ok')),
      ]),
    );
    const first = await firstExecution(b.cp, 'polled-git');
    await answer(b.cp, 'polled-git', first, 'Approved');
    await executionReaches(b.cp, 'polled-git', first, ['Succeeded']);
    writeFileSync(join(work, 'app.txt'), 'two\n');
    await g('commit', '-q', '-am', 'two');
    await g('push', '-q', 'origin', 'main');
    const commit = await g('rev-parse', 'HEAD');
    const second = await polled('polled-git');
    assert.equal(second.trigger?.triggerType, 'PollForSourceChanges');
    assert.equal(second.trigger?.triggerDetail, 'Git');
    await answer(b.cp, 'polled-git', second.pipelineExecutionId!, 'Approved');
    await executionReaches(b.cp, 'polled-git', second.pipelineExecutionId!, ['Succeeded']);
    assert.equal((await executions('polled-git'))[0].sourceRevisions?.[0].revisionId, commit);
    assert.equal((await executions('polled-git')).length, 2, 'the push event did not start one of its own');
  });
});
