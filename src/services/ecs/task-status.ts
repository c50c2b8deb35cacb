/**
 * @module services/ecs/task-status
 * Reads what the engine says about a task's containers into ECS's container and task status:
 * lastStatus, exit codes and reasons, network bindings, container and task health.
 */
import type { ContainerState } from '../../runtime/types.ts';
import type { TaskRecord } from './model.ts';
import type { Container, HealthStatus, NetworkBinding } from './shapes.ts';

export interface Observed {
  containers: Map<string, ContainerState | undefined>;
  pause?: ContainerState;
}

export interface StatusReading {
  /** Every container has been started at least once. */
  allStarted: boolean;
  /** An essential container has exited (or vanished) after starting. */
  exitedEssential: boolean;
  /** Writes the reading into a task record. */
  apply(record: TaskRecord, now: number): void;
}

function started(state: ContainerState | undefined): boolean {
  return !!state && (state.running || !!state.startedAt);
}

export function observedStatus(record: TaskRecord, observed: Observed): StatusReading {
  let allStarted = true;
  let exitedEssential = false;
  for (const def of record.containers) {
    const state = observed.containers.get(def.name);
    const wasStarted = !!record.runtimeIds[def.name] && record.task.containers?.find((c) => c.name === def.name)?.lastStatus !== 'PENDING';
    if (!started(state)) allStarted = false;
    const essential = def.essential !== false;
    if (essential && ((state && started(state) && !state.running) || (!state && wasStarted))) exitedEssential = true;
  }
  return {
    allStarted,
    exitedEssential,
    apply(r, now) {
      const ip = observed.pause?.ipAddress;
      for (const c of r.task.containers ?? []) {
        // Every container a task shows is one of its definitions, made by name when the task was.
        const def = r.containers.find((d) => d.name === c.name);
        if (!def) continue;
        applyContainer(
          r,
          c,
          observed.containers.get(def.name),
          !!def.healthCheck?.command?.length && def.healthCheck.command[0] !== 'NONE',
          ip,
        );
      }
      r.task.healthStatus = taskHealth(r);
      if (r.networkMode === 'awsvpc' && ip && !r.task.attachments?.length) r.task.attachments = [eniAttachment(r, ip)];
      if (allStarted) r.task.pullStoppedAt ??= now;
    },
  };
}

function applyContainer(
  r: TaskRecord,
  c: Container,
  state: ContainerState | undefined,
  hasHealthCheck: boolean,
  ip: string | undefined,
): void {
  if (!state) {
    if (c.lastStatus === 'RUNNING') {
      c.lastStatus = 'STOPPED';
      c.reason ??= 'The container was removed from the engine outside Slipway';
    }
    return;
  }
  c.runtimeId = state.id;
  c.imageDigest = state.imageId;
  if (state.running) c.lastStatus = 'RUNNING';
  else if (state.startedAt) {
    c.lastStatus = 'STOPPED';
    c.exitCode = state.exitCode;
    if (state.oomKilled) c.reason = 'OutOfMemoryError: Container killed due to memory usage';
    else if (state.error) c.reason ??= state.error;
  }
  c.healthStatus = hasHealthCheck ? health(state) : 'UNKNOWN';
  if (r.networkMode === 'bridge' && state.running) {
    c.networkBindings = state.ports.map(
      (p): NetworkBinding => ({
        bindIP: p.hostIp || '0.0.0.0',
        containerPort: p.containerPort,
        hostPort: p.hostPort,
        protocol: p.protocol,
      }),
    );
  } else if (r.networkMode === 'host') {
    const def = r.containers.find((d) => d.name === c.name);
    c.networkBindings = (def?.portMappings ?? []).map((p) => ({
      bindIP: '0.0.0.0',
      containerPort: p.containerPort,
      hostPort: p.containerPort,
      protocol: p.protocol ?? 'tcp',
    }));
  } else if (r.networkMode === 'awsvpc' && ip) {
    c.networkInterfaces = [{ attachmentId: r.task.attachments?.[0]?.id, privateIpv4Address: ip }];
  }
}

function health(state: ContainerState): HealthStatus {
  if (state.health === 'healthy') return 'HEALTHY';
  if (state.health === 'unhealthy') return 'UNHEALTHY';
  return 'UNKNOWN';
}

/** HEALTHY only if every essential container with a health check is; UNHEALTHY if any is. */
function taskHealth(r: TaskRecord): HealthStatus {
  const checked = (r.task.containers ?? []).filter((c) => {
    const def = r.containers.find((d) => d.name === c.name);
    return def !== undefined && def.essential !== false && def.healthCheck?.command?.length && def.healthCheck.command[0] !== 'NONE';
  });
  if (checked.length === 0) return 'UNKNOWN';
  if (checked.some((c) => c.healthStatus === 'UNHEALTHY')) return 'UNHEALTHY';
  if (checked.every((c) => c.healthStatus === 'HEALTHY')) return 'HEALTHY';
  return 'UNKNOWN';
}

function eniAttachment(r: TaskRecord, ip: string) {
  const id = r.task.taskArn.slice(-32);
  const eni = `eni-${id.slice(0, 17)}`;
  return {
    id: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`,
    type: 'ElasticNetworkInterface',
    status: 'ATTACHED',
    details: [
      { name: 'subnetId', value: 'subnet-slipway' },
      { name: 'networkInterfaceId', value: eni },
      { name: 'privateIPv4Address', value: ip },
      { name: 'privateDnsName', value: `ip-${ip.replaceAll('.', '-')}.ec2.internal` },
    ],
  };
}
