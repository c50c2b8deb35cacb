/**
 * Multipart uploads through SDK v3: parts with their checksums, UploadPartCopy, ListParts,
 * ListMultipartUploads, S3's ETag, and every way CompleteMultipartUpload refuses (InvalidPart,
 * InvalidPartOrder, EntityTooSmall, NoSuchUpload) writing nothing.
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
  UploadPartCopyCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { failure } from '../support/logs.ts';
import { s3Client } from '../support/s3.ts';
import { startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const MiB = 1024 * 1024;
const md5 = (b: Buffer) => createHash('md5').update(b).digest();

describe('S3 multipart uploads (SDK v3)', () => {
  let slipway: TestSlipway;
  let s3: S3Client;
  const Bucket = 'parts';

  before(async () => {
    slipway = await startTestSlipway();
    s3 = s3Client(slipway.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket }));
  });
  after(() => slipway.close());

  it('assembles parts (one copied from another object) into one object with the multipart ETag and a full-object CRC32', async () => {
    const a = randomBytes(5 * MiB);
    const source = randomBytes(6 * MiB);
    const c = randomBytes(1234);
    await s3.send(new PutObjectCommand({ Bucket, Key: 'source', Body: source }));
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({
        Bucket,
        Key: 'assembled',
        ContentType: 'application/x-test',
        Metadata: { built: 'yes' },
        ChecksumAlgorithm: 'CRC32',
      }),
    );
    const p1 = await s3.send(
      new UploadPartCommand({ Bucket, Key: 'assembled', UploadId, PartNumber: 1, Body: a, ChecksumAlgorithm: 'CRC32' }),
    );
    assert.ok(p1.ChecksumCRC32);
    const p2 = await s3.send(
      new UploadPartCopyCommand({
        Bucket,
        Key: 'assembled',
        UploadId,
        PartNumber: 2,
        CopySource: `${Bucket}/source`,
        CopySourceRange: `bytes=0-${5 * MiB - 1}`,
      }),
    );
    const p3 = await s3.send(
      new UploadPartCommand({ Bucket, Key: 'assembled', UploadId, PartNumber: 3, Body: c, ChecksumAlgorithm: 'CRC32' }),
    );
    const listed = await s3.send(new ListPartsCommand({ Bucket, Key: 'assembled', UploadId }));
    assert.deepEqual(
      listed.Parts?.map((p) => [p.PartNumber, p.Size]),
      [
        [1, 5 * MiB],
        [2, 5 * MiB],
        [3, 1234],
      ],
    );
    const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket }));
    assert.deepEqual(
      uploads.Uploads?.map((u) => u.UploadId),
      [UploadId],
    );
    const done = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key: 'assembled',
        UploadId,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: p1.ETag, ChecksumCRC32: p1.ChecksumCRC32 },
            { PartNumber: 2, ETag: p2.CopyPartResult!.ETag },
            { PartNumber: 3, ETag: p3.ETag, ChecksumCRC32: p3.ChecksumCRC32 },
          ],
        },
      }),
    );
    const whole = Buffer.concat([a, source.subarray(0, 5 * MiB), c]);
    const expected = `"${createHash('md5')
      .update(Buffer.concat([md5(a), md5(source.subarray(0, 5 * MiB)), md5(c)]))
      .digest('hex')}-3"`;
    assert.equal(done.ETag, expected);
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'assembled', ChecksumMode: 'ENABLED' }));
    assert.ok(
      Buffer.from(await got.Body!.transformToByteArray()).equals(whole),
      'the SDK validated the CRC32 it was given, and the bytes match',
    );
    assert.equal(got.ContentType, 'application/x-test');
    assert.deepEqual(got.Metadata, { built: 'yes' });
    assert.equal(got.ETag, expected);
    const second = await s3.send(new GetObjectCommand({ Bucket, Key: 'assembled', PartNumber: 3 }));
    assert.ok(Buffer.from(await second.Body!.transformToByteArray()).equals(c), 'part 3 alone');
    assert.deepEqual([second.ContentRange, second.PartsCount], [`bytes ${10 * MiB}-${10 * MiB + 1233}/${whole.length}`, 3]);
    assert.equal((await failure(s3.send(new GetObjectCommand({ Bucket, Key: 'assembled', PartNumber: 4 })))).name, 'InvalidPartNumber');
    assert.deepEqual((await s3.send(new ListMultipartUploadsCommand({ Bucket }))).Uploads ?? [], [], 'the upload is gone once complete');
    assert.equal((await failure(s3.send(new ListPartsCommand({ Bucket, Key: 'assembled', UploadId })))).name, 'NoSuchUpload');
  });

  it('refuses bad completions with InvalidPart, InvalidPartOrder and EntityTooSmall, and leaves the upload as it was', async () => {
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'refused' }));
    const small = await s3.send(new UploadPartCommand({ Bucket, Key: 'refused', UploadId, PartNumber: 1, Body: 'too small' }));
    const last = await s3.send(new UploadPartCommand({ Bucket, Key: 'refused', UploadId, PartNumber: 2, Body: 'end' }));
    const complete = (Parts: { PartNumber: number; ETag?: string }[]) =>
      s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'refused', UploadId, MultipartUpload: { Parts } }));
    assert.equal(
      (
        await failure(
          complete([
            { PartNumber: 1, ETag: small.ETag },
            { PartNumber: 3, ETag: last.ETag },
          ]),
        )
      ).name,
      'InvalidPart',
    );
    assert.equal((await failure(complete([{ PartNumber: 1, ETag: '"00000000000000000000000000000000"' }]))).name, 'InvalidPart');
    assert.equal(
      (
        await failure(
          complete([
            { PartNumber: 2, ETag: last.ETag },
            { PartNumber: 1, ETag: small.ETag },
          ]),
        )
      ).name,
      'InvalidPartOrder',
    );
    assert.equal(
      (
        await failure(
          complete([
            { PartNumber: 1, ETag: small.ETag },
            { PartNumber: 2, ETag: last.ETag },
          ]),
        )
      ).name,
      'EntityTooSmall',
    );
    const badPart = await failure(s3.send(new UploadPartCommand({ Bucket, Key: 'refused', UploadId, PartNumber: 10001, Body: 'x' })));
    assert.equal(badPart.name, 'InvalidArgument');
    assert.equal((await failure(s3.send(new HeadObjectCommand({ Bucket, Key: 'refused' })))).name, 'NotFound');
    assert.equal((await s3.send(new ListPartsCommand({ Bucket, Key: 'refused', UploadId }))).Parts?.length, 2);
    await s3.send(new AbortMultipartUploadCommand({ Bucket, Key: 'refused', UploadId }));
    assert.equal(
      (await failure(s3.send(new UploadPartCommand({ Bucket, Key: 'refused', UploadId, PartNumber: 1, Body: 'x' })))).name,
      'NoSuchUpload',
    );
    assert.equal((await failure(complete([{ PartNumber: 1, ETag: small.ETag }]))).name, 'NoSuchUpload');
  });

  it('a part whose checksum does not match is BadDigest and is not kept', async () => {
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'checked', ChecksumAlgorithm: 'SHA256' }));
    const bad = await failure(
      s3.send(
        new UploadPartCommand({
          Bucket,
          Key: 'checked',
          UploadId,
          PartNumber: 1,
          Body: 'part',
          ChecksumSHA256: createHash('sha256').update('other').digest('base64'),
        }),
      ),
    );
    assert.equal(bad.name, 'BadDigest');
    assert.deepEqual((await s3.send(new ListPartsCommand({ Bucket, Key: 'checked', UploadId }))).Parts ?? [], []);
    await s3.send(new AbortMultipartUploadCommand({ Bucket, Key: 'checked', UploadId }));
  });
});
