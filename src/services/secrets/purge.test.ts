import assert from 'node:assert/strict';
import { it } from 'node:test';
import { secretsContext } from './context.ts';
import { secretsTestApp } from './testing.ts';

const DAY = 86_400_000;

it('a deleted secret is purged once its recovery window, scaled by the clock, has passed — not before, and not once restored', async () => {
  const { app, call } = secretsTestApp(20);
  const { ARN: doomed } = await call('secretsmanager', 'CreateSecret', { Name: 'doomed', SecretString: 'x' });
  const { ARN: saved } = await call('secretsmanager', 'CreateSecret', { Name: 'saved', SecretString: 'y' });
  await call('secretsmanager', 'DeleteSecret', { SecretId: doomed, RecoveryWindowInDays: 7 });
  await call('secretsmanager', 'DeleteSecret', { SecretId: saved, RecoveryWindowInDays: 7 });
  const purge = secretsContext(app).purge;

  assert.ok((await purge.reconcile(doomed)).requeueAfterMs! > 0, 'the window is open: run again later');
  await app.clock.advance((7 * DAY) / 20 - 1);
  await purge.reconcile(doomed);
  assert.equal(
    (await call('secretsmanager', 'DescribeSecret', { SecretId: 'doomed' })).Name,
    'doomed',
    'still there a moment before: 7 days at SLIPWAY_TIME_SCALE=20 are 8.4 hours',
  );

  await call('secretsmanager', 'RestoreSecret', { SecretId: saved });
  await app.clock.advance(1);
  await purge.reconcile(doomed);
  await purge.reconcile(saved);
  await assert.rejects(call('secretsmanager', 'DescribeSecret', { SecretId: doomed }), { code: 'ResourceNotFoundException' });
  assert.equal(secretsContext(app).model.versionsOf(doomed).length, 0, 'its versions went with it');
  assert.equal((await call('secretsmanager', 'GetSecretValue', { SecretId: 'saved' })).SecretString, 'y');
  // The name is free again.
  await call('secretsmanager', 'CreateSecret', { Name: 'doomed', SecretString: 'z' });
});
