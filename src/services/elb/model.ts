/**
 * @module services/elb/model
 * ELBv2 records and the only code that touches ELB tables.
 *
 * Tables (JSON documents, with indexed columns):
 *   elb_load_balancers  pk loadBalancerArn   scope, name
 *   elb_target_groups   pk targetGroupArn    scope, name
 *   elb_listeners       pk listenerArn       lb
 *   elb_rules           pk ruleArn           listener      (every listener has one default rule)
 *   elb_targets         pk <tgArn>|<id>|<port>  tg
 *
 * `scope` is core's scopeKey of the record's ARN. Handlers write spec (and register/deregister targets); the
 * health checker writes a target's health; the sync loop removes targets whose draining is over.
 */
import { scopeKey, scopeOfOwnArn } from '../../core/scope.ts';
import type { DocTable, Store } from '../../store/index.ts';
import type { Action, Listener, LoadBalancer, LoadBalancerState, Rule, Tag, TargetGroup, TargetHealthReasonEnum } from './shapes.ts';

/** A load balancer as stored: what CreateLoadBalancer sets is always there. */
export type StoredLoadBalancer = LoadBalancer &
  Required<
    Pick<
      LoadBalancer,
      | 'LoadBalancerArn'
      | 'LoadBalancerName'
      | 'DNSName'
      | 'CreatedTime'
      | 'Scheme'
      | 'VpcId'
      | 'State'
      | 'Type'
      | 'AvailabilityZones'
      | 'SecurityGroups'
      | 'IpAddressType'
    >
  >;

/** The health check settings every target group has (ALB's defaults where the request named none). */
export type HealthCheckSettings = Required<
  Pick<
    TargetGroup,
    | 'HealthCheckProtocol'
    | 'HealthCheckPort'
    | 'HealthCheckEnabled'
    | 'HealthCheckPath'
    | 'HealthCheckIntervalSeconds'
    | 'HealthCheckTimeoutSeconds'
    | 'HealthyThresholdCount'
    | 'UnhealthyThresholdCount'
    | 'Matcher'
  >
>;

/** A target group as stored: what CreateTargetGroup sets is always there. */
export type StoredTargetGroup = TargetGroup &
  HealthCheckSettings &
  Required<
    Pick<
      TargetGroup,
      'TargetGroupArn' | 'TargetGroupName' | 'Protocol' | 'Port' | 'VpcId' | 'TargetType' | 'ProtocolVersion' | 'IpAddressType'
    >
  >;

/** A listener as stored: what CreateListener sets is always there. */
export type StoredListener = Listener &
  Required<Pick<Listener, 'ListenerArn' | 'LoadBalancerArn' | 'Port' | 'Protocol' | 'DefaultActions'>>;

/** A rule as stored: what CreateRule (or CreateListener, for the default rule) sets is always there. */
export type StoredRule = Rule & Required<Pick<Rule, 'RuleArn' | 'Priority' | 'Conditions' | 'Actions' | 'IsDefault'>>;

export interface LoadBalancerRecord {
  lb: StoredLoadBalancer;
  attributes: Record<string, string>;
  tags: Tag[];
  /** The loopback address its listeners bind (127.0.1.N). */
  address: string;
}

export interface TargetGroupRecord {
  /** Without LoadBalancerArns, which is computed from the listeners and rules that use it. */
  tg: StoredTargetGroup;
  attributes: Record<string, string>;
  tags: Tag[];
}

export interface ListenerRecord {
  listener: StoredListener;
  tags: Tag[];
  /** HTTPS: the certificate list (AddListenerCertificates); the default certificate is listener.Certificates[0]. */
  certificates?: string[];
}

export interface RuleRecord {
  rule: StoredRule;
  listenerArn: string;
  /** 1–50000; the default rule sorts last. */
  priority: number;
  tags: Tag[];
}

/** A target's health as the checker last decided it (draining and unused are derived, see health.ts). */
export type CheckedState = 'initial' | 'healthy' | 'unhealthy';

export interface TargetRecord {
  targetGroupArn: string;
  id: string;
  port: number;
  availabilityZone?: string;
  registeredAt: number;
  health: { state: CheckedState; reason?: TargetHealthReasonEnum; description?: string; since: number };
  /** Set by DeregisterTargets: the target drains until this + deregistration delay, then is removed. */
  drainingSince?: number;
}

export function targetKey(tgArn: string, id: string, port: number): string {
  return `${tgArn}|${id}|${port}`;
}

