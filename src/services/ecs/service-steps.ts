/**
 * @module services/ecs/service-steps
 * Steps every service scheduler run takes, whether it rolls deployments (scheduler.ts) or keeps
 * task sets (task-set-scheduler.ts): note when tasks became healthy, replace the ones failing
 * health checks, start new tasks.
 */
import { AwsError } from '../../core/errors.ts';
import { scopeOfOwnArn } from '../../core/scope.ts';
import { taskIdOf } from './container-spec.ts';
import { elbHealthCheckFailure, failsHealthChecks, HEALTH_CHECK_FAILURE, healthyFrom, isActive, isStopping } from './deployments.ts';
import { ecsError } from './errors.ts';
import type { StoredDeployment } from './model.ts';
import { eventSubject, say } from './service-events.ts';
import { MOVING_MS, type Tick } from './service-tick.ts';
import { launchTasks } from './tasks.ts';

/** Nominal wait before placing again after a placement failure. */
const PLACEMENT_RETRY_MS = 15_000;

/** Remembers when tasks and deployments first counted as healthy; wakes when warming tasks will. */
export function noteHealthy(t: Tick): void {
  const healthyAt = (t.book.healthyAt ??= {});
  for (const r of t.tasks) {
    const from = healthyFrom(r, t.ecs.clock, t.now, t.targets(r)?.state);
    if (from === undefined) continue;
    if (from > t.now) {
      t.wake(from - t.now + 20);
      continue;
    }
    if (r.healthySince === undefined) {
      r.healthySince = from;
      t.ecs.model.updateTask(r.task.taskArn, (x) => (x.healthySince ??= from));
    }
    if (r.deploymentId && healthyAt[r.deploymentId] === undefined) healthyAt[r.deploymentId] = from;
  }
}

/** Tasks whose container or load balancer health checks fail after the grace period are stopped and replaced. */
export function replaceUnhealthy(t: Tick): void {
  const grace = t.record.service.healthCheckGracePeriodSeconds ?? 0;
  for (const r of t.tasks) {
    const lb = t.targets(r);
    if (!isActive(r) || r.task.lastStatus !== 'RUNNING' || lb?.state !== 'unhealthy') continue;
    if (!t.ecs.clock.elapsed(r.task.startedAt ?? t.now, grace * 1000)) {
      t.wake((r.task.startedAt ?? t.now) + t.ecs.clock.duration(grace * 1000) - t.now + 20);
      continue;
    }
    t.event(say.unhealthyTarget(t.name, lb.port, lb.targetGroupArn, lb.reason));
    t.stop([r], elbHealthCheckFailure(lb.targetGroupArn));
  }
  for (const r of t.tasks) {
    if (!isActive(r) || r.task.healthStatus !== 'UNHEALTHY') continue;
    if (!failsHealthChecks(r, t.ecs.clock, grace)) {
      t.wake((r.task.startedAt ?? t.now) + t.ecs.clock.duration(grace * 1000) - t.now + 20);
      continue;
    }
    t.event(say.failedHealthChecks(t.name, taskIdOf(r.task.taskArn)));
    t.stop([r], HEALTH_CHECK_FAILURE);
  }
}

/** What new tasks of a deployment or task set are made from. */
export type LaunchSpec = Pick<StoredDeployment, 'id' | 'taskDefinition' | 'launchType' | 'networkConfiguration'> & { taskSetArn?: string };

/** Starts tasks of a deployment or task set; placement problems become service events, as in ECS. */
export function startTasks(t: Tick, primary: LaunchSpec, count: number): void {
  const { ecs, record } = t;
  const svc = record.service;
  const definition = ecs.model.taskDefinitions.get(primary.taskDefinition);
  if (!definition) return t.event(say.missingTaskDefinition(t.name, primary.taskDefinition));
  const cluster = ecs.model.clusters.get(svc.clusterArn);
  if (!cluster) return t.event(say.cannotPlace(t.name, ecsError.clusterNotFound().message));
  const tags = [
    ...(svc.propagateTags === 'SERVICE' ? (svc.tags ?? []) : svc.propagateTags === 'TASK_DEFINITION' ? definition.tags : []),
    ...(svc.enableECSManagedTags
      ? [
          { key: 'aws:ecs:serviceName', value: t.name },
          { key: 'aws:ecs:clusterName', value: cluster.clusterName },
        ]
      : []),
  ];
  let launched: ReturnType<typeof launchTasks>;
  try {
    launched = launchTasks(ecs, {
      scope: scopeOfOwnArn(svc.serviceArn),
      cluster,
      definition,
      count,
      launchType: primary.launchType,
      startedBy: primary.id,
      group: `service:${t.name}`,
      tags,
      networkConfiguration: primary.networkConfiguration,
      placementStrategy: svc.placementStrategy,
      placementConstraints: svc.placementConstraints,
      enableExecuteCommand: svc.enableExecuteCommand,
      serviceArn: svc.serviceArn,
      deploymentId: primary.id,
      taskSetArn: primary.taskSetArn,
    });
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    t.event(say.cannotPlace(t.name, err.message));
    return t.wake(Math.max(MOVING_MS, ecs.clock.duration(PLACEMENT_RETRY_MS)));
  }
  if (launched.tasks.length)
    t.event(
      say.started(
        eventSubject(t.name, primary.taskSetArn),
        launched.tasks.map((x) => taskIdOf(x.taskArn)),
      ),
    );
  if (launched.failures.length) {
    // While tasks are still stopping they hold ports and memory: wait for them before complaining.
    if (t.tasks.some(isStopping)) return t.wake(MOVING_MS / 2);
    t.event(say.unplaceable(t.name, launched.failures[0]));
    t.wake(Math.max(MOVING_MS, ecs.clock.duration(PLACEMENT_RETRY_MS)));
  }
  t.wake(MOVING_MS);
}
