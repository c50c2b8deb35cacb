/**
 * @module services/codedeploy/steps
 * What each lifecycle event of an ECS blue/green deployment does, one idempotent step at a time:
 * a run reads the recorded progress and what ECS and ELB say, records what it is about to do, does
 * it, and answers done, wait, or fail. Hooks wait for PutLifecycleEventHookExecutionStatus; Install
 * creates the replacement task set and waits for it to be healthy; the traffic events move the test
 * and production listeners' weighted forwards, and are done only once the load balancers route by
 * them (a weight is stored first and reaches the data plane a moment later).
 */
import { codedeployHookExecutionId } from '../../core/ids.ts';
import type { TaskSetView } from '../ecs/facade-types.ts';
import { type ForwardWeight, ROUTING_POLL_MS } from '../elb/traffic-types.ts';
import { announce, type CodeDeployContext } from './context.ts';
import type { DeploymentRecord, LifecycleEventRecord, TargetGroupRef } from './model.ts';
import { nextStep } from './routing.ts';
import type { Diagnostics, ErrorCode } from './shapes.ts';

/** Real ms between looks at a replacement task set that is not healthy yet. */
export const POLL_MS = 500;
/** How long a hook may take to report (CodeDeploy's one hour), nominal ms. */
export const HOOK_TIMEOUT_MS = 60 * 60_000;
/** How long the replacement task set may take to become healthy, nominal ms. */
export const INSTALL_TIMEOUT_MS = 60 * 60_000;
const MINUTE_MS = 60_000;

export interface Failure {
  code: ErrorCode;
  message: string;
  diagnostics?: Diagnostics;
  /** Ended as Stopped rather than Failed (a stop request, the ready wait's timeout). */
  stopped?: boolean;
}

export type StepResult = { done: true } | { waitMs: number } | { fail: Failure };

export const DONE: StepResult = { done: true };

/** Records a change to the deployment (in one transaction) and returns it as stored. */
export function record(cd: CodeDeployContext, d: DeploymentRecord, mutate: (d: DeploymentRecord) => void): DeploymentRecord {
  return cd.model.modifyDeployment(d.id, mutate) ?? d;
}

/** Real ms left of a nominal wait that began at `since` (at least 1). */
export function remaining(cd: CodeDeployContext, since: number, nominalMs: number): number {
  return Math.max(1, cd.clock.duration(nominalMs) - (cd.clock.now() - since));
}

export function eventOf(d: DeploymentRecord, name: string): LifecycleEventRecord {
  return d.target.events.find((e) => e.name === name)!;
}

export function pair(d: DeploymentRecord): { prod: string[]; test: string[]; groups: string[] } {
  const p = d.loadBalancerInfo.targetGroupPairInfoList?.[0];
  return {
    prod: p?.prodTrafficRoute?.listenerArns ?? [],
    test: p?.testTrafficRoute?.listenerArns ?? [],
    groups: (p?.targetGroups ?? []).map((g) => g.name ?? ''),
  };
}

const sameWeights = (a: ForwardWeight[], b: ForwardWeight[]) =>
  b.every((w) => a.some((x) => x.targetGroupArn === w.targetGroupArn && x.weight === w.weight)) &&
  a.every((x) => x.weight === 0 || b.some((w) => w.targetGroupArn === x.targetGroupArn));

/** Sets the listeners' weights where they differ; true when one did. */
function setWeights(
  cd: CodeDeployContext,
  listeners: string[],
  blue: TargetGroupRef,
  green: TargetGroupRef,
  greenPercent: number,
): boolean {
  const weights = [
    { targetGroupArn: blue.arn, weight: 100 - greenPercent },
    { targetGroupArn: green.arn, weight: greenPercent },
  ];
  let changed = false;
  for (const listener of listeners) {
    if (sameWeights(cd.elb.forwardWeights(listener), weights)) continue;
    cd.elb.setForwardWeights(listener, weights);
    changed = true;
  }
  return changed;
}

/** Brings the production and test listeners to the recorded weights (after a restart, or a change by hand); true when one changed. */
export function applyWeights(cd: CodeDeployContext, d: DeploymentRecord): boolean {
  const { blue, green, greenPercent, testOnGreen } = d.progress;
  if (!blue || !green) return false;
  const { prod, test } = pair(d);
  const production = setWeights(cd, prod, blue, green, greenPercent);
  return setWeights(cd, test, blue, green, testOnGreen ? 100 : 0) || production;
}

