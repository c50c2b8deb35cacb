/**
 * CodeBuild on real Docker with the small test image (busybox, no bash: the runner's /bin/sh
 * path): projects through the SDK and the aws CLI, git sources at a branch, tag or commit, the
 * one-shell-session semantics, CodeBuild's phase transitions on failure, exported variables,
 * variable precedence, artifacts and their download, logs, reports, cache, StopBuild, timeout.
 */
import {
  BatchDeleteBuildsCommand,
  BatchGetProjectsCommand,
  BatchGetReportsCommand,
  DeleteProjectCommand,
  DescribeTestCasesCommand,
  ListBuildsForProjectCommand,
  ListProjectsCommand,
  ListReportsForReportGroupCommand,
  RetryBuildCommand,
  StartBuildCommand,
  StopBuildCommand,
  UpdateProjectCommand,
  type CodeBuildClient,
} from '@aws-sdk/client-codebuild';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import {
  artifactZip,
  buildLog,
  createBuckets,
  createProject,
  getBuild,
  gitRepo,
  phaseList,
  runBuild,
  startCodebuildSlipway,
  unzip,
  waitForBuild,
} from '../support/codebuild.ts';
import { expectAwsError } from '../support/ecr.ts';
import { awsCli, docker, waitFor, type TestSlipway } from '../support/slipway.ts';

let s: TestSlipway;
let cb: CodeBuildClient;
const repos: string[] = [];
const root = new URL('../../', import.meta.url).pathname;

before(async () => {
  ({ s, cb } = await startCodebuildSlipway());
  await createBuckets(s.endpoint, 'my-bucket', 'cb-artifacts');
});
after(async () => {
  await s?.close();
  for (const r of repos) rmSync(r, { recursive: true, force: true });
});

const SESSION_BUILDSPEC = `version: 0.2
env:
  variables:
    FROM_BUILDSPEC: buildspec
    OVERRIDDEN: by-buildspec
  exported-variables: [IMAGE_TAG, OVERRIDDEN, NEVER_SET]
phases:
  install:
    commands:
      - cd app && export STAGE=installed
      - COUNT=1
  pre_build:
    commands:
      - echo "pwd=$(pwd) stage=$STAGE count=$COUNT" > ../session.txt
      - IMAGE_TAG=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)
  build:
    commands:
      - mkdir -p ../dist/sub && echo built > ../dist/sub/out.txt && echo skip > ../dist/sub/skip.log
      - printf '[{"name":"web","imageUri":"repo:%s"}]' $IMAGE_TAG > ../imagedefinitions.json
  post_build:
    commands:
      - echo "$FROM_BUILDSPEC $FROM_PROJECT $OVERRIDDEN $CODEBUILD_BUILD_NUMBER $CODEBUILD_SOURCE_VERSION" > ../vars.txt
artifacts:
  files: ['imagedefinitions.json', 'session.txt', 'vars.txt']
  secondary-artifacts:
    dist:
      base-directory: dist
      files: ['**/*']
      exclude-paths: ['**/*.log']
      discard-paths: yes
`;

