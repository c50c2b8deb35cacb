/**
 * Pull requests whose head is in a fork, and Bitbucket Cloud's and Azure DevOps' pull request
 * events, on a real Slipway with real git. On Slipway's own git host `slipway git pr open
 * --source-repository` takes a fork's branch and publishes refs/pull/<n>/head in the base
 * repository; a GitHub webhook for a fork's pull request is fetched from there, a GitLab one whose
 * refs/merge-requests/<iid>/head the host does not have from the fork itself, through the
 * connection; Bitbucket's signed `pullrequest:*` keys and Azure DevOps' `git.pullrequest.*` service
 * hooks start (or, closing, do not start) the pull-request-filtered pipeline. A Bitbucket or Azure
 * DevOps fork's pull request, whose head the base repository does not hold, is built in a real
 * container from a CODEBUILD_CLONE_REF source: the build clones the base and fetches the head from
 * the fork. The "provider" is Slipway's own git host, reached through a connection's host.
 */
import { CodeStarConnectionsClient, CreateConnectionCommand, CreateHostCommand } from '@aws-sdk/client-codestar-connections';
import type { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { CreatePipelineCommand, ListActionExecutionsCommand, ListPipelineExecutionsCommand } from '@aws-sdk/client-codepipeline';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { createProject, gitRepo, startCodebuildSlipway } from '../support/codebuild.ts';
import { codepipelineClient, executionReaches, pullRequestPipeline, stage } from '../support/codepipeline.ts';
import { rawRequest } from '../support/raw.ts';
import { aws, clientConfig, facadeOf, type TestSlipway, waitFor } from '../support/slipway.ts';
import type { ConnectionsFacade } from '../../src/services/connections/index.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/slipway.js', import.meta.url).pathname;
const SECRET = 'fork-s3cret';
let s: TestSlipway;
let cb: CodeBuildClient;
let connections: CodeStarConnectionsClient;
const temps: string[] = [];
const cp = () => codepipelineClient(s.endpoint);

before(async () => {
  ({ s, cb } = await startCodebuildSlipway(20));
  connections = new CodeStarConnectionsClient(clientConfig(s.endpoint));
  // Exports the commit the build was given and a file only the fork's head has.
  const buildspec = `version: 0.2
env:
  exported-variables: [RESOLVED, FORK_TXT]
phases:
  build:
    commands:
      - export RESOLVED="$CODEBUILD_RESOLVED_SOURCE_VERSION"
      - export FORK_TXT="$(cat fork.txt)"
`;
  await createProject(cb, { name: 'fork-build', source: { type: 'CODEPIPELINE', buildspec }, artifacts: { type: 'CODEPIPELINE' } });
  await aws(s.endpoint, ['s3', 'mb', 's3://fork-artifacts']);
  await aws(s.endpoint, ['secretsmanager', 'create-secret', '--name', 'fork-hook', '--secret-string', SECRET]);
});
after(async () => {
  await s?.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

async function push(path: string, fullRepositoryId: string, refspec: string): Promise<void> {
  await run('git', ['push', '-q', `${s.endpoint}/_slipway/git/${fullRepositoryId}.git`, refspec], { cwd: path });
}

/** A repository on the git host and a fork of it (the same history under another owner). */
async function repoAndFork(base: string, fork: string) {
  const repo = gitRepo({ 'src/app.ts': 'v1\n', 'docs/guide.md': 'g\n' });
  temps.push(repo.path);
  await push(repo.path, base, 'HEAD:main');
  await push(repo.path, fork, 'HEAD:main');
  return repo;
}

async function createPrPipeline(name: string, connectionArn: string, fullRepositoryId: string): Promise<void> {
  await cp().send(new CreatePipelineCommand({ pipeline: pullRequestPipeline(name, 'fork-artifacts', connectionArn, fullRepositoryId) }));
}

/** The commit and branch the n-th (from 0) webhook-started execution's source read, once it has. */
async function nthRun(name: string, n: number): Promise<{ CommitId: string; BranchName: string }> {
  const execution = await waitFor(`execution ${n} of ${name}`, async () => {
    const { pipelineExecutionSummaries } = await cp().send(new ListPipelineExecutionsCommand({ pipelineName: name }));
    return (pipelineExecutionSummaries ?? []).filter((e) => e.trigger?.triggerType === 'WebhookV2').reverse()[n];
  });
  const variables = await waitFor(`the source of ${execution.pipelineExecutionId}`, async () => {
    const { actionExecutionDetails } = await cp().send(
      new ListActionExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: execution.pipelineExecutionId } }),
    );
    return actionExecutionDetails?.find((a) => a.actionName === 'Src' && a.status === 'Succeeded')?.output?.outputVariables;
  });
  return { CommitId: variables.CommitId, BranchName: variables.BranchName };
}

