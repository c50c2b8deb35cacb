/**
 * @module services/ecs/task-set-scheduler
 * The scheduler's run for a service under the CODE_DEPLOY or EXTERNAL deployment controller: no
 * rolling, each task set is kept at its computedDesiredCount (ceil(desiredCount × scale%)) on its
 * own — starting the missing tasks, stopping the extra ones (not-healthy and newest first) — and
 * a deleted (DRAINING) set loses all its tasks, each drained from its target group by the task
 * controller before it stops, then the set is dropped. Stability is written last.
 */
import { failureStreak, isActive, isHealthy, isStopping, liveCounts, MAX_TASKS_PER_STEP, startBackoffMs } from './deployments.ts';
import type { StoredTaskSet, TaskRecord } from './model.ts';
import { eventSubject, say } from './service-events.ts';
import { noteHealthy, replaceUnhealthy, startTasks } from './service-steps.ts';
import { MOVING_MS, scalingReason, type Tick } from './service-tick.ts';
import { setDesiredCount, stability } from './task-sets.ts';

export function rollTaskSets(t: Tick): void {
  const { record } = t;
  const sets = record.taskSets ?? [];
  const known = new Set(sets.map((s) => s.taskSetArn));
  // Tasks of no task set (left from an earlier service of the same name) are not ours to keep.
  t.stop(
    t.tasks.filter((r) => isActive(r) && !known.has(r.taskSetArn ?? '')).slice(0, MAX_TASKS_PER_STEP),
    scalingReason(sets[0]?.id ?? 'ecs-svc/0'),
  );
  noteHealthy(t);
  replaceUnhealthy(t);
  for (const set of sets) keep(t, set);
  t.refresh();
  settle(t);
}

/** One step toward the set's computed desired count. */
function keep(t: Tick, set: StoredTaskSet): void {
  const desired = setDesiredCount(t.record.service, set);
  const mine = t.tasks.filter((r) => r.taskSetArn === set.taskSetArn);
  const active = mine.filter(isActive);
  if (active.length > desired) {
    const healthy = (r: TaskRecord) => isHealthy(r, t.ecs.clock, t.now, t.targets(r)?.state);
    const order = [...active].sort((a, b) => Number(healthy(a)) - Number(healthy(b)) || (b.task.createdAt ?? 0) - (a.task.createdAt ?? 0));
    t.stop(
      order.slice(0, Math.min(MAX_TASKS_PER_STEP, active.length - desired)),
      scalingReason(set.id),
      eventSubject(t.name, set.taskSetArn),
    );
    return;
  }
  if (active.length === desired) return;
  // Repeated failed starts slow the set down, as they do a deployment.
  const streak = failureStreak(mine);
  const wait = startBackoffMs(streak.length);
  const retryAt = wait ? (streak[streak.length - 1].task.stoppingAt ?? t.now) + t.ecs.clock.duration(wait) : 0;
  if (retryAt > t.now) {
    t.event(say.inconsistent(t.name));
    return t.wake(retryAt - t.now);
  }
  startTasks(t, set, Math.min(MAX_TASKS_PER_STEP, desired - active.length));
}

/** Drops deleted sets whose tasks all stopped; writes counts and stability; decides when to look again. */
function settle(t: Tick): void {
  const { record } = t;
  const svc = record.service;
  const live = (set: StoredTaskSet) => t.tasks.some((r) => r.taskSetArn === set.taskSetArn && r.task.lastStatus !== 'STOPPED');
  const before = record.taskSets?.length ?? 0;
  record.taskSets = (record.taskSets ?? []).filter((s) => s.status !== 'DRAINING' || live(s));
  const ids = new Set(record.taskSets.map((s) => s.id));
  const healthyAt = t.book.healthyAt ?? {};
  for (const id of Object.keys(healthyAt)) if (!ids.has(id)) delete healthyAt[id];
  let steady = true;
  for (const set of record.taskSets) {
    const mine = t.tasks.filter((r) => r.taskSetArn === set.taskSetArn);
    const computed = setDesiredCount(svc, set);
    const counts = liveCounts(mine);
    const status = stability(t.ecs, record, mine, computed, (r) => t.targets(r));
    if (status !== 'STEADY_STATE') steady = false;
    if (set.stabilityStatus !== status) set.stabilityStatusAt = t.now;
    if (
      set.stabilityStatus !== status ||
      set.runningCount !== counts.running ||
      set.pendingCount !== counts.pending ||
      set.computedDesiredCount !== computed
    ) {
      Object.assign(set, {
        stabilityStatus: status,
        computedDesiredCount: computed,
        runningCount: counts.running,
        pendingCount: counts.pending,
        updatedAt: t.now,
      });
    }
  }
  const all = liveCounts(t.tasks);
  svc.runningCount = all.running;
  svc.pendingCount = all.pending;
  const inTransit = t.tasks.some((r) => isStopping(r) || (isActive(r) && r.task.lastStatus !== 'RUNNING'));
  if (steady && !inTransit && record.taskSets.length > 0) t.event(say.steady(t.name));
  if (inTransit || before !== record.taskSets.length) t.wake(MOVING_MS);
  // An unsteady set is looked at again even when no task changes, so its stability is never stale for long.
  else if (!steady) t.wake(5 * MOVING_MS);
}
