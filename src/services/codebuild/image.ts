/**
 * @module services/codebuild/image
 * The environment image of a build. CodeBuild's curated names (aws/codebuild/standard:7.0,
 * amazonlinux…) become Slipway's own build image, built here once from Debian's packages (see
 * image-recipe.ts) with its progress in the build's log; any other name is pulled as given, with
 * Slipway's registry credentials when it names Slipway's ECR.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logger } from '../../core/log.ts';
import { PullError } from '../../runtime/errors.ts';
import { tarArchive } from '../../runtime/tar.ts';
import type { ContainerRuntime } from '../../runtime/types.ts';
import type { EcrFacade } from '../ecr/index.ts';
import type { AppContext } from '../types.ts';
import {
  BASE_IMAGE,
  RECIPE_LABEL,
  RecipeProgress,
  STANDARD_REPO,
  baseRecipeHash,
  debianMirror,
  debootstrapArgs,
  standardDockerfile,
  standardRecipeHash,
  standardTagFor,
} from './image-recipe.ts';

const log = logger('codebuild.image');

const QUIET_MS = 10_000;

/** A failure to provide the image; its message goes into the PROVISIONING phase context. */
export class ImageError extends Error {}

export type Progress = (line: string) => void;

export class BuildImages {
  private building?: Promise<string>;
  /** Everyone waiting for the image being built: each build that waits sees every progress line in its own log. */
  private readonly watchers = new Set<Progress>();
  private lastLine?: string;

  constructor(
    private readonly app: AppContext,
    private readonly ecr: EcrFacade,
  ) {}

  /** The local image to run a build of `image` on, building or pulling it first. */
  async resolve(image: string, progress: Progress): Promise<string> {
    const standard = standardTagFor(image);
    if (!standard) {
      const local = this.ecr.engineImageName(image);
      try {
        await this.app.runtime.ensureImage(local, { auth: this.ecr.pullCredentials(local) });
      } catch (err) {
        if (err instanceof PullError) throw new ImageError(`CLIENT_ERROR: cannot pull the build image ${image}: ${err.message}`);
        throw err;
      }
      return local;
    }
    const mirror = debianMirror();
    const hash = standardRecipeHash(mirror);
    if ((await this.app.runtime.imageLabels(standard))?.[RECIPE_LABEL] === hash) return standard;
    const canonical = await this.ensureStandard(hash, mirror, progress);
    await this.app.runtime.tagImage(canonical, standard);
    return standard;
  }

  /** One build of the recipe at a time per process; a build that joins late first sees the last line reached. */
  private async ensureStandard(hash: string, mirror: string, progress: Progress): Promise<string> {
    this.watchers.add(progress);
    if (this.building && this.lastLine) progress(this.lastLine);
    this.building ??= buildStandard(this.app.runtime, hash, mirror, (line) => {
      this.lastLine = line;
      log.info(line);
      for (const watcher of this.watchers) watcher(line);
    }).finally(() => {
      this.building = undefined;
      this.lastLine = undefined;
    });
    try {
      return await this.building;
    } finally {
      this.watchers.delete(progress);
    }
  }
}

/**
 * Slipway's build image for the current recipe and mirror, built unless the engine has it, as a
 * standard-image build would: what scripts/setup.sh runs ahead of the first build. Returns its canonical tag.
 */
export async function prepareStandardImage(runtime: ContainerRuntime, progress: Progress): Promise<string> {
  const mirror = debianMirror();
  return buildStandard(runtime, standardRecipeHash(mirror), mirror, progress);
}

async function buildStandard(runtime: ContainerRuntime, hash: string, mirror: string, progress: Progress): Promise<string> {
  const canonical = `${STANDARD_REPO}:recipe-${hash}`;
  if ((await runtime.imageLabels(canonical))?.[RECIPE_LABEL] === hash) return canonical;
  const meter = new RecipeProgress();
  let last = -1;
  let lastAt = 0;
  // One line per percent reached, naming the step that reached it; a slow step (apt-get update on a
  // slow mirror) still shows what it is doing every few seconds.
  const report = (percent: number, what: string) => {
    if (percent <= last && Date.now() - lastAt < QUIET_MS) return;
    last = percent;
    lastAt = Date.now();
    progress(`Building Slipway's build image ${STANDARD_REPO} from Debian ${mirror}: ${percent}% ${what}`);
  };
  report(0, '(first use or a new recipe, once: 2 to 5 minutes, by the mirror and the machine)');
  await ensureBase(runtime, mirror, (line) => report(meter.debootstrap(line), `debootstrap: ${line.replace(/^I: /, '')}`));
  report(meter.imported(), `imported ${BASE_IMAGE}`);
  const context = tarArchive([{ path: 'Dockerfile', data: Buffer.from(standardDockerfile()) }]);
  try {
    await runtime.buildImage(context, {
      tag: canonical,
      labels: { [RECIPE_LABEL]: hash },
      onOutput: (line) => {
        const text = line.trim();
        if (text) report(meter.dockerfile(text), `image: ${text.slice(0, 120)}`);
      },
    });
  } catch (err) {
    throw new ImageError(`CLIENT_ERROR: building Slipway's build image failed: ${(err as Error).message}`);
  }
  report(100, `done: ${canonical}`);
  return canonical;
}

/** slipway/debian:bookworm from debootstrap, unless the engine already has this recipe's. */
export async function ensureBase(runtime: ContainerRuntime, mirror: string, onLine: (line: string) => void): Promise<void> {
  const hash = baseRecipeHash(mirror);
  if ((await runtime.imageLabels(BASE_IMAGE))?.[RECIPE_LABEL] === hash) return;
  if (process.getuid?.() !== 0) {
    throw new ImageError(
      `CLIENT_ERROR: Slipway builds its Debian base image with debootstrap, which needs root. Run Slipway as root once, or build it with: sudo debootstrap ${debootstrapArgs('/tmp/rootfs', mirror).join(' ')} && sudo tar -C /tmp/rootfs -c . | docker import --change 'LABEL ${RECIPE_LABEL}=${hash}' - ${BASE_IMAGE}`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'slipway-debootstrap-'));
  const rootfs = join(dir, 'rootfs');
  try {
    await run('debootstrap', debootstrapArgs(rootfs, mirror), onLine);
    const tar = spawn('tar', ['-C', rootfs, '--numeric-owner', '-c', '.'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    tar.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number>((resolve) => tar.on('close', (code) => resolve(code ?? 1)));
    await runtime.importImage(tar.stdout, { tag: BASE_IMAGE, changes: [`LABEL ${RECIPE_LABEL}=${hash}`, 'CMD ["bash"]'] });
    if ((await exited) !== 0) throw new ImageError(`CLIENT_ERROR: packing the Debian root filesystem failed: ${stderr.trim()}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let tail: string[] = [];
    let partial = '';
    const take = (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        tail = [...tail.slice(-9), line];
        onLine(line);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'ENOENT'
          ? new ImageError(
              `CLIENT_ERROR: ${command} is not installed; Slipway needs it to build its build image (apt-get install ${command}, or run scripts/setup.sh)`,
            )
          : err,
      );
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new ImageError(`CLIENT_ERROR: ${command} failed (exit ${code}): ${tail.join(' | ')}`));
    });
  });
}
