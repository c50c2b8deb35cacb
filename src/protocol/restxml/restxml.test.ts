import type { IncomingMessage } from 'node:http';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { loadModel } from '../model.ts';
import { AwsChunkedDecoder, ChunkedError } from './chunked.ts';
import { createChecksum } from './checksums.ts';
import { decodeInput } from './parser.ts';
import { operationFor } from './routes.ts';
import { parseXml, XmlError } from './xml.ts';

const s3 = loadModel('s3');
const route = (method: string, depth: 0 | 1 | 2, query = '', headers: Record<string, string> = {}) =>
  operationFor(s3, { method, depth, query: new URLSearchParams(query), headers });

async function decode(pieces: string[], announced = ''): Promise<{ body: string; trailers: Map<string, string> }> {
  const decoder = new AwsChunkedDecoder(announced);
  const chunks: Buffer[] = [];
  for await (const c of Readable.from(pieces.map((p) => Buffer.from(p))).pipe(decoder)) chunks.push(c as Buffer);
  return { body: Buffer.concat(chunks).toString(), trailers: decoder.trailers };
}

describe('REST-XML routes, told from the model', () => {
  it('tells apart the operations that share a method and path by their query and headers', () => {
    assert.equal(route('PUT', 2), 'PutObject');
    assert.equal(route('PUT', 2, '', { 'x-amz-copy-source': 'b/k' }), 'CopyObject');
    assert.equal(route('PUT', 2, 'partNumber=1&uploadId=u'), 'UploadPart');
    assert.equal(route('PUT', 2, 'partNumber=1&uploadId=u', { 'x-amz-copy-source': 'b/k' }), 'UploadPartCopy');
    assert.equal(route('POST', 2, 'uploads'), 'CreateMultipartUpload');
    assert.equal(route('POST', 2, 'uploadId=u'), 'CompleteMultipartUpload');
    assert.equal(route('GET', 1), 'ListObjects');
    assert.equal(route('GET', 1, 'list-type=2&prefix=a'), 'ListObjectsV2');
    assert.equal(route('GET', 1, 'versions'), 'ListObjectVersions');
    assert.equal(route('GET', 0), 'ListBuckets');
    assert.equal(route('GET', 2, 'versionId=v'), 'GetObject');
    assert.equal(route('POST', 1), undefined);
  });
});

describe('aws-chunked bodies', () => {
  it('decodes signed and unsigned chunks, however the bytes are split, and keeps the trailers', async () => {
    const framed =
      '5;chunk-signature=ab\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\nx-amz-trailer-signature:00\r\n\r\n';
    for (const split of [1, 3, 7, framed.length]) {
      const pieces = framed.match(new RegExp(`[\\s\\S]{1,${split}}`, 'g'))!;
      const { body, trailers } = await decode(pieces, 'x-amz-checksum-crc32');
      assert.equal(body, 'hello world');
      assert.equal(trailers.get('x-amz-checksum-crc32'), 'DUoRhQ==');
    }
  });

  it('refuses a trailer that was not announced, or an announced one that never came, as S3 does', async () => {
    const refused = { name: 'AwsError', code: 'MalformedTrailerError' };
    await assert.rejects(decode(['5\r\nhello\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n']), refused);
    await assert.rejects(decode(['5\r\nhello\r\n0\r\n\r\n'], 'x-amz-checksum-crc32'), refused);
  });

  it('refuses a body cut short, a bad size line, or a chunk longer than its size', async () => {
    for (const bad of ['5\r\nhel', 'zz\r\nhello\r\n0\r\n\r\n', '2\r\nhello\r\n0\r\n\r\n']) {
      await assert.rejects(decode([bad]), ChunkedError, bad);
    }
  });
});

describe('REST-XML inputs', () => {
  it('keeps a metadata header named __proto__ as a key', async () => {
    const request = (headers: Record<string, string>, text: string) => ({
      labels: { Bucket: 'b', Key: 'k' },
      query: new URLSearchParams(),
      req: { headers } as unknown as IncomingMessage,
      body: Readable.from([]),
      text: async () => text,
    });
    const put = await decodeInput(s3, 'PutObject', request({ 'x-amz-meta-__proto__': 'p', 'x-amz-meta-a': 'b' }, ''));
    assert.deepEqual(Object.entries(put.input.Metadata as object), [
      ['__proto__', 'p'],
      ['a', 'b'],
    ]);
    assert.equal(Object.getPrototypeOf(put.input.Metadata), Object.prototype);
  });
});

describe('XML bodies', () => {
  it('reads elements and text with entities, namespaces aside', () => {
    const root = parseXml(
      '<?xml version="1.0"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key>a&amp;b</Key></Object><Quiet>true</Quiet></Delete>',
    );
    assert.equal(root.name, 'Delete');
    assert.equal(root.children[0].children[0].text, 'a&b');
  });

  it('refuses a DOCTYPE and malformed documents', () => {
    for (const bad of ['<!DOCTYPE x [<!ENTITY e "x">]><a>&e;</a>', '<a><b></a>', '<a>', 'text', '<a/><b/>'])
      assert.throws(() => parseXml(bad), XmlError, bad);
  });

  it('reads character references, and refuses one naming no XML character', () => {
    assert.equal(parseXml('<a>&#x1F600;&#65;&#xa;</a>').text, '\u{1F600}A\n');
    for (const bad of ['<a>&#x110000;</a>', '<a>&#99999999999;</a>', '<a>&#0;</a>', '<a>&#xD800;</a>', '<a>&#xFFFE;</a>'])
      assert.throws(() => parseXml(bad), XmlError, bad);
  });
});

describe('checksums', () => {
  it('give the catalogued check values for "123456789", however the bytes are split', () => {
    const check = { CRC32: 'cbf43926', CRC32C: 'e3069283', CRC64NVME: 'ae8b14860a799888' } as const;
    for (const [algorithm, hex] of Object.entries(check)) {
      for (const pieces of [['123456789'], ['1', '2345', '6789']]) {
        const sum = createChecksum(algorithm as keyof typeof check);
        for (const p of pieces) sum.update(Buffer.from(p));
        assert.equal(Buffer.from(sum.digest(), 'base64').toString('hex'), hex, algorithm);
      }
    }
  });
});
