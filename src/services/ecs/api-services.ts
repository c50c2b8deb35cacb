/**
 * @module services/ecs/api-services
 * CreateService, UpdateService, DeleteService, DescribeServices, ListServices. Handlers validate
 * everything first, write the service's spec (and, when the spec calls for one, a new PRIMARY
 * deployment) in one transaction, and wake the scheduler, which does the rest.
 */
import { ecsArn, type Scope } from '../../core/ids.ts';
import type { Handlers } from '../../protocol/types.ts';
import { activeServiceDeployment, beginBlueGreen, isBlueGreen } from './blue-green.ts';
import type { EcsContext } from './context.ts';
import { liveCounts, liveDeployments, newDeployment } from './deployments.ts';
import { beginRolling } from './rolling-service-deployments.ts';
import { ecsError } from './errors.ts';
import { INACTIVE_RETENTION_MS, type ServiceRecord } from './model.ts';
import { scopeOf } from '../../core/scope.ts';
import {
  findService,
  listPage,
  requireActiveService,
  requireCluster,
  requireRunnableTaskDefinition,
  requireService,
  serviceArnFor,
} from './resolve.ts';
import {
  checkBlueGreenLoadBalancers,
  checkCapacityProviders,
  checkController,
  checkDaemon,
  checkDesiredCount,
  checkGracePeriod,
  checkLoadBalancers,
  checkServiceName,
  checkTaskSetServiceUpdate,
  deploymentConfiguration,
  networkConfiguration,
  sameValue,
} from './service-spec.ts';
import { buildTaskSet, controllerOf, liveTaskSet } from './task-sets.ts';
import type { EcsOperations, Failure, LaunchType, SchedulingStrategy, Service } from './shapes.ts';
import { checkLaunchable } from './tasks.ts';

const MAX_DESCRIBE = 10;
const SERVICE_LINKED_ROLE = 'role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS';

