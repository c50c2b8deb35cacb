/**
 * @module services/elb/dataplane
 * The one interface between the ELB room and the proxy that carries traffic. The room computes
 * the whole desired state (desired.ts) and hands it over; the implementation decides how to get
 * there — for HAProxy (haproxy.ts): a hitless reload when the structure changed (listeners, rules,
 * target groups, slot counts), Runtime API commands when only servers or weights did.
 *
 * The data plane runs as its own long-lived process: stopping (or killing) Slipway leaves it
 * serving, and the next start adopts it.
 */

export interface DataPlaneConfig {
  frontends: FrontendSpec[];
  backends: BackendSpec[];
}

/** One listener: an address and port, its rules in evaluation order, the default rule last. */
export interface FrontendSpec {
  /** Stable id (the listener ARN's id). */
  key: string;
  /** The load balancer it belongs to (its ARN): a configuration the data plane refuses is traced to one. */
  loadBalancer: string;
  address: string;
  port: number;
  /** The load balancer's idle timeout, seconds. */
  idleTimeoutSec: number;
  /** HTTPS: the listener terminates TLS. */
  tls?: TlsSpec;
  routes: RouteSpec[];
  /** How requests' headers are rewritten on the way to targets; absent: ALB's defaults. */
  headers?: HeaderSpec;
}

/** The load balancer's routing.http.* attributes that shape the request a target sees. */
export interface HeaderSpec {
  /** X-Forwarded-For: add the client's address (append), pass the client's header unchanged (preserve), or drop it (remove). */
  xff: 'append' | 'preserve' | 'remove';
  /** In append mode, the client's port too (ip:port). */
  xffClientPort: boolean;
  /** Host unchanged; otherwise ALB's rewrite (the listener port added on ports other than 80 and 443, removed on those). */
  preserveHost: boolean;
  /** Drop headers whose names are not [A-Za-z0-9-]+. */
  dropInvalidHeaders: boolean;
}

/** TLS versions as ALB names them (SslProtocols). */
export type TlsVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

/** What an HTTPS listener serves: its certificate and its security policy. */
export interface TlsSpec {
  /** PEM file: the certificate, then its key. */
  certFile: string;
  /** Changes whenever the file does; a proxy that reads certificates only when it loads its configuration must reload. */
  certHash: string;
  minVersion: TlsVersion;
  maxVersion: TlsVersion;
  /** TLS 1.2 and older ciphers by priority (OpenSSL names). */
  ciphers: string[];
  /** TLS 1.3 suites by priority. */
  suites: string[];
  /** ALPN protocols offered, preferred first ('h2' when the load balancer has HTTP/2 enabled). */
  alpn: ('h2' | 'http/1.1')[];
}

export interface RouteSpec {
  key: string;
  /** All must match (a default route has none). */
  conditions: ConditionSpec[];
  action: ActionSpec;
  /** Rewrites applied, in order, once this route is chosen. */
  rewrites?: RewriteSpec[];
}

/**
 * Values within one condition are alternatives: wildcards * and ? as ALB has them, or, with
 * `regex`, regular expressions searched for anywhere in the value.
 */
export type ConditionSpec =
  | { kind: 'path' | 'host'; values: string[]; regex?: boolean }
  | { kind: 'method' | 'source'; values: string[] }
  | { kind: 'header'; name: string; values: string[]; regex?: boolean }
  | { kind: 'query'; pairs: { key?: string; value: string }[] };

export type ActionSpec =
  | { kind: 'forward'; targets: { backend: string; weight: number }[] }
  | { kind: 'fixed-response'; status: number; contentType?: string; body?: string }
  | { kind: 'redirect'; status: 301 | 302; protocol: string; host: string; port: string; path: string; query: string };

/** Replaces what `regex` matches in the request's path (query kept) or Host header; $1… name capture groups. */
export interface RewriteSpec {
  target: 'path' | 'host';
  regex: string;
  replace: string;
}

/** One target group. */
export interface BackendSpec {
  /** Stable id (the target group ARN's id). */
  key: string;
  /** round_robin, least_outstanding_requests, weighted_random. */
  algorithm: 'roundrobin' | 'leastconn' | 'random';
  /** Slow start: a target that becomes ready gets a linearly growing share over this long (ms, already scaled by the clock). */
  slowStartMs?: number;
  sticky?: StickySpec;
  /** Targets speak HTTPS (not verified, as ALB does not verify them). */
  tls?: boolean;
  idleTimeoutSec: number;
  servers: ServerSpec[];
}

/**
 * Sticky sessions, for `seconds` (already scaled by the clock): lb_cookie pins a client by the load
 * balancer's own cookie; app_cookie pins it to the target that set the application's cookie `cookieName`.
 */
export type StickySpec = { kind: 'lb_cookie'; seconds: number } | { kind: 'app_cookie'; cookieName: string; seconds: number };

/** ready: gets traffic; drain: finishes what it has, gets nothing new; maint: gets nothing. */
export type ServerState = 'ready' | 'drain' | 'maint';

export interface ServerSpec {
  /** "<host>:<port>", unique within the backend. */
  key: string;
  host: string;
  port: number;
  state: ServerState;
}

export interface ApplyResult {
  /** The configuration was reloaded (structure changed) rather than changed at run time. */
  reloaded: boolean;
  /** Runtime API commands sent. */
  commands: number;
  /** Listeners that could not bind their address and port (in use, or a privileged port without root). */
  unbound: { key: string; address: string; port: number; error: string }[];
}

/** The data plane refused a configuration (nothing of it was applied); `reason` says what, in the proxy's words. */
export class DataPlaneRefused extends Error {
  constructor(readonly reason: string) {
    super(`the data plane refused the configuration: ${reason}`);
  }
}

/** Requests a server has in flight (being served or queued), by "<backend key>/<server key>". */
export type Sessions = Map<string, number>;

export interface DataPlane {
  readonly name: string;
  /** Throws DataPlaneRefused when the data plane would not load `config`; changes nothing. */
  check(config: DataPlaneConfig): Promise<void>;
  /**
   * Requests in flight per server of what is applied; undefined when they cannot all be seen (the
   * process does not answer, or workers of an earlier configuration still finish requests).
   */
  sessions(): Promise<Sessions | undefined>;
  /** HTTP requests each backend (by target group key) has taken since the data plane's workers started; undefined when it does not answer. */
  requestTotals?(): Promise<Map<string, number> | undefined>;
  /** Adopts a data plane left running by an earlier Slipway, if there is one. */
  start(): Promise<void>;
  /** Makes the data plane serve `config` (starting it when needed; stopping it when nothing is left to serve); throws DataPlaneRefused having changed nothing. */
  apply(config: DataPlaneConfig): Promise<ApplyResult>;
  /** The data plane's process id, when it runs. */
  pid(): number | undefined;
  /** Whether the process Slipway started or adopted has died since (false when none should run). */
  died(): Promise<boolean>;
  /** Stops the data plane process itself (graceful: in-flight requests finish). */
  shutdown(): Promise<void>;
}
