/**
 * @module services/ecs/tasks
 * Starting and stopping tasks as intent: `launchTasks` places tasks and records them (RunTask and
 * the service scheduler both use it); `requestStop` records that a task should stop. The task
 * controller then makes Docker match.
 */
import { ecsArn, hexId, type Scope } from '../../core/ids.ts';
import type { EcsContext } from './context.ts';
import { ecsError } from './errors.ts';
import { offeredCapacity, taskReservation, usageOf } from './instances.ts';
import type { StoredCluster, StoredTask, TaskDefinitionRecord, TaskRecord } from './model.ts';
import { place, type Candidate } from './placement.ts';
import type {
  Container,
  Failure,
  LaunchType,
  NetworkConfiguration,
  PlacementConstraint,
  PlacementStrategy,
  Tag,
  TaskOverride,
  TaskStopCode,
} from './shapes.ts';
import { applyOverrides, validateContainerOverrides } from './taskdefs.ts';

export interface LaunchRequest {
  scope: Scope;
  cluster: StoredCluster;
  definition: TaskDefinitionRecord;
  count: number;
  launchType?: LaunchType;
  overrides?: TaskOverride;
  startedBy?: string;
  group?: string;
  tags?: Tag[];
  networkConfiguration?: NetworkConfiguration;
  placementStrategy?: PlacementStrategy[];
  placementConstraints?: PlacementConstraint[];
  enableExecuteCommand?: boolean;
  serviceArn?: string;
  deploymentId?: string;
  taskSetArn?: string;
}

/** Checks that apply before anything is placed; throws ECS's errors. */
export function checkLaunchable(req: Pick<LaunchRequest, 'definition' | 'launchType' | 'networkConfiguration' | 'overrides'>): void {
  const td = req.definition.taskDefinition;
  const launchType = req.launchType ?? 'EC2';
  if (launchType === 'EXTERNAL' || launchType === 'MANAGED_INSTANCES') {
    throw ecsError.invalidParameter(`Slipway runs tasks with launch type EC2 or FARGATE; ${launchType} is not available.`);
  }
  if (!td.compatibilities?.includes(launchType)) {
    throw ecsError.invalidParameter(`Task definition does not support launch_type ${launchType}.`);
  }
  if ((td.networkMode ?? 'bridge') === 'awsvpc' && !req.networkConfiguration?.awsvpcConfiguration?.subnets?.length) {
    throw ecsError.invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  }
  if (req.overrides) validateContainerOverrides(td, req.overrides);
}

