/**
 * @module services/ecs/deployments
 * The arithmetic of ECS's rolling deployments, kept pure so it can be read and tested on its own:
 * how many PRIMARY tasks to start and old tasks to stop from the counts, when a task counts as
 * healthy or as a failed start, the circuit-breaker threshold, the start-failure backoff, and the
 * live counts DescribeServices shows. The scheduler (scheduler.ts) applies it to the store.
 */
import { backoffMs, type BackoffRules } from '../../core/backoff.ts';
import type { Clock } from '../../core/clock.ts';
import { ecsDeploymentId } from '../../core/ids.ts';
import type { ServiceRecord, StoredDeployment, TaskRecord } from './model.ts';
import type { CapacityProviderStrategyItem, LaunchType, NetworkConfiguration } from './shapes.ts';

/** A task with no container health check (and no load balancer) counts as healthy this long after RUNNING. */
export const HEALTHY_AFTER_MS = 40_000;
export const HEALTH_CHECK_FAILURE = 'Task failed container health checks';
/** Stop reason of a task replaced because its load balancer target failed health checks. */
export const elbHealthCheckFailure = (targetGroupArn: string) => `Task failed ELB health checks in (target-group ${targetGroupArn})`;
/** Consecutive failed starts after which the scheduler throttles (when no circuit breaker acts). */
export const THROTTLE_AFTER_FAILURES = 3;
/** Starts after failures wait 10 s, doubling per further failure, up to 15 minutes. */
const START_BACKOFF: BackoffRules = { baseMs: 10_000, maxMs: 15 * 60_000 };
/**
 * The most tasks one scheduler step starts, and the most it stops: a large desired count is
 * reached over several steps, so no step holds the event loop for long.
 */
export const MAX_TASKS_PER_STEP = 10;

// ---------------------------------------------------------------------------------------------
// The rolling step

export interface RollingCounts {
  desired: number;
  maximumPercent: number;
  minimumHealthyPercent: number;
  /** PRIMARY tasks meant to run (desiredStatus RUNNING), and how many of those are healthy. */
  primary: { active: number; healthy: number };
  /** The same for the tasks of every older deployment together. */
  old: { active: number; healthy: number };
  /** The PRIMARY's circuit breaker tripped: it starts nothing, and old tasks are kept. */
  primaryFailed?: boolean;
  /** Repeated failed starts: the PRIMARY waits before starting more. */
  backingOff?: boolean;
}

export interface RollingStep {
  /** PRIMARY tasks to start. */
  start: number;
  /** Old tasks to stop that are not healthy (pending, warming up, unhealthy)... */
  stopOldUnhealthy: number;
  /** ...and healthy old tasks to stop after those. */
  stopOldHealthy: number;
  /** PRIMARY tasks above desiredCount to stop. */
  scaleIn: number;
  /** Work remains, every task is settled, yet the deployment configuration allows no move. */
  blocked: boolean;
}

/** upper caps RUNNING+PENDING tasks across deployments; lower is the floor of healthy tasks. */
export function bounds(desired: number, maximumPercent: number, minimumHealthyPercent: number): { upper: number; lower: number } {
  return { upper: Math.floor((desired * maximumPercent) / 100), lower: Math.ceil((desired * minimumHealthyPercent) / 100) };
}

/**
 * One scheduler tick of ECS's rolling update. Old tasks go first, not-healthy ones before healthy
 * ones, while the healthy total stays at or above `lower` (stopping a task that is not healthy
 * never lowers it); then PRIMARY tasks start up to min(desired − primary, upper − total).
 */
