/**
 * Slipway's own endpoints under /_slipway with signatures required (--auth): logs, build artifacts
 * and pipeline streams answer only to a SigV4-signed caller allowed the endpoint's action, health
 * tells an anonymous caller no more than whether Slipway is up, and the CLI signs with the key the
 * aws CLI would use. A signature covers the body it was made over: a body changed after signing, or
 * sent as UNSIGNED-PAYLOAD, is refused in AWS's words and writes nothing.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { Sha256 } from '@aws-crypto/sha256-js';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { SignatureV4 } from '@smithy/signature-v4';
import { adminCredentials, type Credentials } from '../support/auth.ts';
import { gitIn, newRepository } from '../support/codepipeline.ts';
import { clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/slipway.js', import.meta.url).pathname;
const UUID = '00000000-0000-4000-8000-000000000000';
/** Each endpoint that requires a signature, and the action it is authorized as. */
const SIGNED = [
  { path: `/_slipway/logs/ecs/${'a'.repeat(32)}`, action: 'logs:GetLogEvents' },
  { path: `/_slipway/logs/codebuild/${UUID}`, action: 'logs:GetLogEvents' },
  { path: `/_slipway/artifacts/codebuild/${UUID}/`, action: 's3:GetObject' },
  { path: '/_slipway/codepipeline/nope/follow', action: 'codepipeline:GetPipelineState' },
];

