/**
 * Slipway's build image on the in-memory runtime: every build that waits for the image being built
 * sees the progress in its own log, not only the build that started it; a built recipe is reused.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { FakeRuntime } from '../../runtime/fake.ts';
import type { AppContext } from '../types.ts';
import type { EcrFacade } from '../ecr/index.ts';
import { BuildImages } from './image.ts';
import { BASE_IMAGE, RECIPE_LABEL, baseRecipeHash, debianMirror } from './image-recipe.ts';

/** The standard image is built here, never pulled: ECR is not asked. */
const noRegistry: EcrFacade = {
  registryHost: () => '127.0.0.1:1',
  engineImageName: (image) => image,
  pullCredentials: () => undefined,
  describeImage: () => undefined,
  repositoryOfImage: () => undefined,
};

async function runtimeWithBase(): Promise<FakeRuntime> {
  const runtime = new FakeRuntime();
  // The Debian base as debootstrap would have left it, so only the Dockerfile step runs.
  await runtime.importImage(Readable.from([Buffer.from('rootfs')]), {
    tag: BASE_IMAGE,
    changes: [`LABEL ${RECIPE_LABEL}=${baseRecipeHash(debianMirror())}`],
  });
  return runtime;
}

test('builds that wait for the build image each see its progress in their own log', async () => {
  const images = new BuildImages({ runtime: await runtimeWithBase() } as unknown as AppContext, noRegistry);
  const first: string[] = [];
  const waiting: string[] = [];
  const [a, b] = await Promise.all([
    images.resolve('aws/codebuild/standard:7.0', (line) => first.push(line)),
    images.resolve('aws/codebuild/standard:5.0', (line) => waiting.push(line)),
  ]);
  assert.deepEqual([a, b], ['slipway/codebuild-standard:7.0', 'slipway/codebuild-standard:5.0']);
  for (const log of [first, waiting]) {
    assert.match(
      log.join('\n'),
      /Building Slipway's build image slipway\/codebuild-standard from Debian \S+: 100% done: slipway\/codebuild-standard:recipe-[0-9a-f]{16}/,
    );
  }
  const again: string[] = [];
  assert.equal(await images.resolve('aws/codebuild/standard:7.0', (line) => again.push(line)), 'slipway/codebuild-standard:7.0');
  assert.deepEqual(again, []);
});
