/**
 * @module services/elb/actions
 * Listener and rule actions and rule conditions as ALB checks and shows them: a forward names its
 * target groups both ways (TargetGroupArn and ForwardConfig, weights 0–999, at most 5 groups),
 * fixed-response and redirect are checked against ALB's limits, conditions are path-pattern,
 * host-header, http-header, http-request-method, query-string and source-ip (at most 5 values);
 * path-pattern, host-header and http-header match either wildcard Values or RegexValues.
 */
import { isIP } from 'node:net';
import { checkPrintable, elbError } from './errors.ts';
import type { ElbModel } from './model.ts';
import { checkRegex } from './regex.ts';
import type { Action, RuleCondition } from './shapes.ts';

const TERMINAL = new Set(['forward', 'redirect', 'fixed-response']);
const CONTENT_TYPES = ['text/plain', 'text/css', 'text/html', 'application/javascript', 'application/json'];

/** Checks actions for a listener or rule of `lbArn`; returns them as Describe* shows them. */
export function checkActions(model: ElbModel, actions: Action[], lbArn: string): Action[] {
  if (actions.length === 0) throw elbError.validation('At least one action must be specified');
  const terminal = actions.filter((a) => TERMINAL.has(a.Type));
  const other = actions.find((a) => !TERMINAL.has(a.Type));
  if (other)
    throw elbError.unsupported(`'${other.Type}' actions (Slipway serves HTTP listeners with forward, redirect and fixed-response)`);
  if (terminal.length !== 1) throw elbError.invalidAction('You must specify exactly one forward, redirect or fixed-response action');
  const usage = model.usage();
  return actions.map((a) => {
    if (a.Order !== undefined && (a.Order < 1 || a.Order > 50000))
      throw elbError.validation(`Action order '${a.Order}' must be between 1 and 50000`);
    switch (a.Type) {
      case 'forward':
        return forward(model, a, lbArn, usage);
      case 'fixed-response': {
        const c = a.FixedResponseConfig;
        if (!c) throw elbError.validation('A fixed-response action must have a FixedResponseConfig');
        if (!/^[245]\d\d$/.test(c.StatusCode))
          throw elbError.validation(`Fixed-response status code '${c.StatusCode}' must be a 2XX, 4XX or 5XX code`);
        if (c.ContentType !== undefined && !CONTENT_TYPES.includes(c.ContentType)) {
          throw elbError.validation(`Fixed-response content type '${c.ContentType}' must be one of: ${CONTENT_TYPES.join(', ')}`);
        }
        if ((c.MessageBody ?? '').length > 1024)
          throw elbError.validation('Fixed-response message body cannot be longer than 1024 characters');
        checkPrintable(c.MessageBody ?? '', 'Fixed-response MessageBody');
        return { Type: a.Type, Order: a.Order, FixedResponseConfig: c };
      }
      default: {
        const c = a.RedirectConfig;
        if (!c) throw elbError.validation('A redirect action must have a RedirectConfig');
        if (c.Protocol !== undefined && !['HTTP', 'HTTPS', '#{protocol}'].includes(c.Protocol))
          throw elbError.validation(`Redirect protocol '${c.Protocol}' must be HTTP, HTTPS or #{protocol}`);
        if (c.Port !== undefined && c.Port !== '#{port}' && !(/^\d+$/.test(c.Port) && Number(c.Port) >= 1 && Number(c.Port) <= 65535)) {
          throw elbError.validation(`Redirect port '${c.Port}' must be between 1 and 65535 or #{port}`);
        }
        if (c.Path !== undefined && !c.Path.startsWith('/')) throw elbError.validation(`Redirect path '${c.Path}' must start with '/'`);
        for (const key of ['Host', 'Path', 'Query'] as const) checkPrintable(c[key] ?? '', `Redirect ${key}`, true);
        return {
          Type: a.Type,
          Order: a.Order,
          RedirectConfig: {
            Protocol: c.Protocol ?? '#{protocol}',
            Port: c.Port ?? '#{port}',
            Host: c.Host ?? '#{host}',
            Path: c.Path ?? '/#{path}',
            Query: c.Query ?? '#{query}',
            StatusCode: c.StatusCode,
          },
        };
      }
    }
  });
}

