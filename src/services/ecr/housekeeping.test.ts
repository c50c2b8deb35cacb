import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createClock } from '../../core/clock.ts';
import { collectGarbage, startHousekeeping } from './housekeeping.ts';
import { deleteImage, putManifest } from './manifests.ts';
import { addRepository, ecrTestContext, imageManifest, pushBlob } from './testing.ts';

let ecr: ReturnType<typeof ecrTestContext>;
beforeEach(() => (ecr = ecrTestContext()));
afterEach(() => ecr.cleanup());

async function scene() {
  const repo = addRepository(ecr, 'app');
  const config = await pushBlob(ecr, repo, Buffer.from('{"config":1}'));
  const layer = await pushBlob(ecr, repo, Buffer.alloc(4096, 'l'));
  const image = putManifest(ecr, repo, 'v1', imageManifest(config, [layer]));
  const linkedOnly = await pushBlob(ecr, repo, Buffer.from('uploaded, manifest not pushed yet'));
  const orphan = ecr.blobs.putBytes(Buffer.from('linked nowhere'));
  // File times have sub-millisecond precision and the clock whole milliseconds: let a grace of 0 pass.
  await new Promise((r) => setTimeout(r, 5));
  return { repo, config, layer, image, linkedOnly, orphan };
}

describe('collectGarbage', () => {
  it('keeps everything young: a push in progress has its layers up before its manifest', async () => {
    const s = await scene();
    assert.deepEqual(await collectGarbage(ecr), { blobsDeleted: 0, bytesFreed: 0, linksRemoved: 0, uploadsRemoved: 0 });
    for (const digest of [s.config.digest, s.layer.digest, s.image.digest, s.linkedOnly.digest, s.orphan]) assert.ok(ecr.blobs.stat(digest), digest);
  });

  it('after the grace period deletes what no manifest references, and the stale links to it', async () => {
    const s = await scene();
    const report = await collectGarbage(ecr, { graceMs: 0 });
    assert.equal(report.blobsDeleted, 2);
    assert.equal(report.linksRemoved, 1);
    assert.equal(ecr.blobs.stat(s.linkedOnly.digest), undefined);
    assert.equal(ecr.blobs.stat(s.orphan), undefined);
    assert.equal(ecr.model.hasLayer(s.repo.repository.repositoryArn!, s.linkedOnly.digest), false);
    for (const digest of [s.config.digest, s.layer.digest, s.image.digest]) assert.ok(ecr.blobs.stat(digest), `${digest} is referenced`);

    deleteImage(ecr, s.repo, s.image.digest);
    await new Promise((r) => setTimeout(r, 5));
    assert.equal((await collectGarbage(ecr, { graceMs: 0 })).blobsDeleted, 3, 'config, layer and manifest follow their image');
    assert.deepEqual(await ecr.blobs.list(), []);
  });

  it('keeps a blob another repository still references', async () => {
    const s = await scene();
    const other = addRepository(ecr, 'other');
    const again = await pushBlob(ecr, other, Buffer.alloc(4096, 'l'));
    const config = await pushBlob(ecr, other, Buffer.from('{"config":2}'));
    putManifest(ecr, other, 'v1', imageManifest(config, [again]));
    deleteImage(ecr, s.repo, s.image.digest);
    await new Promise((r) => setTimeout(r, 5));
    await collectGarbage(ecr, { graceMs: 0 });
    assert.ok(ecr.blobs.stat(s.layer.digest), 'the shared layer stays');
    assert.equal(ecr.blobs.stat(s.config.digest), undefined);
  });

  it('removes uploads nobody wrote to for the abandonment period', async () => {
    const repo = addRepository(ecr, 'app');
    await ecr.blobs.startUpload('upload-abandoned-1');
    ecr.model.putUpload({ id: 'upload-abandoned-1', repositoryArn: repo.repository.repositoryArn!, startedAt: ecr.clock.now(), offset: 0 });
    assert.equal((await collectGarbage(ecr)).uploadsRemoved, 0);
    assert.equal((await collectGarbage(ecr, { abandonedMs: 0 })).uploadsRemoved, 1);
    assert.equal(await ecr.blobs.uploadSize('upload-abandoned-1'), undefined);
    assert.equal(ecr.model.uploads.count(), 0);
  });
});

describe('startHousekeeping', () => {
  it('applies the repository lifecycle policy soon after a push', async () => {
    ecr.clock = createClock(1000);
    const repo = addRepository(ecr, 'app');
    repo.lifecyclePolicyText = JSON.stringify({
      rules: [{ rulePriority: 1, selection: { tagStatus: 'tagged', tagPrefixList: ['v'], countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }],
    });
    ecr.model.putRepository(repo, 'us-east-1:000000000000');
    const stop = startHousekeeping(ecr);
    try {
      const config = await pushBlob(ecr, repo, Buffer.from('{}'));
      const layers = [await pushBlob(ecr, repo, Buffer.from('one')), await pushBlob(ecr, repo, Buffer.from('two'))];
      const old = putManifest(ecr, repo, 'v1', imageManifest(config, [layers[0]]));
      await new Promise((r) => setTimeout(r, 5));
      const fresh = putManifest(ecr, repo, 'v2', imageManifest(config, [layers[1]]));
      const deadline = Date.now() + 5_000;
      while (ecr.model.image(repo.repository.repositoryArn!, old.digest) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.equal(ecr.model.image(repo.repository.repositoryArn!, old.digest), undefined, 'v1 expired');
      assert.ok(ecr.model.image(repo.repository.repositoryArn!, fresh.digest));
    } finally {
      stop();
    }
  });
});
