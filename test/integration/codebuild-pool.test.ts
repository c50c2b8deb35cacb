/**
 * Warm build containers on real Docker: a build takes a container the pool started ahead of it
 * (and it carries the build's name while it runs), the pool refills once that build is over (not
 * beside it), a container serves one build
 * and leaks nothing of it (files, variables, credentials) into the next; the pool is drained at
 * shutdown, and what a killed process left is removed by the next start on its data directory.
 */
import { StartBuildCommand, type CodeBuildClient } from '@aws-sdk/client-codebuild';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { POOL_LABEL, poolDir } from '../../src/services/codebuild/pool.ts';
import { buildLog, codebuildClient, createProject, getBuild, runBuild, startCodebuildSlipway, waitForBuild } from '../support/codebuild.ts';
import { docker, freePort, startSlipwayProcess, tempDataDir, waitFor, type SlipwayProcess, type TestSlipway } from '../support/slipway.ts';

const BUILDSPEC = `version: 0.2
phases:
  build:
    commands:
      - echo "host=$HOSTNAME"
      - echo "files=$(ls -A | tr '\\n' ' ')"
      - echo "marker=\${MARKER:-none}"
      - echo "token=$AWS_CONTAINER_AUTHORIZATION_TOKEN"
      - echo "$CODEBUILD_BUILD_ID" > left-by-build
      - sleep \${PAUSE:-0}
`;

/** The pool's containers of a data directory: idle ones, and ones builds took and still run. */
const pooled = async (dataDir: string) => docker.listContainers({ all: true, filters: { label: [`${POOL_LABEL}=${poolDir(dataDir)}`] } });
const idle = async (dataDir: string) => (await pooled(dataDir)).filter((c) => c.Names[0].startsWith('/slipway-codebuild-pool-'));
const said = (log: string, key: string) => log.match(new RegExp(`^${key}=(.*)$`, 'm'))?.[1];

describe('warm build containers', () => {
  let s: TestSlipway | undefined;
  let cb: CodeBuildClient;
  after(async () => s?.close());

  test('a build takes a started container, the pool refills after it, and nothing of one build reaches the next', async () => {
    ({ s, cb } = await startCodebuildSlipway());
    await createProject(cb, { name: 'warm', source: { type: 'NO_SOURCE', buildspec: BUILDSPEC } });
    const first = await runBuild(cb, {
      projectName: 'warm',
      environmentVariablesOverride: [{ name: 'MARKER', value: 'first-only' }],
    });
    assert.equal(first.buildStatus, 'SUCCEEDED');
    const [ready] = await waitFor('a warm container to be ready', async () => {
      const list = await idle(s!.dataDir);
      return list.length === 1 && list[0].State === 'running' && list;
    });

    // The next build runs in that container, under the build's name while it runs.
    const { build } = await cb.send(
      new StartBuildCommand({ projectName: 'warm', environmentVariablesOverride: [{ name: 'PAUSE', value: '3' }] }),
    );
    await waitFor('BUILD to be under way', async () => (await getBuild(cb, build!.id!)).currentPhase === 'BUILD');
    const uuid = build!.id!.split(':')[1];
    const running = await docker.getContainer(`slipway-codebuild-${uuid}`).inspect();
    assert.equal(running.Id, ready.Id);
    const second = await waitForBuild(cb, build!.id!);
    assert.equal(second.buildStatus, 'SUCCEEDED');
    assert.deepEqual(await idle(s!.dataDir), [], 'no container was started beside the build');
    const secondLog = await buildLog(second);
    assert.equal(said(secondLog, 'host'), ready.Id.slice(0, 12));
    assert.equal(said(secondLog, 'files'), '');
    assert.equal(said(secondLog, 'marker'), 'none');
    assert.match(said(secondLog, 'token') ?? '', /\S/);

    // Used once: it is gone (after the build's outcome, which does not wait for it), and another is ready for the build after.
    await waitFor('the used container to be removed', async () => !(await pooled(s!.dataDir)).some((c) => c.Id === ready.Id));
    const [next] = await waitFor('the pool to refill', async () => {
      const list = await idle(s!.dataDir);
      return list.length === 1 && list[0].State === 'running' && list;
    });
    assert.notEqual(next.Id, ready.Id);
    const third = await runBuild(cb, { projectName: 'warm' });
    const thirdLog = await buildLog(third);
    assert.equal(said(thirdLog, 'host'), next.Id.slice(0, 12));
    assert.equal(said(thirdLog, 'files'), '', 'the files of the build before are not there');
    assert.notEqual(said(thirdLog, 'token'), said(secondLog, 'token'));
  });

  test('shutting down drains the pool', async () => {
    const dataDir = s!.dataDir;
    await waitFor('the pool to refill after the third build', async () => (await idle(dataDir)).length === 1);
    await s!.close();
    s = undefined;
    assert.deepEqual(await pooled(dataDir), []);
  });
});

