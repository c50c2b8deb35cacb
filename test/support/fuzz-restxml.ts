/**
 * The hostile-input suite's REST-XML wire (S3): a case placed where the model puts each member —
 * path labels ({Bucket}, {Key+}), the query string, headers (and x-amz-meta-* maps), the payload
 * (an object's bytes, or an XML document with the model's element names and namespace) — and
 * signed as S3 (SigV4 scope for s3; signatures are not verified). Also the cases only this wire
 * has: a malformed XML body, a declared length far past any limit, an unsatisfiable Range, a
 * checksum or digest that cannot be right, a part number out of range, a bad copy source or tag
 * header, metadata past S3's limit, and aws-chunked framing that does not hold.
 */
import { shapeOf, type ServiceModel, type Shape, type ShapeRef } from '../../src/protocol/model.ts';
import { operationFor } from '../../src/protocol/restxml/routes.ts';
import type { FuzzCase } from './fuzz-cases.ts';
import { sample } from './fuzz-values.ts';

type Ref = ShapeRef & { location?: string; streaming?: boolean; xmlNamespace?: { uri: string } };

export interface RestRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** Characters an HTTP header value cannot carry at all; everything else goes as UTF-8 bytes. */
export const UNSENDABLE_IN_HEADER = /[\x00-\x08\x0a-\x1f\x7f]/;
/** A request line or header this long is refused by HTTP itself (S3's front door takes 8 KB). */
export const MAX_WIRE_TEXT = 8000;
/** Members HTTP's own framing owns: a value there is not the API's to refuse. */
export const FRAMING_HEADERS = new Set(['content-length']);

/**
 * The text's bytes: UTF-8, except that a lone surrogate goes as the three bytes it would take
 * (WTF-8), which are not UTF-8 — the nearest the wire comes to the string itself.
 */