export function serviceHandlers(ecs: EcsContext): Handlers<EcsOperations> {
  return {
    CreateService(input, ctx) {
      const scope = scopeOf(ctx);
      checkServiceName(input.serviceName);
      const scheduling: SchedulingStrategy = input.schedulingStrategy ?? 'REPLICA';
      checkController(input.deploymentController, scheduling, input.deploymentConfiguration);
      const controller = input.deploymentController?.type ?? 'ECS';
      checkCapacityProviders(input.launchType, input.capacityProviderStrategy);
      const launchType: LaunchType = input.launchType ?? 'EC2';
      if (scheduling === 'REPLICA' && input.desiredCount === undefined) {
        throw ecsError.invalidParameter('desiredCount is required for a service with the REPLICA scheduling strategy.');
      }
      checkDesiredCount(input.desiredCount, scheduling);
      checkGracePeriod(input.healthCheckGracePeriodSeconds);
      checkDaemon(scheduling, launchType, input.placementStrategy);
      // An EXTERNAL service may start without one: its task sets name theirs.
      if (!input.taskDefinition && controller !== 'EXTERNAL') {
        throw ecsError.invalidParameter(`A task definition is required for a service with the ${controller} deployment controller.`);
      }
      const definition = input.taskDefinition ? requireRunnableTaskDefinition(ecs.model, scope, input.taskDefinition) : undefined;
      const config = deploymentConfiguration(input.deploymentConfiguration, scheduling);
      checkBlueGreenLoadBalancers(config, input.loadBalancers ?? []);
      const network = definition ? networkConfiguration(input.networkConfiguration, definition) : input.networkConfiguration;
      if (definition) {
        checkLaunchable({ definition, launchType, networkConfiguration: input.networkConfiguration });
        checkLoadBalancers(input.loadBalancers, definition);
      }
      // Only now: the default cluster is made on its first use, and a refused request writes nothing.
      const cluster = requireCluster(ecs, scope, input.cluster);

      const serviceArn = ecsArn.service(scope, cluster.clusterName, input.serviceName);
      const now = ecs.clock.now();
      const desiredCount =
        scheduling === 'DAEMON'
          ? ecs.model.instances.find({ cluster: cluster.clusterArn }).filter((i) => i.instance.status === 'ACTIVE').length
          : (input.desiredCount ?? 0); // a REPLICA service without one was refused above
      const taskDefinition = definition?.taskDefinition.taskDefinitionArn;
      const platformVersion = launchType === 'FARGATE' ? (input.platformVersion ?? 'LATEST') : undefined;
      const record: ServiceRecord = {
        service: {
          serviceArn,
          serviceName: input.serviceName,
          clusterArn: cluster.clusterArn,
          loadBalancers: input.loadBalancers ?? [],
          serviceRegistries: input.serviceRegistries ?? [],
          status: 'ACTIVE',
          desiredCount,
          runningCount: 0,
          pendingCount: 0,
          launchType,
          platformVersion,
          platformFamily: launchType === 'FARGATE' ? 'Linux' : undefined,
          taskDefinition,
          deploymentConfiguration: config,
          roleArn: roleArn(scope, input.role),
          createdAt: now,
          placementConstraints: input.placementConstraints ?? [],
          placementStrategy: input.placementStrategy ?? [],
          networkConfiguration: network,
          healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds ?? 0,
          schedulingStrategy: scheduling,
          deploymentController: { type: controller },
          tags: input.tags ?? [],
          createdBy: `arn:aws:iam::${scope.account}:root`,
          enableECSManagedTags: input.enableECSManagedTags ?? false,
          propagateTags: input.propagateTags ?? 'NONE',
          enableExecuteCommand: input.enableExecuteCommand ?? false,
        },
        deployments:
          controller === 'ECS' && taskDefinition
            ? [newDeployment({ taskDefinition, desiredCount, launchType, platformVersion, networkConfiguration: network }, now)]
            : [],
        events: [],
      };
      if (record.deployments[0]) beginRolling(record, record.deployments[0], undefined, now);
      // Under CODE_DEPLOY, ECS itself makes the first (PRIMARY) task set from the service's own settings.
      if (controller !== 'ECS') record.taskSets = [];
      if (controller === 'CODE_DEPLOY' && taskDefinition) {
        record.taskSets = [
          buildTaskSet(
            ecs,
            scope,
            cluster,
            record.service,
            {
              taskDefinition,
              launchType,
              networkConfiguration: network,
              loadBalancers: input.loadBalancers,
              serviceRegistries: input.serviceRegistries,
            },
            'PRIMARY',
          ),
        ];
      }
      ecs.model.tx(() => {
        const existing = ecs.model.services.get(serviceArn);
        if (existing && existing.service.status !== 'INACTIVE') throw ecsError.invalidParameter('Creation of service was not idempotent.');
        ecs.model.putService(record);
      });
      ecs.enqueueService(serviceArn);
      return { service: describeService(ecs, record, true) };
    },

    UpdateService(input, ctx) {
      const scope = scopeOf(ctx);
      const cluster = requireCluster(ecs, scope, input.cluster);
      const current = requireActiveService(ecs.model, scope, cluster, input.service);
      const svc = current.service;
      const scheduling = svc.schedulingStrategy ?? 'REPLICA';
      if (input.deploymentController) checkController(input.deploymentController, scheduling);
      const controller = controllerOf(svc);
      if (input.deploymentController && input.deploymentController.type !== controller) {
        throw ecsError.invalidParameter(
          `Unable to change the deployment controller of a service from ${controller} to ${input.deploymentController.type}.`,
        );
      }
      checkCapacityProviders(undefined, input.capacityProviderStrategy);
      checkDesiredCount(input.desiredCount, scheduling);
      checkGracePeriod(input.healthCheckGracePeriodSeconds);
      checkDaemon(scheduling, svc.launchType, input.placementStrategy);
      const named = input.taskDefinition ? requireRunnableTaskDefinition(ecs.model, scope, input.taskDefinition) : undefined;
      // Under CODE_DEPLOY and EXTERNAL the task sets carry the task definition; the service only scales them.
      const taskSets = controller !== 'ECS';
      const definition = named ?? (svc.taskDefinition ? ecs.model.taskDefinitions.get(svc.taskDefinition) : undefined);
      if (!definition && !taskSets) throw ecsError.taskDefinitionNotFound();
      const config = deploymentConfiguration(input.deploymentConfiguration, scheduling, svc.deploymentConfiguration);
      checkController(svc.deploymentController, scheduling, config);
      const network =
        input.networkConfiguration && definition
          ? networkConfiguration(input.networkConfiguration, definition)
          : (input.networkConfiguration ?? svc.networkConfiguration);
      checkTaskSetServiceUpdate(input, svc, named?.taskDefinition.taskDefinitionArn, network);
      const loadBalancers = input.loadBalancers ?? svc.loadBalancers ?? [];
      const platformVersion = svc.launchType === 'FARGATE' ? (input.platformVersion ?? svc.platformVersion) : svc.platformVersion;
      if (definition) {
        checkLaunchable({ definition, launchType: svc.launchType, networkConfiguration: network });
        checkLoadBalancers(loadBalancers, definition);
      }
      checkBlueGreenLoadBalancers(config, loadBalancers);

      const taskDefinition = definition?.taskDefinition.taskDefinitionArn ?? svc.taskDefinition;
      const deploy =
        taskDefinition !== undefined &&
        !taskSets &&
        (input.forceNewDeployment === true ||
          taskDefinition !== svc.taskDefinition ||
          !sameValue(network, svc.networkConfiguration) ||
          !sameValue(loadBalancers, svc.loadBalancers ?? []) ||
          platformVersion !== svc.platformVersion);
      const now = ecs.clock.now();
      const updated = ecs.model.updateService(svc.serviceArn, (r) => {
        const s = r.service;
        if (s.status !== 'ACTIVE') throw ecsError.serviceNotActive();
        if (input.desiredCount !== undefined) s.desiredCount = input.desiredCount;
        s.taskDefinition = taskDefinition;
        s.deploymentConfiguration = config;
        s.networkConfiguration = network;
        s.loadBalancers = loadBalancers;
        s.platformVersion = platformVersion;
        if (input.placementConstraints) s.placementConstraints = input.placementConstraints;
        if (input.placementStrategy) s.placementStrategy = input.placementStrategy;
        if (input.healthCheckGracePeriodSeconds !== undefined) s.healthCheckGracePeriodSeconds = input.healthCheckGracePeriodSeconds;
        if (input.enableExecuteCommand !== undefined) s.enableExecuteCommand = input.enableExecuteCommand;
        if (input.enableECSManagedTags !== undefined) s.enableECSManagedTags = input.enableECSManagedTags;
        if (input.propagateTags !== undefined) s.propagateTags = input.propagateTags;
        if (input.serviceRegistries) s.serviceRegistries = input.serviceRegistries;
        if (!deploy || !taskDefinition) return;
        if (isBlueGreen(r) && activeServiceDeployment(r)) {
          throw ecsError.invalidParameter(
            'A blue/green service deployment of this service is in progress; wait for it to finish or stop it with StopServiceDeployment.',
          );
        }
        const previous = r.deployments[0];
        for (const d of r.deployments) d.status = 'ACTIVE';
        const fresh = newDeployment(
          {
            taskDefinition,
            desiredCount: s.desiredCount ?? 0,
            launchType: s.launchType,
            platformVersion,
            networkConfiguration: network,
          },
          now,
        );
        r.deployments.unshift(fresh);
        if (isBlueGreen(r) && previous) beginBlueGreen(r, fresh, previous, now);
        else beginRolling(r, fresh, previous, now);
      });
      if (!updated) throw ecsError.serviceNotFound();
      ecs.enqueueService(svc.serviceArn);
      return { service: describeService(ecs, updated, true) };
    },

    DeleteService(input, ctx) {
      const scope = scopeOf(ctx);
      const cluster = requireCluster(ecs, scope, input.cluster);
      const current = requireService(ecs.model, scope, cluster, input.service);
      if (current.service.status === 'INACTIVE') throw ecsError.serviceNotActive();
      const scaled = current.service.schedulingStrategy !== 'DAEMON' && (current.service.desiredCount ?? 0) > 0;
      if (scaled && !input.force) throw ecsError.invalidParameter('The service cannot be stopped while it is scaled above 0.');
      const updated = ecs.model.updateService(current.service.serviceArn, (r) => {
        r.service.status = 'DRAINING';
        r.service.desiredCount = 0;
      });
      if (!updated) throw ecsError.serviceNotFound();
      ecs.enqueueService(current.service.serviceArn);
      return { service: describeService(ecs, updated, true) };
    },

    DescribeServices(input, ctx) {
      const scope = scopeOf(ctx);
      if (input.services.length > MAX_DESCRIBE) {
        throw ecsError.invalidParameter(`At most ${MAX_DESCRIBE} services can be described at once (got ${input.services.length}).`);
      }
      const cluster = requireCluster(ecs, scope, input.cluster);
      const withTags = input.include?.includes('TAGS') ?? false;
      const services: Service[] = [];
      const failures: Failure[] = [];
      for (const name of input.services) {
        const record = findService(ecs.model, scope, cluster, name);
        if (!record || forgotten(ecs, record)) failures.push({ arn: serviceArnFor(scope, cluster, name), reason: 'MISSING' });
        else services.push(describeService(ecs, record, withTags));
      }
      return { services, failures };
    },

    ListServices(input, ctx) {
      const scope = scopeOf(ctx);
      const cluster = requireCluster(ecs, scope, input.cluster);
      const arns = ecs.model.services
        .find({ cluster: cluster.clusterArn })
        .map((r) => r.service)
        .filter((s) => s.status !== 'INACTIVE')
        .filter((s) => !input.launchType || s.launchType === input.launchType)
        .filter((s) => !input.schedulingStrategy || (s.schedulingStrategy ?? 'REPLICA') === input.schedulingStrategy)
        .map((s) => s.serviceArn);
      const page = listPage(arns, input, 'services', 10);
      return { serviceArns: page.items, nextToken: page.next };
    },
  };
}

