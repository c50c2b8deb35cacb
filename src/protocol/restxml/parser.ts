/**
 * @module protocol/restxml/parser
 * Reads a REST-XML request into an operation's input, member by member as the model places them:
 * `uri` (the bucket and key), `querystring`, `header`, `headers` (a prefix map such as
 * x-amz-meta-*), and the payload: a streaming blob stays a stream (objects are never read into
 * memory), a structure is read from the XML body. Values keep the wire's text; types are checked
 * afterwards by validate.ts, which this hands numbers, booleans and ISO timestamps.
 */
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { shapeOf, type ServiceModel, type Shape, type ShapeRef } from '../model.ts';
import { parseXml, type XmlElement } from './xml.ts';

type Ref = ShapeRef & { location?: string; streaming?: boolean };

export interface RestXmlRequest {
  /** Bucket and key, as the path (or the host name) gave them, decoded. */
  labels: Record<string, string>;
  query: URLSearchParams;
  req: IncomingMessage;
  /** The body as the payload reads it (decoded from aws-chunked when it was). */
  body: Readable;
  /** Reads the whole (small) body, for XML payloads. */
  text(): Promise<string>;
}

/** The input, with a streaming payload left as the stream and named in `streamingMember`. */
export async function decodeInput(
  model: ServiceModel,
  operation: string,
  request: RestXmlRequest,
): Promise<{ input: Record<string, unknown>; streamingMember?: string }> {
  const inputRef = model.operations[operation].input;
  if (!inputRef) return { input: {} };
  const shape = shapeOf(model, inputRef.shape) as Shape & { payload?: string };
  const input: Record<string, unknown> = {};
  let streamingMember: string | undefined;
  for (const [name, r] of Object.entries(shape.members ?? {})) {
    const ref = r as Ref;
    const member = shapeOf(model, ref.shape);
    const wire = ref.locationName ?? name;
    switch (ref.location) {
      case 'uri':
        if (request.labels[wire] !== undefined) input[name] = request.labels[wire];
        break;
      case 'querystring':
        if (member.type === 'list') {
          const all = request.query.getAll(wire);
          if (all.length) input[name] = all;
        } else if (request.query.has(wire)) input[name] = scalar(member, request.query.get(wire)!);
        break;
      case 'header': {
        const value = request.req.headers[wire.toLowerCase()];
        if (value !== undefined) input[name] = scalar(member, Array.isArray(value) ? value.join(',') : value);
        break;
      }
      case 'headers': {
        const prefix = wire.toLowerCase();
        const entries: [string, string][] = [];
        for (const [h, v] of Object.entries(request.req.headers))
          if (h.startsWith(prefix) && v !== undefined) entries.push([h.slice(prefix.length), String(v)]);
        // fromEntries defines each key as its own property: x-amz-meta-__proto__ stays a key.
        if (entries.length) input[name] = Object.fromEntries(entries);
        break;
      }
      default:
        if (name !== shape.payload) break;
        if (ref.streaming || member.type === 'blob') {
          input[name] = request.body;
          streamingMember = name;
        } else {
          const text = await request.text();
          if (!text.trim()) break;
          input[name] = member.type === 'structure' ? fromXml(model, member, parseXml(text)) : text;
        }
    }
  }
  return { input, streamingMember };
}

/** A header or query value as validate.ts expects the member's type. */
function scalar(shape: Shape, text: string): unknown {
  switch (shape.type) {
    case 'integer':
    case 'long':
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'timestamp': {
      const ms = Date.parse(text);
      return Number.isFinite(ms) ? new Date(ms).toISOString() : text;
    }
    default:
      return text;
  }
}

function fromXml(model: ServiceModel, shape: Shape, element: XmlElement): unknown {
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const member = shapeOf(model, ref.shape);
        const tag = ref.locationName ?? name;
        if (member.type === 'list' && (ref.flattened || member.flattened)) {
          const items = element.children.filter((c) => c.name === tag);
          if (items.length) out[name] = items.map((c) => fromXml(model, shapeOf(model, member.member!.shape), c));
          continue;
        }
        const child = element.children.find((c) => c.name === tag);
        if (child) out[name] = fromXml(model, member, child);
      }
      return out;
    }
    case 'list': {
      const tag = shape.member!.locationName ?? 'member';
      const itemShape = shapeOf(model, shape.member!.shape);
      return element.children.filter((c) => c.name === tag).map((c) => fromXml(model, itemShape, c));
    }
    case 'map': {
      const entries: [string, unknown][] = [];
      const k = shape.key?.locationName ?? 'key';
      const v = shape.value?.locationName ?? 'value';
      for (const entry of element.children) {
        const key = entry.children.find((c) => c.name === k)?.text;
        const value = entry.children.find((c) => c.name === v);
        if (key !== undefined && value) entries.push([key, fromXml(model, shapeOf(model, shape.value!.shape), value)]);
      }
      return Object.fromEntries(entries);
    }
    default:
      return scalar(shape, element.text);
  }
}
