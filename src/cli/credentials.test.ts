import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cliKey } from './credentials.ts';

describe('cliKey', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-cli-key-'));
  const file = join(dir, 'credentials');
  writeFileSync(
    file,
    '[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = d\n\n[slipway-admin]\naws_access_key_id=AKIAADMIN\naws_secret_access_key = s3cr/t+=\naws_session_token = tok\n',
  );
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the environment’s key first, with its session token', () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'e', AWS_SESSION_TOKEN: 't', AWS_SHARED_CREDENTIALS_FILE: file };
    assert.deepEqual(cliKey(env), { accessKeyId: 'AKIAENV', secretAccessKey: 'e', sessionToken: 't' });
  });

  it('reads the named profile of the shared-credentials file, else its default', () => {
    assert.deepEqual(cliKey({ AWS_SHARED_CREDENTIALS_FILE: file, AWS_PROFILE: 'slipway-admin' }), {
      accessKeyId: 'AKIAADMIN',
      secretAccessKey: 's3cr/t+=',
      sessionToken: 'tok',
    });
    assert.equal(cliKey({ AWS_SHARED_CREDENTIALS_FILE: file })?.accessKeyId, 'AKIADEFAULT');
  });

  it('has no key when the profile or the file is missing', () => {
    assert.equal(cliKey({ AWS_SHARED_CREDENTIALS_FILE: file, AWS_PROFILE: 'nobody' }), undefined);
    assert.equal(cliKey({ AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') }), undefined);
  });
});