describe('auth: Slipway’s own endpoints', () => {
  let slipway: TestSlipway;
  let admin: Credentials;
  let reader: Credentials;

  /**
   * `method` `path` as the SDK's signer signs it for `key` (or unsigned), over `signedBody` and the
   * headers `signing`; sent with the body `sent` and the headers `changed` after signing.
   */
  async function send(
    method: string,
    path: string,
    key?: Credentials,
    o: { signedBody?: string; sent?: string; signing?: Record<string, string>; changed?: Record<string, string> } = {},
  ): Promise<Response> {
    const url = new URL(path, slipway.endpoint);
    if (!key) return fetch(url, { method, body: o.sent });
    const signer = new SignatureV4({ service: 'slipway', region: 'us-east-1', credentials: key, sha256: Sha256 });
    const signed = await signer.sign({
      method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      headers: { host: url.host, ...o.signing },
      body: o.signedBody,
    });
    return fetch(url, { method, headers: { ...signed.headers, ...o.changed }, body: o.sent });
  }
  const get = (path: string, key?: Credentials) => send('GET', path, key);

  /** A JSON POST of `sent` to `path`, signed over `signedBody` (and headers `signing`), with headers `changed` after signing. */
  async function post(path: string, key: Credentials, signedBody: string, sent: string, signing = {}, changed = {}) {
    const res = await send('POST', path, key, { signedBody, sent, signing: { 'content-type': 'application/json', ...signing }, changed });
    return { status: res.status, body: (await res.json()) as { __type?: string; message: string; number?: number } };
  }

  before(async () => {
    slipway = await startTestSlipway({ auth: true });
    admin = adminCredentials(slipway.dataDir);
    const iam = new IAMClient({ ...clientConfig(slipway.endpoint), credentials: { ...admin } });
    await iam.send(new CreateUserCommand({ UserName: 'reader' }));
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'codepipeline:GetPipelineState', Resource: '*' }] };
    await iam.send(new PutUserPolicyCommand({ UserName: 'reader', PolicyName: 'read', PolicyDocument: JSON.stringify(policy) }));
    const { AccessKey: key } = await iam.send(new CreateAccessKeyCommand({ UserName: 'reader' }));
    reader = { accessKeyId: key!.AccessKeyId!, secretAccessKey: key!.SecretAccessKey! };
  });
  after(() => slipway.close());

  it('refuses an unsigned caller at every endpoint that requires a signature', async () => {
    for (const { path } of SIGNED) {
      const res = await get(path);
      assert.equal(res.status, 403, path);
      assert.equal(((await res.json()) as { __type: string }).__type, 'MissingAuthenticationTokenException', path);
    }
  });

  it('lets a signed caller through where its policies allow, and names the action where they do not', async () => {
    for (const { path, action } of SIGNED) {
      const res = await get(path, admin);
      assert.equal(res.status, 404, `${path}: ${res.status}`);
      await res.body?.cancel();
      const refused = await get(path, reader);
      if (action === 'codepipeline:GetPipelineState') {
        assert.equal(refused.status, 404, path);
        await refused.body?.cancel();
        continue;
      }
      assert.equal(refused.status, 403, path);
      assert.match(((await refused.json()) as { message: string }).message, new RegExp(`not authorized to perform: ${action}`));
    }
  });

  it('refuses a signature made with a wrong secret', async () => {
    const res = await get(SIGNED[0].path, { ...admin, secretAccessKey: `${admin.secretAccessKey}x` });
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as { __type: string }).__type, 'InvalidSignatureException');
  });

  it('tells an anonymous caller only whether Slipway is up, and the administrator everything', async () => {
    const brief = (await (await get('/_slipway/health')).json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(brief).sort(), ['status', 'version']);
    const full = (await (await get('/_slipway/health', admin)).json()) as Record<string, unknown>;
    assert.ok(Array.isArray(full.services) && full.services.includes('iam'));
  });

  it('signs the CLI’s requests with the key in the shared-credentials file start points at', async () => {
    const follow = (env: NodeJS.ProcessEnv) =>
      run(process.execPath, [bin, 'pipeline', 'follow', 'nope', '--endpoint', slipway.endpoint], { env }).catch(
        (err: { stderr: string }) => err.stderr,
      );
    const { AWS_ACCESS_KEY_ID: _, AWS_SECRET_ACCESS_KEY: __, AWS_PROFILE: ___, ...bare } = process.env;
    const anonymous = await follow({ ...bare, AWS_SHARED_CREDENTIALS_FILE: join(slipway.dataDir, 'missing') });
    assert.match(String(anonymous), /Missing Authentication Token/);
    const signed = await follow({
      ...bare,
      AWS_SHARED_CREDENTIALS_FILE: join(slipway.dataDir, 'credentials'),
      AWS_PROFILE: 'slipway-admin',
    });
    assert.doesNotMatch(String(signed), /Authentication|not authorized/);
    assert.match(String(signed), /nope/);
  });

  describe('a body, as its signature covers it', () => {
    const PULLS = '/_slipway/git/team/app/pulls';
    const opening = JSON.stringify({ source: 'feature', destination: 'main' });
    const other = JSON.stringify({ source: 'feature', destination: 'main', title: 'Changed after signing' });
    let work: string;

    before(async () => {
      work = mkdtempSync(join(tmpdir(), 'slipway-auth-bodies-'));
      const src = join(work, 'src');
      await newRepository(gitIn, src, { 'README.md': 'app' });
      const remote = new URL('/_slipway/git/team/app.git', slipway.endpoint);
      [remote.username, remote.password] = [encodeURIComponent(admin.accessKeyId), encodeURIComponent(admin.secretAccessKey)];
      await gitIn(src)('push', '-q', remote.toString(), 'main', 'main:feature');
    });
    after(() => rmSync(work, { recursive: true, force: true }));

    it('refuses a body changed after signing, or sent unsigned, and opens no pull request', async () => {
      const mismatch = {
        status: 400,
        body: {
          __type: 'XAmzContentSHA256Mismatch',
          message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
        },
      };
      // Signed as a bodiless request, then sent with a body.
      assert.deepEqual(await post(PULLS, admin, '', opening), mismatch);
      assert.deepEqual(await post(PULLS, admin, opening, other), mismatch);
      assert.deepEqual(await post(PULLS, admin, opening, opening, { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }), mismatch);
      // The body changed and its hash with it: the signature no longer matches.
      const rehashed = await post(
        PULLS,
        admin,
        opening,
        other,
        {},
        { 'x-amz-content-sha256': createHash('sha256').update(other).digest('hex') },
      );
      assert.equal(rehashed.status, 403);
      assert.equal(rehashed.body.__type, 'InvalidSignatureException');
      assert.match(rehashed.body.message, /The request signature we calculated does not match the signature you provided/);

      const listed = (await (await get(PULLS, admin)).json()) as { pullRequests: unknown[] };
      assert.deepEqual(listed.pullRequests, []);
    });

    it('takes the body it was signed over', async () => {
      const opened = await post(PULLS, admin, opening, opening);
      assert.equal(opened.status, 201, opened.body.message);
      assert.equal(opened.body.number, 1);
    });
  });
});
