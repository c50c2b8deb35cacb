/**
 * @module services/ecs/scheduler
 * The service scheduler: keeps each service at its desired count and rolls its deployments the way
 * ECS does. One run reads the service and its tasks from the store and takes one step in a single
 * transaction — replace what failed health checks, trip the circuit breaker, stop old tasks and
 * start PRIMARY ones within maximumPercent/minimumHealthyPercent, drop drained deployments, mark
 * completion — so a run interrupted by a crash leaves either all of its step or none of it. It
 * never branches on what woke it; the task controller wakes it whenever a service task changes.
 * A service under the CODE_DEPLOY or EXTERNAL controller has task sets instead of deployments:
 * task-set-scheduler.ts takes its step. A BLUE_GREEN deployment under way is blue-green.ts's.
 */
import { activeServiceDeployment, blueGreenStep, isBlueGreen, SERVICE_DEPLOYMENT_CHANGED, watchedState } from './blue-green.ts';
import type { EcsContext } from './context.ts';
import {
  circuitBreakerThreshold,
  countFailedTasks,
  failureStreak,
  isActive,
  isHealthy,
  isStopping,
  liveCounts,
  liveDeployments,
  MAX_TASKS_PER_STEP,
  rollingStep,
  startBackoffMs,
} from './deployments.ts';
import { INACTIVE_RETENTION_MS, type StoredDeployment, type TaskRecord } from './model.ts';
import { requestedRollback, rollBackTo } from './rolling-service-deployments.ts';
import { say } from './service-events.ts';
import { storedServiceProblem } from './service-spec.ts';
import { noteHealthy, replaceUnhealthy, startTasks } from './service-steps.ts';
import { MOVING_MS, scalingReason, Tick } from './service-tick.ts';
import { rollTaskSets } from './task-set-scheduler.ts';
import { controllerOf } from './task-sets.ts';

type Result = { requeueAfterMs?: number } | void;

export function reconcileService(ecs: EcsContext): (serviceArn: string) => Promise<Result> {
  return async (serviceArn) => {
    const ran = ecs.model.tx(() => {
      const record = ecs.model.services.get(serviceArn);
      if (!record) return undefined;
      const before = JSON.stringify(record);
      const deploymentBefore = JSON.stringify(watchedState(record));
      const t = new Tick(ecs, record);
      if (record.service.status === 'INACTIVE') forget(t);
      else if (record.service.status === 'DRAINING') drain(t);
      else roll(t);
      if (!t.forgotten && JSON.stringify(record) !== before) ecs.model.putService(record);
      const deployment = watchedState(record);
      return { t, deployment: JSON.stringify(deployment) === deploymentBefore ? undefined : deployment };
    });
    if (!ran) return;
    const { t: tick, deployment } = ran;
    for (const message of tick.added) {
      ecs.events.publish({
        type: 'ecs.service',
        resource: serviceArn,
        at: tick.now,
        detail: { message, status: tick.record.service.status },
      });
    }
    if (deployment) {
      ecs.events.publish({ type: SERVICE_DEPLOYMENT_CHANGED, resource: deployment.serviceDeploymentArn, at: tick.now, detail: deployment });
    }
    return tick.requeueAfterMs === undefined ? undefined : { requeueAfterMs: tick.requeueAfterMs };
  };
}

/** INACTIVE: kept describable for a while, then forgotten. */
function forget(t: Tick): void {
  const since = t.book.inactiveAt ?? t.now;
  t.book.inactiveAt = since;
  const left = since + t.ecs.clock.duration(INACTIVE_RETENTION_MS) - t.now;
  if (left > 0) return t.wake(left);
  t.ecs.model.services.delete(t.record.service.serviceArn);
  t.forgotten = true;
}

/** DRAINING (deleted): stop every task, then become INACTIVE. */
function drain(t: Tick): void {
  const svc = t.record.service;
  svc.desiredCount = 0;
  const primary = t.record.deployments[0];
  t.stop(t.tasks.filter(isActive).slice(0, MAX_TASKS_PER_STEP), scalingReason(primary?.id ?? t.record.taskSets?.[0]?.id ?? 'ecs-svc/0'));
  if (t.tasks.some((r) => r.task.lastStatus !== 'STOPPED')) return t.wake(MOVING_MS);
  svc.status = 'INACTIVE';
  svc.runningCount = 0;
  svc.pendingCount = 0;
  t.record.deployments = primary ? [{ ...primary, desiredCount: 0, runningCount: 0, pendingCount: 0, updatedAt: t.now }] : [];
  t.record.taskSets = undefined;
  for (const sd of t.record.serviceDeployments ?? []) {
    if (sd.status === 'IN_PROGRESS' || sd.status === 'ROLLBACK_IN_PROGRESS')
      Object.assign(sd, { status: 'STOPPED', statusReason: 'The service was deleted.', finishedAt: t.now, updatedAt: t.now });
  }
  t.book.inactiveAt = t.now;
  t.wake(t.ecs.clock.duration(INACTIVE_RETENTION_MS));
}

