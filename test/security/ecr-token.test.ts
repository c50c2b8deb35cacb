/**
 * Registry passwords are capped at ECR's 12 hours when verified: one signed with the real secret
 * but expiring a century from now (as anyone who read the secret could make) is refused, under
 * Basic and Bearer, at /v2/ and on a repository.
 */
import { CreateRepositoryCommand, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ecrClient } from '../support/ecr.ts';
import { RegistryClient, errorCode } from '../support/registry.ts';
import { startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const HOUR = 3600_000;
let s: TestSlipway;
let host: string;
let secret: Buffer;

before(async () => {
  s = await startTestSlipway();
  host = new URL(s.endpoint).host;
  const ecr = ecrClient(s.endpoint);
  await ecr.send(new CreateRepositoryCommand({ repositoryName: 'forged' }));
  await ecr.send(new GetAuthorizationTokenCommand({}));
  secret = Buffer.from(s.app.ctx.store.meta('ecr.registry-token-secret')!, 'hex');
});
after(() => s?.close());

/** A password signed exactly as auth.ts signs one: base64url(JSON {exp, n}) "." base64url(HMAC-SHA256). */
function forge(expiresAt: number): string {
  const payload = Buffer.from(JSON.stringify({ exp: expiresAt, n: 'forged' })).toString('base64url');
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

async function answers(password: string, scheme: 'Basic' | 'Bearer', path: string): Promise<{ status: number; code?: string }> {
  const authorization = scheme === 'Basic' ? `Basic ${Buffer.from(`AWS:${password}`).toString('base64')}` : `Bearer ${password}`;
  const res = await new RegistryClient(host).request('GET', path, { headers: { authorization } });
  return { status: res.status, code: res.status === 200 ? undefined : errorCode(res) };
}

describe('registry passwords', () => {
  for (const scheme of ['Basic', 'Bearer'] as const) {
    for (const path of ['/v2/', '/v2/forged/tags/list']) {
      it(`${scheme} at ${path}: a password expiring within 12 hours passes, one expiring in 100 years is UNAUTHORIZED`, async () => {
        assert.deepEqual(
          await answers(forge(Date.now() + 11 * HOUR), scheme, path),
          { status: 200, code: undefined },
          'signed as the code signs',
        );
        assert.deepEqual(await answers(forge(Date.now() + 100 * 365 * 24 * HOUR), scheme, path), { status: 401, code: 'UNAUTHORIZED' });
        assert.deepEqual(await answers(forge(Date.now() + 13 * HOUR), scheme, path), { status: 401, code: 'UNAUTHORIZED' });
      });
    }
  }
});
