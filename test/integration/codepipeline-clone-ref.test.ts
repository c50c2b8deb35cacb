/**
 * Pipelines whose source is a connection to Slipway's git host, built in real containers: in the
 * CODEBUILD_CLONE_REF format the build gets a full clone at the commit (its buildspec's
 * `git log -1` equals $CODEBUILD_RESOLVED_SOURCE_VERSION, and it exports it); in CODE_ZIP the build
 * still sees the commit as CODEBUILD_RESOLVED_SOURCE_VERSION, and so does BatchGetBuilds, and so does a
 * later build fed by the first build's output. A CodeCommit
 * source clones the same way; a clone reference naming a commit the repository lacks fails
 * DOWNLOAD_SOURCE saying so. A connection through a host clones from the host's endpoint over
 * HTTP, sending the connection's token to it (a provider that records and refuses it) and nowhere else.
 */
import { CodeStarConnectionsClient, CreateConnectionCommand, CreateHostCommand } from '@aws-sdk/client-codestar-connections';
import type { CodeBuildClient } from '@aws-sdk/client-codebuild';
import {
  type ActionDeclaration,
  CreatePipelineCommand,
  ListActionExecutionsCommand,
  type CodePipelineClient,
} from '@aws-sdk/client-codepipeline';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import type { CodebuildFacade } from '../../src/services/codebuild/index.ts';
import { codebuildAction } from '../../src/services/codepipeline/actions/codebuild.ts';
import type { S3Facade } from '../../src/services/s3/index.ts';
import {
  BUSYBOX_ENV,
  buildLog,
  createBuckets,
  createProject,
  getBuild,
  gitRepo,
  phaseList,
  startCodebuildSlipway,
} from '../support/codebuild.ts';
import { codepipelineClient, executionReaches, firstExecution, pipeline, stage } from '../support/codepipeline.ts';
import { actionJob, ARTIFACT_BUCKET } from '../support/pipeline-actions.ts';
import { awsCli, clientConfig, facadeOf, type TestSlipway } from '../support/slipway.ts';

const run = promisify(execFile);
const BUCKET = 'clone-ref-artifacts';
let s: TestSlipway;
let cb: CodeBuildClient;
let cp: CodePipelineClient;
let connectionArn: string;
let repo: ReturnType<typeof gitRepo>;

const BUILDSPEC = `version: 0.2
env:
  exported-variables:
    - HEAD_COMMIT
    - RESOLVED
    - HAS_GIT
    - COMMITS
phases:
  build:
    commands:
      - export RESOLVED="$CODEBUILD_RESOLVED_SOURCE_VERSION"
      - if [ -d .git ]; then export HAS_GIT=yes HEAD_COMMIT=$(git log -1 --format=%H) COMMITS=$(git rev-list --count HEAD); else export HAS_GIT=no HEAD_COMMIT=none COMMITS=0; fi
      - if [ "$HAS_GIT" = yes ]; then test "$HEAD_COMMIT" = "$CODEBUILD_RESOLVED_SOURCE_VERSION"; fi
      - cat app.txt
`;