/** As createPrPipeline, its source a CODEBUILD_CLONE_REF that the project fork-build clones instead of an approval. */
async function createPrBuild(name: string, connectionArn: string, fullRepositoryId: string): Promise<void> {
  const d = pullRequestPipeline(name, 'fork-artifacts', connectionArn, fullRepositoryId);
  d.stages![0].actions![0].configuration!.OutputArtifactFormat = 'CODEBUILD_CLONE_REF';
  d.stages![1] = stage('Build', {
    name: 'Build',
    actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
    configuration: { ProjectName: 'fork-build' },
    inputArtifacts: [{ name: 'Code' }],
  });
  await cp().send(new CreatePipelineCommand({ pipeline: d }));
}

/** The build's exported variables in the first webhook-started execution of `name`, which must succeed. */
async function built(name: string): Promise<Record<string, string>> {
  const execution = await waitFor(`a webhook execution of ${name}`, async () => {
    const { pipelineExecutionSummaries } = await cp().send(new ListPipelineExecutionsCommand({ pipelineName: name }));
    return (pipelineExecutionSummaries ?? []).find((e) => e.trigger?.triggerType === 'WebhookV2');
  });
  const id = execution.pipelineExecutionId!;
  const done = await executionReaches(cp(), name, id, ['Succeeded', 'Failed'], 180_000);
  const { actionExecutionDetails } = await cp().send(
    new ListActionExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: id } }),
  );
  const build = actionExecutionDetails?.find((a) => a.actionName === 'Build');
  assert.equal(done.status, 'Succeeded', JSON.stringify(build?.output?.executionResult ?? done.statusSummary));
  return build!.output!.outputVariables!;
}

async function webhookCount(name: string): Promise<number> {
  const { pipelineExecutionSummaries } = await cp().send(new ListPipelineExecutionsCommand({ pipelineName: name }));
  return (pipelineExecutionSummaries ?? []).filter((e) => e.trigger?.triggerType === 'WebhookV2').length;
}

describe("a fork's pull request on Slipway's git host", () => {
  it('runs on the fork’s head, published as refs/pull/<n>/head, and a push to the fork updates it', async () => {
    const arn = (await connections.send(new CreateConnectionCommand({ ConnectionName: 'local', ProviderType: 'GitHub' }))).ConnectionArn!;
    const repo = await repoAndFork('acme/app', 'someone/app');
    await createPrPipeline('local-fork', arn, 'acme/app');
    const fix = repo.commitMore({ 'src/app.ts': 'fixed\n' }, 'fix in the fork');
    await push(repo.path, 'someone/app', 'HEAD:refs/heads/fix');

    const open = (...more: string[]) =>
      run(process.execPath, [
        bin,
        'git',
        'pr',
        'open',
        'acme/app',
        '--source',
        'fix',
        '--destination',
        'main',
        '--endpoint',
        s.endpoint,
        ...more,
      ]);
    // The branch is in the fork, not the base: without --source-repository it does not exist.
    await assert.rejects(open(), /source: branch fix does not exist in acme\/app/);
    await assert.rejects(open('--source-repository', 'nobody/app'), /repository nobody\/app does not exist/);
    const opened = JSON.parse((await open('--source-repository', 'someone/app')).stdout);
    assert.equal(opened.sourceRepository, 'someone/app');
    assert.deepEqual(await nthRun('local-fork', 0), { CommitId: fix, BranchName: 'fix' });
    const { stdout: refs } = await run('git', ['ls-remote', `${s.endpoint}/_slipway/git/acme/app.git`, 'refs/pull/*']);
    assert.equal(refs.trim(), `${fix}\trefs/pull/${opened.number}/head`);

    const more = repo.commitMore({ 'src/app.ts': 'fixed better\n' }, 'more in the fork');
    await push(repo.path, 'someone/app', 'HEAD:refs/heads/fix');
    assert.deepEqual(await nthRun('local-fork', 1), { CommitId: more, BranchName: 'fix' });
  });
});