export function rollingStep(c: RollingCounts, perStep = MAX_TASKS_PER_STEP): RollingStep {
  const { upper, lower } = bounds(c.desired, c.maximumPercent, c.minimumHealthyPercent);
  const healthy = c.primary.healthy + c.old.healthy;
  let stopOldUnhealthy = 0;
  let stopOldHealthy = 0;
  if (!c.primaryFailed) {
    if (healthy >= lower) stopOldUnhealthy = Math.min(perStep, c.old.active - c.old.healthy);
    stopOldHealthy = Math.max(0, Math.min(c.old.healthy, healthy - lower, perStep - stopOldUnhealthy));
  }
  const scaleIn = Math.min(perStep, Math.max(0, c.primary.active - c.desired));
  const primary = c.primary.active - scaleIn;
  const total = primary + c.old.active - stopOldUnhealthy - stopOldHealthy;
  const start = c.primaryFailed || c.backingOff ? 0 : Math.max(0, Math.min(c.desired - primary, upper - total, perStep));
  const work = c.primary.active !== c.desired || c.old.active > 0;
  const settled = c.primary.healthy === c.primary.active && c.old.healthy === c.old.active;
  const moving = start + stopOldUnhealthy + stopOldHealthy + scaleIn > 0;
  return { start, stopOldUnhealthy, stopOldHealthy, scaleIn, blocked: work && settled && !moving && !c.primaryFailed && !c.backingOff };
}

// ---------------------------------------------------------------------------------------------
// Tasks as the scheduler sees them

/** Meant to run: not yet asked to stop. */
export function isActive(r: TaskRecord): boolean {
  return r.task.desiredStatus === 'RUNNING';
}

/** Asked to stop (or stopped by itself) but not STOPPED yet: it still holds its ports and memory. */
export function isStopping(r: TaskRecord): boolean {
  return r.task.desiredStatus === 'STOPPED' && r.task.lastStatus !== 'STOPPED';
}

/** An essential container defines a health check, so health comes from it rather than from time. */
export function hasContainerHealthCheck(r: TaskRecord): boolean {
  return r.containers.some((c) => c.essential !== false && !!c.healthCheck?.command?.length && c.healthCheck.command[0] !== 'NONE');
}

/** A service task's load balancer targets: all healthy, or not (yet); undefined without a load balancer. */
export type TargetsState = 'healthy' | 'unhealthy' | 'pending' | undefined;

/**
 * When the task counts (or will count) as healthy, epoch ms; undefined when that is not known yet.
 * Behind a load balancer: when its targets are healthy (and its container health check, if any).
 */
export function healthyFrom(r: TaskRecord, clock: Clock, now: number, targets?: TargetsState): number | undefined {
  if (!isActive(r) || r.task.lastStatus !== 'RUNNING' || r.task.startedAt === undefined) return undefined;
  if (targets !== undefined) {
    if (targets !== 'healthy' || (hasContainerHealthCheck(r) && r.task.healthStatus !== 'HEALTHY')) return undefined;
    return Math.min(now, r.healthySince ?? now);
  }
  if (hasContainerHealthCheck(r)) return r.task.healthStatus === 'HEALTHY' ? Math.min(now, r.healthySince ?? now) : undefined;
  return r.task.startedAt + clock.duration(HEALTHY_AFTER_MS);
}

export function isHealthy(r: TaskRecord, clock: Clock, now: number, targets?: TargetsState): boolean {
  const from = healthyFrom(r, clock, now, targets);
  return from !== undefined && from <= now;
}

/** RUNNING with an UNHEALTHY container health check after the grace period: to be replaced. */
export function failsHealthChecks(r: TaskRecord, clock: Clock, graceSeconds: number): boolean {
  return (
    isActive(r) &&
    r.task.lastStatus === 'RUNNING' &&
    hasContainerHealthCheck(r) &&
    r.task.healthStatus === 'UNHEALTHY' &&
    clock.elapsed(r.task.startedAt ?? 0, graceSeconds * 1000)
  );
}

/** A task that stopped because it could not start or keep running (not one the scheduler or a user stopped). */
export function isFailedStart(r: TaskRecord): boolean {
  if (r.task.desiredStatus !== 'STOPPED') return false;
  const code = r.task.stopCode;
  const reason = r.task.stoppedReason ?? '';
  return (
    code === 'TaskFailedToStart' ||
    code === 'EssentialContainerExited' ||
    reason === HEALTH_CHECK_FAILURE ||
    reason.startsWith('Task failed ELB health checks')
  );
}