/** ACTIVE: one step of keeping the desired count and rolling the deployments. */
function roll(t: Tick): void {
  const { ecs, record } = t;
  const svc = record.service;
  const cluster = ecs.model.clusters.get(svc.clusterArn);
  if (!cluster) return;
  // An invalid spec is recorded and not retried: the next UpdateService wakes the service again.
  const problem = storedServiceProblem(svc);
  if (problem) return t.event(say.unservable(t.name, problem));
  if (controllerOf(svc) !== 'ECS') return rollTaskSets(t);
  if (record.deployments.length === 0) return;
  if (svc.schedulingStrategy === 'DAEMON') {
    svc.desiredCount = ecs.model.instances.find({ cluster: svc.clusterArn }).filter((i) => i.instance.status === 'ACTIVE').length;
  }
  const desired = svc.desiredCount ?? 0;
  const current = new Set<string | undefined>(record.deployments.map((d) => d.id));
  // Tasks of no current deployment (left from an earlier service of the same name) are not ours to keep.
  t.stop(
    t.tasks.filter((r) => isActive(r) && !current.has(r.deploymentId)).slice(0, MAX_TASKS_PER_STEP),
    scalingReason(record.deployments[0].id),
  );

  noteHealthy(t);
  replaceUnhealthy(t);
  const blueGreen = isBlueGreen(record) ? activeServiceDeployment(record) : undefined;
  if (blueGreen) return blueGreenStep(t, blueGreen);
  requestedRollbackStep(t);
  circuitBreaker(t);

  const primary = record.deployments[0];
  const ofPrimary = t.tasks.filter((r) => r.deploymentId === primary.id);
  const backingOff = throttle(t, primary, ofPrimary);
  const activePrimary = ofPrimary.filter(isActive);
  const activeOld = t.tasks.filter((r) => isActive(r) && r.deploymentId !== primary.id && current.has(r.deploymentId));
  const healthy = (r: TaskRecord) => isHealthy(r, ecs.clock, t.now, t.targets(r)?.state);
  const config = svc.deploymentConfiguration ?? {};
  const step = rollingStep({
    desired,
    maximumPercent: config.maximumPercent ?? 200,
    minimumHealthyPercent: config.minimumHealthyPercent ?? 100,
    primary: { active: activePrimary.length, healthy: activePrimary.filter(healthy).length },
    old: { active: activeOld.length, healthy: activeOld.filter(healthy).length },
    primaryFailed: primary.rolloutState === 'FAILED',
    backingOff,
  });

  const notHealthyFirst = (a: TaskRecord, b: TaskRecord) =>
    Number(healthy(a)) - Number(healthy(b)) || (b.task.createdAt ?? 0) - (a.task.createdAt ?? 0);
  const oldInOrder = [...activeOld].sort(notHealthyFirst);
  t.stop(
    [...oldInOrder.filter((r) => !healthy(r)).slice(0, step.stopOldUnhealthy), ...oldInOrder.filter(healthy).slice(0, step.stopOldHealthy)],
    scalingReason(primary.id),
  );
  t.stop([...activePrimary].sort(notHealthyFirst).slice(0, step.scaleIn), scalingReason(primary.id));
  if (step.start > 0) startTasks(t, primary, step.start);
  if (step.blocked) t.event(say.blocked(t.name));

  t.refresh();
  settle(t, primary);
}

