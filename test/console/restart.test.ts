/**
 * `slipway start` prints the console's URL, and an open console page recovers by itself when
 * Slipway restarts: it says it is reconnecting while Slipway is away, then shows what changed
 * without being reloaded.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slipwayProcessesForTests } from '../support/ecs.ts';
import { awsCli } from '../support/slipway.ts';
import { browserForTests, keep, mark, stillMarked, waitForText } from './browser.ts';

const processes = slipwayProcessesForTests('console-restart');
const browser = browserForTests();

describe('console: Slipway restarts', () => {
  it('prints the console URL at start, and an open page carries on after a restart', async () => {
    let slipway = await processes.start();
    const printed = slipway.output().match(/console\s+(http:\/\/\S+)/)?.[1];
    assert.equal(printed, `${slipway.endpoint}/_slipway/console/`);

    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${printed}ecs`);
      await waitForText(page, '.conn', (t) => t === 'live', 'the live feed');
      await mark(page);

      await slipway.kill('SIGTERM');
      await waitForText(page, '.conn', (t) => t.includes('reconnecting'), 'the page noticing Slipway went away');
      await keep(page, 'restart-reconnecting');

      slipway = await processes.start();
      await waitForText(page, '.conn', (t) => t === 'live', 'the page reconnecting by itself');
      await awsCli(slipway.endpoint, ['ecs', 'create-cluster', '--cluster-name', 'console-after-restart']);
      await waitForText(
        page,
        'table[aria-label="clusters"]',
        (t) => t.includes('console-after-restart'),
        'a cluster made after the restart',
      );
      assert.equal(await stillMarked(page), true, 'the page recovered without a reload');
      await keep(page, 'restart-recovered');
    } finally {
      await page.close();
    }
  });
});
