/**
 * @module services/elb/desired
 * What the data plane should serve, computed from the store alone: every listener of every load
 * balancer with its rules in priority order, every target group a rule forwards to, and each
 * target's server state from its health (health.ts), and the attributes that shape traffic (their
 * durations scaled by the clock, like every wait). No I/O; the sync loop hands it to the DataPlane,
 * with the certificate files it issued for HTTPS listeners (certificates.ts).
 */
import type { Clock } from '../../core/clock.ts';
import { shortName } from '../../core/ids.ts';
import { defaultAttributes } from './attributes.ts';
import type { Leaf } from './certificates.ts';
import type {
  ActionSpec,
  BackendSpec,
  ConditionSpec,
  DataPlaneConfig,
  FrontendSpec,
  HeaderSpec,
  RewriteSpec,
  StickySpec,
  TlsSpec,
} from './dataplane.ts';
import { serverStates } from './health.ts';
import type { ElbModel, ListenerRecord, LoadBalancerRecord, TargetGroupRecord, TargetRecord } from './model.ts';
import type { Action, RuleCondition, RuleTransform } from './shapes.ts';
import { servedPolicy } from './ssl-policies.ts';
import { targetAddress } from './targets.ts';

const ALGORITHMS: Record<string, BackendSpec['algorithm']> = {
  round_robin: 'roundrobin',
  least_outstanding_requests: 'leastconn',
  weighted_random: 'random',
};

/** `leaves`: the certificate each load balancer with an HTTPS listener serves, by its ARN; an HTTPS listener without one is left out. */
export function desiredConfig(model: ElbModel, clock: Clock, leaves: Map<string, Leaf>): DataPlaneConfig {
  const frontends: FrontendSpec[] = [];
  const used = new Map<string, number>();
  const groups = new Map(model.targetGroups.find().map((r) => [r.tg.TargetGroupArn, r]));
  for (const lb of model.loadBalancers.find()) {
    const attributes = { ...defaultAttributes('lb'), ...lb.attributes };
    const idle = Number(attributes['idle_timeout.timeout_seconds']);
    const headers = headerSpec(attributes);
    const leaf = leaves.get(lb.lb.LoadBalancerArn);
    for (const l of model.listeners.find({ lb: lb.lb.LoadBalancerArn })) {
      const https = l.listener.Protocol === 'HTTPS';
      if (https && !leaf) continue;
      const routes = model.rulesOf(l.listener.ListenerArn).flatMap((r) => {
        const action = actionSpec(r.rule.Actions, groups);
        const conditions = r.rule.Conditions.map(conditionSpec);
        // A rule that names nothing Slipway can serve, or a condition nothing can meet, never matches.
        if (!action || !conditions.every((c): c is ConditionSpec => c !== undefined)) return [];
        for (const t of action.kind === 'forward' ? action.targets : []) used.set(t.backend, idle);
        return [{ key: shortName(r.rule.RuleArn), conditions, action, rewrites: rewriteSpecs(r.rule.Transforms ?? []) }];
      });
      const tls = https && leaf ? tlsSpec(l, lb, leaf) : undefined;
      frontends.push({
        key: shortName(l.listener.ListenerArn),
        loadBalancer: lb.lb.LoadBalancerArn,
        address: lb.address,
        port: l.listener.Port,
        idleTimeoutSec: idle,
        tls,
        routes,
        headers,
      });
    }
  }
  const backends: BackendSpec[] = [];
  for (const tg of groups.values()) {
    const key = shortName(tg.tg.TargetGroupArn);
    const idleTimeoutSec = used.get(key);
    if (idleTimeoutSec === undefined) continue;
    const targets = model.targets.find({ tg: tg.tg.TargetGroupArn });
    const states = serverStates(targets, tg.tg);
    const attributes = { ...defaultAttributes('tg'), ...tg.attributes };
    const slowStart = Number(attributes['slow_start.duration_seconds']);
    backends.push({
      key,
      algorithm: ALGORITHMS[attributes['load_balancing.algorithm.type']] ?? 'roundrobin',
      slowStartMs: slowStart > 0 ? clock.duration(slowStart * 1000) : undefined,
      sticky: sticky(attributes, clock),
      tls: tg.tg.Protocol === 'HTTPS' || undefined,
      idleTimeoutSec,
      servers: targets.map((t, i) => ({ key: serverKey(t), host: targetAddress(t.id), port: t.port, state: states[i] })),
    });
  }
  return { frontends, backends };
}

/** A target's server in its backend: "<host>:<port>". */
export function serverKey(t: Pick<TargetRecord, 'id' | 'port'>): string {
  return `${targetAddress(t.id)}:${t.port}`;
}

function headerSpec(a: Record<string, string>): HeaderSpec {
  return {
    xff: a['routing.http.xff_header_processing.mode'] as HeaderSpec['xff'],
    xffClientPort: a['routing.http.xff_client_port.enabled'] === 'true',
    preserveHost: a['routing.http.preserve_host_header.enabled'] === 'true',
    dropInvalidHeaders: a['routing.http.drop_invalid_header_fields.enabled'] === 'true',
  };
}

