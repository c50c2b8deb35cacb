/**
 * @module services/sts/errors
 * The STS errors Slipway answers, worded as STS words them.
 */
import { AwsError } from '../../core/errors.ts';
import type { StsErrorCode } from './shapes.ts';

const e = (code: StsErrorCode | 'AccessDenied' | 'InvalidClientTokenId' | 'ValidationError', message: string, status?: number) =>
  new AwsError(code, message, { status });

export const stsError = {
  notAuthorized: (caller: string, action: string, role: string) =>
    e('AccessDenied', `User: ${caller} is not authorized to perform: ${action} on resource: ${role}`, 403),
  sessionFromSession: () => e('AccessDenied', 'Cannot call GetSessionToken with session credentials', 403),
  webIdentityDenied: () => e('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403),
  duration: (max: number) =>
    e(
      'ValidationError',
      `The requested DurationSeconds exceeds the MaxSessionDuration set for this role (${max}); it must be between 900 and ${max}.`,
    ),
  invalidToken: (message: string) => e('InvalidIdentityTokenException', message),
  invalidKey: () => e('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
  expiredCredentials: () => e('ExpiredTokenException', 'The security token included in the request is expired', 403),
  expiredToken: (message: string) => e('ExpiredTokenException', message),
  providerUnreachable: (message: string) => e('IDPCommunicationErrorException', message),
  malformedPolicy: (message: string) => e('MalformedPolicyDocumentException', message),
  validation: (field: string, message: string) => e('ValidationError', `1 validation error detected: Value at '${field}' ${message}`),
};
