/**
 * @module protocol/dispatch
 * Runs one API call through its service: decode → validate against the model → handler →
 * serialize from the output shape, with the codec the model's protocol names. Operations and
 * handlers are looked up by own property only, so `__proto__` or `toString` is an unknown
 * operation like any other. A modelled operation with no handler answers 501 naming it; an
 * unexpected exception is logged with its stack and answers InternalFailure (500).
 */
import { AwsError } from '../core/errors.ts';
import { uuid, type Scope } from '../core/ids.ts';
import { logger } from '../core/log.ts';
import { codecFor } from './codecs.ts';
import type { ApiService, Handler, RequestContext, WireResponse } from './types.ts';
import { validateInput } from './validate.ts';

const log = logger('api');

export async function dispatch(
  service: ApiService,
  request: { target?: string; body: string },
  ctx: RequestContext,
): Promise<WireResponse> {
  const { model } = service;
  const codec = codecFor(model);
  let operation = '(unknown)';
  try {
    const decoded = codec.decode(model, request);
    operation = decoded.operation;
    const handler = handlerFor(service, operation);
    const input = validateInput(model, model.operations[operation].input?.shape, decoded.input, service.validation);
    ctx.authorize?.(operation, input);
    const output = await handler(input, ctx);
    return codec.encode(model, operation, output, ctx.requestId);
  } catch (err) {
    if (err instanceof AwsError) {
      log.debug(`${model.key}.${operation} → ${err.code}: ${err.message}`);
      return codec.encodeError(model, err, ctx.requestId);
    }
    log.error(`${model.key}.${operation} failed`, err);
    const failure = new AwsError(
      'InternalFailure',
      `Slipway failed while handling ${operation}: ${(err as Error)?.message ?? err}. See the server log.`,
      {
        status: 500,
      },
    );
    return codec.encodeError(model, failure, ctx.requestId);
  }
}

/**
 * Runs one operation for another room, in this process: the input is checked against the model
 * as a request's would be, then the handler answers with its typed output (or throws its AwsError).
 * A room's facade uses it to offer an operation exactly as its API serves it.
 */
export async function callOperation<O>(
  service: ApiService,
  operation: string,
  input: unknown,
  caller: { scope: Scope; endpoint: string },
): Promise<O> {
  const { model } = service;
  const handler = handlerFor(service, operation);
  const ctx: RequestContext = { ...caller.scope, requestId: uuid(), endpoint: caller.endpoint };
  return (await handler(validateInput(model, model.operations[operation]?.input?.shape, input, service.validation), ctx)) as O;
}

/** The service's handler for `operation` (an own property only), or 501 NotImplemented naming it. */
export function handlerFor(service: ApiService, operation: string): Handler<unknown, unknown> {
  const handler = Object.hasOwn(service.handlers, operation) ? service.handlers[operation] : undefined;
  if (handler) return handler;
  throw new AwsError(
    'NotImplemented',
    `Slipway does not implement ${service.model.metadata.serviceId} ${operation} yet. ` +
      `The README lists what each service serves ("What Slipway serves").`,
    { status: 501 },
  );
}
