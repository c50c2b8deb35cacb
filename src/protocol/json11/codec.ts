/**
 * @module protocol/json11/codec
 * The AWS JSON 1.1 and 1.0 codec (ECS, ECR, CodeBuild; connections): operation from X-Amz-Target, JSON in and out.
 */
import type { Codec } from '../codecs.ts';
import { parseJsonRequest } from './parser.ts';
import { serializeJsonError, serializeJsonOutput } from './serializer.ts';

export const json11Codec: Codec = {
  decode: (model, request) => parseJsonRequest(model, request.target ?? '', request.body),
  encode: (model, operation, output, requestId) => serializeJsonOutput(model, model.operations[operation].output?.shape, output, requestId),
  encodeError: (model, err, requestId) => serializeJsonError(err, requestId, model?.metadata.jsonVersion),
};
