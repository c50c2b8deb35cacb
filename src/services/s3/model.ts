/**
 * @module services/s3/model
 * S3 records and the only code that touches the room's tables. Buckets and multipart uploads are
 * JSON documents; object versions and parts are rows, so that a bucket of any size is listed a
 * page at a time in key order through its index. Bytes live in the ObjectStore under `blob` ids.
 *
 * Tables:
 *   s3_buckets   pk name            scope                      (document: BucketRecord)
 *   s3_objects   id INTEGER PRIMARY KEY (age order), bucket, key, version_id, latest (0/1), doc (ObjectVersion)
 *                unique (bucket, key, version_id); indexed (bucket, latest, key) for listing
 *   s3_uploads   pk upload id       bucket, key                (document: UploadRecord)
 *   s3_parts     (upload, number) primary key, doc (PartRecord)
 *
 * Keys compare as SQLite compares TEXT (bytes of UTF-8), which is S3's listing order. A key's
 * newest version has latest = 1; in a bucket that is not versioned its one version is 'null'.
 */
import type { ChecksumAlgorithm } from '../../protocol/restxml/checksums.ts';
import type { DocTable, Store } from '../../store/index.ts';

export type Versioning = 'Enabled' | 'Suspended';

export interface Tag {
  Key: string;
  Value: string;
}

export interface BucketRecord {
  name: string;
  region: string;
  scope: string;
  created: number;
  versioning?: Versioning;
  tags?: Tag[];
  policy?: string;
}

/** Headers an object keeps and gives back as they were sent. */
export interface StoredHeaders {
  ContentType?: string;
  ContentEncoding?: string;
  ContentDisposition?: string;
  ContentLanguage?: string;
  CacheControl?: string;
  Expires?: number;
}

export interface ObjectVersion {
  bucket: string;
  key: string;
  versionId: string;
  deleteMarker?: boolean;
  lastModified: number;
  blob?: string;
  size: number;
  /** Quoted, as S3 writes it: "<md5 hex>" or "<md5 of part md5s>-<parts>". */
  etag: string;
  headers: StoredHeaders;
  metadata: Record<string, string>;
  checksums: Partial<Record<ChecksumAlgorithm, string>>;
  tags: Tag[];
  /** Parts it was assembled from, for a multipart upload, */
  parts?: number;
  /** and their sizes, in order: a read by part number reads one. */
  partSizes?: number[];
}

export interface UploadRecord {
  uploadId: string;
  bucket: string;
  key: string;
  initiated: number;
  headers: StoredHeaders;
  metadata: Record<string, string>;
  tags: Tag[];
  checksumAlgorithm?: ChecksumAlgorithm;
}

export interface PartRecord {
  number: number;
  blob: string;
  size: number;
  etag: string;
  md5: string;
  lastModified: number;
  checksums: Partial<Record<ChecksumAlgorithm, string>>;
}

export interface VersionRow {
  id: number;
  latest: boolean;
  version: ObjectVersion;
}

export class S3Model {
  readonly buckets: DocTable<BucketRecord, 'scope'>;
  readonly uploads: DocTable<UploadRecord, 'bucket' | 'key'>;

  constructor(readonly store: Store) {
    this.buckets = store.docTable('s3_buckets', { scope: 'TEXT' });
    this.uploads = store.docTable('s3_uploads', { bucket: 'TEXT', key: 'TEXT' });
    store.db.exec(
      'CREATE TABLE IF NOT EXISTS s3_objects (id INTEGER PRIMARY KEY, bucket TEXT NOT NULL, key TEXT NOT NULL, version_id TEXT NOT NULL, ' +
        'latest INTEGER NOT NULL, doc TEXT NOT NULL, UNIQUE (bucket, key, version_id))',
    );
    store.db.exec('CREATE INDEX IF NOT EXISTS s3_objects_listing ON s3_objects (bucket, latest, key)');
    store.db.exec(
      'CREATE TABLE IF NOT EXISTS s3_parts (upload TEXT NOT NULL, number INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (upload, number))',
    );
  }

  tx<T>(fn: () => T): T {
    return this.store.tx(fn);
  }

  bucket(name: string): BucketRecord | undefined {
    return this.buckets.get(name);
  }

  putBucket(bucket: BucketRecord): void {
    this.buckets.put(bucket.name, bucket, { scope: bucket.scope });
  }

  /** True while any version, delete marker or upload remains. */
  holdsAnything(bucket: string): boolean {
    return (
      this.store.prepare('SELECT 1 FROM s3_objects WHERE bucket = ? LIMIT 1').get(bucket) !== undefined ||
      this.uploads.count({ bucket }) > 0
    );
  }

  /** The key's newest version (a delete marker included). */
  latest(bucket: string, key: string): ObjectVersion | undefined {
    return docOf(this.store.prepare('SELECT doc FROM s3_objects WHERE bucket = ? AND key = ? AND latest = 1').get(bucket, key));
  }

  version(bucket: string, key: string, versionId: string): ObjectVersion | undefined {
    return docOf(
      this.store.prepare('SELECT doc FROM s3_objects WHERE bucket = ? AND key = ? AND version_id = ?').get(bucket, key, versionId),
    );
  }