const STANDARD = { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' } as const;

before(async () => {
  ({ s, cb } = await startCodebuildSlipway(20));
  cp = codepipelineClient(s.endpoint);
  await createBuckets(s.endpoint, BUCKET, ARTIFACT_BUCKET);
  await createProject(cb, {
    name: 'from-git',
    source: { type: 'CODEPIPELINE' },
    artifacts: { type: 'CODEPIPELINE' },
    environment: STANDARD,
  });
  const connections = new CodeStarConnectionsClient(clientConfig(s.endpoint));
  ({ ConnectionArn: connectionArn } = (await connections.send(
    new CreateConnectionCommand({ ConnectionName: 'local', ProviderType: 'GitHub' }),
  )) as { ConnectionArn: string });
  repo = gitRepo({ 'buildspec.yml': BUILDSPEC, 'app.txt': 'one\n' });
  repo.commitMore({ 'app.txt': 'two\n' }, 'second commit');
  await run('git', ['push', '-q', `${s.endpoint}/_slipway/git/acme/app.git`, 'HEAD:main'], { cwd: repo.path });
});
after(async () => {
  await s?.close();
  if (repo) rmSync(repo.path, { recursive: true, force: true });
});

const head = () => run('git', ['rev-parse', 'HEAD'], { cwd: repo.path }).then((r) => r.stdout.trim());

/** Source (a connection, in `format`) then Build, started by CreatePipeline; answers the build action's output variables and its build id. */
async function runPipeline(name: string, source: Record<string, string>, provider = 'CodeStarSourceConnection') {
  await awsCli(s.endpoint, [
    'codepipeline',
    'create-pipeline',
    '--pipeline',
    JSON.stringify(
      pipeline(name, BUCKET, [
        stage('Source', {
          name: 'Src',
          actionTypeId: { category: 'Source', owner: 'AWS', provider, version: '1' },
          configuration: source,
          outputArtifacts: [{ name: 'Code' }],
        }),
        stage('Build', {
          name: 'Build',
          actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
          configuration: { ProjectName: 'from-git' },
          inputArtifacts: [{ name: 'Code' }],
          namespace: 'BuildVariables',
        }),
      ]),
    ),
  ]);
  const id = await firstExecution(cp, name);
  const done = await executionReaches(cp, name, id, ['Succeeded', 'Failed'], 180_000);
  const runs = (await cp.send(new ListActionExecutionsCommand({ pipelineName: name }))).actionExecutionDetails!;
  const build = runs.find((r) => r.actionName === 'Build')!;
  assert.equal(done.status, 'Succeeded', JSON.stringify(build.output?.executionResult));
  return { variables: build.output!.outputVariables!, buildId: build.output!.executionResult!.externalExecutionId! };
}

test('CODEBUILD_CLONE_REF: the build clones the repository at the commit, .git and all', async () => {
  const commit = await head();
  const { variables, buildId } = await runPipeline('clone-ref', {
    ConnectionArn: connectionArn,
    FullRepositoryId: 'acme/app',
    BranchName: 'main',
    OutputArtifactFormat: 'CODEBUILD_CLONE_REF',
    DetectChanges: 'false',
  });
  // The whole history came along, not one commit.
  assert.deepEqual(variables, { HEAD_COMMIT: commit, RESOLVED: commit, HAS_GIT: 'yes', COMMITS: '2' });
  const build = await getBuild(cb, buildId);
  assert.equal(build.resolvedSourceVersion, commit);
  const log = await buildLog(build);
  assert.match(log, /Cloning acme\/app through connection arn:aws:codestar-connections:[^ ]+ \(Slipway's git host\) at [0-9a-f]{40}/);
  assert.match(log, /^two$/m);
  assert.match(log, new RegExp(`Checked out ${commit}`));
});

test('CODE_ZIP: the build sees the commit as CODEBUILD_RESOLVED_SOURCE_VERSION, and so does BatchGetBuilds', async () => {
  const commit = await head();
  const { variables, buildId } = await runPipeline('code-zip', {
    ConnectionArn: connectionArn,
    FullRepositoryId: 'acme/app',
    BranchName: 'main',
    DetectChanges: 'false',
  });
  assert.deepEqual(variables, { HEAD_COMMIT: 'none', RESOLVED: commit, HAS_GIT: 'no', COMMITS: '0' });
  const build = await getBuild(cb, buildId);
  assert.equal(build.resolvedSourceVersion, commit);
  assert.match(build.sourceVersion ?? '', new RegExp(`^arn:aws:s3:::${BUCKET}/code-zip/Code/`));
});

test("a later build, fed by an earlier build's output, still sees the source's commit", async () => {
  const buildspec = `version: 0.2
env:
  exported-variables: [RESOLVED]
phases:
  build:
    commands:
      - export RESOLVED="$CODEBUILD_RESOLVED_SOURCE_VERSION"
artifacts:
  files: [app.txt]
`;
  await createProject(cb, {
    name: 'chain',
    source: { type: 'CODEPIPELINE', buildspec },
    artifacts: { type: 'CODEPIPELINE' },
    environment: BUSYBOX_ENV,
  });
  const build = (name: string, input: string, output: string): ActionDeclaration => ({
    name,
    actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
    configuration: { ProjectName: 'chain' },
    inputArtifacts: [{ name: input }],
    outputArtifacts: [{ name: output }],
  });
  await cp.send(
    new CreatePipelineCommand({
      pipeline: pipeline('chained', BUCKET, [
        stage('Source', {
          name: 'Src',
          actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
          configuration: { ConnectionArn: connectionArn, FullRepositoryId: 'acme/app', BranchName: 'main', DetectChanges: 'false' },
          outputArtifacts: [{ name: 'Code' }],
        }),
        stage('Build', build('First', 'Code', 'Built')),
        stage('Again', build('Second', 'Built', 'BuiltAgain')),
      ]),
    }),
  );
  const id = await firstExecution(cp, 'chained');
  assert.equal((await executionReaches(cp, 'chained', id, ['Succeeded', 'Failed'], 180_000)).status, 'Succeeded');
  const runs = (await cp.send(new ListActionExecutionsCommand({ pipelineName: 'chained' }))).actionExecutionDetails!;
  const commit = await head();
  assert.deepEqual(
    runs.filter((r) => r.stageName !== 'Source').map((r) => [r.actionName, r.output?.outputVariables?.RESOLVED]),
    [
      ['Second', commit],
      ['First', commit],
    ],
  );
});

test('a CodeCommit source in CODEBUILD_CLONE_REF format is cloned too', async () => {
  await awsCli(s.endpoint, ['codecommit', 'create-repository', '--repository-name', 'cc-app']);
  await run('git', ['push', '-q', `${s.endpoint}/v1/repos/cc-app`, 'HEAD:main'], { cwd: repo.path });
  const commit = await head();
  const { variables } = await runPipeline(
    'cc-clone-ref',
    { RepositoryName: 'cc-app', BranchName: 'main', PollForSourceChanges: 'false', OutputArtifactFormat: 'CODEBUILD_CLONE_REF' },
    'CodeCommit',
  );
  assert.deepEqual(variables, { HEAD_COMMIT: commit, RESOLVED: commit, HAS_GIT: 'yes', COMMITS: '2' });
});

/** Runs the CodeBuild action in-process on a clone reference put in the artifact store by hand. */
async function buildCloneReference(ref: Record<string, string>, key: string) {
  const s3 = facadeOf<S3Facade>(s.app, 's3');
  const action = codebuildAction({ codebuild: facadeOf<CodebuildFacade>(s.app, 'codebuild'), s3, clock: s.app.ctx.clock });
  await s3.putObject(ARTIFACT_BUCKET, key, Readable.from([JSON.stringify({ Type: 'CODEBUILD_CLONE_REF', BranchName: 'main', ...ref })]));
  const input = { name: 'Code', location: { bucketName: ARTIFACT_BUCKET, objectKey: key } };
  return action.run(actionJob(action.type, { ProjectName: 'from-git' }, { inputArtifacts: [input] }), () => undefined);
}

test("a connection through a host clones from the host's endpoint, with the connection's token", async () => {
  const seen: (string | undefined)[] = [];
  const provider = createServer((req, res) => {
    seen.push(req.headers.authorization);
    res.writeHead(403).end('no\n');
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  try {
    const connections = new CodeStarConnectionsClient(clientConfig(s.endpoint));
    const viaHost = async (name: string, endpoint: string, tags: { Key: string; Value: string }[] = []) => {
      const { HostArn } = await connections.send(
        new CreateHostCommand({ Name: name, ProviderType: 'GitLabSelfManaged', ProviderEndpoint: endpoint }),
      );
      return (await connections.send(new CreateConnectionCommand({ ConnectionName: name, HostArn, Tags: tags }))).ConnectionArn!;
    };
    const commit = await head();
    const good = await buildCloneReference(
      { ConnectionArn: await viaHost('slipway', `${s.endpoint}/_slipway/git`), FullRepositoryId: 'acme/app', CommitId: commit },
      'pipe/Code/host',
    );
    assert.equal(good.status, 'Succeeded', good.errorDetails?.message);
    assert.deepEqual(good.outputVariables, { HEAD_COMMIT: commit, RESOLVED: commit, HAS_GIT: 'yes', COMMITS: '2' });

    await awsCli(s.endpoint, ['secretsmanager', 'create-secret', '--name', 'gl-token', '--secret-string', 'glpat-clone-token']);
    const { port } = provider.address() as { port: number };
    const refusing = await viaHost('refusing', `http://127.0.0.1:${port}/git`, [{ Key: 'slipway:token-secret', Value: 'gl-token' }]);
    const bad = await buildCloneReference(
      { ConnectionArn: refusing, FullRepositoryId: 'group/app', CommitId: commit },
      'pipe/Code/refused',
    );
    assert.equal(bad.status, 'Failed');
    assert.match(bad.errorDetails!.message, /in phase DOWNLOAD_SOURCE: cannot clone http:\/\/127\.0\.0\.1:\d+\/git\/group\/app\.git/);
    assert.ok(!bad.errorDetails!.message.includes('glpat-clone-token'), 'the failure names no token');
    assert.ok(seen.includes(`Basic ${Buffer.from('oauth2:glpat-clone-token').toString('base64')}`), `the provider saw ${seen.join(', ')}`);
    const log = await buildLog(await getBuild(cb, bad.externalExecutionId!));
    assert.ok(!log.includes('glpat-clone-token'), 'the build log names no token');
  } finally {
    await new Promise((resolve) => provider.close(resolve));
  }
});

test('a clone reference to a commit the repository lacks fails DOWNLOAD_SOURCE, saying which', async () => {
  const missing = 'f'.repeat(40);
  const outcome = await buildCloneReference(
    { ConnectionArn: connectionArn, FullRepositoryId: 'acme/app', CommitId: missing },
    'pipe/Code/ref',
  );
  assert.equal(outcome.status, 'Failed');
  assert.match(
    outcome.errorDetails!.message,
    /in phase DOWNLOAD_SOURCE: cannot clone acme\/app through connection .* at f{40}: reference not found/,
  );
  const build = await getBuild(cb, outcome.externalExecutionId!);
  assert.ok(phaseList(build).includes('DOWNLOAD_SOURCE:FAILED'), phaseList(build).join(' '));
  const context = build.phases!.find((p) => p.phaseType === 'DOWNLOAD_SOURCE')!.contexts![0];
  assert.equal(context.statusCode, 'CLIENT_ERROR');
  assert.match(context.message!, /cannot clone acme\/app/);
});
