/**
 * @module services/sts/iam-actions
 * STS's operations as IAM authorizes them: AssumeRole acts on the role it names.
 * (GetCallerIdentity and GetSessionToken need no permission; AssumeRoleWithWebIdentity is unsigned.)
 */
import type { IamActions } from '../types.ts';
import type { StsOperations } from './shapes.ts';

export const stsIamActions: IamActions<StsOperations> = {
  AssumeRole: { resources: ['{RoleArn}'] },
};
