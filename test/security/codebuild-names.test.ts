/**
 * Names a user gives that become paths (artifact identifiers, report names, log names) and the
 * numbers CodeBuild bounds (concurrentBuildLimit, autoRetryLimit, timeouts) are checked as AWS
 * checks them: the API refuses with InvalidInputException naming the field and writes nothing; a
 * buildspec that names one fails its build in DOWNLOAD_SOURCE with YAML_FILE_ERROR before anything
 * is written. Real builds in real containers (the busybox test image).
 */
import {
  BatchGetProjectsCommand,
  CreateReportGroupCommand,
  ListBuildsForProjectCommand,
  ListReportGroupsCommand,
  StartBuildCommand,
  StopBuildCommand,
  UpdateProjectCommand,
  type CodeBuildClient,
} from '@aws-sdk/client-codebuild';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  artifactZip,
  buildLog,
  createBuckets,
  createProject,
  getBuild,
  phaseList,
  runBuild,
  startCodebuildSlipway,
  waitForBuild,
} from '../support/codebuild.ts';
import { expectAwsError } from '../support/ecr.ts';
import { waitFor, type TestSlipway } from '../support/slipway.ts';

let s: TestSlipway;
let cb: CodeBuildClient;

before(async () => {
  ({ s, cb } = await startCodebuildSlipway());
  await createBuckets(s.endpoint, 'cb-artifacts');
});
after(async () => {
  await s?.close();
});

const IDENTIFIER_RULE = 'can only contain alphanumeric characters and underscores, and must be less than 128 characters in length';
/** From <data-dir>/codebuild/artifacts/<uuid>/, four levels up is the directory that holds the data directory. */
const escapingName = () => `../../../../slipway-escape-${randomBytes(4).toString('hex')}`;
const escaped = (name: string) => join(tmpdir(), name.slice('../../../../'.length));

async function projectNames(): Promise<string[]> {
  const all = await cb.send(new BatchGetProjectsCommand({ names: ['names-bad', 'names-ok', 'limits-bad'] }));
  return (all.projects ?? []).map((p) => p.name!);
}

