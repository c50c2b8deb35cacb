/**
 * @module protocol/checker
 * The fast half of input validation: a check per shape, compiled once, that tells whether a value
 * passes and returns the value validateInput would (unknown members dropped, timestamps as epoch
 * ms). It names nothing: it walks no paths and builds no messages, so a request that passes pays
 * for neither. A value it refuses is walked again by validate.ts, which names every fault. It must
 * refuse at least what that walk refuses; the rules both read (integer ranges, base64, patterns)
 * are here once.
 */
import { compiledPerShape, membersOf, shapeOf, type ServiceModel, type Shape } from './model.ts';

/** Java's int and long, as AWS reads them. 2^63 − 1 arrives as the double 2^63, so that passes. */
export const WHOLE = {
  integer: { least: -(2 ** 31), most: 2 ** 31 - 1, range: '-2147483648 to 2147483647' },
  long: { least: -(2 ** 63), most: 2 ** 63, range: '-9223372036854775808 to 9223372036854775807' },
};

/** Base64 text as AWS takes a blob: the alphabet, padding only at the end, whole quanta. */
export function isBase64(value: string): boolean {
  return BASE64.test(value) && value.length % 4 === 0;
}
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const patterns = new Map<string, RegExp>();

/**
 * A model pattern, matched against the whole value as AWS does. The models write Java regular
 * expressions; the few that JavaScript's Unicode mode refuses (a needless `\-`) compile without it.
 */
export function patternOf(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (!regex) {
    try {
      regex = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      regex = new RegExp(`^(?:${pattern})$`);
    }
    patterns.set(pattern, regex);
  }
  return regex;
}

/** What a check answers for a value that fails any rule. */
export const REFUSED: unique symbol = Symbol('refused');

/** A shape's check: the validated value, or REFUSED. */
export type Check = (value: unknown) => unknown;

/** A shape's check, built once per shape. */
export const checkFor = compiledPerShape(buildCheck);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function inRange(shape: Shape, n: number): boolean {
  return (shape.min === undefined || n >= shape.min) && (shape.max === undefined || n <= shape.max);
}

function buildCheck(model: ServiceModel, shape: Shape): Check {
  switch (shape.type) {
    case 'structure': {
      if (shape.document) return (value) => value;
      const required = shape.required ?? [];
      // By member name, with no prototype: a value's own key such as 'constructor' finds nothing.
      const members: Record<string, Check> = Object.create(null);
      for (const { name, shape: s } of membersOf(model, shape)) members[name] = checkFor(model, s);
      // A value holds a few of a shape's many members: walking its keys is the shorter way.
      return (value) => {
        if (!isRecord(value)) return REFUSED;
        for (const name of required) {
          // Only the input's own members count: a name like 'constructor' must not find Object's.
          if (!Object.hasOwn(value, name) || value[name] === undefined || value[name] === null) return REFUSED;
        }
        const out: Record<string, unknown> = {};
        for (const name in value) {
          const check = members[name];
          if (check === undefined || !Object.hasOwn(value, name)) continue;
          const given = value[name];
          if (given === undefined || given === null) continue;
          const checked = check(given);
          if (checked === REFUSED) return REFUSED;
          out[name] = checked;
        }
        return out;
      };
    }
    case 'list': {
      const check = checkFor(model, shapeOf(model, shape.member!.shape));
      return (value) => {
        if (!Array.isArray(value) || !inRange(shape, value.length)) return REFUSED;
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          const checked = check(value[i]);
          if (checked === REFUSED) return REFUSED;
          out[i] = checked;
        }
        return out;
      };
    }
    case 'map': {
      const checkKey = checkFor(model, shapeOf(model, shape.key!.shape));
      const checkValue = checkFor(model, shapeOf(model, shape.value!.shape));
      return (value) => {
        if (!isRecord(value)) return REFUSED;
        const entries = Object.entries(value);
        if (!inRange(shape, entries.length)) return REFUSED;
        const out: Record<string, unknown> = {};
        for (const [k, v] of entries) {
          if (checkKey(k) === REFUSED) return REFUSED;
          const checked = checkValue(v);
          if (checked === REFUSED) return REFUSED;
          // A key such as '__proto__' stays an entry of the map, never its prototype.
          Object.defineProperty(out, k, { value: checked, enumerable: true, writable: true, configurable: true });
        }
        return out;
      };
    }
    case 'string': {
      const allowed = shape.enum ? new Set(shape.enum) : undefined;
      const pattern = shape.pattern ? patternOf(shape.pattern) : undefined;
      return (value) =>
        typeof value === 'string' &&
        (allowed === undefined || allowed.has(value)) &&
        inRange(shape, value.length) &&
        (pattern === undefined || pattern.test(value))
          ? value
          : REFUSED;
    }
    case 'integer':
    case 'long': {
      const whole = WHOLE[shape.type];
      return (value) =>
        typeof value === 'number' && Number.isInteger(value) && value >= whole.least && value <= whole.most && inRange(shape, value)
          ? value
          : REFUSED;
    }
    case 'double':
    case 'float':
      return (value) => (typeof value === 'number' && Number.isFinite(value) && inRange(shape, value) ? value : REFUSED);
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : REFUSED);
    case 'timestamp':
      // JSON protocols send epoch seconds; ISO text is taken too. Internally: epoch ms.
      return (value) => {
        const ms = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : Number.NaN;
        return Number.isFinite(ms) ? ms : REFUSED;
      };
    case 'blob':
      return (value) =>
        typeof value === 'string' && isBase64(value) && inRange(shape, Buffer.byteLength(value, 'base64')) ? value : REFUSED;
    default:
      // A type validate.ts's walk does not know: it refuses nothing and keeps nothing of it.
      return () => undefined;
  }
}
