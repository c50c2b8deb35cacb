/**
 * @module core/net
 * IP address ranges as AWS writes them (CIDR, IPv4 or IPv6), and whether an address is in one.
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
