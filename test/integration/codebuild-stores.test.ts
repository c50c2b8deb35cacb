/**
 * CodeBuild on the stores Slipway keeps (busybox test image): a source zip uploaded with `aws s3 cp`
 * and pinned by its object version, buildspecs stored in S3, S3 artifacts (ZIP and NONE, path,
 * namespaceType BUILD_ID, name, s3-prefix, overrideArtifactName) downloaded with `aws s3 cp` and compared, parameter-store and
 * secrets-manager variables used and masked in the log, and the log read back from CloudWatch Logs.
 */
import { CreateProjectCommand, type CodeBuildClient } from '@aws-sdk/client-codebuild';
import { DescribeLogStreamsCommand, GetLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  artifactZip,
  buildLog,
  BUSYBOX_ENV,
  createBuckets,
  createProject,
  phaseList,
  runBuild,
  startCodebuildSlipway,
} from '../support/codebuild.ts';
import { logsClient } from '../support/logs.ts';
import { aws, type TestSlipway } from '../support/slipway.ts';

let s: TestSlipway;
let cb: CodeBuildClient;
let logs: CloudWatchLogsClient;
let dir: string;

before(async () => {
  ({ s, cb } = await startCodebuildSlipway());
  logs = logsClient(s.endpoint);
  dir = mkdtempSync(join(tmpdir(), 'slipway-cb-stores-'));
});
after(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A zip of `files` written by Python's zipfile; returns its path. */
function zipOf(name: string, files: Record<string, string>): string {
  const path = join(dir, name);
  execFileSync('python3', [
    '-c',
    'import sys,json,zipfile\nz=zipfile.ZipFile(sys.argv[1],"w")\nfor k,v in json.loads(sys.argv[2]).items(): z.writestr(k,v)',
    path,
    JSON.stringify(files),
  ]);
  return path;
}

/** Every file under `root`, as text, by path relative to it. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[relative(root, join(entry.parentPath, entry.name))] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

const uuidOf = (id: string) => id.split(':')[1];

const ARTIFACT_BUILDSPEC = `version: 0.2
phases:
  build:
    commands:
      - mkdir -p site/css && cat app/hello.txt > out.txt && echo body > site/index.html && echo red > site/css/a.css
artifacts:
  files: [out.txt]
  secondary-artifacts:
    site:
      base-directory: site
      files: ['**/*']
`;

describe('CodeBuild with S3, Parameter Store, Secrets Manager and CloudWatch Logs', () => {
  test('a source zip in a bucket at an object version, a buildspec in S3, artifacts written as CodeBuild writes them', async () => {
    await aws(s.endpoint, ['s3', 'mb', 's3://cb-src']);
    await aws(s.endpoint, ['s3api', 'put-bucket-versioning', '--bucket', 'cb-src', '--versioning-configuration', 'Status=Enabled']);
    await createBuckets(s.endpoint, 'cb-out');
    await aws(s.endpoint, ['s3', 'cp', zipOf('v1.zip', { 'app/hello.txt': 'first\n' }), 's3://cb-src/app/src.zip']);
    const v1 = JSON.parse(await aws(s.endpoint, ['s3api', 'head-object', '--bucket', 'cb-src', '--key', 'app/src.zip']))
      .VersionId as string;
    await aws(s.endpoint, ['s3', 'cp', zipOf('v2.zip', { 'app/hello.txt': 'second\n' }), 's3://cb-src/app/src.zip']);
    writeFileSync(join(dir, 'buildspec.yml'), ARTIFACT_BUILDSPEC);
    await aws(s.endpoint, ['s3', 'cp', join(dir, 'buildspec.yml'), 's3://cb-src/specs/buildspec.yml']);

    await createProject(cb, {
      name: 'from-s3',
      source: { type: 'S3', location: 'cb-src/app/src.zip', buildspec: 'arn:aws:s3:::cb-src/specs/buildspec.yml' },
      artifacts: { type: 'S3', location: 'cb-out', path: 'builds', namespaceType: 'BUILD_ID', name: 'app.zip', packaging: 'ZIP' },
      secondaryArtifacts: [
        { type: 'S3', location: 'cb-out', artifactIdentifier: 'site', name: 'site', packaging: 'NONE', encryptionDisabled: true },
      ],
    });
    const pinned = await runBuild(cb, { projectName: 'from-s3', sourceVersion: v1 });
    assert.equal(pinned.buildStatus, 'SUCCEEDED', await buildLog(pinned));
    assert.match(await buildLog(pinned), /Reading buildspec from arn:aws:s3:::cb-src\/specs\/buildspec\.yml/);
    const uuid = uuidOf(pinned.id!);
    assert.equal(pinned.artifacts?.location, `arn:aws:s3:::cb-out/builds/${uuid}/app.zip`);
    assert.equal(pinned.secondaryArtifacts?.[0].location, 'arn:aws:s3:::cb-out/site');
    assert.equal(pinned.secondaryArtifacts?.[0].encryptionDisabled, true);

    // The zip as the aws CLI downloads it holds what the build made from version 1 of the source.
    await aws(s.endpoint, ['s3', 'cp', `s3://cb-out/builds/${uuid}/app.zip`, join(dir, 'got.zip')]);
    assert.deepEqual(zipFiles(join(dir, 'got.zip')), { 'out.txt': 'first\n' });
    assert.deepEqual(readFileSync(join(dir, 'got.zip')), Buffer.from(await (await fetch(artifactZip(s.endpoint, pinned))).arrayBuffer()));
    // Packaging NONE: the files themselves, under the artifact's name.
    await aws(s.endpoint, ['s3', 'cp', '--recursive', 's3://cb-out/site/', join(dir, 'site')]);
    assert.deepEqual(tree(join(dir, 'site')), { 'index.html': 'body\n', 'css/a.css': 'red\n' });

    // The newest version, and the buildspec named as bucket/key.
    const latest = await runBuild(cb, { projectName: 'from-s3', buildspecOverride: 'cb-src/specs/buildspec.yml' });
    assert.equal(latest.buildStatus, 'SUCCEEDED', await buildLog(latest));
    assert.deepEqual(zipFiles(await download(`builds/${uuidOf(latest.id!)}/app.zip`)), { 'out.txt': 'second\n' });
  });

  test("artifact names: the buildspec's name with overrideArtifactName, s3-prefix with BUILD_ID, and / for the bucket's root", async () => {
    await createBuckets(s.endpoint, 'cb-names');
    await createProject(cb, {
      name: 's3-names',
      source: {
        type: 'NO_SOURCE',
        buildspec: `version: 0.2
phases:
  build:
    commands: ["echo one > one.txt", "echo two > two.txt"]
artifacts:
  files: [one.txt]
  name: build-$CODEBUILD_BUILD_NUMBER.zip
  s3-prefix: releases
  secondary-artifacts:
    top:
      files: [two.txt]
`,
      },
      artifacts: {
        type: 'S3',
        location: 'cb-names',
        path: 'ignored',
        namespaceType: 'BUILD_ID',
        packaging: 'ZIP',
        name: 'from-project.zip',
        overrideArtifactName: true,
      },
      secondaryArtifacts: [{ type: 'S3', location: 'cb-names', artifactIdentifier: 'top', name: '/' }],
    });
    const build = await runBuild(cb, { projectName: 's3-names' });
    assert.equal(build.buildStatus, 'SUCCEEDED', await buildLog(build));
    const key = `releases/${uuidOf(build.id!)}/build-1.zip`;
    assert.equal(build.artifacts?.location, `arn:aws:s3:::cb-names/${key}`);
    assert.equal(build.artifacts?.overrideArtifactName, true);
    assert.equal(build.secondaryArtifacts?.[0].location, 'arn:aws:s3:::cb-names');
    const listed = JSON.parse(await aws(s.endpoint, ['s3api', 'list-objects-v2', '--bucket', 'cb-names'])).Contents.map(
      (o: { Key: string }) => o.Key,
    );
    assert.deepEqual(listed.sort(), [key, 'two.txt']);
    await aws(s.endpoint, ['s3', 'cp', `s3://cb-names/${key}`, join(dir, 'names.zip')]);
    assert.deepEqual(zipFiles(join(dir, 'names.zip')), { 'one.txt': 'one\n' });
  });

  test('a missing source object, buildspec object or artifact bucket fails its phase with S3 error and writes nothing', async () => {
    await createBuckets(s.endpoint, 'cb-empty');
    await createProject(cb, { name: 's3-missing', source: { type: 'S3', location: 'cb-empty/nothing.zip' } });
    const noSource = await runBuild(cb, { projectName: 's3-missing' });
    assert.equal(noSource.buildStatus, 'FAILED');
    const download = noSource.phases!.find((p) => p.phaseType === 'DOWNLOAD_SOURCE')!;
    assert.equal(download.phaseStatus, 'FAILED');
    assert.equal(download.contexts?.[0].statusCode, 'CLIENT_ERROR');
    assert.match(
      download.contexts![0].message!,
      /^NoSuchKey: The specified key does not exist\. for primary source and source version arn:aws:s3:::cb-empty\/nothing\.zip$/,
    );

    // An S3 source is a zip, whatever its key says.
    writeFileSync(join(dir, 'not-a-zip.tar'), 'plain text');
    await aws(s.endpoint, ['s3', 'cp', join(dir, 'not-a-zip.tar'), 's3://cb-empty/src.tar']);
    const notZip = await runBuild(cb, { projectName: 's3-missing', sourceLocationOverride: 'cb-empty/src.tar' });
    assert.deepEqual(phaseList(notZip).slice(3, 4), ['DOWNLOAD_SOURCE:FAILED']);
    assert.match(notZip.phases![3].contexts![0].message!, /^cannot extract .* with unzip/);

    await createProject(cb, {
      name: 's3-no-bucket',
      source: {
        type: 'NO_SOURCE',
        buildspec: 'version: 0.2\nphases:\n  build:\n    commands: ["echo x > x.txt"]\nartifacts:\n  files: [x.txt]\n',
      },
      artifacts: { type: 'S3', location: 'cb-absent-bucket', name: 'x' },
    });
    const noBucket = await runBuild(cb, { projectName: 's3-no-bucket' });
    assert.equal(noBucket.buildStatus, 'FAILED');
    const upload = noBucket.phases!.find((p) => p.phaseType === 'UPLOAD_ARTIFACTS')!;
    assert.equal(upload.phaseStatus, 'FAILED');
    assert.deepEqual(upload.contexts, [
      {
        statusCode: 'CLIENT_ERROR',
        message: 'upload artifacts to arn:aws:s3:::cb-absent-bucket failed: NoSuchBucket: The specified bucket does not exist',
      },
    ]);
    const noSpec = await runBuild(cb, { projectName: 's3-no-bucket', buildspecOverride: 'arn:aws:s3:::cb-empty/buildspec.yml' });
    assert.deepEqual(phaseList(noSpec).slice(3, 4), ['DOWNLOAD_SOURCE:FAILED']);
    assert.match(JSON.stringify(noSpec.phases), /NoSuchKey/);
    await assert.rejects(
      createProject(cb, { name: 's3-no-location', artifacts: { type: 'S3' } }),
      /location is required for artifacts type S3/,
    );
  });

  test('parameter-store and secrets-manager variables reach the build, are masked in its log, and the log is in CloudWatch Logs', async () => {
    await aws(s.endpoint, ['ssm', 'put-parameter', '--name', '/cb/token', '--value', 'tok-123-secret', '--type', 'SecureString']);
    await aws(s.endpoint, ['secretsmanager', 'create-secret', '--name', 'cb/db', '--secret-string', '{"password":"pw-456-secret"}']);
    await aws(s.endpoint, ['ssm', 'put-parameter', '--name', '/cb/plain', '--value', 'plain-789-value', '--type', 'String']);
    const buildspec = `version: 0.2
env:
  parameter-store:
    TOKEN: /cb/token
  secrets-manager:
    DB_PASSWORD: cb/db:password
phases:
  build:
    commands:
      - echo "token=$TOKEN password=$DB_PASSWORD plain=$PLAIN"
      - test "$TOKEN" = tok-123-secret && test "$DB_PASSWORD" = pw-456-secret && test "$PLAIN" = plain-789-value && test "$WHOLE" = '{"password":"pw-456-secret"}'
`;
    await createProject(cb, {
      name: 'stored-vars',
      source: { type: 'NO_SOURCE', buildspec },
      environment: {
        ...BUSYBOX_ENV,
        environmentVariables: [
          { name: 'PLAIN', value: '/cb/plain', type: 'PARAMETER_STORE' },
          { name: 'WHOLE', value: 'cb/db', type: 'SECRETS_MANAGER' },
        ],
      },
    });
    const build = await runBuild(cb, { projectName: 'stored-vars' });
    const log = await buildLog(build);
    assert.equal(build.buildStatus, 'SUCCEEDED', log);
    assert.match(log, /^token=\*\*\* password=\*\*\* plain=\*\*\*$/m);
    for (const secret of ['tok-123-secret', 'pw-456-secret', 'plain-789-value'])
      assert.ok(!log.includes(secret), `${secret} appears in the log`);

    assert.equal(build.logs?.groupName, '/aws/codebuild/stored-vars');
    assert.equal(build.logs?.streamName, uuidOf(build.id!));
    const events = await logs.send(
      new GetLogEventsCommand({ logGroupName: build.logs!.groupName!, logStreamName: build.logs!.streamName!, startFromHead: true }),
    );
    const messages = events.events!.map((e) => e.message!);
    assert.ok(messages.includes('token=*** password=*** plain=***'), messages.join('\n'));
    assert.ok(messages.some((m) => /Phase complete: BUILD State: SUCCEEDED/.test(m)));
    assert.equal(`${messages.join('\n')}\n`, log);

    // A parameter or secret that is not there fails DOWNLOAD_SOURCE with CodeBuild's status and wording.
    const noParam = await runBuild(cb, {
      projectName: 'stored-vars',
      environmentVariablesOverride: [{ name: 'PLAIN', value: '/cb/absent', type: 'PARAMETER_STORE' }],
    });
    const failed = noParam.phases!.find((p) => p.phaseType === 'DOWNLOAD_SOURCE')!;
    assert.equal(failed.phaseStatus, 'FAILED');
    assert.deepEqual(failed.contexts, [{ statusCode: 'Decrypted Variables Error', message: 'parameter does not exist: /cb/absent' }]);
    const noSecret = await runBuild(cb, {
      projectName: 'stored-vars',
      environmentVariablesOverride: [{ name: 'WHOLE', value: 'cb/absent', type: 'SECRETS_MANAGER' }],
    });
    assert.deepEqual(noSecret.phases!.find((p) => p.phaseType === 'DOWNLOAD_SOURCE')!.contexts, [
      { statusCode: 'Secrets Manager Error', message: "ResourceNotFoundException: Secrets Manager can't find the specified secret." },
    ]);
  });

  test("logsConfig: a group and stream prefix of the project's own, or CloudWatch Logs disabled", async () => {
    const buildspec = 'version: 0.2\nphases:\n  build:\n    commands: ["echo hello from the build"]\n';
    await cb.send(
      new CreateProjectCommand({
        name: 'own-group',
        source: { type: 'NO_SOURCE', buildspec },
        artifacts: { type: 'NO_ARTIFACTS' },
        environment: { ...BUSYBOX_ENV },
        serviceRole: 'arn:aws:iam::000000000000:role/codebuild',
        logsConfig: { cloudWatchLogs: { status: 'ENABLED', groupName: 'team/builds', streamName: 'own' } },
      }),
    );
    const build = await runBuild(cb, { projectName: 'own-group' });
    assert.equal(build.logs?.groupName, 'team/builds');
    assert.equal(build.logs?.streamName, `own/${uuidOf(build.id!)}`);
    const events = await logs.send(
      new GetLogEventsCommand({ logGroupName: 'team/builds', logStreamName: build.logs!.streamName!, startFromHead: true }),
    );
    assert.ok(events.events!.some((e) => e.message === 'hello from the build'));

    const quiet = await runBuild(cb, { projectName: 'own-group', logsConfigOverride: { cloudWatchLogs: { status: 'DISABLED' } } });
    assert.equal(quiet.buildStatus, 'SUCCEEDED');
    assert.equal(quiet.logs?.groupName, undefined);
    assert.equal(quiet.logs?.cloudWatchLogs?.status, 'DISABLED');
    const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: 'team/builds' }));
    assert.deepEqual(
      streams.logStreams!.map((st) => st.logStreamName),
      [`own/${uuidOf(build.id!)}`],
    );
    assert.match(await buildLog(quiet), /hello from the build/);
  });
});

async function download(key: string): Promise<string> {
  const path = join(dir, `dl-${key.replaceAll('/', '-')}`);
  await aws(s.endpoint, ['s3', 'cp', `s3://cb-out/${key}`, path]);
  return path;
}

function zipFiles(path: string): Record<string, string> {
  const json = execFileSync('python3', [
    '-c',
    'import sys,json,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps({i.filename: z.read(i).decode() for i in z.infolist()}))',
    path,
  ]);
  return JSON.parse(json.toString()) as Record<string, string>;
}
