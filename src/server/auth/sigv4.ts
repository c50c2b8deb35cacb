/**
 * @module server/auth/sigv4
 * Signature Version 4, checked as AWS checks it: the Authorization header or a presigned URL's
 * X-Amz-* parameters are read, the canonical request is rebuilt from what arrived, and the
 * signature computed with the key's secret is compared in constant time. The date must lie within
 * 15 minutes of now (a presigned URL: within its X-Amz-Expires). Pure but for the clock it is given.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Protocol } from '../../protocol/codecs.ts';
import { authFailure } from './failures.ts';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
const SKEW_MS = 15 * 60_000;
const MAX_EXPIRES = 604_800;

/** What a request claims about its signature, before the signature is checked. */
export interface SignatureClaim {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  /** Seconds the presigned URL lives; absent for header signing. */
  expires?: number;
  securityToken?: string;
}

export interface Signed {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  payloadHash: string;
  protocol: Protocol;
}

/** The claim a request makes, undefined when it carries no signature at all; IncompleteSignature when it is malformed. */
export function readClaim(req: Signed): SignatureClaim | undefined {
  const authorization = single(req.headers.authorization);
  const q = req.url.searchParams;
  if (authorization !== undefined) {
    if (/^AWS [^:\s]+:/.test(authorization)) throw authFailure(req.protocol, 'sigv2');
    const m = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(authorization);
    if (!m)
      throw authFailure(req.protocol, 'incomplete', `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.`);
    const fields = new Map<string, string>();
    for (const part of m[1].split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((f) => !fields.get(f));
    if (missing.length)
      throw authFailure(req.protocol, 'incomplete', `Authorization header requires '${missing[0]}' parameter. Authorization=${ALGORITHM}`);
    const amzDate = single(req.headers['x-amz-date']) ?? httpDate(single(req.headers.date));
    if (!amzDate)
      throw authFailure(req.protocol, 'incomplete', `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.`);
    return claim(req.protocol, fields.get('Credential')!, fields.get('SignedHeaders')!, fields.get('Signature')!, amzDate, {
      securityToken: single(req.headers['x-amz-security-token']),
    });
  }
  if (q.has('AWSAccessKeyId') && q.has('Signature')) throw authFailure(req.protocol, 'sigv2');
  if (!q.has('X-Amz-Algorithm') && !q.has('X-Amz-Signature') && !q.has('X-Amz-Credential')) return undefined;
  const wanted = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Expires'];
  if (wanted.some((p) => !q.get(p)) || q.get('X-Amz-Algorithm') !== ALGORITHM) {
    throw authFailure(
      req.protocol,
      'incomplete',
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  }
  const expires = Number(q.get('X-Amz-Expires'));
  if (!Number.isInteger(expires) || expires < 0 || expires > MAX_EXPIRES)
    throw authFailure(req.protocol, 'incomplete', 'X-Amz-Expires must be less than a week (in seconds) that is 604800');
  return claim(req.protocol, q.get('X-Amz-Credential')!, q.get('X-Amz-SignedHeaders')!, q.get('X-Amz-Signature')!, q.get('X-Amz-Date')!, {
    expires,
    securityToken: q.get('X-Amz-Security-Token') ?? undefined,
  });
}

function claim(
  protocol: Protocol,
  credential: string,
  signedHeaders: string,
  signature: string,
  amzDate: string,
  more: { expires?: number; securityToken?: string },
): SignatureClaim {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request' || !/^\d{8}$/.test(parts[1]) || !parts[0])
    throw authFailure(
      protocol,
      'incomplete',
      `Credential should be scoped to a valid region, service and date: '${credential.slice(0, 128)}'.`,
    );
  if (!/^\d{8}T\d{6}Z$/.test(amzDate))
    throw authFailure(protocol, 'incomplete', `Date must be in ISO-8601 'basic format'. Got '${amzDate.slice(0, 32)}'.`);
  if (amzDate.slice(0, 8) !== parts[1])
    throw authFailure(
      protocol,
      'incomplete',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parts[1]}' != '${amzDate.slice(0, 8)}'`,
    );
  return {
    accessKeyId: parts[0],
    date: parts[1],
    region: parts[2],
    service: parts[3],
    signedHeaders: signedHeaders.split(';'),
    signature,
    amzDate,
    ...more,
  };
}

/** The request's time against now: 15 minutes either way for a header, the URL's lifetime for a presigned one. */
export function checkTime(protocol: Protocol, c: SignatureClaim, now: number): void {
  const at = Date.UTC(
    +c.amzDate.slice(0, 4),
    +c.amzDate.slice(4, 6) - 1,
    +c.amzDate.slice(6, 8),
    +c.amzDate.slice(9, 11),
    +c.amzDate.slice(11, 13),
    +c.amzDate.slice(13, 15),
  );
  const stamp = (t: number) => new Date(t).toISOString().replace(/[-:]|\.\d{3}/g, '');
  if (c.expires !== undefined) {
    if (at - SKEW_MS > now) throw authFailure(protocol, 'expired', 'Request is not valid yet');
    if (now > at + c.expires * 1000)
      throw authFailure(
        protocol,
        'expired',
        protocol === 'rest-xml'
          ? 'Request has expired'
          : `Signature expired: ${c.amzDate} is now earlier than ${stamp(now - c.expires * 1000)}.`,
      );
    return;
  }
  if (Math.abs(now - at) > SKEW_MS) {
    const detail =
      protocol === 'rest-xml'
        ? undefined
        : at < now
          ? `Signature expired: ${c.amzDate} is now earlier than ${stamp(now - SKEW_MS)} (${stamp(now)} - 15 min.)`
          : `Signature not yet current: ${c.amzDate} is still later than ${stamp(now + SKEW_MS)} (${stamp(now)} + 15 min.)`;
    throw authFailure(protocol, 'skewed', detail);
  }
}

/** Whether the claim's signature is the one `secret` gives over the request as it arrived. */
export function signatureMatches(req: Signed, c: SignatureClaim, secret: string): boolean {
  if (!c.signedHeaders.includes('host')) return false;
  const expected = signatureOf(req, c, secret);
  const given = /^[0-9a-f]{64}$/.test(c.signature) ? Buffer.from(c.signature, 'hex') : undefined;
  return expected !== undefined && given !== undefined && timingSafeEqual(expected, given);
}

/** The signature `secret` gives over the request as the claim describes it; undefined when the request cannot be canonicalised. */
export function signatureOf(req: Signed, c: Omit<SignatureClaim, 'signature' | 'accessKeyId'>, secret: string): Buffer | undefined {
  const canonical = canonicalRequest(req, c);
  if (canonical === undefined) return undefined;
  const scope = `${c.date}/${c.region}/${c.service}/aws4_request`;
  const toSign = `${ALGORITHM}\n${c.amzDate}\n${scope}\n${sha256Hex(canonical)}`;
  return createHmac('sha256', signingKeyFor(secret, c.date, c.region, c.service))
    .update(toSign)
    .digest();
}

/**
 * The checks of an aws-chunked body's signatures (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]):
 * each chunk signs its bytes' hash and the signature before it, the first following the request's
 * own; the trailer signature (AWS4-HMAC-SHA256-TRAILER) signs the trailers' hash and the last
 * chunk's signature.
 */
export function chunkChain(
  c: SignatureClaim,
  secret: string,
): { chunk: (signature: string, chunkSha256: string) => boolean; trailer: (signature: string, trailersSha256: string) => boolean } {
  const key = signingKeyFor(secret, c.date, c.region, c.service);
  const scope = `${c.date}/${c.region}/${c.service}/aws4_request`;
  let previous = c.signature;
  let broken = false;
  const follows = (kind: string, signature: string, hashes: string) => {
    const toSign = `${kind}\n${c.amzDate}\n${scope}\n${previous}\n${hashes}`;
    const expected = createHmac('sha256', key).update(toSign).digest();
    const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : undefined;
    broken ||= given === undefined || !timingSafeEqual(expected, given);
    previous = signature;
    return !broken;
  };
  return {
    chunk: (signature, chunkSha256) => follows('AWS4-HMAC-SHA256-PAYLOAD', signature, `${EMPTY_SHA256}\n${chunkSha256}`),
    trailer: (signature, trailersSha256) => follows('AWS4-HMAC-SHA256-TRAILER', signature, trailersSha256),
  };
}

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function canonicalRequest(req: Signed, c: Omit<SignatureClaim, 'signature' | 'accessKeyId'>): string | undefined {
  const s3 = c.service === 's3';
  const path = req.url.pathname || '/';
  // S3 signs the path as sent; every other service signs it encoded once more.
  const uri = s3
    ? path
    : path
        .split('/')
        .map((seg) => rfc3986(seg))
        .join('/');
  const pairs: [string, string][] = [];
  const raw = req.url.search.slice(1);
  if (raw) {
    for (const part of raw.split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const key = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      try {
        const k = decodeURIComponent(key);
        if (k === 'X-Amz-Signature') continue;
        pairs.push([rfc3986(k), rfc3986(decodeURIComponent(value))]);
      } catch {
        return undefined;
      }
    }
  }
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const query = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const lines: string[] = [];
  for (const name of c.signedHeaders) {
    const value = req.headers[name];
    if (value === undefined) return undefined;
    const values = Array.isArray(value) ? value : [value];
    lines.push(`${name}:${values.map((v) => v.trim().replace(/\s+/g, ' ')).join(',')}\n`);
  }
  const payload =
    c.expires !== undefined && s3 ? (req.url.searchParams.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD') : req.payloadHash;
  return `${req.method}\n${uri}\n${query}\n${lines.join('')}\n${c.signedHeaders.join(';')}\n${payload}`;
}

/** Signing keys are the same for a day: kept per secret, date, region and service (a few hundred at most). */
const keys = new Map<string, Buffer>();

export function signingKeyFor(secret: string, date: string, region: string, service: string): Buffer {
  const id = `${secret}\n${date}\n${region}\n${service}`;
  let key = keys.get(id);
  if (!key) {
    const h = (k: string | Buffer, v: string) => createHmac('sha256', k).update(v).digest();
    key = h(h(h(h(`AWS4${secret}`, date), region), service), 'aws4_request');
    if (keys.size >= 512) keys.clear();
    keys.set(id, key);
  }
  return key;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** An RFC 7231 Date header as SigV4's basic ISO-8601 stamp. */
function httpDate(v: string | undefined): string | undefined {
  const t = v ? Date.parse(v) : Number.NaN;
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().replace(/[-:]|\.\d{3}/g, '');
}
