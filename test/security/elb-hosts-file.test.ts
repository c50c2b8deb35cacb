/**
 * The hosts file gets only names Slipway generates: a request whose credential scope carries a
 * region with spaces or other hostnames cannot point those names at a load balancer.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestSlipway } from '../support/slipway.ts';

const dir = mkdtempSync(join(tmpdir(), 'slipway-hosts-'));
const hostsFile = join(dir, 'hosts');
writeFileSync(hostsFile, '127.0.0.1 localhost\n');
// Read when the ELB room is loaded: set before Slipway is imported.
process.env.SLIPWAY_HOSTS_FILE = hostsFile;

describe('load balancer names in the hosts file', () => {
  let s: TestSlipway;
  before(async () => {
    const { startTestSlipway } = await import('../support/slipway.ts');
    s = await startTestSlipway({ timeScale: 20 });
  });
  after(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const createLoadBalancer = (name: string, region: string) =>
    fetch(s.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/elasticloadbalancing/aws4_request, SignedHeaders=host, Signature=00`,
      },
      body: new URLSearchParams({ Action: 'CreateLoadBalancer', Version: '2015-12-01', Name: name }).toString(),
    });

  it('names a load balancer only with a well-formed region, and writes only names it made', async () => {
    const good = await createLoadBalancer('plain', 'eu-west-1');
    assert.equal(good.status, 200, await good.text());
    for (const [i, region] of ['us-east-1 127.0.0.1 bank.example', 'bank.example', 'us-east-1\tbank.example', 'x#y'].entries()) {
      const res = await createLoadBalancer(`evil-${i}`, region);
      const text = await res.text();
      assert.ok(res.status >= 400 && res.status < 500, `refused (${res.status}): ${text}`);
    }
    const hosts = readFileSync(hostsFile, 'utf8');
    assert.doesNotMatch(hosts, /bank\.example/);
    const block = hosts.split('\n').filter((l) => l && !l.startsWith('#') && l !== '127.0.0.1 localhost');
    assert.equal(block.length, 1, hosts);
    assert.match(block[0], /^127\.0\.\d+\.\d+ plain-\d+\.eu-west-1\.elb\.slipway\.internal$/);
  });
});
