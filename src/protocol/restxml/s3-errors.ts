/**
 * @module protocol/restxml/s3-errors
 * The error codes S3 documents (its "Error responses" list) that its model does not declare as
 * shapes, with their HTTP status. The S3 model is patched at load time to declare them, so that
 * the room's catalogue is checked against them like any modelled error.
 */
import { AwsError } from '../../core/errors.ts';
import type { ServiceModel } from '../model.ts';

export const S3_DOCUMENTED_ERRORS = {
  AuthorizationHeaderMalformed: 400,
  AuthorizationQueryParametersError: 400,
  BadDigest: 400,
  BucketNotEmpty: 409,
  EntityTooLarge: 400,
  EntityTooSmall: 400,
  IllegalLocationConstraintException: 400,
  IncompleteBody: 400,
  InvalidArgument: 400,
  InvalidBucketName: 400,
  InvalidDigest: 400,
  InvalidLocationConstraint: 400,
  InvalidPart: 400,
  InvalidPartNumber: 416,
  InvalidPartOrder: 400,
  InvalidRange: 416,
  InvalidTag: 400,
  KeyTooLongError: 400,
  MalformedPolicy: 400,
  MalformedXML: 400,
  MaxMessageLengthExceeded: 400,
  MetadataTooLarge: 400,
  MethodNotAllowed: 405,
  MissingContentLength: 411,
  NoSuchBucketPolicy: 404,
  NoSuchTagSet: 404,
  NoSuchVersion: 404,
  NotModified: 304,
  PreconditionFailed: 412,
  XAmzContentSHA256Mismatch: 400,
} as const;

export type S3DocumentedErrorCode = keyof typeof S3_DOCUMENTED_ERRORS;

export function declareS3Errors(model: ServiceModel): void {
  for (const [code, status] of Object.entries(S3_DOCUMENTED_ERRORS)) {
    model.shapes[code] ??= { type: 'structure', members: {}, exception: true, error: { httpStatusCode: status } };
  }
}

/** A body's digests that do not hold: the codec checks XML bodies, the room objects it streams. */
export const digestErrors = {
  invalidDigest: (md5: string) =>
    new AwsError('InvalidDigest', 'The Content-MD5 you specified was invalid.', { fields: { 'Content-MD5': md5 } }),
  badDigest: (expected: string, computed: string) =>
    new AwsError('BadDigest', 'The Content-MD5 you specified did not match what we received.', {
      fields: { ExpectedDigest: expected, CalculatedDigest: computed },
    }),
  badChecksum: (algorithm: string) => new AwsError('BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`),
};
