/**
 * @module protocol/restxml/errors
 * Errors for REST-XML callers (S3), in S3's shape, which the SDKs' REST-XML parsers read for every
 * REST-XML service:
 *
 *   <Error><Code/><Message/><RequestId/></Error>
 */
import type { ErrorCodec } from '../codecs.ts';
import { escape } from '../query/serializer.ts';

export const restXmlErrorCodec: ErrorCodec = {
  encodeError: (_model, err, requestId) => ({
    status: err.status,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escape(err.code)}</Code><Message>${escape(err.message)}</Message>` +
      `<RequestId>${escape(requestId)}</RequestId></Error>`,
  }),
};
