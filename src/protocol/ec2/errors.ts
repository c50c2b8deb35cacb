/**
 * @module protocol/ec2/errors
 * Errors in EC2's dialect of the Query protocol, which botocore and the SDKs parse for EC2:
 *
 *   <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>
 */
import type { ErrorCodec } from '../codecs.ts';
import { xmlEscape } from '../query/serializer.ts';

export const ec2ErrorCodec: ErrorCodec = {
  encodeError: (_model, err, requestId) => ({
    status: err.status,
    headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId },
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${xmlEscape(err.code)}</Code><Message>${xmlEscape(err.message)}</Message>` +
      `</Error></Errors><RequestID>${xmlEscape(requestId)}</RequestID></Response>`,
  }),
};
