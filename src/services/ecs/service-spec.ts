/**
 * @module services/ecs/service-spec
 * What CreateService and UpdateService accept, with ECS's defaults and errors: deployment
 * configuration, controller and strategy, launch type, load balancers, network configuration.
 * Everything here throws before anything is written.
 */
import { AwsError } from '../../core/errors.ts';
import { ecsError } from './errors.ts';
import type { TaskDefinitionRecord } from './model.ts';
import type {
  CapacityProviderStrategyItem,
  DeploymentConfiguration,
  DeploymentController,
  LoadBalancer,
  NetworkConfiguration,
  SchedulingStrategy,
  Service,
  UpdateServiceRequest,
} from './shapes.ts';
import { MAX_INTEGER } from './task-size.ts';

const invalid = ecsError.invalidParameter;

const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;

export function checkServiceName(name: string): void {
  if (!SERVICE_NAME.test(name)) {
    throw invalid(
      `Invalid service name '${name}': up to 255 letters (uppercase and lowercase), numbers, hyphens and underscores are allowed.`,
    );
  }
}

/** Any of ECS's controllers, but a daemon service, or one with ECS's own blue/green strategies, is rolled by ECS itself. */
export function checkController(
  controller: DeploymentController | undefined,
  scheduling: SchedulingStrategy,
  config?: DeploymentConfiguration,
): void {
  const type = controller?.type ?? 'ECS';
  if (type !== 'ECS' && scheduling === 'DAEMON')
    throw invalid(`The daemon scheduling strategy does not support the ${type} deployment controller.`);
  if (type !== 'ECS' && shiftsTraffic(config?.strategy)) {
    throw invalid(
      `deploymentConfiguration.strategy ${config?.strategy} needs the ECS deployment controller; a ${type} service's deployments are its task sets'.`,
    );
  }
}

/**
 * Under CODE_DEPLOY and EXTERNAL, UpdateService changes only the desired count, deployment
 * configuration, grace period, placement and tags; the rest is the task sets' (CodeDeploy's) to change.
 */
export function checkTaskSetServiceUpdate(
  input: UpdateServiceRequest,
  service: Service,
  taskDefinitionArn: string | undefined,
  network: NetworkConfiguration | undefined,
): void {
  const type = service.deploymentController?.type ?? 'ECS';
  if (type === 'ECS') return;
  const how = type === 'CODE_DEPLOY' ? 'Use AWS CodeDeploy to trigger a new deployment.' : 'Create a new task set instead.';
  const refuse = (what: string) => invalid(`Unable to update ${what} on services with a ${type} deployment controller. ${how}`);
  if (input.taskDefinition && taskDefinitionArn !== service.taskDefinition) throw refuse('task definition');
  if (input.networkConfiguration && !sameValue(network, service.networkConfiguration)) throw refuse('network configuration');
  if (input.loadBalancers && !sameValue(input.loadBalancers, service.loadBalancers ?? [])) throw refuse('load balancers');
  if (input.platformVersion && input.platformVersion !== service.platformVersion) throw refuse('platform version');
  if (input.forceNewDeployment) throw refuse('forceNewDeployment');
}

/** ECS's quota of tasks per service: the most a desired count may be. */
export const MAX_DESIRED_COUNT = 5000;

export function checkDesiredCount(desiredCount: number | undefined, scheduling: SchedulingStrategy): void {
  if (desiredCount === undefined) return;
  if (scheduling === 'DAEMON') throw invalid('The daemon scheduling strategy does not support a desired count for services.');
  if (!Number.isInteger(desiredCount) || desiredCount < 0)
    throw invalid(`desiredCount must be a whole number of at least 0 (got ${desiredCount}).`);
  if (desiredCount > MAX_DESIRED_COUNT) {
    throw invalid(`Desired count exceeds limit: desiredCount ${desiredCount} is above the ${MAX_DESIRED_COUNT} tasks a service may have.`);
  }
}

export function checkGracePeriod(seconds: number | undefined): void {
  if (seconds === undefined) return;
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_INTEGER) {
    throw invalid(`healthCheckGracePeriodSeconds must be between 0 and ${MAX_INTEGER} (got ${seconds}).`);
  }
}

/**
 * Why a stored service cannot be served, or undefined. A row saved before these limits held (or
 * written by hand) is reported and left alone rather than scheduled.
 */
