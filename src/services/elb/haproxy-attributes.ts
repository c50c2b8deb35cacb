/**
 * @module services/elb/haproxy-attributes
 * The HAProxy lines that carry out ALB's attributes: on a listener's frontend, what happens to the
 * request's headers (X-Forwarded-For, Host, invalid header names, X-Amzn-Trace-Id); on a target
 * group's backend, the routing algorithm, slow start and sticky sessions. A rule is written only
 * when its attribute asks for it — except what ALB does to every request by default (X-Forwarded-For,
 * the Host rewrite, the trace id), which costs one or two header operations per request.
 */
import type { BackendSpec, FrontendSpec, HeaderSpec } from './dataplane.ts';

export const DEFAULT_HEADERS: HeaderSpec = { xff: 'append', xffClientPort: false, preserveHost: false, dropInvalidHeaders: false };

/** A trace id as ALB writes it: 1-<epoch seconds, 8 hex>-<24 hex>. */
const TRACE_ID = '1-%[date,htonl,hex,lower]-%[rand,htonl,hex,lower]%[rand,htonl,hex,lower]%[rand,htonl,hex,lower]';
/** ALB's application cookie (one shard: Slipway's value is far below ALB's 4 KB shard size). */
const APP_COOKIE = 'AWSALBAPP-0';
/** How long a browser keeps ALB's application cookie; the stickiness duration is checked inside its value. */
const APP_COOKIE_LIFETIME_S = 7 * 24 * 3600;

export function requestHeaderRules(f: FrontendSpec): string[] {
  const h = f.headers ?? DEFAULT_HEADERS;
  const out: string[] = [];
  if (h.dropInvalidHeaders) out.push('  http-request del-header [^A-Za-z0-9-] -m reg');
  // preserve: nothing; ALB ignores the client port setting unless it appends.
  if (h.xff === 'remove') out.push('  http-request del-header X-Forwarded-For');
  else if (h.xff === 'append' && h.xffClientPort)
    out.push(`  http-request add-header X-Forwarded-For ${f.address.includes(':') ? '[%[src]]' : '%[src]'}:%[src_port]`);
  else if (h.xff === 'append') out.push('  option forwardfor');
  if (!h.preserveHost) {
    // ALB drops the port on 80 and 443 and adds the listener's port elsewhere (unless the client gave one).
    const standard = f.port === 80 || f.port === 443;
    out.push(
      standard
        ? '  http-request replace-header Host ^(.*):[0-9]+$ \\1'
        : `  http-request replace-header Host ^([^:]*|\\[.*\\])$ \\1:${f.port}`,
    );
  }
  // X-Amzn-Trace-Id: a Self field is renewed, or put before the client's fields; no header: a new Root.
  // replace-header builds its replacement before looking for the header, so each is guarded: the
  // common request, without the header, pays for one trace id only.
  out.push(
    `  acl trace_id req.hdr(x-amzn-trace-id) -m found`,
    `  http-request replace-header X-Amzn-Trace-Id ^(.*;\\s*)?Self=[^;]*(.*)$ \\1Self=${TRACE_ID}\\2 if trace_id`,
    `  http-request replace-header X-Amzn-Trace-Id ^((?!(.*;\\s*)?Self=).*)$ Self=${TRACE_ID};\\1 if trace_id`,
    `  http-request add-header X-Amzn-Trace-Id Root=${TRACE_ID} unless trace_id`,
  );
  return out;
}

/** The backend's balance, slow start and stickiness lines (before its servers). */
export function backendRules(b: BackendSpec): string[] {
  // weighted_random is one weighted draw; HAProxy's default of two draws would favour the less busy target.
  const out = [`  balance ${b.algorithm === 'random' ? 'random(1)' : b.algorithm}`];
  // Ramps a server that turns ready (from maint: a new or recovered target), never one already serving.
  const defaults = [
    ...(b.slowStartMs ? [`slowstart ${b.slowStartMs}ms`] : []),
    // HTTPS target groups: TLS to the target, its certificate not verified (ALB does not verify it).
    ...(b.tls ? ['ssl verify none alpn http/1.1'] : []),
  ];
  if (defaults.length) out.push(`  default-server ${defaults.join(' ')}`);
  const s = b.sticky;
  if (s?.kind === 'lb_cookie') {
    out.push(
      `  cookie AWSALB insert indirect nocache maxlife ${s.seconds}s`,
      // ALB also sends AWSALBCORS (SameSite=None; Secure) for cross-site requests, where a browser sends only that one.
      '  http-request add-header Cookie AWSALB=%[req.cook(AWSALBCORS)] if { req.cook(AWSALBCORS) -m found } !{ req.cook(AWSALB) -m found }',
      '  http-after-response add-header Set-Cookie "AWSALBCORS=%[res.cook(AWSALB)]; Path=/; SameSite=None; Secure" if { res.cook(AWSALB) -m found }',
    );
  } else if (s?.kind === 'app_cookie') {
    // ALB's own cookie names the target that set the application's cookie and when stickiness ends
    // ("<server>.<epoch s>"); it pins only while the client sends both, and is renewed on every pinned response.
    const both = `{ req.cook(${APP_COOKIE}) -m found } { req.cook(${s.cookieName}) -m found }`;
    out.push(
      `  http-request set-var(txn.now) date if ${both}`,
      `  http-request set-var(txn.albapp) req.cook(${APP_COOKIE}),field(1,.) if { var(txn.now) -m found } { req.cook(${APP_COOKIE}),field(2,.),sub(txn.now) -m int gt 0 }`,
      '  use-server %[var(txn.albapp)] if { var(txn.albapp) -m found }',
      `  http-response add-header Set-Cookie "${APP_COOKIE}=%[srv_name].%[date(${s.seconds})]; Expires=%[date(${APP_COOKIE_LIFETIME_S}),http_date]; Path=/" if { res.cook(${s.cookieName}) -m found } || { var(txn.albapp) -m found }`,
    );
  }
  return out;
}
