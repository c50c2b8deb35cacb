/**
 * V2 triggers' pull-request filters on a real Slipway with real git: a pull request opened on
 * Slipway's own git host (through `slipway git pr open`) and then updated by a push starts the
 * pipeline on its source branch's head, while a plain push, a closing the filter leaves out, and
 * a pull request touching only files outside the filter (computed by git from the merge base)
 * start nothing; a provider's signed GitHub `pull_request` webhook starts a pipeline reading
 * through a host, a badly signed one is refused, and a push webhook does not start it; GitLab's
 * merge request hook updates it.
 */
import { CodeStarConnectionsClient, CreateConnectionCommand, CreateHostCommand } from '@aws-sdk/client-codestar-connections';
import { CreatePipelineCommand, ListActionExecutionsCommand, ListPipelineExecutionsCommand } from '@aws-sdk/client-codepipeline';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { gitRepo } from '../support/codebuild.ts';
import { codepipelineClient, pullRequestPipeline } from '../support/codepipeline.ts';
import { rawRequest } from '../support/raw.ts';
import { aws, clientConfig, startTestSlipway, type TestSlipway, waitFor } from '../support/slipway.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/slipway.js', import.meta.url).pathname;
let s: TestSlipway;
let connections: CodeStarConnectionsClient;
const temps: string[] = [];
const cp = () => codepipelineClient(s.endpoint);

before(async () => {
  s = await startTestSlipway();
  connections = new CodeStarConnectionsClient(clientConfig(s.endpoint));
  await aws(s.endpoint, ['s3', 'mb', 's3://pr-artifacts']);
});
after(async () => {
  await s?.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

async function push(path: string, fullRepositoryId: string, refspec: string): Promise<void> {
  await run('git', ['push', '-q', `${s.endpoint}/_slipway/git/${fullRepositoryId}.git`, refspec], { cwd: path });
}

/** The executions a webhook or push started (not CreatePipeline's), oldest first. */
async function triggered(name: string) {
  const { pipelineExecutionSummaries } = await cp().send(new ListPipelineExecutionsCommand({ pipelineName: name }));
  return (pipelineExecutionSummaries ?? []).filter((e) => e.trigger?.triggerType === 'WebhookV2').reverse();
}

/** The source action's output variables in an execution, once it succeeded. */
async function sourceVariables(name: string, executionId: string): Promise<Record<string, string>> {
  return waitFor(`the source of ${executionId}`, async () => {
    const { actionExecutionDetails } = await cp().send(
      new ListActionExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: executionId } }),
    );
    const src = actionExecutionDetails?.find((a) => a.actionName === 'Src' && a.status === 'Succeeded');
    return src?.output?.outputVariables;
  });
}

