/**
 * @module services/s3/errors
 * The S3 errors Slipway answers, worded as S3 words them, with the fields S3 adds (BucketName,
 * Key, …). Codes are the model's (patched with the codes S3 documents; see
 * protocol/restxml/s3-errors.ts), and so is each one's HTTP status.
 */
import { AwsError } from '../../core/errors.ts';
import { errorShape, loadModel } from '../../protocol/model.ts';
import { digestErrors, type S3DocumentedErrorCode } from '../../protocol/restxml/s3-errors.ts';
import type { S3ErrorCode } from './shapes.ts';

const model = loadModel('s3');

/** The most user metadata (x-amz-meta-* names and values, in bytes) an object may carry. */
export const MAX_METADATA = 2048;
const e = (code: S3ErrorCode | S3DocumentedErrorCode, message: string, fields?: Record<string, unknown>) =>
  new AwsError(code, message, { status: errorShape(model, code)?.error?.httpStatusCode ?? 400, fields });

export const s3Error = {
  noSuchBucket: (bucket: string) => e('NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket }),
  noSuchKey: (key: string) => e('NoSuchKey', 'The specified key does not exist.', { Key: key }),
  noSuchVersion: (key: string, versionId: string) =>
    e('NoSuchVersion', 'The specified version does not exist.', { Key: key, VersionId: versionId }),
  noSuchUpload: (uploadId: string) =>
    e(
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      { UploadId: uploadId },
    ),
  noSuchTagSet: (bucket: string) => e('NoSuchTagSet', 'The TagSet does not exist', { BucketName: bucket }),
  noSuchPolicy: (bucket: string) => e('NoSuchBucketPolicy', 'The bucket policy does not exist', { BucketName: bucket }),
  ownedByYou: (bucket: string) =>
    e('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', {
      BucketName: bucket,
    }),
  notEmpty: (bucket: string) => e('BucketNotEmpty', 'The bucket you tried to delete is not empty', { BucketName: bucket }),
  invalidBucketName: (bucket: string) => e('InvalidBucketName', 'The specified bucket is not valid.', { BucketName: bucket }),
  keyTooLong: (size: number) => e('KeyTooLongError', 'Your key is too long', { Size: size, MaxSizeAllowed: 1024 }),
  invalidArgument: (name: string, value: string, message: string) =>
    e('InvalidArgument', message, { ArgumentName: name, ArgumentValue: value }),
  invalidRequest: (message: string) => e('InvalidRequest', message),
  illegalLocation: (constraint: string, region: string) =>
    e(
      'IllegalLocationConstraintException',
      `The ${constraint || 'unspecified'} location constraint is incompatible for the region specific endpoint this request was sent to.`,
      {
        LocationConstraint: constraint,
        Region: region,
      },
    ),
  invalidLocation: (constraint: string) =>
    e('InvalidLocationConstraint', 'The specified location-constraint is not valid', { LocationConstraint: constraint }),
  ...digestErrors,
  entityTooLarge: (size: number, max: number) =>
    e('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', { ProposedSize: size, MaxSizeAllowed: max }),
  metadataTooLarge: (size: number) =>
    e('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size.', { Size: size, MaxSizeAllowed: MAX_METADATA }),
  invalidPartNumber: (part: number, parts: number) =>
    e('InvalidPartNumber', 'The requested partnumber is not satisfiable', { PartNumberRequested: part, ActualPartCount: parts }),
  incompleteBody: () => e('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header'),
  malformedXml: () => e('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema'),
  malformedPolicy: (why: string) => e('MalformedPolicy', why),
  invalidTag: (message: string) => e('InvalidTag', message),
  invalidRange: (size: number, range: string) =>
    e('InvalidRange', 'The requested range is not satisfiable', { ActualObjectSize: size, RangeRequested: range }),
  preconditionFailed: (condition: string) =>
    e('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: condition }),
  notModified: () => e('NotModified', 'Not Modified'),
  invalidPart: (part: number) =>
    e(
      'InvalidPart',
      "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
      { PartNumber: part },
    ),
  invalidPartOrder: () => e('InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.'),
  entityTooSmall: (part: number, size: number) =>
    e('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.', {
      ProposedSize: size,
      MinSizeAllowed: 5 * 1024 * 1024,
      PartNumber: part,
    }),
  methodNotAllowed: (method: string) =>
    e('MethodNotAllowed', 'The specified method is not allowed against this resource.', { Method: method, ResourceType: 'DELETEMARKER' }),
};
