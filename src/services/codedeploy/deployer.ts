/**
 * @module services/codedeploy/deployer
 * The controller of deployments, one key per deployment. A run never asks what woke it: it loads
 * the deployment, acts on a pending stop, then walks the lifecycle events in order, running the
 * first unfinished one's step (steps.ts) until one has to wait or fails. Between the test-traffic
 * events and BeforeAllowTraffic sits the ready wait; after the last event, the termination wait,
 * then the original task set is removed and only then is the deployment Succeeded. A failure ends
 * the deployment Failed (or Stopped) and, when rollback applies, creates the rollback deployment
 * (rollback.ts). Timed waits read the clock, so a restarted Slipway goes on where it stood.
 */
import { AwsError } from '../../core/errors.ts';
import { actAs, RoleDenied } from '../acting.ts';
import { Controller, type ReconcileResult } from '../../core/reconcile.ts';
import { scopeKey } from '../../core/scope.ts';
import { announce, type CodeDeployContext } from './context.ts';
import { finished, type DeploymentRecord, type LifecycleEventRecord } from './model.ts';
import { CODEDEPLOY } from './group-spec.ts';
import { failDeployment, rollBack } from './rollback.ts';
import {
  allowTestTraffic,
  allowTraffic,
  DONE,
  eventOf,
  hookStep,
  install,
  record,
  remaining,
  routed,
  taskSets,
  type StepResult,
} from './steps.ts';

const MINUTE_MS = 60_000;
/** Real ms between full resyncs of the active deployments. */
const RESYNC_MS = 30_000;