/** The service as DescribeServices shows it: counts read live from its tasks, tags only when asked. */
export function describeService(ecs: EcsContext, record: ServiceRecord, withTags: boolean): Service {
  const tasks = ecs.model.tasks.find({ service: record.service.serviceArn });
  const live = liveDeployments(record, tasks);
  // A service with task sets (CODE_DEPLOY, EXTERNAL) has no deployments: its counts are its sets' tasks.
  const counts = record.taskSets ? liveCounts(tasks) : live;
  // The members a stored service lacks are made before it is copied in: added to a copy of the
  // parsed record, each took V8's slow path (about 1.7 µs apiece). Those left undefined are not sent.
  const service: Service = { deployments: undefined, events: undefined, taskSets: undefined, ...record.service };
  service.runningCount = counts.running;
  service.pendingCount = counts.pending;
  service.deployments = live.deployments;
  service.events = record.events;
  service.tags = withTags ? (record.service.tags ?? []) : undefined;
  if (record.taskSets) service.taskSets = record.taskSets.map((set) => liveTaskSet(ecs, record, set, withTags, tasks));
  return service;
}

/** An INACTIVE service is describable for an hour (scaled), then gone. */
function forgotten(ecs: EcsContext, record: ServiceRecord): boolean {
  const since = record.scheduler?.inactiveAt;
  return record.service.status === 'INACTIVE' && since !== undefined && ecs.clock.elapsed(since, INACTIVE_RETENTION_MS);
}

function roleArn(scope: Scope, role: string | undefined): string {
  if (role?.startsWith('arn:')) return role;
  return `arn:aws:iam::${scope.account}:${role ? `role/${role}` : SERVICE_LINKED_ROLE}`;
}
