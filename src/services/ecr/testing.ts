/**
 * @module services/ecr/testing
 * Test fixtures for the ECR room's unit tests: an in-memory store, a blob store in a temporary
 * directory, and repositories and pushed blobs put straight into the model.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createClock } from '../../core/clock.ts';
import { loadConfig } from '../../core/config.ts';
import { EventBus } from '../../core/events.ts';
import { arn, uuid } from '../../core/ids.ts';
import type { ContainerRuntime } from '../../runtime/types.ts';
import { Store } from '../../store/index.ts';
import { BlobStore, sha256 } from './blobs.ts';
import type { EcrContext } from './context.ts';
import { EcrModel, type RepositoryRecord } from './model.ts';
import type { ImageTagMutability } from './shapes.ts';
import { Turns } from '../../core/turns.ts';

export function ecrTestContext(): EcrContext & { cleanup(): void } {
  const store = Store.open(':memory:');
  const root = mkdtempSync(join(tmpdir(), 'slipway-ecr-unit-'));
  return {
    config: { ...loadConfig({}, {}), dataDir: root },
    edge: { url: 'http://127.0.0.1:4566', host: '127.0.0.1', port: 4566 },
    store,
    clock: createClock(1),
    runtime: {} as ContainerRuntime,
    events: new EventBus(),
    model: new EcrModel(store),
    blobs: new BlobStore(join(root, 'registry')),
    lifecycleRuns: new Turns(),
    cleanup: () => {
      store.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A repository as CreateRepository would store it (us-east-1, the default account). */
export function addRepository(ecr: EcrContext, name: string, imageTagMutability: ImageTagMutability = 'MUTABLE'): RepositoryRecord {
  const { account, defaultRegion: region } = ecr.config;
  const record: RepositoryRecord = {
    repository: {
      repositoryArn: arn({ region, account }, 'ecr', `repository/${name}`),
      registryId: account,
      repositoryName: name,
      repositoryUri: `127.0.0.1:${ecr.edge.port}/${name}`,
      createdAt: ecr.clock.now(),
      imageTagMutability,
      imageScanningConfiguration: { scanOnPush: false },
      encryptionConfiguration: { encryptionType: 'AES256' },
    },
    tags: [],
  };
  ecr.model.putRepository(record);
  return record;
}

/** Uploads `bytes` as a blob and links it to the repository, as a registry push does. */
export async function pushBlob(ecr: EcrContext, repo: RepositoryRecord, bytes: Buffer): Promise<{ digest: string; size: number }> {
  const id = uuid();
  await ecr.blobs.startUpload(id);
  await ecr.blobs.append(id, Readable.from([bytes]));
  const blob = await ecr.blobs.commitUpload(id, sha256(bytes));
  ecr.model.putLayer({ repositoryArn: repo.repository.repositoryArn, digest: blob.digest, size: blob.size, at: ecr.clock.now() });
  return blob;
}

/** A Docker schema 2 image manifest over the given config and layers. */
export function imageManifest(
  config: { digest: string; size: number },
  layers: { digest: string; size: number }[],
  extra: Record<string, unknown> = {},
): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', ...config },
      layers: layers.map((l) => ({ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', ...l })),
      ...extra,
    }),
  );
}
