/**
 * @module services/codedeploy/rollback
 * How a deployment ends badly, as CodeDeploy records it: the deployment becomes Failed (or Stopped),
 * the event under way Failed and the ones after it Skipped; when rollback applies, a new deployment
 * (creator codeDeployRollback) is created in the same transaction, linked both ways through
 * rollbackInfo. That rollback deployment moves all traffic back to the original task set and, once
 * the load balancers route so, makes it primary again and removes the replacement, then succeeds.
 */
import { codedeployDeploymentId } from '../../core/ids.ts';
import type { ReconcileResult } from '../../core/reconcile.ts';
import { announce, type CodeDeployContext } from './context.ts';
import type { DeploymentRecord } from './model.ts';
import { applyWeights, eventOf, record, routed, taskSets, type Failure } from './steps.ts';

/** The one lifecycle event of a rollback: traffic back to the original task set. */
const ROLLBACK_EVENT = 'AllowTraffic';

/** Whether a failure rolls back: a stop says so itself; otherwise the deployment's autoRollbackConfiguration. */
function rollsBack(d: DeploymentRecord, f: Failure, stopRollback: boolean | undefined): boolean {
  if (stopRollback !== undefined) return stopRollback;
  const { enabled, events = [] } = d.autoRollback;
  return !!enabled && events.includes(f.stopped ? 'DEPLOYMENT_STOP_ON_REQUEST' : 'DEPLOYMENT_FAILURE');
}

export function failDeployment(cd: CodeDeployContext, d: DeploymentRecord, f: Failure, stopRollback: boolean | undefined): void {
  const now = cd.clock.now();
  const rollbackId = d.creator === 'user' && rollsBack(d, f, stopRollback) ? codedeployDeploymentId() : undefined;
  const ended = cd.model.tx(() => {
    const failed = record(cd, d, (r) => {
      r.status = f.stopped ? 'Stopped' : 'Failed';
      r.completeTime = now;
      r.errorInformation = { code: f.code, message: f.message };
      r.statusMessages = [];
      r.target.status = 'Failed';
      r.target.lastUpdatedAt = now;
      const current = r.target.events.find((e) => e.status === 'InProgress');
      if (current)
        Object.assign(current, {
          status: 'Failed',
          endTime: now,
          diagnostics: f.diagnostics ?? { errorCode: 'UnknownError', message: f.message },
        });
      for (const e of r.target.events) if (e.status === 'Pending') e.status = 'Skipped';
      delete r.progress.stopRequested;
      if (rollbackId)
        r.rollbackInfo = { rollbackDeploymentId: rollbackId, rollbackMessage: `Deployment ${rollbackId} rolls this deployment back` };
    });
    if (rollbackId) {
      cd.model.putDeployment({
        ...failed,
        id: rollbackId,
        creator: 'codeDeployRollback',
        status: 'Created',
        createTime: now,
        startTime: undefined,
        completeTime: undefined,
        errorInformation: undefined,
        description: `Rollback of deployment ${d.id}`,
        rollbackInfo: { rollbackTriggeringDeploymentId: d.id, rollbackMessage: `Rolls back deployment ${d.id}: ${f.message}` },
        target: { status: 'Pending', lastUpdatedAt: now, events: [{ name: ROLLBACK_EVENT, status: 'Pending' }] },
        progress: { ...failed.progress, greenPercent: 0, testOnGreen: false },
      });
    }
    return failed;
  });
  announce(cd, ended);
  if (rollbackId) cd.wake(rollbackId);
}

/** The rollback deployment's run: traffic to blue, blue primary, green gone; then Succeeded. */
export function rollBack(cd: CodeDeployContext, d: DeploymentRecord): ReconcileResult {
  if (d.progress.stopRequested) {
    failDeployment(cd, d, { code: 'MANUAL_STOP', message: 'The rollback was stopped by a user (StopDeployment)', stopped: true }, false);
    return {};
  }
  if (eventOf(d, ROLLBACK_EVENT).status === 'Pending') {
    d = record(cd, d, (r) => Object.assign(eventOf(r, ROLLBACK_EVENT), { status: 'InProgress', startTime: cd.clock.now() }));
  }
  applyWeights(cd, d);
  const taken = routed(cd, d);
  if ('waitMs' in taken) return { requeueAfterMs: taken.waitMs };
  if ('fail' in taken) {
    failDeployment(cd, d, taken.fail, false);
    return {};
  }
  const { clusterName, serviceName } = d.service;
  const sets = taskSets(cd, d);
  const blue = sets.find((s) => s.id === d.progress.blueTaskSet);
  if (blue && blue.status !== 'PRIMARY') cd.ecs.setPrimaryTaskSet(d.scope, clusterName, serviceName, blue.id);
  const triggering = d.rollbackInfo?.rollbackTriggeringDeploymentId;
  for (const s of sets) {
    if (s.id !== d.progress.blueTaskSet && (s.id === d.progress.greenTaskSet || s.externalId === triggering))
      cd.ecs.deleteTaskSet(d.scope, clusterName, serviceName, s.id);
  }
  const now = cd.clock.now();
  d = record(cd, d, (r) => {
    Object.assign(eventOf(r, ROLLBACK_EVENT), { status: 'Succeeded', endTime: now });
    r.target.status = 'Succeeded';
    r.target.lastUpdatedAt = now;
    r.status = 'Succeeded';
    r.completeTime = now;
  });
  announce(cd, d);
  return {};
}
