/**
 * @module protocol/validate
 * Checks a decoded request against its input shape, the way AWS's front door does: required
 * members, types, enums, lengths and ranges. Returns the input with members the model does not
 * know dropped (older SDKs send deprecated fields), timestamps as epoch ms, or throws an AwsError
 * naming every offending field. Nothing is written before this passes.
 */
import { AwsError } from '../core/errors.ts';
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

export function validateInput(model: ServiceModel, shapeName: string | undefined, value: unknown, codes: ValidationCodes): Record<string, unknown> {
  if (!shapeName) return {};
  const found = new Collector();
  const input = value ?? {};
  const result = walk(model, shapeOf(model, shapeName), input, '', found) as Record<string, unknown>;
  if (found.type.length) throw new AwsError(codes.type, found.type[0]);
  if (found.constraint.length) {
    const n = found.constraint.length;
    throw new AwsError(codes.constraint, `${n} validation error${n > 1 ? 's' : ''} detected: ${found.constraint.join('; ')}`);
  }
  return result;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
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
      const record = value as Record<string, unknown>;
      for (const name of shape.required ?? []) {
        if (record[name] === undefined || record[name] === null) {
          found.constraint.push(`Value null at '${join(path, name)}' failed to satisfy constraint: Member must not be null`);
        }
      }
      for (const { name, shape: memberShape } of membersOf(model, shape)) {
        const member = record[name];
        if (member === undefined || member === null) continue;
        out[name] = walk(model, memberShape, member, join(path, name), found);
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
      const valueShape = shapeOf(model, shape.value!.shape);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = walk(model, valueShape, v, `${at}.${k}`, found);
      return out;
    }
    case 'string': {
      if (typeof value !== 'string') {
        found.type.push(`Value ${describe(value)} at '${at}' must be a string`);
        return undefined;
      }
      if (shape.enum && !shape.enum.includes(value)) {
        found.constraint.push(`Value '${value}' at '${at}' failed to satisfy constraint: Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
      }
      checkRange(shape, value.length, at, found, 'length');
      // AWS validates a pattern against the whole value.
      if (shape.pattern && !new RegExp(`^(?:${shape.pattern})$`, 'u').test(value)) {
        found.constraint.push(`Value '${value}' at '${at}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${shape.pattern}`);
      }
      return value;
    }
    case 'integer':
    case 'long': {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        found.type.push(`Value ${describe(value)} at '${at}' must be an integer`);
        return undefined;
      }
      checkRange(shape, value, at, found, 'value');
      return value;
    }
    case 'double':
    case 'float': {
      if (typeof value !== 'number') {
        found.type.push(`Value ${describe(value)} at '${at}' must be a number`);
        return undefined;
      }
      return value;
    }
    case 'boolean': {
      if (typeof value !== 'boolean') {
        found.type.push(`Value ${describe(value)} at '${at}' must be a boolean`);
        return undefined;
      }
      return value;
    }
    case 'timestamp': {
      // JSON protocols send epoch seconds; accept ISO text too. Internally: epoch ms.
      const ms = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : NaN;
      if (!Number.isFinite(ms)) {
        found.type.push(`Value ${describe(value)} at '${at}' must be a timestamp`);
        return undefined;
      }
      return ms;
    }
    case 'blob': {
      if (typeof value !== 'string') {
        found.type.push(`Value at '${at}' must be base64 text`);
        return undefined;
      }
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
