/**
 * CodeDeploy fixtures for tests: an ECS application and its blue/green deployment group, made with
 * the aws CLI as the seeds make them (all at once, blue terminated as soon as green serves); an
 * AppSpec deploying a task definition's `web` container on port 8080.
 */
import { awsCli } from './slipway.ts';

export interface EcsDeploymentGroup {
  application: string;
  group: string;
  service: string;
  /** The names of the blue and the green target group. */
  targetGroups: [string, string];
  /** The production listener. */
  listenerArn: string;
}

/** Creates the application and its BLUE_GREEN deployment group for `service` in the default cluster. */
export async function ecsDeploymentGroup(endpoint: string, g: EcsDeploymentGroup): Promise<void> {
  await awsCli(endpoint, ['deploy', 'create-application', '--application-name', g.application, '--compute-platform', 'ECS']);
  await awsCli(endpoint, [
    'deploy',
    'create-deployment-group',
    '--application-name',
    g.application,
    '--deployment-group-name',
    g.group,
    '--service-role-arn',
    'arn:aws:iam::000000000000:role/ecsCodeDeployRole',
    '--deployment-config-name',
    'CodeDeployDefault.ECSAllAtOnce',
    '--deployment-style',
    'deploymentType=BLUE_GREEN,deploymentOption=WITH_TRAFFIC_CONTROL',
    '--ecs-services',
    `serviceName=${g.service},clusterName=default`,
    '--load-balancer-info',
    JSON.stringify({
      targetGroupPairInfoList: [
        { targetGroups: g.targetGroups.map((name) => ({ name })), prodTrafficRoute: { listenerArns: [g.listenerArn] } },
      ],
    }),
    '--blue-green-deployment-configuration',
    '{"terminateBlueInstancesOnDeploymentSuccess":{"action":"TERMINATE","terminationWaitTimeInMinutes":0}}',
  ]);
}

/** An ECS AppSpec (YAML) that deploys `taskDefinition`, the load balancer sending to its `web` container's port 8080; `hooks` is a Hooks section, if any. */
export function ecsAppSpec(taskDefinition: string, hooks = ''): string {
  return `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "${taskDefinition}"
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 8080
${hooks}`;
}
