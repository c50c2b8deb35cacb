/**
 * Off loopback, `slipway start` prints the console's URL with a token; opening it in Chromium keeps
 * the token as a cookie, so the console and its live feed work, while a browser without it is told
 * that a token is needed.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { describe, it } from 'node:test';
import { startSlipwayProcess, tempDataDir } from '../support/slipway.ts';
import { browserForTests, keep, waitForText } from './browser.ts';

const browser = browserForTests();

describe('console: off loopback', () => {
  it('asks for the token slipway start prints, and works once it is given', async () => {
    const dataDir = tempDataDir();
    const slipway = await startSlipwayProcess(dataDir, 0, { SLIPWAY_HOST: '0.0.0.0' });
    try {
      const printed = slipway.output().match(/console\s+(http:\/\/\S+)/)?.[1];
      assert.match(printed ?? '', /^http:\/\/127\.0\.0\.1:\d+\/_slipway\/console\/\?token=[\w-]{32,}$/);
      const bare = printed!.replace(/\?token=.*$/, '');

      const stranger = await browser().newContext();
      const refused = await stranger.newPage();
      const res = await refused.goto(`${bare}ecs`);
      assert.equal(res?.status(), 401);
      assert.match((await refused.locator('body').textContent()) ?? '', /asks for the token/);
      await keep(refused, 'token-needed');
      await stranger.close();

      const owner = await browser().newContext();
      const page = await owner.newPage();
      await page.goto(printed!);
      assert.equal(new URL(page.url()).search, '', 'the token leaves the address bar');
      await waitForText(page, '.conn', (t) => t === 'live', 'the live feed, opened with the cookie');
      await page.goto(`${bare}ecs`);
      await waitForText(page, 'table[aria-label="clusters"]', (t) => t.includes('default'), 'the clusters');
      await keep(page, 'token-accepted');
      await owner.close();
    } finally {
      await slipway.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
