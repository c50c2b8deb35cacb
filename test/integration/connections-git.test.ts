/**
 * Connections reading real git on a real Slipway: pushes to the local git host become
 * `connections.change` events with the changed files git computes; the CodeStarSourceConnection
 * executor, run in-process, writes the commit's zip (or a clone reference) to S3 with its output
 * variables; a host whose ProviderEndpoint is Slipway's own /_slipway/git plays a remote provider,
 * mirrored by fetch, whose changes come from signed webhooks (good and bad signatures) and polling.
 */
import { CodeStarConnectionsClient, CreateConnectionCommand, CreateHostCommand } from '@aws-sdk/client-codestar-connections';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { SlipwayEvent } from '../../src/core/events.ts';
import type { ActionJob, Artifact } from '../../src/services/codepipeline/actions/types.ts';
import { connectionSourceAction } from '../../src/services/codepipeline/actions/connection-source.ts';
import type { ConnectionsFacade } from '../../src/services/connections/index.ts';
import type { S3Facade } from '../../src/services/s3/index.ts';
import { createBuckets, gitRepo } from '../support/codebuild.ts';
import { rawRequest } from '../support/raw.ts';
import { aws, clientConfig, facadeOf, startTestSlipway, type TestSlipway, waitFor } from '../support/slipway.ts';

const run = promisify(execFile);
const scope = { region: 'us-east-1', account: '000000000000' };
let slipway: TestSlipway;
let client: CodeStarConnectionsClient;
let executor: ReturnType<typeof connectionSourceAction>;
const events: SlipwayEvent[] = [];
const temps: string[] = [];

/** Pushes to the in-process Slipway (asynchronously: a blocking git would leave the server unable to answer). */
async function push(repo: { path: string }, fullRepositoryId: string): Promise<void> {
  await run('git', ['push', '-q', `${slipway.endpoint}/_slipway/git/${fullRepositoryId}.git`, 'HEAD:main'], { cwd: repo.path });
}

/** An artifact object's bytes, read through the S3 facade. */
async function artifact(key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of facadeOf<S3Facade>(slipway.app, 's3').getObject('pipeline-artifacts', key).body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The files of a zip artifact as text, read by Python's zipfile. */
async function zipFiles(key: string): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-zip-'));
  temps.push(dir);
  writeFileSync(join(dir, 'a.zip'), await artifact(key));
  const script =
    'import sys,json,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps({i.filename: z.read(i).decode() for i in z.infolist()}))';
  return JSON.parse((await run('python3', ['-c', script, join(dir, 'a.zip')])).stdout);
}

/** The changes published for `resource` so far. */
const changes = (resource: string) => events.filter((e) => e.type === 'connections.change' && e.resource === resource);

function job(configuration: Record<string, string>, key: string, sourceRevision?: ActionJob['sourceRevision']): ActionJob {
  const output: Artifact = { name: 'SourceArtifact', location: { bucketName: 'pipeline-artifacts', objectKey: key } };
  return {
    scope,
    pipeline: { name: 'p', arn: 'arn:aws:codepipeline:us-east-1:000000000000:p', roleArn: 'arn:aws:iam::000000000000:role/r' },
    executionId: 'e1',
    stageName: 'Source',
    actionName: 'Source',
    actionTypeId: executor.type,
    configuration,
    inputArtifacts: [],
    outputArtifacts: [output],
    sourceRevision,
    signal: new AbortController().signal,
    progress: () => undefined,
  };
}

