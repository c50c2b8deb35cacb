/**
 * @module services/codecommit/iam-actions
 * CodeCommit's API as IAM authorizes it: repositories by name (`arn:aws:codecommit:<region>:<account>:<name>`).
 */
import type { IamActions } from '../types.ts';
import type { CodecommitOperations } from './shapes.ts';

const repository = { resources: ['arn:aws:codecommit:{region}:{account}:{repositoryName}'] };

export const codecommitIamActions: IamActions<CodecommitOperations> = {
  CreateRepository: repository,
  DeleteRepository: repository,
  GetRepository: repository,
  BatchGetRepositories: { resources: ['arn:aws:codecommit:{region}:{account}:{repositoryNames}'] },
  CreateBranch: repository,
  GetBranch: repository,
  ListBranches: repository,
  GetCommit: repository,
  GetDifferences: repository,
  GetFile: repository,
  GetFolder: repository,
  TagResource: { resources: ['{resourceArn}'] },
  UntagResource: { resources: ['{resourceArn}'] },
  ListTagsForResource: { resources: ['{resourceArn}'] },
  ListRepositories: {},
};
