/**
 * @module services/connections/mirrors
 * Bare mirrors of remote repositories, one per connection and repository:
 *
 *   <data-dir>/connections/<connection id>/<FullRepositoryId, URI-encoded>.git
 *
 * Updated with `git fetch` (argument arrays, never a shell). The access token reaches git as an
 * `http.extraHeader` through GIT_CONFIG_* in its environment — never in its arguments, the
 * remote URL, the mirror's config or a log line. Only http(s) transports are allowed.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { git, initBare, refs } from '../codecommit/index.ts';
import type { ConnectionsContext } from './context.ts';
import type { GitLocation } from './source.ts';

export type RemoteLocation = Extract<GitLocation, { kind: 'remote' }>;

/** A ref that moved in a fetch or push: 40 zeros for a side where it did not exist. */
export interface MovedRef {
  ref: string;
  oldCommitId: string;
  newCommitId: string;
}

export const ZERO = '0'.repeat(40);

export function mirrorDir(cc: ConnectionsContext, connectionId: string, fullRepositoryId: string): string {
  return join(cc.mirrorRoot, connectionId, `${encodeURIComponent(fullRepositoryId)}.git`);
}

/** Every mirror on disk as [connection id, FullRepositoryId]. */
export function listMirrors(cc: ConnectionsContext): [string, string][] {
  if (!existsSync(cc.mirrorRoot)) return [];
  return readdirSync(cc.mirrorRoot).flatMap((id) =>
    readdirSync(join(cc.mirrorRoot, id))
      .filter((name) => name.endsWith('.git') && !name.includes('.tmp'))
      .map((name): [string, string] => [id, decodeURIComponent(name.slice(0, -'.git'.length))]),
  );
}

export function removeMirrors(cc: ConnectionsContext, connectionId: string): void {
  rmSync(join(cc.mirrorRoot, connectionId), { recursive: true, force: true });
}

/** The refs that differ between two ref maps. */
export function movedRefs(before: Map<string, string>, after: Map<string, string>): MovedRef[] {
  return [...new Set([...before.keys(), ...after.keys()])]
    .filter((ref) => before.get(ref) !== after.get(ref))
    .map((ref) => ({ ref, oldCommitId: before.get(ref) ?? ZERO, newCommitId: after.get(ref) ?? ZERO }));
}

/** git's environment for one fetch or clone: http(s) only, a stalled transfer given up, the token (if any) as a header. */
export function fetchEnv(cc: ConnectionsContext, remote: RemoteLocation): Record<string, string> {
  const env: Record<string, string> = { GIT_ALLOW_PROTOCOL: 'http:https', GIT_HTTP_LOW_SPEED_LIMIT: '1000', GIT_HTTP_LOW_SPEED_TIME: '60' };
  if (remote.tokenSecret === undefined) return env;
  const token = cc.secrets.resolveSecret(remote.tokenSecret, remote.scope);
  const basic = Buffer.from(`${remote.user}:${token}`).toString('base64');
  return { ...env, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}` };
}

/**
 * Fetches every branch and tag of the remote into the mirror (made on first use) and answers the
 * refs that moved; a mirror's first fetch answers none, since nothing was seen before it.
 */
export async function fetchMirror(
  cc: ConnectionsContext,
  dir: string,
  remote: RemoteLocation,
): Promise<{ moved: MovedRef[]; first: boolean }> {
  await initBare(dir);
  const seen = await git(dir, ['config', '--get', 'slipway.fetched']).then(
    () => true,
    () => false,
  );
  const before = await refs(dir);
  const refspecs = ['+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*'];
  await git(
    dir,
    ['-c', 'fetch.fsckObjects=true', 'fetch', '--quiet', '--prune', '--no-tags', '--end-of-options', remote.url, ...refspecs],
    fetchEnv(cc, remote),
  );
  if (!seen) await git(dir, ['config', 'slipway.fetched', 'true']);
  return { moved: seen ? movedRefs(before, await refs(dir)) : [], first: !seen };
}

/**
 * Fetches the one ref `source` of `remote` (a provider's refs/pull/<n>/head, a fork's branch) into
 * the mirror as `target`; false when the remote has no such ref or cannot be reached.
 */
export async function fetchRef(
  cc: ConnectionsContext,
  dir: string,
  remote: RemoteLocation,
  source: string,
  target: string,
): Promise<boolean> {
  await initBare(dir);
  const args = ['-c', 'fetch.fsckObjects=true', 'fetch', '--quiet', '--no-tags', '--end-of-options', remote.url, `+${source}:${target}`];
  return git(dir, args, fetchEnv(cc, remote)).then(
    () => true,
    () => false,
  );
}
