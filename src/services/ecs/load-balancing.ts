/**
 * @module services/ecs/load-balancing
 * Service tasks behind load balancers, through the ELB room's facade only:
 *
 *   RUNNING        → register the task's targets in each of the service's target groups
 *                    (bridge/host: this machine's container instance and the mapped host port,
 *                    target type instance; awsvpc: the task's own address and the container
 *                    port, target type ip)
 *   DEACTIVATING   → deregister them and hold the task there until they have drained
 *                    (deregistration delay), so no request reaches a container being stopped
 *
 * and, for the scheduler, how the targets of a task are doing (healthy, unhealthy, pending).
 */
import { shortName } from '../../core/ids.ts';
import type { TargetRef } from '../elb/index.ts';
import { activeServiceDeployment } from './blue-green.ts';
import type { EcsContext } from './context.ts';
import type { ServiceRecord, TaskRecord } from './model.ts';
import { addEvent, eventSubject } from './service-events.ts';
import type { LoadBalancer } from './shapes.ts';

export interface TaskTarget extends TargetRef {
  targetGroupArn: string;
}

/** Who a task's target events speak of: its service, or its task set. */
function subjectOf(record: TaskRecord): string {
  return eventSubject(shortName(record.serviceArn ?? ''), record.taskSetArn);
}

/** The load balancers a service task is behind: its task set's, a blue/green deployment's green ones, or else its service's. */
export function balancersOf(record: TaskRecord, service: ServiceRecord | undefined): LoadBalancer[] {
  const blueGreen = service ? activeServiceDeployment(service) : undefined;
  if (blueGreen && record.deploymentId === blueGreen.greenDeploymentId) return blueGreen.greenLoadBalancers;
  if (!record.taskSetArn) return service?.service.loadBalancers ?? [];
  return service?.taskSets?.find((s) => s.taskSetArn === record.taskSetArn)?.loadBalancers ?? [];
}

/** The target groups of the task's service (or task set) and the task's target in each (undefined until its ports are known). */
export function targetsOfTask(ecs: EcsContext, record: TaskRecord): TaskTarget[] | undefined {
  if (!record.serviceArn) return [];
  const service = ecs.model.services.get(record.serviceArn);
  // CreateService, UpdateService and CreateTaskSet refuse a load balancer without a container port; a classic one has no target group.
  const balancers = balancersOf(record, service).flatMap(({ targetGroupArn, containerName, containerPort }) =>
    targetGroupArn && containerPort !== undefined ? [{ targetGroupArn, containerName, containerPort }] : [],
  );
  const out: TaskTarget[] = [];
  for (const lb of balancers) {
    const container = record.task.containers?.find((c) => c.name === lb.containerName);
    let target: TargetRef | undefined;
    if (record.networkMode === 'awsvpc') {
      const ip = container?.networkInterfaces?.[0]?.privateIpv4Address;
      if (ip) target = { id: ip, port: lb.containerPort };
    } else {
      const binding = container?.networkBindings?.find((b) => b.containerPort === lb.containerPort && (b.protocol ?? 'tcp') === 'tcp');
      const instance = record.task.containerInstanceArn
        ? ecs.model.instances.get(record.task.containerInstanceArn)?.instance.ec2InstanceId
        : undefined;
      if (binding?.hostPort)
        target = {
          id: ecs.elb.targetGroupInfo(lb.targetGroupArn)?.targetType === 'ip' ? '127.0.0.1' : (instance ?? 'i-00000000000000000'),
          port: binding.hostPort,
        };
    }
    if (!target) return undefined;
    out.push({ targetGroupArn: lb.targetGroupArn, ...target });
  }
  return out;
}

