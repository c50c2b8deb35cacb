/**
 * @module services/elb/haproxy-config
 * Renders the data plane's desired state as an HAProxy configuration: one frontend per listener,
 * one backend per target group with a fixed number of server slots (s1…sN) so that targets come
 * and go through the Runtime API without a reload. Pure: the same input gives the same text.
 *
 * A frontend is a list of `use_backend … if <conditions>` in rule priority order (HAProxy takes the
 * first that matches), the default rule last: a forward names its target group's backend, or —
 * several weighted target groups — picks one through a map of ranges over rand(10000), which the
 * Runtime API rewrites atomically when weights change; a fixed-response or redirect goes to a small
 * backend of its own that answers. A listener with only a default forward costs no rule at all.
 * Values that could break the configuration's syntax never appear in it: patterns and bodies go in
 * files of their own. An HTTPS listener's bind terminates TLS with its certificate file and its
 * policy's versions and ciphers; the file's hash is part of the structure, since HAProxy reads
 * certificates only when it loads its configuration.
 */
import type { BackendSpec, ConditionSpec, DataPlaneConfig, FrontendSpec, RouteSpec, ServerSpec, TlsSpec, TlsVersion } from './dataplane.ts';
import { backendRules, requestHeaderRules } from './haproxy-attributes.ts';

/** rand() range the weighted maps split. */
export const WEIGHT_SCALE = 10_000;
/** Placeholder address of an empty slot. */
export const SPARE_ADDRESS = '127.0.0.1:1';

export interface RenderInput {
  config: DataPlaneConfig;
  /** Each backend's slots: index i is server s(i+1); undefined is a spare slot. */
  slots: Map<string, (ServerSpec | undefined)[]>;
  dir: string;
  statsSocket: string;
  /** Worker threads (nbthread). */
  threads: number;
}

export interface Rendered {
  text: string;
  /** Files the configuration reads, by path relative to `dir`. */
  files: Map<string, string>;
  /** Everything a change of which needs a reload (the text with server addresses and states left out, and the pattern and body files). */
  structure: string;
  /** Weighted maps: path relative to dir → entries "lo:hi backend". */
  maps: Map<string, string[]>;
}

export function backendName(key: string): string {
  return `b_${key}`;
}

export function serverLine(slot: number, server: ServerSpec | undefined, sticky: boolean): string {
  const address = server ? `${server.host.includes(':') ? `[${server.host}]` : server.host}:${server.port}` : SPARE_ADDRESS;
  const disabled = server?.state !== 'ready' ? ' disabled' : '';
  return `  server s${slot + 1} ${address}${sticky ? ` cookie s${slot + 1}` : ''}${disabled}`;
}

export function render(input: RenderInput): Rendered {
  const files = new Map<string, string>();
  const maps = new Map<string, string[]>();
  const lines: string[] = [
    '# Written by Slipway (services/elb). Do not edit: Slipway rewrites it from its state.',
    'global',
    `  stats socket ${input.statsSocket} mode 600 level admin`,
    `  nbthread ${input.threads}`,
    '  hard-stop-after 15m',
    'defaults',
    '  mode http',
    '  timeout connect 10s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout http-request 60s',
    '  option idle-close-on-response',
    '  option http-keep-alive',
    '  http-reuse safe',
    '  retries 3',
    '  option redispatch 1',
    '  retry-on conn-failure',
    '',
  ];
  const answers: string[] = [];
  for (const f of input.config.frontends) lines.push(...frontend(f, input.dir, files, maps, answers), '');
  lines.push(...answers);
  lines.push('backend b_none', '  http-request return status 503 content-type text/plain string "503 Service Temporarily Unavailable"', '');
  const structure: string[] = [...lines];
  for (const b of input.config.backends) {
    const slots = input.slots.get(b.key) ?? [];
    const head = backendHead(b);
    lines.push(...head, ...slots.map((s, i) => serverLine(i, s, b.sticky?.kind === 'lb_cookie')), '');
    structure.push(...head, `  slots ${slots.length}`, '');
  }
  for (const [path, content] of files) structure.push(`# file ${path}`, content);
  for (const [path, entries] of maps) files.set(path, `${entries.join('\n')}\n`);
  return { text: `${lines.join('\n')}\n`, files, structure: structure.join('\n'), maps };
}

function backendHead(b: BackendSpec): string[] {
  return [
    `backend ${backendName(b.key)}`,
    `  timeout server ${b.idleTimeoutSec}s`,
    `  timeout tunnel ${b.idleTimeoutSec}s`,
    ...backendRules(b),
  ];
}

