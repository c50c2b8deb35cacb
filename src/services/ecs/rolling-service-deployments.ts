/**
 * @module services/ecs/rolling-service-deployments
 * ROLLING deployments as service deployments, as ECS lists them: each deployment that CreateService
 * or UpdateService starts outside blue/green is one (IN_PROGRESS), which ends SUCCESSFUL when its
 * rollout completes, STOPPED when its circuit breaker trips without rollback or a newer deployment
 * takes over, and ROLLBACK_IN_PROGRESS → ROLLBACK_SUCCESSFUL (or ROLLBACK_FAILED) when the circuit
 * breaker or StopServiceDeployment rolls it back. The scheduler (scheduler.ts) carries a rollback
 * out as a new deployment of the last revision that deployed successfully. Blue/green service
 * deployments (blue-green.ts) are recorded here too, so that one starting supersedes a rolling one.
 */
import { ecsArn, serviceDeploymentId, shortName } from '../../core/ids.ts';
import { scopeOfOwnArn } from '../../core/scope.ts';
import { newDeployment } from './deployments.ts';
import type { ServiceDeploymentRecord, ServiceRecord, StoredDeployment } from './model.ts';
import { say } from './service-events.ts';
import type { Tick } from './service-tick.ts';

const ENDED = (sd: ServiceDeploymentRecord, status: ServiceDeploymentRecord['status'], reason: string | undefined, now: number) =>
  Object.assign(sd, { status, statusReason: reason, finishedAt: now, updatedAt: now });

/**
 * Records a new service deployment of `fresh` replacing `previous` (in the caller's transaction),
 * first in the service's list; a ROLLING one still running is superseded.
 */
export function recordServiceDeployment(
  record: ServiceRecord,
  fresh: StoredDeployment,
  previous: StoredDeployment | undefined,
  now: number,
  fields: Partial<ServiceDeploymentRecord>,
): ServiceDeploymentRecord {
  const svc = record.service;
  for (const sd of record.serviceDeployments ?? []) {
    if (sd.strategy === 'ROLLING' && (sd.status === 'IN_PROGRESS' || sd.status === 'ROLLBACK_IN_PROGRESS'))
      ENDED(sd, 'STOPPED', 'Service deployment stopped because a newer service deployment started.', now);
  }
  const sd: ServiceDeploymentRecord = {
    serviceDeploymentArn: ecsArn.serviceDeployment(
      scopeOfOwnArn(svc.serviceArn),
      shortName(svc.clusterArn),
      svc.serviceName,
      serviceDeploymentId(),
    ),
    greenDeploymentId: fresh.id,
    blueDeploymentId: previous?.id ?? '',
    sourceTaskDefinition: previous?.taskDefinition ?? '',
    targetTaskDefinition: fresh.taskDefinition,
    greenLoadBalancers: [],
    status: 'IN_PROGRESS',
    lifecycleStage: 'SCALE_UP',
    hooks: [],
    shifted: {},
    createdAt: now,
    startedAt: now,
    updatedAt: now,
    ...fields,
  };
  record.serviceDeployments = [sd, ...(record.serviceDeployments ?? [])].slice(0, 50);
  return sd;
}

/** Records `fresh` as a ROLLING service deployment replacing `previous` (none for the service's first). */
export function beginRolling(record: ServiceRecord, fresh: StoredDeployment, previous: StoredDeployment | undefined, now: number): void {
  recordServiceDeployment(record, fresh, previous, now, { strategy: 'ROLLING' });
}

/** The ROLLING service deployment that rolls out `deploymentId`, or rolls back to it. */
function rollingOf(record: ServiceRecord, deploymentId: string): ServiceDeploymentRecord | undefined {
  return record.serviceDeployments?.find(
    (sd) => sd.strategy === 'ROLLING' && (sd.greenDeploymentId === deploymentId || sd.rollbackDeploymentId === deploymentId),
  );
}

/** A rollout ended (Tick.endRollout): its service deployment ends with it. */
export function endRolling(record: ServiceRecord, d: StoredDeployment, state: 'COMPLETED' | 'FAILED', now: number): void {
  const sd = rollingOf(record, d.id);
  if (!sd) return;
  const rollback = sd.rollbackDeploymentId === d.id;
  if (state === 'COMPLETED') {
    if (rollback && sd.status === 'ROLLBACK_IN_PROGRESS') ENDED(sd, 'ROLLBACK_SUCCESSFUL', sd.statusReason, now);
    else if (!rollback && sd.status === 'IN_PROGRESS') ENDED(sd, 'SUCCESSFUL', undefined, now);
  } else if (rollback) {
    if (sd.status === 'ROLLBACK_IN_PROGRESS')
      ENDED(sd, 'ROLLBACK_FAILED', 'The rollback deployment failed: its tasks failed to start.', now);
  } else if (sd.status === 'IN_PROGRESS') {
    ENDED(sd, 'STOPPED', 'ECS deployment circuit breaker: tasks failed to start.', now);
  }
}

/**
 * Rolls the PRIMARY back to `target` with a new deployment (the circuit breaker, or a requested
 * rollback); its service deployment shows the rollback. Returns the rollback deployment.
 */
export function rollBackTo(t: Tick, primary: StoredDeployment, target: string, reason: string): StoredDeployment {
  const { record } = t;
  const rollback = newDeployment(
    {
      taskDefinition: target,
      desiredCount: record.service.desiredCount ?? 0,
      launchType: primary.launchType,
      capacityProviderStrategy: primary.capacityProviderStrategy,
      platformVersion: record.service.platformVersion,
      networkConfiguration: primary.networkConfiguration,
    },
    t.now,
  );
  primary.status = 'ACTIVE';
  record.deployments.unshift(rollback);
  record.service.taskDefinition = target;
  t.event(say.rollingBack(t.name, rollback.id, target));
  const sd = rollingOf(record, primary.id);
  if (sd) {
    Object.assign(sd, { status: 'ROLLBACK_IN_PROGRESS', statusReason: reason, rollbackDeploymentId: rollback.id, updatedAt: t.now });
    sd.finishedAt = undefined;
    sd.rollback ??= { reason, startedAt: t.now };
  }
  return rollback;
}

/** A rollback asked for (StopServiceDeployment) and not yet begun: the scheduler begins it. */
export function requestedRollback(record: ServiceRecord): ServiceDeploymentRecord | undefined {
  const sd = record.serviceDeployments?.[0];
  return sd?.strategy === 'ROLLING' && sd.status === 'ROLLBACK_IN_PROGRESS' && !sd.rollbackDeploymentId ? sd : undefined;
}
