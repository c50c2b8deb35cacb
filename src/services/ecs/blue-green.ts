/**
 * @module services/ecs/blue-green
 * ECS's own blue/green deployments (strategy BLUE_GREEN). A new deployment of a service that has
 * tasks becomes a service deployment whose green tasks register in each load balancer's alternate
 * target group, then moves one lifecycle stage per scheduler step:
 *
 *   [RECONCILE_SERVICE, only while more than one revision is active: its hooks; the older
 *   revisions' tasks go at CLEAN_UP with blue's] → PRE_SCALE_UP → SCALE_UP (green to the full
 *   desired count, all healthy) → POST_SCALE_UP → TEST_TRAFFIC_SHIFT (test rule: green 100) →
 *   POST_TEST_TRAFFIC_SHIFT → PRODUCTION_TRAFFIC_SHIFT (production rule: green 100 / blue 0, a
 *   weighted forward, as ECS leaves it) → POST_PRODUCTION_TRAFFIC_SHIFT → BAKE_TIME → CLEAN_UP
 *   (blue tasks stop; the target groups swap roles on the service) → SUCCESSFUL.
 *
 * Under CANARY and LINEAR the production shift goes in steps, each baked before the next, with the
 * production hooks at every step. PAUSE hooks hold their stage until ContinueServiceDeployment (or
 * their timeout). Green tasks that keep failing to start at SCALE_UP roll the deployment back. A
 * rollback shifts the rules back to blue and stops the green tasks. A shift is done only once the
 * load balancer routes by it (a load balancer whose data plane refuses it rolls the deployment back).
 */
import { uuid } from '../../core/ids.ts';
import { ROUTING_POLL_MS } from '../elb/traffic-types.ts';
import { failureStreak, isActive, isHealthy, keepsFailingToStart, liveDeployments, MAX_TASKS_PER_STEP } from './deployments.ts';
import type { ServiceDeploymentRecord, ServiceRecord, StoredDeployment } from './model.ts';
import { recordServiceDeployment } from './rolling-service-deployments.ts';
import { shiftsTraffic } from './service-spec.ts';
import { startTasks } from './service-steps.ts';
import { MOVING_MS, scalingReason, type Tick } from './service-tick.ts';
import type { DeploymentLifecycleHookStage, LoadBalancer, ServiceDeploymentLifecycleStage } from './shapes.ts';

const MINUTE_MS = 60_000;
const ORDER: ServiceDeploymentLifecycleStage[] = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP',
];
/** The hook stages each lifecycle stage waits on before it is done (PRE_PRODUCTION hooks run just before the shift). */
const HOOKS_AT: Partial<Record<ServiceDeploymentLifecycleStage, DeploymentLifecycleHookStage[]>> = {
  RECONCILE_SERVICE: ['RECONCILE_SERVICE'],
  PRE_SCALE_UP: ['PRE_SCALE_UP'],
  POST_SCALE_UP: ['POST_SCALE_UP'],
  POST_TEST_TRAFFIC_SHIFT: ['POST_TEST_TRAFFIC_SHIFT', 'PRE_PRODUCTION_TRAFFIC_SHIFT'],
  POST_PRODUCTION_TRAFFIC_SHIFT: ['POST_PRODUCTION_TRAFFIC_SHIFT'],
};

export const isBlueGreen = (record: ServiceRecord) => shiftsTraffic(record.service.deploymentConfiguration?.strategy);

/** The service deployment still under way, if any. */
export function activeServiceDeployment(record: ServiceRecord): ServiceDeploymentRecord | undefined {
  const sd = record.serviceDeployments?.[0];
  return sd && sd.strategy !== 'ROLLING' && (sd.status === 'IN_PROGRESS' || sd.status === 'ROLLBACK_IN_PROGRESS') ? sd : undefined;
}

/** Published when a service deployment's status, lifecycle stage, traffic split or a hook's status changes (resource: its ARN). */
export const SERVICE_DEPLOYMENT_CHANGED = 'ecs.service-deployment';

