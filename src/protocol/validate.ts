/**
 * @module protocol/validate
 * Checks a decoded request against its input shape, the way AWS's front door does: required
 * members, types, enums, lengths and ranges. Returns the input with members the model does not
 * know dropped (older SDKs send deprecated fields), timestamps as epoch ms, or throws an AwsError
 * naming every offending field. Nothing is written before this passes. A request is first run
 * through its shape's compiled check (checker.ts); only a refused one is walked here for messages.
 */
import { AwsError } from '../core/errors.ts';
import { escaped, shown } from '../core/text.ts';
import { checkFor, isBase64, patternOf, REFUSED, WHOLE } from './checker.ts';
import { membersOf, shapeOf, type ServiceModel, type Shape } from './model.ts';

export interface ValidationCodes {
  /** Code for constraint failures (missing member, enum, length). */
  constraint: string;
  /** Code for values of the wrong type. */
  type: string;
}

class Collector {
  readonly constraint: string[] = [];
  readonly type: string[] = [];
}

export function validateInput(
  model: ServiceModel,
  shapeName: string | undefined,
  value: unknown,
  codes: ValidationCodes,
): Record<string, unknown> {
  if (!shapeName) return {};
  const shape = shapeOf(model, shapeName);
  const input = value ?? {};
  const checked = checkFor(model, shape)(input);
  if (checked !== REFUSED) return checked as Record<string, unknown>;
  // Refused: walked again, slowly, to name every offending field.
  const found = new Collector();
  const result = walk(model, shape, input, '', found) as Record<string, unknown>;
  if (found.type.length) throw new AwsError(codes.type, found.type[0]);
  if (found.constraint.length) {
    const n = found.constraint.length;
    throw new AwsError(codes.constraint, `${n} validation error${n > 1 ? 's' : ''} detected: ${found.constraint.join('; ')}`);
  }
  return result;
}

/**
 * A value as an error message shows it: quoted, unprintable characters escaped, long text cut; a
 * member the model marks sensitive (a secret, a password) is never shown.
 */
function describe(value: unknown, shape: Shape): string {
  if (shape.sensitive) return '***';
  return typeof value === 'string' ? shown(value) : escaped(JSON.stringify(value) ?? String(value));
}

function walk(model: ServiceModel, shape: Shape, value: unknown, path: string, found: Collector): unknown {
  const at = path || 'input';
  switch (shape.type) {
    case 'structure': {
      if (shape.document) return value;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        found.type.push(`Value at '${at}' must be an object`);
        return undefined;
      }
      const out: Record<string, unknown> = {};
      // Only the input's own members count: a name like 'constructor' must not find Object's.
      const member = (name: string) => (Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined);
      for (const name of shape.required ?? []) {
        if (member(name) === undefined || member(name) === null) {
          found.constraint.push(`Value null at '${join(path, name)}' failed to satisfy constraint: Member must not be null`);
        }
      }
      for (const { name, shape: memberShape } of membersOf(model, shape)) {
        const given = member(name);
        if (given === undefined || given === null) continue;
        out[name] = walk(model, memberShape, given, join(path, name), found);
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) {
        found.type.push(`Value at '${at}' must be a list`);
        return undefined;
      }
      checkRange(shape, value.length, at, found, 'length');
      const memberShape = shapeOf(model, shape.member!.shape);
      return value.map((item, i) => walk(model, memberShape, item, `${at}.${i + 1}.member`, found));
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        found.type.push(`Value at '${at}' must be a map`);
        return undefined;
      }
      const keyShape = shapeOf(model, shape.key!.shape);
      const valueShape = shapeOf(model, shape.value!.shape);
      const out: Record<string, unknown> = {};
      const entries = Object.entries(value);
      checkRange(shape, entries.length, at, found, 'length');
      for (const [k, v] of entries) {
        walk(model, keyShape, k, `${at}.${k}.key`, found);
        // A key such as '__proto__' stays an entry of the map, never its prototype.
        Object.defineProperty(out, k, {
          value: walk(model, valueShape, v, `${at}.${k}`, found),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case 'string': {
      if (typeof value !== 'string') {
        found.type.push(`Value ${describe(value, shape)} at '${at}' must be a string`);
        return undefined;
      }
      if (shape.enum && !shape.enum.includes(value)) {
        found.constraint.push(
          `Value ${describe(value, shape)} at '${at}' failed to satisfy constraint: Member must satisfy enum value set: [${shape.enum.join(', ')}]`,
        );
      }
      checkRange(shape, value.length, at, found, 'length');
      if (shape.pattern && !patternOf(shape.pattern).test(value)) {
        found.constraint.push(
          `Value ${describe(value, shape)} at '${at}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${shape.pattern}`,
        );
      }
      return value;
    }
    case 'integer':
    case 'long': {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        found.type.push(`Value ${describe(value, shape)} at '${at}' must be an integer`);
        return undefined;
      }
      const whole = WHOLE[shape.type];
      if (value < whole.least || value > whole.most) {
        found.type.push(`Value ${describe(value, shape)} at '${at}' must be an integer from ${whole.range}`);
        return undefined;
      }
      checkRange(shape, value, at, found, 'value');
      return value;
    }
    case 'double':
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        found.type.push(`Value ${describe(value, shape)} at '${at}' must be a number`);
        return undefined;
      }
      checkRange(shape, value, at, found, 'value');
      return value;
    }
    case 'boolean': {
      if (typeof value !== 'boolean') {
        found.type.push(`Value ${describe(value, shape)} at '${at}' must be a boolean`);
        return undefined;
      }
      return value;
    }
    case 'timestamp': {
      // JSON protocols send epoch seconds; accept ISO text too. Internally: epoch ms.
      const ms = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : NaN;
      if (!Number.isFinite(ms)) {
        found.type.push(`Value ${describe(value, shape)} at '${at}' must be a timestamp`);
        return undefined;
      }
      return ms;
    }
    case 'blob': {
      if (typeof value !== 'string' || !isBase64(value)) {
        found.type.push(`Value at '${at}' must be base64 text`);
        return undefined;
      }
      checkRange(shape, Buffer.byteLength(value, 'base64'), at, found, 'length');
      return value;
    }
  }
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

function checkRange(shape: Shape, n: number, at: string, found: Collector, what: 'length' | 'value'): void {
  const noun = what === 'length' ? 'Member must have length' : 'Member must have value';
  if (shape.min !== undefined && n < shape.min) {
    found.constraint.push(`Value at '${at}' failed to satisfy constraint: ${noun} greater than or equal to ${shape.min}`);
  }
  if (shape.max !== undefined && n > shape.max) {
    found.constraint.push(`Value at '${at}' failed to satisfy constraint: ${noun} less than or equal to ${shape.max}`);
  }
}
