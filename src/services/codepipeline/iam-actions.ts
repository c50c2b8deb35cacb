/**
 * @module services/codepipeline/iam-actions
 * CodePipeline's operations as IAM authorizes them: pipelines by name.
 */
import type { IamActions } from '../types.ts';
import type { CodepipelineOperations } from './shapes.ts';

const pipeline = (member: string) => ({ resources: [`arn:aws:codepipeline:{region}:{account}:{${member}}`] });

export const codepipelineIamActions: IamActions<CodepipelineOperations> = {
  CreatePipeline: { passRole: ['pipeline.roleArn'] },
  UpdatePipeline: { passRole: ['pipeline.roleArn'] },
  DeletePipeline: pipeline('name'),
  GetPipeline: pipeline('name'),
  GetPipelineState: pipeline('name'),
  StartPipelineExecution: pipeline('name'),
  StopPipelineExecution: pipeline('pipelineName'),
  ListPipelineExecutions: pipeline('pipelineName'),
};
