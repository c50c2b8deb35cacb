/**
 * @module services/ec2/cidr
 * IPv4 CIDR blocks as EC2 checks them: a block is its first address and prefix length, written
 * in canonical form (no host bits, no leading zeros).
 */

export interface Block {
  base: number;
  prefix: number;
}

/** The block `text` names, or undefined when it is not a canonical IPv4 CIDR. */
export function parseCidr(text: string): Block | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const base = octets.reduce((a, o) => a * 256 + o, 0);
  if (base % 2 ** (32 - prefix) !== 0) return undefined;
  return { base, prefix };
}

export function formatCidr(block: Block): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(block.base / 2 ** shift) % 256);
  return `${octets.join('.')}/${block.prefix}`;
}

export function size(block: Block): number {
  return 2 ** (32 - block.prefix);
}

export function contains(outer: Block, inner: Block): boolean {
  return inner.prefix >= outer.prefix && inner.base >= outer.base && inner.base + size(inner) <= outer.base + size(outer);
}

export function overlaps(a: Block, b: Block): boolean {
  return a.base < b.base + size(b) && b.base < a.base + size(a);
}

/** The addresses a subnet offers: AWS keeps the first four and the last. */
export function usableAddresses(block: Block): number {
  return Math.max(0, size(block) - 5);
}
