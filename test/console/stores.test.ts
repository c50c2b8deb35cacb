/**
 * The console in Chromium against a real Slipway: a log group's live tail keeps its newest event in
 * view as events are stored (unless the reader scrolled up), and a log group that does not exist is
 * said in words, with no empty tail beside it.
 */
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slipwayForTests } from '../support/ecs.ts';
import { clientConfig, waitFor } from '../support/slipway.ts';
import { browserForTests, keep, waitForText } from './browser.ts';

const browser = browserForTests();
const slipway = slipwayForTests();

describe('console: stores', () => {
  it('keeps a log group tail on its newest event while events arrive, until the reader scrolls up', async () => {
    const s = slipway();
    const logs = new CloudWatchLogsClient(clientConfig(s.endpoint));
    const logGroupName = '/console/tail';
    await logs.send(new CreateLogGroupCommand({ logGroupName }));
    await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName: 'app' }));
    let n = 0;
    const put = (count: number) =>
      logs.send(
        new PutLogEventsCommand({
          logGroupName,
          logStreamName: 'app',
          logEvents: Array.from({ length: count }, () => ({ timestamp: Date.now(), message: `line ${n++}` })),
        }),
      );
    // More lines than the box shows, so it scrolls.
    await put(80);

    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${s.endpoint}/_slipway/console/logs/${encodeURIComponent(logGroupName)}`);
      const tail = 'pre[role="log"]';
      await waitForText(page, tail, (t) => t.includes('line 79'), 'the stored lines');
      const box = page.locator(tail);
      const gapBelow = () => box.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
      const scrolls = () => box.evaluate((el) => el.scrollHeight > el.clientHeight);
      assert.equal(await scrolls(), true, 'the tail holds more than it shows');

      await put(40);
      await waitForText(page, tail, (t) => t.includes('line 119'), 'the lines stored while the page is open');
      await waitFor('the newest line in view', async () => (await gapBelow()) < 2, 10_000, 100);
      await keep(page, 'logs-tail-follows');

      // A reader who scrolled up keeps their place.
      await box.evaluate((el) => (el.scrollTop = 0));
      await put(5);
      await waitForText(page, tail, (t) => t.includes('line 124'), 'the next lines');
      assert.equal(await box.evaluate((el) => el.scrollTop), 0, 'the reader stays where they scrolled');
    } finally {
      await page.close();
    }
  });

  it('says a missing log group in words, without an empty tail', async () => {
    const s = slipway();
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${s.endpoint}/_slipway/console/logs/${encodeURIComponent('/console/missing')}`);
      await waitForText(page, 'main', (t) => t.includes('ResourceNotFoundException'), 'the error');
      assert.equal(await page.locator('pre[role="log"]').count(), 0);
      await keep(page, 'logs-missing-group');
    } finally {
      await page.close();
    }
  });
});
