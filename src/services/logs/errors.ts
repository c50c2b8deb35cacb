/**
 * @module services/logs/errors
 * The CloudWatch Logs errors Slipway answers, worded as CloudWatch Logs words them, with the field
 * at fault named. Codes are the model's exception names, checked by type.
 */
import { AwsError } from '../../core/errors.ts';
import type { LogsErrorCode } from './shapes.ts';

const e = (code: LogsErrorCode, message: string, fields?: Record<string, unknown>) => new AwsError(code, message, { fields });

export const logsError = {
  invalidParameter: (field: string, message: string) => e('InvalidParameterException', `Invalid parameter at '${field}': ${message}`),
  invalidToken: (field: string) => e('InvalidParameterException', `Invalid parameter at '${field}': The specified ${field} is invalid.`),
  logGroupNotFound: () => e('ResourceNotFoundException', 'The specified log group does not exist.'),
  logStreamNotFound: () => e('ResourceNotFoundException', 'The specified log stream does not exist.'),
  resourceNotFound: (arn: string) => e('ResourceNotFoundException', `The specified resource does not exist: '${arn}'.`),
  logGroupExists: () => e('ResourceAlreadyExistsException', 'The specified log group already exists'),
  logStreamExists: () => e('ResourceAlreadyExistsException', 'The specified log stream already exists'),
  tooManyTags: (arn: string, max: number) =>
    e('TooManyTagsException', `A resource can have no more than ${max} tags.`, { resourceName: arn }),
  deletionProtected: (name: string) =>
    e(
      'ValidationException',
      `Log group '${name}' has deletion protection enabled; turn it off (PutLogGroupDeletionProtection) before deleting it.`,
    ),
};
