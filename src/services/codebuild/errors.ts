/**
 * @module services/codebuild/errors
 * The CodeBuild errors Slipway answers, worded as CodeBuild words them. Codes are the model's
 * exception names; the JSON serializer takes each one's HTTP status from the model.
 */
import { AwsError } from '../../core/errors.ts';
import type { CodebuildErrorCode } from './shapes.ts';

const e = (code: CodebuildErrorCode, message: string) => new AwsError(code, message);

export const codebuildError = {
  invalidInput: (message: string) => e('InvalidInputException', message),
  accountLimitExceeded: (message: string) => e('AccountLimitExceededException', message),
  projectNotFound: (arn: string) => e('ResourceNotFoundException', `Project cannot be found: ${arn}`),
  projectExists: (arn: string) => e('ResourceAlreadyExistsException', `Project already exists: ${arn}`),
  buildNotFound: (id: string) => e('ResourceNotFoundException', `Build ${id} does not exist`),
  reportGroupNotFound: (arn: string) => e('ResourceNotFoundException', `Report group ${arn} does not exist`),
  reportGroupExists: (arn: string) => e('ResourceAlreadyExistsException', `Report group ${arn} already exists`),
  reportNotFound: (arn: string) => e('ResourceNotFoundException', `Report ${arn} does not exist`),
};

/** Refuses the request with InvalidInputException; the message names the field. */
export function invalid(message: string): never {
  throw codebuildError.invalidInput(message);
}
