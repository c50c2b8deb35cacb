/**
 * @module protocol/seam
 * The one seam every AWS API request runs through, from the raw HTTP request to the bytes sent
 * back: it tells the caller's protocol, checks the credential scope's region, reads the body within
 * MAX_API_BODY, finds the service (X-Amz-Target prefix, the SigV4 scope's service, the Query form's
 * Version) and dispatches. Every error on the way — its own included — is written in the caller's
 * protocol; a service Slipway does not serve yet answers 501 NotImplemented naming it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRegionName } from '../core/config.ts';
import { AwsError } from '../core/errors.ts';
import { uuid } from '../core/ids.ts';
import { logger } from '../core/log.ts';
import type { Caller } from './caller.ts';
import { errorCodecFor, type Protocol } from './codecs.ts';
import { dispatch } from './dispatch.ts';
import { serveRestXml } from './restxml/serve.ts';
import { MAX_API_BODY, overTls, readBody, send, utf8Text } from './http.ts';
import type { ServiceModel } from './model.ts';
import type { Store } from '../store/index.ts';
import type { ApiService, RequestAuth, RequestContext, WireResponse } from './types.ts';
import { createHash } from 'node:crypto';
import { header } from './http.ts';

const log = logger('edge');

export interface SeamOptions {
  apis: ApiService[];
  account: string;
  defaultRegion: string;
  /** Commits the writes of the requests served in one turn of the event loop together (group commit). */
  store?: Store;
  /** Set when signatures are required (--auth, or off loopback): every call is verified and authorized. */
  auth?: RequestAuth;
}

export interface Seam {
  /** Serves the request when `caller` (callerOf) is an AWS API call; false (nothing read, nothing written) when not. */
  serve(req: IncomingMessage, res: ServerResponse, url: URL, caller: Caller): Promise<boolean>;
  /** Answers 403 with `reason` in the caller's protocol; false when the request is not an AWS API call. */
  deny(req: IncomingMessage, res: ServerResponse, caller: Caller, reason: string): boolean;
}

/** What AWS answers for a credential scope naming no region, by the caller's protocol. */
const badScope: Record<Protocol, string> = {
  json: 'InvalidSignatureException',
  query: 'IncompleteSignature',
  ec2: 'IncompleteSignature',
  'rest-xml': 'AuthorizationHeaderMalformed',
};

