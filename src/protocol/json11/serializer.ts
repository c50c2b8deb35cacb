/**
 * @module protocol/json11/serializer
 * Writes a handler's output as AWS JSON 1.1, walking the model's output shape: only modelled
 * members leave the process, timestamps become epoch seconds, nulls are dropped.
 */
import type { AwsError } from '../../core/errors.ts';
import { compiledPerShape, membersOf, shapeOf, type ServiceModel, type Shape } from '../model.ts';
import type { WireResponse } from '../types.ts';

export function serializeJsonOutput(model: ServiceModel, shapeName: string | undefined, value: unknown, requestId: string): WireResponse {
  const body = shapeName ? encoderFor(model, shapeOf(model, shapeName))(value ?? {}) : {};
  return json(200, body ?? {}, requestId, model.metadata.jsonVersion);
}

export function serializeJsonError(err: AwsError, requestId: string, jsonVersion?: string): WireResponse {
  const response = json(err.status, { __type: err.code, message: err.message, ...err.fields }, requestId, jsonVersion);
  response.headers['x-amzn-errortype'] = err.code;
  return response;
}

/**
 * With its length given, Node writes head and body in one go rather than as chunks. JSON 1.0
 * (the model's `jsonVersion`) differs from 1.1 on the wire only in this content type.
 */
function json(status: number, body: unknown, requestId: string, jsonVersion = '1.1'): WireResponse {
  const text = JSON.stringify(body);
  return {
    status,
    headers: {
      'content-type': `application/x-amz-json-${jsonVersion}`,
      'x-amzn-requestid': requestId,
      'content-length': String(Buffer.byteLength(text)),
    },
    body: text,
  };
}

/**
 * A shape's wire form of a handler's value; undefined when nothing of it is sent. A value already
 * in its wire form (only modelled members, no nulls, no timestamps) is returned as it is, so only
 * the objects and lists on the way to a change are copied, not the whole output.
 */
type Encoder = (value: unknown) => unknown;

/** The encoder of a shape, built once per shape, so a request walks only closures. */
export const encoderFor = compiledPerShape(buildEncoder);

const sameValue: Encoder = (value) => (value === null ? undefined : value);

function buildEncoder(model: ServiceModel, shape: Shape): Encoder {
  switch (shape.type) {
    case 'structure': {
      if (shape.document) return sameValue;
      // By member name, with no prototype: a value's own key such as 'constructor' finds nothing.
      // Scalars need no call of their own: null stands for "sent as it is".
      const members: Record<string, Encoder | null> = Object.create(null);
      for (const member of membersOf(model, shape)) {
        members[member.name] = isScalar(member.shape) ? null : encoderFor(model, member.shape);
      }
      // A value holds a few of a shape's many members: walking its keys is the shorter way.
      return (value) => {
        if (value === undefined || value === null) return undefined;
        if (typeof value !== 'object') return value;
        const given = value as Record<string, unknown>;
        let out: Record<string, unknown> | undefined;
        for (const name in given) {
          const encode = members[name];
          const member = given[name];
          const wire = encode === undefined || member === null ? undefined : encode === null ? member : encode(member);
          if (wire === member) continue;
          // A copy made at the first change keeps the members before it; a member left undefined
          // is not sent (JSON.stringify skips it), and a whole copy is cheaper than one built key by key.
          out ??= { ...given };
          out[name] = wire;
        }
        return out ?? given;
      };
    }
    case 'list': {
      const encode = encoderFor(model, shapeOf(model, shape.member!.shape));
      return (value) => {
        if (!Array.isArray(value)) return undefined;
        let out: unknown[] | undefined;
        for (let i = 0; i < value.length; i++) {
          const item = value[i];
          const wire = encode(item);
          if (out === undefined && wire === item && wire !== undefined) continue;
          out ??= value.slice(0, i);
          if (wire !== undefined) out.push(wire);
        }
        return out ?? value;
      };
    }
    case 'map': {
      const encode = encoderFor(model, shapeOf(model, shape.value!.shape));
      return (value) => {
        if (value === undefined || value === null) return undefined;
        // fromEntries defines each key as its own property: a key named __proto__ stays a key.
        const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, encode(v)] as const);
        return Object.fromEntries(entries.filter(([, item]) => item !== undefined));
      };
    }
    case 'timestamp':
      return (value) => (typeof value === 'number' ? value / 1000 : undefined);
    default:
      return sameValue;
  }
}

function isScalar(shape: Shape): boolean {
  return shape.type !== 'structure' && shape.type !== 'list' && shape.type !== 'map' && shape.type !== 'timestamp';
}
