/**
 * @module protocol/codecs
 * The one codec table, keyed by a model's `metadata.protocol`. A codec reads a request into an
 * operation and input, and writes an output or an error the way that protocol's clients parse it.
 * EC2's dialect of Query has its own codec. REST-XML (S3) is in the error table; its calls, whose
 * bodies stream, are run by restxml/serve.ts from the raw request rather than through `Codec.decode`.
 */
import type { AwsError } from '../core/errors.ts';
import { ec2Codec } from './ec2/codec.ts';
import { json11Codec } from './json11/codec.ts';
import type { ServiceModel } from './model.ts';
import { queryCodec } from './query/codec.ts';
import { restXmlErrorCodec } from './restxml/errors.ts';
import type { WireResponse } from './types.ts';

export interface ErrorCodec {
  /** `model` is absent when the caller's service is not one Slipway serves. */
  encodeError(model: ServiceModel | undefined, err: AwsError, requestId: string): WireResponse;
}

export interface Codec extends ErrorCodec {
  decode(model: ServiceModel, request: { target?: string; body: string }): { operation: string; input: unknown };
  encode(model: ServiceModel, operation: string, output: unknown, requestId: string): WireResponse;
}

/** The protocols a caller can speak, as botocore's models name them. */
export type Protocol = 'json' | 'query' | 'ec2' | 'rest-xml';

const codecs: Readonly<Record<string, Codec>> = Object.freeze({ json: json11Codec, query: queryCodec, ec2: ec2Codec });
const errorCodecs: Readonly<Record<Protocol, ErrorCodec>> = Object.freeze({
  json: json11Codec,
  query: queryCodec,
  ec2: ec2Codec,
  'rest-xml': restXmlErrorCodec,
});

export function codecFor(model: ServiceModel): Codec {
  const protocol = model.metadata.protocol;
  if (!Object.hasOwn(codecs, protocol)) throw new Error(`no codec for protocol ${protocol} (${model.key})`);
  return codecs[protocol];
}

export function errorCodecFor(protocol: Protocol): ErrorCodec {
  return errorCodecs[protocol];
}