describe("pull requests on Slipway's git host", () => {
  it('start the pipeline on open and update, on the source branch, when they touch the filtered paths', async () => {
    const arn = (await connections.send(new CreateConnectionCommand({ ConnectionName: 'local', ProviderType: 'GitHub' }))).ConnectionArn!;
    const repo = gitRepo({ 'src/app.ts': 'v1\n', 'docs/guide.md': 'g\n' });
    temps.push(repo.path);
    await push(repo.path, 'acme/web', 'HEAD:main');
    await cp().send(new CreatePipelineCommand({ pipeline: pullRequestPipeline('local-pr', 'pr-artifacts', arn, 'acme/web') }));

    // A push to a branch is no pull request event.
    const feature = repo.commitMore({ 'src/app.ts': 'v2\n' }, 'feature work');
    await push(repo.path, 'acme/web', 'HEAD:refs/heads/feature');
    const opened = await run(process.execPath, [
      bin,
      'git',
      'pr',
      'open',
      'acme/web',
      '--source',
      'feature',
      '--destination',
      'main',
      '--endpoint',
      s.endpoint,
    ]);
    assert.equal(JSON.parse(opened.stdout).number, 1);
    const [first] = await waitFor('an execution for the opened pull request', async () => {
      const found = await triggered('local-pr');
      return found.length ? found : undefined;
    });
    const variables = await sourceVariables('local-pr', first.pipelineExecutionId!);
    assert.equal(variables.CommitId, feature);
    assert.equal(variables.BranchName, 'feature');

    // A pull request changing only docs/ is outside the filter; an update of the first one is not.
    await run('git', ['checkout', '-q', '-b', 'docs-only', `${feature}~1`], { cwd: repo.path });
    const docs = repo.commitMore({ 'docs/guide.md': 'better\n' }, 'docs only');
    await push(repo.path, 'acme/web', 'HEAD:refs/heads/docs-only');
    const docsPr = await fetch(`${s.endpoint}/_slipway/git/acme/web/pulls`, {
      method: 'POST',
      body: JSON.stringify({ source: 'docs-only', destination: 'main' }),
    });
    assert.equal(docsPr.status, 201);
    await run('git', ['checkout', '-q', '-B', 'feature', feature], { cwd: repo.path });
    const updated = repo.commitMore({ 'README.md': 'readme\n' }, 'more feature work');
    await push(repo.path, 'acme/web', 'HEAD:refs/heads/feature');
    const second = await waitFor('an execution for the updated pull request', async () => (await triggered('local-pr'))[1]);
    // The update changed only README.md, but the request as a whole (from the merge base) changes src/app.ts.
    assert.equal((await sourceVariables('local-pr', second.pipelineExecutionId!)).CommitId, updated);

    // Closing is not among the filter's events; bad calls are refused and write nothing.
    const closed = await run(process.execPath, [bin, 'git', 'pr', 'close', 'acme/web', '1', '--endpoint', s.endpoint]);
    assert.equal(JSON.parse(closed.stdout).state, 'CLOSED');
    const twice = await fetch(`${s.endpoint}/_slipway/git/acme/web/pulls`, {
      method: 'POST',
      body: JSON.stringify({ source: 'docs-only', destination: 'main' }),
    });
    assert.equal(twice.status, 409);
    const missing = await fetch(`${s.endpoint}/_slipway/git/acme/web/pulls`, {
      method: 'POST',
      body: JSON.stringify({ source: 'nope', destination: 'main' }),
    });
    assert.equal(missing.status, 404);
    const list = (await (await fetch(`${s.endpoint}/_slipway/git/acme/web/pulls`)).json()) as { pullRequests: { state: string }[] };
    assert.deepEqual(
      list.pullRequests.map((p) => p.state),
      ['CLOSED', 'OPEN'],
    );

    // Only the two events the filter takes started anything: not the push, the docs-only request or the closing.
    const all = await triggered('local-pr');
    assert.equal(all.length, 2, JSON.stringify(all.map((e) => e.sourceRevisions)));
    assert.ok(!all.some((e) => e.sourceRevisions?.some((r) => r.revisionId === docs)));
  });
});

