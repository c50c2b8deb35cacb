/**
 * CodeCommit on a real Slipway: repositories made with the aws CLI, seed 002's taskdef.json and
 * appspec.yaml pushed with real git over smart HTTP, read back through the API (CLI and SDK v3),
 * push events, the facade's zip and folder, and the local git host's push-to-create.
 */
import {
  CodeCommitClient,
  CreateBranchCommand,
  GetCommitCommand,
  GetDifferencesCommand,
  GetFolderCommand,
  ListBranchesCommand,
} from '@aws-sdk/client-codecommit';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { SlipwayEvent } from '../../src/core/events.ts';
import * as codecommit from '../../src/services/codecommit/index.ts';
import { awsCli, startTestSlipway, type TestSlipway } from '../support/slipway.ts';
import { gitIn } from '../support/codepipeline.ts';

const run = promisify(execFile);

const TASKDEF = `${JSON.stringify(
  {
    executionRoleArn: 'arn:aws:iam::000000000000:role/ecsTaskExecutionRole',
    containerDefinitions: [
      { name: 'nginx-website', image: 'nginx', essential: true, portMappings: [{ hostPort: 80, protocol: 'tcp', containerPort: 80 }] },
    ],
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    family: 'ecs-taskdef',
  },
  null,
  2,
)}\n`;
const APPSPEC = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: <TASK_DEFINITION>
        LoadBalancerInfo:
          ContainerName: "nginx-website"
          ContainerPort: 80
