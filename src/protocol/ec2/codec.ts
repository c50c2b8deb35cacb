/**
 * @module protocol/ec2/codec
 * EC2's dialect of the Query protocol: form-encoded `Action`/`Version` in (members by queryName,
 * lists always flattened), EC2-style XML out, errors as `<Response><Errors>`.
 */
import type { Codec } from '../codecs.ts';
import { parseQueryRequest } from '../query/parser.ts';
import { ec2ErrorCodec } from './errors.ts';
import { serializeEc2Output } from './serializer.ts';

export const ec2Codec: Codec = {
  decode: (model, request) => parseQueryRequest(model, request.body, 'ec2'),
  encode: serializeEc2Output,
  encodeError: ec2ErrorCodec.encodeError,
};