function frontend(f: FrontendSpec, dir: string, files: Map<string, string>, maps: Map<string, string[]>, answers: string[]): string[] {
  const host = f.address.includes(':') ? `[${f.address}]` : f.address;
  const out = [
    `frontend f_${f.key}`,
    `  bind ${host}:${f.port}${f.tls ? tlsBind(f.tls) : ''}`,
    ...(f.tls ? [`  # certificate ${f.tls.certHash}`] : []),
    `  timeout client ${f.idleTimeoutSec}s`,
    `  timeout http-keep-alive ${f.idleTimeoutSec}s`,
    `  http-request set-header X-Forwarded-Proto ${f.tls ? 'https' : 'http'}`,
    `  http-request set-header X-Forwarded-Port ${f.port}`,
  ];
  // With rewrites, the chosen route is settled first (txn.route) so that a rewrite cannot change
  // which rule a request takes; without, HAProxy's first matching use_backend decides, at no cost.
  // Rewrites see the request as the client sent it; ALB's own header rules (Host's port …) come after.
  const settle = f.routes.some((r) => r.rewrites?.length);
  const sends: string[] = [];
  let fallback = 'b_none';
  f.routes.forEach((route, r) => {
    const acls: string[] = [];
    route.conditions.forEach((c, i) => {
      const name = `r${r + 1}c${i + 1}`;
      const file = `patterns/${f.key}-${r + 1}-${i + 1}.pat`;
      files.set(file, `${patterns(c).join('\n')}\n`);
      out.push(`  acl ${name} ${fetchFor(c)} -f ${dir}/${file}`);
      acls.push(name);
    });
    const target = backendFor(route, `${f.key}-${r + 1}`, dir, files, maps, answers);
    if (acls.length === 0 && !target.startsWith('%')) fallback = target;
    else if (!settle) sends.push(`  use_backend ${target}${acls.length ? ` if ${acls.join(' ')}` : ''}`);
    if (!settle) return;
    const chosen = `{ var(txn.route) -m int ${r + 1} }`;
    out.push(`  http-request set-var(txn.route) int(${r + 1}) if !{ var(txn.route) -m found }${acls.map((a) => ` ${a}`).join('')}`);
    for (const w of route.rewrites ?? []) {
      out.push(
        w.target === 'path'
          ? `  http-request replace-path ${quoted(w.regex)} ${quoted(replacement(w.replace))} if ${chosen}`
          : `  http-request replace-header Host ${quoted(w.regex)} ${quoted(replacement(w.replace))} if ${chosen}`,
      );
    }
    if (acls.length || target.startsWith('%')) sends.push(`  use_backend ${target} if ${chosen}`);
  });
  out.push(...requestHeaderRules(f), ...sends, `  default_backend ${fallback}`);
  return out;
}

/** A word HAProxy's configuration reads back exactly: double-quoted, with \\, " and $ escaped. */
export function quoted(value: string): string {
  return `"${value.replace(/[\\"$]/g, (ch) => `\\${ch}`)}"`;
}

/** An ALB replacement ($1 or ${1} for a capture group) as an HAProxy log-format with \1 references. */
export function replacement(replace: string): string {
  return replace.replace(/%/g, '%%').replace(/\$(?:(\d)|\{(\d)\})/g, (_, a: string | undefined, b: string | undefined) => `\\${a ?? b}`);
}

const HAPROXY_VERSION: Record<TlsVersion, string> = { TLSv1: 'TLSv1.0', 'TLSv1.1': 'TLSv1.1', 'TLSv1.2': 'TLSv1.2', 'TLSv1.3': 'TLSv1.3' };

/** The bind options that terminate TLS as the listener's policy says. */
export function tlsBind(t: TlsSpec): string {
  let out = ` ssl crt ${t.certFile} alpn ${t.alpn.join(',')} ssl-min-ver ${HAPROXY_VERSION[t.minVersion]} ssl-max-ver ${HAPROXY_VERSION[t.maxVersion]}`;
  // OpenSSL 3 refuses TLS 1.0 and 1.1 at its default security level (their handshakes sign with
  // SHA-1); a policy that allows them must lower it, or its old clients fail where ALB serves them.
  const old = t.minVersion === 'TLSv1' || t.minVersion === 'TLSv1.1';
  if (t.ciphers.length) out += ` ciphers ${t.ciphers.join(':')}${old ? ':@SECLEVEL=0' : ''}`;
  if (t.suites.length) out += ` ciphersuites ${t.suites.join(':')}`;
  return out;
}

