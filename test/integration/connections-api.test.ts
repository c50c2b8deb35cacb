/**
 * codestar-connections and codeconnections on a real Slipway: the SDK v3 client for
 * codestar-connections, the aws CLI for codeconnections, and raw JSON 1.0 calls — connections
 * AVAILABLE at once, hosts, tags, list filters, AWS's errors naming the field, nothing written on
 * bad input, and one record seen through both services' ARNs.
 */
import {
  CodeStarConnectionsClient,
  CreateConnectionCommand,
  CreateHostCommand,
  DeleteConnectionCommand,
  DeleteHostCommand,
  GetConnectionCommand,
  GetHostCommand,
  ListConnectionsCommand,
  ListHostsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateHostCommand,
} from '@aws-sdk/client-codestar-connections';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rawRequest } from '../support/raw.ts';
import { aws, awsCli, clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

let slipway: TestSlipway;
let client: CodeStarConnectionsClient;

/** The error an SDK call fails with: its name and message. */
async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return { name: (err as Error).name, message: (err as Error).message };
  }
  throw new Error('the call succeeded');
}

async function cliFailure(args: string[]): Promise<string> {
  try {
    await aws(slipway.endpoint, args);
  } catch (err) {
    return String((err as { stderr?: string }).stderr);
  }
  throw new Error('the command succeeded');
}

before(async () => {
  slipway = await startTestSlipway();
  client = new CodeStarConnectionsClient(clientConfig(slipway.endpoint));
});
after(() => slipway.close());

