/**
 * A build controls every name and link in its own tree, and Slipway collects artifacts, reports,
 * exported variables and the buildspec from that tree on the host: a link made inside the build
 * to a host file, to Slipway's SQLite database or to `/` must never bring host content out.
 * Real builds in real containers (the busybox test image).
 */
import type { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { BatchGetReportsCommand } from '@aws-sdk/client-codebuild';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import {
  artifactZip,
  buildLog,
  createBuckets,
  createProject,
  gitRepo,
  phaseList,
  runBuild,
  startCodebuildSlipway,
  unzip,
} from '../support/codebuild.ts';
import { s3Client, text } from '../support/s3.ts';
import type { TestSlipway } from '../support/slipway.ts';

let s: TestSlipway;
let cb: CodeBuildClient;
let hostDir: string;
const SECRET = 'host-secret-4f1c9a';
const cleanup: string[] = [];

before(async () => {
  ({ s, cb } = await startCodebuildSlipway());
  await createBuckets(s.endpoint, 'cb-artifacts');
  // A directory of the host's that no build container can see; only links made inside builds name it.
  hostDir = mkdtempSync(join(tmpdir(), 'slipway-host-'));
  cleanup.push(hostDir);
  writeFileSync(join(hostDir, 'secret.txt'), `${SECRET}\n`);
  writeFileSync(join(hostDir, 'primary'), SECRET);
  writeFileSync(join(hostDir, 'junit.xml'), `<testsuite name="s"><testcase classname="c" name="${SECRET}"/></testsuite>`);
  mkdirSync(join(hostDir, 'tree'));
  writeFileSync(join(hostDir, 'tree', 'inner.txt'), `${SECRET}\n`);
});
after(async () => {
  await s?.close();
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

const inline = (yaml: string) => ({ type: 'NO_SOURCE' as const, buildspec: yaml });

describe('links made inside a build do not lead the host out of the build', () => {
  test('artifacts: links to a host file, the database and / are left out; enable-symlinks keeps a link as a link, never followed', async () => {
    const db = join(s.dataDir, 'slipway.db');
    await createProject(cb, {
      name: 'links-artifacts',
      artifacts: { type: 'S3', location: 'cb-artifacts', name: 'from-project', overrideArtifactName: true },
      secondaryArtifacts: [{ type: 'S3', location: 'cb-artifacts', artifactIdentifier: 'kept' }],
      source: inline(`version: 0.2
env:
  exported-variables: [LEAK, FINE]
phases:
  build:
    commands:
      - echo fine > ok.txt
      - ln -s ${hostDir}/secret.txt leak.txt
      - ln -s ${db} db
      - ln -s / root
      - ln -s ok.txt alias.txt
      - mkdir -p /codebuild/state/exported && ln -s ${hostDir}/secret.txt /codebuild/state/exported/LEAK
      - ln -s ${hostDir} /codebuild/state/names
      - FINE=yes
artifacts:
  name: from-buildspec
  files: ['**/*']
  secondary-artifacts:
    kept:
      files: [leak.txt, ok.txt]
      enable-symlinks: yes
`),
    });
    const build = await runBuild(cb, { projectName: 'links-artifacts' });
    const log = await buildLog(build);
    assert.equal(build.buildStatus, 'SUCCEEDED', log);
    const files = await unzip(artifactZip(s.endpoint, build));
    assert.deepEqual(files, { 'alias.txt': 'fine\n', 'ok.txt': 'fine\n' });
    // Written to the bucket as objects (packaging NONE), named by the project (the build's names directory was a link, so not read): the same files; a kept link is no object.
    const s3 = s3Client(s.endpoint);
    const objects: Record<string, string> = {};
    for (const o of (await s3.send(new ListObjectsV2Command({ Bucket: 'cb-artifacts' }))).Contents ?? []) {
      objects[o.Key!] = await text((await s3.send(new GetObjectCommand({ Bucket: 'cb-artifacts', Key: o.Key! }))).Body);
    }
    assert.deepEqual(objects, { 'from-project/alias.txt': 'fine\n', 'from-project/ok.txt': 'fine\n', 'kept/ok.txt': 'fine\n' });
    assert.match(log, /leak\.txt is a symbolic link to no file inside the source directory; left out of the artifact/);
    // Kept as a link: the zip holds the link's target text, and the file route does not follow it.
    const kept = build.secondaryArtifacts!.find((a) => a.artifactIdentifier === 'kept')!;
    assert.equal(kept.location, 'arn:aws:s3:::cb-artifacts/kept');
    assert.deepEqual(await unzip(artifactZip(s.endpoint, build, 'kept')), { 'leak.txt': `${hostDir}/secret.txt`, 'ok.txt': 'fine\n' });
    const listing = artifactZip(s.endpoint, build).replace(/primary\.zip$/, '');
    const served = await fetch(`${listing}kept/leak.txt`);
    assert.equal(served.status, 404);
    assert.doesNotMatch(await served.text(), new RegExp(SECRET));
    assert.equal(await (await fetch(`${listing}kept/ok.txt`)).text(), 'fine\n');
    // Exported variables and expanded artifact names are read inside the build's state directory only.
    assert.deepEqual(build.exportedEnvironmentVariables, [{ name: 'FINE', value: 'yes' }]);
    const names = (await (await fetch(listing)).json()) as { artifacts: { name: string }[] };
    assert.ok(!JSON.stringify(names).includes(SECRET), JSON.stringify(names));
  });

  test('a base-directory through a link to / finds nothing; a report file linked to the host is not read', async () => {
    await createProject(cb, {
      name: 'links-base',
      artifacts: { type: 'S3', location: 'cb-artifacts' },
      source: inline(`version: 0.2
phases:
  build:
    commands:
      - ln -s / root
      - ln -s ${hostDir}/junit.xml junit.xml
artifacts:
  base-directory: root${hostDir}
  files: ['**/*']
reports:
  unit:
    files: [junit.xml]
`),
    });
    const build = await runBuild(cb, { projectName: 'links-base' });
    const log = await buildLog(build);
    assert.equal(build.buildStatus, 'FAILED', log);
    assert.deepEqual(phaseList(build).slice(-3), ['UPLOAD_ARTIFACTS:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED']);
    assert.deepEqual(build.phases!.find((p) => p.phaseType === 'UPLOAD_ARTIFACTS')!.contexts, [
      { statusCode: 'CLIENT_ERROR', message: `no matching base directory path found for root${hostDir}` },
    ]);
    assert.ok(!log.includes(SECRET));
    const [report] = (await cb.send(new BatchGetReportsCommand({ reportArns: build.reportArns! }))).reports!;
    assert.equal(report.testSummary?.total, 0);
  });

  test('a buildspec that is a link out of the source is not read', async () => {
    const repo = gitRepo({ README: 'x\n' });
    cleanup.push(repo.path);
    const link = mkdtempSync(join(tmpdir(), 'slipway-host-'));
    cleanup.push(link);
    writeFileSync(join(link, 'buildspec.yml'), `version: 0.2\nphases:\n  build:\n    commands: ["echo ${SECRET}"]\n`);
    symlinkSync(join(link, 'buildspec.yml'), join(repo.path, 'buildspec.yml'));
    repo.commitMore({}, 'a buildspec that links out');
    await createProject(cb, { name: 'links-buildspec', source: { type: 'GITHUB', location: repo.path } });
    const build = await runBuild(cb, { projectName: 'links-buildspec' });
    assert.equal(build.buildStatus, 'FAILED');
    const context = build.phases!.find((p) => p.phaseType === 'DOWNLOAD_SOURCE')!.contexts![0];
    assert.equal(context.statusCode, 'YAML_FILE_ERROR');
    assert.match(context.message!, /^stat buildspec\.yml: no such file or directory/);
    assert.ok(!(await buildLog(build)).includes(SECRET));
  });
});
