/**
 * A connection's webhook (POST /_slipway/connections/<id>/webhook) against deliveries a careful
 * server must judge, on a real Slipway over HTTP: GitHub's form-encoded delivery is read as GitHub
 * means it, a body over the size limit is refused as too large, a webhook secret that resolves to
 * nothing lets no one in (an HMAC with an empty key is anyone's), an Azure DevOps repository URL
 * with a broken escape is a delivery that names no repository, and a pull request's branch written
 * as a git revision is never read as one.
 */
import { CodeStarConnectionsClient, CreateConnectionCommand, CreateHostCommand } from '@aws-sdk/client-codestar-connections';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { gitRepo } from '../support/codebuild.ts';
import { rawRequest } from '../support/raw.ts';
import { aws, clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const SECRET = 'hostile-s3cret';

describe("a connection's webhook, hostile deliveries", () => {
  let s: TestSlipway;
  let connections: CodeStarConnectionsClient;

  before(async () => {
    s = await startTestSlipway();
    connections = new CodeStarConnectionsClient(clientConfig(s.endpoint));
    await aws(s.endpoint, ['secretsmanager', 'create-secret', '--name', 'hostile-hook', '--secret-string', SECRET]);
    await aws(s.endpoint, ['secretsmanager', 'create-secret', '--name', 'blank-hook', '--secret-string', '{"key":""}']);
  });
  const temps: string[] = [];
  after(async () => {
    await s?.close();
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  /** A connection taking webhooks checked with the secret `secretRef` names. */
  const connection = async (name: string, secretRef: string) => {
    const made = await connections.send(
      new CreateConnectionCommand({
        ConnectionName: name,
        ProviderType: 'GitHub',
        Tags: [{ Key: 'slipway:webhook-secret', Value: secretRef }],
      }),
    );
    return made.ConnectionArn!.split('/').pop()!;
  };
  const deliver = (id: string, body: string | Buffer, headers: Record<string, string>) =>
    rawRequest(s.endpoint, {
      method: 'POST',
      path: `/_slipway/connections/${id}/webhook`,
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const github = (body: string, secret: string) => ({
    'x-github-event': 'push',
    'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  });
  const push = JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: 'acme/app' }, after: 'a'.repeat(40) });

  /** acme/<name> on the git host (two commits on main), and a connection reading it through a host, taking webhooks. */
  const hostedRepository = async (name: string) => {
    const repo = gitRepo({ 'app.txt': 'v1\n' });
    temps.push(repo.path);
    repo.commitMore({ 'app.txt': 'v2\n' }, 'second');
    await promisify(execFile)('git', ['push', '-q', `${s.endpoint}/_slipway/git/acme/${name}.git`, 'HEAD:main'], { cwd: repo.path });
    const { HostArn } = await connections.send(
      new CreateHostCommand({ Name: name, ProviderType: 'GitHubEnterpriseServer', ProviderEndpoint: `${s.endpoint}/_slipway/git` }),
    );
    const made = await connections.send(
      new CreateConnectionCommand({ ConnectionName: name, HostArn, Tags: [{ Key: 'slipway:webhook-secret', Value: 'hostile-hook' }] }),
    );
    return made.ConnectionArn!.split('/').pop()!;
  };

  it("takes GitHub's form-encoded delivery (a repository webhook's default), its JSON in the payload field", async () => {
    const id = await hostedRepository('form');
    const form = new URLSearchParams({ payload: JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: 'acme/form' } }) });
    const body = form.toString();
    const answer = await deliver(id, body, { ...github(body, SECRET), 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(JSON.parse(answer.text).fetched, 'acme/form');
    const empty = 'other=1';
    const refused = await deliver(id, empty, { ...github(empty, SECRET), 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(refused.status, 400, refused.text);
    assert.match(refused.text, /no payload field/);
  });

  it('refuses a body over 25 MB as too large', async () => {
    const id = await connection('too-large', 'hostile-hook');
    const answer = await deliver(id, Buffer.alloc(25 * 1024 * 1024 + 1, 0x20), github('', SECRET));
    assert.equal(answer.status, 413, answer.text);
    assert.match(answer.text, /exceeds 26214400 bytes/);
  });

  it('lets no one in when the webhook secret resolves to an empty string', async () => {
    const id = await connection('blank-secret', 'blank-hook:key');
    const answer = await deliver(id, push, github(push, ''));
    assert.equal(answer.status, 403, answer.text);
    assert.match(answer.text, /webhook secret .* is empty/);
    const token = await deliver(id, push, { 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': '' });
    assert.equal(token.status, 403, token.text);
  });

  it('takes an Azure DevOps delivery whose repository URL has a broken escape as naming no repository', async () => {
    const id = await connection('azure-escape', 'hostile-hook');
    const body = JSON.stringify({
      eventType: 'git.push',
      resource: {
        refUpdates: [{ name: 'refs/heads/main', oldObjectId: '0'.repeat(40), newObjectId: 'a'.repeat(40) }],
        repository: { remoteUrl: 'https://dev.azure.com/org/project/_git/%E0%A4%A' },
      },
    });
    const basic = { authorization: `Basic ${Buffer.from(`hook:${SECRET}`).toString('base64')}` };
    const answer = await deliver(id, body, basic);
    assert.equal(answer.status, 202, answer.text);
  });

  it('reads no head for a pull request whose branch is written as a revision (main~1, main^, main@{1})', async () => {
    const id = await hostedRepository('revs');
    for (const branch of ['main~1', 'main^', 'main@{1}', 'main:app.txt']) {
      const body = JSON.stringify({
        action: 'opened',
        pull_request: { number: 5, title: 'revision', head: { ref: branch }, base: { ref: 'release' } },
        repository: { full_name: 'acme/revs' },
      });
      const answer = await deliver(id, body, { ...github(body, SECRET), 'x-github-event': 'pull_request' });
      assert.equal(answer.status, 422, `${branch}: ${answer.text}`);
      assert.match(answer.text, /has no commit for pull request 5's head/);
    }
  });
});