/** What watchers see of a service deployment: a change to it is announced with SERVICE_DEPLOYMENT_CHANGED. */
export function watchedState(record: ServiceRecord): { serviceDeploymentArn: string; [field: string]: unknown } | undefined {
  const sd = record.serviceDeployments?.[0];
  if (!sd) return undefined;
  return {
    serviceDeploymentArn: sd.serviceDeploymentArn,
    service: record.service.serviceArn,
    status: sd.status,
    lifecycleStage: sd.lifecycleStage,
    productionWeight: sd.productionWeight ?? 0,
    testOnGreen: sd.shifted.test === true,
    hooks: sd.hooks.map((h) => `${h.hookId}:${h.status}`).join(','),
  };
}

/** The service's load balancers as green tasks use them: each on its alternate target group. */
function greenBalancers(loadBalancers: LoadBalancer[]): LoadBalancer[] {
  return loadBalancers.map((lb) =>
    lb.advancedConfiguration?.alternateTargetGroupArn ? { ...lb, targetGroupArn: lb.advancedConfiguration.alternateTargetGroupArn } : lb,
  );
}

/** Records a new service deployment for `green` replacing `blue` (in the caller's transaction). */
export function beginBlueGreen(
  record: ServiceRecord,
  green: StoredDeployment,
  blue: StoredDeployment,
  now: number,
): ServiceDeploymentRecord {
  return recordServiceDeployment(record, green, blue, now, {
    greenLoadBalancers: greenBalancers(record.service.loadBalancers ?? []),
    // More than one revision still active (a rolling deployment under way): ECS reconciles first.
    lifecycleStage: record.deployments.filter((d) => d.id !== green.id).length > 1 ? 'RECONCILE_SERVICE' : 'PRE_SCALE_UP',
  });
}

/** Asks for a rollback (StopServiceDeployment, a hook's ROLLBACK, a failed traffic shift); the scheduler carries it out. */
export function requestRollback(sd: ServiceDeploymentRecord, reason: string, now: number): void {
  if (sd.status !== 'IN_PROGRESS') return;
  sd.status = 'ROLLBACK_IN_PROGRESS';
  sd.statusReason = reason;
  sd.rollback = { reason, startedAt: now };
  sd.updatedAt = now;
}

/** One step of the active service deployment. */
export function blueGreenStep(t: Tick, sd: ServiceDeploymentRecord): void {
  const { record } = t;
  const green = record.deployments.find((d) => d.id === sd.greenDeploymentId);
  if (!green) return;
  if (sd.status === 'ROLLBACK_IN_PROGRESS') rollBack(t, sd, green);
  else advance(t, sd, green);
  counts(t);
}

function advance(t: Tick, sd: ServiceDeploymentRecord, green: StoredDeployment): void {
  const stage = sd.lifecycleStage;
  if (!stageDone(t, sd, green)) return;
  const next = ORDER[ORDER.indexOf(stage) + 1];
  if (next === undefined) return finish(t, sd, green);
  sd.lifecycleStage = next;
  sd.updatedAt = t.now;
  if (next === 'BAKE_TIME')
    sd.bakeUntil = t.now + t.ecs.clock.duration((t.record.service.deploymentConfiguration?.bakeTimeInMinutes ?? 0) * MINUTE_MS);
  t.wake(1);
}

