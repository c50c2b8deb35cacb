/**
 * @module services/ecr/registry-errors
 * The registry's one error catalogue: the distribution spec's codes with the statuses
 * distribution gives them (except BLOB_UPLOAD_INVALID: 400, not distribution's 404, which reads as
 * "no such upload"), the JSON body every client parses, and how ECR's own errors (thrown by
 * manifests.ts for the API too) and the blob store's typed errors map onto them.
 */
import type { ServerResponse } from 'node:http';
import { AwsError } from '../../core/errors.ts';
import { DigestMismatchError, InvalidDigestError, OffsetMismatchError, UploadUnknownError } from './blobs.ts';

export const REGISTRY_ERRORS = {
  BLOB_UNKNOWN: { status: 404, message: 'blob unknown to registry' },
  BLOB_UPLOAD_INVALID: { status: 400, message: 'blob upload invalid' },
  BLOB_UPLOAD_UNKNOWN: { status: 404, message: 'blob upload unknown to registry' },
  DIGEST_INVALID: { status: 400, message: 'provided digest did not match uploaded content' },
  MANIFEST_BLOB_UNKNOWN: { status: 400, message: 'blob unknown to registry' },
  MANIFEST_INVALID: { status: 400, message: 'manifest invalid' },
  MANIFEST_UNKNOWN: { status: 404, message: 'manifest unknown' },
  NAME_INVALID: { status: 400, message: 'invalid repository name' },
  NAME_UNKNOWN: { status: 404, message: 'repository name not known to registry' },
  SIZE_INVALID: { status: 400, message: 'provided length did not match content length' },
  TAG_INVALID: { status: 400, message: 'manifest tag did not match URI' },
  UNAUTHORIZED: { status: 401, message: 'authentication required' },
  DENIED: { status: 403, message: 'requested access to the resource is denied' },
  UNSUPPORTED: { status: 405, message: 'The operation is unsupported.' },
  RANGE_INVALID: { status: 416, message: 'invalid content range' },
  PAGINATION_NUMBER_INVALID: { status: 400, message: 'invalid number of results requested' },
} as const;

export type RegistryErrorCode = keyof typeof REGISTRY_ERRORS;

/** Thrown inside the registry's handlers; the router renders it. */
export class RegistryError extends Error {
  constructor(
    readonly code: RegistryErrorCode,
    message?: string,
    readonly detail?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message ?? REGISTRY_ERRORS[code].message);
    this.name = 'RegistryError';
  }

  get status(): number {
    return REGISTRY_ERRORS[this.code].status;
  }
}

/** ECR's exceptions (from manifests.ts) as the registry names them. */
const FROM_ECR: Record<string, RegistryErrorCode> = {
  RepositoryNotFoundException: 'NAME_UNKNOWN',
  ImageNotFoundException: 'MANIFEST_UNKNOWN',
  ImageTagAlreadyExistsException: 'TAG_INVALID',
  InvalidTagParameterException: 'TAG_INVALID',
  LayersNotFoundException: 'MANIFEST_BLOB_UNKNOWN',
  ReferencedImagesNotFoundException: 'MANIFEST_BLOB_UNKNOWN',
  ImageDigestDoesNotMatchException: 'DIGEST_INVALID',
  InvalidParameterException: 'MANIFEST_INVALID',
  UnsupportedImageTypeException: 'MANIFEST_INVALID',
};

/** A RegistryError for anything a client should see, or undefined for a bug (a 500). */
export function toRegistryError(err: unknown): RegistryError | undefined {
  if (err instanceof RegistryError) return err;
  if (err instanceof AwsError && FROM_ECR[err.code]) return new RegistryError(FROM_ECR[err.code], err.message, { ecrError: err.code });
  if (err instanceof DigestMismatchError)
    return new RegistryError('DIGEST_INVALID', err.message, { digest: err.expected, actual: err.actual });
  if (err instanceof InvalidDigestError) return new RegistryError('DIGEST_INVALID', err.message, { digest: err.digest });
  if (err instanceof UploadUnknownError) return new RegistryError('BLOB_UPLOAD_UNKNOWN', err.message);
  if (err instanceof OffsetMismatchError) {
    return new RegistryError('RANGE_INVALID', err.message, { offset: err.offset }, { range: `0-${Math.max(0, err.offset - 1)}` });
  }
  return undefined;
}

export function sendRegistryError(res: ServerResponse, err: RegistryError): void {
  const body = JSON.stringify({ errors: [{ code: err.code, message: err.message, detail: err.detail ?? {} }] });
  res.writeHead(err.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'docker-distribution-api-version': 'registry/2.0',
    ...err.headers,
  });
  res.end(body);
}
