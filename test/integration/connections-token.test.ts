/**
 * A connection to a real provider fetches with the access token its `slipway:token-secret` names:
 * the token reaches the server as HTTP Basic credentials (the provider's token user) and nowhere
 * else — not in the mirror's config, not in the error a failed fetch reports. The "provider" is a
 * small HTTP server that records what it is sent and refuses it.
 */
import { CodeStarConnectionsClient, CreateConnectionCommand, CreateHostCommand } from '@aws-sdk/client-codestar-connections';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type { ConnectionsFacade } from '../../src/services/connections/index.ts';
import { aws, clientConfig, facadeOf, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const TOKEN = 'glpat-not-a-real-token-1234';
const scope = { region: 'us-east-1', account: '000000000000' };
let slipway: TestSlipway;
let provider: Server;
const seen: { url?: string; headers: IncomingHttpHeaders }[] = [];

before(async () => {
  slipway = await startTestSlipway();
  provider = createServer((req, res) => {
    seen.push({ url: req.url, headers: req.headers });
    res.writeHead(403, { 'content-type': 'text/plain' }).end('no\n');
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
});
after(async () => {
  await new Promise((resolve) => provider.close(resolve));
  await slipway.close();
});

it('sends the token as the provider’s Basic credentials and keeps it out of config and errors', async () => {
  const { port } = provider.address() as { port: number };
  await aws(slipway.endpoint, ['secretsmanager', 'create-secret', '--name', 'gitlab-token', '--secret-string', TOKEN]);
  const client = new CodeStarConnectionsClient(clientConfig(slipway.endpoint));
  const { HostArn } = await client.send(
    new CreateHostCommand({ Name: 'gitlab', ProviderType: 'GitLabSelfManaged', ProviderEndpoint: `http://127.0.0.1:${port}/git` }),
  );
  const { ConnectionArn } = await client.send(
    new CreateConnectionCommand({ ConnectionName: 'gl', HostArn, Tags: [{ Key: 'slipway:token-secret', Value: 'gitlab-token' }] }),
  );
  const repo = facadeOf<ConnectionsFacade>(slipway.app, 'codestar-connections').open(ConnectionArn!, 'group/app', scope);
  assert.equal(repo.location.kind, 'remote');
  const failure = await repo.refresh('poll').then(
    () => undefined,
    (err: Error) => err.message,
  );
  assert.match(failure ?? '', /could not fetch http:\/\/127\.0\.0\.1:\d+\/git\/group\/app\.git/);
  assert.ok(!failure!.includes(TOKEN), 'the error names no token');

  const asked = seen.find((r) => r.url?.startsWith('/git/group/app.git/info/refs'));
  assert.ok(asked, `git asked the provider for the repository's refs (saw ${seen.map((r) => r.url).join(', ')})`);
  assert.equal(asked.headers.authorization, `Basic ${Buffer.from(`oauth2:${TOKEN}`).toString('base64')}`);

  const [mirror] = readdirSync(join(slipway.dataDir, 'connections', ConnectionArn!.split('/').pop()!));
  const config = execFileSync('git', ['config', '--list'], {
    cwd: join(slipway.dataDir, 'connections', ConnectionArn!.split('/').pop()!, mirror),
  });
  assert.ok(!config.toString().includes(TOKEN) && !config.toString().includes(Buffer.from(`oauth2:${TOKEN}`).toString('base64')));
});