/** The lifecycle events of an ECS deployment, in order (the test-traffic pair only with a test listener). */
export function lifecycleEventNames(withTestTraffic: boolean): string[] {
  const test = withTestTraffic ? ['AllowTestTraffic', 'AfterAllowTestTraffic'] : [];
  return ['BeforeInstall', 'Install', 'AfterInstall', ...test, 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'];
}

function runEvent(cd: CodeDeployContext, d: DeploymentRecord, event: LifecycleEventRecord): StepResult {
  switch (event.name) {
    case 'Install':
      return install(cd, d, event);
    case 'AllowTestTraffic':
      return allowTestTraffic(cd, d);
    case 'AllowTraffic':
      return allowTraffic(cd, d);
    default:
      return hookStep(cd, d, event);
  }
}

/** The ready wait (deploymentReadyOption STOP_DEPLOYMENT): Ready until ContinueDeployment, Stopped at its timeout. */
function readyWait(cd: CodeDeployContext, d: DeploymentRecord): StepResult {
  const ready = d.blueGreen.deploymentReadyOption;
  if (ready?.actionOnTimeout !== 'STOP_DEPLOYMENT' || d.progress.readyContinued) return DONE;
  if (d.progress.readyWaitSince === undefined) {
    d = record(cd, d, (r) => {
      r.progress.readyWaitSince = cd.clock.now();
      r.status = 'Ready';
      r.target.status = 'Ready';
      r.target.lastUpdatedAt = cd.clock.now();
    });
    announce(cd, d);
  }
  const wait = (ready.waitTimeInMinutes ?? 0) * MINUTE_MS;
  if (cd.clock.elapsed(d.progress.readyWaitSince!, wait)) {
    return {
      fail: { code: 'TIMEOUT', message: 'Traffic was not rerouted (ContinueDeployment) before the ready wait ended', stopped: true },
    };
  }
  return { waitMs: remaining(cd, d.progress.readyWaitSince!, wait) };
}

/** After the last event (and once the load balancers route as it left them): the target has succeeded; the original set waits out the termination wait, then goes. */
function terminate(cd: CodeDeployContext, d: DeploymentRecord): ReconcileResult {
  const taken = routed(cd, d);
  if ('waitMs' in taken) return { requeueAfterMs: taken.waitMs };
  if ('fail' in taken) {
    failDeployment(cd, d, taken.fail, undefined);
    return {};
  }
  const now = cd.clock.now();
  const option = d.blueGreen.terminateBlueInstancesOnDeploymentSuccess;
  const removeBlue = option?.action !== 'KEEP_ALIVE' && d.progress.blueTaskSet !== undefined;
  if (d.target.status !== 'Succeeded' || (removeBlue && d.progress.terminationSince === undefined)) {
    d = record(cd, d, (r) => {
      r.target.status = 'Succeeded';
      r.target.lastUpdatedAt = now;
      if (removeBlue) r.progress.terminationSince ??= now;
    });
  }
  if (removeBlue) {
    const wait = (option?.terminationWaitTimeInMinutes ?? 0) * MINUTE_MS;
    if (!d.progress.terminationContinued && !cd.clock.elapsed(d.progress.terminationSince!, wait)) {
      return { requeueAfterMs: remaining(cd, d.progress.terminationSince!, wait) };
    }
    const blue = taskSets(cd, d).find((s) => s.id === d.progress.blueTaskSet);
    if (blue) cd.ecs.deleteTaskSet(d.scope, d.service.clusterName, d.service.serviceName, blue.id);
  }
  d = record(cd, d, (r) => {
    r.status = 'Succeeded';
    r.completeTime = cd.clock.now();
    r.statusMessages = [];
  });
  cd.model.tx(() => {
    const group = cd.model.groups.get(d.groupArn);
    if (group) cd.model.putGroup({ ...group, lastSucceeded: d.id }, scopeKey(d.scope));
  });
  announce(cd, d);
  return {};
}

/** One run for one deployment (exported for tests, which drive it with a manual clock). */
export function reconcileDeployment(cd: CodeDeployContext, id: string): ReconcileResult {
  let d = cd.model.deployments.get(id);
  if (!d || finished(d)) return {};
  if (d.status === 'Created') {
    d = record(cd, d, (r) => {
      r.status = 'InProgress';
      r.startTime = cd.clock.now();
      r.target.status = 'InProgress';
      r.target.lastUpdatedAt = cd.clock.now();
    });
    announce(cd, d);
  }
  if (d.creator === 'codeDeployRollback') return rollBack(cd, d);
  if (d.progress.stopRequested) {
    failDeployment(
      cd,
      d,
      { code: 'MANUAL_STOP', message: 'The deployment was stopped by a user (StopDeployment)', stopped: true },
      d.progress.stopRequested.rollback,
    );
    return {};
  }
  for (const event of d.target.events) {
    if (event.status === 'Succeeded' || event.status === 'Skipped') continue;
    let result = event.name === 'BeforeAllowTraffic' && event.status === 'Pending' ? readyWait(cd, d) : DONE;
    if ('done' in result) {
      if (event.status === 'Pending') {
        d = record(cd, d, (r) => {
          Object.assign(eventOf(r, event.name), { status: 'InProgress', startTime: cd.clock.now() });
          if (r.status === 'Ready') {
            r.status = 'InProgress';
            r.target.status = 'InProgress';
          }
          r.target.lastUpdatedAt = cd.clock.now();
        });
        announce(cd, d, event.name);
      }
      result = runStep(cd, d, event.name);
      if ('done' in result) {
        d = record(cd, d, (r) => {
          Object.assign(eventOf(r, event.name), { status: 'Succeeded', endTime: cd.clock.now() });
          r.target.lastUpdatedAt = cd.clock.now();
        });
        announce(cd, d, event.name);
        continue;
      }
    }
    if ('waitMs' in result) return { requeueAfterMs: result.waitMs };
    failDeployment(cd, cd.model.deployments.get(id)!, result.fail, undefined);
    return {};
  }
  return terminate(cd, d);
}

/** A step, with ECS's and ELB's refusals (AwsErrors) and the group role's (RoleDenied) turned into the deployment's failure. */
function runStep(cd: CodeDeployContext, d: DeploymentRecord, name: string): StepResult {
  try {
    return runEvent(cd, d, eventOf(cd.model.deployments.get(d.id) ?? d, name));
  } catch (err) {
    if (err instanceof RoleDenied) return { fail: { code: 'IAM_ROLE_PERMISSIONS', message: roleRefusal(err) } };
    if (!(err instanceof AwsError)) throw err;
    return {
      fail: { code: name === 'Install' ? 'ECS_UPDATE_ERROR' : 'ELASTIC_LOAD_BALANCING_INVALID', message: `${err.code}: ${err.message}` },
    };
  }
}

/**
 * A run acting with the deployment group's service role (when signatures are required, each call
 * into ECS and ELB is authorized as it); a refusal outside a lifecycle step (removing the original
 * task set, rolling back) fails the deployment without a rollback, which the role could not do either.
 */
function reconcileAsGroupRole(cd: CodeDeployContext, id: string): ReconcileResult {
  const d = cd.model.deployments.get(id);
  const roleArn = d && cd.model.groups.get(d.groupArn)?.serviceRoleArn;
  if (!d || !roleArn) return reconcileDeployment(cd, id);
  try {
    return actAs('codedeploy', { roleArn, servicePrincipal: CODEDEPLOY, region: d.scope.region, sessionName: d.id }, () =>
      reconcileDeployment(cd, id),
    );
  } catch (err) {
    if (!(err instanceof RoleDenied)) throw err;
    const now = cd.model.deployments.get(id);
    if (now && !finished(now)) failDeployment(cd, now, { code: 'IAM_ROLE_PERMISSIONS', message: roleRefusal(err) }, false);
    return {};
  }
}

/** CodeDeploy's words for a service role that may not do what the deployment needs. */
function roleRefusal(err: RoleDenied): string {
  const service = err.service.signingName === 'ecs' ? 'AmazonECS' : err.service.sdkName;
  return `The IAM role ${err.roleArn} does not give you permission to perform operations in the following AWS service: ${service}. Contact your AWS administrator if you need help. If you are an AWS administrator, you can grant permissions to your users or groups by creating IAM policies. (${err.message})`;
}

export function deployerController(cd: CodeDeployContext): Controller {
  return new Controller({
    name: 'codedeploy.deployer',
    concurrency: 2,
    resyncMs: RESYNC_MS,
    listKeys: () => cd.model.active().map((d) => d.id),
    reconcile: async (id) => reconcileAsGroupRole(cd, id),
  });
}
