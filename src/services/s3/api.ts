/**
 * @module services/s3/api
 * The S3 operations Slipway serves, one thin handler each, grouped by resource. Operations with
 * no handler (ACLs, CORS, lifecycle, replication, Select, …) answer 501 naming them.
 */
import type { Handlers } from '../../protocol/types.ts';
import { bucketHandlers } from './api-buckets.ts';
import { listingHandlers } from './api-listing.ts';
import { multipartHandlers } from './api-multipart.ts';
import { objectHandlers } from './api-objects.ts';
import { taggingHandlers } from './api-tagging.ts';
import type { S3Context } from './context.ts';
import type { S3Operations } from './shapes.ts';

export function s3Handlers(s3: S3Context): Handlers<S3Operations> {
  return { ...bucketHandlers(s3), ...objectHandlers(s3), ...listingHandlers(s3), ...multipartHandlers(s3), ...taggingHandlers(s3) };
}
