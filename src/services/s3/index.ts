/**
 * @module services/s3
 * The S3 room: buckets and objects over S3's REST-XML protocol, metadata in the store, bytes in an
 * ObjectStore on disk (object-files.ts). At start, whatever a crash left half-written is swept.
 * Other rooms follow objects through OBJECT_EVENT on the event bus, and read and write them
 * through the facade (facade.ts) handed to them at registration.
 */
import { join } from 'node:path';
import { logger } from '../../core/log.ts';
import { loadModel } from '../../protocol/model.ts';
import type { AppContext, RoomWithFacade } from '../types.ts';
import { s3Handlers } from './api.ts';
import type { S3Context } from './context.ts';
import { createFacade, type S3Facade } from './facade.ts';
import { S3Model } from './model.ts';
import { FileObjectStore } from './object-files.ts';
import { bucketFacts } from './bucket-policy.ts';

export { OBJECT_EVENT, type ObjectEvent } from './context.ts';
export { S3ObjectError, type ObjectHead, type PutOptions, type S3Facade } from './facade.ts';

const log = logger('s3');

export function register(app: AppContext): RoomWithFacade<S3Facade> {
  const s3: S3Context = { ...app, model: new S3Model(app.store), objects: new FileObjectStore(join(app.config.dataDir, 's3')) };
  return {
    name: 's3',
    facade: createFacade(s3),
    api: {
      model: loadModel('s3'),
      handlers: s3Handlers(s3),
      validation: { constraint: 'InvalidArgument', type: 'InvalidArgument' },
    },
    authorization: (arn) => bucketFacts(s3, arn),
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
