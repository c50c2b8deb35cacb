/**
 * @module services/codebuild/build-container
 * The build container and its work directory: deterministic names and labels (so the controller
 * finds a build's container after a restart), the mounts (source, runner, state, cache, and the
 * engine's socket only in privileged mode), and what the runner leaves behind in the state
 * directory: exported variables and expanded artifact names.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ContainerSpec } from '../../runtime/types.ts';
import type { Buildspec } from './buildspec.ts';
import { readFileInside, resolveInside } from './build-tree.ts';
import { MOUNT } from './runner.ts';

const run = promisify(execFile);

export const CONTAINER_LABEL = 'slipway.codebuild.build-arn';

export function containerName(uuid: string): string {
  return `slipway-codebuild-${uuid}`;
}

/** <data-dir>/codebuild/builds/<uuid>/{src,sources,slipway,state}, removed when the build ends. */
export function workDir(dataDir: string, uuid: string): string {
  return join(workRoot(dataDir), uuid);
}

/** Where the work directories are. */
export function workRoot(dataDir: string): string {
  return join(dataDir, 'codebuild', 'builds');
}

/** The work directory's parts, each mounted into the container (MOUNT in runner.ts). */
export const WORK_SUBDIRS = ['src', 'sources', 'slipway', 'state'];

export function cacheDir(dataDir: string, project: string): string {
  return join(dataDir, 'codebuild', 'cache', project);
}

export interface ContainerInput {
  arn: string;
  uuid: string;
  project: string;
  image: string;
  work: string;
  env: Record<string, string>;
  privileged: boolean;
  /** The project's cache directory, when the project caches. */
  cache?: string;
}

export function buildContainerSpec(input: ContainerInput): ContainerSpec {
  return {
    ...runnerSpec(input.image, input.work, input.privileged, input.cache),
    name: containerName(input.uuid),
    labels: { [CONTAINER_LABEL]: input.arn, 'slipway.codebuild.project': input.project },
    entryPoint: ['/bin/sh', `${MOUNT.slipway}/boot.sh`],
    command: [],
    env: input.env,
  };
}

/**
 * A warm container (pool.ts): the mounts of a build without a cache, no environment, idle until its
 * release FIFO is written, then the build's environment file and the runner. Reading the FIFO
 * fails only when it is gone, and then the container ends without running anything.
 */
export function pooledContainerSpec(input: {
  name: string;
  labels: Record<string, string>;
  image: string;
  work: string;
  privileged: boolean;
}): ContainerSpec {
  const wait = `read _ < ${MOUNT.slipway}/${RELEASE_FIFO} || exit 0; . ${MOUNT.slipway}/${ENV_FILE} && exec /bin/sh ${MOUNT.slipway}/boot.sh`;
  return {
    ...runnerSpec(input.image, input.work, input.privileged),
    name: input.name,
    labels: input.labels,
    entryPoint: ['/bin/sh', '-c', wait],
    command: [],
  };
}

/**
 * In a runner directory: the FIFO a warm container waits on until its build is released, and on
 * which every build container then waits after its runner's DONE until it is removed; the build's
 * environment as `export` lines.
 */
export const RELEASE_FIFO = 'release';
export const ENV_FILE = 'env.sh';

/** Makes the runner directory's FIFO (mkfifo: Node has no call for it). */
export async function makeReleaseFifo(work: string): Promise<void> {
  await run('mkfifo', ['-m', '600', join(work, 'slipway', RELEASE_FIFO)]);
}

function runnerSpec(image: string, work: string, privileged: boolean, cache?: string): Omit<ContainerSpec, 'name' | 'labels'> {
  const socket = dockerSocket();
  return {
    image,
    workingDir: MOUNT.src,
    network: { mode: 'bridge' },
    stopTimeoutSec: 2,
    binds: [
      `${join(work, 'src')}:${MOUNT.src}`,
      `${join(work, 'sources')}:${MOUNT.sources}`,
      `${join(work, 'slipway')}:${MOUNT.slipway}:ro`,
      `${join(work, 'state')}:${MOUNT.state}`,
      ...(cache ? [`${cache}:${MOUNT.cache}`] : []),
      ...(privileged && socket ? [`${socket}:/var/run/docker.sock`] : []),
    ],
  };
}

/** Where the host's engine socket is, for privileged builds (DOCKER_HOST=unix://… or the default). */
function dockerSocket(): string | undefined {
  const host = process.env.DOCKER_HOST;
  if (!host) return '/var/run/docker.sock';
  return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
}

export interface RunnerState {
  exported: { name: string; value: string }[];
  /** Artifact names as the build's shell expanded them, by 'primary' or identifier. */
  names: Record<string, string>;
}

/** Exported variables (AWS_ ones are not exportable) and artifact names the runner wrote, read without leaving the state directory. */
export async function readRunnerState(work: string, spec: Buildspec, log: (line: string) => void): Promise<RunnerState> {
  const state: RunnerState = { exported: [], names: {} };
  const stateDir = join(work, 'state');
  for (const name of spec.exportedVariables) {
    if (name.startsWith('AWS_')) {
      log(`env.exported-variables ${name} is not exported: names starting with AWS_ are reserved`);
      continue;
    }
    const value = await readFileInside(stateDir, `exported/${name}`);
    if (value !== undefined) state.exported.push({ name, value });
  }
  const names = await resolveInside(stateDir, 'names');
  for (const file of names ? await readdir(names).catch(() => [] as string[]) : []) {
    const value = await readFileInside(stateDir, `names/${file}`);
    if (value !== undefined) state.names[file] = value;
  }
  return state;
}
