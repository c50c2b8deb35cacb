import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock } from '../../core/clock.ts';
import { loadConfig } from '../../core/config.ts';
import { EventBus } from '../../core/events.ts';
import type { ContainerRuntime } from '../../runtime/types.ts';
import { Store } from '../../store/index.ts';
import { listingHandlers } from './api-listing.ts';
import type { S3Context } from './context.ts';
import { type ObjectVersion, S3Model } from './model.ts';
import type { ObjectStore } from './object-store.ts';

/** More keys than one batch of the store holds, some under common prefixes among them, some deleted, some with several versions. */
function versionsOf(i: number): ObjectVersion[] {
  const pad = (n: number) => String(n).padStart(4, '0');
  // Every thirtieth number names a common prefix (k0000/, k0030/, …) sorting among the plain keys.
  const key = i % 3 === 0 ? `k${pad(i - (i % 30))}/${pad(i)}` : `k${pad(i)}`;
  const count = 1 + (i % 3);
  return Array.from({ length: count }, (_, n) => ({
    bucket: 'b',
    key,
    versionId: `v${i}-${n}`,
    deleteMarker: i % 7 === 0 && n === count - 1 ? true : undefined,
    lastModified: 0,
    size: n,
    etag: `"${n}"`,
    headers: {},
    metadata: {},
    checksums: {},
    tags: [],
  }));
}

describe('S3 listings', () => {
  const store = Store.open(':memory:');
  const model = new S3Model(store);
  const s3 = {
    config: loadConfig({}, {}),
    edge: { url: 'http://127.0.0.1:4566', host: '127.0.0.1', port: 4566 },
    store,
    clock: createManualClock({ start: 0 }),
    runtime: {} as ContainerRuntime,
    events: new EventBus(),
    model,
    objects: {} as ObjectStore,
  } satisfies S3Context;
  const h = listingHandlers(s3);
  /** Every version, in listing order: keys ascending, each key's newest first. */
  const all: ObjectVersion[] = [];

  before(() => {
    model.putBucket({ name: 'b', region: 'us-east-1', scope: 'us-east-1:000000000000', created: 0, versioning: 'Enabled' });
    const byKey = new Map<string, ObjectVersion[]>();
    store.tx(() => {
      for (let i = 0; i < 2400; i++) {
        const versions = versionsOf(i);
        for (const v of versions) model.putVersion(v);
        byKey.set(versions[0].key, versions.reverse());
      }
    });
    for (const key of [...byKey.keys()].sort()) all.push(...byKey.get(key)!);
  });
  after(() => store.close());

  /** What a listing rolled up at '/' must show, in order: keys and common prefixes. */
  function expected(rows: ObjectVersion[]): string[] {
    const out: string[] = [];
    for (const v of rows) {
      const slash = v.key.indexOf('/');
      const shown = slash < 0 ? `${v.key}@${v.versionId}` : v.key.slice(0, slash + 1);
      if (out.at(-1) !== shown) out.push(shown);
    }
    return out;
  }

  for (const max of [7, 1000]) {
    it(`ListObjectsV2 pages of ${max} with a delimiter show each latest key and common prefix once, across batches`, async () => {
      const latest = all.filter((v, i) => (i === 0 || all[i - 1].key !== v.key) && !v.deleteMarker);
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await h.ListObjectsV2!({ Bucket: 'b', Delimiter: '/', MaxKeys: max, ContinuationToken: token }, {} as never);
        assert.ok((page.KeyCount ?? 0) <= max);
        const entries = [
          ...(page.Contents ?? []).map((c) => {
            const v = latest.find((l) => l.key === c.Key)!;
            return `${c.Key}@${v.versionId}`;
          }),
          ...(page.CommonPrefixes ?? []).map((p) => p.Prefix!),
        ].sort();
        seen.push(...entries);
        token = page.NextContinuationToken;
        assert.equal(page.IsTruncated, token !== undefined);
      } while (token);
      assert.deepEqual(seen.sort(), expected(latest).sort());
    });

    it(`ListObjectVersions pages of ${max} with a delimiter show every version and delete marker once, in order`, async () => {
      const seen: string[] = [];
      let keyMarker: string | undefined;
      let versionIdMarker: string | undefined;
      for (;;) {
        const page = await h.ListObjectVersions!(
          { Bucket: 'b', Delimiter: '/', MaxKeys: max, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker },
          {} as never,
        );
        const rows = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => `${v.Key}@${v.VersionId}`);
        seen.push(...rows, ...(page.CommonPrefixes ?? []).map((p) => p.Prefix!));
        if (!page.IsTruncated) break;
        keyMarker = page.NextKeyMarker;
        versionIdMarker = page.NextVersionIdMarker;
      }
      const shown = all.map((v) => (v.key.includes('/') ? v.key.slice(0, v.key.indexOf('/') + 1) : `${v.key}@${v.versionId}`));
      assert.deepEqual(seen.sort(), [...new Set(shown)].sort());
    });
  }

  it('ListObjects (V1) pages by NextMarker with a delimiter, and by the last key without one', async () => {
    const latest = all.filter((v, i) => (i === 0 || all[i - 1].key !== v.key) && !v.deleteMarker).map((v) => v.key);
    const keys: string[] = [];
    let marker: string | undefined;
    for (;;) {
      const page = await h.ListObjects!({ Bucket: 'b', MaxKeys: 500, Marker: marker }, {} as never);
      keys.push(...(page.Contents ?? []).map((c) => c.Key!));
      if (!page.IsTruncated) break;
      assert.equal(page.NextMarker, undefined);
      marker = keys.at(-1);
    }
    assert.deepEqual(keys, latest);
  });
});
