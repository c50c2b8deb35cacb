import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_HEADERS } from './haproxy-attributes.ts';
import { location, patterns, quoted, render, replacement, tlsBind, weightMap, wildcard } from './haproxy-config.ts';
import { assignSlots } from './haproxy.ts';
import type { BackendSpec, DataPlaneConfig, FrontendSpec, HeaderSpec, TlsSpec } from './dataplane.ts';
import { sslPolicy } from './ssl-policies.ts';
import { haproxyInstalled } from './testing.ts';

describe('HAProxy configuration', () => {
  it('splits rand(10000) by weight, leaving out weight 0', () => {
    assert.deepEqual(
      weightMap([
        { backend: 'a', weight: 100 },
        { backend: 'b', weight: 0 },
      ]),
      ['0:9999 b_a'],
    );
    assert.deepEqual(
      weightMap([
        { backend: 'a', weight: 1 },
        { backend: 'b', weight: 3 },
      ]),
      ['0:2499 b_a', '2500:9999 b_b'],
    );
    assert.deepEqual(
      weightMap([
        { backend: 'a', weight: 0 },
        { backend: 'b', weight: 0 },
      ]),
      [],
    );
  });
  it('turns ALB wildcards into anchored patterns, one per line, with nothing that breaks a line', () => {
    assert.equal(wildcard('/api/*.json?', '.*', '.'), '\\/api\\/.*\\.json.');
    assert.deepEqual(patterns({ kind: 'path', values: ['/a*', '/b\nc'] }), ['^\\/a.*$', '^\\/bc$']);
    assert.deepEqual(patterns({ kind: 'query', pairs: [{ key: 'v', value: '2*' }, { value: 'x' }] }), [
      '(^|&)v=2[^&]*(&|$)',
      '(^|&)[^&=]*=x(&|$)',
    ]);
  });
  it('writes redirects as log-format locations, percent-encoding anything unusual', () => {
    const a = {
      kind: 'redirect' as const,
      status: 301 as const,
      protocol: 'HTTPS',
      host: '#{host}',
      port: '443',
      path: '/new "x"%',
      query: '#{query}',
    };
    assert.equal(location(a), 'https://%[req.hdr(host),field(1,:)]:443/new%%20%%22x%%22%%25%[query,regsub(^,?)]');
    const same = { ...a, protocol: '#{protocol}', port: '#{port}', path: '/#{path}' };
    assert.equal(
      location(same),
      '%[ssl_fc,iif(https,http)]://%[req.hdr(host),field(1,:)]:%[dst_port]/%[path,regsub(^/,)]%[query,regsub(^,?)]',
      '#{protocol} is the protocol the client used',
    );
  });
  it('keeps each target in its slot and grows a full backend with spare slots', () => {
    const cfg = (keys: string[]): DataPlaneConfig => ({
      frontends: [],
      backends: [
        {
          key: 'tg',
          algorithm: 'roundrobin',
          idleTimeoutSec: 60,
          servers: keys.map((k) => ({ key: k, host: '127.0.0.1', port: Number(k), state: 'ready' as const })),
        },
      ],
    });
    const first = assignSlots(cfg(['1', '2']), {}).get('tg')!;
    assert.equal(first.length, 8);
    const second = assignSlots(cfg(['2', '3']), { tg: first.map((s) => s ?? null) }).get('tg')!;
    assert.deepEqual(
      second.slice(0, 3).map((s) => s?.key),
      ['3', '2', undefined],
    );
    const many = assignSlots(cfg(Array.from({ length: 9 }, (_, i) => String(i + 10))), { tg: second.map((s) => s ?? null) }).get('tg')!;
    assert.equal(many.length, 16);
  });
  it('a structural change and a server change are told apart', () => {
    const base: DataPlaneConfig = {
      frontends: [
        {
          key: 'l1',
          loadBalancer: 'lb',
          address: '127.0.1.1',
          port: 80,
          idleTimeoutSec: 60,
          routes: [
            {
              key: 'r',
              conditions: [],
              action: {
                kind: 'forward',
                targets: [
                  { backend: 'tg', weight: 1 },
                  { backend: 'tg2', weight: 1 },
                ],
              },
            },
          ],
        },
      ],
      backends: [
        { key: 'tg', algorithm: 'roundrobin', idleTimeoutSec: 60, servers: [{ key: 'a', host: '127.0.0.1', port: 1000, state: 'ready' }] },
      ],
    };
    const slots = assignSlots(base, {});
    const r = (config: DataPlaneConfig, s = slots) => render({ config, slots: s, dir: '/d', statsSocket: '/d/s', threads: 1 });
    const one = r(base);
    const drained = structuredClone(base);
    drained.backends[0].servers[0].state = 'drain';
    const reweighted = structuredClone(base);
    (reweighted.frontends[0].routes[0].action as { targets: { weight: number }[] }).targets[1].weight = 0;
    const moved = structuredClone(base);
    moved.frontends[0].port = 81;
    assert.equal(r(drained, assignSlots(drained, {})).structure, one.structure);
    assert.equal(r(reweighted).structure, one.structure);
    assert.notEqual(r(moved).structure, one.structure);
    assert.match(one.text, /use_backend %\[rand\(10000\),map_int\(\/d\/maps\/l1-1\.map,b_none\)\]\n {2}default_backend b_none\n/);
    const simple = r({
      ...base,
      frontends: [
        {
          ...base.frontends[0],
          routes: [{ key: 'd', conditions: [], action: { kind: 'forward', targets: [{ backend: 'tg', weight: 1 }] } }],
        },
      ],
    });
    assert.doesNotMatch(simple.text, /use_backend/, 'a default-only listener has no rules');
    assert.match(simple.text, / {2}default_backend b_tg\n/);
    assert.match(one.text, /bind 127\.0\.1\.1:80\n/);
    assert.match(one.text, /server s1 127\.0\.0\.1:1000\n/);
  });
  it('regular expressions go into pattern files as they are; rewrites are quoted so the configuration reads them back exactly', () => {
    assert.deepEqual(patterns({ kind: 'path', values: ['^/v[0-9]+/', 'a\nb'], regex: true }), ['^/v[0-9]+/', 'ab']);
    assert.equal(quoted('^/a/(.+)$ "x" \\d'), '"^/a/(.+)\\$ \\"x\\" \\\\d"');
    assert.equal(replacement('/p/$1?v=${2}&s=100%'), '/p/\\1?v=\\2&s=100%%');
  });
  it('with rewrites, the route is settled before any rewrite, and requests are sent by the settled route', () => {
    const config: DataPlaneConfig = {
      frontends: [
        {
          key: 'l1',
          loadBalancer: 'lb',
          address: '127.0.1.1',
          port: 80,
          idleTimeoutSec: 60,
          routes: [
            {
              key: 'r1',
              conditions: [{ kind: 'path', values: ['^/api/'], regex: true }],
              action: { kind: 'forward', targets: [{ backend: 'a', weight: 1 }] },
              rewrites: [{ target: 'path', regex: '^/api/(.*)$', replace: '/$1' }],
            },
            {
              key: 'r2',
              conditions: [{ kind: 'path', values: ['/*'] }],
              action: { kind: 'forward', targets: [{ backend: 'b', weight: 1 }] },
            },
            { key: 'd', conditions: [], action: { kind: 'forward', targets: [{ backend: 'c', weight: 1 }] } },
          ],
        },
      ],
      backends: [],
    };
    const text = render({ config, slots: new Map(), dir: '/d', statsSocket: '/d/s', threads: 1 }).text;
    assert.match(
      text,
      /acl r1c1 path -m reg -f \/d\/patterns\/l1-1-1\.pat\n {2}http-request set-var\(txn\.route\) int\(1\) if !\{ var\(txn\.route\) -m found \} r1c1\n {2}http-request replace-path "\^\/api\/\(\.\*\)\\\$" "\/\\\\1" if \{ var\(txn\.route\) -m int 1 \}\n/,
    );
    assert.match(text, /http-request set-var\(txn\.route\) int\(3\) if !\{ var\(txn\.route\) -m found \}\n/);
    assert.match(
      text,
      / {2}use_backend b_a if \{ var\(txn\.route\) -m int 1 \}\n {2}use_backend b_b if \{ var\(txn\.route\) -m int 2 \}\n {2}default_backend b_c\n/,
    );
    const plain = render({
      config: { ...config, frontends: [{ ...config.frontends[0], routes: config.frontends[0].routes.map(({ rewrites: _, ...r }) => r) }] },
      slots: new Map(),
      dir: '/d',
      statsSocket: '/d/s',
      threads: 1,
    }).text;
    assert.doesNotMatch(plain, /txn\.route/, 'without rewrites, no variable is set per request');
  });

  describe('HTTPS listeners', () => {
    const tls = (policy: string, extra: Partial<TlsSpec> = {}): TlsSpec => {
      const p = sslPolicy(policy)!;
      return {
        certFile: '/d/certs/lb.pem',
        certHash: 'aaaa',
        minVersion: p.minVersion,
        maxVersion: p.maxVersion,
        ciphers: p.ciphers,
        suites: p.suites,
        alpn: ['h2', 'http/1.1'],
        ...extra,
      };
    };
    const config = (t?: TlsSpec): DataPlaneConfig => ({
      frontends: [
        {
          key: 'l1',
          loadBalancer: 'lb',
          address: '127.0.1.1',
          port: 8443,
          idleTimeoutSec: 60,
          tls: t,
          routes: [{ key: 'd', conditions: [], action: { kind: 'fixed-response', status: 200 } }],
        },
      ],
      backends: [],
    });
    const r = (c: DataPlaneConfig) => render({ config: c, slots: new Map(), dir: '/d', statsSocket: '/d/s', threads: 1 });

    it("terminates TLS with the certificate, the policy's versions and ciphers, and HTTP/2 when enabled", () => {
      const text = r(config(tls('ELBSecurityPolicy-TLS13-1-2-2021-06'))).text;
      assert.match(
        text,
        /\n {2}bind 127\.0\.1\.1:8443 ssl crt \/d\/certs\/lb\.pem alpn h2,http\/1\.1 ssl-min-ver TLSv1\.2 ssl-max-ver TLSv1\.3 ciphers ECDHE-ECDSA-AES128-GCM-SHA256:[^ ]*:ECDHE-RSA-AES256-SHA384 ciphersuites TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256\n/,
      );
      assert.match(text, /X-Forwarded-Proto https\n/);
      assert.doesNotMatch(text, /SECLEVEL/, "a TLS 1.2+ policy keeps OpenSSL's security level");
    });
    it('lets TLS 1.0 in for ELBSecurityPolicy-2016-08 (no TLS 1.3), and offers only HTTP/1.1 when HTTP/2 is off', () => {
      const bind = tlsBind(tls('ELBSecurityPolicy-2016-08', { alpn: ['http/1.1'] }));
      assert.match(
        bind,
        / alpn http\/1\.1 ssl-min-ver TLSv1\.0 ssl-max-ver TLSv1\.2 ciphers ECDHE-ECDSA-AES128-GCM-SHA256:.*:AES256-SHA:@SECLEVEL=0$/,
      );
      assert.doesNotMatch(bind, /ciphersuites/);
      assert.match(
        tlsBind(tls('ELBSecurityPolicy-TLS13-1-3-2021-06')),
        /ssl-min-ver TLSv1\.3 ssl-max-ver TLSv1\.3 ciphersuites [^ ]+$/,
        'a TLS 1.3-only policy names no TLS 1.2 ciphers',
      );
    });
    it('a new certificate or policy changes the structure (a reload); the same one does not', () => {
      const one = r(config(tls('ELBSecurityPolicy-2016-08'))).structure;
      assert.equal(r(config(tls('ELBSecurityPolicy-2016-08'))).structure, one);
      assert.notEqual(r(config(tls('ELBSecurityPolicy-2016-08', { certHash: 'bbbb' }))).structure, one);
      assert.notEqual(r(config(tls('ELBSecurityPolicy-FS-1-2-Res-2020-10'))).structure, one);
      assert.match(r(config()).text, /bind 127\.0\.1\.1:8443\n[\s\S]*X-Forwarded-Proto http\n/);
    });
  });
});