describe('CodeBuild API and builds', () => {
  test('projects: create (SDK), read and list (aws CLI), update, errors, delete', async () => {
    await createProject(cb, { name: 'crud', description: 'first' });
    const got = await awsCli(s.endpoint, ['codebuild', 'batch-get-projects', '--names', 'crud', 'missing']);
    assert.equal(got.projects[0].arn, 'arn:aws:codebuild:us-east-1:000000000000:project/crud');
    assert.equal(got.projects[0].timeoutInMinutes, 60);
    assert.deepEqual(got.projects[0].cache, { type: 'NO_CACHE' });
    assert.deepEqual(got.projectsNotFound, ['missing']);
    assert.ok((await awsCli(s.endpoint, ['codebuild', 'list-projects'])).projects.includes('crud'));
    const updated = await cb.send(new UpdateProjectCommand({ name: 'crud', description: 'second', timeoutInMinutes: 10 }));
    assert.equal(updated.project?.description, 'second');
    assert.equal(updated.project?.timeoutInMinutes, 10);
    await expectAwsError(
      createProject(cb, { name: 'crud' }),
      'ResourceAlreadyExistsException',
      'Project already exists: arn:aws:codebuild:us-east-1:000000000000:project/crud',
    );
    await expectAwsError(cb.send(new StartBuildCommand({ projectName: 'nope' })), 'ResourceNotFoundException', /Project cannot be found/);
    await expectAwsError(createProject(cb, { name: '-bad' }), 'InvalidInputException', /name/);
    await expectAwsError(
      createProject(cb, {
        name: 'reserved',
        environment: {
          type: 'LINUX_CONTAINER',
          image: 'x',
          computeType: 'BUILD_GENERAL1_SMALL',
          environmentVariables: [{ name: 'CODEBUILD_X', value: '1' }],
        },
      }),
      'InvalidInputException',
      /reserved/,
    );
    await expectAwsError(createProject(cb, { name: 'nosrc', source: { type: 'GITHUB' } }), 'InvalidInputException', /location is required/);
    await cb.send(new DeleteProjectCommand({ name: 'crud' }));
    assert.deepEqual((await cb.send(new BatchGetProjectsCommand({ names: ['crud'] }))).projectsNotFound, ['crud']);
    assert.ok(!(await cb.send(new ListProjectsCommand({}))).projects?.includes('crud'));
  });

  test('a git source at a tag: one shell session, exported variables, precedence, artifacts, logs', async () => {
    const repo = gitRepo({ 'buildspec.yml': SESSION_BUILDSPEC, 'app/README': 'app\n' });
    repos.push(repo.path);
    const later = repo.commitMore(
      { 'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands: ["false"]\n' },
      'break the build on main',
    );
    await promisify(execFile)('git', ['tag', 'v1', repo.commit], { cwd: repo.path });
    await createProject(cb, {
      name: 'session',
      source: { type: 'GITHUB', location: `file://${repo.path}` },
      artifacts: { type: 'S3', location: 'my-bucket', name: 'out' },
      secondaryArtifacts: [{ type: 'S3', location: 'my-bucket', artifactIdentifier: 'dist', name: 'dist-files' }],
      environment: {
        type: 'LINUX_CONTAINER',
        image: 'slipway-test/busybox:1',
        computeType: 'BUILD_GENERAL1_SMALL',
        environmentVariables: [
          { name: 'FROM_PROJECT', value: 'project' },
          { name: 'OVERRIDDEN', value: 'by-project' },
        ],
      },
    });
    const build = await runBuild(cb, {
      projectName: 'session',
      sourceVersion: 'v1',
      environmentVariablesOverride: [{ name: 'OVERRIDDEN', value: 'by-override' }],
    });
    assert.equal(build.buildStatus, 'SUCCEEDED', await buildLog(build));
    assert.deepEqual(phaseList(build), [
      'SUBMITTED:SUCCEEDED',
      'QUEUED:SUCCEEDED',
      'PROVISIONING:SUCCEEDED',
      'DOWNLOAD_SOURCE:SUCCEEDED',
      'INSTALL:SUCCEEDED',
      'PRE_BUILD:SUCCEEDED',
      'BUILD:SUCCEEDED',
      'POST_BUILD:SUCCEEDED',
      'UPLOAD_ARTIFACTS:SUCCEEDED',
      'FINALIZING:SUCCEEDED',
      'COMPLETED',
    ]);
    assert.equal(build.resolvedSourceVersion, repo.commit);
    assert.notEqual(later, repo.commit);
    assert.equal(build.buildNumber, 1);
    assert.match(build.id!, /^session:[0-9a-f-]{36}$/);
    assert.deepEqual(build.exportedEnvironmentVariables, [
      { name: 'IMAGE_TAG', value: repo.commit.slice(0, 7) },
      { name: 'OVERRIDDEN', value: 'by-override' },
    ]);
    assert.equal(build.logs?.groupName, '/aws/codebuild/session');
    assert.equal(build.logs?.streamName, build.id!.split(':')[1]);
    assert.equal(build.artifacts!.location, 'arn:aws:s3:::my-bucket/out');
    const files = await unzip(artifactZip(s.endpoint, build));
    assert.deepEqual(Object.keys(files).sort(), ['imagedefinitions.json', 'session.txt', 'vars.txt']);
    assert.equal(files['session.txt'], 'pwd=/codebuild/output/src1/src/app stage=installed count=1\n');
    assert.equal(files['vars.txt'], 'buildspec project by-override 1 v1\n');
    assert.equal(files['imagedefinitions.json'], `[{"name":"web","imageUri":"repo:${repo.commit.slice(0, 7)}"}]`);
    assert.match(build.artifacts!.sha256sum!, /^[0-9a-f]{64}$/);
    assert.equal(build.secondaryArtifacts?.[0].artifactIdentifier, 'dist');
    assert.equal(build.secondaryArtifacts?.[0].location, 'arn:aws:s3:::my-bucket/dist-files');
    assert.deepEqual(await unzip(artifactZip(s.endpoint, build, 'dist')), { 'out.txt': 'built\n' });
    const listing = (await (await fetch(artifactZip(s.endpoint, build).replace(/primary\.zip$/, ''))).json()) as {
      artifacts: { name: string }[];
    };
    assert.deepEqual(
      listing.artifacts.map((a) => a.name),
      ['out', 'dist-files'],
    );
    const log = await buildLog(build);
    assert.match(log, /\[Container\] \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(\.\d+)? Running command cd app && export STAGE=installed\n/);
    assert.match(log, /Phase complete: POST_BUILD State: SUCCEEDED/);
    assert.doesNotMatch(log, /##slipway##/);
    const cli = await promisify(execFile)(process.execPath, [
      join(root, 'bin/slipway.js'),
      'logs',
      'build',
      build.id!,
      '--endpoint',
      s.endpoint,
    ]);
    assert.equal(cli.stdout, log);
    // The branch head breaks the build: the default source version is main.
    const broken = await runBuild(cb, { projectName: 'session' });
    assert.equal(broken.resolvedSourceVersion, later);
    assert.equal(broken.buildStatus, 'FAILED');
    assert.equal(broken.buildNumber, 2);
  });

  test('a source archive on this machine (.zip and .tar.gz) is unpacked as the source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-cb-archive-'));
    repos.push(dir);
    const buildspec = 'version: 0.2\nphases:\n  build:\n    commands: ["cat app/hello.txt > out.txt"]\nartifacts:\n  files: [out.txt]\n';
    execFileSync('python3', [
      '-c',
      'import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1],"w")\nz.writestr("buildspec.yml",sys.argv[2])\nz.writestr("app/hello.txt","from the zip\\n")',
      join(dir, 'src.zip'),
      buildspec,
    ]);
    mkdirSync(join(dir, 'tree/app'), { recursive: true });
    writeFileSync(join(dir, 'tree/buildspec.yml'), buildspec);
    writeFileSync(join(dir, 'tree/app/hello.txt'), 'from the tarball\n');
    execFileSync('tar', ['-czf', join(dir, 'src.tar.gz'), '-C', join(dir, 'tree'), '.']);
    for (const [archive, text] of [
      ['src.zip', 'from the zip\n'],
      ['src.tar.gz', 'from the tarball\n'],
    ]) {
      const name = `archive-${archive.replaceAll('.', '-')}`;
      await createProject(cb, {
        name,
        source: { type: 'S3', location: join(dir, archive) },
        artifacts: { type: 'S3', location: 'cb-artifacts' },
      });
      const build = await runBuild(cb, { projectName: name });
      assert.equal(build.buildStatus, 'SUCCEEDED', await buildLog(build));
      assert.deepEqual(await unzip(artifactZip(s.endpoint, build)), { 'out.txt': text });
    }
    // A location starting with / is this machine's, never a bucket.
    await createProject(cb, { name: 'archive-missing', source: { type: 'S3', location: join(dir, 'absent.zip') } });
    const missing = await runBuild(cb, { projectName: 'archive-missing' });
    assert.equal(missing.buildStatus, 'FAILED');
    assert.match(JSON.stringify(missing.phases), /absent\.zip is neither an archive/);
  });

  test('a failed BUILD still runs POST_BUILD (CODEBUILD_BUILD_SUCCEEDING=0) and uploads artifacts', async () => {
    await createProject(cb, {
      name: 'build-fails',
      artifacts: { type: 'S3', location: 'cb-artifacts' },
      source: {
        type: 'NO_SOURCE',
        buildspec:
          'version: 0.2\nphases:\n  build:\n    commands: ["echo one", "exit_code=3; (exit $exit_code)", "echo never"]\n    finally: ["echo finally $CODEBUILD_BUILD_SUCCEEDING"]\n  post_build:\n    commands: ["echo $CODEBUILD_BUILD_SUCCEEDING > post.txt", "echo out; echo err >&2; echo last words >&2"]\nartifacts:\n  files: [post.txt]\n',
      },
    });
    const build = await runBuild(cb, { projectName: 'build-fails' });
    assert.equal(build.buildStatus, 'FAILED');
    assert.deepEqual(phaseList(build).slice(6), [
      'BUILD:FAILED',
      'POST_BUILD:SUCCEEDED',
      'UPLOAD_ARTIFACTS:SUCCEEDED',
      'FINALIZING:SUCCEEDED',
      'COMPLETED',
    ]);
    assert.deepEqual(build.phases![6].contexts, [
      {
        statusCode: 'COMMAND_EXECUTION_ERROR',
        message: 'Error while executing command: exit_code=3; (exit $exit_code). Reason: exit status 3',
      },
    ]);
    assert.deepEqual(await unzip(artifactZip(s.endpoint, build)), { 'post.txt': '0\n' });
    const log = await buildLog(build);
    assert.match(log, /Command did not exit successfully exit_code=3; \(exit \$exit_code\) exit status 3/);
    assert.match(log, /finally 1\n/);
    assert.doesNotMatch(log, /never/);
    // The build's errors are in its log where they were written, up to its last line.
    assert.match(log, /\nout\nerr\nlast words\n/);
  });

  test('a failed PRE_BUILD skips to FINALIZING, as CodeBuild does; on-failure CONTINUE goes on; a bad buildspec fails DOWNLOAD_SOURCE', async () => {
    const spec = (onFailure: string) =>
      `version: 0.2\nphases:\n  pre_build:\n    ${onFailure}commands: ["false"]\n  build:\n    commands: ["echo build ran"]\n  post_build:\n    commands: ["echo post ran"]\n`;
    await createProject(cb, { name: 'pre-fails', source: { type: 'NO_SOURCE', buildspec: spec('') } });
    const stopped = await runBuild(cb, { projectName: 'pre-fails' });
    assert.equal(stopped.buildStatus, 'FAILED');
    assert.deepEqual(phaseList(stopped).slice(4), ['INSTALL:SUCCEEDED', 'PRE_BUILD:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED']);
    assert.doesNotMatch(await buildLog(stopped), /post ran/);
    const continued = await runBuild(cb, { projectName: 'pre-fails', buildspecOverride: spec('on-failure: CONTINUE\n    ') });
    assert.equal(continued.buildStatus, 'FAILED');
    assert.deepEqual(phaseList(continued).slice(5, 8), ['PRE_BUILD:FAILED', 'BUILD:SUCCEEDED', 'POST_BUILD:SUCCEEDED']);
    const bad = await runBuild(cb, {
      projectName: 'pre-fails',
      buildspecOverride: 'version: 0.2\nphases:\n  prebuild:\n    commands: [ls]\n',
    });
    assert.deepEqual(phaseList(bad).slice(3), ['DOWNLOAD_SOURCE:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED']);
    assert.equal(bad.phases![3].contexts![0].statusCode, 'YAML_FILE_ERROR');
    assert.match(bad.phases![3].contexts![0].message!, /unknown key 'phases\.prebuild'/);
    const exited = await runBuild(cb, {
      projectName: 'pre-fails',
      buildspecOverride:
        'version: 0.2\nphases:\n  build:\n    commands: ["echo hi", "exit 5"]\n  post_build:\n    commands: ["echo post ran"]\n',
    });
    assert.deepEqual(phaseList(exited).slice(6), ['BUILD:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED']);
    assert.match(
      exited.phases![6].contexts![0].message!,
      /^Error while executing command: exit 5\. Reason: the build shell exited with status 5 before the phase ended/,
    );
  });

  test('phases show while they happen; StopBuild stops the container; the timeout times the build out', async () => {
    await createProject(cb, {
      name: 'slow',
      source: { type: 'NO_SOURCE', buildspec: 'version: 0.2\nphases:\n  build:\n    commands: ["echo sleeping", "sleep 600"]\n' },
    });
    const { build } = await cb.send(new StartBuildCommand({ projectName: 'slow' }));
    assert.equal(build?.buildStatus, 'IN_PROGRESS');
    const running = await waitFor('BUILD to be under way', async () => {
      const b = await getBuild(cb, build!.id!);
      return b.currentPhase === 'BUILD' && b;
    });
    assert.equal(running.phases!.find((p) => p.phaseType === 'INSTALL')?.phaseStatus, 'SUCCEEDED');
    assert.equal(running.phases!.at(-1)?.phaseStatus, undefined);
    // A build's container carries its name (a warm one was labelled before it had a build).
    const container = `slipway-codebuild-${build!.id!.split(':')[1]}`;
    assert.equal((await docker.getContainer(container).inspect()).State.Running, true);
    await cb.send(new StopBuildCommand({ id: build!.id! }));
    const stopped = await waitForBuild(cb, build!.id!, 30_000);
    assert.equal(stopped.buildStatus, 'STOPPED');
    assert.equal(stopped.phases!.find((p) => p.phaseType === 'BUILD')?.phaseStatus, 'STOPPED');
    await waitFor(
      'the stopped build container to be removed',
      async () => (await docker.listContainers({ all: true, filters: { name: [`^/${container}$`] } })).length === 0,
    );
    const timedOut = await runBuild(cb, { projectName: 'slow', timeoutInMinutesOverride: 5 }, 60_000);
    assert.equal(timedOut.buildStatus, 'TIMED_OUT');
    assert.equal(timedOut.phases!.find((p) => p.phaseType === 'BUILD')?.phaseStatus, 'TIMED_OUT');
  });

  test('reports from JUnit XML, cache paths kept between builds, RetryBuild, ListBuildsForProject, BatchDeleteBuilds', async () => {
    const junit = `<testsuites><testsuite name="pytest" tests="2"><testcase classname="test_main" name="test_ok" time="0.5"/><testcase classname="test_main" name="test_bad" time="0.1"><failure message="nope">trace</failure></testcase></testsuite></testsuites>`;
    await createProject(cb, {
      name: 'reports',
      cache: { type: 'LOCAL', modes: ['LOCAL_CUSTOM_CACHE'] },
      source: {
        type: 'NO_SOURCE',
        buildspec: `version: 0.2\nphases:\n  build:\n    commands:\n      - mkdir -p out deps && echo '${junit}' > out/junit.xml\n      - cat deps/seen 2>/dev/null || echo none; date > deps/seen\nreports:\n  unit:\n    files: ['*.xml']\n    base-directory: out\ncache:\n  paths: ['deps/**/*']\n`,
      },
    });
    const first = await runBuild(cb, { projectName: 'reports' });
    assert.equal(first.buildStatus, 'SUCCEEDED');
    assert.equal(first.reportArns?.length, 1);
    const [report] = (await cb.send(new BatchGetReportsCommand({ reportArns: first.reportArns! }))).reports!;
    assert.equal(report.reportGroupArn, 'arn:aws:codebuild:us-east-1:000000000000:report-group/reports-unit');
    assert.equal(report.status, 'FAILED');
    assert.deepEqual(report.testSummary, { total: 2, statusCounts: { SUCCEEDED: 1, FAILED: 1 }, durationInNanoSeconds: 600_000_000 });
    const failed = await cb.send(new DescribeTestCasesCommand({ reportArn: report.arn!, filter: { status: 'FAILED' } }));
    assert.deepEqual(
      failed.testCases?.map((c) => [c.prefix, c.name, c.message]),
      [['test_main', 'test_bad', 'nope\ntrace']],
    );
    const second = await cb.send(new RetryBuildCommand({ id: first.id! }));
    const retried = await waitForBuild(cb, second.build!.id!);
    assert.equal(retried.buildNumber, 2);
    assert.match(await buildLog(retried), /Restoring cache deps\/\*\*\/\*[^\n]*\n[\s\S]*\d{2}:\d{2}:\d{2}/);
    assert.doesNotMatch(await buildLog(retried), /^none$/m);
    const groupReports = await cb.send(new ListReportsForReportGroupCommand({ reportGroupArn: report.reportGroupArn! }));
    assert.equal(groupReports.reports?.length, 2);
    const ids = (await cb.send(new ListBuildsForProjectCommand({ projectName: 'reports' }))).ids!;
    assert.deepEqual(ids, [retried.id, first.id]);
    const deleted = await cb.send(new BatchDeleteBuildsCommand({ ids: [first.id!, 'reports:00000000-0000-0000-0000-000000000000'] }));
    assert.deepEqual(deleted.buildsDeleted, [first.arn]);
    assert.deepEqual(deleted.buildsNotDeleted, [{ id: 'reports:00000000-0000-0000-0000-000000000000', statusCode: 'BUILD_NOT_FOUND' }]);
    assert.equal((await fetch(first.logs!.deepLink!)).status, 404);
  });
});
