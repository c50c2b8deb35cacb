/**
 * @module services/ecs/container-spec
 * How an ECS container definition becomes an engine container, as the ECS agent does it. Names and
 * labels derive from the task ARN, so a restarted Slipway finds what it created before.
 */
import type { Clock } from '../../core/clock.ts';
import type { ContainerSpec } from '../../runtime/types.ts';
import type { StoredContainer, TaskRecord } from './model.ts';
import { parseTaskSize } from './task-size.ts';

export const LABEL = {
  managed: 'slipway.managed',
  taskArn: 'slipway.task-arn',
  containerName: 'slipway.container-name',
  cluster: 'slipway.cluster',
  taskSet: 'slipway.task-set',
} as const;

const MIB = 1024 * 1024;

export function taskIdOf(taskArn: string): string {
  return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

export function engineName(record: TaskRecord, containerName: string): string {
  return `slipway-${containerName}-${taskIdOf(record.task.taskArn)}`;
}

export function pauseName(record: TaskRecord): string {
  return `slipway-netns-${taskIdOf(record.task.taskArn)}`;
}

export function taskLabels(record: TaskRecord, containerName: string): Record<string, string> {
  const td = record.task.taskDefinitionArn;
  const familyRevision = td.slice(td.indexOf('task-definition/') + 'task-definition/'.length);
  return {
    [LABEL.managed]: 'true',
    [LABEL.taskArn]: record.task.taskArn,
    [LABEL.containerName]: containerName,
    [LABEL.cluster]: record.task.clusterArn,
    ...(record.taskSetArn ? { [LABEL.taskSet]: record.taskSetArn } : {}),
    'com.amazonaws.ecs.task-arn': record.task.taskArn,
    'com.amazonaws.ecs.container-name': containerName,
    'com.amazonaws.ecs.cluster': record.task.clusterArn.slice(record.task.clusterArn.lastIndexOf('/') + 1),
    'com.amazonaws.ecs.task-definition-family': familyRevision.slice(0, familyRevision.lastIndexOf(':')),
    'com.amazonaws.ecs.task-definition-version': familyRevision.slice(familyRevision.lastIndexOf(':') + 1),
  };
}

/** The engine container for `def`, with `env` as assembled when the task starts (task-environment.ts). */
export function containerSpec(
  record: TaskRecord,
  def: StoredContainer,
  clock: Clock,
  env: Record<string, string>,
  pauseId?: string,
): ContainerSpec {
  const mode = record.networkMode;
  const taskMemory = parseTaskSize(undefined, record.task.memory).memory;
  const hc = def.healthCheck;
  return {
    name: engineName(record, def.name),
    image: def.image,
    labels: { ...def.dockerLabels, ...taskLabels(record, def.name) },
    command: def.command?.length ? def.command : undefined,
    entryPoint: def.entryPoint?.length ? def.entryPoint : undefined,
    env,
    workingDir: def.workingDirectory,
    user: def.user,
    hostname: mode === 'bridge' ? def.hostname : undefined,
    // Fargate-style definitions size only the task: its memory is every container's ceiling.
    memoryBytes: def.memory ? def.memory * MIB : taskMemory ? taskMemory * MIB : undefined,
    memoryReservationBytes: def.memoryReservation ? def.memoryReservation * MIB : undefined,
    cpuShares: def.cpu && def.cpu >= 2 ? def.cpu : undefined,
    ports:
      mode === 'bridge'
        ? // A mapping of a containerPortRange alone publishes no single port.
          (def.portMappings ?? []).flatMap((p) =>
            p.containerPort === undefined
              ? []
              : [{ containerPort: p.containerPort, hostPort: p.hostPort || undefined, protocol: p.protocol ?? 'tcp' }],
          )
        : undefined,
    network: mode === 'awsvpc' && pauseId ? { mode: 'container', containerId: pauseId } : { mode: mode === 'awsvpc' ? 'bridge' : mode },
    links: mode === 'bridge' ? (def.links ?? []).map((link) => linkTarget(record, link)) : undefined,
    extraHosts: def.extraHosts?.map((h) => `${h.hostname}:${h.ipAddress}`),
    dns: def.dnsServers,
    healthCheck:
      hc?.command?.length && hc.command[0] !== 'NONE'
        ? {
            test: hc.command,
            intervalMs: clock.duration((hc.interval ?? 30) * 1000),
            timeoutMs: clock.duration((hc.timeout ?? 5) * 1000),
            retries: hc.retries ?? 3,
            startPeriodMs: clock.duration((hc.startPeriod ?? 0) * 1000),
          }
        : undefined,
    stopTimeoutSec: stopTimeoutSec(def, clock),
    privileged: def.privileged,
    readonlyRootfs: def.readonlyRootFilesystem,
    ulimits: def.ulimits?.map((u) => ({ name: u.name, soft: u.softLimit, hard: u.hardLimit })),
    init: def.linuxParameters?.initProcessEnabled,
  };
}

/** "app" or "app:alias" naming a container of the same task → "<engine name>:<alias>". */
function linkTarget(record: TaskRecord, link: string): string {
  const [name, alias] = link.split(':');
  return `${engineName(record, name)}:${alias ?? name}`;
}

export function stopTimeoutSec(def: StoredContainer, clock: Clock): number {
  return Math.max(1, Math.ceil(clock.duration((def.stopTimeout ?? 30) * 1000) / 1000));
}

/** Containers in start order: each after the containers it depends on or links to. */
export function startOrder(defs: StoredContainer[]): StoredContainer[] {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const done = new Set<string>();
  const out: StoredContainer[] = [];
  const visit = (d: StoredContainer, path: Set<string>) => {
    if (done.has(d.name) || path.has(d.name)) return;
    path.add(d.name);
    const deps = [...(d.dependsOn ?? []).map((x) => x.containerName), ...(d.links ?? []).map((l) => l.split(':')[0])];
    for (const dep of deps) {
      const target = byName.get(dep);
      if (target) visit(target, path);
    }
    done.add(d.name);
    out.push(d);
  };
  for (const d of defs) visit(d, new Set());
  return out;
}
