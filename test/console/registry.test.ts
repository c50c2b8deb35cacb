/**
 * The console in Chromium against a real Slipway: a repository's images with their tags, digests,
 * sizes and push times; the preview of what a draft lifecycle policy would expire; the saved policy
 * rule by rule, and the image it expires leaving the open page; a repository with no image and no
 * policy names the commands that make them.
 */
import { CreateRepositoryCommand, GetAuthorizationTokenCommand, PutLifecyclePolicyCommand } from '@aws-sdk/client-ecr';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildApiImage, ecrClient } from '../support/ecr.ts';
import { RegistryClient } from '../support/registry.ts';
import { slipwayForTests } from '../support/ecs.ts';
import { browserForTests, keep, waitForText } from './browser.ts';

const browser = browserForTests();
const slipway = slipwayForTests();

describe('console: registry', () => {
  it('shows images, the lifecycle policy and what it would expire', async () => {
    const s = slipway();
    const ecr = ecrClient(s.endpoint);
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'console/app' }));
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'console/bare' }));
    const token = (await ecr.send(new GetAuthorizationTokenCommand({}))).authorizationData![0].authorizationToken!;
    const reg = new RegistryClient(new URL(s.endpoint).host, Buffer.from(token, 'base64').toString().split(':')[1]);
    for (const tag of ['v1', 'v2']) {
      const image = await buildApiImage(`${tag}\n`);
      await reg.pushBlob('console/app', image.layer.bytes);
      await reg.pushBlob('console/app', image.config.bytes);
      assert.equal(
        (await reg.putManifest('console/app', tag, image.manifest, 'application/vnd.docker.distribution.manifest.v2+json')).status,
        201,
      );
    }
    const keepNewest = JSON.stringify({
      rules: [
        {
          rulePriority: 1,
          description: 'keep the newest',
          selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1 },
          action: { type: 'expire' },
        },
      ],
    });

    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${s.endpoint}/_slipway/console/registry/console/app`);
      const images = await waitForText(page, 'table[aria-label="images"]', (t) => t.includes('v1') && t.includes('v2'), 'both images');
      assert.match(images, /sha256:[0-9a-f]{12}…/);
      // No policy is saved: a draft typed in the page is previewed, and nothing expires.
      await waitForText(page, 'main', (t) => t.includes('No lifecycle policy yet'), 'the empty policy');
      await page.getByLabel(/Policy to preview/).fill(keepNewest);
      await page.getByRole('button', { name: 'Preview' }).click();
      const expiring = await waitForText(
        page,
        'table[aria-label="images the policy would expire"]',
        (t) => t.includes('v1'),
        'the preview',
      );
      assert.ok(!expiring.includes('v2'), 'the newest image stays');
      assert.match((await page.locator('table[aria-label="images"]').textContent()) ?? '', /v1/, 'a preview expires nothing');
      await keep(page, 'registry-lifecycle-preview');

      // Saved, the policy shows rule by rule and runs: the older image goes from the open page.
      await ecr.send(new PutLifecyclePolicyCommand({ repositoryName: 'console/app', lifecyclePolicyText: keepNewest }));
      await waitForText(
        page,
        'table[aria-label="lifecycle policy rules"]',
        (t) => t.includes('keep the newest') && t.includes('any, more than 1 images') && t.includes('expire'),
        'the saved rule',
      );
      await waitForText(page, 'table[aria-label="images"]', (t) => !t.includes('v1') && t.includes('v2'), 'the expired image to go');
      await keep(page, 'registry-policy-applied');

      await page.goto(`${s.endpoint}/_slipway/console/registry/console/bare`);
      // The policy and the image list load apart: both are waited for before either is read.
      const text = await waitForText(
        page,
        'main',
        (t) => t.includes('No lifecycle policy yet') && !t.includes('Loading'),
        'the empty policy and the empty image list',
      );
      assert.ok(text.includes('aws ecr put-lifecycle-policy --repository-name console/bare'), text);
      assert.ok(text.includes(`docker push ${new URL(s.endpoint).host}/console/bare:latest`), text);
      await keep(page, 'registry-no-policy');
    } finally {
      await page.close();
    }
  });
});