/** Failed starts count toward the breaker only until the deployment first had a healthy task. */
export function countFailedTasks(tasks: TaskRecord[], healthyAt: number | undefined): number {
  return tasks.filter((r) => isFailedStart(r) && (healthyAt === undefined || (r.task.stoppingAt ?? 0) < healthyAt)).length;
}

/** ECS's threshold: half the desired count, rounded up, clamped to [3, 200]. */
export function circuitBreakerThreshold(desired: number): number {
  return Math.min(200, Math.max(3, Math.ceil(desired / 2)));
}

/**
 * A replacement (blue/green's green deployment, CodeDeploy's task set) cannot come up: its tasks
 * failed to start as many times in a row as the circuit breaker tolerates for `desired` tasks.
 */
export function keepsFailingToStart(tasks: TaskRecord[], desired: number): boolean {
  return failureStreak(tasks).length >= circuitBreakerThreshold(desired);
}

/** Nominal wait before the next start after `failures` consecutive failed starts (0 below the threshold). */
export function startBackoffMs(failures: number): number {
  if (failures < THROTTLE_AFTER_FAILURES) return 0;
  return backoffMs(failures - THROTTLE_AFTER_FAILURES, START_BACKOFF);
}

/** The failed starts since the deployment's last healthy task, oldest first. */
export function failureStreak(tasks: TaskRecord[]): TaskRecord[] {
  const lastHealthy = Math.max(0, ...tasks.map((r) => r.healthySince ?? 0));
  return tasks
    .filter((r) => isFailedStart(r) && (r.task.stoppingAt ?? 0) > lastHealthy)
    .sort((a, b) => (a.task.stoppingAt ?? 0) - (b.task.stoppingAt ?? 0));
}

// ---------------------------------------------------------------------------------------------
// Deployment records and their live counts

export interface DeploymentSpec {
  taskDefinition: string;
  desiredCount: number;
  launchType?: LaunchType;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  platformVersion?: string;
  networkConfiguration?: NetworkConfiguration;
}

export function inProgressReason(id: string): string {
  return `ECS deployment ${id} in progress.`;
}

export function newDeployment(spec: DeploymentSpec, now: number): StoredDeployment {
  const id = ecsDeploymentId();
  return {
    id,
    status: 'PRIMARY',
    taskDefinition: spec.taskDefinition,
    desiredCount: spec.desiredCount,
    pendingCount: 0,
    runningCount: 0,
    failedTasks: 0,
    createdAt: now,
    updatedAt: now,
    launchType: spec.launchType,
    capacityProviderStrategy: spec.capacityProviderStrategy,
    platformVersion: spec.launchType === 'FARGATE' ? '1.4.0' : spec.platformVersion,
    platformFamily: spec.launchType === 'FARGATE' ? 'Linux' : undefined,
    networkConfiguration: spec.networkConfiguration,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: inProgressReason(id),
  };
}

export interface LiveCounts {
  running: number;
  pending: number;
  /** Tasks meant to run. */
  active: number;
}

/** running = lastStatus RUNNING; pending = meant to run but not RUNNING yet. */
export function liveCounts(tasks: TaskRecord[]): LiveCounts {
  let running = 0;
  let pending = 0;
  let active = 0;
  for (const r of tasks) {
    if (r.task.lastStatus === 'RUNNING') running++;
    else if (isActive(r)) pending++;
    if (isActive(r)) active++;
  }
  return { running, pending, active };
}

/** The deployments as DescribeServices shows them: counts read from the tasks now. */
export function liveDeployments(
  record: ServiceRecord,
  tasks: TaskRecord[],
): { deployments: StoredDeployment[]; running: number; pending: number } {
  let running = 0;
  let pending = 0;
  const deployments = record.deployments.map((d) => {
    const counts = liveCounts(tasks.filter((t) => t.deploymentId === d.id));
    running += counts.running;
    pending += counts.pending;
    const desiredCount = d.status === 'PRIMARY' ? (record.service.desiredCount ?? 0) : counts.active;
    return { ...d, desiredCount, runningCount: counts.running, pendingCount: counts.pending };
  });
  return { deployments, running, pending };
}
