/**
 * Execution modes on real builds (S3 source → manual approval → CodeBuild), the approval holding
 * the first execution in its stage while more uploads arrive: SUPERSEDED lets the newest waiting
 * execution through and supersedes the one it overtook; QUEUED runs them all in order, a rejected
 * approval failing only its own execution. Each build reports which upload it built.
 */
import { ListActionExecutionsCommand, ListPipelineExecutionsCommand } from '@aws-sdk/client-codepipeline';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answer, approval, executionReaches, stage } from '../support/codepipeline.ts';
import { createFlow, flowBuild, flowsForTests, putSource } from '../support/pipeline-flows.ts';
import { waitFor } from '../support/slipway.ts';

const TIMEOUT = 5 * 60_000;
const BUILDSPEC =
  'version: 0.2\nenv:\n  exported-variables:\n    - VERSION\nphases:\n  build:\n    commands:\n      - export VERSION=$(cat version.txt)\n';
/** The file's Slipway and its CodePipeline client, once started. */
const flows = flowsForTests();

/** Uploads `version` as pipeline `name`'s source. */
const upload = (name: string, version: string) =>
  putSource(flows().s.endpoint, name, { 'buildspec.yml': BUILDSPEC, 'version.txt': version });

/** Uploads `version` and waits for the execution it starts to get past its source; returns its id. */
async function uploadAndWait(name: string, version: string, count: number): Promise<string> {
  await upload(name, version);
  const started = await waitFor(`upload ${version} to start execution ${count} of ${name}`, async () => {
    const all = (await flows().cp.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!;
    return all.length === count ? all[0]!.pipelineExecutionId : undefined;
  });
  await waitFor(`execution ${started} to get past its source`, async () => {
    const details = await flows().cp.send(
      new ListActionExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: started } }),
    );
    return details.actionExecutionDetails?.some((d) => d.actionName === 'Src' && d.status === 'Succeeded');
  });
  return started!;
}

/** Waits for execution `id` to end `status`; returns the VERSION its build exported, if it built. */
async function ends(name: string, id: string, status: string): Promise<string | undefined> {
  const done = await executionReaches(flows().cp, name, id, ['Succeeded', 'Failed', 'Superseded', 'Stopped'], TIMEOUT);
  assert.equal(done.status, status, `${id}: ${done.statusSummary}`);
  const details = await flows().cp.send(new ListActionExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: id } }));
  return details.actionExecutionDetails!.find((d) => d.actionName === 'Build')?.output?.outputVariables?.VERSION;
}

const stages = [stage('Approve', approval('Ok')), stage('Build', flowBuild)];

test('SUPERSEDED: of two uploads waiting behind an approval, the newer one goes on and the other is superseded', async () => {
  await upload('superseded', 'v1');
  const first = await createFlow(flows().cp, 'superseded', stages, { pipelineType: 'V2', executionMode: 'SUPERSEDED' });
  const second = await uploadAndWait('superseded', 'v2', 2);
  const third = await uploadAndWait('superseded', 'v3', 3);
  assert.equal(await ends('superseded', second, 'Superseded'), undefined, 'a superseded execution builds nothing');

  await answer(flows().cp, 'superseded', first, 'Approved');
  assert.equal(await ends('superseded', first, 'Succeeded'), 'v1');
  await answer(flows().cp, 'superseded', third, 'Approved');
  assert.equal(await ends('superseded', third, 'Succeeded'), 'v3');
});

test('QUEUED: waiting executions go through in order; a rejected approval fails only its own', async () => {
  await upload('queued', 'v1');
  const first = await createFlow(flows().cp, 'queued', stages, { pipelineType: 'V2', executionMode: 'QUEUED' });
  const second = await uploadAndWait('queued', 'v2', 2);
  const third = await uploadAndWait('queued', 'v3', 3);

  await answer(flows().cp, 'queued', first, 'Approved');
  assert.equal(await ends('queued', first, 'Succeeded'), 'v1');
  await answer(flows().cp, 'queued', second, 'Rejected', 'not this one');
  assert.equal(await ends('queued', second, 'Failed'), undefined);
  await answer(flows().cp, 'queued', third, 'Approved');
  assert.equal(await ends('queued', third, 'Succeeded'), 'v3');
});
