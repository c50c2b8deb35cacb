/**
 * @module services/secrets/errors
 * The Secrets Manager and SSM Parameter Store errors Slipway answers, worded as each service words
 * them. Codes are the models' exception names, checked by type (ValidationException is SSM's
 * modelled shape and the code Secrets Manager answers for a malformed member). No message carries
 * a secret's or a parameter's value: a message names the field, the secret or the parameter.
 */
import { AwsError } from '../../core/errors.ts';
import type { SecretsmanagerErrorCode } from './shapes-secretsmanager.ts';

const sm = (code: SecretsmanagerErrorCode | 'ValidationException', message: string) => new AwsError(code, message);

export const smError = {
  validation: (message: string) => sm('ValidationException', message),
  invalidParameter: (message: string) => sm('InvalidParameterException', message),
  invalidRequest: (message: string) => sm('InvalidRequestException', message),
  secretNotFound: () => sm('ResourceNotFoundException', "Secrets Manager can't find the specified secret."),
  versionNotFound: (versionId: string) => sm('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for VersionId: ${versionId}`),
  stageNotFound: (stage: string) => sm('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for staging label: ${stage}`),
  secretExists: (name: string) => sm('ResourceExistsException', `The operation failed because the secret ${name} already exists.`),
  versionExists: () => sm('ResourceExistsException', "You can't modify an existing version, you can only create a new version."),
  scheduledForDeletion: () => sm('InvalidRequestException', "You can't create this secret because a secret with this name is already scheduled for deletion."),
  markedForDeletion: () => sm('InvalidRequestException', "You can't perform this operation on the secret because it was marked for deletion."),
  bothValues: () => sm('InvalidParameterException', "You can't specify both a binary secret value and a string secret value in the same secret."),
  noValue: () => sm('InvalidRequestException', 'You must provide either SecretString or SecretBinary.'),
  invalidNextToken: () => sm('InvalidNextTokenException', 'The NextToken value is invalid.'),
  tooManyTags: (max: number) => sm('LimitExceededException', `A secret can have at most ${max} tags.`),
  decryptionFailure: () => sm('DecryptionFailure', "Secrets Manager can't decrypt the protected secret text using the provided KMS key."),
};
