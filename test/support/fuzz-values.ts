/**
 * Values for the hostile-input suite, drawn from a service model: a seeded PRNG, a sample input
 * that passes the model's own constraints (so a single fault can reach deep), the fault values
 * each shape type can be given on each wire, and hostile strings.
 */
import { shapeOf, type ServiceModel, type Shape } from '../../src/protocol/model.ts';

/** How a case travels: JSON documents, Query forms, or REST-XML (where every scalar is text, as on Query). */
export type Wire = 'json' | 'query' | 'rest-xml';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export class Rand {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

/** Names that are properties of every plain object. */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

/** Strings no AWS name, id or ARN accepts. */
const BROKEN_TEXT = ['fuzz\x00', '\x01\x0b\x0c', 'a\ud800b', '\udfff', 'x'.repeat(5000)];

/** ARNs no AWS reference accepts: malformed, or naming something that cannot exist here. */
const WRONG_ARNS = [
  'arn:aws:ecs:us-east-1:000000000000:cluster/',
  'arn:aws:ecs::000000000000:',
  'arn:aws',
  'arn:aws:iam::0000:role/x',
  'arn:aws-cn:ecs:us-east-1:000000000000:cluster/fuzz\x0b',
  'arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/../../../x',
];

/** Well-formed ARNs of another account, region or service: found by nothing in this Slipway. */
const FOREIGN_ARNS = [
  'arn:aws:ecs:us-east-1:123456789012:cluster/fuzz',
  'arn:aws:ecs:eu-west-9:000000000000:service/fuzz/fuzz',
  'arn:aws:ecr:us-east-1:000000000000:repository/fuzz',
  'arn:aws:codebuild:us-east-1:123456789012:project/fuzz',
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/fuzz/0123456789abcdef',
];

/**
 * Identifiers that member `name` must refuse or find nothing by. A name member (clusterName,
 * family) gets broken text only: an ARN-looking name is not surely wrong everywhere. A role
 * member is not given a foreign ARN, since roles may belong to other accounts. An S3 key may be
 * any UTF-8 up to 1024 bytes, so it is given only what is not UTF-8 or is too long.
 */
export function hostileIdentifiers(name: string, wire: Wire = 'json'): string[] {
  if (wire === 'rest-xml' && name === 'Key') return BROKEN_TEXT.filter((text) => text.length > 1024 || /[\ud800-\udfff]/.test(text));
  if (/name$/i.test(name)) return BROKEN_TEXT;
  return [...BROKEN_TEXT, ...WRONG_ARNS, ...(/role/i.test(name) ? [] : FOREIGN_ARNS)];
}

/** Text a number member never accepts, on either wire. */
const NOT_NUMBERS = ['NaN', 'Infinity', '-Infinity', '1e308', '0x10', '12abc', ' ', '1,5'];

/** Plausible strings for a sample input: the first one the shape's constraints allow is taken. */
const SAMPLE_STRINGS = [
  'fuzz',
  'fuzz-1',
  'fuzz1',
  'f',
  '1',
  'us-east-1',
  '000000000000',
  'arn:aws:iam::000000000000:role/fuzz',
  '{}',
  `sha256:${'0'.repeat(64)}`,
];

export function matchesPattern(shape: Shape, text: string): boolean {
  if (!shape.pattern) return true;
  try {
    return new RegExp(`^(?:${shape.pattern})$`, 'u').test(text);
  } catch {
    return true;
  }
}

function fitsString(shape: Shape, text: string): boolean {
  if (shape.min !== undefined && text.length < shape.min) return false;
  if (shape.max !== undefined && text.length > shape.max) return false;
  return matchesPattern(shape, text);
}

/** An input for `shape` with its required members filled by values the model allows. */
export function sample(model: ServiceModel, shape: Shape, depth = 0): unknown {
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      if (shape.document || depth > 8) return out;
      for (const name of shape.required ?? []) out[name] = sample(model, shapeOf(model, shape.members![name].shape), depth + 1);
      return out;
    }
    case 'list': {
      const count = Math.max(shape.min ?? 0, 1);
      return Array.from({ length: count }, () => sample(model, shapeOf(model, shape.member!.shape), depth + 1));
    }
    case 'map':
      return {};
    case 'string': {
      if (shape.enum) return shape.enum[0];
      const padded = (text: string) => text.padEnd(shape.min ?? 0, 'a');
      return SAMPLE_STRINGS.map(padded).find((text) => fitsString(shape, text)) ?? padded('fuzz');
    }
    case 'integer':
    case 'long':
      return Math.min(Math.max(shape.min ?? 1, 1), shape.max ?? Number.MAX_SAFE_INTEGER);
    case 'double':
    case 'float':
      return Math.max(shape.min ?? 1, 1);
    case 'boolean':
      return false;
    case 'timestamp':
      return 1_700_000_000;
    case 'blob':
      return 'AAAA';
  }
}

