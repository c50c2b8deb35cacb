import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createClock, createManualClock } from '../../core/clock.ts';
import { collectGarbage, housekeeping, lifecycleKey, SWEEP_KEY } from './housekeeping.ts';
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
    for (const digest of [s.config.digest, s.layer.digest, s.image.digest, s.linkedOnly.digest, s.orphan])
      assert.ok(ecr.blobs.stat(digest), digest);
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

const KEEP_ONE_V = JSON.stringify({
  rules: [
    {
      rulePriority: 1,
      selection: { tagStatus: 'tagged', tagPrefixList: ['v'], countType: 'imageCountMoreThan', countNumber: 1 },
      action: { type: 'expire' },
    },
  ],
});

/** A repository with KEEP_ONE_V as its lifecycle policy. */
function repositoryKeepingOne(name: string) {
  const repo = addRepository(ecr, name);
  repo.lifecyclePolicyText = KEEP_ONE_V;
  ecr.model.putRepository(repo);
  return repo;
}

async function pushImage(repo: ReturnType<typeof addRepository>, tag: string) {
  const config = await pushBlob(ecr, repo, Buffer.from(`{"tag":"${tag}"}`));
  const layer = await pushBlob(ecr, repo, Buffer.from(`layer of ${tag}`));
  return putManifest(ecr, repo, tag, imageManifest(config, [layer]));
}

describe('housekeeping', () => {
  it('applies the repository lifecycle policy soon after a push', async () => {
    ecr.clock = createClock(1000);
    const repo = repositoryKeepingOne('app');
    const keeper = housekeeping(ecr);
    keeper.start();
    try {
      const old = await pushImage(repo, 'v1');
      await new Promise((r) => setTimeout(r, 5));
      const fresh = await pushImage(repo, 'v2');
      const deadline = Date.now() + 5_000;
      while (ecr.model.image(repo.repository.repositoryArn!, old.digest) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      assert.equal(ecr.model.image(repo.repository.repositoryArn!, old.digest), undefined, 'v1 expired');
      assert.ok(ecr.model.image(repo.repository.repositoryArn!, fresh.digest));
    } finally {
      await keeper.stop();
    }
  });

  it('on a manual clock: runs a lifecycle policy 5 s after the last push of a burst, and every policy at the 10-minute sweep', async () => {
    const clock = createManualClock({ start: Date.now() });
    ecr.clock = clock;
    const quiet = repositoryKeepingOne('quiet');
    const quietOld = await pushImage(quiet, 'v1');
    await clock.advance(1_000);
    const quietNew = await pushImage(quiet, 'v2');
    const repo = repositoryKeepingOne('app');
    const arn = repo.repository.repositoryArn!;
    const key = lifecycleKey(arn);

    const keeper = housekeeping(ecr);
    keeper.start(); // pushes before this are not followed: 'quiet' waits for the sweep
    const old = await pushImage(repo, 'v1');
    await clock.advance(2_000);
    const fresh = await pushImage(repo, 'v2');
    await keeper.stop(); // from here the test alone runs the keys, at the clock's times

    assert.deepEqual(await keeper.reconcile(key), { requeueAfterMs: 5_000 }, 'the second push moved the run back');
    await clock.advance(4_999);
    assert.deepEqual(await keeper.reconcile(key), { requeueAfterMs: 1 });
    assert.ok(ecr.model.image(arn, old.digest), 'v1 is kept until the run is due');
    await clock.advance(1);
    assert.deepEqual(await keeper.reconcile(key), {});
    assert.equal(ecr.model.image(arn, old.digest), undefined, 'v1 expired');
    assert.ok(ecr.model.image(arn, fresh.digest));

    const quietArn = quiet.repository.repositoryArn!;
    assert.deepEqual(await keeper.reconcile(SWEEP_KEY), { requeueAfterMs: 10 * 60_000 - 7_000 });
    assert.ok(ecr.model.image(quietArn, quietOld.digest), 'no sweep before 10 minutes');
    await clock.advance(10 * 60_000 - 7_000);
    assert.deepEqual(await keeper.reconcile(SWEEP_KEY), { requeueAfterMs: 10 * 60_000 });
    assert.equal(ecr.model.image(quietArn, quietOld.digest), undefined, 'the sweep applied the policy');
    assert.ok(ecr.model.image(quietArn, quietNew.digest));
    assert.deepEqual(await keeper.reconcile(SWEEP_KEY), { requeueAfterMs: 10 * 60_000 }, 'the next sweep is 10 minutes on');
  });
});
