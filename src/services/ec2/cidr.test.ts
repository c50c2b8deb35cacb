import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contains, formatCidr, overlaps, parseCidr, usableAddresses } from './cidr.ts';

describe('ec2 CIDR blocks', () => {
  it('reads canonical IPv4 blocks and refuses host bits, bad octets and prefixes', () => {
    assert.deepEqual(parseCidr('10.0.0.0/16'), { base: 10 * 2 ** 24, prefix: 16 });
    assert.equal(formatCidr(parseCidr('172.31.16.0/20')!), '172.31.16.0/20');
    for (const bad of ['10.0.0.1/16', '256.0.0.0/8', '10.0.0.0/33', '10.0.0/16', '10.0.0.0', 'x'])
      assert.equal(parseCidr(bad), undefined, bad);
  });

  it('tells containment and overlap', () => {
    const vpc = parseCidr('10.0.0.0/16')!;
    assert.ok(contains(vpc, parseCidr('10.0.1.0/24')!));
    assert.ok(!contains(vpc, parseCidr('10.1.0.0/24')!));
    assert.ok(!contains(vpc, parseCidr('10.0.0.0/8')!));
    assert.ok(overlaps(parseCidr('10.0.0.0/24')!, parseCidr('10.0.0.128/25')!));
    assert.ok(!overlaps(parseCidr('10.0.0.0/25')!, parseCidr('10.0.0.128/25')!));
    assert.equal(usableAddresses(parseCidr('172.31.0.0/20')!), 4091);
  });
});
