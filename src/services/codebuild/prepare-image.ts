/**
 * @module services/codebuild/prepare-image
 * `node --import tsx src/services/codebuild/prepare-image.ts`: builds Slipway's CodeBuild image ahead
 * of the first build (scripts/setup.sh runs it), one progress line per percent. Nothing to do when
 * the engine already has the image of the current recipe.
 */
import { createRuntime } from '../../runtime/index.ts';
import { prepareStandardImage } from './image.ts';

const started = Date.now();
try {
  const tag = await prepareStandardImage(createRuntime(), (line) => console.log(`setup: ${line}`));
  console.log(`setup: CodeBuild image ready: ${tag} (${Math.round((Date.now() - started) / 1000)} s)`);
} catch (err) {
  console.error(`setup: Slipway's CodeBuild image could not be built: ${(err as Error).message.replace(/^CLIENT_ERROR: /, '')}`);
  process.exitCode = 1;
}
