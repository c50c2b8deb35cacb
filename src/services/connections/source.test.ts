import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConnectionRecord, HostRecord } from './model.ts';
import { checkEndpoint, locationOf } from './source.ts';

const scope = { region: 'us-east-1', account: '000000000000' };
const connection = (over: Partial<ConnectionRecord> = {}): ConnectionRecord => ({
  id: 'c1',
  arn: 'arn:aws:codeconnections:us-east-1:000000000000:connection/c1',
  scope: 'us-east-1:000000000000',
  name: 'c',
  providerType: 'GitHub',
  tags: {},
  createdAt: 0,
  ...over,
});
const host: HostRecord = {
  id: 'h-12345678',
  arn: 'arn:aws:codeconnections:us-east-1:000000000000:host/h-12345678',
  scope: 'us-east-1:000000000000',
  name: 'h',
  providerType: 'GitLabSelfManaged',
  providerEndpoint: 'https://git.example.com/gitlab',
  tags: { 'slipway:token-secret': 'host-token' },
  createdAt: 0,
};

describe('where a connection reads a repository', () => {
  it("is Slipway's own git host unless told otherwise", () => {
    assert.deepEqual(locationOf(connection(), undefined, 'acme/app.git', scope), { kind: 'local', fullRepositoryId: 'acme/app' });
    assert.match(String(locationOf(connection(), undefined, 'acme/group/app', scope)), /owner\/repository/);
  });

  it('is the real provider when tagged so, with the token secret it names', () => {
    const tags = { 'slipway:source': 'provider', 'slipway:token-secret': 'gh' };
    assert.deepEqual(locationOf(connection({ tags }), undefined, 'acme/app', scope), {
      kind: 'remote',
      url: 'https://github.com/acme/app.git',
      user: 'x-access-token',
      tokenSecret: 'gh',
      scope,
    });
    const gitlab = locationOf(connection({ providerType: 'GitLab', tags }), undefined, 'group/sub/app', scope);
    assert.equal(typeof gitlab !== 'string' && gitlab.kind === 'remote' && gitlab.url, 'https://gitlab.com/group/sub/app.git');
  });

  it("is the host's endpoint for a connection through a host, with the host's token when the connection names none", () => {
    const through = connection({ providerType: 'GitLabSelfManaged', hostId: host.id, hostArn: host.arn });
    const location = locationOf(through, host, 'group/app', scope);
    assert.ok(typeof location !== 'string' && location.kind === 'remote');
    assert.equal(location.url, 'https://git.example.com/gitlab/group/app.git');
    assert.equal(location.user, 'oauth2');
    assert.equal(location.tokenSecret, 'host-token');
    assert.match(String(locationOf(through, undefined, 'group/app', scope)), /no longer exists/);
  });

  it('refuses repository ids that could leave their place', () => {
    for (const id of ['acme', '../etc/passwd', 'acme/..', 'acme//app', '-x/app', 'a/b c'])
      assert.equal(typeof locationOf(connection(), undefined, id, scope), 'string', id);
  });

  it('takes only http(s) endpoints without credentials', () => {
    assert.equal(checkEndpoint('ProviderEndpoint', 'https://git.example.com/'), 'https://git.example.com');
    for (const bad of ['file:///srv/git', 'ext::sh -c id', 'ssh://git@example.com/x', 'https://user:pw@example.com', 'git.example.com'])
      assert.throws(() => checkEndpoint('ProviderEndpoint', bad), /ProviderEndpoint/, bad);
  });
});