function bytesOf(text: string): Buffer {
  const parts: Buffer[] = [];
  for (const piece of text.split(/([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/)) {
    if (piece.length !== 1 || !/[\ud800-\udfff]/.test(piece)) parts.push(Buffer.from(piece, 'utf8'));
    else {
      const c = piece.charCodeAt(0);
      parts.push(Buffer.from([0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]));
    }
  }
  return Buffer.concat(parts);
}

/** Percent-encodes every byte of the text but RFC 3986's unreserved characters. */
function pct(text: string): string {
  return [...bytesOf(text)]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/** A header value as bytes on the wire, with the characters HTTP cannot carry percent-encoded. */
function headerText(text: string): string {
  return bytesOf(text)
    .toString('latin1')
    .replace(new RegExp(UNSENDABLE_IN_HEADER, 'g'), (ch) => `%${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function wireText(shape: Shape | undefined, value: unknown, where: 'header' | 'query' | 'xml'): string {
  if (shape?.type === 'timestamp' && typeof value === 'number') {
    const date = new Date(value * 1000);
    return where === 'header' ? date.toUTCString() : date.toISOString();
  }
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const XML_NAME = /^[A-Za-z_][\w.-]*$/;

/** An XML element for `value` as the model names it; members the model does not know go by their own name. */
function toXml(model: ServiceModel, shape: Shape | undefined, value: unknown, tag: string, ns = ''): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const member = shape?.type === 'list' ? shape.member : undefined;
    const items = value.map((item) => toXml(model, member && shapeOf(model, member.shape), item, member?.locationName ?? 'member'));
    return shape?.flattened ? items.join('') : `<${tag}${ns}>${items.join('')}</${tag}>`;
  }
  if (typeof value !== 'object') return `<${tag}${ns}>${escapeXml(wireText(shape, value, 'xml'))}</${tag}>`;
  const record = value as Record<string, unknown>;
  let inner = '';
  if (shape?.type === 'map') {
    for (const key of Object.keys(record)) {
      const v = toXml(model, shapeOf(model, shape.value!.shape), record[key], shape.value?.locationName ?? 'value');
      inner += `<entry><${shape.key?.locationName ?? 'key'}>${escapeXml(key)}</${shape.key?.locationName ?? 'key'}>${v}</entry>`;
    }
  } else {
    for (const key of Object.keys(record)) {
      const ref = shape?.type === 'structure' && Object.hasOwn(shape.members ?? {}, key) ? (shape.members![key] as Ref) : undefined;
      const name = ref?.locationName ?? key;
      if (!XML_NAME.test(name)) continue;
      const child = ref && shapeOf(model, ref.shape);
      // A flattened list is its items, each under the member's own name.
      if (child?.type === 'list' && (ref!.flattened || child.flattened) && Array.isArray(record[key])) {
        inner += (record[key] as unknown[]).map((item) => toXml(model, shapeOf(model, child.member!.shape), item, name)).join('');
      } else inner += toXml(model, child, record[key], name);
    }
  }
  return `<${tag}${ns}>${inner}</${tag}>`;
}

/** The location of a top-level input member (uri, querystring, header, headers), or undefined (payload). */
export function locationOf(model: ServiceModel, operation: string, member: string): string | undefined {
  const input = model.operations[operation]?.input;
  const ref = input && (shapeOf(model, input.shape).members?.[member] as Ref | undefined);
  return ref?.location;
}

/** The request for `operation` with `input`; an operation the model lacks is a POST naming it in the query. */
export function encodeRestXml(model: ServiceModel, operation: string, c: FuzzCase): RestRequest {
  const headers: Record<string, string> = {
    authorization: `AWS4-HMAC-SHA256 Credential=AKIAFUZZ/20261206/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
    'x-amz-date': '20261206T000000Z',
    'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
  };
  const op = Object.hasOwn(model.operations, operation) ? model.operations[operation] : undefined;
  if (!op) return { method: 'POST', path: `/fuzz?${pct(operation)}`, headers, body: '' };
  const { method, requestUri } = (op as unknown as { http: { method: string; requestUri: string } }).http;
  const [pathPart, fixed = ''] = requestUri.split('?');
  const shape = op.input ? (shapeOf(model, op.input.shape) as Shape & { payload?: string }) : undefined;
  const input = c.input ?? {};
  const query: string[] = fixed ? fixed.split('&').map((pair) => pair.split('=').map(pct).join('=')) : [];
  let path = pathPart;
  let body: string | Buffer = '';
  for (const name of Object.keys(input)) {
    const value = input[name];
    const ref = shape && Object.hasOwn(shape.members ?? {}, name) ? (shape.members![name] as Ref) : undefined;
    const member = ref && shapeOf(model, ref.shape);
    const wire = ref?.locationName ?? name;
    if (value === undefined || value === null) continue;
    switch (ref?.location) {
      case 'uri':
        path = path.replace(`{${wire}+}`, String(value).split('/').map(pct).join('/')).replace(`{${wire}}`, pct(String(value)));
        break;
      case 'querystring':
        for (const item of Array.isArray(value) ? value : [value]) query.push(`${pct(wire)}=${pct(wireText(member, item, 'query'))}`);
        break;
      case 'header':
        if (!FRAMING_HEADERS.has(wire.toLowerCase())) headers[wire.toLowerCase()] = headerText(wireText(member, value, 'header'));
        break;
      case 'headers':
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) headers[`${wire}${k}`.toLowerCase()] = headerText(String(v));
        break;
      default:
        if (!ref) query.push(`${pct(name)}=${pct(wireText(undefined, value, 'query'))}`);
        else if (name !== shape!.payload) break;
        else if (member!.type === 'structure') {
          const ns = ref.xmlNamespace ? ` xmlns="${ref.xmlNamespace.uri}"` : '';
          body = `<?xml version="1.0" encoding="UTF-8"?>\n${toXml(model, member, value, ref.locationName ?? name, ns)}`;
        } else body = member!.type === 'blob' && typeof value === 'string' ? Buffer.from(value) : String(value);
    }
  }
  if (c.raw !== undefined) body = c.raw;
  Object.assign(headers, c.headers);
  // Labels left empty stay empty (the path then names less, as a client's would).
  path = path.replace(/\{[^}]+\}/g, '').replace(/\/+$/, '') || '/';
  return { method, path: query.length ? `${path}?${query.join('&')}` : path, headers, body };
}

/**
 * Whether a request for `operation` reaches it on a path-style endpoint. A few operations share
 * their method and path with another (ListDirectoryBuckets is ListBuckets there; S3 serves it on
 * its Express endpoint) and cannot be called here at all.
 */
export function reachable(model: ServiceModel, operation: string): boolean {
  const input = model.operations[operation].input;
  const request = encodeRestXml(model, operation, {
    kind: 'room',
    label: '',
    input: input ? (sample(model, shapeOf(model, input.shape)) as Record<string, unknown>) : {},
  });
  const url = new URL(request.path, 'http://edge');
  const [bucket, ...key] = url.pathname.slice(1).split('/');
  const depth = key.join('/') ? 2 : bucket ? 1 : 0;
  return operationFor(model, { method: request.method, depth, query: url.searchParams, headers: request.headers }) === operation;
}

/** The bucket and object the suite puts in place first, named as every sample input names them. */
export function restXmlFixture(model: ServiceModel): { operation: string; c: FuzzCase }[] {
  const put = shapeOf(model, model.operations.PutObject.input!.shape);
  const names = sample(model, put) as Record<string, unknown>;
  return [
    { operation: 'CreateBucket', c: { kind: 'room', label: 'fixture bucket', input: { Bucket: names.Bucket } } },
    { operation: 'PutObject', c: { kind: 'room', label: 'fixture object', input: { ...names, Body: 'a fixture object of 32 bytes....' } } },
  ];
}

const MALFORMED_XML = [
  '<Tagging><TagSet>',
  '<?xml version="1.0"?><a></b>',
  '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
  'not xml at all',
  '<a>&bogus;</a>',
  '<a/><b/>',
  `<a>${'<b>'.repeat(20_000)}`,
];

/**
 * Requests only REST-XML can make wrong, for the members `operation` has (none when it has none
 * of them): each must be refused, whatever the store holds.
 */
export function restXmlRawCases(model: ServiceModel, operation: string): FuzzCase[] {
  const op = model.operations[operation];
  if (!op.input) return [];
  const root = shapeOf(model, op.input.shape) as Shape & { payload?: string };
  const base = sample(model, root) as Record<string, unknown>;
  const has = (member: string) => Object.hasOwn(root.members ?? {}, member);
  const cases: FuzzCase[] = [];
  const add = (label: string, change: Partial<FuzzCase> & { set?: Record<string, unknown> }) =>
    cases.push({ kind: 'raw', label, input: { ...base, ...change.set }, raw: change.raw, headers: change.headers });
  const payload = root.payload ? shapeOf(model, root.members![root.payload].shape) : undefined;
  if (payload?.type === 'structure') for (const xml of MALFORMED_XML) add(`XML body ${JSON.stringify(xml.slice(0, 40))}`, { raw: xml });
  if (payload) add('Content-Length 99999999999999 with a short body', { headers: { 'content-length': '99999999999999' }, raw: 'short' });
  if (payload && (root.members![root.payload!] as Ref).streaming) {
    add('aws-chunked body with a bad size line', {
      headers: { 'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': '5' },
      raw: 'zz\r\nhello\r\n0\r\n\r\n',
    });
    add('a STREAMING- payload that is not aws-chunked', {
      headers: { 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' },
      raw: 'hello',
    });
  }
  if (has('Range'))
    for (const range of ['bytes=-0', 'bytes=999999999-', 'bytes=18446744073709551616-']) add(`Range ${range}`, { set: { Range: range } });
  if (has('PartNumber')) for (const part of [0, 10001, 99999999999]) add(`partNumber ${part}`, { set: { PartNumber: part } });
  if (has('ContentMD5'))
    for (const md5 of ['not an md5', 'AAAAAAAAAAAAAAAAAAAAAA==']) add(`Content-MD5 ${md5}`, { set: { ContentMD5: md5 } });
  if (has('ChecksumCRC32'))
    for (const sum of ['AAAAAQ==', '!!not base64!!']) add(`x-amz-checksum-crc32 ${sum}`, { set: { ChecksumCRC32: sum } });
  if (has('CopySource'))
    for (const source of ['%ZZ', 'fuzz', '/fuzz/', 'fuzz/no-such-key', '/fuzz/fuzz?versionId=\u0001'])
      add(`x-amz-copy-source ${JSON.stringify(source)}`, { set: { CopySource: source } });
  if (has('Tagging') && shapeOf(model, root.members!.Tagging.shape).type === 'string') {
    for (const tags of ['=v', 'k=v&k=w', `${'k'.repeat(200)}=v`, '%ZZ=1'])
      add(`x-amz-tagging ${JSON.stringify(tags.slice(0, 40))}`, { set: { Tagging: tags } });
  }
  if (has('Metadata')) add('x-amz-meta-* past 2 KB', { set: { Metadata: { big: 'm'.repeat(2100) } } });
  return cases;
}