function sticky(a: Record<string, string>, clock: Clock): StickySpec | undefined {
  if (a['stickiness.enabled'] !== 'true') return undefined;
  // Whole seconds, at least one: cookies carry seconds.
  const seconds = (key: string) => Math.max(1, Math.round(clock.duration(Number(a[key]) * 1000) / 1000));
  if (a['stickiness.type'] === 'app_cookie') {
    return {
      kind: 'app_cookie',
      cookieName: a['stickiness.app_cookie.cookie_name'],
      seconds: seconds('stickiness.app_cookie.duration_seconds'),
    };
  }
  return { kind: 'lb_cookie', seconds: seconds('stickiness.lb_cookie.duration_seconds') };
}

/** Load balancers with at least one HTTPS listener: the ones that need a certificate. */
export function httpsLoadBalancers(model: ElbModel): LoadBalancerRecord[] {
  const arns = new Set(
    model.listeners
      .find()
      .filter((l) => l.listener.Protocol === 'HTTPS')
      .map((l) => l.listener.LoadBalancerArn),
  );
  return model.loadBalancers.find().filter((lb) => arns.has(lb.lb.LoadBalancerArn));
}

function tlsSpec(l: ListenerRecord, lb: LoadBalancerRecord, leaf: Leaf): TlsSpec {
  const policy = servedPolicy(l.listener.SslPolicy);
  return {
    certFile: leaf.file,
    certHash: leaf.hash,
    minVersion: policy.minVersion,
    maxVersion: policy.maxVersion,
    ciphers: policy.ciphers,
    suites: policy.suites,
    alpn: lb.attributes['routing.http2.enabled'] === 'false' ? ['http/1.1'] : ['h2', 'http/1.1'],
  };
}

/** The action that decides (the last by Order); undefined when it names nothing Slipway can serve. */
export function actionSpec(actions: Action[], groups: Map<string, TargetGroupRecord>): ActionSpec | undefined {
  const a = [...actions].sort((x, y) => (x.Order ?? 0) - (y.Order ?? 0)).at(-1);
  if (!a) return undefined;
  switch (a.Type) {
    case 'forward': {
      const tuples = a.ForwardConfig?.TargetGroups?.length
        ? a.ForwardConfig.TargetGroups
        : [{ TargetGroupArn: a.TargetGroupArn, Weight: 1 }];
      const targets = tuples.flatMap((t) =>
        t.TargetGroupArn && groups.has(t.TargetGroupArn) ? [{ backend: shortName(t.TargetGroupArn), weight: t.Weight ?? 1 }] : [],
      );
      return targets.length ? { kind: 'forward', targets } : undefined;
    }
    case 'fixed-response': {
      const c = a.FixedResponseConfig;
      if (!c) return undefined;
      return { kind: 'fixed-response', status: Number(c.StatusCode), contentType: c.ContentType, body: c.MessageBody };
    }
    case 'redirect': {
      const c = a.RedirectConfig;
      if (!c) return undefined;
      return {
        kind: 'redirect',
        status: c.StatusCode === 'HTTP_302' ? 302 : 301,
        protocol: c.Protocol ?? '#{protocol}',
        host: c.Host ?? '#{host}',
        port: c.Port ?? '#{port}',
        path: c.Path ?? '/#{path}',
        query: c.Query ?? '#{query}',
      };
    }
    default:
      return undefined;
  }
}

/** Wildcard values or regular expressions, from the field's config or the condition itself. */
function matching(
  config: { Values?: string[]; RegexValues?: string[] } | undefined,
  top: RuleCondition,
): { values: string[]; regex?: boolean } {
  const regex = config?.RegexValues ?? top.RegexValues;
  return regex?.length ? { values: regex, regex: true } : { values: config?.Values ?? top.Values ?? [] };
}

function rewriteSpecs(transforms: RuleTransform[]): RewriteSpec[] {
  return transforms.flatMap((t) => {
    const [target, rewrites] =
      t.Type === 'host-header-rewrite'
        ? ['host' as const, t.HostHeaderRewriteConfig?.Rewrites]
        : ['path' as const, t.UrlRewriteConfig?.Rewrites];
    return (rewrites ?? []).map((r) => ({ target, regex: r.Regex, replace: r.Replace ?? '' }));
  });
}

/** The condition as the data plane tests it; undefined for one no request can meet (an http-header condition without a header name). */
export function conditionSpec(c: RuleCondition): ConditionSpec | undefined {
  switch (c.Field) {
    case 'path-pattern':
      return { kind: 'path', ...matching(c.PathPatternConfig, c) };
    case 'host-header':
      return { kind: 'host', ...matching(c.HostHeaderConfig, c) };
    case 'http-header': {
      const name = c.HttpHeaderConfig?.HttpHeaderName;
      return name ? { kind: 'header', name, ...matching(c.HttpHeaderConfig, {}) } : undefined;
    }
    case 'http-request-method':
      return { kind: 'method', values: c.HttpRequestMethodConfig?.Values ?? c.Values ?? [] };
    case 'source-ip':
      return { kind: 'source', values: c.SourceIpConfig?.Values ?? c.Values ?? [] };
    default:
      return { kind: 'query', pairs: (c.QueryStringConfig?.Values ?? []).map((p) => ({ key: p.Key, value: p.Value ?? '' })) };
  }
}