`;

/** The clone URL with the HTTPS Git credentials a developer would type. */
const withCredentials = (url: string) => url.replace('://', '://dev-at-000000000000:secret@');

describe('CodeCommit over git smart HTTP', () => {
  let slipway: TestSlipway;
  let work: string;
  let client: CodeCommitClient;
  const events: SlipwayEvent[] = [];
  const cli = (...args: string[]) => awsCli(slipway.endpoint, ['codecommit', ...args]);

  before(async () => {
    slipway = await startTestSlipway();
    slipway.app.ctx.events.subscribe((e) => e.type === codecommit.PUSHED && events.push(e));
    work = mkdtempSync(join(tmpdir(), 'slipway-git-'));
    client = new CodeCommitClient({
      endpoint: slipway.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
  });
  after(async () => {
    client.destroy();
    rmSync(work, { recursive: true, force: true });
    await slipway.close();
  });

  it('create-repository answers cloneUrlHttp on Slipway; bad names are refused and write nothing', async () => {
    const made = await cli('create-repository', '--repository-name', 'ecs-codepipeline', '--repository-description', 'seed 002');
    const meta = made.repositoryMetadata;
    assert.equal(meta.cloneUrlHttp, `${slipway.endpoint}/v1/repos/ecs-codepipeline`);
    assert.equal(meta.Arn, 'arn:aws:codecommit:us-east-1:000000000000:ecs-codepipeline');
    assert.match(meta.repositoryId, /^[0-9a-f-]{36}$/);
    await assert.rejects(
      cli('create-repository', '--repository-name', 'ends.git'),
      /InvalidRepositoryNameException.*repositoryName 'ends.git'/,
    );
    for (const bad of ['has space', 'a/b', 'x'.repeat(101)]) {
      await assert.rejects(cli('create-repository', '--repository-name', bad), /ValidationException.*'repositoryName'/);
    }
    await assert.rejects(cli('create-repository', '--repository-name', 'ecs-codepipeline'), /RepositoryNameExistsException/);
    const listed = await cli('list-repositories');
    assert.deepEqual(
      listed.repositories.map((r: { repositoryName: string }) => r.repositoryName),
      ['ecs-codepipeline'],
    );
  });

  it('git push of taskdef.json and appspec.yaml, then get-branch and get-file through the CLI', async () => {
    const repo = join(work, 'ecs-codepipeline');
    const git = gitIn(work);
    await git('init', '-q', '-b', 'master', repo);
    writeFileSync(join(repo, 'taskdef.json'), TASKDEF);
    writeFileSync(join(repo, 'appspec.yaml'), APPSPEC);
    const g = gitIn(repo);
    await g('add', 'taskdef.json', 'appspec.yaml');
    await g('commit', '-q', '-m', 'ecs-codepipeline-v1');
    await g('remote', 'add', 'origin', withCredentials(`${slipway.endpoint}/v1/repos/ecs-codepipeline`));
    await g('push', '-q', 'origin', 'master');
    const head = await g('rev-parse', 'HEAD');

    const branch = await cli('get-branch', '--repository-name', 'ecs-codepipeline', '--branch-name', 'master');
    assert.deepEqual(branch.branch, { branchName: 'master', commitId: head });
    const file = await cli('get-file', '--repository-name', 'ecs-codepipeline', '--file-path', 'taskdef.json');
    assert.equal(file.commitId, head);
    assert.equal(Buffer.from(file.fileContent, 'base64').toString(), TASKDEF);
    assert.equal(file.fileMode, 'NORMAL');
    const meta = (await cli('get-repository', '--repository-name', 'ecs-codepipeline')).repositoryMetadata;
    assert.equal(meta.defaultBranch, 'master', 'the first branch pushed becomes the default');
    await assert.rejects(cli('get-file', '--repository-name', 'ecs-codepipeline', '--file-path', 'nope.txt'), /FileDoesNotExistException/);
    await assert.rejects(cli('get-file', '--repository-name', 'ecs-codepipeline', '--file-path', '../etc/passwd'), /InvalidPathException/);
    await assert.rejects(
      cli('get-branch', '--repository-name', 'ecs-codepipeline', '--branch-name', 'main'),
      /BranchDoesNotExistException/,
    );

    const pushed = events.filter((e) => e.detail.repositoryName === 'ecs-codepipeline');
    assert.equal(pushed.length, 1);
    assert.deepEqual(pushed[0].detail, {
      repositoryName: 'ecs-codepipeline',
      repositoryId: meta.repositoryId,
      repositoryArn: meta.Arn,
      ref: 'refs/heads/master',
      oldCommitId: '0'.repeat(40),
      newCommitId: head,
    });

    const clone = join(work, 'clone');
    await gitIn(work)('clone', '-q', withCredentials(meta.cloneUrlHttp), clone);
    assert.equal(readFileSync(join(clone, 'appspec.yaml'), 'utf8'), APPSPEC);
  });

  it('SDK v3: GetCommit, CreateBranch, ListBranches, GetFolder and GetDifferences read real git', async () => {
    const repo = join(work, 'ecs-codepipeline');
    const g = gitIn(repo);
    const first = await g('rev-parse', 'HEAD');
    writeFileSync(join(repo, 'taskdef.json'), TASKDEF.replace('"256"', '"512"'));
    await run('mkdir', ['-p', join(repo, 'scripts')]);
    writeFileSync(join(repo, 'scripts', 'hook.sh'), '#!/bin/sh\necho ok\n', { mode: 0o755 });
    await g('add', '-A');
    await g('commit', '-q', '-m', 'v2');
    await g('push', '-q', 'origin', 'master');
    const second = await g('rev-parse', 'HEAD');

    const { commit } = await client.send(new GetCommitCommand({ repositoryName: 'ecs-codepipeline', commitId: second }));
    assert.equal(commit?.message, 'v2\n');
    assert.deepEqual(commit?.parents, [first]);
    assert.equal(commit?.author?.email, 'dev@example.com');

    await client.send(new CreateBranchCommand({ repositoryName: 'ecs-codepipeline', branchName: 'release', commitId: first }));
    await assert.rejects(
      client.send(new CreateBranchCommand({ repositoryName: 'ecs-codepipeline', branchName: 'release', commitId: first })),
      { name: 'BranchNameExistsException' },
    );
    await assert.rejects(
      client.send(new CreateBranchCommand({ repositoryName: 'ecs-codepipeline', branchName: 'bad..name', commitId: first })),
      { name: 'InvalidBranchNameException' },
    );
    assert.deepEqual((await client.send(new ListBranchesCommand({ repositoryName: 'ecs-codepipeline' }))).branches, ['master', 'release']);

    const folder = await client.send(new GetFolderCommand({ repositoryName: 'ecs-codepipeline', folderPath: '/' }));
    assert.deepEqual(
      folder.files?.map((f) => f.absolutePath),
      ['appspec.yaml', 'taskdef.json'],
    );
    assert.deepEqual(
      folder.subFolders?.map((f) => f.absolutePath),
      ['scripts'],
    );
    const scripts = await client.send(
      new GetFolderCommand({ repositoryName: 'ecs-codepipeline', folderPath: 'scripts', commitSpecifier: 'master' }),
    );
    assert.equal(scripts.files?.[0].fileMode, 'EXECUTABLE');
    await assert.rejects(
      client.send(new GetFolderCommand({ repositoryName: 'ecs-codepipeline', folderPath: 'scripts', commitSpecifier: 'release' })),
      { name: 'FolderDoesNotExistException' },
    );
    await assert.rejects(
      client.send(new GetFolderCommand({ repositoryName: 'ecs-codepipeline', folderPath: '/', commitSpecifier: '--output=/tmp/x' })),
      { name: 'InvalidCommitException' },
    );

    const diff = await client.send(
      new GetDifferencesCommand({ repositoryName: 'ecs-codepipeline', beforeCommitSpecifier: 'release', afterCommitSpecifier: 'master' }),
    );
    const changes = diff.differences?.map((d) => `${d.changeType} ${(d.afterBlob ?? d.beforeBlob)?.path}`);
    assert.deepEqual(changes, ['A scripts/hook.sh', 'M taskdef.json']);
    const paged = await client.send(
      new GetDifferencesCommand({ repositoryName: 'ecs-codepipeline', afterCommitSpecifier: first, MaxResults: 1 }),
    );
    assert.equal(paged.differences?.length, 1);
    assert.ok(paged.NextToken);
  });

  it('the facade writes a commit as a zip and into a folder', async () => {
    const facade = codecommit.register(slipway.app.ctx).facade;
    const repo = { scope: { region: 'us-east-1', account: '000000000000' }, repositoryName: 'ecs-codepipeline' };
    const commit = await facade.resolveCommit(repo, 'release');
    assert.ok(commit);
    const zip = join(work, 'source.zip');
    await facade.writeZip(repo, commit, zip);
    const { stdout } = await run('unzip', ['-Z1', zip]);
    assert.deepEqual(stdout.trim().split('\n').sort(), ['appspec.yaml', 'taskdef.json']);
    const out = join(work, 'source');
    await facade.extract(repo, commit, out);
    assert.equal(readFileSync(join(out, 'taskdef.json'), 'utf8'), TASKDEF);
    assert.equal(await facade.resolveCommit(repo, 'no-such-branch'), undefined);
  });

  it('the local git host creates owner/repo on first push; an unknown repository is 404 to git', async () => {
    const repo = join(work, 'hosted');
    await gitIn(work)('init', '-q', '-b', 'main', repo);
    const g = gitIn(repo);
    writeFileSync(join(repo, 'README.md'), 'hello\n');
    await g('add', 'README.md');
    await g('commit', '-q', '-m', 'first');
    const url = `${slipway.endpoint}/_slipway/git/acme/web.git`;
    await assert.rejects(gitIn(work)('ls-remote', url), /not found|404/i);
    await g('push', '-q', url, 'main');
    assert.equal((await gitIn(work)('ls-remote', url, 'refs/heads/main')).split('\t')[0], await g('rev-parse', 'HEAD'));
    assert.ok(events.some((e) => e.resource === 'acme/web' && e.detail.ref === 'refs/heads/main'));
    await assert.rejects(gitIn(work)('ls-remote', `${slipway.endpoint}/v1/repos/missing`), /not found|404/i);

    // Two pushes at once: each is announced with the ref it moved, once.
    const main = await g('rev-parse', 'HEAD');
    await g('branch', 'feature-a');
    await g('branch', 'feature-b');
    events.length = 0;
    await Promise.all([g('push', '-q', url, 'feature-a'), g('push', '-q', url, 'feature-b')]);
    const moved = events.map((e) => `${e.detail.ref} ${e.detail.oldCommitId} ${e.detail.newCommitId}`).sort();
    assert.deepEqual(moved, [`refs/heads/feature-a ${'0'.repeat(40)} ${main}`, `refs/heads/feature-b ${'0'.repeat(40)} ${main}`]);
    await assert.rejects(gitIn(work)('push', '-q', `${slipway.endpoint}/_slipway/git/acme/../x.git`, 'main'), /not found|404|error/i);
  });

  it('a push whose tree would leave its place when checked out (an entry named .GIT) is refused, the ref unmoved', async () => {
    const repo = join(work, 'crafted');
    await gitIn(work)('init', '-q', '-b', 'main', repo);
    const g = gitIn(repo);
    writeFileSync(join(repo, 'README.md'), 'hello\n');
    await g('add', 'README.md');
    await g('commit', '-q', '-m', 'first');
    const url = `${slipway.endpoint}/_slipway/git/acme/crafted.git`;
    await g('push', '-q', url, 'main');
    const blob = (await run('git', ['hash-object', '-w', join(repo, 'README.md')], { cwd: repo })).stdout.trim();
    const tree = (await run('sh', ['-c', `printf '100644 blob ${blob}\t.GIT\n' | git mktree`], { cwd: repo })).stdout.trim();
    const commit = await g('commit-tree', '-p', 'HEAD', '-m', 'escape', tree);
    await assert.rejects(g('push', '-q', url, `${commit}:refs/heads/main`), /rejected|unpacker|error/i);
    assert.equal((await gitIn(work)('ls-remote', url, 'refs/heads/main')).split('\t')[0], await g('rev-parse', 'HEAD'));
  });

  it('delete-repository removes the record and its git folder', async () => {
    const out = await cli('delete-repository', '--repository-name', 'ecs-codepipeline');
    assert.match(out.repositoryId, /^[0-9a-f-]{36}$/);
    await assert.rejects(cli('get-repository', '--repository-name', 'ecs-codepipeline'), /RepositoryDoesNotExistException/);
    await assert.rejects(gitIn(work)('ls-remote', `${slipway.endpoint}/v1/repos/ecs-codepipeline`), /not found|404/i);
  });
});
