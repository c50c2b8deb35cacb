import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Clock } from '../../core/clock.ts';
import { issueToken, registryCredentialsFor, verifyAuthorization, verifyPassword } from './auth.ts';
import { ecrTestContext } from './testing.ts';

const ecr = ecrTestContext();
after(() => ecr.cleanup());
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('registry credentials', () => {
  it('issues a 12-hour password without ":" that Basic AWS:<password> and Bearer accept', () => {
    const { password, expiresAt } = issueToken(ecr);
    assert.ok(!password.includes(':'), 'the aws CLI splits the token on ":"');
    assert.ok(Math.abs(expiresAt - (Date.now() + 12 * 3600_000)) < 5_000);
    assert.equal(verifyAuthorization(ecr, basic('AWS', password)), true);
    assert.equal(verifyAuthorization(ecr, `Bearer ${password}`), true);
    assert.equal(verifyAuthorization(ecr, basic('admin', password)), false, 'the user is AWS, as in ECR');
    assert.equal(verifyAuthorization(ecr, basic('AWS', `${password.slice(0, -2)}xx`)), false);
    assert.equal(verifyAuthorization(ecr, undefined), false);
    assert.equal(verifyAuthorization(ecr, 'Basic !!!'), false);
  });

  it('keeps its secret in the store, so passwords outlive a restart, and refuses expired ones', () => {
    const { password } = issueToken(ecr);
    assert.ok(ecr.store.meta('ecr.registry-token-secret'));
    const later: Clock = { ...ecr.clock, now: () => Date.now() + 13 * 3600_000 };
    assert.equal(verifyPassword({ ...ecr, clock: later }, password), false);
    assert.equal(verifyPassword(ecr, password), true);
  });

  it('hands out credentials only for images in this registry', () => {
    const mine = registryCredentialsFor(ecr, '127.0.0.1:4566/team/app:v1');
    assert.equal(mine?.username, 'AWS');
    assert.equal(mine?.serveraddress, '127.0.0.1:4566');
    assert.equal(verifyPassword(ecr, mine!.password), true);
    assert.ok(registryCredentialsFor(ecr, `localhost:4566/team/app@sha256:${'a'.repeat(64)}`));
    assert.equal(registryCredentialsFor(ecr, '127.0.0.1:5000/team/app:v1'), undefined);
    assert.equal(registryCredentialsFor(ecr, 'nginx:latest'), undefined);
    assert.equal(registryCredentialsFor(ecr, 'library/nginx'), undefined);
    assert.equal(registryCredentialsFor(ecr, 'public.ecr.aws/nginx/nginx:1'), undefined);
  });
});