/** Registers a RUNNING service task's targets once; says so in the service's events. */
export function registerTaskTargets(ecs: EcsContext, record: TaskRecord): void {
  if (record.targets || !record.serviceArn || record.task.desiredStatus !== 'RUNNING') return;
  const targets = targetsOfTask(ecs, record);
  if (!targets?.length) return;
  for (const t of targets) {
    try {
      ecs.elb.registerTargets(t.targetGroupArn, [t]);
    } catch (err) {
      serviceEvent(
        ecs,
        record.serviceArn,
        `(service ${subjectOf(record)}) failed to register targets in (target-group ${t.targetGroupArn}): ${(err as Error).message}`,
      );
      return;
    }
  }
  ecs.model.updateTask(record.task.taskArn, (r) => (r.targets = targets));
  for (const tg of new Set(targets.map((t) => t.targetGroupArn))) {
    serviceEvent(
      ecs,
      record.serviceArn,
      `(service ${subjectOf(record)}) registered ${targets.filter((t) => t.targetGroupArn === tg).length} targets in (target-group ${tg})`,
    );
  }
}

/**
 * Deregisters a stopping task's targets (once) and tells whether they are still draining. A task
 * whose containers have all exited has nothing left to drain and does not wait.
 */
export function drainTaskTargets(ecs: EcsContext, record: TaskRecord, anyRunning: boolean): boolean {
  const targets = record.targets ?? [];
  if (targets.length === 0) return false;
  if (!record.targetsDeregistered) {
    for (const t of targets) ecs.elb.deregisterTargets(t.targetGroupArn, [t]);
    ecs.model.updateTask(record.task.taskArn, (r) => (r.targetsDeregistered = true));
    if (record.serviceArn) {
      serviceEvent(ecs, record.serviceArn, `(service ${subjectOf(record)}) has begun draining connections on 1 tasks.`);
      for (const tg of new Set(targets.map((t) => t.targetGroupArn))) {
        serviceEvent(
          ecs,
          record.serviceArn,
          `(service ${subjectOf(record)}) deregistered ${targets.filter((t) => t.targetGroupArn === tg).length} targets in (target-group ${tg})`,
        );
      }
    }
  }
  return anyRunning && targets.some((t) => ecs.elb.targetState(t.targetGroupArn, t)?.state === 'draining');
}

export type TargetsHealth = { state: 'healthy' | 'pending' } | { state: 'unhealthy'; targetGroupArn: string; port: number; reason: string };

/** How a service task's targets are doing; undefined when its service (or task set) has no load balancer. */
export function targetsHealth(
  ecs: EcsContext,
  record: TaskRecord,
  service = record.serviceArn ? ecs.model.services.get(record.serviceArn) : undefined,
): TargetsHealth | undefined {
  if (!balancersOf(record, service).some((lb) => lb.targetGroupArn)) return undefined;
  const targets = record.targets;
  if (!targets?.length) return { state: 'pending' };
  let healthy = true;
  for (const t of targets) {
    const s = ecs.elb.targetState(t.targetGroupArn, t);
    if (s?.state === 'unhealthy')
      return { state: 'unhealthy', targetGroupArn: t.targetGroupArn, port: t.port, reason: s.description ?? 'Health checks failed' };
    if (s?.state !== 'healthy') healthy = false;
  }
  return { state: healthy ? 'healthy' : 'pending' };
}

function serviceEvent(ecs: EcsContext, serviceArn: string, message: string): void {
  const now = ecs.clock.now();
  let added = false;
  ecs.model.updateService(serviceArn, (s) => (added = addEvent(s, message, now)));
  if (added) ecs.events.publish({ type: 'ecs.service', resource: serviceArn, at: now, detail: { message } });
}

/** A target's health changed in `targetGroupArn`: wake the services using it and their stopping tasks. */
export function wakeForTargetGroup(ecs: EcsContext, targetGroupArn: string): void {
  for (const s of ecs.model.services.find()) {
    const balancers = [...(s.service.loadBalancers ?? []), ...(s.taskSets ?? []).flatMap((set) => set.loadBalancers ?? [])];
    if (s.service.status === 'INACTIVE' || !balancers.some((lb) => lb.targetGroupArn === targetGroupArn)) continue;
    ecs.enqueueService(s.service.serviceArn);
    for (const r of ecs.model.tasks.find({ service: s.service.serviceArn, last: 'DEACTIVATING' })) ecs.enqueueTask(r.task.taskArn);
  }
}