  /**
   * Makes `v` the key's newest version. A 'null' version it replaces (buckets not versioned, or
   * suspended) is dropped: its blob is returned for removal once the commit is done.
   */
  putVersion(v: ObjectVersion): string | undefined {
    return this.tx(() => {
      const replaced = this.version(v.bucket, v.key, v.versionId);
      if (replaced)
        this.store.prepare('DELETE FROM s3_objects WHERE bucket = ? AND key = ? AND version_id = ?').run(v.bucket, v.key, v.versionId);
      this.store.prepare('UPDATE s3_objects SET latest = 0 WHERE bucket = ? AND key = ? AND latest = 1').run(v.bucket, v.key);
      this.store
        .prepare('INSERT INTO s3_objects (bucket, key, version_id, latest, doc) VALUES (?, ?, ?, 1, ?)')
        .run(v.bucket, v.key, v.versionId, JSON.stringify(v));
      return replaced?.blob;
    });
  }

  /** Rewrites a version's document in place (its tags). */
  updateVersion(v: ObjectVersion): void {
    this.store
      .prepare('UPDATE s3_objects SET doc = ? WHERE bucket = ? AND key = ? AND version_id = ?')
      .run(JSON.stringify(v), v.bucket, v.key, v.versionId);
  }

  /** Removes one version for good; the next newest becomes the latest. */
  deleteVersion(v: ObjectVersion): void {
    this.tx(() => {
      this.store.prepare('DELETE FROM s3_objects WHERE bucket = ? AND key = ? AND version_id = ?').run(v.bucket, v.key, v.versionId);
      this.store
        .prepare('UPDATE s3_objects SET latest = 1 WHERE id = (SELECT max(id) FROM s3_objects WHERE bucket = ? AND key = ?) AND latest = 0')
        .run(v.bucket, v.key);
    });
  }

  /** Up to `limit` latest versions (markers included) with keys after `after` and from `from` on, in key order. */
  latestAfter(bucket: string, after: string, from: string, limit: number): VersionRow[] {
    return rowsOf(
      this.store
        .prepare('SELECT id, latest, doc FROM s3_objects WHERE bucket = ? AND latest = 1 AND key > ? AND key >= ? ORDER BY key LIMIT ?')
        .all(bucket, after, from, limit),
    );
  }

  /**
   * Up to `limit` versions after the cursor (key, row id) in listing order: keys ascending, each
   * key's versions newest first. A cursor of (key, Infinity) starts at the key's newest version;
   * (key, -Infinity) passes the whole key.
   */
  versionsAfter(bucket: string, key: string, id: number, from: string, limit: number): VersionRow[] {
    return rowsOf(
      this.store
        .prepare(
          'SELECT id, latest, doc FROM s3_objects WHERE bucket = ? AND (key > ? OR (key = ? AND id < ?)) AND key >= ? ORDER BY key, id DESC LIMIT ?',
        )
        .all(bucket, key, key, id, from, limit),
    );
  }

  /** The row id of a version, for a listing's VersionIdMarker. */
  rowId(bucket: string, key: string, versionId: string): number | undefined {
    return (
      this.store.prepare('SELECT id FROM s3_objects WHERE bucket = ? AND key = ? AND version_id = ?').get(bucket, key, versionId) as
        | { id: number }
        | undefined
    )?.id;
  }

  /** Every blob a version or a part names (what the sweep at start keeps). */
  blobsInUse(): Set<string> {
    const ids = new Set<string>();
    for (const r of this.store.prepare("SELECT json_extract(doc, '$.blob') AS blob FROM s3_objects").all() as { blob: string | null }[])
      if (r.blob) ids.add(r.blob);
    for (const r of this.store.prepare("SELECT json_extract(doc, '$.blob') AS blob FROM s3_parts").all() as { blob: string }[])
      ids.add(r.blob);
    return ids;
  }

  parts(uploadId: string): PartRecord[] {
    return (this.store.prepare('SELECT doc FROM s3_parts WHERE upload = ? ORDER BY number').all(uploadId) as { doc: string }[]).map(
      (r) => JSON.parse(r.doc) as PartRecord,
    );
  }

  /** Stores a part; returns the blob of the part it replaced. */
  putPart(uploadId: string, part: PartRecord): string | undefined {
    return this.tx(() => {
      const old = docOf<PartRecord>(
        this.store.prepare('SELECT doc FROM s3_parts WHERE upload = ? AND number = ?').get(uploadId, part.number),
      );
      this.store
        .prepare(
          'INSERT INTO s3_parts (upload, number, doc) VALUES (?, ?, ?) ON CONFLICT (upload, number) DO UPDATE SET doc = excluded.doc',
        )
        .run(uploadId, part.number, JSON.stringify(part));
      return old?.blob;
    });
  }

  /** Forgets an upload and its parts; returns the parts' blobs. */
  dropUpload(uploadId: string): string[] {
    return this.tx(() => {
      const blobs = this.parts(uploadId).map((p) => p.blob);
      this.store.prepare('DELETE FROM s3_parts WHERE upload = ?').run(uploadId);
      this.uploads.delete(uploadId);
      return blobs;
    });
  }
}

function docOf<T = ObjectVersion>(row: unknown): T | undefined {
  return row ? (JSON.parse((row as { doc: string }).doc) as T) : undefined;
}

function rowsOf(rows: unknown[]): VersionRow[] {
  return (rows as { id: number; latest: number; doc: string }[]).map((r) => ({
    id: r.id,
    latest: r.latest === 1,
    version: JSON.parse(r.doc) as ObjectVersion,
  }));
}
