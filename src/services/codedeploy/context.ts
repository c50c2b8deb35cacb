/**
 * @module services/codedeploy/context
 * What every part of the CodeDeploy room shares: the app's parts, the room's model, the two
 * facades it drives ECS and ELB through, and the one way to say "this deployment changed", which
 * wakes the deployer for it.
 */
import type { EcsTaskSetsFacade } from '../ecs/facade-types.ts';
import type { ElbTrafficFacade } from '../elb/traffic-types.ts';
import type { S3Facade } from '../s3/index.ts';
import type { RoleSessions } from '../sts/index.ts';
import type { AppContext } from '../types.ts';
import type { CodeDeployModel, DeploymentRecord } from './model.ts';

/** Published on the event bus when a deployment's status, one of its lifecycle events or its production traffic split changes (resource: the deployment id). */
export const DEPLOYMENT_STATUS = 'codedeploy.deployment';

export interface CodeDeployContext extends AppContext {
  model: CodeDeployModel;
  ecs: EcsTaskSetsFacade;
  elb: ElbTrafficFacade;
  /** Where S3 revisions (AppSpec files) are read from. */
  s3: S3Facade;
  /** Whether CodeDeploy may assume a deployment group's service role. */
  roles: RoleSessions;
  /** Asks the deployer to look at a deployment now. */
  wake(deploymentId: string): void;
}

export function announce(cd: CodeDeployContext, d: DeploymentRecord, lifecycleEvent?: string): void {
  const event = lifecycleEvent === undefined ? undefined : d.target.events.find((e) => e.name === lifecycleEvent);
  cd.events.publish({
    type: DEPLOYMENT_STATUS,
    resource: d.id,
    at: cd.clock.now(),
    detail: {
      status: d.status,
      group: d.groupName,
      greenPercent: d.progress.greenPercent,
      ...(event && { lifecycleEvent: event.name, lifecycleEventStatus: event.status }),
    },
  });
}
