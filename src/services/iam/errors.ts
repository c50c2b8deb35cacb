/**
 * @module services/iam/errors
 * The IAM errors Slipway answers, worded as IAM words them. Codes are the model's exception names
 * (the Query codec writes their short codes: NoSuchEntity, EntityAlreadyExists, …).
 */
import { AwsError } from '../../core/errors.ts';
import type { IamErrorCode } from './shapes.ts';

const e = (code: IamErrorCode, message: string) => new AwsError(code, message);

/** How IAM names each kind of entity in its messages. */
export type EntityNoun = 'user' | 'group' | 'role' | 'instance profile';
const Title = (noun: string) => noun[0].toUpperCase() + noun.slice(1);

export const iamError = {
  exists: (noun: EntityNoun, name: string) => e('EntityAlreadyExistsException', `${Title(noun)} with name ${name} already exists.`),
  policyExists: (name: string) =>
    e('EntityAlreadyExistsException', `A policy called ${name} already exists. Duplicate names are not allowed.`),
  providerExists: (url: string) => e('EntityAlreadyExistsException', `Provider with url ${url} already exists.`),
  noSuch: (noun: EntityNoun, name: string) => e('NoSuchEntityException', `The ${noun} with name ${name} cannot be found.`),
  noSuchInline: (noun: EntityNoun, name: string) => e('NoSuchEntityException', `The ${noun} policy with name ${name} cannot be found.`),
  noSuchPolicy: (arn: string) => e('NoSuchEntityException', `Policy ${arn} was not found.`),
  notAttached: (arn: string) => e('NoSuchEntityException', `Policy ${arn} was not found.`),
  noSuchVersion: (arn: string, version: string) =>
    e('NoSuchEntityException', `Policy ${arn} version ${version} does not exist or is not attachable.`),
  noSuchSource: (arn: string) => e('NoSuchEntityException', `PolicySourceArn ${arn} cannot be found.`),
  noSuchKey: (id: string) => e('NoSuchEntityException', `The Access Key with id ${id} cannot be found.`),
  noSuchProvider: (arn: string) => e('NoSuchEntityException', `OpenIDConnect Provider not found for arn ${arn}`),
  noSuchServiceCredential: (id: string) => e('NoSuchEntityException', `No such credential ${id} exists`),
  notInGroup: (user: string, group: string) => e('NoSuchEntityException', `The user with name ${user} is not in group ${group}.`),
  deleteConflict: (what: string) => e('DeleteConflictException', `Cannot delete entity, must ${what} first.`),
  policyAttached: () => e('DeleteConflictException', 'Cannot delete a policy attached to entities.'),
  policyHasVersions: () =>
    e(
      'DeleteConflictException',
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    ),
  defaultVersion: () => e('DeleteConflictException', 'Cannot delete the default version of a policy.'),
  limit: (quota: string, max: number) => e('LimitExceededException', `Cannot exceed quota for ${quota}: ${max}`),
  versionLimit: () =>
    e(
      'LimitExceededException',
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    ),
  serviceNotSupported: (service: string) =>
    e('ServiceNotSupportedException', `No such service ${service} is supported for Service Specific Credentials`),
  malformedPolicy: (message: string) => e('MalformedPolicyDocumentException', message),
  invalidInput: (message: string) => e('InvalidInputException', message),
  invalidArn: (arn: string) => e('InvalidInputException', `ARN ${arn} is not valid.`),
  awsManaged: (arn: string) => e('UnmodifiableEntityException', `Cannot modify the AWS managed policy ${arn}.`),
};
