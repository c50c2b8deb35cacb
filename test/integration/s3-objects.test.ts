/**
 * S3 through SDK v3 with its default checksum behaviour: buckets, objects with their metadata,
 * ranges and conditions, copies, deletes, listings, tags and errors in S3's own shapes.
 */
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { failure } from '../support/logs.ts';
import { s3Client, text } from '../support/s3.ts';
import { startTestSlipway, type TestSlipway } from '../support/slipway.ts';

describe('S3 objects (SDK v3)', () => {
  let slipway: TestSlipway;
  let s3: S3Client;

  before(async () => {
    slipway = await startTestSlipway();
    s3 = s3Client(slipway.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: 'objects' }));
  });
  after(() => slipway.close());

  it('creates, heads, locates and lists buckets; a second create in another region is BucketAlreadyOwnedByYou', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'second' }));
    await s3.send(new HeadBucketCommand({ Bucket: 'second' }));
    const list = await s3.send(new ListBucketsCommand({}));
    assert.deepEqual(
      list.Buckets?.map((b) => b.Name),
      ['objects', 'second'],
    );
    assert.equal((await s3.send(new GetBucketLocationCommand({ Bucket: 'second' }))).LocationConstraint, undefined);
    const eu = s3Client(slipway.endpoint, 'eu-west-1');
    await eu.send(new CreateBucketCommand({ Bucket: 'in-ireland', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    assert.equal((await eu.send(new GetBucketLocationCommand({ Bucket: 'in-ireland' }))).LocationConstraint, 'eu-west-1');
    const again = await failure(
      eu.send(new CreateBucketCommand({ Bucket: 'second', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } })),
    );
    assert.equal(again.name, 'BucketAlreadyOwnedByYou');
    const bad = await failure(s3.send(new CreateBucketCommand({ Bucket: 'Not_Valid' })));
    assert.equal(bad.name, 'InvalidBucketName');
    const wrongRegion = await failure(
      eu.send(new CreateBucketCommand({ Bucket: 'nowhere-bucket', CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } })),
    );
    assert.equal(wrongRegion.name, 'IllegalLocationConstraintException');
    assert.equal((await s3.send(new ListBucketsCommand({}))).Buckets?.length, 3, 'refused creates wrote nothing');
    await s3.send(new DeleteBucketCommand({ Bucket: 'second' }));
  });

  it('a call signed for s3 on /v2/… is S3 (a bucket name), while unsigned /v2/ stays the registry', async () => {
    assert.equal((await failure(s3.send(new CreateBucketCommand({ Bucket: 'v2' })))).name, 'InvalidBucketName');
    assert.equal((await failure(s3.send(new GetObjectCommand({ Bucket: 'v2', Key: 'x' })))).name, 'NoSuchBucket');
    const registry = await fetch(`${slipway.endpoint}/v2/`);
    assert.notEqual(registry.headers.get('docker-distribution-api-version'), null);
  });

  it('keeps the body, Content-Type and metadata; ETag is the MD5; a streamed body arrives aws-chunked with its CRC32 trailer', async () => {
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: 'objects',
        Key: 'docs/a b+c.txt',
        Body: 'hello world',
        ContentType: 'text/plain',
        Metadata: { owner: 'team-a' },
      }),
    );
    assert.equal(put.ETag, `"${createHash('md5').update('hello world').digest('hex')}"`);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'docs/a b+c.txt', ChecksumMode: 'ENABLED' }));
    assert.equal(await text(got.Body), 'hello world');
    assert.equal(got.ContentType, 'text/plain');
    assert.deepEqual(got.Metadata, { owner: 'team-a' });
    assert.equal(got.ContentLength, 11);
    assert.ok(got.ChecksumCRC32, 'the CRC32 the SDK sent is given back');
    const bytes = Buffer.alloc(300_000, 7);
    const streamed = await s3.send(
      new PutObjectCommand({
        Bucket: 'objects',
        Key: 'streamed',
        Body: Readable.from([bytes.subarray(0, 100_000), bytes.subarray(100_000)]),
        ContentLength: bytes.length,
      }),
    );
    assert.equal(streamed.ETag, `"${createHash('md5').update(bytes).digest('hex')}"`);
    const back = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'streamed' }));
    assert.ok(Buffer.from(await back.Body!.transformToByteArray()).equals(bytes));
  });

  it('a body whose checksum does not match is BadDigest and writes nothing', async () => {
    const wrong = await failure(
      s3.send(
        new PutObjectCommand({
          Bucket: 'objects',
          Key: 'bad',
          Body: 'abc',
          ChecksumSHA256: createHash('sha256').update('xyz').digest('base64'),
        }),
      ),
    );
    assert.equal(wrong.name, 'BadDigest');
    const md5 = await failure(
      s3.send(
        new PutObjectCommand({ Bucket: 'objects', Key: 'bad', Body: 'abc', ContentMD5: createHash('md5').update('xyz').digest('base64') }),
      ),
    );
    assert.equal(md5.name, 'BadDigest');
    assert.equal((await failure(s3.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'bad' })))).name, 'NotFound');
    const sha1 = await s3.send(new PutObjectCommand({ Bucket: 'objects', Key: 'sha1', Body: 'abc', ChecksumAlgorithm: 'SHA1' }));
    assert.equal(sha1.ChecksumSHA1, createHash('sha1').update('abc').digest('base64'));
    const c = await s3.send(new PutObjectCommand({ Bucket: 'objects', Key: 'crc32c', Body: '123456789', ChecksumAlgorithm: 'CRC32C' }));
    assert.equal(Buffer.from(c.ChecksumCRC32C!, 'base64').toString('hex'), 'e3069283');
    const nvme = await s3.send(
      new PutObjectCommand({ Bucket: 'objects', Key: 'crc64', Body: '123456789', ChecksumAlgorithm: 'CRC64NVME' }),
    );
    assert.equal(Buffer.from(nvme.ChecksumCRC64NVME!, 'base64').toString('hex'), 'ae8b14860a799888');
  });

  it('reads ranges, and answers conditions with 304 and PreconditionFailed', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'objects', Key: 'digits', Body: '0123456789' }));
    const part = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'digits', Range: 'bytes=2-4' }));
    assert.equal(await text(part.Body), '234');
    assert.equal(part.ContentRange, 'bytes 2-4/10');
    assert.equal(await text((await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'digits', Range: 'bytes=-3' }))).Body), '789');
    assert.equal(
      (await failure(s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'digits', Range: 'bytes=20-' })))).name,
      'InvalidRange',
    );
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'digits' }));
    const notModified = await failure(s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'digits', IfNoneMatch: head.ETag })));
    assert.equal((notModified as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode, 304);
    assert.equal(
      (await failure(s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'digits', IfMatch: '"0000"' })))).name,
      'PreconditionFailed',
    );
    const later = new Date(head.LastModified!.getTime() + 1000);
    assert.equal(
      (
        await failure(
          s3.send(
            new GetObjectCommand({ Bucket: 'objects', Key: 'digits', IfUnmodifiedSince: new Date(head.LastModified!.getTime() - 1000) }),
          ),
        )
      ).name,
      'PreconditionFailed',
    );
    assert.equal(
      await text((await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'digits', IfUnmodifiedSince: later }))).Body),
      '0123456789',
    );
    const exists = await failure(s3.send(new PutObjectCommand({ Bucket: 'objects', Key: 'digits', Body: 'x', IfNoneMatch: '*' })));
    assert.equal(exists.name, 'PreconditionFailed');
    assert.equal(
      await text((await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'digits' }))).Body),
      '0123456789',
      'the refused write changed nothing',
    );
  });

  it('copies with metadata kept or replaced, refuses a copy onto itself unchanged, and tags objects', async () => {
    await s3.send(
      new PutObjectCommand({ Bucket: 'objects', Key: 'src', Body: 'copy me', ContentType: 'text/x-src', Metadata: { a: '1' } }),
    );
    const copied = await s3.send(new CopyObjectCommand({ Bucket: 'objects', Key: 'dst', CopySource: 'objects/src' }));
    assert.equal(copied.CopyObjectResult?.ETag, `"${createHash('md5').update('copy me').digest('hex')}"`);
    const dst = await s3.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'dst' }));
    assert.equal(dst.ContentType, 'text/x-src');
    assert.deepEqual(dst.Metadata, { a: '1' });
    await s3.send(
      new CopyObjectCommand({
        Bucket: 'objects',
        Key: 'dst',
        CopySource: 'objects/src',
        MetadataDirective: 'REPLACE',
        ContentType: 'text/plain',
        Metadata: { b: '2' },
      }),
    );
    assert.deepEqual((await s3.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'dst' }))).Metadata, { b: '2' });
    assert.equal(
      (await failure(s3.send(new CopyObjectCommand({ Bucket: 'objects', Key: 'src', CopySource: 'objects/src' })))).name,
      'InvalidRequest',
    );
    assert.equal(
      (await failure(s3.send(new CopyObjectCommand({ Bucket: 'objects', Key: 'x', CopySource: 'objects/missing' })))).name,
      'NoSuchKey',
    );
    await s3.send(new PutObjectTaggingCommand({ Bucket: 'objects', Key: 'src', Tagging: { TagSet: [{ Key: 'stage', Value: 'beta' }] } }));
    assert.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: 'objects', Key: 'src' }))).TagSet, [
      { Key: 'stage', Value: 'beta' },
    ]);
    const dup = await failure(
      s3.send(
        new PutObjectTaggingCommand({
          Bucket: 'objects',
          Key: 'src',
          Tagging: {
            TagSet: [
              { Key: 'k', Value: '1' },
              { Key: 'k', Value: '2' },
            ],
          },
        }),
      ),
    );
    assert.equal(dup.name, 'InvalidTag');
    assert.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: 'objects', Key: 'src' }))).TagSet, [
      { Key: 'stage', Value: 'beta' },
    ]);
  });

  it('lists with prefix, delimiter and continuation (V2 and V1)', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'listing' }));
    const keys = ['a/1', 'a/2', 'b/1', 'c', 'd/e/f', 'é'];
    for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket: 'listing', Key, Body: Key }));
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', Delimiter: '/', MaxKeys: 2, ContinuationToken: token }));
      seen.push(...(page.CommonPrefixes ?? []).map((p) => p.Prefix!), ...(page.Contents ?? []).map((o) => o.Key!));
      token = page.NextContinuationToken;
    } while (token);
    assert.deepEqual(seen.sort(), ['a/', 'b/', 'c', 'd/', 'é']);
    const a = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', Prefix: 'a/' }));
    assert.deepEqual(
      a.Contents?.map((o) => o.Key),
      ['a/1', 'a/2'],
    );
    assert.equal(a.KeyCount, 2);
    const v1 = await s3.send(new ListObjectsCommand({ Bucket: 'listing', Marker: 'b/1' }));
    assert.deepEqual(
      v1.Contents?.map((o) => o.Key),
      ['c', 'd/e/f', 'é'],
    );
    const deleted = await s3.send(new DeleteObjectsCommand({ Bucket: 'listing', Delete: { Objects: keys.map((Key) => ({ Key })) } }));
    assert.equal(deleted.Deleted?.length, keys.length);
    assert.equal((await s3.send(new ListObjectsV2Command({ Bucket: 'listing' }))).KeyCount, 0);
    await s3.send(new DeleteBucketCommand({ Bucket: 'listing' }));
  });

  it("answers S3's errors: NoSuchBucket, NoSuchKey, BucketNotEmpty", async () => {
    const noBucket = await failure(s3.send(new GetObjectCommand({ Bucket: 'nope-bucket', Key: 'k' })));
    assert.equal(noBucket.name, 'NoSuchBucket');
    assert.equal((await failure(s3.send(new PutObjectCommand({ Bucket: 'nope-bucket', Key: 'k', Body: 'x' })))).name, 'NoSuchBucket');
    assert.equal((await failure(s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'missing' })))).name, 'NoSuchKey');
    assert.equal((await failure(s3.send(new DeleteBucketCommand({ Bucket: 'objects' })))).name, 'BucketNotEmpty');
    assert.equal((await failure(s3.send(new HeadBucketCommand({ Bucket: 'nope-bucket' })))).name, 'NotFound');
  });
});