/** Whether the load balancers route by the listeners' weights: done, a short wait, or the data plane's refusal as the deployment's failure. */
export function routed(cd: CodeDeployContext, d: DeploymentRecord): StepResult {
  const { prod, test } = pair(d);
  for (const listener of [...prod, ...test]) {
    const s = cd.elb.weightsApplied(listener);
    if (s.state === 'pending') return { waitMs: ROUTING_POLL_MS };
    if (s.state === 'refused') {
      const message = `Load balancer ${s.loadBalancerArn} does not route by the new weights of listener ${listener}: its data plane did not take them: ${s.reason}`;
      return { fail: { code: 'ELASTIC_LOAD_BALANCING_INVALID', message } };
    }
  }
  return DONE;
}

export function taskSets(cd: CodeDeployContext, d: DeploymentRecord): TaskSetView[] {
  return cd.ecs.listTaskSets(d.scope, d.service.clusterName, d.service.serviceName);
}

/** A lifecycle hook: its function is asked (by id, in the event's diagnostics) and the event waits for its status. */
export function hookStep(cd: CodeDeployContext, d: DeploymentRecord, event: LifecycleEventRecord): StepResult {
  const functionName = d.appSpec.hooks[event.name];
  if (!functionName) return DONE;
  const hook = event.hook;
  if (!hook) {
    const executionId = codedeployHookExecutionId();
    record(cd, d, (r) => {
      const e = eventOf(r, event.name);
      e.hook = { functionName, executionId };
      e.diagnostics = {
        errorCode: 'Success',
        scriptName: functionName,
        message: `Waiting for ${functionName}: LifecycleEventHookExecutionId ${executionId}. Slipway does not run Lambda functions yet; report this hook's result with PutLifecycleEventHookExecutionStatus.`,
      };
    });
    return { waitMs: remaining(cd, event.startTime ?? cd.clock.now(), HOOK_TIMEOUT_MS) };
  }
  const id = `LifecycleEventHookExecutionId ${hook.executionId}`;
  if (hook.reported === 'Succeeded') return DONE;
  if (hook.reported === 'Failed') {
    const message = `The ${event.name} hook ${hook.functionName} reported Failed (${id})`;
    return {
      fail: { code: 'HOOK_EXECUTION_FAILURE', message, diagnostics: { errorCode: 'ScriptFailed', scriptName: hook.functionName, message } },
    };
  }
  if (cd.clock.elapsed(event.startTime!, HOOK_TIMEOUT_MS)) {
    const message = `The ${event.name} hook ${hook.functionName} did not report its status within an hour (${id})`;
    return { fail: { code: 'TIMEOUT', message, diagnostics: { errorCode: 'ScriptTimedOut', scriptName: hook.functionName, message } } };
  }
  return { waitMs: remaining(cd, event.startTime!, HOOK_TIMEOUT_MS) };
}

/** Finds the original task set and the two target groups' roles (once). */
function findBlue(cd: CodeDeployContext, d: DeploymentRecord): DeploymentRecord | Failure {
  const { serviceName, clusterName } = d.service;
  const service = cd.ecs.describeService(d.scope, clusterName, serviceName);
  if (service?.status !== 'ACTIVE')
    return { code: 'INVALID_ECS_SERVICE', message: `The ECS service ${serviceName} does not exist in cluster ${clusterName}` };
  if (service.deploymentController !== 'CODE_DEPLOY') {
    return { code: 'INVALID_ECS_SERVICE', message: `The ECS service ${serviceName} must use the CODE_DEPLOY deployment controller` };
  }
  const groups = pair(d).groups.map((name) => ({ name, arn: cd.elb.targetGroupArn(d.scope, name) ?? '' }));
  const missing = groups.find((g) => !g.arn);
  if (missing || groups.length !== 2)
    return {
      code: 'ELASTIC_LOAD_BALANCING_INVALID',
      message: `Target group ${missing?.name ?? ''} of the deployment group does not exist`,
    };
  const primary = taskSets(cd, d).find((s) => s.status === 'PRIMARY');
  const blueArn = primary?.targetGroupArn ?? service.loadBalancers[0]?.targetGroupArn;
  const blue = groups.find((g) => g.arn === blueArn);
  if (!blue)
    return {
      code: 'ELASTIC_LOAD_BALANCING_INVALID',
      message: "The service's task set does not serve either target group of the deployment group",
    };
  const green = groups.find((g) => g !== blue)!;
  return record(cd, d, (r) => {
    r.progress.blueTaskSet = primary?.id;
    r.progress.blue = blue;
    r.progress.green = green;
  });
}

/** Running, steady, and healthy in its target group: the only state traffic may move to. */
export function greenHealthy(cd: CodeDeployContext, d: DeploymentRecord, set: TaskSetView | undefined): boolean {
  if (set?.stabilityStatus !== 'STEADY_STATE' || !d.progress.green) return false;
  return cd.elb.targetHealth(d.progress.green.arn).healthy >= set.computedDesiredCount;
}