function forward(model: ElbModel, a: Action, lbArn: string, usage: Map<string, Set<string>>): Action {
  const tuples = a.ForwardConfig?.TargetGroups ?? [];
  if (a.TargetGroupArn && tuples.length && (tuples.length > 1 || tuples[0].TargetGroupArn !== a.TargetGroupArn)) {
    throw elbError.invalidAction('You cannot specify both a target group ARN and a ForwardConfig with a different target group');
  }
  const groups = tuples.length
    ? tuples.map((t) => ({ TargetGroupArn: t.TargetGroupArn ?? '', Weight: t.Weight ?? 1 }))
    : a.TargetGroupArn
      ? [{ TargetGroupArn: a.TargetGroupArn, Weight: 1 }]
      : [];
  if (groups.length === 0) throw elbError.validation('A forward action must have a TargetGroupArn or a ForwardConfig with target groups');
  if (groups.length > 5) throw elbError.validation('A forward action can have at most 5 target groups');
  if (new Set(groups.map((g) => g.TargetGroupArn)).size !== groups.length)
    throw elbError.validation('Target groups in a forward action must be unique');
  for (const g of groups) {
    if (!g.TargetGroupArn) throw elbError.validation('A target group in a forward action must have a TargetGroupArn');
    if (g.Weight < 0 || g.Weight > 999) throw elbError.validation(`Target group weight '${g.Weight}' must be between 0 and 999`);
    const tg = model.targetGroups.get(g.TargetGroupArn);
    if (!tg) throw elbError.targetGroupNotFound(`Target groups '${g.TargetGroupArn}' not found`);
    if (tg.tg.Protocol !== 'HTTP' && tg.tg.Protocol !== 'HTTPS') {
      throw elbError.incompatibleProtocols(
        `Target group '${g.TargetGroupArn}' has protocol ${tg.tg.Protocol}, which an application load balancer cannot forward to`,
      );
    }
    const others = [...(usage.get(g.TargetGroupArn) ?? [])].filter((lb) => lb !== lbArn);
    if (others.length) throw elbError.associationLimit(g.TargetGroupArn);
  }
  const stickiness = a.ForwardConfig?.TargetGroupStickinessConfig ?? { Enabled: false };
  return {
    Type: 'forward',
    Order: a.Order,
    TargetGroupArn: groups.length === 1 ? groups[0].TargetGroupArn : undefined,
    ForwardConfig: { TargetGroups: groups, TargetGroupStickinessConfig: stickiness },
  };
}

const ONCE = new Set(['path-pattern', 'host-header', 'http-request-method', 'source-ip']);
const FIELDS = new Set([...ONCE, 'http-header', 'query-string']);

/** Checks a rule's conditions; returns them as DescribeRules shows them. */
export function checkConditions(conditions: RuleCondition[]): RuleCondition[] {
  if (conditions.length === 0) throw elbError.validation('A rule must have at least one condition');
  const seen = new Set<string>();
  let values = 0;
  const out = conditions.map((c) => {
    const field = c.Field ?? '';
    if (!FIELDS.has(field)) throw elbError.validation(`Condition field '${field}' must be one of [${[...FIELDS].join(', ')}]`);
    if (ONCE.has(field) && seen.has(field)) throw elbError.validation(`A rule can have only one '${field}' condition`);
    seen.add(field);
    const normalized = condition(field, c);
    values += countValues(normalized);
    return normalized;
  });
  if (values > 5) throw elbError.validation("A rule can only have '5' condition values");
  return out;
}

function listOf(c: RuleCondition, config: { Values?: string[] } | undefined, field: string): string[] {
  if (c.Values?.length && config?.Values?.length)
    throw elbError.validation(`You cannot use both Values and a condition config for '${field}'`);
  const values = config?.Values ?? c.Values ?? [];
  if (values.length === 0) throw elbError.validation(`A '${field}' condition must have at least one value`);
  for (const v of values) {
    checkPrintable(v, `Condition value in '${field}'`, true);
    if (v.length > 128) throw elbError.validation(`Condition value '${v}' in '${field}' cannot be longer than 128 characters`);
  }
  return values;
}

