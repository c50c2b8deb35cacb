import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { BlobStore, DigestMismatchError, InvalidDigestError, OffsetMismatchError, UploadUnknownError, sha256 } from './blobs.ts';

const roots: string[] = [];
after(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function store(root = mkdtempSync(join(tmpdir(), 'slipway-blobs-'))): BlobStore {
  roots.push(root);
  return new BlobStore(root);
}

async function text(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Everything under the store's blobs/ and uploads/ (what a refused upload must not leave behind). */
function files(blobs: BlobStore): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return [...walk(join(blobs.root, 'blobs')), ...walk(join(blobs.root, 'uploads'))];
}

describe('BlobStore', () => {
  it('stores bytes under their digest and serves them whole or by range', async () => {
    const blobs = store();
    const bytes = Buffer.from('{"schemaVersion":2}');
    const digest = blobs.putBytes(bytes);
    assert.equal(digest, sha256(bytes));
    assert.equal(blobs.putBytes(bytes), digest, 'storing the same bytes twice is harmless');
    assert.deepEqual(blobs.read(digest), bytes);
    assert.equal(blobs.stat(digest)?.size, bytes.length);
    assert.equal((await text(blobs.open(digest, { start: 2, end: 7 }))).toString(), bytes.subarray(2, 8).toString());
    assert.deepEqual(await blobs.list(), [digest]);
    assert.equal(blobs.delete(digest), true);
    assert.equal(blobs.stat(digest), undefined);
    assert.equal(blobs.delete(digest), false);
  });

  it('refuses anything but a sha256 digest, so no path can escape the store', () => {
    const blobs = store();
    assert.throws(() => blobs.stat('sha256:../../etc/passwd'), InvalidDigestError);
    assert.throws(() => blobs.path(`sha512:${'a'.repeat(128)}`), InvalidDigestError);
  });

  it('verifies the digest of a chunked upload and moves it into place', async () => {
    const blobs = store();
    const data = randomBytes(3 * 1024 * 1024 + 17);
    await blobs.startUpload('u-chunked-1');
    assert.equal(await blobs.append('u-chunked-1', Readable.from([data.subarray(0, 1000)]), 0), 1000);
    assert.equal(await blobs.append('u-chunked-1', Readable.from([data.subarray(1000)]), 1000), data.length);
    assert.equal(await blobs.uploadSize('u-chunked-1'), data.length);
    const committed = await blobs.commitUpload('u-chunked-1', sha256(data));
    assert.deepEqual(committed, { digest: sha256(data), size: data.length });
    assert.deepEqual(await text(blobs.open(committed.digest)), data);
    assert.equal(await blobs.uploadSize('u-chunked-1'), undefined, 'a committed upload is gone');
  });

  it('refuses a wrong digest and keeps nothing of the upload', async () => {
    const blobs = store();
    const data = randomBytes(200_000);
    await blobs.startUpload('u-wrong-1');
    await blobs.append('u-wrong-1', Readable.from([data]));
    const claimed = sha256(Buffer.from('something else'));
    await assert.rejects(
      blobs.commitUpload('u-wrong-1', claimed),
      (err: unknown) => err instanceof DigestMismatchError && err.actual === sha256(data),
    );
    assert.deepEqual(files(blobs), []);
    assert.equal(blobs.stat(claimed), undefined);
    assert.equal(blobs.stat(sha256(data)), undefined);
    await assert.rejects(blobs.append('u-wrong-1', Readable.from([data])), UploadUnknownError);
  });

  it('refuses a chunk that does not start where the upload ends, reading none of it', async () => {
    const blobs = store();
    await blobs.startUpload('u-offset-1');
    await blobs.append('u-offset-1', Readable.from([Buffer.from('abcdef')]), 0);
    const chunk = new PassThrough();
    await assert.rejects(blobs.append('u-offset-1', chunk, 3), (err: unknown) => err instanceof OffsetMismatchError && err.offset === 6);
    assert.equal(chunk.readableFlowing, null, 'the refused chunk was never read');
    assert.equal(await blobs.append('u-offset-1', Readable.from([Buffer.from('gh')]), 6), 8);
    assert.equal((await blobs.commitUpload('u-offset-1', sha256(Buffer.from('abcdefgh')))).size, 8);
  });

  it('resumes after a chunk broke off midway: the bytes that arrived stay and the hash follows them', async () => {
    const blobs = store();
    const data = randomBytes(4 * 1024 * 1024);
    await blobs.startUpload('u-resume-1');
    const broken = new Readable({ read() {} });
    const appending = blobs.append('u-resume-1', broken, 0);
    broken.push(data.subarray(0, 1024 * 1024 + 5));
    await new Promise((r) => setTimeout(r, 50));
    broken.destroy(new Error('connection reset'));
    await assert.rejects(appending, /connection reset/);
    const offset = (await blobs.uploadSize('u-resume-1'))!;
    assert.ok(offset > 0 && offset <= 1024 * 1024 + 5, `kept ${offset} bytes`);
    await blobs.append('u-resume-1', Readable.from([data.subarray(offset)]), offset);
    assert.equal((await blobs.commitUpload('u-resume-1', sha256(data))).digest, sha256(data));
  });

  it('rebuilds the running hash from the file after a restart', async () => {
    const root = mkdtempSync(join(tmpdir(), 'slipway-blobs-'));
    const first = store(root);
    const data = randomBytes(1_500_000);
    await first.startUpload('u-restart-1');
    await first.append('u-restart-1', Readable.from([data.subarray(0, 700_000)]), 0);
    const second = new BlobStore(root);
    assert.equal(await second.uploadSize('u-restart-1'), 700_000);
    await second.append('u-restart-1', Readable.from([data.subarray(700_000)]), 700_000);
    assert.equal((await second.commitUpload('u-restart-1', sha256(data))).size, data.length);
    assert.deepEqual(second.read(sha256(data)), data);
  });

  it('lets concurrent uploads of the same blob both commit, leaving one intact copy', async () => {
    const blobs = store();
    const data = randomBytes(2 * 1024 * 1024);
    const ids = ['u-same-1', 'u-same-2', 'u-same-3'];
    await Promise.all(ids.map((id) => blobs.startUpload(id)));
    await Promise.all(ids.map((id) => blobs.append(id, Readable.from([data.subarray(0, 1 << 20), data.subarray(1 << 20)]))));
    const results = await Promise.all(ids.map((id) => blobs.commitUpload(id, sha256(data))));
    assert.ok(results.every((r) => r.digest === sha256(data) && r.size === data.length));
    assert.deepEqual(await blobs.list(), [sha256(data)]);
    assert.deepEqual(await text(blobs.open(sha256(data))), data);
    assert.deepEqual(readdirSync(join(blobs.root, 'uploads')), []);
  });

  it('runs the operations on one upload in order, so a status asked mid-append sees the whole chunk', async () => {
    const blobs = store();
    await blobs.startUpload('u-order-1');
    const slow = new Readable({ read() {} });
    const appending = blobs.append('u-order-1', slow);
    const size = blobs.uploadSize('u-order-1');
    slow.push(Buffer.alloc(1000));
    setTimeout(() => slow.push(null), 30);
    assert.equal(await appending, 1000);
    assert.equal(await size, 1000);
  });

  it('cancels an upload and knows which digests are being committed', async () => {
    const blobs = store();
    await blobs.startUpload('u-cancel-1');
    await blobs.append('u-cancel-1', Readable.from([Buffer.from('x')]));
    assert.deepEqual(
      (await blobs.listUploads()).map((u) => u.id),
      ['u-cancel-1'],
    );
    await blobs.cancelUpload('u-cancel-1');
    assert.equal(existsSync(join(blobs.root, 'uploads', 'u-cancel-1')), false);
    assert.equal(blobs.isCommitting(sha256(Buffer.from('x'))), false);
    await assert.rejects(blobs.commitUpload('u-cancel-1', sha256(Buffer.from('x'))), UploadUnknownError);
  });
});
