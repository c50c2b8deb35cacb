/**
 * @module services/codedeploy/iam-actions
 * CodeDeploy's operations as IAM authorizes them: deployment groups under their application.
 */
import type { IamActions } from '../types.ts';
import type { CodedeployOperations } from './shapes.ts';

const arn = (resource: string) => `arn:aws:codedeploy:{region}:{account}:${resource}`;

export const codedeployIamActions: IamActions<CodedeployOperations> = {
  CreateApplication: { resources: [arn('application:{applicationName}')] },
  DeleteApplication: { resources: [arn('application:{applicationName}')] },
  CreateDeploymentGroup: { resources: [arn('deploymentgroup:{applicationName}/{deploymentGroupName}')], passRole: ['serviceRoleArn'] },
  UpdateDeploymentGroup: {
    resources: [arn('deploymentgroup:{applicationName}/{currentDeploymentGroupName}')],
    passRole: ['serviceRoleArn'],
  },
  DeleteDeploymentGroup: { resources: [arn('deploymentgroup:{applicationName}/{deploymentGroupName}')] },
  CreateDeployment: { resources: [arn('deploymentgroup:{applicationName}/{deploymentGroupName}')] },
};