/**
 * Values the model forbids for `shape`, each as it would be sent on `wire`. On the Query and
 * REST-XML wires every scalar is text, and a container given as a scalar just reads as empty, so
 * only faults that survive that encoding are listed there.
 */
export function faults(model: ServiceModel, shape: Shape, wire: Wire): unknown[] {
  const out: unknown[] = [];
  const garbage = { nested: [{ deeper: { deepest: [1, 'two', null, true] } }] };
  switch (shape.type) {
    case 'structure':
      if (shape.document) break;
      if (wire === 'json') out.push('a string', 42, [], [{}], true);
      break;
    case 'list':
      if (wire === 'json') out.push({}, 'a string', 7, { '0': 'x' }, garbage);
      if (shape.max !== undefined && shape.max < 200)
        out.push(Array.from({ length: shape.max + 1 }, () => sample(model, shapeOf(model, shape.member!.shape))));
      if (shape.min) out.push([]);
      break;
    case 'map':
      if (wire === 'json') out.push([], 'a string', 3, [['k', 'v']]);
      break;
    case 'string':
      if (wire === 'json') out.push(42, true, ['a list'], garbage, 1e308);
      if (shape.enum) out.push(...PROTOTYPE_NAMES.slice(0, 3), `${shape.enum[0]}\x00`, `${shape.enum[0].toLowerCase()}x`);
      if (shape.max !== undefined && shape.max < 100_000) out.push('x'.repeat(shape.max + 1), 'x'.repeat(100_000));
      if (shape.min) out.push('');
      if (shape.pattern)
        out.push(...['\x00', 'a\x01b', '\x0b\x0c', 'a\ud800', '', ' ', 'x'.repeat(3000)].filter((text) => !fitsString(shape, text)));
      break;
    case 'integer':
    case 'long': {
      out.push(...NOT_NUMBERS, '1.5');
      if (wire === 'json') out.push(1.5, true, [1], { n: 1 }, '12');
      out.push(shape.type === 'integer' ? 2147483648 : 1e19, -1e19, 1e308);
      if (shape.type === 'integer') out.push(-2147483649);
      if (shape.min !== undefined && shape.min >= 0) out.push(-1);
      if (shape.min !== undefined && shape.min > -1e6) out.push(shape.min - 1);
      if (shape.max !== undefined && shape.max < 1e15) out.push(shape.max + 1);
      break;
    }
    case 'double':
    case 'float':
      out.push('NaN', 'Infinity', 'abc');
      if (wire === 'json') out.push(true, [], { n: 1 }, '1.5');
      break;
    case 'boolean':
      out.push('yes', 'TRUE', '1', 'null');
      if (wire === 'json') out.push(1, 0, 'true', [], {});
      break;
    case 'timestamp':
      out.push('not a date', '2024-13-45T99:99:99Z');
      if (wire === 'json') out.push(true, [], {}, 1e308);
      break;
    case 'blob':
      if (wire === 'json') out.push(42, {}, [], true, '%%% not base64 %%%');
      break;
  }
  return out;
}

/** A short, printable account of a value for failure messages. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}…(${text.length} chars)` : text;
}