/**
 * A path-pattern, host-header or http-header condition's values: wildcard Values or RegexValues
 * (top level or in the field's config), never both. Answers the condition as DescribeRules shows it.
 */
function matching(
  field: string,
  c: RuleCondition,
  config: { Values?: string[]; RegexValues?: string[] } | undefined,
  configKey: 'PathPatternConfig' | 'HostHeaderConfig',
): RuleCondition {
  const regex = config?.RegexValues?.length ? config.RegexValues : c.RegexValues?.length ? c.RegexValues : undefined;
  if (!regex) {
    const Values = listOf(c, config, field);
    return { Field: field, Values, [configKey]: { Values } };
  }
  if (c.Values?.length || config?.Values?.length)
    throw elbError.validation(`You cannot specify both Values and RegexValues for a '${field}' condition`);
  if (c.RegexValues?.length && config?.RegexValues?.length)
    throw elbError.validation(`You cannot use both RegexValues and a condition config for '${field}'`);
  for (const r of regex) checkRegex(r, 128, `${field} condition`);
  return { Field: field, RegexValues: regex, [configKey]: { RegexValues: regex } };
}

function condition(field: string, c: RuleCondition): RuleCondition {
  switch (field) {
    case 'path-pattern':
      return matching(field, c, c.PathPatternConfig, 'PathPatternConfig');
    case 'host-header':
      return matching(field, c, c.HostHeaderConfig, 'HostHeaderConfig');
    case 'http-request-method': {
      const Values = listOf(c, c.HttpRequestMethodConfig, field);
      for (const v of Values) if (!/^[A-Z_-]{1,40}$/.test(v)) throw elbError.validation(`HTTP request method '${v}' is not valid`);
      return { Field: field, HttpRequestMethodConfig: { Values } };
    }
    case 'source-ip': {
      const Values = listOf(c, c.SourceIpConfig, field);
      for (const v of Values) {
        const [ip, bits] = v.split('/');
        if (!isIP(ip) || bits === undefined || !/^\d+$/.test(bits) || Number(bits) > (isIP(ip) === 4 ? 32 : 128))
          throw elbError.validation(`Source IP '${v}' is not a valid CIDR block`);
      }
      return { Field: field, SourceIpConfig: { Values } };
    }
    case 'http-header': {
      const h = c.HttpHeaderConfig;
      const name = h?.HttpHeaderName ?? '';
      // Letters, digits, '-', '_' and '.': every header name in use, and nothing HAProxy's configuration syntax reads specially.
      if (!/^[A-Za-z0-9_.-]{1,40}$/.test(name))
        throw elbError.validation(`HTTP header name '${name}' is not valid: use letters, digits, '-', '_' and '.' (at most 40)`);
      if (h?.RegexValues?.length) {
        if (h.Values?.length) throw elbError.validation(`You cannot specify both Values and RegexValues for a '${field}' condition`);
        for (const r of h.RegexValues) checkRegex(r, 128, `${field} condition`);
        return { Field: field, HttpHeaderConfig: { HttpHeaderName: name, RegexValues: h.RegexValues } };
      }
      const Values = listOf({}, h, field);
      return { Field: field, HttpHeaderConfig: { HttpHeaderName: name, Values } };
    }
    default: {
      const pairs = c.QueryStringConfig?.Values ?? [];
      if (pairs.length === 0) throw elbError.validation("A 'query-string' condition must have at least one key/value pair");
      for (const p of pairs) {
        if (!p.Value) throw elbError.validation('Each query-string condition pair must have a Value');
        checkPrintable(p.Value, "Value in 'query-string'", true);
        checkPrintable(p.Key ?? '', "Key in 'query-string'", true);
      }
      return { Field: field, QueryStringConfig: { Values: pairs.map((p) => ({ Key: p.Key, Value: p.Value })) } };
    }
  }
}

function countValues(c: RuleCondition): number {
  return (
    c.QueryStringConfig?.Values?.length ??
    c.HttpHeaderConfig?.Values?.length ??
    c.HttpHeaderConfig?.RegexValues?.length ??
    c.HttpRequestMethodConfig?.Values?.length ??
    c.SourceIpConfig?.Values?.length ??
    c.Values?.length ??
    c.RegexValues?.length ??
    0
  );
}
