/**
 * @module services/s3/iam-actions
 * S3's operations as IAM authorizes them: many act under another action's name (HeadObject is
 * s3:GetObject, ListObjectsV2 is s3:ListBucket), on the bucket or on bucket/key.
 */
import type { IamActionEntry, IamActions } from '../types.ts';
import type { S3Operations } from './shapes.ts';

const bucket = (action: string): IamActionEntry => ({ action: `s3:${action}`, resources: ['arn:aws:s3:::{Bucket}'] });
const object = (action: string): IamActionEntry => ({ action: `s3:${action}`, resources: ['arn:aws:s3:::{Bucket}/{Key*}'] });

/** ListBucket carries the listing's prefix (empty when none, as S3 weighs it), delimiter and page size. */
const listing: IamActionEntry = {
  ...bucket('ListBucket'),
  conditionKeys: { 's3:prefix': 'Prefix=', 's3:delimiter': 'Delimiter', 's3:max-keys': 'MaxKeys' },
};

export const s3IamActions: IamActions<S3Operations> = {
  ListBuckets: { action: 's3:ListAllMyBuckets' },
  CreateBucket: bucket('CreateBucket'),
  DeleteBucket: bucket('DeleteBucket'),
  HeadBucket: bucket('ListBucket'),
  GetBucketLocation: bucket('GetBucketLocation'),
  PutBucketVersioning: bucket('PutBucketVersioning'),
  GetBucketVersioning: bucket('GetBucketVersioning'),
  PutBucketTagging: bucket('PutBucketTagging'),
  GetBucketTagging: bucket('GetBucketTagging'),
  DeleteBucketTagging: bucket('PutBucketTagging'),
  PutBucketPolicy: bucket('PutBucketPolicy'),
  GetBucketPolicy: bucket('GetBucketPolicy'),
  DeleteBucketPolicy: bucket('DeleteBucketPolicy'),
  GetBucketPolicyStatus: bucket('GetBucketPolicyStatus'),
  ListObjectsV2: listing,
  ListObjects: listing,
  ListObjectVersions: bucket('ListBucketVersions'),
  ListMultipartUploads: bucket('ListBucketMultipartUploads'),
  CreateMultipartUpload: object('PutObject'),
  UploadPart: object('PutObject'),
  CompleteMultipartUpload: object('PutObject'),
  AbortMultipartUpload: object('AbortMultipartUpload'),
  ListParts: object('ListMultipartUploadParts'),
  PutObject: object('PutObject'),
  CopyObject: object('PutObject'),
  GetObject: object('GetObject'),
  HeadObject: object('GetObject'),
  DeleteObject: object('DeleteObject'),
  DeleteObjects: bucket('DeleteObject'),
  GetObjectTagging: object('GetObjectTagging'),
  PutObjectTagging: object('PutObjectTagging'),
};
