/**
 * @module protocol/restxml/serve
 * Runs one REST-XML call (S3) from the raw request, body unread: bucket and key from the path (or
 * from a `<bucket>.localhost` host name), a presigned URL's expiry, the operation from the model's
 * routes, the input from URI, query, headers and payload, validation, the handler, the output.
 * The body is never buffered here: an object's bytes reach the handler as a stream, decoded from
 * aws-chunked when the client framed them so.
 */
import type { IncomingMessage } from 'node:http';
import { createHash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import { AwsError } from '../../core/errors.ts';
import { virtualBucket } from '../caller.ts';
import { handlerFor } from '../dispatch.ts';
import { header, readBody } from '../http.ts';
import type { ApiService, RequestContext, WireResponse } from '../types.ts';
import { validateInput } from '../validate.ts';
import { checkBodyDigests } from './checksums.ts';
import { AwsChunkedDecoder } from './chunked.ts';
import { decodeInput } from './parser.ts';
import { operationFor } from './routes.ts';
import { encodeOutput } from './serializer.ts';
import { XmlError } from './xml.ts';

/** The largest XML document (a tag set, a list of parts or keys) read into memory. */
const MAX_XML_BODY = 4 * 1024 * 1024;
/** A presigned URL may live a week at most. */
const MAX_EXPIRES = 604_800;

export async function serveRestXml(service: ApiService, req: IncomingMessage, url: URL, ctx: RequestContext): Promise<WireResponse> {
  const { model } = service;
  checkPresigned(url);
  const labels = labelsOf(header(req, 'host'), url.pathname);
  const depth = labels.Key ? 2 : labels.Bucket ? 1 : 0;
  const method = req.method ?? 'GET';
  const operation = operationFor(model, { method, depth, query: url.searchParams, headers: req.headers });
  if (!operation) {
    req.resume();
    throw new AwsError('MethodNotAllowed', `The specified method is not allowed against this resource.`, {
      status: 405,
      fields: { Method: method, ResourceType: ['SERVICE', 'BUCKET', 'OBJECT'][depth] },
    });
  }
  let body: Readable = req;
  try {
    const handler = handlerFor(service, operation);
    body = bodyOf(req, ctx.signedBody);
    let whole: Buffer | undefined;
    let decoded;
    try {
      decoded = await decodeInput(model, operation, {
        labels,
        query: url.searchParams,
        req,
        body,
        text: async () => (whole = await wholeBody(req, body)).toString('utf8'),
      });
    } catch (err) {
      if (err instanceof XmlError)
        throw new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.');
      throw err;
    }
    const { input, streamingMember } = decoded;
    const stream = streamingMember ? input[streamingMember] : undefined;
    if (streamingMember) delete input[streamingMember];
    const valid = validateInput(model, model.operations[operation].input?.shape, input, service.validation);
    ctx.authorize?.(operation, valid);
    // Digests are checked once the input is known valid, as validation speaks first.
    if (whole) checkBodyDigests(req.headers, whole);
    if (streamingMember) valid[streamingMember] = stream;
    const output = await handler(valid, ctx);
    return encodeOutput(model, operation, method, output, ctx.requestId);
  } finally {
    // What the call left unread is read and dropped, so that its client gets to read the answer.
    if (body !== req) body.resume();
    if (!req.readableEnded) req.resume();
  }
}

/**
 * Bucket and key: `/<bucket>/<key…>` path-style, or `<bucket>.localhost` (virtual-hosted) with the
 * whole path as the key. Each is percent-decoded once, as S3 does.
 */
function labelsOf(host: string | undefined, pathname: string): Record<string, string> {
  const virtual = virtualBucket(host);
  const path = pathname.slice(1);
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw new AwsError('InvalidURI', `Couldn't parse the specified URI.`);
    }
  };
  if (virtual) return path ? { Bucket: virtual, Key: decode(path) } : { Bucket: virtual };
  const slash = path.indexOf('/');
  if (slash < 0) return path ? { Bucket: decode(path) } : {};
  const key = path.slice(slash + 1);
  return key ? { Bucket: decode(path.slice(0, slash)), Key: decode(key) } : { Bucket: decode(path.slice(0, slash)) };
}

