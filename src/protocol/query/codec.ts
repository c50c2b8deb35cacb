/**
 * @module protocol/query/codec
 * The AWS Query codec (ELBv2) for dispatch: form-encoded `Action`/`Version` in, XML out.
 * A room serving a Query API registers it with `registerCodec('query', queryCodec)`.
 */
import type { Codec } from '../dispatch.ts';
import { parseQueryRequest } from './parser.ts';
import { serializeQueryError, serializeQueryOutput } from './serializer.ts';

export const queryCodec: Codec = {
  decode: (service, request) => parseQueryRequest(service.model, request.body),
  encode: (service, operation, output, requestId) => serializeQueryOutput(service.model, operation, output, requestId),
  encodeError: (service, err, requestId) => serializeQueryError(service.model, err, requestId),
};

/** True when a form body (or URL query) is a Query API call: it names an Action. */
export function queryAction(form: string): { action: string; version?: string } | undefined {
  const params = new URLSearchParams(form);
  const action = params.get('Action');
  return action ? { action, version: params.get('Version') ?? undefined } : undefined;
}
