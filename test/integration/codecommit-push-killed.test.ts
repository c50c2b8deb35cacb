/**
 * A push cut off halfway — `git push`, or Slipway itself, killed with SIGKILL while the pack is
 * still streaming in — leaves every ref as it was and publishes nothing; the next push goes
 * through whole. A proxy
 * between git and Slipway holds the pack back after its first megabyte, so the kill always lands
 * mid-pack.
 */
import { CodeCommitClient, CreateRepositoryCommand, GetBranchCommand } from '@aws-sdk/client-codecommit';
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { SlipwayEvent } from '../../src/core/events.ts';
import { PUSHED } from '../../src/services/codecommit/index.ts';
import { freePort, startSlipwayProcess, startTestSlipway, tempDataDir, type TestSlipway } from '../support/slipway.ts';

const run = promisify(execFile);
const HELD_AFTER = 1024 * 1024;
const GIT_ENV = {
  ...process.env,
  GIT_TERMINAL_PROMPT: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.com',
};

/** Forwards to `port`; once a receive-pack POST has sent HELD_AFTER bytes, forwards no more of it. */
function holdingProxy(port: number): Promise<{ server: Server; url: string; held: Promise<void>; sockets: Set<Socket> }> {
  let heldNow: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    heldNow = resolve;
  });
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection(port, '127.0.0.1');
    sockets.add(client).add(upstream);
    let seen = '';
    let sent = 0;
    client.on('data', (chunk: Buffer) => {
      if (seen.length < 4096) seen += chunk.toString('latin1');
      const pushing = /^POST \S*git-receive-pack/m.test(seen);
      if (pushing && sent >= HELD_AFTER) return heldNow();
      sent += pushing ? chunk.length : 0;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const proxyPort = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${proxyPort}`, held, sockets });
    }),
  );
}

describe('a push killed mid-pack', () => {
  let slipway: TestSlipway;
  let work: string;
  let client: CodeCommitClient;

  before(async () => {
    slipway = await startTestSlipway();
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

  it('leaves refs as they were, publishes nothing, and the next push lands whole', async () => {
    await client.send(new CreateRepositoryCommand({ repositoryName: 'app' }));
    const origin = `${slipway.endpoint}/v1/repos/app`;
    const { git, v1, v2 } = await twoCommits(join(work, 'app'), origin);

    const events: SlipwayEvent[] = [];
    const unsubscribe = slipway.app.ctx.events.subscribe((e) => e.type === PUSHED && events.push(e));
    await pushCutOff(join(work, 'app'), Number(new URL(slipway.endpoint).port), (push) => push.kill('SIGKILL'));

    const { branch } = await client.send(new GetBranchCommand({ repositoryName: 'app', branchName: 'main' }));
    assert.equal(branch?.commitId, v1, 'the ref is where it was before the push');
    const remote = (await run('git', ['ls-remote', origin], { env: GIT_ENV })).stdout;
    assert.ok(!remote.includes(v2), 'no ref names the half-sent commit');
    unsubscribe();
    assert.deepEqual(events, [], 'a push that did not land is not announced');

    await git('push', '-q', origin, 'main');
    const after = await client.send(new GetBranchCommand({ repositoryName: 'app', branchName: 'main' }));
    assert.equal(after.branch?.commitId, v2);
  });

  it('Slipway killed mid-pack: after a restart the ref is as it was, and the next push lands', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    let server = await startSlipwayProcess(dataDir, port);
    try {
      const sdk = (endpoint: string) =>
        new CodeCommitClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
      await sdk(server.endpoint).send(new CreateRepositoryCommand({ repositoryName: 'app' }));
      const origin = `${server.endpoint}/v1/repos/app`;
      const { git, v1, v2 } = await twoCommits(join(work, 'restarted'), origin);
      const killed = server;
      await pushCutOff(join(work, 'restarted'), port, () => killed.kill('SIGKILL'));

      server = await startSlipwayProcess(dataDir, port);
      const again = sdk(server.endpoint);
      assert.equal((await again.send(new GetBranchCommand({ repositoryName: 'app', branchName: 'main' }))).branch?.commitId, v1);
      await git('push', '-q', origin, 'main');
      assert.equal((await again.send(new GetBranchCommand({ repositoryName: 'app', branchName: 'main' }))).branch?.commitId, v2);
      again.destroy();
    } finally {
      await server.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

/** A repository at `repo` with v1 pushed to `origin`, and v2 (eight megabytes that do not compress) committed on top. */
async function twoCommits(repo: string, origin: string) {
  const git = async (...args: string[]) => (await run('git', args, { cwd: repo, env: GIT_ENV })).stdout.trim();
  await run('git', ['init', '-q', '-b', 'main', repo], { env: GIT_ENV });
  writeFileSync(join(repo, 'taskdef.json'), '{"family":"app"}\n');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'v1');
  await git('push', '-q', origin, 'main');
  const v1 = await git('rev-parse', 'HEAD');
  // The pack cannot arrive before the proxy holds it.
  writeFileSync(join(repo, 'blob.bin'), randomBytes(8 * 1024 * 1024));
  await git('add', '-A');
  await git('commit', '-q', '-m', 'v2');
  return { git, v1, v2: await git('rev-parse', 'HEAD') };
}

/** Pushes main through the holding proxy and, once the pack is held mid-way, calls `cut` with the push. */
async function pushCutOff(repo: string, port: number, cut: (push: ChildProcess) => unknown): Promise<void> {
  const proxy = await holdingProxy(port);
  const push = spawn('git', ['push', '-q', `${proxy.url}/v1/repos/app`, 'main'], { cwd: repo, env: GIT_ENV, stdio: 'ignore' });
  const exited = new Promise((resolve) => push.once('close', resolve));
  await proxy.held;
  await cut(push);
  push.kill('SIGKILL');
  await exited;
  for (const socket of proxy.sockets) socket.destroy();
  proxy.server.close();
}
