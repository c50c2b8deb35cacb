/**
 * The real aws CLI (v1) against Slipway's S3: `aws s3` mb, cp (a multipart upload of a file over
 * 100 MiB, and its download compared byte for byte), sync, ls, rm, rb and presign (the URL read
 * with curl), and `aws s3api` for versions, tags, policy and errors.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { aws, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const run = promisify(execFile);

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe('aws s3 and aws s3api (CLI v1)', () => {
  let slipway: TestSlipway;
  let dir: string;
  const s3 = (...args: string[]) => aws(slipway.endpoint, ['s3', ...args]);
  const api = async (...args: string[]) => {
    const out = await aws(slipway.endpoint, ['s3api', ...args, '--output', 'json']);
    return out.trim() ? JSON.parse(out) : undefined;
  };

  before(async () => {
    slipway = await startTestSlipway();
    dir = mkdtempSync(join(tmpdir(), 'slipway-s3-cli-'));
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await slipway.close();
  });

  it('mb, cp up and down, ls, rm and rb', async () => {
    await s3('mb', 's3://cli-bucket');
    assert.match(await s3('ls'), /cli-bucket/);
    writeFileSync(join(dir, 'hello.txt'), 'hello from the cli\n');
    await s3('cp', join(dir, 'hello.txt'), 's3://cli-bucket/greetings/hello.txt');
    assert.match(await s3('ls', 's3://cli-bucket/'), /PRE greetings\//);
    assert.match(await s3('ls', 's3://cli-bucket', '--recursive'), /19 greetings\/hello\.txt/);
    await s3('cp', 's3://cli-bucket/greetings/hello.txt', join(dir, 'back.txt'));
    assert.equal(readFileSync(join(dir, 'back.txt'), 'utf8'), 'hello from the cli\n');
    await assert.rejects(s3('rb', 's3://cli-bucket'), /BucketNotEmpty/);
    await s3('rm', 's3://cli-bucket/greetings/hello.txt');
    await s3('rb', 's3://cli-bucket');
    assert.doesNotMatch(await s3('ls'), /cli-bucket/);
  });

  it('cp of a 105 MiB file goes up in parts and comes back byte for byte', async () => {
    await s3('mb', 's3://big-bucket');
    const file = join(dir, 'big.bin');
    const chunk = randomBytes(1024 * 1024);
    const parts: Buffer[] = [];
    for (let i = 0; i < 105; i++) parts.push(i % 2 ? chunk : randomBytes(1024 * 1024));
    writeFileSync(file, Buffer.concat(parts));
    parts.length = 0;
    await s3('cp', file, 's3://big-bucket/big.bin');
    const head = await api('head-object', '--bucket', 'big-bucket', '--key', 'big.bin');
    assert.equal(head.ContentLength, 105 * 1024 * 1024);
    assert.match(head.ETag, /^"[0-9a-f]{32}-\d+"$/, 'a multipart ETag');
    assert.deepEqual((await api('list-multipart-uploads', '--bucket', 'big-bucket'))?.Uploads ?? [], []);
    await s3('cp', 's3://big-bucket/big.bin', join(dir, 'big.back'));
    assert.equal(await sha256Of(join(dir, 'big.back')), await sha256Of(file));
    rmSync(join(dir, 'big.back'));
    await s3('rm', 's3://big-bucket/big.bin');
    await s3('rb', 's3://big-bucket');
  });

  it('sync uploads only what changed, and --delete removes what went', async () => {
    await s3('mb', 's3://sync-bucket');
    const site = join(dir, 'site');
    mkdirSync(join(site, 'css'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<h1>v1</h1>');
    writeFileSync(join(site, 'css', 'a.css'), 'body{}');
    // Written a minute ago: S3 keeps times to the second, and sync sends a file newer than its copy.
    const earlier = new Date(Date.now() - 60_000);
    for (const file of [join(site, 'index.html'), join(site, 'css', 'a.css')]) utimesSync(file, earlier, earlier);
    const first = await s3('sync', site, 's3://sync-bucket/site');
    assert.equal(first.match(/upload:/g)?.length, 2);
    assert.equal((await s3('sync', site, 's3://sync-bucket/site')).match(/upload:/g), null, 'nothing changed, nothing sent');
    writeFileSync(join(site, 'index.html'), '<h1>version two</h1>');
    rmSync(join(site, 'css', 'a.css'));
    const second = await s3('sync', site, 's3://sync-bucket/site', '--delete');
    assert.match(second, /upload: .*index\.html/);
    assert.match(second, /delete: s3:\/\/sync-bucket\/site\/css\/a\.css/);
    const listed = await api('list-objects-v2', '--bucket', 'sync-bucket');
    assert.deepEqual(
      listed.Contents.map((o: { Key: string }) => o.Key),
      ['site/index.html'],
    );
    await s3('rb', 's3://sync-bucket', '--force');
  });

  it('presign gives a URL (SigV2 by default, SigV4 when configured) curl can read until it expires', async () => {
    await s3('mb', 's3://presigned');
    writeFileSync(join(dir, 'p.txt'), 'presigned body');
    await s3('cp', join(dir, 'p.txt'), 's3://presigned/p.txt');
    const v2 = new URL((await s3('presign', 's3://presigned/p.txt', '--expires-in', '300')).trim());
    writeFileSync(join(dir, 'config'), '[default]\ns3 =\n    signature_version = s3v4\n');
    const v4 = new URL(
      (
        await aws(slipway.endpoint, ['s3', 'presign', 's3://presigned/p.txt', '--expires-in', '300'], {
          env: { AWS_CONFIG_FILE: join(dir, 'config') },
        })
      ).trim(),
    );
    assert.ok(v2.searchParams.has('Signature') && v4.searchParams.has('X-Amz-Signature'));
    for (const url of [v2, v4]) assert.equal((await run('curl', ['-sS', '-f', url.href])).stdout, 'presigned body');
    v2.searchParams.set('Expires', String(Math.floor(Date.now() / 1000) - 60));
    v4.searchParams.set('X-Amz-Date', '20200101T000000Z');
    for (const url of [v2, v4]) {
      const refused = await run('curl', ['-sS', '-w', '\\n%{http_code}', url.href]);
      assert.match(refused.stdout, /<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/);
      assert.match(refused.stdout, /\n403$/);
    }
  });

  it('s3api: versioning keeps every version and delete markers; tags and a policy are stored', async () => {
    await api('create-bucket', '--bucket', 'versions');
    await api('put-bucket-versioning', '--bucket', 'versions', '--versioning-configuration', 'Status=Enabled');
    assert.equal((await api('get-bucket-versioning', '--bucket', 'versions')).Status, 'Enabled');
    writeFileSync(join(dir, 'v1'), 'one');
    writeFileSync(join(dir, 'v2'), 'two');
    const one = await api('put-object', '--bucket', 'versions', '--key', 'k', '--body', join(dir, 'v1'));
    const two = await api('put-object', '--bucket', 'versions', '--key', 'k', '--body', join(dir, 'v2'));
    assert.notEqual(one.VersionId, two.VersionId);
    await api('get-object', '--bucket', 'versions', '--key', 'k', `--version-id=${one.VersionId}`, join(dir, 'got'));
    assert.equal(readFileSync(join(dir, 'got'), 'utf8'), 'one');
    const removed = await api('delete-object', '--bucket', 'versions', '--key', 'k');
    assert.equal(removed.DeleteMarker, true);
    await assert.rejects(api('head-object', '--bucket', 'versions', '--key', 'k'), /404/);
    const listed = await api('list-object-versions', '--bucket', 'versions');
    assert.deepEqual(
      listed.Versions.map((v: { VersionId: string }) => v.VersionId),
      [two.VersionId, one.VersionId],
    );
    assert.equal(listed.DeleteMarkers[0].IsLatest, true);
    await api('delete-object', '--bucket', 'versions', '--key', 'k', `--version-id=${removed.VersionId}`);
    await api('get-object', '--bucket', 'versions', '--key', 'k', join(dir, 'got'));
    assert.equal(readFileSync(join(dir, 'got'), 'utf8'), 'two', 'removing the marker brings the newest version back');

    await api('put-bucket-tagging', '--bucket', 'versions', '--tagging', 'TagSet=[{Key=team,Value=web}]');
    assert.deepEqual((await api('get-bucket-tagging', '--bucket', 'versions')).TagSet, [{ Key: 'team', Value: 'web' }]);
    await assert.rejects(api('get-bucket-policy', '--bucket', 'versions'), /NoSuchBucketPolicy/);
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::versions/*' }],
    });
    await api('put-bucket-policy', '--bucket', 'versions', '--policy', policy);
    assert.deepEqual(JSON.parse((await api('get-bucket-policy', '--bucket', 'versions')).Policy), JSON.parse(policy));
    await assert.rejects(api('put-bucket-policy', '--bucket', 'versions', '--policy', 'not json'), /MalformedPolicy/);
    assert.deepEqual(
      JSON.parse((await api('get-bucket-policy', '--bucket', 'versions')).Policy),
      JSON.parse(policy),
      'the refused policy changed nothing',
    );
  });

  it('s3api answers errors by their S3 codes', async () => {
    await assert.rejects(api('get-object', '--bucket', 'no-such-bucket', '--key', 'k', join(dir, 'x')), /NoSuchBucket/);
    await assert.rejects(api('create-bucket', '--bucket', 'Bad..Name'), /InvalidBucketName/);
    await assert.rejects(api('list-parts', '--bucket', 'versions', '--key', 'k', '--upload-id', 'nope'), /NoSuchUpload/);
  });
});
