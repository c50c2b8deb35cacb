/**
 * Slipway's own endpoints under /_slipway with signatures required (--auth): logs, build artifacts
 * and pipeline streams answer only to a SigV4-signed caller allowed the endpoint's action, health
 * tells an anonymous caller no more than whether Slipway is up, and the CLI signs with the key the
 * aws CLI would use.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { Sha256 } from '@aws-crypto/sha256-js';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { SignatureV4 } from '@smithy/signature-v4';
import { adminCredentials, type Credentials } from '../support/auth.ts';
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

  /** GET `path` as the SDK's signer signs it for `key`, or unsigned. */
  async function get(path: string, key?: Credentials): Promise<Response> {
    const url = new URL(path, slipway.endpoint);
    if (!key) return fetch(url);
    const signer = new SignatureV4({ service: 'slipway', region: 'us-east-1', credentials: key, sha256: Sha256 });
    const signed = await signer.sign({
      method: 'GET',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      headers: { host: url.host },
    });
    return fetch(url, { headers: signed.headers });
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
});
