/**
 * @module services/secrets/iam-actions
 * Secrets Manager's and SSM Parameter Store's operations as IAM authorizes them. A secret is
 * named by its ARN, whose random six-character suffix the room supplies when the call names the
 * secret without it; a parameter by `parameter/<name>`, and a path by `parameter<path>`.
 */
import type { IamActions } from '../types.ts';
import type { SecretsmanagerOperations } from './shapes-secretsmanager.ts';
import type { SsmOperations } from './shapes-ssm.ts';

const secret = {
  resources: ['arn:aws:secretsmanager:{region}:{account}:secret:{SecretId}'],
  conditionKeys: { 'secretsmanager:SecretId': 'SecretId' },
};

export const secretsmanagerIamActions: IamActions<SecretsmanagerOperations> = {
  CreateSecret: {
    resources: ['arn:aws:secretsmanager:{region}:{account}:secret:{Name}'],
    conditionKeys: { 'secretsmanager:Name': 'Name', 'secretsmanager:Description': 'Description' },
  },
  DeleteSecret: secret,
  DescribeSecret: secret,
  GetSecretValue: secret,
  PutSecretValue: secret,
  UpdateSecret: secret,
  UpdateSecretVersionStage: secret,
  RestoreSecret: secret,
  ListSecretVersionIds: secret,
  TagResource: secret,
  UntagResource: secret,
  GetRandomPassword: {},
  ListSecrets: {},
};

const parameter = (member: string) => ({ resources: [`arn:aws:ssm:{region}:{account}:parameter/{${member}}`] });

export const ssmIamActions: IamActions<SsmOperations> = {
  PutParameter: parameter('Name'),
  GetParameter: parameter('Name'),
  GetParameters: parameter('Names'),
  GetParameterHistory: parameter('Name'),
  GetParametersByPath: parameter('Path'),
  DeleteParameter: parameter('Name'),
  DeleteParameters: parameter('Names'),
  LabelParameterVersion: parameter('Name'),
  UnlabelParameterVersion: parameter('Name'),
  AddTagsToResource: parameter('ResourceId'),
  RemoveTagsFromResource: parameter('ResourceId'),
  ListTagsForResource: parameter('ResourceId'),
  DescribeParameters: {},
};
