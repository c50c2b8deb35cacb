/**
 * @module services/codedeploy/group-spec
 * The checks CreateDeploymentGroup and UpdateDeploymentGroup apply, in CodeDeploy's words: an ECS
 * group is BLUE_GREEN WITH_TRAFFIC_CONTROL, maps exactly one ECS service (under the CODE_DEPLOY
 * controller, and mapped by no other group), and has one target group pair — two existing groups,
 * one production listener that forwards to one of them, an optional test listener. Waits are filled
 * in, so that GetDeploymentGroup always shows them as numbers.
 */
import type { Scope } from '../../core/ids.ts';
import { scopeKey } from '../../core/scope.ts';
import { requireServiceRole } from '../sts/index.ts';
import type { CodeDeployContext } from './context.ts';
import { codedeployError } from './errors.ts';
import type { GroupRecord } from './model.ts';
import type {
  AlarmConfiguration,
  AutoRollbackConfiguration,
  BlueGreenDeploymentConfiguration,
  ComputePlatform,
  CreateDeploymentGroupInput,
  DeploymentStyle,
  ECSService,
  LoadBalancerInfo,
} from './shapes.ts';

/** The fields of a group its requests set (CreateDeploymentGroupInput's, as UpdateDeploymentGroup merges them). */
export type GroupSpec = Omit<CreateDeploymentGroupInput, 'applicationName' | 'deploymentGroupName' | 'tags'>;

const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const MAX_READY_WAIT_MINUTES = 120 * 60;
const MAX_TERMINATION_WAIT_MINUTES = 2880;
const MAX_ALARMS = 10;

