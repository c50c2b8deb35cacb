/**
 * @module services/codepipeline/iam-actions
 * CodePipeline's operations as IAM authorizes them: pipelines and webhooks by name, action types
 * as actiontype:<owner>/<category>/<provider>/<version>, tagging on the ARN tagged.
 */
import type { IamActions } from '../types.ts';
import type { CodepipelineOperations } from './shapes.ts';

const pipeline = (member: string) => ({ resources: [`arn:aws:codepipeline:{region}:{account}:{${member}}`] });
const actionType = (id: string, owner = `{${id}owner}`) => ({
  resources: [`arn:aws:codepipeline:{region}:{account}:actiontype:${owner}/{${id}category}/{${id}provider}/{${id}version}`],
});
const webhook = (member: string) => ({ resources: [`arn:aws:codepipeline:{region}:{account}:webhook:{${member}}`] });

export const codepipelineIamActions: IamActions<CodepipelineOperations> = {
  CreatePipeline: { passRole: ['pipeline.roleArn'] },
  UpdatePipeline: { passRole: ['pipeline.roleArn'] },
  DeletePipeline: pipeline('name'),
  GetPipeline: pipeline('name'),
  GetPipelineState: pipeline('name'),
  StartPipelineExecution: pipeline('name'),
  StopPipelineExecution: pipeline('pipelineName'),
  ListPipelineExecutions: pipeline('pipelineName'),
  PutWebhook: {
    resources: [
      'arn:aws:codepipeline:{region}:{account}:{webhook.targetPipeline}',
      'arn:aws:codepipeline:{region}:{account}:webhook:{webhook.name}',
    ],
  },
  ListWebhooks: {},
  GetActionType: actionType(''),
  UpdateActionType: actionType('actionType.id.'),
  CreateCustomActionType: actionType('', 'Custom'),
  DeleteCustomActionType: actionType('', 'Custom'),
  DeleteWebhook: webhook('name'),
  RegisterWebhookWithThirdParty: webhook('webhookName'),
  DeregisterWebhookWithThirdParty: webhook('webhookName'),
  TagResource: { resources: ['{resourceArn}'] },
  UntagResource: { resources: ['{resourceArn}'] },
  ListTagsForResource: { resources: ['{resourceArn}'] },
};
