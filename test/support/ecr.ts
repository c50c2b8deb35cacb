/**
 * Helpers for ECR integration tests: an SDK client, the Docker CLI with its own config directory,
 * images derived from the test image, and an image built by hand for uploads through the API.
 */
import { ECRClient } from '@aws-sdk/client-ecr';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { imageLabels } from '../../src/runtime/docker-images.ts';
import { tarArchive } from '../../src/runtime/tar.ts';
import { TEST_IMAGE } from './images.ts';
import { digestOf } from './registry.ts';
import { clientConfig, cliEnv, docker } from './slipway.ts';

const run = promisify(execFile);

export function ecrClient(endpoint: string, region = 'us-east-1'): ECRClient {
  return new ECRClient(clientConfig(endpoint, region));
}

/**
 * Runs a shell command line (pipes allowed, pipefail on) with the Docker CLI pointed at
 * `dockerConfig` (so logins never touch the user's ~/.docker) and the aws CLI at Slipway: the
 * endpoint is in $ENDPOINT. Rejects with the command's stderr when it fails.
 */
export async function dockerCli(
  command: string,
  opts: { dockerConfig: string; endpoint: string },
): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run('bash', ['-o', 'pipefail', '-c', command], {
      env: { ...cliEnv, DOCKER_CONFIG: opts.dockerConfig, ENDPOINT: opts.endpoint },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as Error & { stderr?: string; stdout?: string };
    throw new Error(`\`${command}\` failed: ${e.stderr || e.stdout || e.message}`);
  }
}

/** Expects an AWS SDK call to fail with the error `name` (and message, exactly or by pattern). */
export async function expectAwsError(call: Promise<unknown>, name: string, message?: string | RegExp): Promise<void> {
  await assert.rejects(call, (err: Error) => {
    assert.equal(err.name, name, `expected ${name}, got ${err.name}: ${err.message}`);
    if (typeof message === 'string') assert.equal(err.message, message);
    else if (message) assert.match(err.message, message);
    return true;
  });
}

export async function imageExistsLocally(reference: string): Promise<boolean> {
  return (await imageLabels(docker, reference)) !== undefined;
}

/**
 * Builds an image of its own (the test image plus /marker holding `marker`) as `target`, pushes
 * it with the Docker CLI and returns the digest the push reported.
 */
export async function pushDerivedImage(
  cli: (command: string) => Promise<{ stdout: string }>,
  target: string,
  marker: string,
  created: Set<string>,
): Promise<string> {
  created.add(target);
  await cli(`printf 'FROM ${TEST_IMAGE}\\nRUN echo ${marker} > /marker\\n' | docker build -q -t ${target} -`);
  const { stdout } = await cli(`docker push ${target}`);
  const digest = stdout.match(/digest: (sha256:[a-f0-9]{64})/)?.[1];
  if (!digest) throw new Error(`docker push ${target} reported no digest:\n${stdout}`);
  return digest;
}

export interface Blob {
  bytes: Buffer;
  digest: string;
}

const blob = (bytes: Buffer): Blob => ({ bytes, digest: digestOf(bytes) });

/**
 * A one-layer Docker image made by hand — static busybox and /hello.txt, whose command prints
 * the file — to push through the ECR API's layer upload operations.
 */
export async function buildApiImage(text: string): Promise<{ layer: Blob; config: Blob; manifest: string }> {
  const tar = tarArchive([
    { path: 'bin/busybox', data: readFileSync('/bin/busybox'), mode: 0o755 },
    { path: 'hello.txt', data: Buffer.from(text) },
  ]);
  const layer = blob(gzipSync(tar));
  const config = blob(
    Buffer.from(
      JSON.stringify({
        architecture: process.arch === 'arm64' ? 'arm64' : 'amd64',
        os: 'linux',
        config: { Cmd: ['/bin/busybox', 'cat', '/hello.txt'] },
        rootfs: { type: 'layers', diff_ids: [blob(tar).digest] },
        history: [{ created_by: 'slipway test: built by hand' }],
      }),
    ),
  );
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.bytes.length, digest: config.digest },
    layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: layer.bytes.length, digest: layer.digest }],
  });
  return { layer, config, manifest };
}

/**
 * Removes every local image reference under the given registries (`127.0.0.1:<port>`): tags, and
 * the digest-only references a moved tag or an ECS pull leaves behind.
 */
export async function removeImagesOf(registryHosts: Iterable<string>): Promise<void> {
  const hosts = new Set(registryHosts);
  for (const image of await docker.listImages()) {
    for (const ref of [...(image.RepoTags ?? []), ...(image.RepoDigests ?? [])]) {
      if (hosts.has(ref.split('/')[0]))
        await docker
          .getImage(ref)
          .remove({ force: true })
          .catch(() => undefined);
    }
  }
}
