/**
 * @module core/net
 * IP address ranges as AWS writes them (CIDR, IPv4 or IPv6), whether an address is in one, and
 * IPv4 blocks as EC2 lays out VPCs and subnets.
 */
import { BlockList, isIP } from 'node:net';

export interface Cidr {
  address: string;
  prefix: number;
  type: 'ipv4' | 'ipv6';
}

/** The range `text` names (`a.b.c.d/n`, `x::y/n`; a bare address is its own /32 or /128); undefined when it is none. */
export function parseCidr(text: string): Cidr | undefined {
  const [address, bits, extra] = text.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return undefined;
  const max = family === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : Number.NaN;
  if (!Number.isInteger(prefix) || prefix > max) return undefined;
  return { address, prefix, type: family === 4 ? 'ipv4' : 'ipv6' };
}

/**
 * Whether `address` is in `cidr`. An IPv4 caller has two spellings (a.b.c.d, and ::ffff:a.b.c.d on
 * a dual-stack socket) and is in a range written either way, as BlockList maps one onto the other.
 */
export function inCidr(address: string, cidr: string): boolean {
  const range = parseCidr(cidr);
  const family = isIP(address);
  if (!range || !family) return false;
  const list = new BlockList();
  list.addSubnet(range.address, range.prefix, range.type);
  return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** An IPv4 block as EC2 keeps it: its first address as a number, and its prefix length. */
export interface Ipv4Block {
  base: number;
  prefix: number;
}

/**
 * The IPv4 block `text` names in canonical form (`a.b.c.d/n`, no leading zeros, no host bits),
 * as EC2 takes a VPC's, subnet's, route's or rule's range; undefined when it is none.
 */
export function parseIpv4Block(text: string): Ipv4Block | undefined {
  const range = parseCidr(text);
  if (range?.type !== 'ipv4' || text !== `${range.address}/${range.prefix}`) return undefined;
  const base = range.address.split('.').reduce((a, o) => a * 256 + Number(o), 0);
  return base % blockSize(range) === 0 ? { base, prefix: range.prefix } : undefined;
}

export function formatIpv4Block(block: Ipv4Block): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(block.base / 2 ** shift) % 256);
  return `${octets.join('.')}/${block.prefix}`;
}

export function blockSize(block: { prefix: number }): number {
  return 2 ** (32 - block.prefix);
}

export function blockContains(outer: Ipv4Block, inner: Ipv4Block): boolean {
  return inner.prefix >= outer.prefix && inner.base >= outer.base && inner.base + blockSize(inner) <= outer.base + blockSize(outer);
}

export function blocksOverlap(a: Ipv4Block, b: Ipv4Block): boolean {
  return a.base < b.base + blockSize(b) && b.base < a.base + blockSize(a);
}
