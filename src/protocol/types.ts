/**
 * @module protocol/types
 * What a service room hands the protocol layer, and what the protocol layer hands the edge.
 */
import type { Readable } from 'node:stream';
import type { ServiceModel } from './model.ts';

export interface RequestContext {
  region: string;
  account: string;
  requestId: string;
  accessKeyId?: string;
  /** The edge's own base URL as the client reached it, e.g. http://127.0.0.1:4566 */
  endpoint: string;
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
