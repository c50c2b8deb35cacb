/**
 * @module services/s3/versions
 * Making an object version current, and removing one, in the order that keeps every reader safe:
 * a new blob is made durable before the record naming it is committed, and a blob is removed only
 * after the commit that stopped naming it. Each change is announced on the event bus.
 */
import { s3VersionId } from '../../core/ids.ts';
import { requireBucket } from './api-common.ts';
import { announceObject, type S3Context } from './context.ts';
import type { ObjectVersion } from './model.ts';
import type { Received } from './object-store.ts';

export type VersionDraft = Omit<ObjectVersion, 'versionId' | 'lastModified' | 'blob' | 'size' | 'etag' | 'checksums' | 'deleteMarker'> & {
  etag?: string;
  checksums?: ObjectVersion['checksums'];
};

/** S3 keeps times to the second. */
export function nowSeconds(s3: S3Context): number {
  return Math.floor(s3.clock.now() / 1000) * 1000;
}

/** Keeps the staged blob and makes it the key's newest version; `within` runs in the same transaction. */
export async function commitVersion(
  s3: S3Context,
  draft: VersionDraft,
  received: Received,
  eventName: string,
  within?: () => void,
): Promise<ObjectVersion> {
  try {
    await s3.objects.keep(received.id);
  } catch (err) {
    s3.objects.discard(received.id);
    throw err;
  }
  let replaced: string | undefined;
  let version: ObjectVersion;
  try {
    version = s3.model.tx(() => {
      const bucket = requireBucket(s3, draft.bucket);
      const v: ObjectVersion = {
        ...draft,
        versionId: bucket.versioning === 'Enabled' ? s3VersionId() : 'null',
        lastModified: nowSeconds(s3),
        blob: received.id,
        size: received.size,
        etag: draft.etag ?? `"${received.md5}"`,
        checksums: draft.checksums ?? received.checksums,
      };
      replaced = s3.model.putVersion(v);
      within?.();
      return v;
    });
  } catch (err) {
    s3.objects.remove(received.id);
    throw err;
  }
  if (replaced) s3.objects.remove(replaced);
  announceObject(s3, {
    eventName,
    bucket: version.bucket,
    key: version.key,
    versionId: shownVersion(version),
    etag: version.etag,
    size: version.size,
  });
  return version;
}

/** A version id as responses show it: none for the 'null' version. */
export function shownVersion(v: { versionId: string }): string | undefined {
  return v.versionId === 'null' ? undefined : v.versionId;
}

/**
 * DeleteObject without a version id: a delete marker where the bucket keeps versions, else the
 * 'null' version goes. Returns the marker made, if any.
 */
export function deleteCurrent(s3: S3Context, bucketName: string, key: string): ObjectVersion | undefined {
  let removedBlob: string | undefined;
  const marker = s3.model.tx(() => {
    const bucket = requireBucket(s3, bucketName);
    if (!bucket.versioning) {
      const current = s3.model.version(bucketName, key, 'null');
      if (current) s3.model.deleteVersion(current);
      removedBlob = current?.blob;
      return undefined;
    }
    const m: ObjectVersion = {
      bucket: bucketName,
      key,
      versionId: bucket.versioning === 'Enabled' ? s3VersionId() : 'null',
      deleteMarker: true,
      lastModified: nowSeconds(s3),
      size: 0,
      etag: '',
      headers: {},
      metadata: {},
      checksums: {},
      tags: [],
    };
    removedBlob = s3.model.putVersion(m);
    return m;
  });
  if (removedBlob) s3.objects.remove(removedBlob);
  announceObject(s3, {
    eventName: marker ? 'ObjectRemoved:DeleteMarkerCreated' : 'ObjectRemoved:Delete',
    bucket: bucketName,
    key,
    versionId: marker && shownVersion(marker),
  });
  return marker;
}

/** DeleteObject with a version id: that version goes for good. */
export function deleteVersion(s3: S3Context, version: ObjectVersion): void {
  s3.model.deleteVersion(version);
  if (version.blob) s3.objects.remove(version.blob);
  announceObject(s3, { eventName: 'ObjectRemoved:Delete', bucket: version.bucket, key: version.key, versionId: shownVersion(version) });
}