before(async () => {
  slipway = await startTestSlipway();
  client = new CodeStarConnectionsClient(clientConfig(slipway.endpoint));
  slipway.app.ctx.events.subscribe((e) => events.push(e));
  executor = connectionSourceAction({
    connections: facadeOf<ConnectionsFacade>(slipway.app, 'codestar-connections'),
    s3: facadeOf<S3Facade>(slipway.app, 's3'),
  });
  await createBuckets(slipway.endpoint, 'pipeline-artifacts');
});
after(async () => {
  await slipway.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe("Slipway's own git host", () => {
  let connectionArn: string;
  let repo: ReturnType<typeof gitRepo>;
  let second: string;

  it('publishes each push as a change whose files git computed', async () => {
    ({ ConnectionArn: connectionArn } = (await client.send(
      new CreateConnectionCommand({ ConnectionName: 'local', ProviderType: 'GitHub' }),
    )) as {
      ConnectionArn: string;
    });
    repo = gitRepo({ 'main.py': 'print("Hello World")\n', 'src/components/a.txt': 'a\n', 'README.md': 'hi\n' });
    temps.push(repo.path);
    await push(repo, 'acme/app');
    const first = await waitFor('the first push', async () => changes('acme/app')[0]);
    assert.deepEqual(first.detail, {
      fullRepositoryId: 'acme/app',
      ref: 'refs/heads/main',
      branch: 'main',
      oldCommitId: '0'.repeat(40),
      newCommitId: repo.commit,
      changedFiles: ['README.md', 'main.py', 'src/components/a.txt'],
      via: 'push',
    });
    second = repo.commitMore({ 'main.py': 'print("Hello AWS")\n', 'docs/notes.md': 'n\n' }, 'say hello to AWS');
    await push(repo, 'acme/app');
    const next = await waitFor('the second push', async () => changes('acme/app')[1]);
    assert.equal(next.detail.oldCommitId, repo.commit);
    assert.equal(next.detail.newCommitId, second);
    assert.deepEqual(next.detail.changedFiles, ['docs/notes.md', 'main.py']);

    const config = { ConnectionArn: connectionArn, FullRepositoryId: 'acme/app', BranchName: 'main' };
    const change = await executor.changeFrom!(next, config, scope);
    assert.equal(change?.triggerType, 'WebhookV2');
    assert.deepEqual(change?.git, { branch: 'main', tag: undefined, changedFiles: ['docs/notes.md', 'main.py'] });
    assert.equal(change?.revision.revisionValue, second);
    // Every push is handed to the engine, which applies the trigger or the configured branch (sources.ts).
    assert.equal((await executor.changeFrom!(next, { ...config, BranchName: 'release' }, scope))?.git?.branch, 'main');
    assert.equal(await executor.changeFrom!(next, { ...config, DetectChanges: 'false' }, scope), undefined);
    assert.equal(await executor.changeFrom!(next, { ...config, FullRepositoryId: 'acme/other' }, scope), undefined);
  });

  it('runs the source action: the commit zipped to S3, with its output variables', async () => {
    const config = { ConnectionArn: connectionArn, FullRepositoryId: 'acme/app', BranchName: 'main' };
    assert.equal(executor.check!(config, scope), undefined);
    assert.match(executor.check!({ ...config, ConnectionArn: connectionArn.replace(/.{4}$/, 'ffff') }, scope) ?? '', /ConnectionArn/);
    assert.equal((await executor.latest!(config, scope))?.revisionValue, second);
    const outcome = await executor.run(job(config, 'p/SourceArti/latest.zip'), () => undefined);
    assert.equal(outcome.status, 'Succeeded');
    assert.deepEqual(Object.keys(outcome.outputVariables!).sort(), [
      'AuthorDate',
      'BranchName',
      'CommitId',
      'CommitMessage',
      'ConnectionArn',
      'FullRepositoryName',
    ]);
    assert.equal(outcome.outputVariables!.CommitId, second);
    assert.equal(outcome.outputVariables!.CommitMessage, 'say hello to AWS');
    assert.equal(outcome.outputVariables!.FullRepositoryName, 'acme/app');
    assert.match(outcome.outputVariables!.AuthorDate, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const files = await zipFiles('p/SourceArti/latest.zip');
    assert.equal(files['main.py'], 'print("Hello AWS")\n');
    assert.ok('docs/notes.md' in files && 'src/components/a.txt' in files);

    // A revision chosen by a trigger or by StartPipelineExecution's sourceRevisions wins over the branch.
    const pinned = await executor.run(
      job(config, 'p/SourceArti/pinned.zip', { revisionType: 'COMMIT_ID', revisionValue: repo.commit }),
      () => undefined,
    );
    assert.equal(pinned.outputVariables!.CommitId, repo.commit);
    assert.equal((await zipFiles('p/SourceArti/pinned.zip'))['main.py'], 'print("Hello World")\n');
  });

  it('writes a clone reference for CODEBUILD_CLONE_REF that git can clone at the commit', async () => {
    const config = {
      ConnectionArn: connectionArn,
      FullRepositoryId: 'acme/app',
      BranchName: 'main',
      OutputArtifactFormat: 'CODEBUILD_CLONE_REF',
    };
    await executor.run(job(config, 'p/SourceArti/ref'), () => undefined);
    const ref = JSON.parse((await artifact('p/SourceArti/ref')).toString());
    assert.deepEqual(
      { ...ref, CloneUrl: undefined },
      {
        Type: 'CODEBUILD_CLONE_REF',
        ConnectionArn: connectionArn,
        FullRepositoryId: 'acme/app',
        BranchName: 'main',
        CommitId: second,
        CloneUrl: undefined,
      },
    );
    const clone = mkdtempSync(join(tmpdir(), 'slipway-clone-'));
    temps.push(clone);
    await run('git', ['clone', '-q', ref.CloneUrl, clone]);
    execFileSync('git', ['checkout', '-q', ref.CommitId], { cwd: clone });
    assert.equal(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: clone }).toString().trim(), second);
  });
});

describe('a remote provider: a host at /_slipway/git, webhooks and polling', () => {
  let connectionArn: string;
  let hostArn: string | undefined;
  let remote: ReturnType<typeof gitRepo>;
  const config = () => ({ ConnectionArn: connectionArn, FullRepositoryId: 'upstream/lib', BranchName: 'main' });
  const hook = (body: string, headers: Record<string, string>, arn = connectionArn) =>
    rawRequest(slipway.endpoint, {
      method: 'POST',
      path: `/_slipway/connections/${arn.split('/').pop()}/webhook`,
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const signed = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

  before(async () => {
    await aws(slipway.endpoint, ['secretsmanager', 'create-secret', '--name', 'hook-secret', '--secret-string', 'It5-a-s3cret']);
    ({ HostArn: hostArn } = await client.send(
      new CreateHostCommand({
        Name: 'slipway-as-ghes',
        ProviderType: 'GitHubEnterpriseServer',
        ProviderEndpoint: `${slipway.endpoint}/_slipway/git`,
      }),
    ));
    const made = await client.send(
      new CreateConnectionCommand({
        ConnectionName: 'remote',
        HostArn: hostArn,
        Tags: [{ Key: 'slipway:webhook-secret', Value: 'hook-secret' }],
      }),
    );
    connectionArn = made.ConnectionArn!;
    remote = gitRepo({ 'lib.txt': 'v1\n' });
    temps.push(remote.path);
    await push(remote, 'upstream/lib');
  });

  it('fetches the repository into a mirror and runs from it', async () => {
    const latest = await executor.latest!(config(), scope);
    assert.equal(latest?.revisionValue, remote.commit);
    const outcome = await executor.run(job(config(), 'p/SourceArti/remote.zip'), () => undefined);
    assert.equal(outcome.outputVariables!.ConnectionArn, connectionArn);
    assert.equal((await zipFiles('p/SourceArti/remote.zip'))['lib.txt'], 'v1\n');
  });

  it('refuses a webhook with a bad signature, and on a good one fetches and publishes what git says changed', async () => {
    const next = remote.commitMore({ 'lib.txt': 'v2\n', 'src/new.ts': 'x\n' }, 'v2');
    await push(remote, 'upstream/lib');
    // The payload's own file lists are never read.
    const payload = JSON.stringify({
      ref: 'refs/heads/main',
      before: remote.commit,
      after: next,
      repository: { full_name: 'upstream/lib' },
      commits: [{ modified: ['not-really.txt'] }],
    });
    const bad = await hook(payload, { 'x-github-event': 'push', 'x-hub-signature-256': signed(payload, 'wrong') });
    assert.equal(bad.status, 401);
    const unsigned = await hook(payload, { 'x-github-event': 'push' });
    assert.equal(unsigned.status, 401);
    assert.equal(changes(connectionArn).length, 0, 'nothing published for a refused webhook');

    const good = await hook(payload, { 'x-github-event': 'push', 'x-hub-signature-256': signed(payload, 'It5-a-s3cret') });
    assert.equal(good.status, 200, good.text);
    const [change] = changes(connectionArn);
    assert.equal(change.detail.via, 'webhook');
    assert.equal(change.detail.newCommitId, next);
    assert.deepEqual(change.detail.changedFiles, ['lib.txt', 'src/new.ts']);
    const source = await executor.changeFrom!(change, config(), scope);
    assert.equal(source?.triggerType, 'WebhookV2');
    assert.equal(source?.triggerDetail, connectionArn);
    // A connection reading the local host takes no remote change, and the remote one no local push.
    const local = changes('upstream/lib').at(-1)!;
    assert.equal(await executor.changeFrom!(local, config(), scope), undefined);
  });

  it('publishes the pushed branch from a webhook that arrives before anything was fetched', async () => {
    const tags = [{ Key: 'slipway:webhook-secret', Value: 'hook-secret' }];
    const fresh = (await client.send(new CreateConnectionCommand({ ConnectionName: 'fresh', HostArn: hostArn, Tags: tags })))
      .ConnectionArn!;
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: remote.path }).toString().trim();
    const payload = JSON.stringify({
      ref: 'refs/heads/main',
      before: '0'.repeat(40),
      after: head,
      repository: { full_name: 'upstream/lib' },
    });
    const answer = await hook(payload, { 'x-github-event': 'push', 'x-hub-signature-256': signed(payload, 'It5-a-s3cret') }, fresh);
    assert.equal(answer.status, 200, answer.text);
    const [change] = changes(fresh);
    assert.equal(change?.detail.newCommitId, head);
    assert.deepEqual(change.detail.changedFiles, ['lib.txt', 'src/new.ts']);
  });

  it('takes GitLab’s token header, and finds later commits by polling', async () => {
    const third = remote.commitMore({ 'lib.txt': 'v3\n' }, 'v3');
    await push(remote, 'upstream/lib');
    const body = JSON.stringify({ ref: 'refs/heads/main', project: { path_with_namespace: 'upstream/lib' } });
    assert.equal((await hook(body, { 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': 'nope' })).status, 401);
    assert.equal((await hook(body, { 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': 'It5-a-s3cret' })).status, 200);
    await waitFor('the GitLab webhook change', async () => changes(connectionArn).find((e) => e.detail.newCommitId === third));

    // Polling is for connections that take no webhook.
    const polledArn = (await client.send(new CreateConnectionCommand({ ConnectionName: 'polled', HostArn: hostArn }))).ConnectionArn!;
    const polledConfig = { ...config(), ConnectionArn: polledArn };
    assert.equal((await executor.latest!(polledConfig, scope))?.revisionValue, third);
    const fourth = remote.commitMore({ 'polled.txt': 'p\n' }, 'v4');
    await push(remote, 'upstream/lib');
    const polled = await waitFor('a poll to see the fourth commit', async () =>
      changes(polledArn).find((e) => e.detail.newCommitId === fourth),
    );
    assert.equal(polled.detail.via, 'poll');
    assert.deepEqual(polled.detail.changedFiles, ['polled.txt']);
    assert.equal((await executor.changeFrom!(polled, polledConfig, scope))?.triggerType, 'PollForSourceChanges');
    assert.ok(!changes(connectionArn).some((e) => e.detail.newCommitId === fourth), 'the webhook connection is not polled');
  });
});
