import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalCertificates, OPENSSL_HELP, leafIsCurrent, subjectAltNames } from './certificates.ts';

const DAY = 86_400_000;

describe('local certificates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-certs-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const req = { key: '0123456789abcdef', dnsName: 'web-1234567890.us-east-1.elb.slipway.internal', address: '127.0.1.7' };

  it('names the DNS name, the address and localhost (the address once when it is the DNS name)', () => {
    assert.deepEqual(subjectAltNames(req), ['DNS:web-1234567890.us-east-1.elb.slipway.internal', 'IP:127.0.1.7', 'DNS:localhost']);
    assert.deepEqual(subjectAltNames({ dnsName: '127.0.1.7', address: '127.0.1.7' }), ['IP:127.0.1.7', 'DNS:localhost']);
  });

  it('makes the CA once and a certificate per load balancer, keys mode 600, rewritten only when needed', async () => {
    const certs = new LocalCertificates(dir);
    const leaf = await certs.leaf(req);
    assert.equal(leaf.file, join(dir, 'certs', `${req.key}.pem`));
    assert.equal(statSync(certs.caKeyFile).mode & 0o777, 0o600);
    assert.equal(statSync(leaf.file).mode & 0o777, 0o600);
    const caPem = readFileSync(certs.caFile, 'utf8');
    assert.doesNotMatch(caPem, /PRIVATE KEY/, 'the CA file clients read holds no key');
    const cert = new X509Certificate(readFileSync(leaf.file));
    assert.equal(cert.subjectAltName, 'DNS:web-1234567890.us-east-1.elb.slipway.internal, IP Address:127.0.1.7, DNS:localhost');
    assert.ok(cert.verify(new X509Certificate(caPem).publicKey));

    const written = statSync(leaf.file).mtimeMs;
    const again = await new LocalCertificates(dir).leaf(req);
    assert.deepEqual(again, leaf, 'a restarted Slipway keeps the certificate');
    assert.equal(statSync(leaf.file).mtimeMs, written);
    assert.equal(readFileSync(certs.caFile, 'utf8'), caPem, 'the CA is never remade');

    const moved = await certs.leaf({ ...req, address: '127.0.1.8' });
    assert.notEqual(moved.hash, leaf.hash, 'other names: a new certificate');
    assert.equal(readFileSync(certs.caFile, 'utf8'), caPem);
  });

  it('renews a certificate with less than 30 days left, or one another CA issued', async () => {
    const certs = new LocalCertificates(dir);
    const leaf = await certs.leaf(req);
    const pem = readFileSync(leaf.file, 'utf8');
    const caPem = readFileSync(certs.caFile, 'utf8');
    assert.ok(leafIsCurrent(pem, req, caPem, Date.now()));
    assert.ok(!leafIsCurrent(pem, req, caPem, Date.now() + 370 * DAY));
    const other = new LocalCertificates(mkdtempSync(join(tmpdir(), 'slipway-certs-other-')));
    const foreign = readFileSync((await other.leaf(req)).file, 'utf8');
    rmSync(other.dir, { recursive: true, force: true });
    assert.ok(!leafIsCurrent(foreign, req, caPem, Date.now()));
    assert.ok(!leafIsCurrent('not a certificate', req, caPem, Date.now()));
  });

  it('trusts a certificate it checked while its file is unchanged, and checks again when the file changes or the hour is over', async () => {
    const certs = new LocalCertificates(dir);
    const leaf = await certs.leaf(req);
    assert.deepEqual(await certs.leaf(req), leaf);
    writeFileSync(leaf.file, 'not a certificate');
    const reissued = await certs.leaf(req);
    assert.ok(
      leafIsCurrent(readFileSync(reissued.file, 'utf8'), req, readFileSync(certs.caFile, 'utf8'), Date.now()),
      'a changed file is checked again',
    );
    const later = Date.now() + 400 * DAY;
    const renewed = await certs.leaf(req, later);
    assert.notEqual(renewed.hash, reissued.hash, 'after the hour, an expiring certificate is renewed');
  });

  it('removes the certificates of load balancers that are gone', async () => {
    const certs = new LocalCertificates(dir);
    const leaf = await certs.leaf(req);
    certs.prune(new Set(['ffffffffffffffff']));
    assert.ok(!existsSync(leaf.file));
  });

  it('says plainly when openssl is missing, and never replaces a CA whose key is lost', async () => {
    const lone = new LocalCertificates(mkdtempSync(join(tmpdir(), 'slipway-certs-lone-')));
    try {
      process.env.SLIPWAY_OPENSSL = '/nonexistent/openssl';
      await assert.rejects(lone.leaf(req), { message: OPENSSL_HELP });
      delete process.env.SLIPWAY_OPENSSL;
      mkdirSync(join(lone.dir, 'ca'));
      writeFileSync(lone.caFile, readFileSync(new LocalCertificates(dir).caFile));
      await assert.rejects(lone.leaf(req), /ca\.pem exists but its key .*ca\.key does not/);
      assert.ok(!existsSync(lone.caKeyFile));
    } finally {
      delete process.env.SLIPWAY_OPENSSL;
      rmSync(lone.dir, { recursive: true, force: true });
    }
  });
});
