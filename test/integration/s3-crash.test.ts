/**
 * Nothing acknowledged is lost and nothing half-written is ever seen: Slipway as a real process,
 * killed with -9 while a PutObject and an UploadPart are halfway through their bodies, then
 * started again; and clients that hang up halfway through a PutObject or a GetObject.
 */
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { get, request, type ClientRequest } from 'node:http';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { failure } from '../support/logs.ts';
import { s3Client } from '../support/s3.ts';
import { freePort, startSlipwayProcess, tempDataDir, waitFor, type SlipwayProcess } from '../support/slipway.ts';

const MiB = 1024 * 1024;
const dataDir = tempDataDir();
let slipway: SlipwayProcess | undefined;

after(async () => {
  await slipway?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts a signed PUT of `total` bytes and sends only `sent` of them; the request stays open. */
function halfPut(endpoint: string, path: string, total: number, sent: Buffer): ClientRequest {
  const url = new URL(endpoint);
  const req = request({
    host: url.hostname,
    port: url.port,
    method: 'PUT',
    path,
    headers: {
      'content-length': total,
      'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0',
    },
  });
  req.on('error', () => {});
  req.write(sent);
  return req;
}

const staged = () => readdirSync(join(dataDir, 's3', 'incoming'));
const stagedBytes = () => staged().reduce((n, f) => n + statSync(join(dataDir, 's3', 'incoming', f)).size, 0);

test('kill -9 mid-PutObject and mid-UploadPart: acknowledged objects and parts survive, half-sent ones never appear', async () => {
  const port = await freePort();
  slipway = await startSlipwayProcess(dataDir, port);
  let s3 = s3Client(slipway.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: 'crash' }));
  const kept = randomBytes(2 * MiB);
  await s3.send(new PutObjectCommand({ Bucket: 'crash', Key: 'kept', Body: kept }));
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'crash', Key: 'multi' }));
  const part1 = randomBytes(5 * MiB);
  const p1 = await s3.send(new UploadPartCommand({ Bucket: 'crash', Key: 'multi', UploadId, PartNumber: 1, Body: part1 }));

  // An overwrite of `kept`, a new key and a second part, each cut off halfway through its body.
  halfPut(slipway.endpoint, '/crash/kept', 8 * MiB, randomBytes(3 * MiB));
  halfPut(slipway.endpoint, '/crash/half', 8 * MiB, randomBytes(3 * MiB));
  halfPut(slipway.endpoint, `/crash/multi?partNumber=2&uploadId=${UploadId}`, 8 * MiB, randomBytes(3 * MiB));
  await waitFor('the three bodies to be arriving on disk', async () => staged().length === 3 && stagedBytes() >= 9 * MiB - MiB);
  await slipway.kill('SIGKILL');

  slipway = await startSlipwayProcess(dataDir, port);
  s3 = s3Client(slipway.endpoint);
  assert.deepEqual(staged(), [], 'what was being received is swept at start');
  const back = await s3.send(new GetObjectCommand({ Bucket: 'crash', Key: 'kept' }));
  assert.ok(Buffer.from(await back.Body!.transformToByteArray()).equals(kept), 'the acknowledged object is whole and unchanged');
  assert.equal((await failure(s3.send(new HeadObjectCommand({ Bucket: 'crash', Key: 'half' })))).name, 'NotFound');
  const parts = await s3.send(new ListPartsCommand({ Bucket: 'crash', Key: 'multi', UploadId }));
  assert.deepEqual(
    parts.Parts?.map((p) => p.PartNumber),
    [1],
  );
  await s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: 'crash',
      Key: 'multi',
      UploadId,
      MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag }] },
    }),
  );
  const multi = await s3.send(new GetObjectCommand({ Bucket: 'crash', Key: 'multi' }));
  assert.ok(Buffer.from(await multi.Body!.transformToByteArray()).equals(part1));
});

test('a PutObject declaring more than 5 GiB is EntityTooLarge before any byte is stored', { timeout: 30_000 }, async () => {
  const status = await new Promise<string>((resolve) => {
    const req = halfPut(slipway!.endpoint, '/crash/huge', 6 * 1024 * MiB, Buffer.alloc(0));
    req.once('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        req.destroy();
        resolve(`${res.statusCode} ${text}`);
      });
    });
  });
  assert.match(status, /^400 [\s\S]*<Code>EntityTooLarge<\/Code>/);
  assert.deepEqual(staged(), []);
});

test('a client that hangs up halfway through a PutObject leaves no object and no staged bytes', async () => {
  const s3 = s3Client(slipway!.endpoint);
  const req = halfPut(slipway!.endpoint, '/crash/abandoned', 4 * MiB, randomBytes(MiB));
  await waitFor('the body to be arriving on disk', async () => staged().length === 1);
  req.destroy();
  await waitFor('the staged bytes to go', async () => staged().length === 0);
  assert.equal((await failure(s3.send(new HeadObjectCommand({ Bucket: 'crash', Key: 'abandoned' })))).name, 'NotFound');
});

test('a client that hangs up halfway through a GetObject leaves no object file open', async () => {
  const s3 = s3Client(slipway!.endpoint);
  await s3.send(new PutObjectCommand({ Bucket: 'crash', Key: 'large', Body: randomBytes(32 * MiB) }));
  const blobs = join(dataDir, 's3', 'blobs');
  const open = () =>
    readdirSync(`/proc/${slipway!.child.pid}/fd`).filter((fd) => {
      try {
        return readlinkSync(`/proc/${slipway!.child.pid}/fd/${fd}`).startsWith(blobs);
      } catch {
        return false;
      }
    }).length;
  const url = new URL(slipway!.endpoint);
  const auth = 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0';
  await new Promise<void>((resolve, reject) => {
    const req = get({ host: url.hostname, port: url.port, path: '/crash/large', headers: { authorization: auth } }, (res) => {
      res.once('data', () => {
        req.destroy();
        resolve();
      });
    });
    req.on('error', () => {});
    req.once('response', (res) => res.statusCode !== 200 && reject(new Error(`status ${res.statusCode}`)));
  });
  await waitFor('the object file to be closed', async () => open() === 0);
});