describe('codestar-connections through the SDK', () => {
  it('makes a connection that is AVAILABLE at once, with its tags', async () => {
    const made = await client.send(
      new CreateConnectionCommand({ ConnectionName: 'my-app-github', ProviderType: 'GitHub', Tags: [{ Key: 'team', Value: 'web' }] }),
    );
    assert.match(made.ConnectionArn!, /^arn:aws:codestar-connections:us-east-1:000000000000:connection\/[0-9a-f-]{36}$/);
    assert.deepEqual(made.Tags, [{ Key: 'team', Value: 'web' }]);
    const { Connection } = await client.send(new GetConnectionCommand({ ConnectionArn: made.ConnectionArn }));
    assert.deepEqual(Connection, {
      ConnectionName: 'my-app-github',
      ConnectionArn: made.ConnectionArn,
      ProviderType: 'GitHub',
      OwnerAccountId: '000000000000',
      ConnectionStatus: 'AVAILABLE',
    });
  });

  it('makes hosts for self-managed providers and connections through them; lists filter by provider and host', async () => {
    const { HostArn } = await client.send(
      new CreateHostCommand({ Name: 'my-gitlab', ProviderType: 'GitLabSelfManaged', ProviderEndpoint: 'https://gitlab.example.com/' }),
    );
    assert.match(HostArn!, /^arn:aws:codestar-connections:us-east-1:000000000000:host\/my-gitlab-[0-9a-f]{8}$/);
    const host = await client.send(new GetHostCommand({ HostArn }));
    assert.equal(host.Status, 'AVAILABLE');
    assert.equal(host.ProviderEndpoint, 'https://gitlab.example.com');
    await client.send(new UpdateHostCommand({ HostArn, ProviderEndpoint: 'https://git.example.com' }));
    assert.equal((await client.send(new GetHostCommand({ HostArn }))).ProviderEndpoint, 'https://git.example.com');
    const { Hosts } = await client.send(new ListHostsCommand({}));
    assert.deepEqual(
      Hosts!.map((h) => [h.Name, h.Status]),
      [['my-gitlab', 'AVAILABLE']],
    );

    const { ConnectionArn } = await client.send(new CreateConnectionCommand({ ConnectionName: 'through-host', HostArn }));
    const { Connection } = await client.send(new GetConnectionCommand({ ConnectionArn }));
    assert.equal(Connection!.ProviderType, 'GitLabSelfManaged');
    assert.equal(Connection!.HostArn, HostArn);
    const byHost = await client.send(new ListConnectionsCommand({ HostArnFilter: HostArn }));
    assert.deepEqual(
      byHost.Connections!.map((c) => c.ConnectionName),
      ['through-host'],
    );
    const github = await client.send(new ListConnectionsCommand({ ProviderTypeFilter: 'GitHub' }));
    assert.ok(github.Connections!.every((c) => c.ProviderType === 'GitHub') && github.Connections!.length >= 1);

    const inUse = await failure(client.send(new DeleteHostCommand({ HostArn })));
    assert.equal(inUse.name, 'ResourceUnavailableException');
    await client.send(new DeleteConnectionCommand({ ConnectionArn }));
    await client.send(new DeleteHostCommand({ HostArn }));
    assert.equal((await failure(client.send(new GetHostCommand({ HostArn })))).name, 'ResourceNotFoundException');
  });

  it('pages ListConnections', async () => {
    for (const name of ['page-a', 'page-b', 'page-c'])
      await client.send(new CreateConnectionCommand({ ConnectionName: name, ProviderType: 'Bitbucket' }));
    const first = await client.send(new ListConnectionsCommand({ ProviderTypeFilter: 'Bitbucket', MaxResults: 2 }));
    assert.equal(first.Connections!.length, 2);
    const second = await client.send(
      new ListConnectionsCommand({ ProviderTypeFilter: 'Bitbucket', MaxResults: 2, NextToken: first.NextToken }),
    );
    assert.deepEqual(
      [...first.Connections!, ...second.Connections!].map((c) => c.ConnectionName),
      ['page-a', 'page-b', 'page-c'],
    );
    assert.equal(second.NextToken, undefined);
  });

  it('tags and untags connections, and checks Slipway’s own tags', async () => {
    const { ConnectionArn } = await client.send(new CreateConnectionCommand({ ConnectionName: 'tagged', ProviderType: 'GitLab' }));
    await client.send(
      new TagResourceCommand({
        ResourceArn: ConnectionArn,
        Tags: [
          { Key: 'slipway:source', Value: 'provider' },
          { Key: 'env', Value: 'dev' },
        ],
      }),
    );
    await client.send(new UntagResourceCommand({ ResourceArn: ConnectionArn, TagKeys: ['env'] }));
    const { Tags } = await client.send(new ListTagsForResourceCommand({ ResourceArn: ConnectionArn }));
    assert.deepEqual(Tags, [{ Key: 'slipway:source', Value: 'provider' }]);
    const bad = await failure(
      client.send(new TagResourceCommand({ ResourceArn: ConnectionArn, Tags: [{ Key: 'slipway:source', Value: 'elsewhere' }] })),
    );
    assert.equal(bad.name, 'ValidationException');
    assert.match(bad.message, /Tags.*slipway:source/);
    const reserved = await failure(
      client.send(new TagResourceCommand({ ResourceArn: ConnectionArn, Tags: [{ Key: 'aws:x', Value: 'y' }] })),
    );
    assert.equal(reserved.name, 'ValidationException');
    assert.deepEqual((await client.send(new ListTagsForResourceCommand({ ResourceArn: ConnectionArn }))).Tags, Tags, 'nothing written');
  });

  it('refuses bad input with the error AWS gives, naming the field, and writes nothing', async () => {
    const before = (await client.send(new ListConnectionsCommand({}))).Connections!.length;
    const tooLong = await failure(client.send(new CreateConnectionCommand({ ConnectionName: 'x'.repeat(33), ProviderType: 'GitHub' })));
    assert.equal(tooLong.name, 'ValidationException');
    assert.match(tooLong.message, /ConnectionName/);
    const noProvider = await failure(client.send(new CreateConnectionCommand({ ConnectionName: 'none' })));
    assert.equal(noProvider.name, 'ValidationException');
    assert.match(noProvider.message, /ProviderType/);
    const selfManaged = await failure(
      client.send(new CreateConnectionCommand({ ConnectionName: 'ghes', ProviderType: 'GitHubEnterpriseServer' })),
    );
    assert.match(selfManaged.message, /HostArn/);
    const fileHost = await failure(
      client.send(new CreateHostCommand({ Name: 'h', ProviderType: 'GitHubEnterpriseServer', ProviderEndpoint: 'file:///etc' })),
    );
    assert.equal(fileHost.name, 'ValidationException');
    assert.match(fileHost.message, /ProviderEndpoint/);
    const cloudHost = await failure(
      client.send(new CreateHostCommand({ Name: 'h', ProviderType: 'GitHub', ProviderEndpoint: 'https://github.com' })),
    );
    assert.match(cloudHost.message, /ProviderType/);
    const missingHost = await failure(
      client.send(
        new CreateConnectionCommand({
          ConnectionName: 'c',
          HostArn: 'arn:aws:codestar-connections:us-east-1:000000000000:host/nope-12345678',
        }),
      ),
    );
    assert.equal(missingHost.name, 'ResourceNotFoundException');
    assert.equal((await client.send(new ListConnectionsCommand({}))).Connections!.length, before);
    assert.equal((await client.send(new ListHostsCommand({}))).Hosts!.length, 0);

    const missing = 'arn:aws:codestar-connections:us-east-1:000000000000:connection/00000000-0000-0000-0000-000000000000';
    assert.equal((await failure(client.send(new GetConnectionCommand({ ConnectionArn: missing })))).name, 'ResourceNotFoundException');
    assert.equal((await failure(client.send(new DeleteConnectionCommand({ ConnectionArn: missing })))).name, 'ResourceNotFoundException');
  });

  it('refuses the 251st connection of a region with LimitExceededException', async () => {
    const west = new CodeStarConnectionsClient(clientConfig(slipway.endpoint, 'eu-west-1'));
    for (let i = 0; i < 250; i++) await west.send(new CreateConnectionCommand({ ConnectionName: `c${i}`, ProviderType: 'GitHub' }));
    const over = await failure(west.send(new CreateConnectionCommand({ ConnectionName: 'one-too-many', ProviderType: 'GitHub' })));
    assert.equal(over.name, 'LimitExceededException');
    const listed = await west.send(new ListConnectionsCommand({ MaxResults: 100 }));
    assert.equal(listed.Connections!.length, 100);
    assert.ok(listed.NextToken);
  });

  it('keeps regions apart', async () => {
    const { ConnectionArn } = await client.send(new CreateConnectionCommand({ ConnectionName: 'east', ProviderType: 'GitHub' }));
    const west = new CodeStarConnectionsClient(clientConfig(slipway.endpoint, 'us-west-2'));
    assert.equal((await failure(west.send(new GetConnectionCommand({ ConnectionArn })))).name, 'ResourceNotFoundException');
    assert.deepEqual((await west.send(new ListConnectionsCommand({}))).Connections, []);
  });
});