/**
 * A payload read whole (an XML document, a policy). One declared larger than the codec takes is
 * refused before a byte is read: its client may never send it all.
 */
async function wholeBody(req: IncomingMessage, body: Readable): Promise<Buffer> {
  const tooBig = () =>
    new AwsError('MaxMessageLengthExceeded', 'Your request was too big.', { fields: { MaxMessageLengthBytes: MAX_XML_BODY } });
  const declared = Number(header(req, 'x-amz-decoded-content-length') ?? header(req, 'content-length') ?? 0);
  if (declared > MAX_XML_BODY) {
    req.resume();
    throw tooBig();
  }
  let bytes: Buffer;
  try {
    bytes = await readBody(body as IncomingMessage, MAX_XML_BODY);
  } catch (err) {
    throw err instanceof AwsError && err.status === 413 ? tooBig() : err;
  }
  return bytes;
}

/** The body as sent, or decoded from aws-chunked framing; checked against its signature when `signed` says how. */
function bodyOf(req: IncomingMessage, signed: RequestContext['signedBody']): Readable {
  const encoding = header(req, 'content-encoding') ?? '';
  const sha = header(req, 'x-amz-content-sha256') ?? '';
  if (!encoding.split(',').some((e) => e.trim() === 'aws-chunked') && !sha.startsWith('STREAMING-'))
    return signed?.sha256 ? hashChecked(req, signed.sha256) : req;
  const decoder = new AwsChunkedDecoder(header(req, 'x-amz-trailer'), signed);
  req.on('error', (err) => decoder.destroy(err));
  // Its reader hears of bad framing through its own pipeline; a body no handler reads (the call
  // refused first) must not take the process down with it.
  decoder.on('error', () => req.resume());
  return req.pipe(decoder);
}

/** The body, failing with S3's XAmzContentSHA256Mismatch at its end unless it hashes to what was signed. */
function hashChecked(req: IncomingMessage, sha256: string): Readable {
  const hash = createHash('sha256');
  const checked = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      const computed = hash.digest('hex');
      if (computed === sha256) return done();
      done(
        new AwsError('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", {
          fields: { ClientComputedContentSHA256: sha256, S3ComputedContentSHA256: computed },
        }),
      );
    },
  });
  req.on('error', (err) => checked.destroy(err));
  checked.on('error', () => req.resume());
  return req.pipe(checked);
}

/**
 * A presigned URL is refused once it expires: X-Amz-Date + X-Amz-Expires (SigV4), or Expires in
 * epoch seconds (SigV2).
 */
function checkPresigned(url: URL): void {
  const q = url.searchParams;
  if (q.has('AWSAccessKeyId') && q.has('Signature')) {
    const expires = Number(q.get('Expires'));
    if (!Number.isFinite(expires))
      throw new AwsError('AccessDenied', 'Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters', {
        status: 403,
      });
    if (Date.now() > expires * 1000) throw expired(expires * 1000);
    return;
  }
  if (!q.has('X-Amz-Algorithm')) return;
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(q.get('X-Amz-Date') ?? '');
  const expires = Number(q.get('X-Amz-Expires'));
  if (!date || !q.has('X-Amz-Expires') || !Number.isInteger(expires) || expires < 0) {
    throw new AwsError(
      'AuthorizationQueryParametersError',
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  }
  if (expires > MAX_EXPIRES)
    throw new AwsError('AuthorizationQueryParametersError', 'X-Amz-Expires must be less than a week (in seconds) that is 604800');
  const signed = Date.UTC(+date[1], +date[2] - 1, +date[3], +date[4], +date[5], +date[6]);
  if (Date.now() > signed + expires * 1000) throw expired(signed + expires * 1000);
}

function expired(at: number): AwsError {
  return new AwsError('AccessDenied', 'Request has expired', {
    status: 403,
    fields: { Expires: new Date(at).toISOString(), ServerTime: new Date().toISOString() },
  });
}
