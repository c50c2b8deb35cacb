/**
 * @module services/connections/source
 * Where a connection reads a repository from. There is no browser handshake to make, so a
 * connection is told by its tags (set at CreateConnection or later with TagResource):
 *
 *   (no tag)                         Slipway's own git host: /_slipway/git/<owner>/<repo>.git
 *   slipway:source = provider        the real provider: https://github.com/<owner>/<repo>.git,
 *                                    https://gitlab.com/<group>/<repo>.git, https://bitbucket.org/…,
 *                                    https://dev.azure.com/<org>/<project>/_git/<repo>
 *   (a connection through a host)    the host's ProviderEndpoint + /<FullRepositoryId>.git
 *   slipway:token-secret = <ref>     a Secrets Manager secret (name, ARN, or ARN:json-key::) holding
 *                                    the access token remote fetches send
 *   slipway:webhook-secret = <ref>   the secret a provider's webhook is signed with (webhook.ts)
 */
import type { Scope } from '../../core/ids.ts';
import { connectionsError } from './errors.ts';
import type { ConnectionRecord, HostRecord } from './model.ts';
import type { ProviderType } from './shapes-codeconnections.ts';

export const SOURCE_TAG = 'slipway:source';
export const TOKEN_TAG = 'slipway:token-secret';
export const WEBHOOK_TAG = 'slipway:webhook-secret';

/** A repository of Slipway's own git host, or a remote one fetched into a mirror. */
export type GitLocation =
  | { kind: 'local'; fullRepositoryId: string }
  | { kind: 'remote'; url: string; user: string; tokenSecret?: string; scope: Scope };

/** The user name a provider takes with an access token as the password. */
const TOKEN_USER: Record<ProviderType, string> = {
  GitHub: 'x-access-token',
  GitHubEnterpriseServer: 'x-access-token',
  GitLab: 'oauth2',
  GitLabSelfManaged: 'oauth2',
  Bitbucket: 'x-token-auth',
  AzureDevOps: 'pat',
};

export function checkSourceTags(tags: Record<string, string>, field: string): void {
  const source = tags[SOURCE_TAG];
  if (source !== undefined && source !== 'local' && source !== 'provider')
    throw connectionsError.invalid(field, `tag ${SOURCE_TAG} must be 'local' or 'provider', not '${source.slice(0, 64)}'`);
  for (const key of [TOKEN_TAG, WEBHOOK_TAG])
    if (tags[key] !== undefined && tags[key].trim() === '')
      throw connectionsError.invalid(field, `tag ${key} must name a Secrets Manager secret`);
}

/** A provider endpoint git may fetch from: http(s) only (no file://, ssh or ext:: transports), no credentials in it. */
export function checkEndpoint(field: string, value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash)
    throw connectionsError.invalid(
      field,
      `'${value.slice(0, 128)}' must be an http:// or https:// URL without credentials, query or fragment`,
    );
  return value.replace(/\/+$/, '');
}

/** owner/repo (GitLab: group/…/repo; Azure DevOps: org/project/repo) in letters, digits, '.', '_' and '-' (not first). */
export function repositorySegments(fullRepositoryId: string): string[] | undefined {
  const segments = fullRepositoryId.split('/');
  const ok =
    segments.length >= 2 &&
    segments.length <= 8 &&
    segments.every((s) => /^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,99}$/.test(s) && !/^\.+$/.test(s));
  return ok ? segments.map((s) => s.replace(/\.git$/i, '')) : undefined;
}

/** Where `fullRepositoryId` is read from through this connection; a string says why it cannot be. */
export function locationOf(
  connection: ConnectionRecord,
  host: HostRecord | undefined,
  fullRepositoryId: string,
  scope: Scope,
): GitLocation | string {
  const segments = repositorySegments(fullRepositoryId);
  if (!segments) return `FullRepositoryId '${fullRepositoryId.slice(0, 128)}' is not owner/repository`;
  const id = segments.join('/');
  const remote = (url: string): GitLocation => ({
    kind: 'remote',
    url,
    user: TOKEN_USER[connection.providerType],
    tokenSecret: connection.tags[TOKEN_TAG] ?? host?.tags[TOKEN_TAG],
    scope,
  });
  if (connection.hostId) {
    if (!host) return `the host of connection ${connection.arn} no longer exists`;
    return remote(`${host.providerEndpoint}/${id}.git`);
  }
  if (connection.tags[SOURCE_TAG] !== 'provider') {
    if (segments.length !== 2) return `FullRepositoryId '${id}' must be owner/repository on Slipway's git host`;
    return { kind: 'local', fullRepositoryId: id };
  }
  switch (connection.providerType) {
    case 'GitHub':
      return segments.length === 2 ? remote(`https://github.com/${id}.git`) : `FullRepositoryId '${id}' must be owner/repository on GitHub`;
    case 'Bitbucket':
      return segments.length === 2
        ? remote(`https://bitbucket.org/${id}.git`)
        : `FullRepositoryId '${id}' must be workspace/repository on Bitbucket`;
    case 'GitLab':
      return remote(`https://gitlab.com/${id}.git`);
    case 'AzureDevOps':
      return segments.length === 3
        ? remote(`https://dev.azure.com/${segments[0]}/${segments[1]}/_git/${segments[2]}`)
        : `FullRepositoryId '${id}' must be organization/project/repository on Azure DevOps`;
    default:
      return `a ${connection.providerType} connection reads through a host; connection ${connection.arn} has none`;
  }
}
