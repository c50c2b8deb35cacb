/**
 * S3 from other clients and other sides: boto3 with its default checksums (PutObject and a
 * multipart upload_file), SDK v3's presigner (expiry honoured), virtual-hosted addressing
 * (<bucket>.localhost), and the object events other rooms follow on the bus.
 */
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { SlipwayEvent } from '../../src/core/events.ts';
import { OBJECT_EVENT } from '../../src/services/s3/index.ts';
import { s3Client, text } from '../support/s3.ts';
import { cliEnv, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const run = promisify(execFile);

const BOTO3 = `
import boto3, hashlib, os, sys
from boto3.s3.transfer import TransferConfig
s3 = boto3.client('s3', endpoint_url=sys.argv[1], region_name='us-east-1')
s3.create_bucket(Bucket='boto')
put = s3.put_object(Bucket='boto', Key='small.txt', Body=b'from boto3')
print('put', put['ETag'], put.get('ChecksumCRC32', ''))
print('get', s3.get_object(Bucket='boto', Key='small.txt', ChecksumMode='ENABLED')['Body'].read().decode())
data = os.urandom(12 * 1024 * 1024)
path = os.path.join(sys.argv[2], 'boto.bin')
open(path, 'wb').write(data)
s3.upload_file(path, 'boto', 'big.bin', Config=TransferConfig(multipart_threshold=5 * 1024 * 1024, multipart_chunksize=5 * 1024 * 1024))
s3.download_file('boto', 'big.bin', path + '.back')
print('same', open(path + '.back', 'rb').read() == data)
print('etag', s3.head_object(Bucket='boto', Key='big.bin')['ETag'])
`;

describe('S3 clients: boto3, the presigner, virtual hosts, events', () => {
  let slipway: TestSlipway;
  let s3: S3Client;
  const events: SlipwayEvent[] = [];

  before(async () => {
    slipway = await startTestSlipway();
    s3 = s3Client(slipway.endpoint);
    slipway.app.ctx.events.subscribe((e) => e.type === OBJECT_EVENT && events.push(e));
    await s3.send(new CreateBucketCommand({ Bucket: 'clients' }));
  });
  after(() => slipway.close());

  it('boto3 puts and gets with its default checksums, and upload_file goes up in parts', async () => {
    const { stdout } = await run('python3', ['-c', BOTO3, slipway.endpoint, slipway.dataDir], { env: cliEnv });
    const lines = Object.fromEntries(
      stdout
        .trim()
        .split('\n')
        .map((l) => [l.split(' ')[0], l.slice(l.indexOf(' ') + 1)]),
    );
    assert.match(lines.put, /^"[0-9a-f]{32}" \S+$/, 'an ETag and the CRC32 boto3 sent');
    assert.equal(lines.get, 'from boto3');
    assert.equal(lines.same, 'True');
    assert.match(lines.etag, /^"[0-9a-f]{32}-3"$/);
  });

  it("SDK v3's presigned GET and PUT work with fetch, and are refused once expired", async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'clients', Key: 'shared.txt', Body: 'shared' }));
    const get = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'clients', Key: 'shared.txt' }), { expiresIn: 60 });
    assert.equal(await (await fetch(get)).text(), 'shared');
    const put = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'clients', Key: 'uploaded.txt' }), { expiresIn: 60 });
    assert.equal((await fetch(put, { method: 'PUT', body: 'sent by fetch' })).status, 200);
    assert.equal(await text((await s3.send(new GetObjectCommand({ Bucket: 'clients', Key: 'uploaded.txt' }))).Body), 'sent by fetch');
    const old = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'clients', Key: 'late.txt' }), {
      expiresIn: 60,
      signingDate: new Date(Date.now() - 120_000),
    });
    const refused = await fetch(old, { method: 'PUT', body: 'too late' });
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/);
    const missing = await fetch(`${slipway.endpoint}/clients/late.txt?${new URL(get).search.slice(1)}`);
    assert.equal(missing.status, 404, 'the refused PUT wrote nothing');
  });

  it('answers virtual-hosted requests (Host: <bucket>.localhost)', async () => {
    const port = new URL(slipway.endpoint).port;
    const auth = 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0';
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/shared.txt', headers: { host: `clients.localhost:${port}`, authorization: auth } },
        (res) => {
          let data = '';
          res.on('data', (d) => (data += d));
          res.on('end', () => resolve(`${res.statusCode} ${data}`));
        },
      );
      req.on('error', reject);
      req.end();
    });
    assert.equal(body, '200 shared');
  });

  it('publishes object events for the pipeline’s S3 source', async () => {
    events.length = 0;
    await s3.send(new PutObjectCommand({ Bucket: 'clients', Key: 'artifact.zip', Body: 'zip' }));
    assert.equal(events.length, 1);
    assert.equal(events[0].resource, 'arn:aws:s3:::clients/artifact.zip');
    assert.equal(events[0].detail.eventName, 'ObjectCreated:Put');
    assert.equal(events[0].detail.size, 3);
  });
});
