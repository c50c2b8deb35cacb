import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockContains, blocksOverlap, formatIpv4Block, inCidr, parseCidr, parseIpv4Block } from './net.ts';

describe('IP ranges', () => {
  it('reads IPv4 and IPv6 ranges and bare addresses, and refuses what is none', () => {
    assert.deepEqual(parseCidr('10.0.0.0/8'), { address: '10.0.0.0', prefix: 8, type: 'ipv4' });
    assert.deepEqual(parseCidr('2001:db8::/32'), { address: '2001:db8::', prefix: 32, type: 'ipv6' });
    assert.deepEqual(parseCidr('192.0.2.7'), { address: '192.0.2.7', prefix: 32, type: 'ipv4' });
    for (const bad of ['10.0.0.0/33', '::/129', '10.0.0.0/8/1', '10.0.0/8', '10.0.0.0/x', 'x'])
      assert.equal(parseCidr(bad), undefined, bad);
  });

  it('tells whether an address is in a range, in either spelling of an IPv4 caller', () => {
    assert.ok(inCidr('10.1.2.3', '10.0.0.0/8'));
    assert.ok(inCidr('::ffff:10.1.2.3', '10.0.0.0/8'));
    assert.ok(!inCidr('11.0.0.1', '10.0.0.0/8'));
    assert.ok(!inCidr('10.0.0.1', 'nonsense'));
  });

  it('reads canonical IPv4 blocks and refuses host bits, leading zeros, bad octets and prefixes', () => {
    assert.deepEqual(parseIpv4Block('10.0.0.0/16'), { base: 10 * 2 ** 24, prefix: 16 });
    assert.equal(formatIpv4Block(parseIpv4Block('172.31.16.0/20')!), '172.31.16.0/20');
    assert.deepEqual(parseIpv4Block('0.0.0.0/0'), { base: 0, prefix: 0 });
    for (const bad of ['10.0.0.1/16', '256.0.0.0/8', '10.0.0.0/33', '10.0.0/16', '10.0.0.0', '010.0.0.0/16', '10.0.0.0/016', '::/0', 'x'])
      assert.equal(parseIpv4Block(bad), undefined, bad);
  });

  it('tells containment and overlap of blocks', () => {
    const vpc = parseIpv4Block('10.0.0.0/16')!;
    assert.ok(blockContains(vpc, parseIpv4Block('10.0.1.0/24')!));
    assert.ok(!blockContains(vpc, parseIpv4Block('10.1.0.0/24')!));
    assert.ok(!blockContains(vpc, parseIpv4Block('10.0.0.0/8')!));
    assert.ok(blocksOverlap(parseIpv4Block('10.0.0.0/24')!, parseIpv4Block('10.0.0.128/25')!));
    assert.ok(!blocksOverlap(parseIpv4Block('10.0.0.0/25')!, parseIpv4Block('10.0.0.128/25')!));
  });
});