describe('warm build containers across a crash', () => {
  const dataDir = tempDataDir();
  let slipway: SlipwayProcess | undefined;
  after(async () => {
    await slipway?.kill('SIGTERM');
    for (const c of await pooled(dataDir)) await docker.getContainer(c.Id).remove({ force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('what a killed process left in its pool is removed by the next start', async () => {
    const port = await freePort();
    slipway = await startSlipwayProcess(dataDir, port);
    let cb = codebuildClient(slipway.endpoint);
    await createProject(cb, { name: 'warm', source: { type: 'NO_SOURCE', buildspec: BUILDSPEC } });
    assert.equal((await runBuild(cb, { projectName: 'warm' })).buildStatus, 'SUCCEEDED');
    await waitFor('a warm container to be ready', async () => (await idle(dataDir)).length === 1);
    // One taken by a build under way, and one made ready for a build of another kind (its first).
    const { build } = await cb.send(
      new StartBuildCommand({ projectName: 'warm', environmentVariablesOverride: [{ name: 'PAUSE', value: '600' }] }),
    );
    await waitFor('BUILD to be under way', async () => (await getBuild(cb, build!.id!)).currentPhase === 'BUILD');
    await cb.send(new StartBuildCommand({ projectName: 'warm', computeTypeOverride: 'BUILD_GENERAL1_MEDIUM' }));
    await waitFor('the pool to fill for the other kind', async () => (await idle(dataDir)).length === 1);
    await slipway.kill('SIGKILL');
    const left = await pooled(dataDir);
    assert.equal(left.length, 2, 'the containers outlive the process');

    slipway = await startSlipwayProcess(dataDir, port);
    cb = codebuildClient(slipway.endpoint);
    const done = await waitForBuild(cb, build!.id!, 30_000);
    assert.equal(done.buildStatus, 'FAILED');
    await waitFor('the containers left to be removed', async () => {
      const now = await pooled(dataDir);
      return !now.some((c) => left.some((l) => l.Id === c.Id));
    });
    await slipway.kill('SIGTERM');
    slipway = undefined;
    assert.deepEqual(await pooled(dataDir), []);
  });
});

describe("a finished build's container", () => {
  let s: TestSlipway | undefined;
  let cb: CodeBuildClient;
  after(async () => s?.close());

  const BACKGROUND = `version: 0.2
phases:
  build:
    commands:
      - sleep 600 &
      - echo "left a sleep running"
`;

  test('nothing the build started runs on after it, and its container waits idle until it is removed', async () => {
    ({ s, cb } = await startCodebuildSlipway());
    await createProject(cb, { name: 'background', source: { type: 'NO_SOURCE', buildspec: BACKGROUND } });
    // A kind's first build runs in a container of its own; the next takes a warm one.
    for (const kind of ['its own', 'a warm']) {
      if (kind === 'a warm') await waitFor('a warm container to be ready', async () => (await idle(s!.dataDir)).length === 1);
      const { build } = await cb.send(new StartBuildCommand({ projectName: 'background' }));
      const done = await waitFor(
        'the build to have its outcome',
        async () => {
          const b = await getBuild(cb, build!.id!);
          return b.buildComplete && b;
        },
        60_000,
        20,
      );
      assert.equal(done.buildStatus, 'SUCCEEDED');
      const container = docker.getContainer(`slipway-codebuild-${build!.id!.split(':')[1]}`);
      // Its removal waits for a lull (two quiet seconds): the container is still there, not exited.
      assert.equal((await container.inspect()).State.Status, 'running', `${kind} container waits instead of exiting`);
      const { Processes } = await container.top({ ps_args: '-o pid,args' });
      assert.equal(Processes.length, 1, `only the runner's shell is left in ${kind} container: ${JSON.stringify(Processes)}`);
      assert.doesNotMatch(Processes[0].join(' '), /sleep/);
      await waitFor(`${kind} container to be removed`, async () => (await container.inspect().catch(() => undefined)) === undefined);
    }
  });
});
