/**
 * @module services/iam/policy/conditions
 * IAM's condition operators. A condition block holds operator → key → values; it is met when every
 * operator's every key is met. For one key: a single-valued request value is met when it matches
 * any policy value (a negated operator: when it matches none). A key absent from the request fails
 * a positive operator, passes a negated one, passes any `…IfExists`; `Null` tests presence itself.
 * `ForAnyValue:` is met when some request value matches, `ForAllValues:` when every one does (and
 * when there are none).
 */
import { inCidr } from '../../../core/net.ts';
import { wildcardMatch } from './match.ts';

export type ContextValue = string | string[] | undefined;
export type Context = Record<string, ContextValue>;

type Compare = (requestValue: string, policyValue: string) => boolean;

const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
const date = (v: string) => (/^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v));
/** A comparison of values read by `read` (NaN when unreadable, which meets nothing). */
const readAs =
  (read: (v: string) => number) =>
  (test: (a: number, b: number) => boolean): Compare =>
  (a, b) => {
    const x = read(a);
    const y = read(b);
    return !Number.isNaN(x) && !Number.isNaN(y) && test(x, y);
  };
const numeric = readAs(num);
const dated = readAs(date);

/** Each base operator: how one request value meets one policy value, and whether it is negated. */
const OPERATORS: Record<string, { compare: Compare; negated?: boolean }> = {
  StringEquals: { compare: (a, b) => a === b },
  StringNotEquals: { compare: (a, b) => a === b, negated: true },
  StringEqualsIgnoreCase: { compare: (a, b) => a.toLowerCase() === b.toLowerCase() },
  StringNotEqualsIgnoreCase: { compare: (a, b) => a.toLowerCase() === b.toLowerCase(), negated: true },
  StringLike: { compare: (a, b) => wildcardMatch(b, a) },
  StringNotLike: { compare: (a, b) => wildcardMatch(b, a), negated: true },
  NumericEquals: { compare: numeric((a, b) => a === b) },
  NumericNotEquals: { compare: numeric((a, b) => a === b), negated: true },
  NumericLessThan: { compare: numeric((a, b) => a < b) },
  NumericLessThanEquals: { compare: numeric((a, b) => a <= b) },
  NumericGreaterThan: { compare: numeric((a, b) => a > b) },
  NumericGreaterThanEquals: { compare: numeric((a, b) => a >= b) },
  DateEquals: { compare: dated((a, b) => a === b) },
  DateNotEquals: { compare: dated((a, b) => a === b), negated: true },
  DateLessThan: { compare: dated((a, b) => a < b) },
  DateLessThanEquals: { compare: dated((a, b) => a <= b) },
  DateGreaterThan: { compare: dated((a, b) => a > b) },
  DateGreaterThanEquals: { compare: dated((a, b) => a >= b) },
  Bool: { compare: (a, b) => a.toLowerCase() === b.toLowerCase() },
  BinaryEquals: { compare: (a, b) => a === b },
  IpAddress: { compare: (a, b) => inCidr(a, b) },
  NotIpAddress: { compare: (a, b) => inCidr(a, b), negated: true },
  ArnEquals: { compare: (a, b) => arnMatch(b, a) },
  ArnLike: { compare: (a, b) => arnMatch(b, a) },
  ArnNotEquals: { compare: (a, b) => arnMatch(b, a), negated: true },
  ArnNotLike: { compare: (a, b) => arnMatch(b, a), negated: true },
};

interface Operator {
  base: string;
  ifExists: boolean;
  set?: 'ForAnyValue' | 'ForAllValues';
}

/** Reads an operator's name (`ForAllValues:StringLikeIfExists`), or undefined when IAM knows no such operator. */
export function conditionOperator(name: string): Operator | undefined {
  const m = name.match(/^(?:(ForAnyValue|ForAllValues):)?(\w+?)(IfExists)?$/);
  if (!m) return undefined;
  const [, set, base, ifExists] = m;
  if (base === 'Null') return set || ifExists ? undefined : { base, ifExists: false };
  if (!Object.hasOwn(OPERATORS, base)) return undefined;
  return { base, ifExists: Boolean(ifExists), set: set as Operator['set'] };
}

/** Whether the whole condition block is met by the request context (keys compared case-insensitively). */
export function conditionsMet(block: Record<string, Record<string, string[]>>, context: Context): boolean {
  const lookup = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [name, keys] of Object.entries(block)) {
    const op = conditionOperator(name);
    if (!op) return false;
    for (const [key, values] of Object.entries(keys)) {
      if (!keyMet(op, lookup.get(key.toLowerCase()), values)) return false;
    }
  }
  return true;
}

function keyMet(op: Operator, value: ContextValue, policyValues: string[]): boolean {
  const present = value !== undefined && !(Array.isArray(value) && value.length === 0);
  if (op.base === 'Null') return policyValues.some((p) => (p.toLowerCase() === 'true') === !present);
  const { compare, negated } = OPERATORS[op.base];
  const matchesAny = (v: string) => policyValues.some((p) => compare(v, p));
  const one = (v: string) => (negated ? !matchesAny(v) : matchesAny(v));
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (op.set === 'ForAllValues') return values.every(one);
  if (op.set === 'ForAnyValue') return values.some(one);
  if (!present) return op.ifExists || Boolean(negated);
  return negated ? values.every(one) : values.some(one);
}

/** ARN matching: segment by segment (the resource part whole), each segment a wildcard pattern. */
export function arnMatch(pattern: string, value: string): boolean {
  const p = pattern.split(':');
  const v = value.split(':');
  if (p.length < 6 || v.length < 6) return wildcardMatch(pattern, value);
  for (let i = 0; i < 5; i++) if (!wildcardMatch(p[i], v[i])) return false;
  return wildcardMatch(p.slice(5).join(':'), v.slice(5).join(':'));
}
