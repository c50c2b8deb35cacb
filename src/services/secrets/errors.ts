/**
 * @module services/secrets/errors
 * The Secrets Manager and SSM Parameter Store errors Slipway answers, worded as each service words
 * them. Codes are the models' exception names, checked by type (ValidationException is SSM's
 * modelled shape and the code Secrets Manager answers for a malformed member). No message carries
 * a secret's or a parameter's value: a message names the field, the secret or the parameter.
 */
import { AwsError } from '../../core/errors.ts';
import type { SecretsmanagerErrorCode } from './shapes-secretsmanager.ts';
import type { SsmErrorCode } from './shapes-ssm.ts';

const sm = (code: SecretsmanagerErrorCode | 'ValidationException' | 'AccessDeniedException', message: string) =>
  new AwsError(code, message);
const ssm = (code: SsmErrorCode | 'AccessDeniedException', message: string) => new AwsError(code, message);

export const smError = {
  /** A reader (a task's execution role) that policies refuse, in IAM's words. */
  accessDenied: (message: string) => sm('AccessDeniedException', message),
  validation: (message: string) => sm('ValidationException', message),
  invalidParameter: (message: string) => sm('InvalidParameterException', message),
  invalidRequest: (message: string) => sm('InvalidRequestException', message),
  secretNotFound: () => sm('ResourceNotFoundException', "Secrets Manager can't find the specified secret."),
  versionNotFound: (versionId: string) =>
    sm('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for VersionId: ${versionId}`),
  stageNotFound: (stage: string) =>
    sm('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for staging label: ${stage}`),
  secretExists: (name: string) => sm('ResourceExistsException', `The operation failed because the secret ${name} already exists.`),
  versionExists: () => sm('ResourceExistsException', "You can't modify an existing version, you can only create a new version."),
  scheduledForDeletion: () =>
    sm('InvalidRequestException', "You can't create this secret because a secret with this name is already scheduled for deletion."),
  markedForDeletion: () =>
    sm('InvalidRequestException', "You can't perform this operation on the secret because it was marked for deletion."),
  bothValues: () =>
    sm('InvalidParameterException', "You can't specify both a binary secret value and a string secret value in the same secret."),
  noValue: () => sm('InvalidRequestException', 'You must provide either SecretString or SecretBinary.'),
  invalidNextToken: () => sm('InvalidNextTokenException', 'The NextToken value is invalid.'),
  tooManyTags: (max: number) => sm('LimitExceededException', `A secret can have at most ${max} tags.`),
  decryptionFailure: () => sm('DecryptionFailure', "Secrets Manager can't decrypt the protected secret text using the provided KMS key."),
};

export const ssmError = {
  accessDenied: (message: string) => ssm('AccessDeniedException', message),
  validation: (message: string) => ssm('ValidationException', message),
  parameterNotFound: (name: string) => ssm('ParameterNotFound', `Parameter ${name} not found.`),
  versionNotFound: (name: string, version: string) =>
    ssm('ParameterVersionNotFound', `Systems Manager could not find version ${version} of ${name}. Verify the version and try again.`),
  alreadyExists: () =>
    ssm(
      'ParameterAlreadyExists',
      'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
    ),
  hierarchyTooDeep: (max: number) =>
    ssm(
      'HierarchyLevelLimitExceededException',
      `A hierarchy can have a maximum of ${max} levels. For more information, see Requirements and constraints for parameter names in the AWS Systems Manager User Guide.`,
    ),
  patternMismatch: (pattern: string) =>
    ssm('ParameterPatternMismatchException', `Parameter value, cannot be validated against allowedPattern: ${pattern}`),
  invalidAllowedPattern: (pattern: string) =>
    ssm('InvalidAllowedPatternException', `The allowed pattern ${pattern} is not a valid regular expression.`),
  maxVersions: (name: string, oldest: number) =>
    ssm(
      'ParameterMaxVersionLimitExceeded',
      `You attempted to create a new version of ${name} by calling the PutParameter API with the overwrite flag. Version ${oldest}, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try creating a new version again.`,
    ),
  labelLimit: (max: number) =>
    ssm(
      'ParameterVersionLabelLimitExceeded',
      `A parameter version can have a maximum of ${max} labels. Move one or more labels to another version and try again.`,
    ),
  invalidPolicyType: (type: string) =>
    ssm(
      'InvalidPolicyTypeException',
      `The policy type ${type} is not supported. Parameter Store supports the following policy types: Expiration, ExpirationNotification, and NoChangeNotification.`,
    ),
  invalidPolicyAttribute: (message: string) => ssm('InvalidPolicyAttributeException', message),
  invalidFilterKey: (key: string, valid: string[]) =>
    ssm('InvalidFilterKey', `The following filter key is not valid: ${key}. Valid filter keys include: [${valid.join(', ')}].`),
  invalidFilterOption: (option: string, valid: string[]) =>
    ssm('InvalidFilterOption', `The following filter option is not valid: ${option}. Valid options include: [${valid.join(', ')}].`),
  invalidFilterValue: (value: string, valid: string[]) =>
    ssm('InvalidFilterValue', `The following filter value is not valid: ${value}. Valid values include: [${valid.join(', ')}].`),
  invalidNextToken: () => ssm('InvalidNextToken', 'The specified token is not valid.'),
  invalidResourceType: () =>
    ssm('InvalidResourceType', 'The resource type is not valid. Slipway keeps tags on parameters: use ResourceType Parameter.'),
  invalidResourceId: (id: string) => ssm('InvalidResourceId', `The resource ID "${id}" is not valid. Verify the ID and try again.`),
  tooManyTags: (max: number) => ssm('TooManyTagsError', `The Tags for the resource exceed the limit of ${max}.`),
  invalidKeyId: (shownKeyId: string, region: string) =>
    ssm(
      'InvalidKeyId',
      `The KeyId ${shownKeyId} is not valid: give a KMS key id, an alias name (alias/…), or the ARN of a key or alias in ${region}.`,
    ),
  decryptionFailure: (name: string) =>
    ssm(
      'InvalidKeyId',
      `Systems Manager could not decrypt the value of ${name}: the encryption key in the data directory is not the one it was stored with.`,
    ),
};
