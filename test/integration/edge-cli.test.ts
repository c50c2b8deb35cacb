/**
 * The documented ways to run Slipway: `npx slipway start` stops cleanly on SIGTERM (what a service
 * manager sends) and SIGINT sent to the npx process, though npm runs Slipway under a shell that
 * does not pass signals on; off loopback, the start says plainly who can drive it, and where it is bound.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { startSlipwayProcess, tempDataDir, waitFor } from '../support/slipway.ts';

const root = new URL('../../', import.meta.url).pathname;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('slipway start', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`npx slipway start stops on ${signal} to the npx process`, async () => {
      const dataDir = tempDataDir();
      const npx = spawn('npx', ['slipway', 'start', '--port', '0', '--data-dir', dataDir], {
        cwd: root,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      npx.stdout.on('data', (d) => (output += d));
      npx.stderr.on('data', (d) => (output += d));
      let server = 0;
      try {
        const endpoint = await waitFor('npx slipway start to be ready', async () => output.match(/ready: (http:\/\/[^/\s]+)/)?.[1], 90_000);
        server = ((await (await fetch(`${endpoint}/_slipway/health`)).json()) as { pid: number }).pid;
        assert.notEqual(server, npx.pid, 'npx runs Slipway in a process of its own');
        npx.kill(signal);
        await waitFor('the Slipway server process to exit', async () => !alive(server), 30_000);
        await assert.rejects(fetch(`${endpoint}/_slipway/health`));
        assert.match(output, /stopping Slipway/);
      } finally {
        for (const pid of [-npx.pid!, server])
          if (pid)
            try {
              process.kill(pid, 'SIGKILL');
            } catch {
              /* gone */
            }
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  }

  it('off loopback, requires signatures, prints the administrator key it made once, and prints the address bound', async () => {
    const dataDir = tempDataDir();
    const slipway = await startSlipwayProcess(dataDir, 0, { SLIPWAY_HOST: '0.0.0.0' });
    try {
      assert.match(slipway.output(), /listening on 0\.0\.0\.0:\d+ \(http:\/\/127\.0\.0\.1:\d+\)/);
      assert.match(slipway.output(), /signatures {6}required/);
      assert.match(
        slipway.output(),
        /created IAM user slipway-admin \(AdministratorAccess\) with access key\s+AKIA[A-Z0-9]{16} {2}secret \S{40}/,
      );
      assert.match(slipway.output(), /AWS_SHARED_CREDENTIALS_FILE=\S+\/credentials AWS_PROFILE=slipway-admin/);
      const endpoint = slipway.output().match(/\((http:\/\/127\.0\.0\.1:\d+)\)/)![1];
      const unsigned = await fetch(`${endpoint}/?Action=ListUsers&Version=2010-05-08`);
      assert.equal(unsigned.status, 403);
      assert.match(await unsigned.text(), /MissingAuthenticationToken/);
    } finally {
      await slipway.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