describe('names that become paths', () => {
  test('an artifact identifier that is a path is refused at CreateProject, UpdateProject and StartBuild, writing nothing', async () => {
    const bad = escapingName();
    await expectAwsError(
      createProject(cb, {
        name: 'names-bad',
        artifacts: { type: 'S3', location: 'cb-artifacts' },
        secondaryArtifacts: [{ type: 'S3', location: 'cb-artifacts', artifactIdentifier: bad }],
      }),
      'InvalidInputException',
      `Invalid secondaryArtifacts[0].artifactIdentifier: '${bad}' ${IDENTIFIER_RULE}`,
    );
    await expectAwsError(
      createProject(cb, {
        name: 'names-bad',
        secondarySources: [{ type: 'NO_SOURCE', buildspec: 'version: 0.2\n', sourceIdentifier: 'a/b' }],
      }),
      'InvalidInputException',
      `Invalid secondarySources[0].sourceIdentifier: 'a/b' ${IDENTIFIER_RULE}`,
    );
    await expectAwsError(
      createProject(cb, { name: 'names-bad', logsConfig: { cloudWatchLogs: { status: 'ENABLED', groupName: 'a group' } } }),
      'InvalidInputException',
      /^Invalid logsConfig\.cloudWatchLogs\.groupName: 'a group'/,
    );
    assert.deepEqual(await projectNames(), []);

    await createProject(cb, { name: 'names-ok', artifacts: { type: 'S3', location: 'cb-artifacts' } });
    await expectAwsError(
      cb.send(
        new UpdateProjectCommand({
          name: 'names-ok',
          secondaryArtifacts: [{ type: 'S3', location: 'cb-artifacts', artifactIdentifier: bad }],
        }),
      ),
      'InvalidInputException',
      `Invalid secondaryArtifacts[0].artifactIdentifier: '${bad}' ${IDENTIFIER_RULE}`,
    );
    await expectAwsError(
      cb.send(
        new UpdateProjectCommand({
          name: 'names-ok',
          secondaryArtifacts: [
            { type: 'S3', location: 'cb-artifacts', artifactIdentifier: 'twice' },
            { type: 'S3', location: 'cb-artifacts', artifactIdentifier: 'twice' },
          ],
        }),
      ),
      'InvalidInputException',
      "Invalid secondaryArtifacts: artifactIdentifier 'twice' appears more than once",
    );
    assert.deepEqual((await cb.send(new BatchGetProjectsCommand({ names: ['names-ok'] }))).projects![0].secondaryArtifacts, []);
    await expectAwsError(
      cb.send(
        new StartBuildCommand({
          projectName: 'names-ok',
          secondaryArtifactsOverride: [{ type: 'S3', location: 'cb-artifacts', artifactIdentifier: bad }],
        }),
      ),
      'InvalidInputException',
      `Invalid secondaryArtifactsOverride[0].artifactIdentifier: '${bad}' ${IDENTIFIER_RULE}`,
    );
    assert.deepEqual((await cb.send(new ListBuildsForProjectCommand({ projectName: 'names-ok' }))).ids, []);
    assert.equal(existsSync(escaped(bad)), false);
  });

  test('a buildspec secondary artifact or report named by a path fails the build with YAML_FILE_ERROR, writing nothing outside', async () => {
    const bad = escapingName();
    const build = await runBuild(cb, {
      projectName: 'names-ok',
      buildspecOverride: `version: 0.2\nphases:\n  build:\n    commands: ["echo hi > out.txt"]\nartifacts:\n  files: [out.txt]\n  secondary-artifacts:\n    "${bad}":\n      files: [out.txt]\n`,
    });
    assert.equal(build.buildStatus, 'FAILED', await buildLog(build));
    assert.deepEqual(phaseList(build).slice(3), ['DOWNLOAD_SOURCE:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED']);
    assert.deepEqual(build.phases![3].contexts, [
      { statusCode: 'YAML_FILE_ERROR', message: `'artifacts.secondary-artifacts' identifier '${bad}' ${IDENTIFIER_RULE}` },
    ]);
    assert.equal(existsSync(escaped(bad)), false);
    assert.equal(existsSync(`${escaped(bad)}.zip`), false);

    const report = await runBuild(cb, {
      projectName: 'names-ok',
      buildspecOverride: 'version: 0.2\nphases:\n  build:\n    commands: ["echo hi"]\nreports:\n  "../x":\n    files: [out.xml]\n',
    });
    assert.equal(report.buildStatus, 'FAILED');
    assert.deepEqual(report.phases![3].contexts, [
      {
        statusCode: 'YAML_FILE_ERROR',
        message: "'reports' name '../x' must be a report group ARN or 1 to 100 letters, digits, hyphens and underscores",
      },
    ]);
    // Nothing was collected for either build.
    assert.deepEqual(
      readdirSync(join(s.dataDir, 'codebuild')).filter((d) => d === 'artifacts'),
      [],
    );
  });
});

test("an artifact name the build's shell expands to control characters still serves the zip, named without them", async () => {
  await createProject(cb, {
    name: 'names-shell',
    artifacts: { type: 'S3', location: 'cb-artifacts', name: 'x', overrideArtifactName: true },
    source: {
      type: 'NO_SOURCE',
      buildspec:
        "version: 0.2\nphases:\n  build:\n    commands: ['echo hi > out.txt']\nartifacts:\n  files: [out.txt]\n  name: $(printf 'two\\r\\nlines')\n",
    },
  });
  const build = await runBuild(cb, { projectName: 'names-shell' });
  assert.equal(build.buildStatus, 'SUCCEEDED', await buildLog(build));
  const res = await fetch(artifactZip(s.endpoint, build));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-disposition'), 'attachment; filename="twolines.zip"');
});

describe('report group names', () => {
  test('a name with control characters, a lone surrogate or a path is refused, writing nothing; a plain one is kept', async () => {
    const before = (await cb.send(new ListReportGroupsCommand({}))).reportGroups ?? [];
    for (const name of ['fuzz\u0000', '\u0001\u000b\f', 'a\ud800b', '../../etc/x', 'x']) {
      await expectAwsError(
        cb.send(new CreateReportGroupCommand({ name, type: 'TEST', exportConfig: { exportConfigType: 'NO_EXPORT' } })),
        'InvalidInputException',
        /report group name|'name'/,
      );
    }
    assert.deepEqual((await cb.send(new ListReportGroupsCommand({}))).reportGroups ?? [], before);
    const kept = await cb.send(
      new CreateReportGroupCommand({ name: 'unit-tests_2', type: 'TEST', exportConfig: { exportConfigType: 'NO_EXPORT' } }),
    );
    assert.match(kept.reportGroup!.arn!, /:report-group\/unit-tests_2$/);
  });
});

