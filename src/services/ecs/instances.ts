/**
 * @module services/ecs/instances
 * Container instances: each cluster has the local Docker Engine as one container instance. What it
 * offers comes from the engine (or the configured, lower, limits); what remains is what offers
 * minus what its unstopped tasks reserve.
 */
import { createHash } from 'node:crypto';
import { ecsArn, hexId, type Scope } from '../../core/ids.ts';
import type { EcsContext } from './context.ts';
import type { ContainerInstanceRecord, StoredInstance, TaskRecord } from './model.ts';
import type { Resource, Task, TaskDefinition } from './shapes.ts';
import { containerReservation } from './task-size.ts';

/** Ports the ECS agent reserves on every instance. */
export const RESERVED_PORTS = [22, 2375, 2376, 51678, 51679];

export interface Capacity {
  cpu: number;
  memoryMiB: number;
}

export interface Usage extends Capacity {
  tcpPorts: Set<number>;
  udpPorts: Set<number>;
  running: number;
  pending: number;
}

export function offeredCapacity(ecs: EcsContext): Capacity {
  return {
    cpu: ecs.config.instanceCpu ?? ecs.engine.cpus * 1024,
    memoryMiB: ecs.config.instanceMemoryMiB ?? Math.floor(ecs.engine.memoryBytes / 1024 / 1024),
  };
}

export function newContainerInstance(ecs: EcsContext, scope: Scope, clusterArn: string, clusterName: string): ContainerInstanceRecord {
  const capacity = offeredCapacity(ecs);
  const ec2Id = `i-${createHash('sha256').update(`${ecs.engine.id}/${clusterArn}`).digest('hex').slice(0, 17)}`;
  const instance: StoredInstance = {
    containerInstanceArn: ecsArn.containerInstance(scope, clusterName, hexId()),
    ec2InstanceId: ec2Id,
    version: 1,
    versionInfo: { agentVersion: 'slipway', agentHash: 'slipway', dockerVersion: `DockerVersion: ${ecs.engine.version}` },
    registeredResources: resources(capacity, new Set(RESERVED_PORTS), new Set()),
    status: 'ACTIVE',
    agentConnected: true,
    attributes: [
      { name: 'ecs.os-type', value: ecs.engine.os },
      { name: 'ecs.cpu-architecture', value: ecs.engine.arch === 'aarch64' ? 'arm64' : 'x86_64' },
      { name: 'ecs.availability-zone', value: `${scope.region}a` },
      { name: 'ecs.instance-type', value: 'slipway.local' },
      { name: 'slipway.engine-id', value: ecs.engine.id },
    ],
    registeredAt: ecs.clock.now(),
    tags: [],
  };
  return { instance, clusterArn };
}

export function usageOf(tasks: TaskRecord[]): Usage {
  const usage: Usage = { cpu: 0, memoryMiB: 0, tcpPorts: new Set(RESERVED_PORTS), udpPorts: new Set(), running: 0, pending: 0 };
  for (const record of tasks) {
    if (record.task.lastStatus === 'STOPPED') continue;
    const reservation = taskReservation(record);
    usage.cpu += reservation.cpu;
    usage.memoryMiB += reservation.memoryMiB;
    for (const p of reservation.ports) (p.protocol === 'udp' ? usage.udpPorts : usage.tcpPorts).add(p.port);
    if (record.task.lastStatus === 'RUNNING') usage.running++;
    else usage.pending++;
  }
  return usage;
}

/** What a task holds on its instance: task-level size when given, else its containers', plus static host ports. */
export function taskReservation(record: Pick<TaskRecord, 'containers' | 'networkMode'> & { task: Pick<Task, 'cpu' | 'memory'> }) {
  return containerReservation({
    containerDefinitions: record.containers,
    networkMode: record.networkMode,
    cpu: record.task.cpu,
    memory: record.task.memory,
  } as TaskDefinition);
}

function resources(capacity: Capacity, tcp: Set<number>, udp: Set<number>): Resource[] {
  return [
    { name: 'CPU', type: 'INTEGER', integerValue: capacity.cpu, longValue: 0, doubleValue: 0 },
    { name: 'MEMORY', type: 'INTEGER', integerValue: capacity.memoryMiB, longValue: 0, doubleValue: 0 },
    {
      name: 'PORTS',
      type: 'STRINGSET',
      stringSetValue: [...tcp].sort((a, b) => a - b).map(String),
      longValue: 0,
      doubleValue: 0,
      integerValue: 0,
    },
    {
      name: 'PORTS_UDP',
      type: 'STRINGSET',
      stringSetValue: [...udp].sort((a, b) => a - b).map(String),
      longValue: 0,
      doubleValue: 0,
      integerValue: 0,
    },
  ];
}

/** The container instance as DescribeContainerInstances shows it, with live counts. */
export function describeInstance(ecs: EcsContext, record: ContainerInstanceRecord): StoredInstance {
  const offered = offeredCapacity(ecs);
  const tasks = ecs.model.tasks.find({ instance: record.instance.containerInstanceArn });
  const usage = usageOf(tasks);
  return {
    ...record.instance,
    registeredResources: resources(offered, new Set(RESERVED_PORTS), new Set()),
    remainingResources: resources(
      { cpu: offered.cpu - usage.cpu, memoryMiB: offered.memoryMiB - usage.memoryMiB },
      usage.tcpPorts,
      usage.udpPorts,
    ),
    runningTasksCount: usage.running,
    pendingTasksCount: usage.pending,
  };
}