describe('codeconnections through the aws CLI', () => {
  it('makes connections with codeconnections ARNs; both services find them', async () => {
    const made = await awsCli(slipway.endpoint, [
      'codeconnections',
      'create-connection',
      '--connection-name',
      'cli-conn',
      '--provider-type',
      'GitHub',
    ]);
    assert.match(made.ConnectionArn, /^arn:aws:codeconnections:us-east-1:000000000000:connection\//);
    const got = await awsCli(slipway.endpoint, ['codeconnections', 'get-connection', '--connection-arn', made.ConnectionArn]);
    assert.equal(got.Connection.ConnectionStatus, 'AVAILABLE');
    const viaCodestar = await client.send(
      new GetConnectionCommand({ ConnectionArn: made.ConnectionArn.replace(':codeconnections:', ':codestar-connections:') }),
    );
    assert.equal(viaCodestar.Connection!.ConnectionName, 'cli-conn');
    const listed = await awsCli(slipway.endpoint, ['codeconnections', 'list-connections', '--provider-type-filter', 'GitHub']);
    assert.ok(listed.Connections.some((c: { ConnectionArn: string }) => c.ConnectionArn === made.ConnectionArn));

    // The CLI v1 would fetch an https:// parameter's page: the endpoint goes in as JSON.
    const input = { Name: 'ghes', ProviderType: 'GitHubEnterpriseServer', ProviderEndpoint: 'https://ghes.example.com' };
    const host = await awsCli(slipway.endpoint, ['codeconnections', 'create-host', '--cli-input-json', JSON.stringify(input)]);
    assert.match(host.HostArn, /^arn:aws:codeconnections:us-east-1:000000000000:host\/ghes-[0-9a-f]{8}$/);
    await aws(slipway.endpoint, ['codeconnections', 'tag-resource', '--resource-arn', host.HostArn, '--tags', 'Key=owner,Value=ops']);
    const tags = await awsCli(slipway.endpoint, ['codeconnections', 'list-tags-for-resource', '--resource-arn', host.HostArn]);
    assert.deepEqual(tags.Tags, [{ Key: 'owner', Value: 'ops' }]);
    await aws(slipway.endpoint, ['codeconnections', 'delete-host', '--host-arn', host.HostArn]);
    await aws(slipway.endpoint, ['codeconnections', 'delete-connection', '--connection-arn', made.ConnectionArn]);
    const gone = await cliFailure(['codeconnections', 'get-connection', '--connection-arn', made.ConnectionArn]);
    assert.match(gone, /ResourceNotFoundException/);
  });

  it('answers raw JSON 1.0 calls in JSON 1.0, errors included', async () => {
    const call = (target: string, body: unknown) =>
      rawRequest(slipway.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `com.amazonaws.codeconnections.CodeConnections_20231201.${target}`,
          authorization:
            'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/codeconnections/aws4_request, SignedHeaders=host, Signature=x',
        },
        body: JSON.stringify(body),
      });
    const made = await call('CreateConnection', { ConnectionName: 'raw', ProviderType: 'GitLab' });
    assert.equal(made.status, 200, made.text);
    assert.equal(made.headers['content-type'], 'application/x-amz-json-1.0');
    assert.match(JSON.parse(made.text).ConnectionArn, /:codeconnections:/);
    const bad = await call('CreateConnection', { ConnectionName: '', ProviderType: 'Gitea' });
    assert.equal(bad.status, 400);
    assert.equal(bad.headers['content-type'], 'application/x-amz-json-1.0');
    const error = JSON.parse(bad.text);
    assert.equal(error.__type, 'ValidationException');
    assert.match(error.message, /ConnectionName/);
    assert.match(error.message, /ProviderType/);
  });
});
