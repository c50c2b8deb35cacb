/**
 * @module protocol/query/codec
 * The AWS Query codec (ELBv2): form-encoded `Action`/`Version` in, XML out.
 */
import type { Codec } from '../codecs.ts';
import type { ServiceModel } from '../model.ts';
import { parseQueryRequest } from './parser.ts';
import { serializeQueryError, serializeQueryOutput } from './serializer.ts';

/** Errors for a Query caller whose service Slipway does not serve: no namespace, no modelled codes. */
const noService: ServiceModel = {
  key: '',
  metadata: { apiVersion: '', protocol: 'query', endpointPrefix: '', serviceId: '' },
  operations: {},
  shapes: {},
};

export const queryCodec: Codec = {
  decode: (model, request) => parseQueryRequest(model, request.body),
  encode: (model, operation, output, requestId) => serializeQueryOutput(model, operation, output, requestId),
  encodeError: (model, err, requestId) => serializeQueryError(model ?? noService, err, requestId),
};
