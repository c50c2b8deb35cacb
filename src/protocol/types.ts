/**
 * @module protocol/types
 * What a service room hands the protocol layer, and what the protocol layer hands the edge.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { Protocol } from './codecs.ts';
import type { ServiceModel } from './model.ts';

export interface RequestContext {
  region: string;
  account: string;
  requestId: string;
  accessKeyId?: string;
  /** The edge's own base URL as the client reached it, e.g. http://127.0.0.1:4566 */
  endpoint: string;
  /**
   * Set when signatures are required: refuses (AccessDenied, thrown) an operation the verified
   * caller may not perform on what `input` names. Run once the input is valid, before the handler.
   */
  authorize?: (operation: string, input: Record<string, unknown>) => void;
  /**
   * Set when signatures are required and an S3 body is signed as it streams: the body must hash
   * to `sha256` (hex, as x-amz-content-sha256 said), or each aws-chunked chunk's signature must
   * follow from the one before (`chunk`, called in order with the chunk's SHA-256), and with
   * STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER so must x-amz-trailer-signature, from the last
   * chunk's (`trailer`, with the SHA-256 of the trailers as signed: `name:value\n` each, by name).
   */
  signedBody?: {
    sha256?: string;
    chunk?: (signature: string, chunkSha256: string) => boolean;
    trailer?: (signature: string, trailersSha256: string) => boolean;
  };
}

/**
 * What the seam asks when signatures are required (implemented at the edge, over IAM): who signed
 * the request — refused with the protocol's error when no one Slipway knows did — and the check
 * its operations must pass. Operations AWS serves unsigned come back with neither.
 */
export interface RequestAuth {
  /** `service` is undefined for a service Slipway does not serve: the caller is verified before it hears so. */
  authenticate(service: ServiceModel | undefined, req: SignedRequest): Pick<RequestContext, 'accessKeyId' | 'authorize' | 'signedBody'>;
}

export interface SignedRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  /** The payload's SHA-256 (hex), or what x-amz-content-sha256 says for S3, whose bodies stream. */
  payloadHash: string;
  protocol: Protocol;
  /** The Query form's Action, for the few operations AWS serves unsigned. */
  action?: string;
  sourceIp?: string;
  /** Whether it came over TLS (aws:SecureTransport). */
  secure: boolean;
  region: string;
}

export type Handler<I, O> = (input: I, ctx: RequestContext) => Promise<O> | O;

export type Handlers<Ops> = { [K in keyof Ops]?: Ops[K] extends { input: infer I; output: infer O } ? Handler<I, O> : never };

/** One AWS API served on the edge. */
export interface ApiService {
  model: ServiceModel;
  handlers: Record<string, Handler<any, any> | undefined>;
  /** Error codes this service uses for malformed input. */
  validation: { constraint: string; type: string };
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer | Readable;
}