describe('CodeBuild number limits', () => {
  test('concurrentBuildLimit (1 to the account quota of 60), autoRetryLimit (0 to 10), timeouts (5 to 2160, 5 to 480) are refused outside their ranges, writing nothing', async () => {
    for (const concurrentBuildLimit of [0, -1, 61]) {
      await expectAwsError(
        createProject(cb, { name: 'limits-bad', concurrentBuildLimit }),
        'InvalidInputException',
        `Invalid concurrentBuildLimit: ${concurrentBuildLimit}; it must be at least 1 and at most the account's concurrent build limit of 60`,
      );
    }
    for (const autoRetryLimit of [-1, 11]) {
      await expectAwsError(
        createProject(cb, { name: 'limits-bad', autoRetryLimit }),
        'InvalidInputException',
        `Invalid autoRetryLimit: ${autoRetryLimit}; it must be between 0 and 10`,
      );
    }
    await expectAwsError(
      createProject(cb, { name: 'limits-bad', timeoutInMinutes: 2161 }),
      'InvalidInputException',
      /timeoutInMinutes.*less than or equal to 2160/,
    );
    await expectAwsError(
      createProject(cb, { name: 'limits-bad', queuedTimeoutInMinutes: 4 }),
      'InvalidInputException',
      /queuedTimeoutInMinutes.*greater than or equal to 5/,
    );
    assert.ok(!(await projectNames()).includes('limits-bad'));

    await createProject(cb, { name: 'limits', concurrentBuildLimit: 60, autoRetryLimit: 10 });
    const read = async () => (await cb.send(new BatchGetProjectsCommand({ names: ['limits'] }))).projects![0];
    assert.equal((await read()).concurrentBuildLimit, 60);
    assert.equal((await read()).autoRetryLimit, 10);
    await expectAwsError(
      cb.send(new UpdateProjectCommand({ name: 'limits', concurrentBuildLimit: 61 })),
      'InvalidInputException',
      "Invalid concurrentBuildLimit: 61; it must be at least 1 and at most the account's concurrent build limit of 60 (-1 removes the limit)",
    );
    await expectAwsError(
      cb.send(new UpdateProjectCommand({ name: 'limits', autoRetryLimit: 11, description: 'not written' })),
      'InvalidInputException',
      'Invalid autoRetryLimit: 11; it must be between 0 and 10',
    );
    assert.equal((await read()).description, undefined);
    await cb.send(new UpdateProjectCommand({ name: 'limits', concurrentBuildLimit: -1 }));
    assert.equal((await read()).concurrentBuildLimit, undefined);
    await expectAwsError(
      cb.send(new StartBuildCommand({ projectName: 'limits', autoRetryLimitOverride: 11 })),
      'InvalidInputException',
      'Invalid autoRetryLimitOverride: 11; it must be between 0 and 10',
    );
    await expectAwsError(
      cb.send(new StartBuildCommand({ projectName: 'limits', timeoutInMinutesOverride: 4 })),
      'InvalidInputException',
      /timeoutInMinutesOverride.*greater than or equal to 5/,
    );
    assert.deepEqual((await cb.send(new ListBuildsForProjectCommand({ projectName: 'limits' }))).ids, []);
  });

  test("a project's concurrentBuildLimit refuses a build beyond it while one runs", async () => {
    await createProject(cb, {
      name: 'one-at-a-time',
      concurrentBuildLimit: 1,
      source: { type: 'NO_SOURCE', buildspec: 'version: 0.2\nphases:\n  build:\n    commands: ["sleep 600"]\n' },
    });
    const { build } = await cb.send(new StartBuildCommand({ projectName: 'one-at-a-time' }));
    await expectAwsError(
      cb.send(new StartBuildCommand({ projectName: 'one-at-a-time' })),
      'AccountLimitExceededException',
      'Cannot have more than 1 active builds for the project one-at-a-time (its concurrentBuildLimit)',
    );
    assert.deepEqual((await cb.send(new ListBuildsForProjectCommand({ projectName: 'one-at-a-time' }))).ids, [build!.id]);
    await waitFor('the build to run', async () => (await getBuild(cb, build!.id!)).currentPhase === 'BUILD');
    await cb.send(new StopBuildCommand({ id: build!.id! }));
    assert.equal((await waitForBuild(cb, build!.id!, 30_000)).buildStatus, 'STOPPED');
    const next = await cb.send(
      new StartBuildCommand({
        projectName: 'one-at-a-time',
        buildspecOverride: 'version: 0.2\nphases:\n  build:\n    commands: ["true"]\n',
      }),
    );
    assert.equal((await waitForBuild(cb, next.build!.id!)).buildStatus, 'SUCCEEDED');
  });
});
