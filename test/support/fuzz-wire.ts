/**
 * The hostile-input suite's side of the wire: which APIs Slipway serves (taken from the rooms
 * themselves), a case encoded in the API's own protocol, sending it with a hang bound, reading the
 * reply as that protocol's client would, and a checksum of every row in the store.
 */
import { parseXML } from '@aws-sdk/xml-builder';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClock } from '../../src/core/clock.ts';
import { loadConfig } from '../../src/core/config.ts';
import { EventBus } from '../../src/core/events.ts';
import { shapeOf, type ServiceModel, type Shape } from '../../src/protocol/model.ts';
import type { ApiService } from '../../src/protocol/types.ts';
import { FakeRuntime } from '../../src/runtime/index.ts';
import { registerRooms } from '../../src/services/index.ts';
import { Store } from '../../src/store/index.ts';
import type { FuzzCase } from './fuzz-cases.ts';
import { encodeRestXml } from './fuzz-restxml.ts';
import { rawRequest } from './raw.ts';

/** Every API the rooms register, as the edge receives them (rooms are registered, not started). */
export function servedApis(): ApiService[] {
  const dataDir = mkdtempSync(join(tmpdir(), 'slipway-fuzz-apis-'));
  const store = Store.open(':memory:');
  try {
    const rooms = registerRooms({
      config: { ...loadConfig({ port: '0', 'data-dir': dataDir }), dataDir },
      edge: { url: 'http://127.0.0.1:0', host: '127.0.0.1', port: 0 },
      store,
      clock: createClock(1),
      runtime: new FakeRuntime(),
      events: new EventBus(),
    });
    return rooms.flatMap((room) => (room.api ? [room.api] : []));
  } finally {
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface WireRequest {
  /** POST / unless given (REST-XML places the call in its method and path). */
  method?: string;
  path?: string;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** A request for `operation` (sent as named, even when the model has no such operation). */
export function encode(api: ApiService, operation: string, c: FuzzCase): WireRequest {
  const { model } = api;
  if (model.metadata.protocol === 'rest-xml') return encodeRestXml(model, operation, c);
  const { protocol } = model.metadata;
  if (protocol === 'query' || protocol === 'ec2') {
    const params = new URLSearchParams({ Action: operation, Version: model.metadata.apiVersion });
    const inputName = model.operations[operation]?.input?.shape;
    if (inputName && c.input) flatten(model, shapeOf(model, inputName), c.input, '', params, protocol === 'ec2');
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
    // Signed for ec2, as the SDKs sign, so that even the edge's own errors come in EC2's form.
    if (protocol === 'ec2')
      headers.authorization = 'AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00';
    return { headers, body: params.toString() };
  }
  return {
    headers: {
      'content-type': `application/x-amz-json-${model.metadata.jsonVersion ?? '1.1'}`,
      'x-amz-target': `${model.metadata.targetPrefix}.${operation}`,
    },
    body: c.raw ?? JSON.stringify(c.input ?? {}),
  };
}

/**
 * Query encoding, as the SDK does it; members the model does not know are sent by their own name.
 * EC2's dialect names members by queryName (else the capitalised locationName) and flattens every list.
 */
function flatten(model: ServiceModel, shape: Shape | undefined, value: unknown, prefix: string, out: URLSearchParams, ec2 = false): void {
  const at = (name: string) => (prefix ? `${prefix}.${name}` : name);
  if (value === null || value === undefined) return;
  if (typeof value !== 'object') {
    out.append(prefix, String(value));
    return;
  }
  if (Array.isArray(value)) {
    if (!value.length) {
      out.append(prefix, '');
      return;
    }
    const member = shape?.type === 'list' ? shape.member : undefined;
    const base = shape?.flattened || ec2 ? prefix : `${prefix}.${member?.locationName ?? 'member'}`;
    for (const [i, item] of value.entries()) flatten(model, member && shapeOf(model, member.shape), item, `${base}.${i + 1}`, out, ec2);
    return;
  }
  const record = value as Record<string, unknown>;
  if (shape?.type === 'map') {
    const base = shape.flattened ? prefix : `${prefix}.entry`;
    Object.keys(record).forEach((key, i) => {
      out.append(`${base}.${i + 1}.${shape.key?.locationName ?? 'key'}`, key);
      flatten(model, shapeOf(model, shape.value!.shape), record[key], `${base}.${i + 1}.${shape.value?.locationName ?? 'value'}`, out, ec2);
    });
    return;
  }
  for (const key of Object.keys(record)) {
    const ref = shape?.type === 'structure' && Object.hasOwn(shape.members ?? {}, key) ? shape.members![key] : undefined;
    const name =
      ec2 && ref
        ? (ref.queryName ?? (ref.locationName ? ref.locationName[0].toUpperCase() + ref.locationName.slice(1) : key))
        : (ref?.locationName ?? key);
    flatten(model, ref && shapeOf(model, ref.shape), record[key], at(name), out, ec2);
  }
}

export interface WireReply {
  status: number;
  /** The error code as the protocol's client reads it, when the reply is an error. */
  code?: string;
  /** Why the reply is not what the protocol's client can read, if it is not. */
  unreadable?: string;
  /** A reply to HEAD: no body, so no code to read. */
  headless?: boolean;
  text: string;
}

/** XML 1.0 has no place for these, raw or as references; botocore's parser (expat) stops at them. */
function readXml(text: string): Record<string, any> {
  const bad = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|&#(x0*([0-8bcef]|1[0-9a-f])|0*([0-8]|1[124-9]|2\d|3[01]));/i.exec(text);
  if (bad) throw new Error(`XML 1.0 forbids ${JSON.stringify(bad[0])}`);
  return parseXML(text) as Record<string, any>;
}

/** Sends one request; a reply that has not come in `timeoutMs` is a hang and throws. */
export async function send(endpoint: string, request: WireRequest, protocol: string, timeoutMs: number): Promise<WireReply> {
  // Sent as given: a declared Content-Length goes even when the body is shorter (fetch would refuse).
  const response = await rawRequest(endpoint, {
    method: request.method ?? 'POST',
    path: request.path,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const header = (name: string) => [response.headers[name]].flat()[0];
  const { text } = response;
  const reply: WireReply = { status: response.status, text };
  const failed = response.status >= 300 && response.status !== 304;
  try {
    if (protocol === 'rest-xml') {
      // A reply to HEAD has no body: its status is all an SDK reads.
      if (request.method === 'HEAD') return { ...reply, headless: true };
      if (failed) reply.code = readXml(text).Error?.Code;
      else if (/xml/.test(header('content-type') ?? '') && text) readXml(text);
    } else if (protocol === 'query' || protocol === 'ec2') {
      const doc = readXml(text);
      if (failed) reply.code = protocol === 'ec2' ? doc.Response?.Errors?.Error?.Code : doc.ErrorResponse?.Error?.Code;
      else if (!Object.keys(doc).some((k) => k.endsWith('Response'))) reply.unreadable = 'no <…Response> element';
    } else {
      const body = JSON.parse(text) as Record<string, unknown>;
      if (failed) reply.code = (body.__type as string | undefined) ?? header('x-amzn-errortype') ?? undefined;
      else if (typeof body !== 'object' || body === null || Array.isArray(body)) reply.unreadable = 'not a JSON object';
    }
    if (failed && !reply.code) reply.unreadable = 'an error without a code';
  } catch (err) {
    reply.unreadable = (err as Error).message;
  }
  return reply;
}

/** A checksum of every row of every table: equal before and after means nothing was written. */
export function storeChecksum(store: Store): Map<string, string> {
  const tables = store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
  const sums = new Map<string, string>();
  for (const { name } of tables) {
    const hash = createHash('sha256');
    for (const row of store.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate()) hash.update(JSON.stringify(row));
    sums.set(name, hash.digest('hex'));
  }
  return sums;
}

/** The tables whose rows differ between two checksums. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name));
}
