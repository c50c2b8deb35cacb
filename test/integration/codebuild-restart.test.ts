/**
 * CodeBuild across Slipway processes: `slipway logs build --follow` streams a build live; a build
 * cut off by kill -9 is FAILED with the reason at the next start (in its log and its CloudWatch Logs
 * stream) and its container removed; a
 * build under way when Slipway is shut down (SIGTERM) ends STOPPED, saying so; a finished build's
 * container and work directory go after its outcome, or at the next start when kill -9 came between.
 */
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { StartBuildCommand } from '@aws-sdk/client-codebuild';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { CONTAINER_LABEL } from '../../src/services/codebuild/build-container.ts';
import { codebuildClient, createProject, getBuild, waitForBuild } from '../support/codebuild.ts';
import { ensureTestImages } from '../support/images.ts';
import { logsClient } from '../support/logs.ts';
import { docker, freePort, startSlipwayProcess, tempDataDir, waitFor, type SlipwayProcess } from '../support/slipway.ts';

const dataDir = tempDataDir();
const root = new URL('../../', import.meta.url).pathname;
let port: number;
let slipway: SlipwayProcess | undefined;

before(async () => {
  await ensureTestImages(docker);
  port = await freePort();
});
/** Containers a test made by hand. */
const cleanups: string[] = [];
after(async () => {
  await slipway?.kill('SIGTERM');
  for (const id of cleanups)
    await docker
      .getContainer(id)
      .remove({ force: true })
      .catch(() => undefined);
  for (const c of await docker.listContainers({ all: true, filters: { label: ['slipway.codebuild.project=sleepy'] } }))
    await docker.getContainer(c.Id).remove({ force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** A build's container, by the name it carries while the build runs (a warm one was labelled before it had a build). */
const containersOf = async (id: string) =>
  docker.listContainers({ all: true, filters: { name: [`^/slipway-codebuild-${id.split(':')[1]}$`] } });

describe('CodeBuild across restarts', () => {
  test('slipway logs build --follow streams the log until the build completes', async () => {
    slipway = await startSlipwayProcess(dataDir, port);
    const cb = codebuildClient(slipway.endpoint);
    await createProject(cb, {
      name: 'ticker',
      source: {
        type: 'NO_SOURCE',
        buildspec: 'version: 0.2\nphases:\n  build:\n    commands: ["for i in 1 2 3; do echo tick $i; sleep 1; done"]\n',
      },
    });
    const { build } = await cb.send(new StartBuildCommand({ projectName: 'ticker' }));
    const started = Date.now();
    const { stdout } = await promisify(execFile)(process.execPath, [
      join(root, 'bin/slipway.js'),
      'logs',
      'build',
      build!.id!,
      '--follow',
      '--endpoint',
      slipway.endpoint,
    ]);
    assert.ok(Date.now() - started > 2500, 'the command followed the build instead of returning at once');
    assert.match(stdout, /tick 1\ntick 2\ntick 3\n/);
    assert.match(stdout, /Build SUCCEEDED\n$/);
    assert.equal((await getBuild(cb, build!.id!)).buildStatus, 'SUCCEEDED');
  });

  test('kill -9 mid-build: the next start finishes the build FAILED with the reason and removes its container', async () => {
    let cb = codebuildClient(slipway!.endpoint);
    await createProject(cb, {
      name: 'sleepy',
      source: { type: 'NO_SOURCE', buildspec: 'version: 0.2\nphases:\n  build:\n    commands: ["echo going to sleep", "sleep 600"]\n' },
    });
    const { build } = await cb.send(new StartBuildCommand({ projectName: 'sleepy' }));
    // Its first line written to the log, so that the kill cuts the build and not a line in flight.
    await waitFor('BUILD to be under way', async () => {
      const b = await getBuild(cb, build!.id!);
      return b.currentPhase === 'BUILD' && /going to sleep\n/.test(await (await fetch(b.logs!.deepLink!)).text());
    });
    await slipway!.kill('SIGKILL');
    assert.equal((await containersOf(build!.id!)).length, 1, 'the build container outlives the process');
    slipway = await startSlipwayProcess(dataDir, port);
    cb = codebuildClient(slipway.endpoint);
    const done = await waitForBuild(cb, build!.id!, 30_000);
    assert.equal(done.buildStatus, 'FAILED');
    const phase = done.phases!.find((p) => p.phaseType === 'BUILD')!;
    assert.equal(phase.phaseStatus, 'FAILED');
    assert.equal(phase.contexts?.[0].statusCode, 'BUILD_INTERRUPTED');
    assert.match(phase.contexts![0].message!, /^Slipway stopped while this build was in BUILD/);
    assert.deepEqual(
      done.phases!.slice(-2).map((p) => p.phaseType),
      ['FINALIZING', 'COMPLETED'],
    );
    assert.equal((await containersOf(build!.id!)).length, 0);
    assert.match(await (await fetch(done.logs!.deepLink!)).text(), /going to sleep\n[\s\S]*Slipway stopped while this build was in BUILD/);
    // The next process writes its lines to the build's CloudWatch Logs stream too.
    const events = await logsClient(slipway.endpoint).send(
      new GetLogEventsCommand({ logGroupName: '/aws/codebuild/sleepy', logStreamName: done.logs!.streamName!, startFromHead: true }),
    );
    assert.match(events.events!.map((e) => e.message).join('\n'), /Slipway stopped while this build was in BUILD[\s\S]*Build FAILED$/);
  });

  test('SIGTERM mid-build: the build ends STOPPED, saying Slipway was shut down', async () => {
    let cb = codebuildClient(slipway!.endpoint);
    const { build } = await cb.send(new StartBuildCommand({ projectName: 'sleepy' }));
    await waitFor('BUILD to be under way', async () => (await getBuild(cb, build!.id!)).currentPhase === 'BUILD');
    await slipway!.kill('SIGTERM');
    slipway = await startSlipwayProcess(dataDir, port);
    cb = codebuildClient(slipway.endpoint);
    const done = await getBuild(cb, build!.id!);
    assert.equal(done.buildStatus, 'STOPPED');
    assert.match(done.phases!.find((p) => p.phaseType === 'BUILD')!.contexts![0].message!, /Slipway was shut down/);
    assert.equal((await containersOf(build!.id!)).length, 0);
  });

  test("a finished build's container goes after its outcome; what kill -9 left between the two goes at the next start", async () => {
    let cb = codebuildClient(slipway!.endpoint);
    // A caching project's build runs on a container of its own, labelled with its build (a warm one is the pool's to clear).
    await createProject(cb, {
      name: 'cached',
      source: { type: 'NO_SOURCE', buildspec: 'version: 0.2\nphases:\n  build:\n    commands: ["echo built"]\n' },
      cache: { type: 'LOCAL', modes: ['LOCAL_CUSTOM_CACHE'] },
    });
    const { build } = await cb.send(new StartBuildCommand({ projectName: 'cached' }));
    assert.equal((await waitForBuild(cb, build!.id!)).buildStatus, 'SUCCEEDED');
    const uuid = build!.id!.split(':')[1];
    await waitFor('the container to be removed after the outcome', async () => (await containersOf(build!.id!)).length === 0);
    await waitFor('the work directory to be removed', async () => !existsSync(join(dataDir, 'codebuild', 'builds', uuid)));

    // Killed between the outcome and the cleanup: the build's container (stopped) and work directory are left,
    // beside a container of a build this data directory never had (another Slipway's), which must stay.
    await slipway!.kill('SIGKILL');
    const left = async (name: string, arn: string) => {
      const c = await docker.createContainer({
        name,
        Image: 'slipway-test/busybox:1',
        Cmd: ['true'],
        Labels: { [CONTAINER_LABEL]: arn, 'slipway.codebuild.project': 'cached' },
      });
      cleanups.push(c.id);
      return c.id;
    };
    await left(`slipway-codebuild-${uuid}`, build!.arn!);
    const otherArn = build!.arn!.replace(uuid, randomUUID());
    const others = await left(`slipway-codebuild-${otherArn.split(':').at(-1)}`, otherArn);
    mkdirSync(join(dataDir, 'codebuild', 'builds', uuid, 'src'), { recursive: true });

    slipway = await startSlipwayProcess(dataDir, port);
    cb = codebuildClient(slipway.endpoint);
    await waitFor(
      'what the killed process left to be removed',
      async () => (await containersOf(build!.id!)).length === 0 && !existsSync(join(dataDir, 'codebuild', 'builds', uuid)),
    );
    assert.equal((await docker.getContainer(others).inspect()).Id, others, "another data directory's build container stays");
    assert.equal((await getBuild(cb, build!.id!)).buildStatus, 'SUCCEEDED');
  });
});
