/**
 * Secret values stay secret around a real `slipway start` process: with every API error logged
 * (SLIPWAY_LOG=debug), no value — of a secret, a SecureString, or one sent malformed — appears in
 * the log or in an error; and a Slipway restarted on the same data directory reads them all back
 * with the key file it made on first use.
 */
import { CreateSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { stopHaproxy } from '../support/elb.ts';
import { clientConfig, freePort, startSlipwayProcess, tempDataDir, type SlipwayProcess } from '../support/slipway.ts';

const dataDir = tempDataDir();
let running: SlipwayProcess | undefined;
after(async () => {
  await running?.kill('SIGTERM');
  await stopHaproxy(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
});

/** A JSON 1.1 call as the SDKs make it, but with whatever body the test wants (the SDKs refuse to send a malformed one). */
async function raw(endpoint: string, target: string, body: unknown): Promise<{ status: number; text: string }> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

test('no value reaches the log or an error, and a restarted Slipway reads every value back', async () => {
  const marker = `sekrit-${randomUUID()}`;
  const port = await freePort();
  running = await startSlipwayProcess(dataDir, port, { SLIPWAY_LOG: 'debug' });
  const keyFile = join(dataDir, 'secrets.key');
  assert.equal(existsSync(keyFile), false, 'the key is made on first use, not at start');
  const sm = new SecretsManagerClient(clientConfig(running.endpoint));
  const ssm = new SSMClient(clientConfig(running.endpoint));

  await sm.send(new CreateSecretCommand({ Name: 'app/db', SecretString: JSON.stringify({ password: marker }) }));
  await ssm.send(new PutParameterCommand({ Name: '/app/token', Type: 'SecureString', Value: marker }));
  assert.equal(statSync(keyFile).mode & 0o777, 0o600);
  const health = (await (await fetch(`${running.endpoint}/_slipway/health`)).json()) as {
    services: string[];
    secretsmanager: { keyFile: string };
  };
  assert.deepEqual(health.services.slice(-2), ['secretsmanager', 'ssm']);
  assert.equal(health.secretsmanager.keyFile, keyFile);

  const refused = [
    await raw(running.endpoint, 'secretsmanager.CreateSecret', { Name: 'app/other', SecretString: { password: marker } }),
    await raw(running.endpoint, 'secretsmanager.PutSecretValue', {
      SecretId: 'app/db',
      SecretString: marker,
      SecretBinary: Buffer.from(marker).toString('base64'),
    }),
    await raw(running.endpoint, 'secretsmanager.CreateSecret', { Name: 'app/db', SecretString: marker }),
    await raw(running.endpoint, 'AmazonSSM.PutParameter', { Name: '/app/token', Type: 'SecureString', Value: [marker] }),
    await raw(running.endpoint, 'AmazonSSM.PutParameter', { Name: '/app/token', Type: 'SecureString', Value: marker }),
    await raw(running.endpoint, 'AmazonSSM.PutParameter', { Name: '/app/long', Type: 'String', Value: marker.repeat(200) }),
  ];
  for (const r of refused) {
    assert.equal(r.status, 400, r.text);
    assert.ok(!r.text.includes(marker), `the error echoes the value: ${r.text}`);
  }
  assert.match(running.output(), /secretsmanager\.CreateSecret → SerializationException/, 'errors are logged at debug');

  await running.kill('SIGTERM');
  const logs = [running.output()];
  running = await startSlipwayProcess(dataDir, port, { SLIPWAY_LOG: 'debug' });
  const secret = await new SecretsManagerClient(clientConfig(running.endpoint)).send(new GetSecretValueCommand({ SecretId: 'app/db' }));
  assert.equal(JSON.parse(secret.SecretString!).password, marker);
  const parameter = await new SSMClient(clientConfig(running.endpoint)).send(
    new GetParameterCommand({ Name: '/app/token', WithDecryption: true }),
  );
  assert.equal(parameter.Parameter!.Value, marker);
  await running.kill('SIGTERM');
  logs.push(running.output());
  running = undefined;
  for (const log of logs) assert.ok(!log.includes(marker), `the log holds a value:\n${log}`);
});