export function storedServiceProblem(service: Service): string | undefined {
  const scheduling = service.schedulingStrategy ?? 'REPLICA';
  try {
    if (scheduling !== 'DAEMON') checkDesiredCount(service.desiredCount ?? 0, scheduling);
    checkGracePeriod(service.healthCheckGracePeriodSeconds);
    deploymentConfiguration(service.deploymentConfiguration, scheduling);
    return undefined;
  } catch (err) {
    if (err instanceof AwsError) return err.message;
    throw err;
  }
}

/** Slipway has no capacity providers (as RunTask says too). */
export function checkCapacityProviders(launchType: string | undefined, strategy: CapacityProviderStrategyItem[] | undefined): void {
  if (!strategy?.length) return;
  if (launchType) throw invalid('Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.');
  throw invalid('Slipway has no capacity providers; pass launchType EC2 or FARGATE instead of capacityProviderStrategy.');
}

/** The deployment configuration with ECS's defaults filled in, `previous` kept where `input` is silent. */
export function deploymentConfiguration(
  input: DeploymentConfiguration | undefined,
  scheduling: SchedulingStrategy,
  previous?: DeploymentConfiguration,
): DeploymentConfiguration {
  const daemon = scheduling === 'DAEMON';
  const config: DeploymentConfiguration = {
    ...previous,
    ...input,
    deploymentCircuitBreaker: input?.deploymentCircuitBreaker ?? previous?.deploymentCircuitBreaker ?? { enable: false, rollback: false },
    maximumPercent: input?.maximumPercent ?? previous?.maximumPercent ?? (daemon ? 100 : 200),
    minimumHealthyPercent: input?.minimumHealthyPercent ?? previous?.minimumHealthyPercent ?? (daemon ? 0 : 100),
    strategy: input?.strategy ?? previous?.strategy ?? 'ROLLING',
  };
  if (shiftsTraffic(config.strategy)) checkBlueGreenConfiguration(config);
  const { maximumPercent: max, minimumHealthyPercent: min } = config as Required<
    Pick<DeploymentConfiguration, 'maximumPercent' | 'minimumHealthyPercent'>
  >;
  if (!Number.isInteger(min) || min < 0 || min > 100) throw invalid(`minimumHealthyPercent must be between 0 and 100 (got ${min}).`);
  if (!Number.isInteger(max) || max < min) throw invalid(`maximumPercent (${max}) must be at least minimumHealthyPercent (${min}).`);
  if (daemon && max !== 100) throw invalid(`The maximumPercent of a service with the DAEMON scheduling strategy must be 100 (got ${max}).`);
  return config;
}

/** BLUE_GREEN, LINEAR and CANARY: green comes up beside blue and traffic moves between target groups. */
export function shiftsTraffic(strategy: DeploymentConfiguration['strategy']): boolean {
  return strategy === 'BLUE_GREEN' || strategy === 'LINEAR' || strategy === 'CANARY';
}

/**
 * ECS's blue/green settings: bake time, linear steps or the canary, lifecycle hooks (PAUSE only:
 * Slipway runs no Lambda functions yet), no circuit breaker.
 */
function checkBlueGreenConfiguration(config: DeploymentConfiguration): void {
  const linear = config.linearConfiguration;
  if (config.strategy === 'LINEAR' && linear) {
    const step = linear.stepPercent ?? 10;
    if (!(step >= 3 && step <= 100))
      throw invalid(`linearConfiguration.stepPercent must be between 3.0 and 100 (got ${linear.stepPercent}).`);
    checkMinutes('linearConfiguration.stepBakeTimeInMinutes', linear.stepBakeTimeInMinutes);
  }
  const canary = config.canaryConfiguration;
  if (config.strategy === 'CANARY' && canary) {
    const percent = canary.canaryPercent ?? 5;
    if (!(percent >= 0.1 && percent <= 100))
      throw invalid(`canaryConfiguration.canaryPercent must be between 0.1 and 100 (got ${canary.canaryPercent}).`);
    checkMinutes('canaryConfiguration.canaryBakeTimeInMinutes', canary.canaryBakeTimeInMinutes);
  }
  checkMinutes('bakeTimeInMinutes', config.bakeTimeInMinutes);
  if (config.deploymentCircuitBreaker?.enable)
    throw invalid('deploymentCircuitBreaker is supported only with the ROLLING deployment strategy.');
  for (const [i, hook] of (config.lifecycleHooks ?? []).entries()) {
    const field = `deploymentConfiguration.lifecycleHooks[${i}]`;
    if ((hook.targetType ?? 'AWS_LAMBDA') === 'AWS_LAMBDA') {
      throw invalid(
        `${field}.targetType AWS_LAMBDA: Slipway does not run AWS Lambda functions yet; use targetType PAUSE and resume the deployment with ContinueServiceDeployment.`,
      );
    }
    if (!hook.lifecycleStages?.length) throw invalid(`${field}.lifecycleStages must name at least one stage.`);
    for (const stage of hook.lifecycleStages) {
      if (stage === 'TEST_TRAFFIC_SHIFT' || stage === 'PRODUCTION_TRAFFIC_SHIFT')
        throw invalid(`${field}: a PAUSE hook cannot run at the ${stage} stage.`);
    }
    const minutes = hook.timeoutConfiguration?.timeoutInMinutes ?? 1440;
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)
      throw invalid(`${field}.timeoutConfiguration.timeoutInMinutes must be between 1 and 1440 (got ${minutes}).`);
  }
}

