/**
 * The console in Chromium against a real Slipway on Docker: a service created with the aws CLI
 * appears with its tasks turning RUNNING, and a task's log lines appear as the task writes them —
 * without the page being reloaded.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { slipwayForTests } from '../support/ecs.ts';
import { TEST_IMAGE } from '../support/images.ts';
import { awsCli } from '../support/slipway.ts';
import { browserForTests, keep, mark, stillMarked, waitForText } from './browser.ts';

const slipway = slipwayForTests();
const browser = browserForTests();

describe('console: ECS', () => {
  it('shows a service created with the CLI, its tasks turning RUNNING and a task log as it is written', async () => {
    const s = slipway();
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${s.endpoint}/_slipway/console/ecs/default`);
      await page.locator('section', { hasText: 'Services' }).locator('text=No services yet').waitFor();
      await mark(page);

      const dir = mkdtempSync(join(tmpdir(), 'slipway-console-'));
      try {
        writeFileSync(
          join(dir, 'taskdef.json'),
          JSON.stringify({
            family: 'console-ticker',
            containerDefinitions: [
              {
                name: 'ticker',
                image: TEST_IMAGE,
                memory: 32,
                essential: true,
                command: ['sh', '-c', 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 1; done'],
              },
            ],
          }),
        );
        await awsCli(s.endpoint, ['ecs', 'register-task-definition', '--cli-input-json', `file://${join(dir, 'taskdef.json')}`]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      await awsCli(s.endpoint, [
        'ecs',
        'create-service',
        '--service-name',
        'ticker',
        '--task-definition',
        'console-ticker',
        '--desired-count',
        '2',
      ]);

      const services = 'table[aria-label="services"]';
      await waitForText(page, services, (t) => t.includes('ticker'), 'the service to appear');
      const tasks = 'table[aria-label="tasks"] tbody';
      await waitForText(page, tasks, (t) => (t.match(/RUNNING/g) ?? []).length >= 4, 'two tasks RUNNING (last and desired status)');
      assert.equal(await stillMarked(page), true, 'the page showed the service without reloading');
      await keep(page, 'ecs-service-tasks-running');

      // The task's own page, by its link, and its log following live.
      await page.locator(`${tasks} a`).first().click();
      await page.waitForURL(/\/ecs\/default\/tasks\/[0-9a-f]{32}$/);
      const log = 'pre[aria-label="log of ticker"]';
      const first = await waitForText(page, log, (t) => /tick \d+/.test(t), 'the first log line');
      const seen = Math.max(...[...first.matchAll(/tick (\d+)/g)].map((m) => Number(m[1])));
      await waitForText(page, log, (t) => t.includes(`tick ${seen + 2}`), 'log lines written after the page opened');
      assert.equal(await stillMarked(page), true, 'the task page opened without a reload');
      await keep(page, 'ecs-task-log-following');

      // A shared link opens the same page on its own.
      const shared = await browser().newPage();
      await shared.goto(page.url());
      await waitForText(shared, log, (t) => /tick \d+/.test(t), 'the log on a freshly opened link');
      await shared.close();

      // Scaling from the page: the desired count changes and the service has one task.
      await page.goBack();
      await page.goto(`${s.endpoint}/_slipway/console/ecs/default/services/ticker`);
      await page.locator('input[name="desired"]').fill('1');
      await page.getByRole('button', { name: 'Scale' }).click();
      await waitForText(page, 'dd.counts', (t) => /^1 \/ 1 \//.test(t.trim()), 'desired 1 and running 1');
      await keep(page, 'ecs-service-scaled');
    } finally {
      await page.close();
    }
  });
});
