import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createManualClock } from '../../core/clock.ts';
import { loadConfig } from '../../core/config.ts';
import { EventBus, type SlipwayEvent } from '../../core/events.ts';
import type { ContainerRuntime } from '../../runtime/types.ts';
import { Store } from '../../store/index.ts';
import type { AppContext } from '../types.ts';
import { OBJECT_EVENT, register, S3ObjectError, type S3Facade } from './index.ts';
import { S3Model } from './model.ts';

async function textOf(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function failure(fn: () => unknown): S3ObjectError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof S3ObjectError, String(err));
    return err;
  }
  assert.fail('no error');
}

describe('the S3 facade', () => {
  let app: AppContext;
  let s3: S3Facade;
  let dataDir: string;
  const events: SlipwayEvent[] = [];

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'slipway-s3-facade-'));
    app = {
      config: { ...loadConfig({}, {}), dataDir },
      edge: { url: 'http://127.0.0.1:4566', host: '127.0.0.1', port: 4566 },
      store: Store.open(':memory:'),
      clock: createManualClock({ start: Date.UTC(2026, 5, 1) }),
      runtime: {} as ContainerRuntime,
      events: new EventBus(),
    };
    app.events.subscribe((e) => void events.push(e));
    s3 = register(app).facade;
    const model = new S3Model(app.store);
    model.putBucket({ name: 'plain', region: 'us-east-1', scope: 'us-east-1:000000000000', created: 0 });
    model.putBucket({ name: 'kept', region: 'us-east-1', scope: 'us-east-1:000000000000', created: 0, versioning: 'Enabled' });
  });
  afterEach(() => {
    app.store.close();
    rmSync(dataDir, { recursive: true, force: true });
    events.length = 0;
  });

  it('writes from a stream or a file and reads back the bytes and figures, announcing ObjectCreated:Put', async () => {
    const put = await s3.putObject('plain', 'a/b.txt', Readable.from([Buffer.from('hello ')]), {
      contentType: 'text/plain',
      metadata: { from: 'test' },
    });
    assert.equal(put.etag, `"${createHash('md5').update('hello ').digest('hex')}"`);
    assert.equal(put.size, 6);
    assert.equal(put.versionId, undefined);
    const got = s3.getObject('plain', 'a/b.txt');
    assert.equal(await textOf(got.body), 'hello ');
    assert.deepEqual({ ...s3.headObject('plain', 'a/b.txt') }, { ...put });
    assert.equal(got.contentType, 'text/plain');
    assert.deepEqual(got.metadata, { from: 'test' });
    const file = join(dataDir, 'local.bin');
    writeFileSync(file, 'from a file');
    await s3.putObject('plain', 'a/b.txt', { file });
    assert.equal(await textOf(s3.getObject('plain', 'a/b.txt').body), 'from a file');
    assert.deepEqual(
      events.filter((e) => e.type === OBJECT_EVENT).map((e) => (e.detail as { eventName: string }).eventName),
      ['ObjectCreated:Put', 'ObjectCreated:Put'],
    );
  });

  it('reads a small object as text, and refuses one larger than asked without reading it', async () => {
    await s3.putObject('plain', 'buildspec.yml', Readable.from([Buffer.from('version: 0.2\n')]));
    const read = await s3.readText('plain', 'buildspec.yml', { maxBytes: 100 });
    assert.equal(read.text, 'version: 0.2\n');
    assert.equal(read.size, 13);
    await assert.rejects(
      s3.readText('plain', 'buildspec.yml', { maxBytes: 12 }),
      (err) => err instanceof S3ObjectError && err.code === 'EntityTooLarge',
    );
    await assert.rejects(
      s3.readText('plain', 'absent', { maxBytes: 12 }),
      (err) => err instanceof S3ObjectError && err.code === 'NoSuchKey',
    );
  });

  it('keeps versions where the bucket does, and reads one by its id', async () => {
    const first = await s3.putObject('kept', 'src.zip', Readable.from([Buffer.from('one')]));
    const second = await s3.putObject('kept', 'src.zip', Readable.from([Buffer.from('two')]));
    assert.ok(first.versionId && second.versionId && first.versionId !== second.versionId);
    assert.equal(await textOf(s3.getObject('kept', 'src.zip', first.versionId).body), 'one');
    assert.equal(await textOf(s3.getObject('kept', 'src.zip').body), 'two');
  });

  it('answers a missing bucket, key or version with a typed error carrying S3 code, and writes nothing for a missing bucket', async () => {
    assert.equal(failure(() => s3.getObject('absent', 'k')).code, 'NoSuchBucket');
    assert.equal(failure(() => s3.headObject('plain', 'absent')).code, 'NoSuchKey');
    assert.equal(failure(() => s3.getObject('kept', 'absent', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).code, 'NoSuchVersion');
    await assert.rejects(
      s3.putObject('absent', 'k', Readable.from([Buffer.from('x')])),
      (err: unknown) => err instanceof S3ObjectError && err.code === 'NoSuchBucket',
    );
    await assert.rejects(
      s3.putObject('plain', 'k'.repeat(1025), Readable.from([Buffer.from('x')])),
      (err: unknown) => err instanceof S3ObjectError && err.code === 'KeyTooLongError',
    );
    assert.equal(s3.bucketExists('absent'), false);
    assert.equal(s3.bucketExists('plain'), true);
    assert.deepEqual(events, []);
  });
});
