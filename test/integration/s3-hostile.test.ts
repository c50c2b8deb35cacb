/**
 * S3 refusing what no client should send, with S3's own errors and nothing written: a body whose
 * declared length or digest cannot be right, aws-chunked framing that does not hold on a call
 * refused before its body is read, part numbers out of range, metadata past 2 KB, an
 * undecodable x-amz-tagging header, and sizes or offsets below zero.
 */
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketTaggingCommand,
  GetBucketTaggingCommand,
  PutObjectCommand,
  type S3Client,
  type S3ServiceException,
} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { failure } from '../support/logs.ts';
import { rawRequest } from '../support/raw.ts';
import { s3Client, text } from '../support/s3.ts';
import { startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const signed = {
  authorization: `AWS4-HMAC-SHA256 Credential=test/20261206/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
  'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
};
const TAGGING =
  '<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>';
const codeOf = (xml: string) => /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];
const statusOf = (err: unknown) => (err as S3ServiceException).$metadata.httpStatusCode;

describe('S3 under hostile input', () => {
  let slipway: TestSlipway;
  let s3: S3Client;

  before(async () => {
    slipway = await startTestSlipway();
    s3 = s3Client(slipway.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: 'hostile' }));
    await s3.send(new PutObjectCommand({ Bucket: 'hostile', Key: 'plain', Body: 'twelve bytes' }));
  });
  after(() => slipway.close());

  it('an XML body declared far past what S3 takes is MaxMessageLengthExceeded at once, not waited for', async () => {
    const reply = await rawRequest(slipway.endpoint, {
      method: 'PUT',
      path: '/hostile?tagging',
      headers: { ...signed, 'content-length': '99999999999' },
      body: TAGGING,
      signal: AbortSignal.timeout(20_000),
    });
    assert.equal(reply.status, 400);
    assert.equal(codeOf(reply.text), 'MaxMessageLengthExceeded');
    assert.equal((await failure(s3.send(new GetBucketTaggingCommand({ Bucket: 'hostile' })))).name, 'NoSuchTagSet');
  });

  it('an XML body is held to its Content-MD5 and x-amz-checksum-* headers; what the SDK sends passes', async () => {
    const put = (headers: Record<string, string>) =>
      rawRequest(slipway.endpoint, { method: 'PUT', path: '/hostile?tagging', headers: { ...signed, ...headers }, body: TAGGING });
    const malformed = await put({ 'content-md5': 'not an md5' });
    assert.deepEqual([malformed.status, codeOf(malformed.text)], [400, 'InvalidDigest']);
    const wrong = await put({ 'content-md5': createHash('md5').update('other').digest('base64') });
    assert.deepEqual([wrong.status, codeOf(wrong.text)], [400, 'BadDigest']);
    const crc = await put({ 'x-amz-checksum-crc32': 'AAAAAQ==' });
    assert.deepEqual([crc.status, codeOf(crc.text)], [400, 'BadDigest']);
    assert.equal((await failure(s3.send(new GetBucketTaggingCommand({ Bucket: 'hostile' })))).name, 'NoSuchTagSet', 'nothing was written');
    const right = await put({ 'content-md5': createHash('md5').update(TAGGING).digest('base64') });
    assert.equal(right.status, 200, right.text);
    await s3.send(new PutBucketTaggingCommand({ Bucket: 'hostile', Tagging: { TagSet: [{ Key: 'by', Value: 'sdk' }] } }));
    assert.deepEqual((await s3.send(new GetBucketTaggingCommand({ Bucket: 'hostile' }))).TagSet, [{ Key: 'by', Value: 'sdk' }]);
  });

  it('bad aws-chunked framing on a call refused before its body is read leaves the server answering', async () => {
    const chunked = {
      ...signed,
      'content-encoding': 'aws-chunked',
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      'x-amz-decoded-content-length': '5',
    };
    for (let i = 0; i < 3; i++) {
      const reply = await rawRequest(slipway.endpoint, {
        method: 'PUT',
        path: '/no-such-bucket/k',
        headers: chunked,
        body: 'zz\r\nhello\r\n0\r\n\r\n',
      });
      assert.equal(codeOf(reply.text), 'NoSuchBucket');
    }
    assert.equal(await text((await s3.send(new GetObjectCommand({ Bucket: 'hostile', Key: 'plain' }))).Body), 'twelve bytes');
  });

  it("a part number is 1–10000; one past the object's parts is InvalidPartNumber; part 1 of a plain object is all of it", async () => {
    for (const PartNumber of [0, 10001]) {
      const err = await failure(s3.send(new GetObjectCommand({ Bucket: 'hostile', Key: 'plain', PartNumber })));
      assert.equal(err.name, 'InvalidArgument', String(PartNumber));
    }
    const past = await failure(s3.send(new GetObjectCommand({ Bucket: 'hostile', Key: 'plain', PartNumber: 2 })));
    assert.equal(past.name, 'InvalidPartNumber');
    assert.equal(statusOf(past), 416);
    assert.equal(statusOf(await failure(s3.send(new HeadObjectCommand({ Bucket: 'hostile', Key: 'plain', PartNumber: 3 })))), 416);
    assert.equal(
      await text((await s3.send(new GetObjectCommand({ Bucket: 'hostile', Key: 'plain', PartNumber: 1 }))).Body),
      'twelve bytes',
    );
    const both = await failure(s3.send(new GetObjectCommand({ Bucket: 'hostile', Key: 'plain', PartNumber: 1, Range: 'bytes=0-1' })));
    assert.equal(both.name, 'InvalidRequest');
  });

  it('metadata past 2 KB, an undecodable x-amz-tagging or an append offset is refused and writes nothing', async () => {
    const refused = async (input: Partial<ConstructorParameters<typeof PutObjectCommand>[0]>, code: string) => {
      const err = await failure(s3.send(new PutObjectCommand({ Bucket: 'hostile', Key: 'never', Body: 'x', ...input })));
      assert.equal(err.name, code, JSON.stringify(input).slice(0, 80));
    };
    await refused({ Metadata: { big: 'm'.repeat(2100) } }, 'MetadataTooLarge');
    await refused({ Tagging: '%ZZ=1' }, 'InvalidArgument');
    await refused({ WriteOffsetBytes: 0 }, 'InvalidArgument');
    await refused({ WriteOffsetBytes: -1 }, 'InvalidArgument');
    assert.equal(statusOf(await failure(s3.send(new HeadObjectCommand({ Bucket: 'hostile', Key: 'never' })))), 404);
    await s3.send(new PutObjectCommand({ Bucket: 'hostile', Key: 'meta', Body: 'x', Metadata: { fits: 'm'.repeat(2000) } }));
  });

  it('a delete conditioned on a size below zero is InvalidArgument, and the object stays', async () => {
    assert.equal(
      (await failure(s3.send(new DeleteObjectCommand({ Bucket: 'hostile', Key: 'plain', IfMatchSize: -1 })))).name,
      'InvalidArgument',
    );
    const many = await failure(
      s3.send(new DeleteObjectsCommand({ Bucket: 'hostile', Delete: { Objects: [{ Key: 'plain', Size: -2147483648 }] } })),
    );
    assert.equal(many.name, 'InvalidArgument');
    assert.equal(await text((await s3.send(new GetObjectCommand({ Bucket: 'hostile', Key: 'plain' }))).Body), 'twelve bytes');
  });

  it('a copy asking for a checksum algorithm S3 does not compute for it is served as a copy without one, never a 5xx', async () => {
    for (const algorithm of ['SHA512', 'MD5', 'XXHASH64']) {
      const reply = await rawRequest(slipway.endpoint, {
        method: 'PUT',
        path: `/hostile/copied-${algorithm}`,
        headers: { ...signed, 'x-amz-copy-source': '/hostile/plain', 'x-amz-checksum-algorithm': algorithm },
        signal: AbortSignal.timeout(20_000),
      });
      assert.equal(reply.status, 200, reply.text);
      const got = await s3.send(new GetObjectCommand({ Bucket: 'hostile', Key: `copied-${algorithm}`, ChecksumMode: 'ENABLED' }));
      assert.equal(await text(got.Body), 'twelve bytes');
    }
  });
});
