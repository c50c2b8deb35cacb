/**
 * @module services/elb/facade
 * What the ELB room offers other rooms (ECS today), handed to them at registration: targets in and
 * out of target groups, a target's health as the data plane serves it, a group's settings, and a
 * callback when health changes in a group.
 */
import type { Clock } from '../../core/clock.ts';
import { shortName } from '../../core/ids.ts';
import type { DataPlane } from './dataplane.ts';
import { targetHealthOf } from './api-targets.ts';
import { DESCRIPTIONS } from './health.ts';
import { targetKey, type ElbModel } from './model.ts';
import type { PendingChanges } from './pending.ts';
import type { TargetHealthReasonEnum, TargetHealthStateEnum } from './shapes.ts';
import { deregister, deregistrationDelaySeconds, register } from './targets.ts';

export interface TargetRef {
  id: string;
  port: number;
}

export interface TargetState {
  state: TargetHealthStateEnum;
  reason?: string;
  description?: string;
}

export interface ElbFacade {
  /** Registers targets in a target group; throws TargetGroupNotFound / InvalidTarget. Returns how many were new. */
  registerTargets(targetGroupArn: string, targets: TargetRef[]): number;
  /** Starts draining targets (unknown ones are ignored); returns how many began draining. */
  deregisterTargets(targetGroupArn: string, targets: TargetRef[]): number;
  /**
   * What DescribeTargetHealth says of one target (undefined when the group does not exist), but as
   * the data plane serves it: draining until its removal is taken, initial until it serves a target
   * that became healthy — so no task stops while it still gets requests, none counts before it does.
   */
  targetState(targetGroupArn: string, target: TargetRef): TargetState | undefined;
  /** A target group's target type and deregistration delay (nominal seconds), or undefined when it does not exist. */
  targetGroupInfo(targetGroupArn: string): { targetType: string; deregistrationDelaySeconds: number } | undefined;
  /** Calls `listener` with a target group's ARN whenever a target's health changes in it, or its draining ends. */
  onTargetHealth(listener: (targetGroupArn: string) => void): () => void;
  /** HTTP requests each target group (by ARN) has taken, from the data plane's own counters (they restart with its workers); undefined when it does not answer. */
  requestTotals(): Promise<Map<string, number> | undefined>;
}

export interface ElbFacadeDeps {
  model: ElbModel;
  clock: Clock;
  /** Wakes the room's health checker and data plane sync after targets changed. */
  changed(): void;
  healthListeners: Set<(targetGroupArn: string) => void>;
  dataPlane: Pick<DataPlane, 'requestTotals'>;
  pending: PendingChanges;
}

export function elbFacade({ model, clock, changed, healthListeners, dataPlane, pending }: ElbFacadeDeps): ElbFacade {
  const refs = (targets: TargetRef[]) => targets.map((t) => ({ Id: t.id, Port: t.port }));
  return {
    registerTargets(targetGroupArn, targets) {
      const added = register(model, clock, targetGroupArn, refs(targets));
      changed();
      return added;
    },
    deregisterTargets(targetGroupArn, targets) {
      if (!model.targetGroups.get(targetGroupArn)) return 0;
      const drained = deregister(model, clock, targetGroupArn, refs(targets));
      changed();
      return drained;
    },
    targetState(targetGroupArn, target) {
      if (!model.targetGroups.get(targetGroupArn)) return undefined;
      const [d] = targetHealthOf(model, targetGroupArn, refs([target]));
      const state = d.TargetHealth.State;
      if (pending.state(targetKey(targetGroupArn, target.id, target.port)).state === 'pending') {
        if (state === 'unused') return served('draining', 'Target.DeregistrationInProgress');
        if (state === 'healthy') return served('initial', 'Elb.RegistrationInProgress');
      }
      return { state, reason: d.TargetHealth.Reason, description: d.TargetHealth.Description };
    },
    targetGroupInfo(targetGroupArn) {
      const tg = model.targetGroups.get(targetGroupArn);
      return tg ? { targetType: tg.tg.TargetType ?? 'instance', deregistrationDelaySeconds: deregistrationDelaySeconds(tg) } : undefined;
    },
    onTargetHealth(listener) {
      healthListeners.add(listener);
      return () => healthListeners.delete(listener);
    },
    async requestTotals() {
      const byKey = await dataPlane.requestTotals?.();
      if (!byKey) return undefined;
      const out = new Map<string, number>();
      for (const { tg } of model.targetGroups.find()) out.set(tg.TargetGroupArn, byKey.get(shortName(tg.TargetGroupArn)) ?? 0);
      return out;
    },
  };
}

function served(state: TargetHealthStateEnum, reason: TargetHealthReasonEnum): TargetState {
  return { state, reason, description: DESCRIPTIONS[reason] };
}