export const DEFAULT_PRIORITY = 1_000_000;

export class ElbModel {
  readonly loadBalancers: DocTable<LoadBalancerRecord, 'scope' | 'name'>;
  readonly targetGroups: DocTable<TargetGroupRecord, 'scope' | 'name'>;
  readonly listeners: DocTable<ListenerRecord, 'lb'>;
  readonly rules: DocTable<RuleRecord, 'listener'>;
  readonly targets: DocTable<TargetRecord, 'tg'>;

  constructor(readonly store: Store) {
    this.loadBalancers = store.docTable('elb_load_balancers', { scope: 'TEXT', name: 'TEXT' });
    this.targetGroups = store.docTable('elb_target_groups', { scope: 'TEXT', name: 'TEXT' });
    this.listeners = store.docTable('elb_listeners', { lb: 'TEXT' });
    this.rules = store.docTable('elb_rules', { listener: 'TEXT' });
    this.targets = store.docTable('elb_targets', { tg: 'TEXT' });
  }

  tx<T>(fn: () => T): T {
    return this.store.tx(fn);
  }

  putLoadBalancer(r: LoadBalancerRecord): void {
    this.loadBalancers.put(r.lb.LoadBalancerArn, r, { scope: scopeKey(scopeOfOwnArn(r.lb.LoadBalancerArn)), name: r.lb.LoadBalancerName });
  }

  putTargetGroup(r: TargetGroupRecord): void {
    this.targetGroups.put(r.tg.TargetGroupArn, r, { scope: scopeKey(scopeOfOwnArn(r.tg.TargetGroupArn)), name: r.tg.TargetGroupName });
  }

  putListener(r: ListenerRecord): void {
    this.listeners.put(r.listener.ListenerArn, r, { lb: r.listener.LoadBalancerArn });
  }

  putRule(r: RuleRecord): void {
    this.rules.put(r.rule.RuleArn, r, { listener: r.listenerArn });
  }

  /** Written by the sync: what the data plane made of the load balancer. */
  setLoadBalancerState(arn: string, state: LoadBalancerState): void {
    this.loadBalancers.modify(
      arn,
      (r) => (r.lb.State = state),
      (r) => this.putLoadBalancer(r),
    );
  }

  putTarget(r: TargetRecord): void {
    this.targets.put(targetKey(r.targetGroupArn, r.id, r.port), r, { tg: r.targetGroupArn });
  }

  deleteTarget(r: Pick<TargetRecord, 'targetGroupArn' | 'id' | 'port'>): void {
    this.targets.delete(targetKey(r.targetGroupArn, r.id, r.port));
  }

  /** Read-modify-write of one target in a transaction; undefined when it is gone. */
  updateTarget(key: string, mutate: (r: TargetRecord) => void): TargetRecord | undefined {
    return this.targets.modify(key, mutate, (r) => this.putTarget(r));
  }

  /** A listener's rules by priority, the default rule last. */
  rulesOf(listenerArn: string): RuleRecord[] {
    return this.rules.find({ listener: listenerArn }).sort((a, b) => a.priority - b.priority);
  }

  /** Target groups each action list forwards to. */
  static forwardedGroups(actions: Action[] | undefined): string[] {
    const out = new Set<string>();
    for (const a of actions ?? []) {
      if (a.Type !== 'forward') continue;
      if (a.TargetGroupArn) out.add(a.TargetGroupArn);
      for (const t of a.ForwardConfig?.TargetGroups ?? []) if (t.TargetGroupArn) out.add(t.TargetGroupArn);
    }
    return [...out];
  }

  /** The load balancers whose listeners or rules forward to each target group. */
  usage(): Map<string, Set<string>> {
    const byTg = new Map<string, Set<string>>();
    const lbOf = new Map(this.listeners.find().map((l) => [l.listener.ListenerArn, l.listener.LoadBalancerArn]));
    for (const r of this.rules.find()) {
      const lb = lbOf.get(r.listenerArn);
      if (!lb) continue;
      for (const tg of ElbModel.forwardedGroups(r.rule.Actions)) byTg.set(tg, (byTg.get(tg) ?? new Set()).add(lb));
    }
    return byTg;
  }
}

const models = new WeakMap<Store, ElbModel>();

/** The one ElbModel over a store (other rooms reach ELB only through index.ts, which uses this). */
export function elbModel(store: Store): ElbModel {
  let model = models.get(store);
  if (!model) {
    model = new ElbModel(store);
    models.set(store, model);
  }
  return model;
}
