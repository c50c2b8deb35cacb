/**
 * The console in Chromium against a real Slipway and real git: a CodeCommit-sourced pipeline with a
 * manual approval. A `git push` turns the source stage green in the open page; approving in the page
 * carries the execution to Succeeded, and its page shows the commit and the variables; an execution
 * started from the page with a variable is rejected there and shows Failed with the reviewer's words,
 * then its stage is retried from the page and the execution stopped there, abandoning the approval; a transition disabled with the CLI shows its reason and is
 * enabled from the page, letting the waiting execution in.
 */
import {
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  type CodePipelineClient,
} from '@aws-sdk/client-codepipeline';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { answer, approval, codepipelineClient, executionReaches, pipeline, stage } from '../support/codepipeline.ts';
import { s3Client } from '../support/s3.ts';
import { awsCli, startTestSlipway, type TestSlipway, waitFor } from '../support/slipway.ts';
import { browserForTests, keep, mark, stillMarked, waitForText } from './browser.ts';
import { pushFirstCommit, stageReaches, stageStatus } from './pipeline-page.ts';

const browser = browserForTests();
const BUCKET = 'console-pipelines';
let s: TestSlipway;
let cp: CodePipelineClient;
let work: string;
before(async () => {
  s = await startTestSlipway();
  cp = codepipelineClient(s.endpoint);
  work = join(s.dataDir, 'work');
  mkdirSync(work);
  await s3Client(s.endpoint).send(new CreateBucketCommand({ Bucket: BUCKET }));
  await awsCli(s.endpoint, ['codecommit', 'create-repository', '--repository-name', 'console-web']);
});
after(async () => {
  await s?.close();
});

/** A V2 pipeline with a `release` variable: the repository's main branch, then an approval that quotes the commit. */
const declaration = (name: string) =>
  pipeline(
    name,
    BUCKET,
    [
      stage('Source', {
        name: 'Source',
        namespace: 'SourceVariables',
        actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' },
        configuration: { RepositoryName: 'console-web', BranchName: 'main', PollForSourceChanges: 'false' },
        outputArtifacts: [{ name: 'SourceArtifact' }],
      }),
      stage('Approve', approval('Ok', { configuration: { CustomData: 'ship #{SourceVariables.CommitId} as #{variables.release}?' } })),
    ],
    { pipelineType: 'V2', variables: [{ name: 'release', defaultValue: 'r1' }] },
  );

const latestExecution = async (name: string) =>
  (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: 1 }))).pipelineExecutionSummaries![0];

