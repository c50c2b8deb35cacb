/**
 * @module services/s3/context
 * What every part of the S3 room shares: the app's parts, the room's model and object store, and
 * the one way to say an object changed, which the pipeline's S3 source follows on the event bus.
 */
import { s3Arn } from '../../core/ids.ts';
import type { AppContext } from '../types.ts';
import type { S3Model } from './model.ts';
import type { ObjectStore } from './object-store.ts';

/** Published on the event bus when an object is created or removed (resource: the object's ARN). */
export const OBJECT_EVENT = 's3.object';

export interface S3Context extends AppContext {
  model: S3Model;
  objects: ObjectStore;
}

export interface ObjectEvent {
  /** S3's event names: ObjectCreated:Put, ObjectCreated:Copy, ObjectCreated:CompleteMultipartUpload, ObjectRemoved:Delete, ObjectRemoved:DeleteMarkerCreated. */
  eventName: string;
  bucket: string;
  key: string;
  versionId?: string;
  etag?: string;
  size?: number;
}

export function announceObject(s3: S3Context, event: ObjectEvent): void {
  s3.events.publish({ type: OBJECT_EVENT, resource: s3Arn.object(event.bucket, event.key), at: s3.clock.now(), detail: { ...event } });
}