describe('provider webhooks for forks, Bitbucket and Azure DevOps', () => {
  let repo: Awaited<ReturnType<typeof repoAndFork>>;
  const hook = (arn: string, body: string, headers: Record<string, string>) =>
    rawRequest(s.endpoint, {
      method: 'POST',
      path: `/_slipway/connections/${arn.split('/').pop()}/webhook`,
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const signed = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  /** A connection through a host whose endpoint is `path` of Slipway's git host, taking webhooks. */
  const hostConnection = async (name: string, path: string) => {
    const { HostArn } = await connections.send(
      new CreateHostCommand({ Name: name, ProviderType: 'GitHubEnterpriseServer', ProviderEndpoint: `${s.endpoint}${path}` }),
    );
    const made = await connections.send(
      new CreateConnectionCommand({ ConnectionName: name, HostArn, Tags: [{ Key: 'slipway:webhook-secret', Value: 'fork-hook' }] }),
    );
    return made.ConnectionArn!;
  };

  before(async () => {
    repo = await repoAndFork('upstream/lib', 'contrib/lib');
  });

  it("takes a GitHub fork's head from refs/pull/<n>/head and a GitLab one from the fork", async () => {
    const arn = await hostConnection('gh', '/_slipway/git');
    await createPrPipeline('gh-fork', arn, 'upstream/lib');
    const topic = repo.commitMore({ 'src/app.ts': 'topic\n' }, 'topic in the fork');
    await push(repo.path, 'contrib/lib', 'HEAD:refs/heads/topic');
    // The provider's own pull request, which publishes refs/pull/1/head in upstream/lib.
    await run(process.execPath, [
      bin,
      'git',
      'pr',
      'open',
      'upstream/lib',
      '--source',
      'topic',
      '--source-repository',
      'contrib/lib',
      '--destination',
      'main',
      '--endpoint',
      s.endpoint,
    ]);
    const github = JSON.stringify({
      action: 'opened',
      number: 1,
      pull_request: {
        number: 1,
        title: 'From a fork',
        head: { ref: 'topic', sha: topic, repo: { full_name: 'contrib/lib' } },
        base: { ref: 'main', repo: { full_name: 'upstream/lib' } },
      },
      repository: { full_name: 'upstream/lib' },
    });
    const answer = await hook(arn, github, { 'x-github-event': 'pull_request', 'x-hub-signature-256': signed(github) });
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(JSON.parse(answer.text), { fetched: 'upstream/lib', pullRequest: '1', event: 'OPEN', fork: 'contrib/lib' });
    assert.deepEqual(await nthRun('gh-fork', 0), { CommitId: topic, BranchName: 'topic' });

    // GitLab: the host has no refs/merge-requests/9/head, so the head comes from the fork's branch.
    const mr = repo.commitMore({ 'src/app.ts': 'merge request\n' }, 'merge request in the fork');
    await push(repo.path, 'contrib/lib', 'HEAD:refs/heads/mr');
    const gitlab = (head: string) =>
      JSON.stringify({
        object_kind: 'merge_request',
        project: { path_with_namespace: 'upstream/lib' },
        object_attributes: {
          action: 'open',
          iid: 9,
          source_project_id: 2,
          target_project_id: 1,
          source: { path_with_namespace: 'contrib/lib' },
          source_branch: 'mr',
          target_branch: 'main',
          last_commit: { id: head },
        },
      });
    const missing = await hook(arn, gitlab('b'.repeat(40)), { 'x-gitlab-event': 'Merge Request Hook', 'x-gitlab-token': SECRET });
    assert.equal(missing.status, 422, missing.text);
    const fetched = await hook(arn, gitlab(mr), { 'x-gitlab-event': 'Merge Request Hook', 'x-gitlab-token': SECRET });
    assert.equal(fetched.status, 200, fetched.text);
    assert.deepEqual(await nthRun('gh-fork', 1), { CommitId: mr, BranchName: 'mr' });
  });

  it("maps Bitbucket's pullrequest:* keys, signed with X-Hub-Signature, and its forks", async () => {
    const arn = await hostConnection('bb', '/_slipway/git');
    await createPrPipeline('bb-pr', arn, 'upstream/lib');
    const feature = repo.commitMore({ 'src/feature.ts': 'f\n' }, 'feature in upstream');
    await push(repo.path, 'upstream/lib', 'HEAD:refs/heads/bb');
    const bitbucket = (key: string, id: number, branch: string, hash: string, from = 'upstream/lib') => {
      const body = JSON.stringify({
        pullrequest: {
          id,
          title: 'A Bitbucket pull request',
          // Bitbucket names the head by its 12-character abbreviation.
          source: { branch: { name: branch }, commit: { hash: hash.slice(0, 12) }, repository: { full_name: from } },
          destination: { branch: { name: 'main' }, repository: { full_name: 'upstream/lib' } },
        },
        repository: { full_name: 'upstream/lib' },
      });
      return [body, { 'x-event-key': key, 'x-hub-signature': signed(body) }] as const;
    };
    const [body, headers] = bitbucket('pullrequest:created', 3, 'bb', feature);
    assert.equal((await hook(arn, body, { ...headers, 'x-hub-signature': signed(body, 'wrong') })).status, 401);
    const created = await hook(arn, body, headers);
    assert.deepEqual(JSON.parse(created.text), { fetched: 'upstream/lib', pullRequest: '3', event: 'OPEN' });
    assert.deepEqual(await nthRun('bb-pr', 0), { CommitId: feature, BranchName: 'bb' });

    const fulfilled = await hook(arn, ...bitbucket('pullrequest:fulfilled', 3, 'bb', feature));
    assert.equal(JSON.parse(fulfilled.text).event, 'CLOSED');

    // A fork's pull request: Bitbucket publishes no ref for it, so its branch is fetched from the fork,
    // by the webhook for the zipped source and by the build for its clone of the base.
    await createPrBuild('bb-build', arn, 'upstream/lib');
    const forked = repo.commitMore({ 'src/feature.ts': 'forked\n', 'fork.txt': 'from the Bitbucket fork\n' }, 'feature in the fork');
    await push(repo.path, 'contrib/lib', 'HEAD:refs/heads/bb-fork');
    const updated = await hook(arn, ...bitbucket('pullrequest:updated', 4, 'bb-fork', forked, 'contrib/lib'));
    assert.deepEqual(JSON.parse(updated.text), { fetched: 'upstream/lib', pullRequest: '4', event: 'UPDATED', fork: 'contrib/lib' });
    assert.deepEqual(await nthRun('bb-pr', 1), { CommitId: forked, BranchName: 'bb-fork' });
    assert.deepEqual(await built('bb-build'), { RESOLVED: forked, FORK_TXT: 'from the Bitbucket fork' });

    // A mirror that has lost the head (or never had it) fetches it from the fork's branch for a zipped
    // source, and takes only that commit; names that are not branches are never fetched.
    const base = facadeOf<ConnectionsFacade>(s.app, 'codestar-connections').open(arn, 'upstream/lib', {
      region: 'us-east-1',
      account: '000000000000',
    });
    await run('git', ['update-ref', '-d', 'refs/pull/4/head'], { cwd: base.dir });
    await run('git', ['-c', 'gc.reflogExpire=now', 'gc', '--quiet', '--prune=now'], { cwd: base.dir });
    await assert.rejects(run('git', ['cat-file', '-e', `${forked}^{commit}`], { cwd: base.dir }), 'the mirror lost the head');
    assert.equal(await base.headFromFork('contrib/lib', '--upload-pack=touch', forked), undefined);
    assert.equal(await base.headFromFork('../lib', 'bb-fork', forked), undefined);
    assert.equal(await base.headFromFork('contrib/lib', 'bb-fork', forked), forked);
    assert.equal(await base.headFromFork('contrib/lib', 'bb-fork', 'c'.repeat(40)), undefined, 'a commit the fork does not have');

    // repo:push is a push: fetched, and no pull request event.
    const pushBody = JSON.stringify({
      repository: { full_name: 'upstream/lib' },
      push: { changes: [{ new: { type: 'branch', name: 'bb', target: { hash: feature } }, old: null }] },
    });
    const pushed = await hook(arn, pushBody, { 'x-event-key': 'repo:push', 'x-hub-signature': signed(pushBody) });
    assert.equal(pushed.status, 200, pushed.text);
    assert.equal(JSON.parse(pushed.text).fetched, 'upstream/lib');
    assert.equal(await webhookCount('bb-pr'), 2, 'the closing and the push started nothing');
  });

  it("maps Azure DevOps' git.pullrequest.* service hooks, checked by their basic authentication", async () => {
    // org/project/repo on Azure DevOps: through a host at /_slipway, git/upstream/lib is upstream/lib of the git host.
    const arn = await hostConnection('ado', '/_slipway');
    await createPrPipeline('ado-pr', arn, 'git/upstream/lib');
    const head = repo.commitMore({ 'src/azure.ts': 'a\n' }, 'for azure');
    await push(repo.path, 'upstream/lib', 'HEAD:refs/heads/ado');
    const azure = (eventType: string, status: string, text: string) =>
      JSON.stringify({
        eventType,
        message: { text },
        resource: {
          pullRequestId: 12,
          status,
          title: 'From Azure Repos',
          sourceRefName: 'refs/heads/ado',
          targetRefName: 'refs/heads/main',
          lastMergeSourceCommit: { commitId: head },
          repository: { remoteUrl: 'https://dev.azure.com/git/upstream/_git/lib' },
        },
      });
    const basic = (password: string) => ({ authorization: `Basic ${Buffer.from(`hook:${password}`).toString('base64')}` });
    const created = azure('git.pullrequest.created', 'active', 'Jo created pull request 12');
    assert.equal((await hook(arn, created, basic('wrong'))).status, 401);
    assert.equal((await hook(arn, created, {})).status, 401);
    const answer = await hook(arn, created, basic(SECRET));
    assert.deepEqual(JSON.parse(answer.text), { fetched: 'git/upstream/lib', pullRequest: '12', event: 'OPEN' });
    assert.deepEqual(await nthRun('ado-pr', 0), { CommitId: head, BranchName: 'ado' });
    const reviewers = await hook(arn, azure('git.pullrequest.updated', 'active', 'Jo added a reviewer'), basic(SECRET));
    assert.equal(reviewers.status, 202, 'a reviewer added is no pull request event');
    const abandoned = await hook(arn, azure('git.pullrequest.updated', 'abandoned', 'Jo abandoned pull request 12'), basic(SECRET));
    assert.equal(JSON.parse(abandoned.text).event, 'CLOSED');
    const pushBody = JSON.stringify({
      eventType: 'git.push',
      resource: {
        refUpdates: [{ name: 'refs/heads/ado', oldObjectId: head, newObjectId: head }],
        repository: { remoteUrl: 'https://dev.azure.com/git/upstream/_git/lib' },
      },
    });
    const pushed = await hook(arn, pushBody, basic(SECRET));
    assert.equal(pushed.status, 200, pushed.text);
    assert.equal(JSON.parse(pushed.text).fetched, 'git/upstream/lib');
    assert.equal(await webhookCount('ado-pr'), 1, 'the abandonment and the push started nothing');

    // A fork's pull request (forkSource): Azure DevOps publishes no ref for it in the base, so the build fetches the head from the fork.
    await createPrBuild('ado-build', arn, 'git/upstream/lib');
    const forked = repo.commitMore({ 'src/azure.ts': 'forked\n', 'fork.txt': 'from the Azure DevOps fork\n' }, 'azure in the fork');
    await push(repo.path, 'contrib/lib', 'HEAD:refs/heads/ado-fork');
    const fromFork = JSON.stringify({
      eventType: 'git.pullrequest.created',
      message: { text: 'Ann created pull request 13' },
      resource: {
        pullRequestId: 13,
        status: 'active',
        title: 'From a fork',
        sourceRefName: 'refs/heads/ado-fork',
        targetRefName: 'refs/heads/main',
        lastMergeSourceCommit: { commitId: forked },
        repository: { remoteUrl: 'https://dev.azure.com/git/upstream/_git/lib' },
        forkSource: { name: 'refs/heads/ado-fork', repository: { remoteUrl: 'https://dev.azure.com/git/contrib/_git/lib' } },
      },
    });
    const opened = await hook(arn, fromFork, basic(SECRET));
    assert.deepEqual(JSON.parse(opened.text), { fetched: 'git/upstream/lib', pullRequest: '13', event: 'OPEN', fork: 'git/contrib/lib' });
    assert.deepEqual(await built('ado-build'), { RESOLVED: forked, FORK_TXT: 'from the Azure DevOps fork' });
  });
});