/** The backend a route sends to (a name, or a %[…] expression), adding answering backends to `answers`. */
function backendFor(
  route: RouteSpec,
  id: string,
  dir: string,
  files: Map<string, string>,
  maps: Map<string, string[]>,
  answers: string[],
): string {
  const a = route.action;
  if (a.kind === 'forward') {
    // One target group takes everything whatever its weight; several split by a map.
    if (a.targets.length === 1) return backendName(a.targets[0].backend);
    const file = `maps/${id}.map`;
    maps.set(file, weightMap(a.targets));
    return `%[rand(${WEIGHT_SCALE}),map_int(${dir}/${file},b_none)]`;
  }
  const name = `x_${id.replace(/-/g, '_')}`;
  let answer: string;
  if (a.kind === 'redirect') answer = `http-request redirect location "${location(a)}" code ${a.status}`;
  else if (!a.body) answer = `http-request return status ${a.status}`;
  else {
    const file = `bodies/${id}.body`;
    files.set(file, a.body);
    answer = `http-request return status ${a.status} content-type ${a.contentType ?? 'text/plain'} file ${dir}/${file}`;
  }
  answers.push(`backend ${name}`, `  ${answer}`, '');
  return name;
}

/** "lo:hi backend" lines splitting 0..WEIGHT_SCALE-1 in proportion to the weights. */
export function weightMap(targets: { backend: string; weight: number }[]): string[] {
  const total = targets.reduce((n, t) => n + Math.max(0, t.weight), 0);
  if (total === 0) return [];
  const out: string[] = [];
  let from = 0;
  let acc = 0;
  for (const t of targets) {
    if (t.weight <= 0) continue;
    acc += t.weight;
    const to = Math.round((acc / total) * WEIGHT_SCALE);
    if (to > from) out.push(`${from}:${to - 1} ${backendName(t.backend)}`);
    from = to;
  }
  return out;
}

function fetchFor(c: ConditionSpec): string {
  switch (c.kind) {
    case 'path':
      return 'path -m reg';
    case 'host':
      return 'req.hdr(host),field(1,:) -m reg -i';
    case 'header':
      return `req.hdr(${c.name}) -m reg -i`;
    case 'method':
      return 'method -m str';
    case 'source':
      return 'src';
    case 'query':
      return 'query -m reg -i';
  }
}

/** One pattern per line. */
export function patterns(c: ConditionSpec): string[] {
  switch (c.kind) {
    case 'path':
    case 'host':
    case 'header':
      return c.values.map((v) => (c.regex ? patternLine(v) : `^${wildcard(v, '.*', '.')}$`));
    case 'method':
    case 'source':
      return c.values.map(oneLine);
    case 'query':
      return c.pairs.map(
        (p) => `(^|&)${p.key === undefined ? '[^&=]*' : wildcard(p.key, '[^&=]*', '[^&=]')}=${wildcard(p.value, '[^&]*', '[^&]')}(&|$)`,
      );
  }
}

/** ALB wildcards (* any run, ? one character) as a regular expression body. */
export function wildcard(value: string, star: string, one: string): string {
  let out = '';
  for (const ch of oneLine(value)) out += ch === '*' ? star : ch === '?' ? one : /[\\^$.|+()[\]{}/]/.test(ch) ? `\\${ch}` : ch;
  return out;
}

/**
 * A regular expression as a pattern-file line: HAProxy skips leading blanks and takes a line that
 * starts with '#' for a comment, so such a first character is escaped (the same character to PCRE2).
 */
function patternLine(regex: string): string {
  return oneLine(regex).replace(/^[\s#]/, (ch) => `\\${ch}`);
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]/g, '');
}

const SAFE = /[A-Za-z0-9._~:/?#[\]@!&'()*+,;=-]/;
const PLACEHOLDERS: Record<string, string> = {
  '#{host}': '%[req.hdr(host),field(1,:)]',
  '#{port}': '%[dst_port]',
  '#{path}': '%[path,regsub(^/,)]',
  '#{protocol}': '%[ssl_fc,iif(https,http)]',
};

/** An ALB redirect as an HAProxy log-format location; anything unusual is percent-encoded (with %% for log-format). */
export function location(a: Extract<RouteSpec['action'], { kind: 'redirect' }>): string {
  const part = (s: string) =>
    s
      .split(/(#\{(?:host|port|path|protocol|query)\})/)
      .map((piece) => {
        if (PLACEHOLDERS[piece]) return PLACEHOLDERS[piece];
        if (piece === '#{query}') return '%[query]';
        return [...piece]
          .map((ch) =>
            SAFE.test(ch) ? ch : [...Buffer.from(ch)].map((b) => `%%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
          )
          .join('');
      })
      .join('');
  const query = a.query === '#{query}' ? '%[query,regsub(^,?)]' : a.query ? `?${part(a.query)}` : '';
  return `${part(a.protocol.toLowerCase())}://${part(a.host)}:${part(a.port)}${part(a.path)}${query}`;
}