describe('console: pipelines', () => {
  it('says which command makes the first pipeline', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 700 } });
    try {
      await page.goto(`${s.endpoint}/_slipway/console/pipelines`);
      await waitForText(page, 'main', (t) => t.includes('aws codepipeline create-pipeline'), 'the empty state');
      await keep(page, 'pipelines-empty');
    } finally {
      await page.close();
    }
  });

  it('turns the source stage green on a git push, and approving in the page carries the execution to Succeeded', async () => {
    await awsCli(s.endpoint, ['codepipeline', 'create-pipeline', '--pipeline', JSON.stringify(declaration('console-web'))]);
    const page = await browser().newPage({ viewport: { width: 1280, height: 1100 } });
    try {
      await page.goto(`${s.endpoint}/_slipway/console/pipelines`);
      await page.getByRole('link', { name: 'console-web' }).click();
      await page.waitForURL(/\/pipelines\/console-web$/);
      // The branch does not exist yet: the execution CreatePipeline started fails at the source, saying why.
      await stageReaches(page, 'Source', 'Failed');
      await waitForText(page, 'article[data-action="Source"]', (t) => t.includes('no branch named main'), 'the source error');
      await mark(page);

      const commit = await pushFirstCommit(s.endpoint, work, 'console-web', { 'index.html': '<h1>v1</h1>\n' }, 'first version');

      await stageReaches(page, 'Source', 'Succeeded');
      await stageReaches(page, 'Approve', 'InProgress');
      await waitForText(page, 'section.stage[data-stage="Source"] .stage-head', (t) => t.includes('took'), "the source stage's timing");
      await waitForText(page, 'section.stage[data-stage="Approve"] .stage-head', (t) => t.includes('running for'), 'the approval waiting');
      // The line the approval reported on the feed as it began.
      await waitForText(
        page,
        'article[data-action="Ok"] .line',
        (t) => t === `Waiting for approval: ship ${commit} as r1?`,
        "the approval's line",
      );
      const history = 'table[aria-label="execution history"] tbody tr';
      await waitForText(
        page,
        history,
        (t) => t.includes(commit.slice(0, 8)) && t.includes('first version'),
        'the pushed commit in the history',
      );
      assert.match((await page.locator(history).first().textContent()) ?? '', /CloudWatchEvent/);
      assert.match((await page.locator(history).first().locator('td').nth(5).textContent()) ?? '', /^running for \d+ s$/);
      assert.equal(await stillMarked(page), true, 'the page followed the push without a reload');
      await keep(page, 'pipeline-awaiting-approval');

      const form = page.locator('form[aria-label="approval Ok"]');
      await form.locator('input[name="summary"]').fill('looks good');
      await form.getByRole('button', { name: 'Approve' }).click();
      await stageReaches(page, 'Approve', 'Succeeded');
      await waitForText(page, history, (t) => t.includes('Succeeded'), 'the execution to succeed');
      const id = (await latestExecution('console-web')).pipelineExecutionId!;
      assert.equal((await executionReaches(cp, 'console-web', id, ['Succeeded', 'Failed'])).status, 'Succeeded');
      const state = await cp.send(new GetPipelineStateCommand({ name: 'console-web' }));
      const ok = state.stageStates!.find((x) => x.stageName === 'Approve')!.actionStates![0].latestExecution!;
      assert.equal(ok.summary, 'looks good', 'the summary typed in the page is the approval answer');
      await keep(page, 'pipeline-approved');

      // The execution's page: what started it, the commit, and its variables as they resolved.
      await page.getByRole('link', { name: id }).click();
      await page.waitForURL(new RegExp(`/executions/${id}$`));
      await waitForText(page, 'dl.facts', (t) => t.includes('Succeeded') && t.includes('first version'), 'the execution facts');
      await waitForText(page, 'table[aria-label="pipeline variables"]', (t) => t.includes('release') && t.includes('r1'), 'the variable');
      const vars = await waitForText(
        page,
        'table[aria-label="action variables"]',
        (t) => t.includes('SourceVariables.CommitId'),
        'the variables',
      );
      assert.ok(vars.includes(commit), 'the commit id output variable');
      assert.ok(vars.includes('first version'), 'the commit message output variable');
      assert.ok(vars.includes(`ship ${commit} as r1?`), "the approval's resolved configuration");
      await keep(page, 'pipeline-execution-variables');
    } finally {
      await page.close();
    }
  });

  it('starts an execution with a variable from the page, rejects it there, and retries the failed stage', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 1100 } });
    try {
      await page.goto(`${s.endpoint}/_slipway/console/pipelines/console-web`);
      const start = page.locator('form[aria-label="start an execution"]');
      await start.locator('input[name="release"]').fill('r2');
      await start.getByRole('button', { name: 'Release change' }).click();
      await waitForText(page, 'form[aria-label="start an execution"]', (t) => t.includes('Started'), 'the started execution');
      const started = await latestExecution('console-web');
      assert.equal(started.trigger?.triggerType, 'StartPipelineExecution');
      const { pipelineExecution } = await cp.send(
        new GetPipelineExecutionCommand({ pipelineName: 'console-web', pipelineExecutionId: started.pipelineExecutionId }),
      );
      assert.deepEqual(
        pipelineExecution?.variables?.map((v) => [v.name, v.resolvedValue]),
        [['release', 'r2']],
      );

      const form = page.locator('form[aria-label="approval Ok"]');
      await form.waitFor({ timeout: 90_000 });
      await form.locator('input[name="summary"]').fill('not today');
      await form.getByRole('button', { name: 'Reject' }).click();
      await stageReaches(page, 'Approve', 'Failed');
      await waitForText(page, 'article[data-action="Ok"]', (t) => t.includes('Rejected: not today'), 'the rejection with its summary');
      await waitForText(page, 'table[aria-label="execution history"] tbody tr', (t) => t.includes('Failed'), 'the failed execution');
      await keep(page, 'pipeline-rejected');

      await page.getByRole('button', { name: 'Retry failed actions' }).click();
      await stageReaches(page, 'Approve', 'InProgress');
      await form.waitFor({ timeout: 90_000 });
      assert.equal((await latestExecution('console-web')).status, 'InProgress', 'the retry resumed the same execution');
      await keep(page, 'pipeline-retried');

      // Stopped from its own page, abandoning the approval it waits on.
      const id = started.pipelineExecutionId!;
      await page.locator('table[aria-label="execution history"]').getByRole('link', { name: id }).click();
      await page.waitForURL(new RegExp(`/executions/${id}$`));
      const stop = page.locator('form[aria-label="stop the execution"]');
      await stop.locator('input[name="reason"]').fill('wrong release');
      page.once('dialog', (d) => void d.accept());
      await stop.getByRole('button', { name: 'Stop and abandon' }).click();
      await waitForText(page, 'dl.facts', (t) => t.includes('Stopped'), 'the execution stopped', 60_000);
      await waitForText(page, 'table[aria-label="action executions"]', (t) => t.includes('Abandoned'), 'the approval abandoned');
      const summary = (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'console-web' }))).pipelineExecutionSummaries!.find(
        (e) => e.pipelineExecutionId === id,
      )!;
      assert.equal(summary.status, 'Stopped');
      assert.equal(summary.stopTrigger?.reason, 'wrong release');
      await keep(page, 'pipeline-execution-abandoned');
    } finally {
      await page.close();
    }
  });

  it('shows a disabled transition with its reason and enables it from the page', async () => {
    await awsCli(s.endpoint, ['codepipeline', 'create-pipeline', '--pipeline', JSON.stringify(declaration('console-gate'))]);
    const first = await latestExecution('console-gate');
    await answer(cp, 'console-gate', first.pipelineExecutionId!, 'Approved');
    await executionReaches(cp, 'console-gate', first.pipelineExecutionId!, ['Succeeded']);

    const page = await browser().newPage({ viewport: { width: 1280, height: 1000 } });
    try {
      await page.goto(`${s.endpoint}/_slipway/console/pipelines/console-gate`);
      await stageReaches(page, 'Approve', 'Succeeded');
      const transition = page.locator('.transition[data-to="Approve"]');
      await mark(page);
      const args = ['--pipeline-name', 'console-gate', '--stage-name', 'Approve', '--transition-type', 'Inbound'];
      await awsCli(s.endpoint, ['codepipeline', 'disable-stage-transition', ...args, '--reason', 'Hold for the review']);
      await waitFor(
        'the transition disabled in the page',
        async () => (await transition.getAttribute('data-enabled')) === 'false',
        60_000,
        100,
      );
      assert.match((await transition.textContent()) ?? '', /Hold for the review/);

      const { pipelineExecutionId } = await awsCli(s.endpoint, ['codepipeline', 'start-pipeline-execution', '--name', 'console-gate']);
      await waitForText(
        page,
        'section.stage[data-stage="Approve"]',
        (t) => t.includes(`Waiting to enter: ${pipelineExecutionId.slice(0, 8)}`),
        'the execution waiting at the transition',
      );
      assert.equal(await stageStatus(page, 'Approve'), 'Succeeded', 'the waiting execution has not entered');
      assert.equal(await stillMarked(page), true, 'the page followed the change without a reload');
      await keep(page, 'pipeline-transition-disabled');

      await transition.getByRole('button', { name: 'Enable transition' }).click();
      await waitFor(
        'the transition enabled in the page',
        async () => (await transition.getAttribute('data-enabled')) === 'true',
        60_000,
        100,
      );
      await stageReaches(page, 'Approve', 'InProgress');
      const state = await cp.send(new GetPipelineStateCommand({ name: 'console-gate' }));
      assert.equal(state.stageStates!.find((x) => x.stageName === 'Approve')!.inboundTransitionState!.enabled, true);

      // A reason AWS would refuse is refused in words, and nothing changes.
      await transition.locator('input[name="reason"]').fill('no, not now');
      await transition.getByRole('button', { name: 'Disable transition' }).click();
      await waitForText(
        page,
        '.transition[data-to="Approve"] [role="alert"]',
        (t) => t.includes('reason'),
        'the refusal naming the field',
        30_000,
      );
      assert.equal(await transition.getAttribute('data-enabled'), 'true');
      await keep(page, 'pipeline-transition-enabled');

      // The list: each pipeline with its latest execution.
      await page.getByRole('link', { name: 'Pipelines' }).first().click();
      const row = (name: string) => `table[aria-label="pipelines"] tr[data-key="${name}"]`;
      await waitForText(page, row('console-web'), (t) => t.includes('Stopped') && t.includes('V2 · SUPERSEDED'), 'console-web stopped');
      await waitForText(page, row('console-gate'), (t) => t.includes('InProgress'), 'console-gate running');
      await keep(page, 'pipelines-list');
    } finally {
      await page.close();
    }
  });
});
