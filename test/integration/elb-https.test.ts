/**
 * HTTPS listeners for real: TLS terminated by HAProxy with a certificate Slipway issues from its
 * local CA (verified by clients that trust <data-dir>/elb/ca/ca.pem), the security policy's TLS
 * versions, HTTP/2 by ALPN, X-Forwarded-Proto, HTTP-to-HTTPS redirects, ALB's certificate and
 * policy errors (which write nothing), the certificate list, and a restart of Slipway.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { connect, type PeerCertificate } from 'node:tls';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  awsCli,
  freePort,
  startSlipwayProcess,
  startTestSlipway,
  tempDataDir,
  waitFor,
  type SlipwayProcess,
  type TestSlipway,
} from '../support/slipway.ts';
import { elbClient, get, haproxyPid, startTarget, stopHaproxy, targetStates, type Target } from '../support/elb.ts';

const FAST_HEALTH = { HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2 };
const CERT = 'arn:aws:acm:us-east-1:000000000000:certificate/11111111-2222-3333-4444-555555555555';
const CERT2 = 'arn:aws:acm:us-east-1:000000000000:certificate/66666666-2222-3333-4444-555555555555';
const IAM_CERT = 'arn:aws:iam::000000000000:server-certificate/prod/www';

async function rejects(p: Promise<unknown>, name: string, text?: string): Promise<void> {
  await assert.rejects(p, (err: Error) => {
    assert.equal(err.name, name, err.message);
    if (text) assert.ok(err.message.includes(text), err.message);
    return true;
  });
}

interface Handshake {
  protocol: string | null;
  alpn: string | false | null;
  cert: PeerCertificate;
}

/** A TLS handshake with the listener, verified against `ca`, limited to the given versions. */
function handshake(
  host: string,
  port: number,
  ca: Buffer,
  opts: { version?: 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3'; alpn?: string[] } = {},
): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    const socket = connect(
      {
        host,
        port,
        ca,
        servername: /^[\d.]+$/.test(host) ? undefined : host,
        minVersion: opts.version,
        maxVersion: opts.version,
        // The client side of OpenSSL 3 must be allowed TLS 1.1 too, or the refusal would be ours, not the listener's.
        ciphers: 'DEFAULT:@SECLEVEL=0',
        ALPNProtocols: opts.alpn ?? ['h2', 'http/1.1'],
      },
      () => {
        resolve({ protocol: socket.getProtocol(), alpn: socket.alpnProtocol, cert: socket.getPeerCertificate() });
        socket.end();
      },
    );
    socket.on('error', reject);
  });
}

