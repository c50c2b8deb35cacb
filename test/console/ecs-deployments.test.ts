/**
 * The console in Chromium against a real Slipway, Docker and HAProxy: an ECS blue/green service
 * deployment held by a PAUSE hook is continued from its page, whose production traffic bar then
 * moves to green while the deployment completes; a LINEAR deployment's bar moves step by step on
 * the room's events alone, with no request of the page's own between them.
 */
import { CreateServiceCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blueGreenBalancer, blueGreenGroups, registerVersion, slipwayForTests } from '../support/ecs.ts';
import { elbClient, get } from '../support/elb.ts';
import { freePort, waitFor } from '../support/slipway.ts';
import { browserForTests, keep, mark, stillMarked, waitForText } from './browser.ts';

const slipway = slipwayForTests();
const browser = browserForTests();

describe('console: ECS service deployments', () => {
  it('continues a paused blue/green deployment from its page and shows traffic moving to green', async () => {
    const s = slipway();
    const elb = elbClient(s.endpoint);
    const { blue, green, rule, url } = await blueGreenGroups(elb, 'console-native');
    const [prodPort, testPort] = [await freePort(), await freePort()];
    const production = await rule(prodPort);
    const testRule = await rule(testPort);
    const v1 = await registerVersion(s.ecs, 'console-native', 'v1');
    const v2 = await registerVersion(s.ecs, 'console-native', 'v2');
    await s.ecs.send(
      new CreateServiceCommand({
        serviceName: 'console-native',
        taskDefinition: v1,
        desiredCount: 1,
        deploymentConfiguration: {
          strategy: 'BLUE_GREEN',
          bakeTimeInMinutes: 1,
          lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_SCALE_UP'] }],
        },
        loadBalancers: [blueGreenBalancer(blue, green, production, testRule)],
      }),
    );
    await waitFor('v1 in production', async () => (await get(url(prodPort))).body === 'v1\n', 60_000, 100);
    await s.ecs.send(new UpdateServiceCommand({ service: 'console-native', taskDefinition: v2 }));

    const page = await browser().newPage({ viewport: { width: 1280, height: 1000 } });
    try {
      await page.goto(`${s.endpoint}/_slipway/console/deployments`);
      await page.locator('table[aria-label="ECS service deployments"] a').first().click();
      await page.waitForURL(/\/deployments\/arn%3Aaws%3Aecs/);
      await mark(page);
      const hooks = 'table[aria-label="lifecycle hooks"]';
      await waitForText(page, hooks, (t) => t.includes('AWAITING_ACTION'), 'the PAUSE hook awaiting action', 120_000);
      const greenShare = async () =>
        Number(
          await page.locator('.bar[aria-label^="production"] .bar-part[data-name="Green"]').getAttribute('data-value', { timeout: 1000 }),
        );
      assert.equal(await greenShare(), 0, 'production stays on blue while paused');
      await keep(page, 'ecs-deployment-paused');

      await page.locator(hooks).getByRole('button', { name: 'Continue' }).click();
      await waitFor('production on green in the bar', async () => (await greenShare()) === 100, 120_000, 100);
      await waitForText(page, 'dl.facts', (t) => t.includes('SUCCESSFUL'), 'the deployment to complete', 120_000);
      assert.equal((await get(url(prodPort))).body, 'v2\n');
      assert.equal(await stillMarked(page), true, 'the page followed the deployment without a reload');
      await keep(page, 'ecs-deployment-successful');
    } finally {
      await page.close();
    }
  });

  it("moves a LINEAR deployment's traffic bar on events, without polling", async () => {
    const s = slipway();
    const { blue, green, rule, url } = await blueGreenGroups(elbClient(s.endpoint), 'console-linear');
    const prodPort = await freePort();
    const production = await rule(prodPort);
    const v1 = await registerVersion(s.ecs, 'console-linear', 'v1');
    const v2 = await registerVersion(s.ecs, 'console-linear', 'v2');
    await s.ecs.send(
      new CreateServiceCommand({
        serviceName: 'console-linear',
        taskDefinition: v1,
        desiredCount: 1,
        // Two steps of 50%, each held for two (scaled) minutes: six seconds at 50% to watch the page idle.
        deploymentConfiguration: {
          strategy: 'LINEAR',
          bakeTimeInMinutes: 0,
          linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 2 },
        },
        loadBalancers: [blueGreenBalancer(blue, green, production)],
      }),
    );
    await waitFor('v1 in production', async () => (await get(url(prodPort))).body === 'v1\n', 60_000, 100);
    await s.ecs.send(new UpdateServiceCommand({ service: 'console-linear', taskDefinition: v2 }));

    const page = await browser().newPage({ viewport: { width: 1280, height: 1000 } });
    // The page's reads of the deployment, and the deployment events the server sends it.
    let reads = 0;
    page.on('request', (r) => {
      if (r.headers()['x-amz-target']?.endsWith('.DescribeServiceDeployments')) reads++;
    });
    try {
      await page.goto(`${s.endpoint}/_slipway/console/deployments`);
      await page.locator('table[aria-label="ECS service deployments"] tr', { hasText: 'console-linear' }).locator('a').first().click();
      await page.waitForURL(/\/deployments\/arn%3Aaws%3Aecs/);
      await mark(page);
      await page.evaluate(() => {
        const w = window as unknown as { slipwayTestEvents: number };
        w.slipwayTestEvents = 0;
        new EventSource('/_slipway/console/events').onmessage = (m) => {
          if (/^ecs\./.test(JSON.parse(m.data).type)) w.slipwayTestEvents++;
        };
      });
      const events = () => page.evaluate(() => (window as unknown as { slipwayTestEvents: number }).slipwayTestEvents);
      const greenShare = async () =>
        Number(
          await page.locator('.bar[aria-label^="production"] .bar-part[data-name="Green"]').getAttribute('data-value', { timeout: 1000 }),
        );
      await waitFor('the first 50% step in the bar', async () => (await greenShare()) === 50, 120_000, 100);
      await keep(page, 'ecs-deployment-linear-step');

      // While the step bakes, the page reads the deployment only when an event tells it to.
      const [readsBefore, eventsBefore] = [reads, await events()];
      await page.waitForTimeout(3000);
      const [readsDuring, eventsDuring] = [reads - readsBefore, (await events()) - eventsBefore];
      assert.equal(await greenShare(), 50, 'the step is still baking');
      assert.ok(readsDuring <= eventsDuring, `${readsDuring} reads of the deployment for ${eventsDuring} events while it baked`);

      await waitFor('production on green in the bar', async () => (await greenShare()) === 100, 120_000, 100);
      await waitForText(page, 'dl.facts', (t) => t.includes('SUCCESSFUL'), 'the deployment to complete', 120_000);
      assert.equal(await stillMarked(page), true, 'the page followed the deployment without a reload');
      await keep(page, 'ecs-deployment-linear-successful');
    } finally {
      await page.close();
    }
  });
});