describe('HAProxy lines for ALB attributes', () => {
  const backend = (extra: Partial<BackendSpec> = {}): BackendSpec => ({
    key: 'tg',
    algorithm: 'roundrobin',
    idleTimeoutSec: 60,
    servers: [{ key: 'a', host: '127.0.0.1', port: 1000, state: 'ready' }],
    ...extra,
  });
  const frontend = (extra: Partial<FrontendSpec> = {}): FrontendSpec => ({
    key: 'l1',
    loadBalancer: 'lb',
    address: '127.0.1.1',
    port: 8000,
    idleTimeoutSec: 60,
    routes: [{ key: 'd', conditions: [], action: { kind: 'forward', targets: [{ backend: 'tg', weight: 1 }] } }],
    ...extra,
  });
  const text = (f: FrontendSpec, b: BackendSpec) => {
    const config = { frontends: [f], backends: [b] };
    return render({ config, slots: assignSlots(config, {}), dir: '/d', statsSocket: '/d/s', threads: 1 }).text;
  };
  const headers = (h: Partial<HeaderSpec>) => ({ headers: { ...DEFAULT_HEADERS, ...h } });

  it('at the defaults: X-Forwarded-For appended, the listener port added to Host, a trace id, and no backend rule', () => {
    const t = text(frontend(), backend());
    assert.match(t, / {2}option forwardfor\n/);
    assert.match(t, / {2}http-request replace-header Host \^\(\[\^:\]\*\|\\\[\.\*\\\]\)\$ \\1:8000\n/);
    assert.match(t, /add-header X-Amzn-Trace-Id Root=1-%\[date,htonl,hex,lower\]-(%\[rand,htonl,hex,lower\]){3} unless/);
    assert.doesNotMatch(t, /del-header|use-server|cookie|slowstart|http-response|http-after-response/);
    assert.match(t, /backend b_tg\n {2}timeout server 60s\n {2}timeout tunnel 60s\n {2}balance roundrobin\n {2}server s1 /);
    assert.match(
      text(frontend({ port: 80 }), backend()),
      /replace-header Host \^\(\.\*\):\[0-9\]\+\$ \\1\n/,
      'on port 80 a port is removed',
    );
  });

  it('X-Forwarded-For modes, client port, Host preservation and invalid header names', () => {
    const preserve = text(frontend(headers({ xff: 'preserve', xffClientPort: true, preserveHost: true })), backend());
    assert.doesNotMatch(
      preserve,
      /X-Forwarded-For|forwardfor|Host/,
      'preserve leaves both headers alone, whatever the client port setting',
    );
    assert.match(text(frontend(headers({ xff: 'remove' })), backend()), / {2}http-request del-header X-Forwarded-For\n/);
    const port = text(frontend(headers({ xffClientPort: true })), backend());
    assert.match(port, / {2}http-request add-header X-Forwarded-For %\[src\]:%\[src_port\]\n/);
    assert.doesNotMatch(port, /option forwardfor/);
    assert.match(
      text(frontend({ address: '::1', ...headers({ xffClientPort: true }) }), backend()),
      /X-Forwarded-For \[%\[src\]\]:%\[src_port\]\n/,
    );
    assert.match(text(frontend(headers({ dropInvalidHeaders: true })), backend()), / {2}http-request del-header \[\^A-Za-z0-9-\] -m reg\n/);
  });

  it('weighted random, slow start and both kinds of stickiness', () => {
    assert.match(text(frontend(), backend({ algorithm: 'random' })), / {2}balance random\(1\)\n/);
    assert.match(text(frontend(), backend({ slowStartMs: 1500 })), / {2}default-server slowstart 1500ms\n/);
    const lb = text(frontend(), backend({ sticky: { kind: 'lb_cookie', seconds: 30 } }));
    assert.match(lb, / {2}cookie AWSALB insert indirect nocache maxlife 30s\n/);
    assert.match(lb, /Set-Cookie "AWSALBCORS=%\[res\.cook\(AWSALB\)\]; Path=\/; SameSite=None; Secure"/);
    assert.match(lb, /server s1 127\.0\.0\.1:1000 cookie s1\n/);
    const app = text(frontend(), backend({ sticky: { kind: 'app_cookie', cookieName: 'SESSION', seconds: 40 } }));
    assert.match(app, /use-server %\[var\(txn\.albapp\)\] if/);
    assert.match(
      app,
      /Set-Cookie "AWSALBAPP-0=%\[srv_name\]\.%\[date\(40\)\]; Expires=%\[date\(604800\),http_date\]; Path=\/" if \{ res\.cook\(SESSION\) -m found \}/,
    );
    assert.doesNotMatch(app, /AWSALB |cookie s1/);
  });

  it('HAProxy accepts every attribute at once', { skip: !haproxyInstalled() }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-cfg-'));
    try {
      const all = headers({ xffClientPort: true, dropInvalidHeaders: true });
      for (const [f, b] of [
        [frontend(all), backend({ slowStartMs: 30_000, sticky: { kind: 'lb_cookie', seconds: 30 } })],
        [
          frontend({ port: 80, ...headers({ xff: 'remove' }) }),
          backend({ algorithm: 'random', sticky: { kind: 'app_cookie', cookieName: 'my.session-id', seconds: 40 } }),
        ],
      ] as const) {
        const config = { frontends: [f], backends: [b] };
        writeFileSync(
          join(dir, 'haproxy.cfg'),
          render({ config, slots: assignSlots(config, {}), dir, statsSocket: join(dir, 's'), threads: 1 }).text,
        );
        execFileSync('haproxy', ['-c', '-q', '-f', join(dir, 'haproxy.cfg')]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
