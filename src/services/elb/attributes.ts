/**
 * @module services/elb/attributes
 * Load balancer and target group attributes: ALB's keys, defaults and allowed values. Values are
 * strings on the wire and in the store. Keys Slipway accepts but does not act on are kept and
 * shown back (access logs, WAF, HTTP/2 …); the ones that shape traffic are read by desired.ts.
 * Some target group attributes exclude each other; a change that would combine them is refused
 * as ALB refuses it (InvalidConfigurationRequest) and nothing is written.
 */
import { elbError } from './errors.ts';

type Check = (value: string) => boolean;

const bool: Check = (v) => v === 'true' || v === 'false';
const int =
  (lo: number, hi: number): Check =>
  (v) =>
    /^\d+$/.test(v) && Number(v) >= lo && Number(v) <= hi;
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(v);
const any: Check = () => true;
/** A cookie name (an RFC 6265 token) that can stand in HAProxy's configuration unquoted: no # or '. */
const cookieName: Check = (v) => v === '' || /^[A-Za-z0-9!$%&*+.^_`|~-]+$/.test(v);

const LOAD_BALANCER: Record<string, [string, Check]> = {
  'access_logs.s3.enabled': ['false', bool],
  'access_logs.s3.bucket': ['', any],
  'access_logs.s3.prefix': ['', any],
  'connection_logs.s3.enabled': ['false', bool],
  'connection_logs.s3.bucket': ['', any],
  'connection_logs.s3.prefix': ['', any],
  'deletion_protection.enabled': ['false', bool],
  'idle_timeout.timeout_seconds': ['60', int(1, 4000)],
  'client_keep_alive.seconds': ['3600', int(60, 604800)],
  'load_balancing.cross_zone.enabled': ['true', bool],
  'routing.http.desync_mitigation_mode': ['defensive', oneOf('monitor', 'defensive', 'strictest')],
  'routing.http.drop_invalid_header_fields.enabled': ['false', bool],
  'routing.http.preserve_host_header.enabled': ['false', bool],
  'routing.http.x_amzn_tls_version_and_cipher_suite.enabled': ['false', bool],
  'routing.http.xff_client_port.enabled': ['false', bool],
  'routing.http.xff_header_processing.mode': ['append', oneOf('append', 'preserve', 'remove')],
  'routing.http2.enabled': ['true', bool],
  'waf.fail_open.enabled': ['false', bool],
  'zonal_shift.config.enabled': ['false', bool],
};

const TARGET_GROUP: Record<string, [string, Check]> = {
  'deregistration_delay.timeout_seconds': ['300', int(0, 3600)],
  'stickiness.enabled': ['false', bool],
  'stickiness.type': ['lb_cookie', oneOf('lb_cookie', 'app_cookie')],
  'stickiness.lb_cookie.duration_seconds': ['86400', int(1, 604800)],
  'stickiness.app_cookie.cookie_name': ['', cookieName],
  'stickiness.app_cookie.duration_seconds': ['86400', int(1, 604800)],
  'slow_start.duration_seconds': ['0', (v) => v === '0' || int(30, 900)(v)],
  'load_balancing.algorithm.type': ['round_robin', oneOf('round_robin', 'least_outstanding_requests', 'weighted_random')],
  'load_balancing.algorithm.anomaly_mitigation': ['off', oneOf('on', 'off')],
  'load_balancing.cross_zone.enabled': ['use_load_balancer_configuration', oneOf('true', 'false', 'use_load_balancer_configuration')],
  'target_group_health.dns_failover.minimum_healthy_targets.count': ['1', (v) => v === 'off' || int(1, 1000)(v)],
  'target_group_health.dns_failover.minimum_healthy_targets.percentage': ['off', (v) => v === 'off' || int(1, 100)(v)],
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count': ['1', int(1, 1000)],
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage': ['off', (v) => v === 'off' || int(1, 100)(v)],
};

export function defaultAttributes(kind: 'lb' | 'tg'): Record<string, string> {
  return Object.fromEntries(Object.entries(kind === 'lb' ? LOAD_BALANCER : TARGET_GROUP).map(([k, [v]]) => [k, v]));
}

/** Applies Key/Value pairs over `current`, or throws ValidationError naming the first bad one. */
export function modifyAttributes(
  kind: 'lb' | 'tg',
  current: Record<string, string>,
  changes: { Key?: string; Value?: string }[],
): Record<string, string> {
  const table = kind === 'lb' ? LOAD_BALANCER : TARGET_GROUP;
  const noun = kind === 'lb' ? 'Load balancer' : 'Target group';
  const out = { ...defaultAttributes(kind), ...current };
  for (const { Key: key, Value: value } of changes) {
    if (!key || !table[key]) throw elbError.validation(`${noun} attribute key '${key ?? ''}' is not recognized`);
    if (value === undefined || !table[key][1](value))
      throw elbError.validation(`${noun} attribute value '${value ?? ''}' is not valid for key '${key}'`);
    out[key] = value;
  }
  if (kind === 'tg') checkTargetGroup(out);
  return out;
}

/** ALB's rules across target group attributes, with ALB's words. */
function checkTargetGroup(a: Record<string, string>): void {
  const algorithm = a['load_balancing.algorithm.type'];
  const slowStart = a['slow_start.duration_seconds'] !== '0';
  const sticky = a['stickiness.enabled'] === 'true';
  const cookie = a['stickiness.app_cookie.cookie_name'];
  if (slowStart && algorithm === 'least_outstanding_requests')
    throw elbError.invalidConfiguration('You cannot enable both slow start and least outstanding requests algorithm on a target group');
  if (slowStart && algorithm === 'weighted_random')
    throw elbError.invalidConfiguration('You cannot enable both slow start and weighted random algorithm on a target group');
  if (sticky && algorithm === 'weighted_random')
    throw elbError.invalidConfiguration('You cannot have both stickiness and weighted random algorithm enabled on the same target group.');
  if (a['load_balancing.algorithm.anomaly_mitigation'] === 'on' && algorithm !== 'weighted_random') {
    throw elbError.invalidConfiguration('Anomaly mitigation can only be turned on with the weighted random algorithm');
  }
  if (sticky && a['load_balancing.cross_zone.enabled'] === 'false')
    throw elbError.invalidConfiguration('You cannot enable stickiness on a target group with cross-zone load balancing turned off');
  if (cookie.startsWith('AWSALB'))
    throw elbError.validation(
      `Application cookie name '${cookie}' cannot begin with 'AWSALB', 'AWSALBAPP' or 'AWSALBTG': they are reserved for the load balancer`,
    );
  if (sticky && a['stickiness.type'] === 'app_cookie' && !cookie)
    throw elbError.validation(
      "An application cookie name ('stickiness.app_cookie.cookie_name') is required when the stickiness type is app_cookie",
    );
}

export function asList(attributes: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(attributes).map(([Key, Value]) => ({ Key, Value }));
}