/** Whether the current stage has done its work (taking its step if not). */
function stageDone(t: Tick, sd: ServiceDeploymentRecord, green: StoredDeployment): boolean {
  const desired = t.record.service.desiredCount ?? 0;
  const greenTasks = t.tasks.filter((r) => r.deploymentId === green.id && isActive(r));
  switch (sd.lifecycleStage) {
    case 'SCALE_UP': {
      const ofGreen = t.tasks.filter((r) => r.deploymentId === green.id);
      if (keepsFailingToStart(ofGreen, desired)) {
        const failed = failureStreak(ofGreen);
        requestRollback(
          sd,
          `Service deployment rolled back because ${failed.length} tasks of the target service revision failed to start in a row (last: ${failed[failed.length - 1].task.stoppedReason}).`,
          t.now,
        );
        return waitFor(t, 1);
      }
      if (greenTasks.length < desired) startTasks(t, green, Math.min(MAX_TASKS_PER_STEP, desired - greenTasks.length));
      const healthy = greenTasks.filter((r) => isHealthy(r, t.ecs.clock, t.now, t.targets(r)?.state)).length;
      if (healthy < desired) return waitFor(t, MOVING_MS);
      return true;
    }
    case 'TEST_TRAFFIC_SHIFT':
      return shift(t, sd, 'test') && routed(t, sd, 'test');
    case 'PRODUCTION_TRAFFIC_SHIFT':
      return shiftProduction(t, sd);
    case 'BAKE_TIME':
      if ((sd.bakeUntil ?? 0) > t.now) return waitFor(t, (sd.bakeUntil ?? 0) - t.now);
      return true;
    case 'CLEAN_UP': {
      const blue = t.tasks.filter((r) => r.deploymentId !== green.id);
      t.stop(blue.filter(isActive).slice(0, MAX_TASKS_PER_STEP), scalingReason(green.id));
      if (blue.some((r) => r.task.lastStatus !== 'STOPPED')) return waitFor(t, MOVING_MS);
      return true;
    }
    default:
      return hooksDone(t, sd);
  }
}

/** Not done yet: look again after `ms`. */
function waitFor(t: Tick, ms: number): false {
  t.wake(ms);
  return false;
}

/** The production step a stage's hooks belong to: the first for those before the shift, the last for those after it. */
function stageStep(sd: ServiceDeploymentRecord): number {
  return sd.lifecycleStage === 'POST_PRODUCTION_TRAFFIC_SHIFT' ? Math.max(0, (sd.productionSteps ?? 1) - 1) : 0;
}

/** The PAUSE hooks of `stages` (at production step `step`): made AWAITING_ACTION once, done when each SUCCEEDED (or timed out to CONTINUE). */
function hooksDone(t: Tick, sd: ServiceDeploymentRecord, stages = HOOKS_AT[sd.lifecycleStage] ?? [], step = stageStep(sd)): boolean {
  const hooks = t.record.service.deploymentConfiguration?.lifecycleHooks ?? [];
  let waiting = false;
  for (const stage of stages) {
    for (const [i, hook] of hooks.entries()) {
      if (!hook.lifecycleStages?.includes(stage)) continue;
      let detail = sd.hooks.find((h) => h.stage === stage && h.hookTargetIndex === i && (h.productionStep ?? 0) === step);
      if (!detail) {
        const timeout = hook.timeoutConfiguration ?? {};
        detail = {
          hookId: uuid(),
          stage,
          hookTargetIndex: i,
          productionStep: step,
          targetType: 'PAUSE',
          status: 'AWAITING_ACTION',
          expiresAt: t.now + t.ecs.clock.duration((timeout.timeoutInMinutes ?? 1440) * MINUTE_MS),
          timeoutAction: timeout.action ?? 'ROLLBACK',
        };
        sd.hooks.push(detail);
        sd.updatedAt = t.now;
      }
      if (detail.status !== 'AWAITING_ACTION') continue;
      if ((detail.expiresAt ?? 0) > t.now) {
        waiting = true;
        t.wake((detail.expiresAt ?? 0) - t.now);
        continue;
      }
      detail.status = 'TIMED_OUT';
      sd.updatedAt = t.now;
      if (detail.timeoutAction === 'ROLLBACK')
        requestRollback(sd, `Service deployment rolled back because the lifecycle hook ${detail.hookId} timed out.`, t.now);
    }
  }
  if (sd.status !== 'IN_PROGRESS') t.wake(1);
  return !waiting && sd.status === 'IN_PROGRESS' && sd.hooks.every((h) => h.status !== 'FAILED');
}