export function createSeam(opts: SeamOptions): Seam {
  const byTarget = new Map<string, ApiService>();
  const byScope = new Map<string, ApiService>();
  const byVersion = new Map<string, ApiService>();
  for (const api of opts.apis) {
    const { metadata } = api.model;
    if (metadata.targetPrefix) {
      byTarget.set(metadata.targetPrefix, api);
      // A dotted (JSON 1.0) prefix: botocore sends it whole, the SDKs v3 only its last part.
      byTarget.set(metadata.targetPrefix.slice(metadata.targetPrefix.lastIndexOf('.') + 1), api);
    }
    byScope.set(metadata.signingName ?? metadata.endpointPrefix, api);
    if (metadata.protocol === 'query' || metadata.protocol === 'ec2') byVersion.set(metadata.apiVersion, api);
  }

  /** API calls being served now (from the request to its answer). */
  let serving = 0;

  /**
   * Dispatches, and answers once what the handler wrote or read is committed. A call served alone
   * commits at once rather than at the end of the turn (setImmediate): with no other call in
   * progress there is none to wait for, and one arriving later in the turn opens its own group.
   */
  async function durably(api: ApiService, request: { target?: string; body: string }, ctx: RequestContext): Promise<WireResponse> {
    if (!opts.store) return dispatch(api, request, ctx);
    const { result, committed } = opts.store.grouped(() => dispatch(api, request, ctx));
    if (serving === 1) opts.store.settle();
    const response = await result;
    await committed;
    return response;
  }

  async function call(
    req: IncomingMessage,
    url: URL,
    caller: Caller,
    requestId: string,
    found: (model: ServiceModel) => void,
  ): Promise<WireResponse> {
    /**
     * Verifies the signature over the payload as hashed (or as S3's header says) and sets who may do
     * what. The hash is taken only when signatures are required: in open mode a body is not hashed.
     */
    const authenticate = (api: ApiService | undefined, payloadHash: () => string, action?: string) => {
      if (!opts.auth) return;
      Object.assign(
        ctx,
        opts.auth.authenticate(api?.model, {
          method: req.method ?? 'GET',
          url,
          headers: req.headers,
          payloadHash: payloadHash(),
          protocol: protocol!,
          action,
          sourceIp: req.socket.remoteAddress,
          secure: overTls(req),
          region: ctx.region,
        }),
      );
    };
    const { protocol, scope } = caller;
    if (scope && !isRegionName(scope.region)) {
      req.resume();
      throw new AwsError(badScope[protocol!], `Credential should be scoped to a valid region, not '${scope.region.slice(0, 64)}'.`);
    }
    /** 501 naming what is not served, once the caller is known when signatures are required (a stranger learns nothing). */
    const unserved = async (service: string, payloadHash?: string): Promise<AwsError> => {
      // Reading the body to hash it is worth it only when a signature is checked.
      if (opts.auth) {
        const hash = payloadHash ?? sha256(await readBody(req, MAX_API_BODY));
        authenticate(undefined, () => hash);
      }
      return notServed(req, service);
    };
    const ctx: RequestContext = {
      region: scope?.region ?? opts.defaultRegion,
      account: opts.account,
      requestId,
      accessKeyId: scope?.accessKeyId,
      endpoint: `http://${req.headers.host ?? 'localhost'}`,
    };
    if (protocol === 'rest-xml') {
      // REST-XML (S3) bodies are objects: they stream to the service, never read here.
      const service = scope?.service ?? 's3'; // SigV2 names no service: it is S3's alone
      const api = byScope.get(service);
      if (api?.model.metadata.protocol !== 'rest-xml') throw await unserved(service, header(req, 'x-amz-content-sha256') ?? '');
      found(api.model);
      try {
        authenticate(api, () => header(req, 'x-amz-content-sha256') ?? '');
      } catch (err) {
        req.resume();
        throw err;
      }
      return serveRestXml(api, req, url, ctx);
    }
    if (protocol === 'json' && caller.target !== undefined) {
      // The operation follows the last dot: JSON 1.0 prefixes are dotted (com.amazonaws.codeconnections.CodeConnections_20231201).
      const dot = caller.target.lastIndexOf('.');
      const prefix = dot < 0 ? caller.target : caller.target.slice(0, dot);
      const api = byTarget.get(prefix);
      if (!api) throw await unserved(scope && !byScope.has(scope.service) ? scope.service : prefix);
      found(api.model);
      const body = await readBody(req, MAX_API_BODY);
      authenticate(api, () => sha256(body));
      return durably(api, { target: caller.target, body: utf8Text(body, 'SerializationException') }, ctx);
    }
    if (protocol === 'query' || protocol === 'ec2') {
      let api = scope ? byScope.get(scope.service) : undefined;
      if (scope && !api) throw await unserved(scope.service);
      if (api && api.model.metadata.protocol !== 'query' && api.model.metadata.protocol !== 'ec2')
        throw await unserved(`${scope!.service} over the Query protocol (it speaks ${api.model.metadata.protocol})`);
      if (api) found(api.model);
      const raw = req.method === 'GET' ? Buffer.alloc(0) : await readBody(req, MAX_API_BODY);
      const form = req.method === 'GET' ? url.search.slice(1) : utf8Text(raw, 'MalformedQueryString');
      const params = new URLSearchParams(form);
      api ??= byVersion.get(params.get('Version') ?? '');
      if (!api && !params.get('Action')) throw new AwsError('MissingAction', 'The request must contain the parameter Action.');
      if (!api) throw await unserved(`the Query API version '${(params.get('Version') ?? '(none)').slice(0, 32)}'`, sha256(raw));
      found(api.model);
      authenticate(api, () => sha256(raw), params.get('Action') ?? undefined);
      return durably(api, { body: form }, ctx);
    }
    throw await unserved(scope!.service);
  }

  return {
    async serve(req, res, url, caller) {
      if (!caller.protocol) return false;
      const requestId = uuid();
      let model: ServiceModel | undefined;
      serving++;
      try {
        send(res, await call(req, url, caller, requestId, (m) => (model = m)));
      } catch (err) {
        if (!(err instanceof AwsError)) log.error(`${req.method} ${url.pathname} failed`, err);
        const failure = err instanceof AwsError ? err : new AwsError('InternalFailure', 'Slipway failed; see its log', { status: 500 });
        send(res, errorCodecFor(caller.protocol).encodeError(model, failure, requestId));
      } finally {
        serving--;
      }
      return true;
    },
    deny(req, res, { protocol }, reason) {
      if (!protocol) return false;
      req.resume();
      const err = new AwsError(protocol === 'json' ? 'AccessDeniedException' : 'AccessDenied', reason, { status: 403 });
      send(res, errorCodecFor(protocol).encodeError(undefined, err, uuid()));
      return true;
    },
  };
}

function sha256(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/** 501 for a service Slipway does not serve; its body is not wanted. */
function notServed(req: IncomingMessage, service: string): AwsError {
  req.resume();
  const name = /^[\w .'()-]{1,64}$/.test(service) ? service : 'that service';
  return new AwsError('NotImplemented', `Slipway does not serve ${name} yet`, { status: 501 });
}