/** Install: the replacement task set, from the AppSpec's task definition, in the green group, healthy. */
export function install(cd: CodeDeployContext, d: DeploymentRecord, event: LifecycleEventRecord): StepResult {
  if (!d.progress.blue) {
    const found = findBlue(cd, d);
    if (!('id' in found)) return { fail: found };
    d = found;
  }
  const { blue, green } = d.progress as Required<typeof d.progress>;
  // Both groups on the production listeners (green at 0) so that green's targets are health-checked.
  applyWeights(cd, d);
  const { serviceName: service, clusterName: cluster } = d.service;
  let sets = taskSets(cd, d);
  let set = sets.find((s) => s.externalId === d.id);
  if (!set) {
    // Sets an earlier deployment left (it ended without a rollback) make way for this one; one
    // already DRAINING (the last deployment's original, still being removed) is on its way out.
    for (const s of sets)
      if (s.status === 'ACTIVE' && s.id !== d.progress.blueTaskSet) cd.ecs.deleteTaskSet(d.scope, cluster, service, s.id);
    const view = cd.ecs.describeService(d.scope, cluster, service);
    set = cd.ecs.createTaskSet(d.scope, {
      cluster,
      service,
      taskDefinition: d.appSpec.taskDefinition,
      externalId: d.id,
      startedBy: 'CODE_DEPLOY',
      loadBalancer: { targetGroupArn: green.arn, containerName: d.appSpec.containerName, containerPort: d.appSpec.containerPort },
      networkConfiguration: d.appSpec.networkConfiguration ?? view?.networkConfiguration,
      launchType: view?.launchType,
      platformVersion: d.appSpec.platformVersion ?? view?.platformVersion,
      scalePercent: 100,
    });
    sets = [...sets, set];
  }
  if (d.progress.greenTaskSet !== set.id) d = record(cd, d, (r) => (r.progress.greenTaskSet = set.id));
  if (greenHealthy(cd, d, set)) return DONE;
  if (set.failingToStart) {
    return {
      fail: {
        code: 'ECS_UPDATE_ERROR',
        message: `The replacement task set's tasks failed to start repeatedly; it cannot reach its desired count of ${set.computedDesiredCount} (blue ${blue.name} keeps the traffic)`,
      },
    };
  }
  if (cd.clock.elapsed(event.startTime!, INSTALL_TIMEOUT_MS)) {
    return {
      fail: {
        code: 'ECS_UPDATE_ERROR',
        message: `The replacement task set did not become healthy in target group ${green.name} within an hour (blue ${blue.name} keeps the traffic)`,
      },
    };
  }
  return { waitMs: POLL_MS };
}

/** AllowTestTraffic: the test listeners route to green. */
export function allowTestTraffic(cd: CodeDeployContext, d: DeploymentRecord): StepResult {
  if (!d.progress.testOnGreen) d = record(cd, d, (r) => (r.progress.testOnGreen = true));
  applyWeights(cd, d);
  return routed(cd, d);
}

/** AllowTraffic: production moves step by step (each only onto a healthy green, the next only once it is routed by); then green becomes primary. */
export function allowTraffic(cd: CodeDeployContext, d: DeploymentRecord): StepResult {
  applyWeights(cd, d);
  let taken = routed(cd, d);
  if (!('done' in taken)) return taken;
  for (let next = nextStep(d.trafficRouting, d.progress.greenPercent); next; next = nextStep(d.trafficRouting, d.progress.greenPercent)) {
    const since = d.progress.shiftedAt;
    const wait = next.afterMinutes * MINUTE_MS;
    if (since !== undefined && wait > 0 && !cd.clock.elapsed(since, wait)) return { waitMs: remaining(cd, since, wait) };
    const green = taskSets(cd, d).find((s) => s.id === d.progress.greenTaskSet);
    if (!green) return { fail: { code: 'ECS_UPDATE_ERROR', message: 'The replacement task set no longer exists' } };
    if (!greenHealthy(cd, d, green)) return { waitMs: POLL_MS };
    const percent = next.percent;
    d = record(cd, d, (r) => {
      r.progress.greenPercent = percent;
      r.progress.shiftedAt = cd.clock.now();
      r.statusMessages = [`Production traffic: ${100 - percent}% to the original task set, ${percent}% to the replacement`];
    });
    applyWeights(cd, d);
    announce(cd, d, 'AllowTraffic');
    taken = routed(cd, d);
    if (!('done' in taken)) return taken;
  }
  const green = taskSets(cd, d).find((s) => s.id === d.progress.greenTaskSet);
  if (green && green.status !== 'PRIMARY') cd.ecs.setPrimaryTaskSet(d.scope, d.service.clusterName, d.service.serviceName, green.id);
  return DONE;
}