/** Counts the PRIMARY's failed tasks; trips the breaker (and rolls back) at the threshold. */
function circuitBreaker(t: Tick): void {
  const { record } = t;
  const primary = record.deployments[0];
  const healthyAt = t.book.healthyAt?.[primary.id];
  if (healthyAt === undefined) {
    const failed = countFailedTasks(
      t.tasks.filter((r) => r.deploymentId === primary.id),
      healthyAt,
    );
    primary.failedTasks = Math.max(primary.failedTasks ?? 0, failed);
  }
  const breaker = record.service.deploymentConfiguration?.deploymentCircuitBreaker;
  if (!breaker?.enable || primary.rolloutState !== 'IN_PROGRESS' || healthyAt !== undefined) return;
  if ((primary.failedTasks ?? 0) < circuitBreakerThreshold(record.service.desiredCount ?? 0)) return;
  t.endRollout(primary, 'FAILED');
  const target = record.lastCompletedTaskDefinition;
  const rollbacks = (t.book.rollbacks ??= []);
  if (!breaker.rollback || !target || rollbacks.includes(primary.id)) return;
  rollbacks.push(rollBackTo(t, primary, target, 'ECS deployment circuit breaker: tasks failed to start.').id);
}

/** StopServiceDeployment asked for a rollback: a new deployment of the last revision that deployed successfully. */
function requestedRollbackStep(t: Tick): void {
  const sd = requestedRollback(t.record);
  const primary = t.record.deployments[0];
  if (!sd || primary.id !== sd.greenDeploymentId) return;
  const target = t.record.lastCompletedTaskDefinition ?? sd.sourceTaskDefinition;
  primary.rolloutState = 'FAILED';
  primary.rolloutStateReason = sd.statusReason;
  (t.book.rollbacks ??= []).push(rollBackTo(t, primary, target, sd.statusReason ?? 'Rollback requested.').id);
}

/** Without a circuit breaker watching, repeated failed starts slow the PRIMARY down. */
function throttle(t: Tick, primary: StoredDeployment, ofPrimary: TaskRecord[]): boolean {
  const breaker = t.record.service.deploymentConfiguration?.deploymentCircuitBreaker;
  const watched = breaker?.enable && primary.rolloutState === 'IN_PROGRESS' && t.book.healthyAt?.[primary.id] === undefined;
  if (watched || primary.rolloutState === 'FAILED') return false;
  const streak = failureStreak(ofPrimary);
  const wait = startBackoffMs(streak.length);
  if (wait === 0) return false;
  const retryAt = (streak[streak.length - 1].task.stoppingAt ?? t.now) + t.ecs.clock.duration(wait);
  if (retryAt <= t.now) return false;
  t.event(say.inconsistent(t.name));
  t.wake(retryAt - t.now);
  return true;
}

/** Drops drained deployments, writes the counts, marks completion and steady state, decides when to look again. */
function settle(t: Tick, primary: StoredDeployment): void {
  const { record } = t;
  const svc = record.service;
  const desired = svc.desiredCount ?? 0;
  const before = record.deployments.length;
  record.deployments = record.deployments.filter(
    (d) => d === primary || t.tasks.some((r) => r.deploymentId === d.id && r.task.lastStatus !== 'STOPPED'),
  );
  const ids = new Set(record.deployments.map((d) => d.id));
  const healthyAt = t.book.healthyAt ?? {};
  for (const id of Object.keys(healthyAt)) if (!ids.has(id)) delete healthyAt[id];
  if (t.book.rollbacks) t.book.rollbacks = t.book.rollbacks.filter((id) => ids.has(id));

  const live = liveDeployments(record, t.tasks);
  record.deployments = record.deployments.map((d, i) => {
    const l = live.deployments[i];
    const changed = d.desiredCount !== l.desiredCount || d.runningCount !== l.runningCount || d.pendingCount !== l.pendingCount;
    return changed ? { ...l, updatedAt: t.now } : d;
  });
  const head = record.deployments[0];
  svc.runningCount = live.running;
  svc.pendingCount = live.pending;

  const ofHead = t.tasks.filter((r) => r.deploymentId === head.id && isActive(r));
  const counts = liveCounts(ofHead);
  const alone = record.deployments.length === 1;
  // Behind a load balancer a task counts once its targets are healthy, for the first deployment as for later ones.
  const targetsHealthy = ofHead.every((r) => (t.targets(r)?.state ?? 'healthy') === 'healthy');
  if (alone && head.rolloutState === 'IN_PROGRESS' && counts.running === desired && targetsHealthy) {
    t.endRollout(head, 'COMPLETED');
  }
  const inTransit = t.tasks.some((r) => isStopping(r) || (isActive(r) && r.task.lastStatus !== 'RUNNING'));
  if (alone && !inTransit && counts.running === desired && targetsHealthy && head.rolloutState === 'COMPLETED') t.event(say.steady(t.name));
  if (inTransit || before !== record.deployments.length) t.wake(MOVING_MS);
}
