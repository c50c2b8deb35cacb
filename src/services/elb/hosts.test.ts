import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addressesOfOthers, allocateAddress, dnsName, writeHostsBlock } from './hosts.ts';

describe('load balancer names and addresses', () => {
  it('keeps one block per data directory in the hosts file and drops blocks of directories that are gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hosts-'));
    const file = join(dir, 'hosts');
    writeFileSync(file, '127.0.0.1 localhost\n# slipway elb /gone/dir {\n127.0.1.9 old.elb.slipway.internal\n# slipway elb /gone/dir }\n');
    const other = mkdtempSync(join(tmpdir(), 'other-'));
    try {
      assert.ok(writeHostsBlock(other, [{ address: '127.0.1.1', name: 'b.elb.slipway.internal' }], file));
      assert.ok(writeHostsBlock(dir, [{ address: '127.0.1.2', name: 'a.elb.slipway.internal' }, { address: '127.0.1.3', name: '127.0.1.3' }], file));
      assert.equal(readFileSync(file, 'utf8'), [
        '127.0.0.1 localhost',
        `# slipway elb ${other} {`, '127.0.1.1 b.elb.slipway.internal', `# slipway elb ${other} }`,
        `# slipway elb ${dir} {`, '127.0.1.2 a.elb.slipway.internal', `# slipway elb ${dir} }`, '',
      ].join('\n'));
      assert.deepEqual([...addressesOfOthers(dir, file)], ['127.0.1.1']);
      assert.ok(writeHostsBlock(dir, [], file));
      assert.doesNotMatch(readFileSync(file, 'utf8'), /a\.elb/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(other, { recursive: true, force: true });
    }
  });
  it('allocates the first free loopback address and forms AWS-like names', () => {
    assert.equal(allocateAddress(new Set(['127.0.1.1', '127.0.1.2'])), '127.0.1.3');
    assert.equal(dnsName('my-app', '2087195924', 'ap-northeast-2', false), 'my-app-2087195924.ap-northeast-2.elb.slipway.internal');
    assert.equal(dnsName('api', '1', 'us-east-1', true), 'internal-api-1.us-east-1.elb.slipway.internal');
  });
});
