/**
 * @module protocol/json11/serializer
 * Writes a handler's output as AWS JSON 1.1, walking the model's output shape: only modelled
 * members leave the process, timestamps become epoch seconds, nulls are dropped.
 */
import { AwsError } from '../../core/errors.ts';
import { shapeOf, type ServiceModel, type Shape } from '../model.ts';
import type { WireResponse } from '../types.ts';

export function serializeJsonOutput(model: ServiceModel, shapeName: string | undefined, value: unknown, requestId: string): WireResponse {
  const body = shapeName ? toWire(model, shapeOf(model, shapeName), value ?? {}) : {};
  return json(200, body ?? {}, requestId);
}

export function serializeJsonError(err: AwsError, requestId: string): WireResponse {
  const response = json(err.status, { __type: err.code, message: err.message, ...err.fields }, requestId);
  response.headers['x-amzn-errortype'] = err.code;
  return response;
}

function json(status: number, body: unknown, requestId: string): WireResponse {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
    body: JSON.stringify(body),
  };
}

export function toWire(model: ServiceModel, shape: Shape, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  switch (shape.type) {
    case 'structure': {
      if (shape.document || typeof value !== 'object') return value;
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const member = toWire(model, shapeOf(model, ref.shape), (value as Record<string, unknown>)[name]);
        if (member !== undefined) out[name] = member;
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) return undefined;
      const memberShape = shapeOf(model, shape.member!.shape);
      return value.map((item) => toWire(model, memberShape, item)).filter((item) => item !== undefined);
    }
    case 'map': {
      // fromEntries defines each key as its own property: a key named __proto__ stays a key.
      const valueShape = shapeOf(model, shape.value!.shape);
      const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toWire(model, valueShape, v)] as const);
      return Object.fromEntries(entries.filter(([, item]) => item !== undefined));
    }
    case 'timestamp':
      return typeof value === 'number' ? value / 1000 : undefined;
    default:
      return value;
  }
}
