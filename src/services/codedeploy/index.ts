/**
 * @module services/codedeploy
 * The CodeDeploy room: applications, deployment groups, deployment configs and ECS blue/green
 * deployments (AWS JSON 1.1), and the deployer that carries each deployment out through the ECS
 * task-sets facade and the ELB traffic facade handed to register().
 */
import { loadModel } from '../../protocol/model.ts';
import type { EcsTaskSetsFacade } from '../ecs/facade-types.ts';
import type { ElbTrafficFacade } from '../elb/traffic-types.ts';
import type { S3Facade } from '../s3/index.ts';
import type { AppContext, Room } from '../types.ts';
import { codedeployHandlers } from './api.ts';
import type { CodeDeployContext } from './context.ts';
import { deployerController } from './deployer.ts';
import { CodeDeployModel } from './model.ts';

export { DEPLOYMENT_STATUS } from './context.ts';

export function register(app: AppContext, deps: { ecs: EcsTaskSetsFacade; elb: ElbTrafficFacade; s3: S3Facade }): Room {
  const cd: CodeDeployContext = {
    ...app,
    model: new CodeDeployModel(app.store),
    ecs: deps.ecs,
    elb: deps.elb,
    s3: deps.s3,
    wake: (id) => deployer.enqueue(id),
  };
  const deployer = deployerController(cd);
  return {
    name: 'codedeploy',
    api: {
      model: loadModel('codedeploy'),
      handlers: codedeployHandlers(cd),
      validation: { constraint: 'ValidationException', type: 'SerializationException' },
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
