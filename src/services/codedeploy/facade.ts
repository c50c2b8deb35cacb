/**
 * @module services/codedeploy/facade
 * What the CodeDeploy room offers other rooms: a pipeline's CodeDeployToECS action creates a
 * deployment from AppSpec content, reads it while it waits, and stops it when the action is
 * abandoned. Each call is the API operation of the same name, with its checks and errors (AwsError).
 */
import { createHash } from 'node:crypto';
import type { Scope } from '../../core/scope.ts';
import { callOperation } from '../../protocol/dispatch.ts';
import type { ApiService } from '../../protocol/types.ts';
import type { AppContext } from '../types.ts';
import type { CreateDeploymentOutput, DeploymentInfo, GetDeploymentOutput } from './shapes.ts';

export interface AppSpecDeployment {
  applicationName: string;
  deploymentGroupName: string;
  /** The AppSpec, YAML or JSON, as the revision's AppSpecContent (its sha256 is computed here). */
  appSpec: string;
  description?: string;
}

export interface CodeDeployFacade {
  /** CreateDeployment with an AppSpecContent revision; its deployment id. */
  createDeployment(scope: Scope, request: AppSpecDeployment): Promise<string>;
  /** GetDeployment's deploymentInfo. */
  getDeployment(scope: Scope, deploymentId: string): Promise<DeploymentInfo>;
  /** StopDeployment, rolling back as the deployment's group says for a stop on request. */
  stopDeployment(scope: Scope, deploymentId: string): Promise<void>;
}

export function codedeployFacade(app: AppContext, api: ApiService): CodeDeployFacade {
  const call = <O>(scope: Scope, operation: string, input: unknown) =>
    callOperation<O>(api, operation, input, { scope, endpoint: app.edge.url });
  return {
    async createDeployment(scope, request) {
      const content = request.appSpec;
      const answer = await call<CreateDeploymentOutput>(scope, 'CreateDeployment', {
        applicationName: request.applicationName,
        deploymentGroupName: request.deploymentGroupName,
        description: request.description,
        revision: {
          revisionType: 'AppSpecContent',
          appSpecContent: { content, sha256: createHash('sha256').update(content).digest('hex') },
        },
      });
      return answer.deploymentId ?? '';
    },
    async getDeployment(scope, deploymentId) {
      return (await call<GetDeploymentOutput>(scope, 'GetDeployment', { deploymentId })).deploymentInfo ?? {};
    },
    async stopDeployment(scope, deploymentId) {
      await call(scope, 'StopDeployment', { deploymentId });
    },
  };
}
