/**
 * @module services/ecr/iam-actions
 * ECR's operations as IAM authorizes them: most act on one repository.
 */
import type { IamActions } from '../types.ts';
import type { EcrOperations } from './shapes.ts';

const repository = { resources: ['arn:aws:ecr:{region}:{account}:repository/{repositoryName}'] };

export const ecrIamActions: IamActions<EcrOperations> = {
  BatchCheckLayerAvailability: repository,
  BatchDeleteImage: repository,
  BatchGetImage: repository,
  CompleteLayerUpload: repository,
  CreateRepository: repository,
  DeleteLifecyclePolicy: repository,
  DeleteRepository: repository,
  DeleteRepositoryPolicy: repository,
  DescribeImages: repository,
  DescribeRepositories: { resources: ['arn:aws:ecr:{region}:{account}:repository/{repositoryNames=*}'] },
  GetDownloadUrlForLayer: repository,
  GetLifecyclePolicy: repository,
  GetLifecyclePolicyPreview: repository,
  GetRepositoryPolicy: repository,
  InitiateLayerUpload: repository,
  ListImages: repository,
  ListTagsForResource: { resources: ['{resourceArn}'] },
  PutImage: repository,
  PutImageScanningConfiguration: repository,
  PutImageTagMutability: repository,
  PutLifecyclePolicy: repository,
  SetRepositoryPolicy: repository,
  StartLifecyclePolicyPreview: repository,
  TagResource: { resources: ['{resourceArn}'] },
  UntagResource: { resources: ['{resourceArn}'] },
  UploadLayerPart: repository,
};