function checkMinutes(field: string, minutes: number | undefined): void {
  if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440))
    throw invalid(`${field} must be between 0 and 1440 (got ${minutes}).`);
}

/** Under BLUE_GREEN each load balancer names its alternate target group and the production listener rule that forwards to both. */
export function checkBlueGreenLoadBalancers(config: DeploymentConfiguration, loadBalancers: LoadBalancer[]): void {
  if (!shiftsTraffic(config.strategy)) return;
  if (!loadBalancers.some((lb) => lb.targetGroupArn)) {
    throw invalid(
      `The ${config.strategy} deployment strategy needs loadBalancers with a target group and its advancedConfiguration (Slipway has no Service Connect).`,
    );
  }
  for (const [i, lb] of loadBalancers.entries()) {
    const advanced = lb.advancedConfiguration;
    if (!lb.targetGroupArn) continue;
    if (!advanced?.alternateTargetGroupArn || !advanced.productionListenerRule) {
      throw invalid(
        `loadBalancers[${i}].advancedConfiguration must name an alternateTargetGroupArn and a productionListenerRule for the ${config.strategy} deployment strategy.`,
      );
    }
    if (advanced.alternateTargetGroupArn === lb.targetGroupArn)
      throw invalid(`loadBalancers[${i}].advancedConfiguration.alternateTargetGroupArn must differ from its targetGroupArn.`);
  }
}

/** Each load balancer names a container of the task definition and one of its container ports. */
export function checkLoadBalancers(loadBalancers: LoadBalancer[] | undefined, definition: TaskDefinitionRecord): void {
  for (const lb of loadBalancers ?? []) {
    if (!lb.targetGroupArn && !lb.loadBalancerName) throw invalid('A load balancer needs a targetGroupArn (or a loadBalancerName).');
    if (!lb.containerName) throw invalid('Container Name can not be blank.');
    if (lb.containerPort === undefined) throw invalid('Container Port can not be blank.');
    const container = definition.taskDefinition.containerDefinitions?.find((c) => c.name === lb.containerName);
    if (!container) throw invalid(`The container ${lb.containerName} does not exist in the task definition.`);
    if (!(container.portMappings ?? []).some((p) => p.containerPort === lb.containerPort)) {
      throw invalid(`The container ${lb.containerName} did not have a container port ${lb.containerPort} defined.`);
    }
  }
}

/** awsvpc needs it (checkLaunchable says so); other network modes must not have it. Fills ECS's defaults. */
export function networkConfiguration(
  input: NetworkConfiguration | undefined,
  definition: TaskDefinitionRecord,
): NetworkConfiguration | undefined {
  if (!input?.awsvpcConfiguration) return undefined;
  if ((definition.taskDefinition.networkMode ?? 'bridge') !== 'awsvpc') {
    throw invalid('Network Configuration is not valid for the given networkMode of this task definition.');
  }
  const vpc = input.awsvpcConfiguration;
  return { awsvpcConfiguration: { ...vpc, securityGroups: vpc.securityGroups ?? [], assignPublicIp: vpc.assignPublicIp ?? 'DISABLED' } };
}

export function checkDaemon(
  scheduling: SchedulingStrategy,
  launchType: string | undefined,
  placementStrategy: unknown[] | undefined,
): void {
  if (scheduling !== 'DAEMON') return;
  if (launchType === 'FARGATE') throw invalid('The daemon scheduling strategy does not support the FARGATE launch type.');
  if (placementStrategy?.length) throw invalid('Placement strategies are not supported with the DAEMON scheduling strategy.');
}

/** Equal as JSON, whatever the key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
