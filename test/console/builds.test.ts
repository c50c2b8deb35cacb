/**
 * The console in Chromium against a real Slipway on Docker: a build's phases advance on its page
 * and its log streams there as the build writes it, without a reload; its exported variable shows
 * once the build ends.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { createProject, startCodebuildSlipway } from '../support/codebuild.ts';
import { awsCli, docker, type TestSlipway, waitFor } from '../support/slipway.ts';
import { browserForTests, keep, mark, stillMarked, waitForText } from './browser.ts';

const browser = browserForTests();
let s: TestSlipway;
let cb: CodeBuildClient;
before(async () => {
  ({ s, cb } = await startCodebuildSlipway(20));
});
after(async () => {
  await s?.close();
});

// The build holds in its BUILD phase until the test lets it go (a file made in its container), so the
// page is seen mid-build however slow the machine.
const BUILDSPEC = `version: 0.2
env:
  exported-variables: [GREETING]
phases:
  install:
    commands:
      - echo installing
  build:
    commands:
      - echo first-build-line
      - while [ ! -e /console-go ]; do sleep 0.2; done
      - echo second-build-line
      - export GREETING=hello-from-the-build
`;

describe('console: builds', () => {
  it("shows a build's phases advancing and its log as it is written", async () => {
    await createProject(cb, { name: 'console-build', source: { type: 'NO_SOURCE', buildspec: BUILDSPEC } });
    const { build } = await awsCli(s.endpoint, ['codebuild', 'start-build', '--project-name', 'console-build']);
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${s.endpoint}/_slipway/console/builds/${encodeURIComponent(build.id)}`);
      await mark(page);
      const phase = (type: string) => `ol.timeline li[data-phase="${type}"]`;
      const log = 'pre[aria-label="build log"]';

      await waitForText(page, log, (t) => t.includes('first-build-line'), 'the first build line');
      // The phase comes by its own event, the line by the log stream: either may show first.
      const status = (type: string) =>
        page
          .locator(phase(type))
          .getAttribute('data-status', { timeout: 1000 })
          .catch(() => null);
      await waitFor('BUILD in progress on the timeline', async () => (await status('BUILD')) === 'IN_PROGRESS', 60_000, 100);
      assert.equal(await status('INSTALL'), 'SUCCEEDED');
      assert.doesNotMatch((await page.locator(log).textContent()) ?? '', /second-build-line/);
      await keep(page, 'build-in-progress');

      const [container] = await docker.listContainers({ filters: { label: [`slipway.codebuild.build-arn=${build.arn}`] } });
      assert.ok(container, 'the build container runs');
      const exec = await docker.getContainer(container.Id).exec({ Cmd: ['touch', '/console-go'] });
      // Whether it worked shows next: the build goes on (its container may be gone before the exec could be inspected).
      const output = await exec.start({});
      await new Promise((resolve) => {
        output.on('end', resolve);
        output.resume();
      });

      await waitForText(page, log, (t) => t.includes('second-build-line'), 'the second build line');
      await page.locator(`${phase('COMPLETED')}`).waitFor({ timeout: 90_000 });
      await waitForText(page, 'dl.facts', (t) => t.includes('SUCCEEDED'), 'the build to succeed');
      await waitForText(page, 'table[aria-label="exported variables"]', (t) => t.includes('hello-from-the-build'), 'the exported variable');
      assert.equal(await page.locator(phase('BUILD')).getAttribute('data-status'), 'SUCCEEDED');
      assert.equal(await stillMarked(page), true, 'the build page followed the build without a reload');
      await keep(page, 'build-succeeded');
    } finally {
      await page.close();
    }
  });
});