describe('a GitHub pull_request webhook', () => {
  let arn: string;
  const hook = (body: string, headers: Record<string, string>) =>
    rawRequest(s.endpoint, {
      method: 'POST',
      path: `/_slipway/connections/${arn.split('/').pop()}/webhook`,
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const signed = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

  it('starts a pull-request-filtered pipeline when signed, and neither a bad signature nor a push does', async () => {
    await aws(s.endpoint, ['secretsmanager', 'create-secret', '--name', 'gh-hook', '--secret-string', 'pr-s3cret']);
    const { HostArn } = await connections.send(
      new CreateHostCommand({ Name: 'ghes', ProviderType: 'GitHubEnterpriseServer', ProviderEndpoint: `${s.endpoint}/_slipway/git` }),
    );
    arn = (
      await connections.send(
        new CreateConnectionCommand({ ConnectionName: 'ghes', HostArn, Tags: [{ Key: 'slipway:webhook-secret', Value: 'gh-hook' }] }),
      )
    ).ConnectionArn!;
    const upstream = gitRepo({ 'src/lib.ts': 'v1\n' });
    temps.push(upstream.path);
    await push(upstream.path, 'upstream/svc', 'HEAD:main');
    await cp().send(new CreatePipelineCommand({ pipeline: pullRequestPipeline('gh-pr', 'pr-artifacts', arn, 'upstream/svc') }));
    const head = upstream.commitMore({ 'src/lib.ts': 'v2\n' }, 'change the lib');
    await push(upstream.path, 'upstream/svc', 'HEAD:refs/heads/topic');

    const pushed = JSON.stringify({ ref: 'refs/heads/topic', after: head, repository: { full_name: 'upstream/svc' } });
    const pushAnswer = await hook(pushed, { 'x-github-event': 'push', 'x-hub-signature-256': signed(pushed, 'pr-s3cret') });
    assert.equal(pushAnswer.status, 200, pushAnswer.text);

    const payload = JSON.stringify({
      action: 'opened',
      number: 7,
      pull_request: { number: 7, title: 'Change the lib', head: { ref: 'topic', sha: head }, base: { ref: 'main' } },
      repository: { full_name: 'upstream/svc' },
    });
    const bad = await hook(payload, { 'x-github-event': 'pull_request', 'x-hub-signature-256': signed(payload, 'not-it') });
    assert.equal(bad.status, 401);
    // A head neither the mirror nor the provider's refs/pull/7/head has is refused, not replaced by a same-named branch's.
    const fork = payload.replace(head, 'a'.repeat(40));
    const forked = await hook(fork, { 'x-github-event': 'pull_request', 'x-hub-signature-256': signed(fork, 'pr-s3cret') });
    assert.equal(forked.status, 422, forked.text);
    const good = await hook(payload, { 'x-github-event': 'pull_request', 'x-hub-signature-256': signed(payload, 'pr-s3cret') });
    assert.equal(good.status, 200, good.text);
    assert.deepEqual(JSON.parse(good.text), { fetched: 'upstream/svc', pullRequest: '7', event: 'OPEN' });
    const [execution, ...more] = await waitFor('the pull request execution', async () => {
      const found = await triggered('gh-pr');
      return found.length ? found : undefined;
    });
    assert.deepEqual(more, [], 'the push webhook started nothing');
    const variables = await sourceVariables('gh-pr', execution.pipelineExecutionId!);
    assert.equal(variables.CommitId, head);
    assert.equal(variables.BranchName, 'topic');
    assert.equal(variables.ConnectionArn, arn);

    // GitLab's merge request hook, with its token: an update without new commits is no event; one with them is UPDATED.
    const next = upstream.commitMore({ 'src/lib.ts': 'v3\n' }, 'more lib');
    await push(upstream.path, 'upstream/svc', 'HEAD:refs/heads/topic');
    const mr = (attributes: Record<string, unknown>) =>
      JSON.stringify({
        object_kind: 'merge_request',
        project: { path_with_namespace: 'upstream/svc' },
        object_attributes: { iid: 7, source_branch: 'topic', target_branch: 'main', last_commit: { id: next }, ...attributes },
      });
    const gitlab = (body: string, token = 'pr-s3cret') => hook(body, { 'x-gitlab-event': 'Merge Request Hook', 'x-gitlab-token': token });
    assert.equal((await gitlab(mr({ action: 'update', oldrev: head }), 'wrong')).status, 401);
    assert.equal((await gitlab(mr({ action: 'update' }))).status, 202);
    const updated = await gitlab(mr({ action: 'update', oldrev: head }));
    assert.deepEqual(JSON.parse(updated.text), { fetched: 'upstream/svc', pullRequest: '7', event: 'UPDATED' });
    const second = await waitFor('the merge request execution', async () => (await triggered('gh-pr'))[1]);
    assert.equal((await sourceVariables('gh-pr', second.pipelineExecutionId!)).CommitId, next);
  });
});