export function checkRole(arn: string): string {
  if (!ROLE_ARN.test(arn))
    throw codedeployError.invalidRole(`The service role ARN '${arn}' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
  return arn;
}

export function checkAutoRollback(c: AutoRollbackConfiguration | undefined): AutoRollbackConfiguration {
  if (!c) return { enabled: false, events: [] };
  if (c.enabled && !c.events?.length)
    throw codedeployError.invalidAutoRollback('autoRollbackConfiguration.events must name at least one event when rollback is enabled');
  return { enabled: !!c.enabled, events: c.enabled ? [...new Set(c.events)] : (c.events ?? []) };
}

export function checkAlarms(c: AlarmConfiguration | undefined): AlarmConfiguration {
  if (!c) return { enabled: false, ignorePollAlarmFailure: false, alarms: [] };
  const alarms = c.alarms ?? [];
  if (alarms.length > MAX_ALARMS) throw codedeployError.alarmsLimit();
  if (c.enabled && !alarms.length)
    throw codedeployError.invalidAlarmConfig('alarmConfiguration.alarms must name at least one alarm when alarms are enabled');
  if (alarms.some((a) => !a.name)) throw codedeployError.invalidAlarmConfig('alarmConfiguration.alarms[].name is required');
  return { enabled: !!c.enabled, ignorePollAlarmFailure: !!c.ignorePollAlarmFailure, alarms };
}

function checkStyle(style: DeploymentStyle | undefined): DeploymentStyle {
  if (style?.deploymentType !== 'BLUE_GREEN' || style.deploymentOption !== 'WITH_TRAFFIC_CONTROL') {
    throw codedeployError.invalidDeploymentStyle('An ECS deployment group needs deploymentStyle BLUE_GREEN with WITH_TRAFFIC_CONTROL');
  }
  return { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' };
}

function checkBlueGreen(c: BlueGreenDeploymentConfiguration | undefined): BlueGreenDeploymentConfiguration {
  const ready = c?.deploymentReadyOption;
  const action = ready?.actionOnTimeout ?? 'CONTINUE_DEPLOYMENT';
  const wait = ready?.waitTimeInMinutes ?? 0;
  if (action === 'CONTINUE_DEPLOYMENT' && wait > 0) {
    throw codedeployError.invalidBlueGreen("Deployment ready action cannot be set to 'CONTINUE_DEPLOYMENT' when timeout is specified");
  }
  if (wait < 0 || wait > MAX_READY_WAIT_MINUTES)
    throw codedeployError.invalidBlueGreen(`deploymentReadyOption.waitTimeInMinutes must be from 0 to ${MAX_READY_WAIT_MINUTES}`);
  const terminate = c?.terminateBlueInstancesOnDeploymentSuccess;
  const termination = terminate?.terminationWaitTimeInMinutes ?? 0;
  if (termination < 0 || termination > MAX_TERMINATION_WAIT_MINUTES) {
    throw codedeployError.invalidBlueGreen(
      `terminateBlueInstancesOnDeploymentSuccess.terminationWaitTimeInMinutes must be from 0 to ${MAX_TERMINATION_WAIT_MINUTES}`,
    );
  }
  if (c?.greenFleetProvisioningOption)
    throw codedeployError.invalidBlueGreen('greenFleetProvisioningOption cannot be set for an ECS deployment group');
  return {
    deploymentReadyOption: { actionOnTimeout: action, waitTimeInMinutes: wait },
    terminateBlueInstancesOnDeploymentSuccess: { action: terminate?.action ?? 'TERMINATE', terminationWaitTimeInMinutes: termination },
  };
}

function checkService(cd: CodeDeployContext, scope: Scope, services: ECSService[] | undefined, self: string | undefined): ECSService[] {
  if (services?.length !== 1)
    throw codedeployError.invalidEcsService('An ECS deployment group must name exactly one ECS service (ecsServices)');
  const [{ serviceName, clusterName }] = services;
  if (!serviceName || !clusterName) throw codedeployError.invalidEcsService('ecsServices[0] needs both serviceName and clusterName');
  const service = cd.ecs.describeService(scope, clusterName, serviceName);
  if (service?.status !== 'ACTIVE')
    throw codedeployError.invalidEcsService(`The ECS service ${serviceName} does not exist in cluster ${clusterName}`);
  if (service.deploymentController !== 'CODE_DEPLOY') {
    throw codedeployError.invalidEcsService("Deployment group's ECS service must be configured for a CODE_DEPLOY deployment controller.");
  }
  const other = cd.model.groups
    .find({ scope: scopeKey(scope) })
    .find(
      (g) => g.arn !== self && g.ecsServices.some((s) => s.serviceName === service.serviceName && s.clusterName === service.clusterName),
    );
  if (other) throw codedeployError.ecsServiceMapped(serviceName, other.name);
  return [{ serviceName: service.serviceName, clusterName: service.clusterName }];
}

function checkLoadBalancer(cd: CodeDeployContext, scope: Scope, info: LoadBalancerInfo | undefined): LoadBalancerInfo {
  if (info?.elbInfoList?.length || info?.targetGroupInfoList?.length) {
    throw codedeployError.invalidLoadBalancerInfo(
      'An ECS deployment group takes targetGroupPairInfoList, not elbInfoList or targetGroupInfoList',
    );
  }
  const pairs = info?.targetGroupPairInfoList ?? [];
  if (pairs.length !== 1)
    throw codedeployError.invalidLoadBalancerInfo('loadBalancerInfo.targetGroupPairInfoList must hold exactly one target group pair');
  const [pair] = pairs;
  const names = (pair.targetGroups ?? []).map((g) => g.name ?? '');
  if (names.length !== 2 || names[0] === names[1])
    throw codedeployError.invalidTargetGroupPair('A target group pair must name two different target groups');
  const arns = names.map((name) => {
    const arn = cd.elb.targetGroupArn(scope, name);
    if (!arn) throw codedeployError.invalidTargetGroupPair(`Target group ${name} does not exist`);
    return arn;
  });
  const prod = pair.prodTrafficRoute?.listenerArns ?? [];
  const test = pair.testTrafficRoute?.listenerArns ?? [];
  if (prod.length !== 1) throw codedeployError.invalidTargetGroupPair('prodTrafficRoute.listenerArns must name exactly one listener');
  if (pair.testTrafficRoute && test.length !== 1)
    throw codedeployError.invalidTargetGroupPair('testTrafficRoute.listenerArns must name exactly one listener');
  if (test[0] === prod[0]) throw codedeployError.invalidTargetGroupPair('The test listener must differ from the production listener');
  for (const [route, arn] of [
    ['prodTrafficRoute', prod[0]],
    ['testTrafficRoute', test[0]],
  ] as const) {
    if (arn === undefined) continue;
    if (!cd.elb.exists(arn)) throw codedeployError.invalidTargetGroupPair(`${route}: listener ${arn} does not exist`);
    if (!cd.elb.forwardWeights(arn).some((w) => arns.includes(w.targetGroupArn))) {
      throw codedeployError.invalidTargetGroupPair(`${route}: listener ${arn} does not forward to target group ${names[0]} or ${names[1]}`);
    }
  }
  return {
    targetGroupPairInfoList: [
      {
        targetGroups: names.map((name) => ({ name })),
        prodTrafficRoute: { listenerArns: prod },
        ...(test.length ? { testTrafficRoute: { listenerArns: test } } : {}),
      },
    ],
  };
}

/** The service principal CodeDeploy assumes a deployment group's role as. */
export const CODEDEPLOY = 'codedeploy.amazonaws.com';

/** The group's stored fields for `spec` in an application of `platform`; throws CodeDeploy's error for the first fault. */
export function checkGroupSpec(
  cd: CodeDeployContext,
  scope: Scope,
  platform: ComputePlatform,
  spec: GroupSpec,
  self?: GroupRecord,
): Omit<GroupRecord, 'arn' | 'id' | 'applicationName' | 'name' | 'tags'> {
  const serviceRoleArn = checkRole(spec.serviceRoleArn);
  requireServiceRole(cd.roles, serviceRoleArn, CODEDEPLOY, () =>
    codedeployError.invalidRole(`AWS CodeDeploy does not have the permissions required to assume the role ${serviceRoleArn}.`),
  );
  const common = {
    serviceRoleArn,
    autoRollback: checkAutoRollback(spec.autoRollbackConfiguration),
    alarms: checkAlarms(spec.alarmConfiguration),
  };
  if (platform !== 'ECS') {
    if (spec.ecsServices?.length)
      throw codedeployError.invalidEcsService(`Should not specify ECS services parameter for ${platform} deployment group`);
    if (spec.loadBalancerInfo?.targetGroupPairInfoList?.length)
      throw codedeployError.invalidLoadBalancerInfo(`A ${platform} deployment group cannot have a target group pair`);
    return {
      ...common,
      deploymentConfigName: spec.deploymentConfigName ?? `CodeDeployDefault.${platform === 'Lambda' ? 'LambdaAllAtOnce' : 'OneAtATime'}`,
      ecsServices: [],
      loadBalancerInfo: spec.loadBalancerInfo ?? {},
      blueGreen: spec.blueGreenDeploymentConfiguration ?? {},
    };
  }
  for (const field of ['ec2TagFilters', 'onPremisesInstanceTagFilters', 'autoScalingGroups', 'ec2TagSet', 'onPremisesTagSet'] as const) {
    const value = spec[field];
    if (value && (!Array.isArray(value) || value.length))
      throw codedeployError.invalidInput(`${field} cannot be set for an ECS deployment group`);
  }
  checkStyle(spec.deploymentStyle);
  return {
    ...common,
    deploymentConfigName: spec.deploymentConfigName ?? 'CodeDeployDefault.ECSAllAtOnce',
    blueGreen: checkBlueGreen(spec.blueGreenDeploymentConfiguration),
    loadBalancerInfo: checkLoadBalancer(cd, scope, spec.loadBalancerInfo),
    ecsServices: checkService(cd, scope, spec.ecsServices, self?.arn),
  };
}
