/**
 * @module protocol/restxml/serializer
 * Writes an operation's output as REST-XML: members placed in `header` go out as headers
 * (timestamps as HTTP dates), a `headers` map as prefixed headers (x-amz-meta-*), a streaming
 * payload as the body itself, and the rest as one XML document in S3's namespace, its elements as
 * the Query serializer writes them. A DELETE with nothing to say answers 204, as S3 does.
 */
import { Readable } from 'node:stream';
import { shapeOf, type ServiceModel, type Shape, type ShapeRef } from '../model.ts';
import { xmlEscape, members } from '../query/serializer.ts';
import type { WireResponse } from '../types.ts';

type Ref = ShapeRef & { location?: string };

export function encodeOutput(model: ServiceModel, operation: string, method: string, output: unknown, requestId: string): WireResponse {
  const headers: Record<string, string> = { 'x-amz-request-id': requestId };
  const outRef = model.operations[operation].output;
  const value = (output ?? {}) as Record<string, unknown>;
  if (!outRef) return { status: method === 'DELETE' ? 204 : 200, headers, body: '' };
  const shape = shapeOf(model, outRef.shape) as Shape & { payload?: string };
  const bodyMembers: Record<string, ShapeRef> = {};
  for (const [name, r] of Object.entries(shape.members ?? {})) {
    const ref = r as Ref;
    const member = value[name];
    if (ref.location === 'header') {
      if (member !== undefined && member !== null)
        headers[(ref.locationName ?? name).toLowerCase()] = headerValue(shapeOf(model, ref.shape), member);
    } else if (ref.location === 'headers') {
      for (const [k, v] of Object.entries((member ?? {}) as Record<string, string>))
        headers[`${ref.locationName ?? ''}${k}`.toLowerCase()] = String(v);
    } else if (ref.location === undefined) bodyMembers[name] = ref;
  }
  const ns = ` xmlns="${xmlEscape(model.metadata.xmlNamespace ?? 'http://s3.amazonaws.com/doc/2006-03-01/')}"`;
  if (shape.payload) {
    const payload = value[shape.payload];
    const ref = shape.members![shape.payload];
    const payloadShape = shapeOf(model, ref.shape);
    // A ranged read (Content-Range set) is a partial answer.
    if (payload instanceof Readable || Buffer.isBuffer(payload))
      return { status: headers['content-range'] ? 206 : 200, headers, body: payload };
    if (payload === undefined || payload === null) return { status: method === 'DELETE' ? 204 : 200, headers, body: '' };
    if (payloadShape.type !== 'structure') return { status: 200, headers, body: String(payload) };
    const root = ref.locationName ?? shape.payload;
    return xml(headers, `<${root}${ns}>${members(model, payloadShape, payload)}</${root}>`);
  }
  const names = Object.keys(bodyMembers);
  if (!names.some((n) => value[n] !== undefined)) return { status: method === 'DELETE' ? 204 : 200, headers, body: '' };
  // GetBucketLocation's answer is the constraint element itself, not a wrapper around it.
  if (operation === 'GetBucketLocation')
    return xml(headers, `<LocationConstraint${ns}>${xmlEscape(String(value.LocationConstraint ?? ''))}</LocationConstraint>`);
  const root = (shape as Shape).locationName ?? `${operation}Result`;
  return xml(headers, `<${root}${ns}>${members(model, { ...shape, members: bodyMembers }, value)}</${root}>`);
}

function xml(headers: Record<string, string>, document: string): WireResponse {
  return {
    status: 200,
    headers: { ...headers, 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n${document}`,
  };
}

function headerValue(shape: Shape, value: unknown): string {
  if (shape.type === 'timestamp' && typeof value === 'number') return new Date(value).toUTCString();
  return String(value);
}
