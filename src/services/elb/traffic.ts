/**
 * @module services/elb/traffic
 * The ELB room's traffic facade (ElbTrafficFacade) over its own model: a listener's default action
 * or a rule's forward read and rewritten as a weighted forward, and a target group's health counted
 * as DescribeTargetHealth states it. A weight change wakes the health checker and the data plane
 * sync at once, and is stamped so that weightsApplied tells when the data plane routes by it.
 */
import type { Scope } from '../../core/ids.ts';
import { scopeKey } from '../../core/scope.ts';
import { targetHealthOf } from './api-targets.ts';
import { checkActions } from './actions.ts';
import { elbError } from './errors.ts';
import type { ElbModel } from './model.ts';
import type { PendingChanges } from './pending.ts';
import type { Action } from './shapes.ts';
import type { ElbTrafficFacade, ForwardWeight, TargetHealthCounts } from './traffic-types.ts';

/** The actions of a listener (its default actions) or a rule, or undefined when neither exists. */
function actionsOf(model: ElbModel, arn: string): Action[] | undefined {
  return model.listeners.get(arn)?.listener.DefaultActions ?? model.rules.get(arn)?.rule.Actions;
}

function weightsOf(action: Action | undefined): ForwardWeight[] {
  if (action?.Type !== 'forward') return [];
  const tuples = action.ForwardConfig?.TargetGroups?.length
    ? action.ForwardConfig.TargetGroups
    : [{ TargetGroupArn: action.TargetGroupArn, Weight: 1 }];
  return tuples.filter((t) => t.TargetGroupArn).map((t) => ({ targetGroupArn: t.TargetGroupArn!, weight: t.Weight ?? 1 }));
}

/** `actions` with its forward replaced by a weighted forward to `weights` (the groups it named and does not name get 0). */
function reweighted(actions: Action[], weights: ForwardWeight[]): Action[] {
  const index = actions.findIndex((a) => a.Type === 'forward');
  if (index < 0) throw elbError.invalidAction('The listener or rule has no forward action to weigh between target groups');
  const old = actions[index];
  const named = new Map(weights.map((w) => [w.targetGroupArn, w.weight]));
  const groups = [
    ...weights.map((w) => w.targetGroupArn),
    ...weightsOf(old)
      .map((w) => w.targetGroupArn)
      .filter((arn) => !named.has(arn)),
  ];
  const forward: Action = {
    Type: 'forward',
    Order: old.Order,
    TargetGroupArn: groups.length === 1 ? groups[0] : undefined,
    ForwardConfig: {
      TargetGroups: groups.map((arn) => ({ TargetGroupArn: arn, Weight: named.get(arn) ?? 0 })),
      TargetGroupStickinessConfig: old.ForwardConfig?.TargetGroupStickinessConfig ?? { Enabled: false },
    },
  };
  return actions.map((a, i) => (i === index ? forward : a));
}

/** `changed` wakes the room's health checker and data plane sync after a weight change; `pending` keeps it until the data plane takes it. */
export function elbTrafficFacade({
  model,
  changed,
  pending,
}: {
  model: ElbModel;
  changed(): void;
  pending: PendingChanges;
}): ElbTrafficFacade {
  return {
    targetGroupArn(scope: Scope, nameOrArn: string) {
      if (nameOrArn.startsWith('arn:')) return model.targetGroups.get(nameOrArn) ? nameOrArn : undefined;
      return model.targetGroups.find({ scope: scopeKey(scope), name: nameOrArn })[0]?.tg.TargetGroupArn;
    },

    exists: (arn) => actionsOf(model, arn) !== undefined,

    forwardWeights: (arn) => weightsOf(actionsOf(model, arn)?.find((a) => a.Type === 'forward')),

    setForwardWeights(arn, weights) {
      const moved = model.tx(() => {
        const listener = model.listeners.get(arn);
        const rule = listener ? model.rules.find({ listener: arn }).find((r) => r.rule.IsDefault) : model.rules.get(arn);
        if (!rule) throw listener ? elbError.ruleNotFound() : elbError.listenerNotFound(`Listener or rule '${arn}' not found`);
        const loadBalancerArn = model.listeners.get(rule.listenerArn)?.listener.LoadBalancerArn ?? '';
        // Checked as ModifyListener and ModifyRule check a forward: groups that exist, weights, one load balancer each.
        const actions = checkActions(model, reweighted(rule.rule.Actions ?? [], weights), loadBalancerArn);
        // The same weights again change nothing, so a caller that sets them on every look can still see them taken.
        if (JSON.stringify(actions) === JSON.stringify(rule.rule.Actions)) return undefined;
        model.putRule({ ...rule, rule: { ...rule.rule, Actions: actions } });
        const owner = listener ?? (rule.rule.IsDefault ? model.listeners.get(rule.listenerArn) : undefined);
        if (owner) model.putListener({ ...owner, listener: { ...owner.listener, DefaultActions: actions } });
        return { loadBalancerArn, arns: [rule.rule.RuleArn, ...(owner ? [owner.listener.ListenerArn] : [])] };
      });
      if (!moved) return;
      for (const key of moved.arns) pending.stamp(key, { loadBalancerArn: moved.loadBalancerArn });
      changed();
    },

    weightsApplied: (arn) => pending.state(arn),

    targetHealth(targetGroupArn) {
      const counts: TargetHealthCounts = { healthy: 0, unhealthy: 0, initial: 0, draining: 0, total: 0 };
      if (!model.targetGroups.get(targetGroupArn)) return counts;
      for (const d of targetHealthOf(model, targetGroupArn)) {
        const state = d.TargetHealth?.State;
        if (state === 'healthy' || state === 'unhealthy' || state === 'initial' || state === 'draining') counts[state]++;
        counts.total++;
      }
      return counts;
    },
  };
}