/**
 * Production moves to green in one step (BLUE_GREEN), canary then the rest (CANARY), or in equal
 * steps (LINEAR), each held for its bake time. As on ECS the production hooks run at every step:
 * POST_PRODUCTION_TRAFFIC_SHIFT after it, PRE_PRODUCTION_TRAFFIC_SHIFT before the next (the first
 * step's PRE hooks ran at POST_TEST_TRAFFIC_SHIFT, the last step's POST hooks run at its own stage).
 */
function shiftProduction(t: Tick, sd: ServiceDeploymentRecord): boolean {
  // A step (its hooks, its bake time, the next) goes on only once the load balancer routes by it.
  if (!routed(t, sd, 'production')) return false;
  const current = sd.productionWeight ?? 0;
  if (current >= 100) return true;
  const step = sd.productionSteps ?? 0;
  if (step > 0 && !hooksDone(t, sd, ['POST_PRODUCTION_TRAFFIC_SHIFT'], step - 1)) return false;
  if ((sd.stepUntil ?? 0) > t.now) return waitFor(t, (sd.stepUntil ?? 0) - t.now);
  if (step > 0 && !hooksDone(t, sd, ['PRE_PRODUCTION_TRAFFIC_SHIFT'], step)) return false;
  const config = t.record.service.deploymentConfiguration ?? {};
  let next = 100;
  let bakeMinutes = 0;
  if (config.strategy === 'CANARY' && current === 0) {
    next = config.canaryConfiguration?.canaryPercent ?? 5;
    bakeMinutes = config.canaryConfiguration?.canaryBakeTimeInMinutes ?? 10;
  } else if (config.strategy === 'LINEAR') {
    next = Math.min(100, current + (config.linearConfiguration?.stepPercent ?? 10));
    bakeMinutes = config.linearConfiguration?.stepBakeTimeInMinutes ?? 6;
  }
  if (!shift(t, sd, 'production', next)) return false;
  sd.productionWeight = next;
  sd.productionSteps = step + 1;
  sd.updatedAt = t.now;
  if (next >= 100) return routed(t, sd, 'production');
  sd.stepUntil = t.now + t.ecs.clock.duration(bakeMinutes * MINUTE_MS);
  return waitFor(t, sd.stepUntil - t.now);
}

/** Moves a rule's weighted forward to green (percent); both groups must be on it, as ECS requires. */
function shift(t: Tick, sd: ServiceDeploymentRecord, which: 'test' | 'production', percent = 100): boolean {
  const elb = t.ecs.elb;
  for (const lb of t.record.service.loadBalancers ?? []) {
    const advanced = lb.advancedConfiguration;
    const rule = which === 'test' ? advanced?.testListenerRule : advanced?.productionListenerRule;
    if (!rule || !lb.targetGroupArn || !advanced?.alternateTargetGroupArn) continue;
    const groups = elb.exists(rule) ? elb.forwardWeights(rule).map((w) => w.targetGroupArn) : [];
    if (!groups.includes(lb.targetGroupArn) || !groups.includes(advanced.alternateTargetGroupArn)) {
      requestRollback(
        sd,
        'Service deployment rolled back because of invalid networking configuration. Both targetGroup and alternateTargetGroup must be associated with the productionListenerRule or testListenerRule.',
        t.now,
      );
      t.wake(1);
      return false;
    }
    // Listener weights are whole numbers: a fractional percent rounds, but a started shift never sends green nothing.
    const green = percent > 0 ? Math.max(1, Math.round(percent)) : 0;
    elb.setForwardWeights(rule, [
      { targetGroupArn: advanced.alternateTargetGroupArn, weight: green },
      { targetGroupArn: lb.targetGroupArn, weight: 100 - green },
    ]);
  }
  sd.shifted[which] = true;
  return true;
}