describe('HTTPS listeners', () => {
  let s: TestSlipway;
  let elb: E.ElasticLoadBalancingV2Client;
  let lb: E.LoadBalancer;
  let tg: string;
  let echo: Target;
  let ca: Buffer;
  let httpsPort: number;
  let listenerArn: string;

  const listeners = async () => (await elb.send(new E.DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn }))).Listeners!;
  const httpsUrl = (path = '/') => `https://${lb.DNSName}:${httpsPort}${path}`;

  before(async () => {
    s = await startTestSlipway({ timeScale: 20 });
    elb = elbClient(s.endpoint);
    lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'secure' }))).LoadBalancers![0];
    echo = await startTarget('echo', (req, res) => res.end(JSON.stringify({ url: req.url, headers: req.headers })));
    tg = (
      await elb.send(
        new E.CreateTargetGroupCommand({ Name: 'secure-tg', Protocol: 'HTTP', Port: 80, TargetType: 'ip', VpcId: 'vpc-1', ...FAST_HEALTH }),
      )
    ).TargetGroups![0].TargetGroupArn!;
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: tg, Targets: [{ Id: '127.0.0.1', Port: echo.port }] }));
    httpsPort = await freePort();
  });
  after(async () => {
    await s.close();
    await echo.close();
  });

  it('refuses what ALB refuses — no certificate, an unknown policy, a malformed ARN, TLS settings on HTTP — and writes nothing', async () => {
    const base = {
      LoadBalancerArn: lb.LoadBalancerArn,
      Port: httpsPort,
      DefaultActions: [{ Type: 'forward' as const, TargetGroupArn: tg }],
    };
    await rejects(
      elb.send(new E.CreateListenerCommand({ ...base, Protocol: 'HTTPS' })),
      'ValidationError',
      'A certificate must be specified for HTTPS listeners',
    );
    await rejects(
      elb.send(
        new E.CreateListenerCommand({
          ...base,
          Protocol: 'HTTPS',
          Certificates: [{ CertificateArn: CERT }],
          SslPolicy: 'ELBSecurityPolicy-Nope',
        }),
      ),
      'SSLPolicyNotFoundException',
      'ELBSecurityPolicy-Nope',
    );
    await rejects(
      elb.send(
        new E.CreateListenerCommand({
          ...base,
          Protocol: 'HTTPS',
          Certificates: [{ CertificateArn: 'arn:aws:acm:us-east-1:000000000000:bucket/x' }],
        }),
      ),
      'CertificateNotFoundException',
    );
    await rejects(
      elb.send(new E.CreateListenerCommand({ ...base, Protocol: 'HTTPS', Certificates: [{ CertificateArn: CERT, IsDefault: true }] })),
      'ValidationError',
      'isDefault',
    );
    await rejects(
      elb.send(
        new E.CreateListenerCommand({ ...base, Protocol: 'HTTPS', Certificates: [{ CertificateArn: CERT }, { CertificateArn: CERT2 }] }),
      ),
      'ValidationError',
      'only one default certificate',
    );
    await rejects(
      elb.send(new E.CreateListenerCommand({ ...base, Protocol: 'HTTP', Certificates: [{ CertificateArn: CERT }] })),
      'ValidationError',
      'A certificate cannot be specified for HTTP listeners',
    );
    await rejects(
      elb.send(new E.CreateListenerCommand({ ...base, Protocol: 'HTTP', SslPolicy: 'ELBSecurityPolicy-2016-08' })),
      'ValidationError',
      'SSL policy cannot be',
    );
    assert.deepEqual(await listeners(), []);
    assert.ok(!existsSync(join(s.dataDir, 'elb', 'ca', 'ca.pem')), 'no CA before an HTTPS listener exists');
  });

  it('serves HTTPS (the aws CLI creates it) verified against the Slipway CA, for the DNS name, with X-Forwarded-Proto https and HTTP/2', async () => {
    const created = await awsCli(s.endpoint, [
      'elbv2',
      'create-listener',
      '--load-balancer-arn',
      lb.LoadBalancerArn!,
      '--protocol',
      'HTTPS',
      '--port',
      String(httpsPort),
      '--certificates',
      `CertificateArn=${CERT}`,
      '--default-actions',
      `Type=forward,TargetGroupArn=${tg}`,
    ]);
    const listener = created.Listeners[0];
    listenerArn = listener.ListenerArn;
    assert.equal(listener.Protocol, 'HTTPS');
    assert.equal(listener.SslPolicy, 'ELBSecurityPolicy-2016-08');
    assert.deepEqual(listener.Certificates, [{ CertificateArn: CERT }]);
    const described = (await listeners())[0];
    assert.deepEqual([described.SslPolicy, described.Certificates], ['ELBSecurityPolicy-2016-08', [{ CertificateArn: CERT }]]);

    await waitFor('healthy', async () => (await targetStates(elb, tg))[0]?.endsWith(' healthy'), 20_000, 50);
    const caFile = join(s.dataDir, 'elb', 'ca', 'ca.pem');
    await waitFor('the CA', async () => existsSync(caFile), 10_000, 50);
    ca = readFileSync(caFile);
    assert.equal(statSync(join(s.dataDir, 'elb', 'ca', 'ca.key')).mode & 0o777, 0o600);
    const answer = await waitFor(
      'the HTTPS listener',
      async () => {
        const r = await get(httpsUrl('/hello?x=1'), { ca });
        return r.status === 200 ? r : undefined;
      },
      10_000,
      50,
    );
    const seen = JSON.parse(answer.body);
    assert.equal(seen.url, '/hello?x=1');
    assert.equal(seen.headers['x-forwarded-proto'], 'https');
    assert.equal(seen.headers['x-forwarded-port'], String(httpsPort));
    await assert.rejects(get(httpsUrl()), /self-signed|unable to verify|local issuer/, 'without the CA the certificate is not trusted');

    const tls = await handshake(lb.DNSName!, httpsPort, ca);
    const address = lb.AvailabilityZones![0].LoadBalancerAddresses![0].IpAddress!;
    const names = (tls.cert.subjectaltname ?? '').split(', ');
    assert.ok(names.includes(/^[\d.]+$/.test(lb.DNSName!) ? `IP Address:${lb.DNSName}` : `DNS:${lb.DNSName}`), tls.cert.subjectaltname);
    assert.ok(names.includes(`IP Address:${address}`) && names.includes('DNS:localhost'), tls.cert.subjectaltname);
    assert.equal(tls.alpn, 'h2', 'routing.http2.enabled is true by default');
    await elb.send(
      new E.ModifyLoadBalancerAttributesCommand({
        LoadBalancerArn: lb.LoadBalancerArn,
        Attributes: [{ Key: 'routing.http2.enabled', Value: 'false' }],
      }),
    );
    await waitFor('HTTP/1.1 only', async () => (await handshake(lb.DNSName!, httpsPort, ca)).alpn === 'http/1.1', 10_000, 50);
  });

  it('speaks the TLS versions of its security policy: TLS 1.1 under ELBSecurityPolicy-2016-08, not under ELBSecurityPolicy-TLS13-1-2-2021-06', async () => {
    assert.equal((await handshake(lb.DNSName!, httpsPort, ca, { version: 'TLSv1.1' })).protocol, 'TLSv1.1');
    await assert.rejects(
      handshake(lb.DNSName!, httpsPort, ca, { version: 'TLSv1.3' }),
      /protocol version|alert/i,
      'ELBSecurityPolicy-2016-08 has no TLS 1.3',
    );
    await rejects(
      elb.send(new E.ModifyListenerCommand({ ListenerArn: listenerArn, SslPolicy: 'ELBSecurityPolicy-Nope' })),
      'SSLPolicyNotFoundException',
    );
    assert.equal((await listeners())[0].SslPolicy, 'ELBSecurityPolicy-2016-08', 'a refused change writes nothing');

    const modified = (
      await elb.send(new E.ModifyListenerCommand({ ListenerArn: listenerArn, SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' }))
    ).Listeners![0];
    assert.deepEqual([modified.SslPolicy, modified.Certificates], ['ELBSecurityPolicy-TLS13-1-2-2021-06', [{ CertificateArn: CERT }]]);
    await waitFor(
      'TLS 1.3',
      async () => (await handshake(lb.DNSName!, httpsPort, ca, { version: 'TLSv1.3' })).protocol === 'TLSv1.3',
      10_000,
      50,
    );
    await assert.rejects(handshake(lb.DNSName!, httpsPort, ca, { version: 'TLSv1.1' }), /protocol version|alert/i, 'TLS 1.1 is refused');
    assert.equal((await handshake(lb.DNSName!, httpsPort, ca, { version: 'TLSv1.2' })).protocol, 'TLSv1.2');
  });

  it("keeps a certificate list beside the default certificate, which cannot be removed; describes ALB's security policies", async () => {
    const certificates = async () =>
      (await elb.send(new E.DescribeListenerCertificatesCommand({ ListenerArn: listenerArn }))).Certificates!;
    assert.deepEqual(await certificates(), [{ CertificateArn: CERT, IsDefault: true }]);
    await elb.send(
      new E.AddListenerCertificatesCommand({
        ListenerArn: listenerArn,
        Certificates: [{ CertificateArn: CERT2 }, { CertificateArn: IAM_CERT }],
      }),
    );
    await elb.send(new E.AddListenerCertificatesCommand({ ListenerArn: listenerArn, Certificates: [{ CertificateArn: CERT2 }] }));
    const listed = [
      { CertificateArn: CERT, IsDefault: true },
      { CertificateArn: CERT2, IsDefault: false },
      { CertificateArn: IAM_CERT, IsDefault: false },
    ];
    assert.deepEqual(await certificates(), listed, 'adding one already there adds nothing');
    await rejects(
      elb.send(
        new E.RemoveListenerCertificatesCommand({
          ListenerArn: listenerArn,
          Certificates: [{ CertificateArn: CERT2 }, { CertificateArn: CERT }],
        }),
      ),
      'OperationNotPermittedException',
      'Default certificate cannot be removed',
    );
    assert.deepEqual(await certificates(), listed, 'a refused removal writes nothing');
    await rejects(
      elb.send(new E.AddListenerCertificatesCommand({ ListenerArn: listenerArn, Certificates: [{ CertificateArn: 'not-an-arn' }] })),
      'CertificateNotFoundException',
    );
    await elb.send(new E.RemoveListenerCertificatesCommand({ ListenerArn: listenerArn, Certificates: [{ CertificateArn: CERT2 }] }));
    assert.deepEqual(await certificates(), [listed[0], listed[2]]);

    const all = (await elb.send(new E.DescribeSSLPoliciesCommand({ LoadBalancerType: 'application' }))).SslPolicies!;
    assert.equal(all[0].Name, 'ELBSecurityPolicy-2016-08');
    assert.ok(all.some((p) => p.Name === 'ELBSecurityPolicy-FS-1-2-Res-2020-10'));
    const [tls13] = (await awsCli(s.endpoint, ['elbv2', 'describe-ssl-policies', '--names', 'ELBSecurityPolicy-TLS13-1-2-2021-06']))
      .SslPolicies;
    assert.deepEqual(tls13.SslProtocols, ['TLSv1.2', 'TLSv1.3']);
    assert.deepEqual(tls13.Ciphers.slice(0, 4), [
      { Name: 'TLS_AES_128_GCM_SHA256', Priority: 1 },
      { Name: 'TLS_AES_256_GCM_SHA384', Priority: 2 },
      { Name: 'TLS_CHACHA20_POLY1305_SHA256', Priority: 3 },
      { Name: 'ECDHE-ECDSA-AES128-GCM-SHA256', Priority: 4 },
    ]);
    await rejects(elb.send(new E.DescribeSSLPoliciesCommand({ Names: ['ELBSecurityPolicy-Nope'] })), 'SSLPolicyNotFoundException');
  });

  it('an HTTP listener redirects clients to the HTTPS one; #{protocol} in a redirect is the protocol the client used', async () => {
    const httpPort = await freePort();
    await elb.send(
      new E.CreateListenerCommand({
        LoadBalancerArn: lb.LoadBalancerArn,
        Protocol: 'HTTP',
        Port: httpPort,
        DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: String(httpsPort), StatusCode: 'HTTP_301' } }],
      }),
    );
    await elb.send(
      new E.CreateRuleCommand({
        ListenerArn: listenerArn,
        Priority: 1,
        Conditions: [{ Field: 'path-pattern', Values: ['/old'] }],
        Actions: [{ Type: 'redirect', RedirectConfig: { Path: '/new', StatusCode: 'HTTP_302' } }],
      }),
    );
    const moved = await waitFor(
      'the redirect',
      async () => {
        const r = await get(`http://${lb.DNSName}:${httpPort}/shop?item=7`);
        return r.status === 301 ? r : undefined;
      },
      10_000,
      50,
    );
    assert.equal(moved.headers.location, httpsUrl('/shop?item=7'));
    const followed = await get(moved.headers.location!, { ca });
    assert.equal(JSON.parse(followed.body).url, '/shop?item=7');
    const kept = await waitFor(
      'the HTTPS rule',
      async () => {
        const r = await get(httpsUrl('/old?a=b'), { ca });
        return r.status === 302 ? r : undefined;
      },
      10_000,
      50,
    );
    assert.equal(kept.headers.location, httpsUrl('/new?a=b'));
  });

  it('ModifyListener moves a listener from HTTPS to HTTP (dropping its certificate and policy) and back', async () => {
    const asHttp = (await elb.send(new E.ModifyListenerCommand({ ListenerArn: listenerArn, Protocol: 'HTTP' }))).Listeners![0];
    assert.deepEqual([asHttp.Protocol, asHttp.Certificates, asHttp.SslPolicy], ['HTTP', undefined, undefined]);
    await waitFor('plain HTTP', async () => (await get(`http://${lb.DNSName}:${httpsPort}/`)).status === 200, 10_000, 50);
    assert.deepEqual((await elb.send(new E.DescribeListenerCertificatesCommand({ ListenerArn: listenerArn }))).Certificates, []);
    await rejects(
      elb.send(new E.ModifyListenerCommand({ ListenerArn: listenerArn, Protocol: 'HTTPS' })),
      'ValidationError',
      'A certificate must be specified for HTTPS listeners',
    );
    assert.equal((await listeners()).find((l) => l.ListenerArn === listenerArn)!.Protocol, 'HTTP', 'a refused change writes nothing');
    const asHttps = (
      await elb.send(
        new E.ModifyListenerCommand({ ListenerArn: listenerArn, Protocol: 'HTTPS', Certificates: [{ CertificateArn: IAM_CERT }] }),
      )
    ).Listeners![0];
    assert.deepEqual(
      [asHttps.Protocol, asHttps.Certificates, asHttps.SslPolicy],
      ['HTTPS', [{ CertificateArn: IAM_CERT }], 'ELBSecurityPolicy-2016-08'],
    );
    await waitFor('HTTPS again', async () => (await get(httpsUrl(), { ca })).status === 200, 10_000, 50);
  });
});