/** Places and records `count` tasks; what cannot be placed comes back in `failures`, as ECS does. */
export function launchTasks(ecs: EcsContext, req: LaunchRequest): { tasks: StoredTask[]; failures: Failure[] } {
  checkLaunchable(req);
  const td = req.definition.taskDefinition;
  const launchType = req.launchType ?? 'EC2';
  const containers = applyOverrides(td, req.overrides);
  const networkMode = (td.networkMode ?? 'bridge') as TaskRecord['networkMode'];
  const cpu = req.overrides?.cpu ?? td.cpu;
  const memory = req.overrides?.memory ?? td.memory;
  const group = req.group ?? `family:${td.family}`;
  const clusterName = req.cluster.clusterName;
  const tasks: StoredTask[] = [];
  const failures: Failure[] = [];

  ecs.model.tx(() => {
    for (let i = 0; i < req.count; i++) {
      let instanceArn: string | undefined;
      if (launchType === 'EC2') {
        const candidates = candidatesIn(ecs, req.cluster.clusterArn);
        if (candidates.length === 0) throw ecsError.invalidParameter('No Container Instances were found in your cluster.');
        const need = taskReservation({ containers, networkMode, task: { cpu, memory } });
        const placed = place(candidates, need, group, req.placementStrategy, req.placementConstraints);
        if ('failures' in placed) {
          // Nothing changed since: the tasks left would not fit either, so one account of why is enough.
          failures.push(...placed.failures);
          break;
        }
        instanceArn = placed.arn;
      }
      const id = hexId();
      const taskArn = ecsArn.task(req.scope, clusterName, id);
      const now = ecs.clock.now();
      const task: StoredTask = {
        taskArn,
        clusterArn: req.cluster.clusterArn,
        taskDefinitionArn: td.taskDefinitionArn,
        containerInstanceArn: instanceArn,
        overrides: { containerOverrides: [], inferenceAcceleratorOverrides: [], ...req.overrides },
        lastStatus: networkMode === 'awsvpc' ? 'PROVISIONING' : 'PENDING',
        desiredStatus: 'RUNNING',
        cpu,
        memory,
        containers: containers.map(
          (c): Container => ({
            containerArn: ecsArn.container(req.scope, clusterName, id),
            taskArn,
            name: c.name,
            image: c.image,
            lastStatus: 'PENDING',
            networkBindings: [],
            networkInterfaces: [],
            healthStatus: 'UNKNOWN',
            cpu: String(c.cpu ?? 0),
            memory: c.memory !== undefined ? String(c.memory) : undefined,
            memoryReservation: c.memoryReservation !== undefined ? String(c.memoryReservation) : undefined,
          }),
        ),
        startedBy: req.startedBy,
        group,
        version: 1,
        createdAt: now,
        launchType,
        platformVersion: launchType === 'FARGATE' ? '1.4.0' : undefined,
        platformFamily: launchType === 'FARGATE' ? 'Linux' : undefined,
        availabilityZone: `${req.scope.region}a`,
        attachments: [],
        attributes: [{ name: 'ecs.cpu-architecture', value: ecs.engine.arch === 'aarch64' ? 'arm64' : 'x86_64' }],
        healthStatus: 'UNKNOWN',
        connectivity: 'CONNECTED',
        connectivityAt: now,
        enableExecuteCommand: req.enableExecuteCommand ?? false,
        tags: req.tags ?? [],
        ephemeralStorage: launchType === 'FARGATE' ? { sizeInGiB: 20 } : undefined,
      };
      ecs.model.putTask({
        task,
        containers,
        networkMode,
        runtimeIds: {},
        serviceArn: req.serviceArn,
        deploymentId: req.deploymentId,
        taskSetArn: req.taskSetArn,
      });
      tasks.push(task);
    }
  });
  for (const t of tasks) ecs.enqueueTask(t.taskArn);
  return { tasks, failures };
}

/** Records that a task should stop; the controller does the stopping. Stopping twice is harmless. */
export function requestStop(ecs: EcsContext, taskArn: string, stopCode: TaskStopCode, reason: string): TaskRecord | undefined {
  const record = ecs.model.updateTask(taskArn, (r) => {
    if (r.task.desiredStatus === 'STOPPED') return;
    r.task.desiredStatus = 'STOPPED';
    r.task.stopCode = stopCode;
    r.task.stoppedReason = reason;
    r.task.stoppingAt = ecs.clock.now();
  });
  if (record) ecs.enqueueTask(taskArn);
  return record;
}

/** The cluster's container instances with what their unstopped tasks use. */
export function candidatesIn(ecs: EcsContext, clusterArn: string): Candidate[] {
  const offered = offeredCapacity(ecs);
  return ecs.model.instances
    .find({ cluster: clusterArn })
    .filter((r) => r.instance.status === 'ACTIVE')
    .map((r) => {
      const arn = r.instance.containerInstanceArn;
      const tasks = ecs.model.tasks.find({ instance: arn }).filter((t) => t.task.lastStatus !== 'STOPPED');
      const usage = usageOf(tasks);
      return {
        arn,
        offered,
        used: usage,
        attributes: Object.fromEntries((r.instance.attributes ?? []).map((a) => [a.name, a.value ?? ''])),
        groups: tasks.map((t) => t.task.group ?? ''),
      };
    });
}
