/**
 * @module services/connections/errors
 * The connections errors Slipway answers (the same for codestar-connections and codeconnections),
 * naming the field at fault. Codes are the models' exception names, plus ValidationException,
 * which the service answers for bad input and the models are patched to declare.
 */
import { AwsError } from '../../core/errors.ts';
import type { CodeconnectionsErrorCode } from './shapes-codeconnections.ts';

const e = (code: CodeconnectionsErrorCode | 'ValidationException', message: string) => new AwsError(code, message);

export const connectionsError = {
  accessDenied: (message: string) => e('AccessDeniedException', message),
  invalid: (field: string, message: string) => e('ValidationException', `1 validation error detected: ${field}: ${message}`),
  connectionNotFound: (arn: string) => e('ResourceNotFoundException', `Connection ${arn} does not exist`),
  hostNotFound: (arn: string) => e('ResourceNotFoundException', `Host ${arn} does not exist`),
  resourceNotFound: (arn: string) => e('ResourceNotFoundException', `Resource ${arn} does not exist`),
  tooManyConnections: (max: number) =>
    e('LimitExceededException', `Cannot create connection: the account has reached its limit of ${max} connections in this Region`),
  tooManyHosts: (max: number) =>
    e('LimitExceededException', `Cannot create host: the account has reached its limit of ${max} hosts in this Region`),
  tooManyTags: (max: number) => e('LimitExceededException', `A resource can have at most ${max} tags`),
  hostInUse: (arn: string, count: number) =>
    e('ResourceUnavailableException', `Host ${arn} is used by ${count} connection(s); delete them before the host`),
};
