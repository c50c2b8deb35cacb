/**
 * @module server/auth/failures
 * Why a signature is refused, in the words and codes each protocol's clients expect from AWS:
 * JSON services (ECS, ECR, …), Query services (IAM, STS, ELB, EC2) and S3's XML.
 */
import { AwsError } from '../../core/errors.ts';
import type { Protocol } from '../../protocol/codecs.ts';

export type Failure = 'missing' | 'incomplete' | 'unknownKey' | 'badToken' | 'mismatch' | 'expiredToken' | 'skewed' | 'expired' | 'sigv2';

type Family = 'json' | 'query' | 's3';

const codes: Record<Failure, Record<Family, string>> = {
  missing: { json: 'MissingAuthenticationTokenException', query: 'MissingAuthenticationToken', s3: 'AccessDenied' },
  incomplete: { json: 'IncompleteSignatureException', query: 'IncompleteSignature', s3: 'AuthorizationHeaderMalformed' },
  unknownKey: { json: 'UnrecognizedClientException', query: 'InvalidClientTokenId', s3: 'InvalidAccessKeyId' },
  badToken: { json: 'UnrecognizedClientException', query: 'InvalidClientTokenId', s3: 'InvalidToken' },
  mismatch: { json: 'InvalidSignatureException', query: 'SignatureDoesNotMatch', s3: 'SignatureDoesNotMatch' },
  expiredToken: { json: 'ExpiredTokenException', query: 'ExpiredToken', s3: 'ExpiredToken' },
  skewed: { json: 'InvalidSignatureException', query: 'RequestExpired', s3: 'RequestTimeTooSkewed' },
  expired: { json: 'InvalidSignatureException', query: 'RequestExpired', s3: 'AccessDenied' },
  sigv2: { json: 'IncompleteSignatureException', query: 'IncompleteSignature', s3: 'InvalidRequest' },
};

const messages: Record<Failure, Record<Family, string>> = {
  missing: {
    json: 'Missing Authentication Token',
    query: 'Request is missing Authentication Token',
    s3: 'Access Denied',
  },
  incomplete: { json: '', query: '', s3: '' },
  unknownKey: {
    json: 'The security token included in the request is invalid.',
    query: 'The security token included in the request is invalid.',
    s3: 'The AWS Access Key Id you provided does not exist in our records.',
  },
  badToken: {
    json: 'The security token included in the request is invalid.',
    query: 'The security token included in the request is invalid.',
    s3: 'The provided token is malformed or otherwise invalid.',
  },
  mismatch: {
    json: 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    query:
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    s3: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  },
  expiredToken: {
    json: 'The security token included in the request is expired',
    query: 'The security token included in the request is expired',
    s3: 'The provided token has expired.',
  },
  skewed: { json: '', query: '', s3: 'The difference between the request time and the current time is too large.' },
  expired: { json: '', query: 'Request has expired.', s3: 'Request has expired' },
  sigv2: {
    json: 'Only AWS4-HMAC-SHA256 signatures are accepted.',
    query: 'Only AWS4-HMAC-SHA256 signatures are accepted.',
    s3: 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
  },
};

/** The refusal for `failure` in `protocol`'s shape; `detail` replaces the fixed message where AWS words it per request. */
export function authFailure(protocol: Protocol, failure: Failure, detail?: string): AwsError {
  const family: Family = protocol === 'rest-xml' ? 's3' : protocol === 'json' ? 'json' : 'query';
  const status = failure === 'incomplete' || failure === 'sigv2' ? 400 : 403;
  return new AwsError(codes[failure][family], detail ?? messages[failure][family], { status });
}
