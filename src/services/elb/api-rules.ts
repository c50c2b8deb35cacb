/**
 * @module services/elb/api-rules
 * CreateRule, DescribeRules, ModifyRule, DeleteRule, SetRulePriorities. Rules are evaluated by
 * ascending priority (1–50000, unique per listener); the default rule comes last and can only have
 * its actions changed.
 */
import { paginate } from '../../core/paging.ts';
import { checkActions, checkConditions } from './actions.ts';
import { newRuleArn, requireListener } from './api-listeners.ts';
import { requireLoadBalancer } from './api-load-balancers.ts';
import type { ElbContext } from './context.ts';
import { describePaging, elbError } from './errors.ts';
import type { RuleRecord, StoredRule } from './model.ts';
import { checkInDataPlane, regexesOf } from './regex.ts';
import type { Elbv2Operations } from './shapes.ts';
import { checkTags } from './tags.ts';
import { checkTransforms } from './transforms.ts';

type Ops = Elbv2Operations;
const MAX_RULES = 100;

function requireRule(elb: ElbContext, arn: string): RuleRecord {
  const r = elb.model.rules.get(arn);
  if (!r) throw elbError.ruleNotFound(`Rule '${arn}' not found`);
  return r;
}

function checkPriority(priority: number): void {
  if (!Number.isInteger(priority) || priority < 1 || priority > 50000)
    throw elbError.validation(`Priority '${priority}' must be between 1 and 50000`);
}

export function ruleHandlers(elb: ElbContext) {
  const { model } = elb;
  return {
    async CreateRule(input: Ops['CreateRule']['input']): Promise<Ops['CreateRule']['output']> {
      checkPriority(input.Priority);
      checkTags(input.Tags);
      const conditions = checkConditions(input.Conditions);
      const transforms = input.Transforms?.length ? checkTransforms(input.Transforms) : undefined;
      await checkInDataPlane(elb, regexesOf(conditions, transforms));
      const rule = model.tx(() => {
        const listener = requireListener(elb, input.ListenerArn).listener;
        const actions = checkActions(elb.model, input.Actions, listener.LoadBalancerArn);
        const rules = model.rules.find({ listener: input.ListenerArn });
        if (rules.some((r) => r.priority === input.Priority)) throw elbError.priorityInUse(input.Priority);
        if (rules.length > MAX_RULES) throw elbError.tooManyRules();
        const created: StoredRule = {
          RuleArn: newRuleArn(requireLoadBalancer(elb, listener.LoadBalancerArn), listener.ListenerArn),
          Priority: String(input.Priority),
          Conditions: conditions,
          Actions: actions,
          IsDefault: false,
          Transforms: transforms,
        };
        model.putRule({ rule: created, listenerArn: input.ListenerArn, priority: input.Priority, tags: input.Tags ?? [] });
        return created;
      });
      elb.changed();
      return { Rules: [rule] };
    },

    DescribeRules(input: Ops['DescribeRules']['input']): Ops['DescribeRules']['output'] {
      const arns = input.RuleArns ?? [];
      if (!input.ListenerArn === !arns.length) throw elbError.validation('You must specify either listener ARNs or rule ARNs');
      const found = input.ListenerArn
        ? (requireListener(elb, input.ListenerArn), model.rulesOf(input.ListenerArn))
        : arns.map((arn) => requireRule(elb, arn));
      const page = paginate(found, { token: input.Marker, size: input.PageSize }, describePaging('DescribeRules'));
      return { Rules: page.items.map((r) => r.rule), NextMarker: page.next };
    },

    async ModifyRule(input: Ops['ModifyRule']['input']): Promise<Ops['ModifyRule']['output']> {
      if (input.ResetTransforms && input.Transforms?.length)
        throw elbError.validation('You cannot specify both Transforms and ResetTransforms');
      const transforms = input.Transforms?.length ? checkTransforms(input.Transforms) : undefined;
      const conditions = input.Conditions && checkConditions(input.Conditions);
      await checkInDataPlane(elb, regexesOf(conditions ?? [], transforms));
      const rule = model.tx(() => {
        const r = requireRule(elb, input.RuleArn);
        const listener = requireListener(elb, r.listenerArn);
        if (transforms || input.ResetTransforms) {
          if (r.rule.IsDefault && transforms) throw elbError.validation(`You cannot add transforms to the default rule '${input.RuleArn}'`);
          r.rule.Transforms = transforms;
        }
        if (conditions) {
          if (r.rule.IsDefault)
            throw elbError.operationNotPermitted(`You cannot modify the conditions of the default rule '${input.RuleArn}'`);
          r.rule.Conditions = conditions;
        }
        if (input.Actions) {
          r.rule.Actions = checkActions(elb.model, input.Actions, listener.listener.LoadBalancerArn);
          if (r.rule.IsDefault) model.putListener({ ...listener, listener: { ...listener.listener, DefaultActions: r.rule.Actions } });
        }
        model.putRule(r);
        return r.rule;
      });
      elb.changed();
      return { Rules: [rule] };
    },

    DeleteRule(input: Ops['DeleteRule']['input']): Ops['DeleteRule']['output'] {
      const r = requireRule(elb, input.RuleArn);
      if (r.rule.IsDefault) throw elbError.operationNotPermitted(`Default rule '${input.RuleArn}' cannot be deleted`);
      model.rules.delete(input.RuleArn);
      elb.changed();
      return {};
    },

    SetRulePriorities(input: Ops['SetRulePriorities']['input']): Ops['SetRulePriorities']['output'] {
      const rules = model.tx(() => {
        const changed = input.RulePriorities.map((p) => {
          const priority = p.Priority ?? 0;
          checkPriority(priority);
          const r = requireRule(elb, p.RuleArn ?? '');
          if (r.rule.IsDefault) throw elbError.operationNotPermitted(`Default rule '${p.RuleArn}' priority cannot be changed`);
          return { r, priority };
        });
        for (const { r, priority } of changed) {
          const others = model.rules
            .find({ listener: r.listenerArn })
            .filter((o) => !changed.some((c) => c.r.rule.RuleArn === o.rule.RuleArn));
          const twice = changed.filter((c) => c.r.listenerArn === r.listenerArn && c.priority === priority).length > 1;
          if (twice || others.some((o) => o.priority === priority)) throw elbError.priorityInUse(priority);
        }
        for (const { r, priority } of changed) {
          r.priority = priority;
          r.rule.Priority = String(priority);
          model.putRule(r);
        }
        return changed.map((c) => c.r.rule);
      });
      elb.changed();
      return { Rules: rules };
    },
  };
}