describe('HTTPS across a restart', () => {
  const dataDir = tempDataDir();
  let slipway: SlipwayProcess | undefined;
  let echo: Target | undefined;
  after(async () => {
    await slipway?.kill('SIGKILL');
    await stopHaproxy(dataDir);
    await echo?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the listener keeps serving while Slipway is down and after it starts again, with the same certificate and CA', async () => {
    const port = await freePort();
    const env = { SLIPWAY_TIME_SCALE: '20' };
    slipway = await startSlipwayProcess(dataDir, port, env);
    const elb = elbClient(slipway.endpoint);
    echo = await startTarget('survivor');
    const tg = (
      await elb.send(
        new E.CreateTargetGroupCommand({ Name: 'survivor', Protocol: 'HTTP', Port: 80, TargetType: 'ip', VpcId: 'vpc-1', ...FAST_HEALTH }),
      )
    ).TargetGroups![0].TargetGroupArn!;
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: tg, Targets: [{ Id: '127.0.0.1', Port: echo.port }] }));
    const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'survivor' }))).LoadBalancers![0];
    const listenerPort = await freePort();
    await elb.send(
      new E.CreateListenerCommand({
        LoadBalancerArn: lb.LoadBalancerArn,
        Protocol: 'HTTPS',
        Port: listenerPort,
        Certificates: [{ CertificateArn: CERT }],
        SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
        DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }],
      }),
    );
    const url = `https://${lb.DNSName}:${listenerPort}/`;
    const caFile = join(dataDir, 'elb', 'ca', 'ca.pem');
    await waitFor(
      'the HTTPS listener',
      async () => existsSync(caFile) && (await get(url, { ca: readFileSync(caFile) })).body === 'survivor',
      30_000,
      100,
    );
    const ca = readFileSync(caFile);
    const leafFile = join(dataDir, 'elb', 'certs', `${lb.LoadBalancerArn!.split('/').pop()}.pem`);
    const leaf = { content: readFileSync(leafFile, 'utf8'), mtime: statSync(leafFile).mtimeMs };
    const pid = haproxyPid(dataDir);

    await slipway.kill('SIGKILL');
    slipway = undefined;
    assert.equal((await get(url, { ca })).body, 'survivor', 'HAProxy serves with Slipway gone');
    slipway = await startSlipwayProcess(dataDir, port, env);
    const elb2 = elbClient(slipway.endpoint);
    await elb2.send(new E.DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn }));
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await get(url, { ca })).body, 'survivor');
    assert.equal(haproxyPid(dataDir), pid, 'the same HAProxy serves on');
    assert.deepEqual(readFileSync(caFile), ca, 'the CA is kept');
    assert.deepEqual(
      { content: readFileSync(leafFile, 'utf8'), mtime: statSync(leafFile).mtimeMs },
      leaf,
      'the certificate is not rewritten',
    );
    assert.equal((await handshake(lb.DNSName!, listenerPort, ca, { version: 'TLSv1.3' })).protocol, 'TLSv1.3');
  });
});
