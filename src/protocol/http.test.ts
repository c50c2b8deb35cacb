import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { describe, it } from 'node:test';
import { PassThrough } from 'node:stream';
import { readBody } from './http.ts';

/** A request body that arrives in the given chunks, then ends (or is cut short). */
function body(chunks: string[], end: 'end' | 'abort' | 'error' = 'end'): IncomingMessage & PassThrough {
  const stream = new PassThrough();
  setImmediate(() => {
    for (const c of chunks) stream.write(c);
    if (end === 'end') stream.end();
    else if (end === 'abort') stream.destroy();
    else stream.destroy(new Error('socket hang up'));
  });
  return stream as unknown as IncomingMessage & PassThrough;
}

describe('readBody', () => {
  it('gives the whole body, however it was cut into chunks', async () => {
    assert.equal((await readBody(body(['{"a":', '1}'], 'end'), 100)).toString(), '{"a":1}');
    assert.equal((await readBody(body([]), 100)).length, 0);
  });

  it('is RequestEntityTooLarge (413) past the limit, once the body has been read to its end', async () => {
    const req = body(['x'.repeat(60), 'x'.repeat(60)]);
    await assert.rejects(readBody(req, 100), { code: 'RequestEntityTooLarge', status: 413 });
    assert.equal(req.readableEnded, true);
  });

  it('stops reading and cuts the connection past four times the limit', async () => {
    const req = body(Array.from({ length: 10 }, () => 'x'.repeat(50)));
    await assert.rejects(readBody(req, 100), { code: 'RequestEntityTooLarge' });
    assert.equal(req.destroyed, true);
  });

  it('is IncompleteBody when the connection closes or fails before the end', async () => {
    await assert.rejects(readBody(body(['{"a":'], 'abort'), 100), { code: 'IncompleteBody' });
    await assert.rejects(readBody(body(['{"a":'], 'error'), 100), { code: 'IncompleteBody', message: /socket hang up/ });
  });
});
