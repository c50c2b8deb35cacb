/**
 * @module protocol/query/serializer
 * Writes a handler's output as an AWS Query XML response, walking the model's output shape:
 *
 *   <OpResponse xmlns="…"><OpResult>…</OpResult><ResponseMetadata><RequestId>…</RequestId></ResponseMetadata></OpResponse>
 *
 * Lists are `<Name><member>…</member></Name>` (repeated `<Name>` when flattened), maps
 * `<Name><entry><key/><value/></entry></Name>`, timestamps ISO-8601, only modelled members leave.
 * Errors are `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`
 * with the model's short code (`error.code`, e.g. LoadBalancerNotFound) and its HTTP status.
 */
import type { AwsError } from '../../core/errors.ts';
import { errorShape, shapeOf, type ServiceModel, type Shape } from '../model.ts';
import type { WireResponse } from '../types.ts';

export function serializeQueryOutput(model: ServiceModel, operation: string, value: unknown, requestId: string): WireResponse {
  const op = model.operations[operation];
  const wrapper = op.output?.resultWrapper ?? `${operation}Result`;
  const inner = op.output ? members(model, shapeOf(model, op.output.shape), value ?? {}) : '';
  const ns = model.metadata.xmlNamespace ? ` xmlns="${xmlEscape(model.metadata.xmlNamespace)}"` : '';
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response${ns}><${wrapper}>${inner}</${wrapper}>` +
    `<ResponseMetadata><RequestId>${xmlEscape(requestId)}</RequestId></ResponseMetadata></${operation}Response>`;
  return xml(200, body, requestId);
}

/** The wire code and status of an error: a modelled one by shape name or short code, else as thrown. */
export function queryErrorCode(model: ServiceModel, err: AwsError): { code: string; status: number } {
  const shape = errorShape(model, err.code);
  if (!shape) return { code: err.code, status: err.status };
  return { code: shape.error?.code ?? err.code, status: shape.error?.httpStatusCode ?? err.status };
}

export function serializeQueryError(model: ServiceModel, err: AwsError, requestId: string): WireResponse {
  const { code, status } = queryErrorCode(model, err);
  const ns = model.metadata.xmlNamespace ? ` xmlns="${xmlEscape(model.metadata.xmlNamespace)}"` : '';
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse${ns}><Error><Type>${status < 500 ? 'Sender' : 'Receiver'}</Type>` +
    `<Code>${xmlEscape(code)}</Code><Message>${xmlEscape(err.message)}</Message></Error><RequestId>${xmlEscape(requestId)}</RequestId></ErrorResponse>`;
  return xml(status, body, requestId);
}

function xml(status: number, body: string, requestId: string): WireResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

/** The XML of a structure's members (shared with the REST-XML serializer, which writes the same elements). */
export function members(model: ServiceModel, shape: Shape, value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  let out = '';
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const member = (value as Record<string, unknown>)[name];
    if (member === undefined || member === null) continue;
    const memberShape = shapeOf(model, ref.shape);
    const tag = ref.locationName ?? name;
    if (memberShape.type === 'list' && (ref.flattened || memberShape.flattened)) out += flattenedList(model, memberShape, tag, member);
    else out += element(model, memberShape, tag, member);
  }
  return out;
}

function element(model: ServiceModel, shape: Shape, tag: string, value: unknown): string {
  return `<${tag}>${content(model, shape, value)}</${tag}>`;
}

function flattenedList(model: ServiceModel, shape: Shape, tag: string, value: unknown): string {
  if (!Array.isArray(value)) return '';
  const memberShape = shapeOf(model, shape.member!.shape);
  return value
    .filter((v) => v !== undefined && v !== null)
    .map((v) => element(model, memberShape, tag, v))
    .join('');
}

function content(model: ServiceModel, shape: Shape, value: unknown): string {
  switch (shape.type) {
    case 'structure':
      return members(model, shape, value);
    case 'list': {
      if (!Array.isArray(value)) return '';
      const memberShape = shapeOf(model, shape.member!.shape);
      const tag = shape.member!.locationName ?? 'member';
      return value
        .filter((v) => v !== undefined && v !== null)
        .map((v) => element(model, memberShape, tag, v))
        .join('');
    }
    case 'map': {
      if (typeof value !== 'object' || value === null) return '';
      const valueShape = shapeOf(model, shape.value!.shape);
      const k = shape.key?.locationName ?? 'key';
      const v = shape.value?.locationName ?? 'value';
      return Object.entries(value as Record<string, unknown>)
        .map(([key, item]) => `<entry><${k}>${xmlEscape(key)}</${k}>${element(model, valueShape, v, item)}</entry>`)
        .join('');
    }
    case 'timestamp':
      return typeof value === 'number' ? new Date(value).toISOString() : xmlEscape(String(value));
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return xmlEscape(String(value));
  }
}

/**
 * Characters XML 1.0 forbids even as references (C0 controls but tab, LF and CR; U+FFFE, U+FFFF;
 * lone surrogates): no parser reads a document holding one, so a stored value that has one cannot
 * break every client of its resource.
 */
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content (and, with quotes, attribute values) as XML; what XML cannot carry becomes U+FFFD. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/[&<>"\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#xD;' })[c]!);
}
