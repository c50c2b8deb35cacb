/**
 * A CodeCommit-sourced pipeline on a real Slipway: a real `git push` starts it, the source zips the
 * pushed commit into the artifact store (copied back with `aws s3 cp` and unzipped), its output
 * variables name the commit, and `slipway pipeline follow` prints the execution as it happens and
 * exits by its result.
 */
import {
  CreatePipelineCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  type CodePipelineClient,
} from '@aws-sdk/client-codepipeline';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import {
  actionState,
  approval,
  codepipelineClient,
  executionReaches,
  followPipeline,
  gitIn,
  pipeline,
  stage,
} from '../support/codepipeline.ts';
import { s3Client } from '../support/s3.ts';
import { aws, awsCli, startTestSlipway, type TestSlipway, waitFor } from '../support/slipway.ts';

const run = promisify(execFile);
const BUCKET = 'codecommit-pipeline';

describe('a CodeCommit-sourced pipeline', () => {
  let slipway: TestSlipway;
  let cp: CodePipelineClient;
  let work: string;

  before(async () => {
    slipway = await startTestSlipway();
    cp = codepipelineClient(slipway.endpoint);
    work = join(slipway.dataDir, 'work');
    mkdirSync(work);
    await s3Client(slipway.endpoint).send(new CreateBucketCommand({ Bucket: BUCKET }));
    await awsCli(slipway.endpoint, ['codecommit', 'create-repository', '--repository-name', 'web']);
  });
  after(async () => {
    await slipway?.close();
  });

  it('starts on a git push to its branch and stores the commit zipped where aws s3 cp reaches it', async () => {
    await cp.send(
      new CreatePipelineCommand({
        pipeline: pipeline('web-pipeline', BUCKET, [
          stage('Source', {
            name: 'Source',
            namespace: 'SourceVariables',
            actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' },
            configuration: { RepositoryName: 'web', BranchName: 'main', PollForSourceChanges: 'false' },
            outputArtifacts: [{ name: 'SourceArtifact' }],
          }),
          stage('Approve', approval('Ok', { configuration: { CustomData: 'ship #{SourceVariables.CommitId}?' } })),
        ]),
      }),
    );
    // The repository has no branch yet: the execution CreatePipeline starts fails, saying so.
    const [first] = (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'web-pipeline' }))).pipelineExecutionSummaries!;
    const failed = await executionReaches(cp, 'web-pipeline', first.pipelineExecutionId!, ['Failed', 'Succeeded']);
    assert.match(failed.statusSummary ?? '', /no branch named main was found in the selected AWS CodeCommit repository web/);

    const repo = join(work, 'web');
    await gitIn(work)('init', '-q', '-b', 'main', repo);
    const g = gitIn(repo);
    mkdirSync(join(repo, 'src'));
    writeFileSync(join(repo, 'src', 'main.py'), 'print({"Hello": "World"})\n');
    await g('add', '.');
    await g('commit', '-q', '-m', 'first version');
    await g('remote', 'add', 'origin', `${slipway.endpoint.replace('://', '://dev-at-000000000000:secret@')}/v1/repos/web`);
    await g('push', '-q', 'origin', 'main');
    const commit = await g('rev-parse', 'HEAD');

    const pushed = await waitFor('the push to start an execution', async () => {
      const all = (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'web-pipeline' }))).pipelineExecutionSummaries!;
      return all.length === 2 && all[0];
    });
    assert.equal(pushed.trigger?.triggerType, 'CloudWatchEvent');
    const id = pushed.pipelineExecutionId!;
    const { action } = await actionState(
      cp,
      'web-pipeline',
      'Approve',
      'Ok',
      (l) => l.status === 'InProgress' && l.pipelineExecutionId === id,
    );

    const details = (await cp.send(new ListActionExecutionsCommand({ pipelineName: 'web-pipeline', filter: { pipelineExecutionId: id } })))
      .actionExecutionDetails!;
    const source = details.find((d) => d.actionName === 'Source')!;
    assert.equal(source.output?.outputVariables?.CommitId, commit);
    assert.equal(source.output?.outputVariables?.CommitMessage, 'first version');
    assert.equal(source.output?.outputVariables?.BranchName, 'main');
    assert.equal(source.output?.outputVariables?.RepositoryName, 'web');
    assert.match(source.output?.outputVariables?.AuthorDate ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(details.find((d) => d.actionName === 'Ok')?.input?.resolvedConfiguration?.CustomData, `ship ${commit}?`);
    const key = source.output!.outputArtifacts![0].s3location!.key!;
    assert.match(key, /^web-pipeline\/SourceArtifact\/[A-Za-z0-9]{7}$/);
    const zip = join(work, 'artifact.zip');
    await aws(slipway.endpoint, ['s3', 'cp', `s3://${BUCKET}/${key}`, zip]);
    await run('unzip', ['-q', zip, '-d', join(work, 'unzipped')]);
    assert.equal(readFileSync(join(work, 'unzipped', 'src', 'main.py'), 'utf8'), 'print({"Hello": "World"})\n');

    // A push to another branch is not a change for this source.
    await g('checkout', '-q', '-b', 'feature');
    await g('commit', '-q', '--allow-empty', '-m', 'elsewhere');
    await g('push', '-q', 'origin', 'feature');
    assert.equal(
      (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'web-pipeline' }))).pipelineExecutionSummaries!.length,
      2,
    );

    // slipway pipeline follow prints the execution until it ends, and exits 0 on success.
    const following = followPipeline(slipway.endpoint, 'web-pipeline');
    await new Promise((r) => setTimeout(r, 500));
    await awsCli(slipway.endpoint, [
      'codepipeline',
      'put-approval-result',
      '--pipeline-name',
      'web-pipeline',
      '--stage-name',
      'Approve',
      '--action-name',
      'Ok',
      '--token',
      action.latestExecution!.token!,
      '--result',
      'summary=ship it,status=Approved',
    ]);
    const { output, code } = await following;
    assert.equal(code, 0, output);
    assert.match(output, new RegExp(`execution ${id} of web-pipeline \\(CloudWatchEvent\\)`));
    assert.match(output, /Source\/Source {2}Succeeded/);
    assert.match(output, /Approve\/Ok {2}Succeeded/);
    assert.ok(output.includes(`Approve/Ok  InProgress  (${action.latestExecution!.token})`), 'the approval token is shown while it waits');
    assert.match(output, /result: Succeeded/);
  });

  it('slipway pipeline follow shows why an execution failed and exits non-zero', async () => {
    const started = await awsCli(slipway.endpoint, ['codepipeline', 'start-pipeline-execution', '--name', 'web-pipeline']);
    const all = (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'web-pipeline' }))).pipelineExecutionSummaries!;
    assert.deepEqual(
      all.map((e) => e.trigger?.triggerType),
      ['StartPipelineExecution', 'CloudWatchEvent', 'CreatePipeline'],
      'the push to another branch started nothing',
    );
    const { action } = await actionState(
      cp,
      'web-pipeline',
      'Approve',
      'Ok',
      (l) => l.status === 'InProgress' && l.pipelineExecutionId === started.pipelineExecutionId,
    );
    const following = followPipeline(slipway.endpoint, 'web-pipeline');
    await new Promise((r) => setTimeout(r, 500));
    await awsCli(slipway.endpoint, [
      'codepipeline',
      'put-approval-result',
      '--pipeline-name',
      'web-pipeline',
      '--stage-name',
      'Approve',
      '--action-name',
      'Ok',
      '--token',
      action.latestExecution!.token!,
      '--result',
      'summary=not today,status=Rejected',
    ]);
    const { output, code } = await following;
    assert.equal(code, 1, output);
    assert.match(output, /Approve\/Ok {2}Failed: JobFailed: Rejected: not today/);
    assert.match(output, /result: Failed/);
  });
});
