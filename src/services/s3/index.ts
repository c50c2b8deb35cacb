/**
 * @module services/s3
 * The S3 room: buckets and objects over S3's REST-XML protocol, metadata in the store, bytes in an
 * ObjectStore on disk (object-files.ts). At start, whatever a crash left half-written is swept.
 * Other rooms follow objects through OBJECT_EVENT on the event bus and read them through the
 * facade.
 */
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { logger } from '../../core/log.ts';
import { loadModel } from '../../protocol/model.ts';
import type { Store } from '../../store/index.ts';
import type { AppContext, Room } from '../types.ts';
import { findVersion } from './api-common.ts';
import { s3Handlers } from './api.ts';
import type { S3Context } from './context.ts';
import { S3Model } from './model.ts';
import { FileObjectStore } from './object-files.ts';

export { OBJECT_EVENT, type ObjectEvent } from './context.ts';

const log = logger('s3');

/** What other rooms (the pipeline's S3 source and artifacts) may do with objects. */
export interface S3Facade {
  /** The object's current bytes and ETag; throws S3's NoSuchBucket or NoSuchKey. */
  read(bucket: string, key: string, versionId?: string): { etag: string; size: number; versionId?: string; body: Readable };
}

/** The room's parts for this app, made once per store (register and the facade share them). */
const rooms = new WeakMap<Store, S3Context>();

function contextFor(app: AppContext): S3Context {
  let s3 = rooms.get(app.store);
  if (!s3) {
    s3 = { ...app, model: new S3Model(app.store), objects: new FileObjectStore(join(app.config.dataDir, 's3')) };
    rooms.set(app.store, s3);
  }
  return s3;
}

export function s3Facade(app: AppContext): S3Facade {
  const s3 = contextFor(app);
  return {
    read(bucket, key, versionId) {
      const v = findVersion(s3, bucket, key, versionId);
      return { etag: v.etag, size: v.size, versionId: v.versionId === 'null' ? undefined : v.versionId, body: s3.objects.open(v.blob!) };
    },
  };
}

export function register(app: AppContext): Room {
  const s3 = contextFor(app);
  return {
    name: 's3',
    api: {
      model: loadModel('s3'),
      handlers: s3Handlers(s3),
      validation: { constraint: 'InvalidArgument', type: 'InvalidArgument' },
    },
    async start() {
      const inUse = s3.model.blobsInUse();
      const swept = await s3.objects.sweep((id) => inUse.has(id));
      if (swept) log.info(`removed ${swept} object file(s) an interrupted write left behind`);
    },
    status() {
      return { buckets: s3.model.buckets.count() };
    },
  };
}
