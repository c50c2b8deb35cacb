/**
 * @module services/codedeploy
 * The CodeDeploy room: applications, deployment groups, deployment configs and ECS blue/green
 * deployments (AWS JSON 1.1), and the deployer that carries each deployment out through the ECS
 * task-sets facade and the ELB traffic facade handed to register(); its facade (facade.ts) lets a
 * pipeline's CodeDeployToECS action create and follow deployments.
 */
import { loadModel } from '../../protocol/model.ts';
import type { EcsTaskSetsFacade } from '../ecs/facade-types.ts';
import type { ElbTrafficFacade } from '../elb/traffic-types.ts';
import type { S3Facade } from '../s3/index.ts';
import type { RoleSessions } from '../sts/index.ts';
import { tagMap } from '../authorization.ts';
import type { AppContext, RoomWithFacade } from '../types.ts';
import { codedeployHandlers } from './api.ts';
import type { CodeDeployContext } from './context.ts';
import { deployerController } from './deployer.ts';
import { codedeployFacade, type CodeDeployFacade } from './facade.ts';
import { CodeDeployModel } from './model.ts';

export { DEPLOYMENT_STATUS } from './context.ts';
export type { AppSpecDeployment, CodeDeployFacade } from './facade.ts';

export function register(
  app: AppContext,
  deps: { ecs: EcsTaskSetsFacade; elb: ElbTrafficFacade; s3: S3Facade; roles: RoleSessions },
): RoomWithFacade<CodeDeployFacade> {
  const cd: CodeDeployContext = {
    ...app,
    model: new CodeDeployModel(app.store),
    ecs: deps.ecs,
    elb: deps.elb,
    s3: deps.s3,
    roles: deps.roles,
    wake: (id) => deployer.enqueue(id),
  };
  const deployer = deployerController(cd);
  const api = {
    model: loadModel('codedeploy'),
    handlers: codedeployHandlers(cd),
    validation: { constraint: 'ValidationException', type: 'SerializationException' },
  };
  return {
    name: 'codedeploy',
    facade: codedeployFacade(app, api),
    api,
    authorization(arn) {
      const record = cd.model.applications.get(arn) ?? cd.model.groups.get(arn);
      return record && { tags: tagMap(record.tags) };
    },
    start() {
      deployer.start();
    },
    async stop() {
      await deployer.stop();
    },
    status() {
      return {
        applications: cd.model.applications.count(),
        deploymentGroups: cd.model.groups.count(),
        activeDeployments: cd.model.deployments.count({ active: 1 }),
      };
    },
  };
}