/** Whether the load balancer routes by the weights a shift set on the `which` rules (a refusal rolls the deployment back). */
function routed(t: Tick, sd: ServiceDeploymentRecord, which: 'test' | 'production'): boolean {
  if (!sd.shifted[which]) return true;
  for (const rule of rulesOf(t.record, which)) {
    const routing = t.ecs.elb.weightsApplied(rule);
    if (routing.state === 'pending') return waitFor(t, ROUTING_POLL_MS);
    if (routing.state === 'refused') {
      requestRollback(
        sd,
        `Service deployment rolled back because load balancer ${routing.loadBalancerArn} does not route by the new weights of ${rule}: its data plane did not take them: ${routing.reason}.`,
        t.now,
      );
      return waitFor(t, 1);
    }
  }
  return true;
}

/** The service's test or production listener rules. */
function rulesOf(record: ServiceRecord, which: 'test' | 'production'): string[] {
  return (record.service.loadBalancers ?? []).flatMap((lb) => {
    const rule = which === 'test' ? lb.advancedConfiguration?.testListenerRule : lb.advancedConfiguration?.productionListenerRule;
    return rule ? [rule] : [];
  });
}

/** Green serves alone: the groups swap roles on the service, blue is dropped, the deployment is complete. */
function finish(t: Tick, sd: ServiceDeploymentRecord, green: StoredDeployment): void {
  const { record } = t;
  record.service.loadBalancers = (record.service.loadBalancers ?? []).map((lb) => {
    const alternate = lb.advancedConfiguration?.alternateTargetGroupArn;
    return alternate && lb.targetGroupArn
      ? {
          ...lb,
          targetGroupArn: alternate,
          advancedConfiguration: { ...lb.advancedConfiguration, alternateTargetGroupArn: lb.targetGroupArn },
        }
      : lb;
  });
  record.deployments = [green];
  Object.assign(sd, { status: 'SUCCESSFUL', finishedAt: t.now, updatedAt: t.now });
  t.endRollout(green, 'COMPLETED');
}

/** Rules back to blue (green tasks stop only once the load balancer routes so), green tasks stopped, blue PRIMARY again. */
function rollBack(t: Tick, sd: ServiceDeploymentRecord, green: StoredDeployment): void {
  const { record } = t;
  const elb = t.ecs.elb;
  let routing = false;
  for (const lb of record.service.loadBalancers ?? []) {
    const advanced = lb.advancedConfiguration;
    if (!lb.targetGroupArn || !advanced?.alternateTargetGroupArn) continue;
    for (const [which, rule] of [
      ['test', advanced.testListenerRule],
      ['production', advanced.productionListenerRule],
    ] as const) {
      if (rule && sd.shifted[which] && elb.exists(rule)) {
        elb.setForwardWeights(rule, [
          { targetGroupArn: lb.targetGroupArn, weight: 100 },
          { targetGroupArn: advanced.alternateTargetGroupArn, weight: 0 },
        ]);
        // A refusal cannot be rolled back from: the green tasks stop all the same.
        routing ||= elb.weightsApplied(rule).state === 'pending';
      }
    }
  }
  if (routing) return t.wake(ROUTING_POLL_MS);
  sd.shifted = {};
  sd.productionWeight = 0;
  const greenTasks = t.tasks.filter((r) => r.deploymentId === green.id);
  t.stop(greenTasks.filter(isActive).slice(0, MAX_TASKS_PER_STEP), scalingReason(green.id));
  if (greenTasks.some((r) => r.task.lastStatus !== 'STOPPED')) return t.wake(MOVING_MS);
  const blue = record.deployments.find((d) => d.id === sd.blueDeploymentId);
  record.deployments = blue ? [{ ...blue, status: 'PRIMARY', updatedAt: t.now }] : [];
  record.service.taskDefinition = sd.sourceTaskDefinition;
  Object.assign(sd, { status: 'ROLLBACK_SUCCESSFUL', finishedAt: t.now, updatedAt: t.now });
  t.event(
    `(service ${t.name}) (deployment ${green.id}) rolled back to task definition ${sd.sourceTaskDefinition}: ${sd.statusReason ?? 'rollback requested'}`,
  );
}

function counts(t: Tick): void {
  const live = liveDeployments(t.record, t.tasks);
  t.record.service.runningCount = live.running;
  t.record.service.pendingCount = live.pending;
}
