/**
 * @module protocol/dispatch
 * The one seam every API request runs through: decode → validate against the model → handler →
 * serialize from the output shape. A modelled operation with no handler answers 501 naming it;
 * an unexpected exception is logged and answers InternalFailure.
 */
import { AwsError } from '../core/errors.ts';
import { logger } from '../core/log.ts';
import { parseJsonRequest } from './json11/parser.ts';
import { serializeJsonError, serializeJsonOutput } from './json11/serializer.ts';
import type { ApiService, RequestContext, WireResponse } from './types.ts';
import { validateInput } from './validate.ts';

const log = logger('api');

export interface Codec {
  decode(service: ApiService, request: { target?: string; body: string }): { operation: string; input: unknown };
  encode(service: ApiService, operation: string, output: unknown, requestId: string): WireResponse;
  encodeError(service: ApiService, err: AwsError, requestId: string): WireResponse;
}

const json11: Codec = {
  decode: (service, request) => parseJsonRequest(service.model, request.target ?? '', request.body),
  encode: (service, operation, output, requestId) =>
    serializeJsonOutput(service.model, service.model.operations[operation].output?.shape, output, requestId),
  encodeError: (_service, err, requestId) => serializeJsonError(err, requestId),
};

const codecs: Record<string, Codec> = { json: json11 };

export function codecFor(service: ApiService): Codec {
  const codec = codecs[service.model.metadata.protocol];
  if (!codec) throw new Error(`no codec for protocol ${service.model.metadata.protocol}`);
  return codec;
}

export function registerCodec(protocol: string, codec: Codec): void {
  codecs[protocol] = codec;
}

export async function dispatch(service: ApiService, request: { target?: string; body: string }, ctx: RequestContext): Promise<WireResponse> {
  const codec = codecFor(service);
  let operation = '(unknown)';
  try {
    const decoded = codec.decode(service, request);
    operation = decoded.operation;
    const handler = service.handlers[operation];
    if (!handler) {
      throw new AwsError(
        'NotImplemented',
        `Slipway does not implement ${service.model.metadata.serviceId} ${operation} yet. ` +
          `The operations it serves are listed in the README; open an issue for this one.`,
        { status: 501 },
      );
    }
    const input = validateInput(service.model, service.model.operations[operation].input?.shape, decoded.input, service.validation);
    const output = await handler(input, ctx);
    return codec.encode(service, operation, output, ctx.requestId);
  } catch (err) {
    if (err instanceof AwsError) {
      log.debug(`${service.model.key}.${operation} → ${err.code}: ${err.message}`);
      return codec.encodeError(service, err, ctx.requestId);
    }
    log.error(`${service.model.key}.${operation} failed`, err);
    const failure = new AwsError('InternalFailure', `Slipway failed while handling ${operation}: ${(err as Error)?.message ?? err}. See the server log.`, {
      status: 500,
    });
    return codec.encodeError(service, failure, ctx.requestId);
  }
}
