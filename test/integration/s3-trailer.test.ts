/**
 * S3 uploads whose checksum trails the body (aws-chunked with x-amz-trailer) under --auth: SDK v3's
 * own form (STREAMING-UNSIGNED-PAYLOAD-TRAILER), and the signed form, framed here as AWS's SigV4
 * streaming documents define it (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER: chunk signatures
 * chained from the request's, then x-amz-trailer-signature over the trailers and the last chunk's).
 * A wrong trailer signature or checksum is refused and writes nothing.
 */
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { adminCredentials, type Credentials } from '../support/auth.ts';
import { clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const hmac = (k: Buffer | string, v: string) => createHmac('sha256', k).update(v).digest();
const crc32Of = (b: Buffer) => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(b) >>> 0);
  return out.toString('base64');
};

describe('S3: trailing checksums', () => {
  let slipway: TestSlipway;
  let admin: Credentials;
  let s3: S3Client;
  const read = async (Key: string) => {
    const got = await s3.send(new GetObjectCommand({ Bucket: 'trailing', Key }));
    return got.Body!.transformToString();
  };

  before(async () => {
    slipway = await startTestSlipway({ auth: true });
    admin = adminCredentials(slipway.dataDir);
    s3 = new S3Client({ ...clientConfig(slipway.endpoint), credentials: { ...admin }, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'trailing' }));
  });
  after(() => slipway.close());

  it("takes SDK v3's streamed PutObject with its checksum in the trailer, and keeps the checksum", async () => {
    const body = Buffer.from('streamed with a trailing crc32\n'.repeat(100));
    await s3.send(
      new PutObjectCommand({
        Bucket: 'trailing',
        Key: 'sdk',
        Body: Readable.from([body]),
        ContentLength: body.length,
        ChecksumAlgorithm: 'CRC32',
      }),
    );
    assert.equal(await read('sdk'), body.toString());
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'trailing', Key: 'sdk', ChecksumMode: 'ENABLED' }));
    assert.equal(head.ChecksumCRC32, crc32Of(body));
  });

  it('checks a signed trailer: its signature, and the checksum it carries; a refused upload writes nothing', async () => {
    const host = new URL(slipway.endpoint).host;
    const signer = new SignatureV4({ service: 's3', region: 'us-east-1', credentials: admin, sha256: Sha256, uriEscapePath: false });
    /** A signed-trailer PUT of `parts`, its trailer and signature as given by `tamper`. */
    const put = async (key: string, parts: Buffer[], tamper: { checksum?: string; signature?: 'wrong' | 'missing' } = {}) => {
      const decoded = Buffer.concat(parts);
      const signed = await signer.sign({
        method: 'PUT',
        protocol: 'http:',
        hostname: '127.0.0.1',
        port: Number(host.split(':')[1]),
        path: `/trailing/${key}`,
        headers: {
          host,
          'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
          'content-encoding': 'aws-chunked',
          'x-amz-decoded-content-length': String(decoded.length),
          'x-amz-trailer': 'x-amz-checksum-crc32',
        },
      });
      const date = signed.headers['x-amz-date'];
      const scope = `${date.slice(0, 8)}/us-east-1/s3/aws4_request`;
      const key4 = hmac(hmac(hmac(hmac(`AWS4${admin.secretAccessKey}`, date.slice(0, 8)), 'us-east-1'), 's3'), 'aws4_request');
      let previous = (signed.headers.authorization as string).match(/Signature=([0-9a-f]{64})/)![1];
      const out: Buffer[] = [];
      for (const data of [...parts, Buffer.alloc(0)]) {
        previous = hmac(key4, ['AWS4-HMAC-SHA256-PAYLOAD', date, scope, previous, sha(''), sha(data)].join('\n')).toString('hex');
        out.push(Buffer.from(`${data.length.toString(16)};chunk-signature=${previous}\r\n`), data);
        if (data.length) out.push(Buffer.from('\r\n'));
      }
      const trailer = `x-amz-checksum-crc32:${tamper.checksum ?? crc32Of(decoded)}\n`;
      const signature = hmac(key4, ['AWS4-HMAC-SHA256-TRAILER', date, scope, previous, sha(trailer)].join('\n')).toString('hex');
      out.push(Buffer.from(trailer.replace('\n', '\r\n')));
      if (tamper.signature !== 'missing')
        out.push(Buffer.from(`x-amz-trailer-signature:${tamper.signature === 'wrong' ? sha(signature) : signature}\r\n`));
      out.push(Buffer.from('\r\n'));
      const res = await fetch(`${slipway.endpoint}/trailing/${key}`, {
        method: 'PUT',
        headers: signed.headers,
        body: new Uint8Array(Buffer.concat(out)),
      });
      return { status: res.status, text: await res.text() };
    };

    const parts = [Buffer.alloc(70_000, 'a'), Buffer.from('tail')];
    const honest = await put('signed', parts);
    assert.equal(honest.status, 200, honest.text);
    assert.equal(await read('signed'), Buffer.concat(parts).toString());
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'trailing', Key: 'signed', ChecksumMode: 'ENABLED' }));
    assert.equal(head.ChecksumCRC32, crc32Of(Buffer.concat(parts)));

    const other = [Buffer.from('other bytes')];
    for (const signature of ['wrong', 'missing'] as const) {
      const refused = await put('signed', other, { signature });
      assert.equal(refused.status, 403, signature);
      assert.match(refused.text, /<Code>SignatureDoesNotMatch<\/Code>/, signature);
    }
    const badSum = await put('signed', other, { checksum: crc32Of(Buffer.from('something else')) });
    assert.equal(badSum.status, 400);
    assert.match(badSum.text, /<Code>BadDigest<\/Code>/);
    assert.equal(await read('signed'), Buffer.concat(parts).toString(), 'the refused uploads wrote nothing');
  });

  it('refuses an x-amz-content-sha256 that is neither a hash nor a form S3 knows, naming it', async () => {
    const host = new URL(slipway.endpoint).host;
    const signer = new SignatureV4({ service: 's3', region: 'us-east-1', credentials: admin, sha256: Sha256, uriEscapePath: false });
    const signed = await signer.sign({
      method: 'PUT',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: Number(host.split(':')[1]),
      path: '/trailing/odd',
      headers: { host, 'x-amz-content-sha256': 'NOT-A-HASH' },
    });
    const res = await fetch(`${slipway.endpoint}/trailing/odd`, { method: 'PUT', headers: signed.headers, body: 'unchecked' });
    assert.equal(res.status, 400);
    const text = await res.text();
    assert.match(text, /<Code>InvalidArgument<\/Code>/);
    assert.match(text, /<ArgumentName>x-amz-content-sha256<\/ArgumentName>/);
    await assert.rejects(s3.send(new HeadObjectCommand({ Bucket: 'trailing', Key: 'odd' })), { name: 'NotFound' });
  });
});
