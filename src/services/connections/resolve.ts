/**
 * @module services/connections/resolve
 * Finding a connection or host by the ARN a caller names (either service's name, the caller's
 * scope only), and the tags a caller sets: no `aws:` keys, Slipway's own `slipway:` keys
 * (source.ts) checked, and under signatures a token secret only the caller may read, before
 * anything is written.
 */
import { connectionsArn, type Scope } from '../../core/ids.ts';
import { type Page, paginate } from '../../core/paging.ts';
import { scopeKey } from '../../core/scope.ts';
import type { RequestContext } from '../../protocol/types.ts';
import { parseSecretReference } from '../secrets/index.ts';
import type { ConnectionsContext } from './context.ts';
import { connectionsError } from './errors.ts';
import type { ConnectionRecord, HostRecord } from './model.ts';
import type { Tag } from './shapes-codeconnections.ts';
import { checkSourceTags, TOKEN_TAG } from './source.ts';

export const MAX_TAGS = 50;

function idIn(scope: Scope, arn: string, kind: 'connection' | 'host'): string | undefined {
  const parsed = connectionsArn.parse(arn);
  if (parsed?.kind !== kind || parsed.scope.region !== scope.region || parsed.scope.account !== scope.account) return undefined;
  return parsed.id;
}

export function findConnection(cc: ConnectionsContext, scope: Scope, arn: string): ConnectionRecord | undefined {
  const id = idIn(scope, arn, 'connection');
  return id === undefined ? undefined : cc.model.connection(scopeKey(scope), id);
}

export function requireConnection(cc: ConnectionsContext, scope: Scope, arn: string): ConnectionRecord {
  const found = findConnection(cc, scope, arn);
  if (!found) throw connectionsError.connectionNotFound(arn);
  return found;
}

export function requireHost(cc: ConnectionsContext, scope: Scope, arn: string): HostRecord {
  const id = idIn(scope, arn, 'host');
  const found = id === undefined ? undefined : cc.model.host(scopeKey(scope), id);
  if (!found) throw connectionsError.hostNotFound(arn);
  return found;
}

/** A Tags list as a map, checked: no reserved `aws:` keys, Slipway's keys well formed, at most MAX_TAGS. */
export function tagMap(tags: Tag[] | undefined, field = 'Tags', base: Record<string, string> = {}): Record<string, string> {
  const map = { ...base };
  for (const [i, tag] of (tags ?? []).entries()) {
    if (/^aws:/i.test(tag.Key))
      throw connectionsError.invalid(`${field}.${i + 1}.member.Key`, "Tag keys beginning with 'aws:' are reserved for AWS use.");
    map[tag.Key] = tag.Value;
  }
  if (Object.keys(map).length > MAX_TAGS) throw connectionsError.tooManyTags(MAX_TAGS);
  checkSourceTags(map, field);
  return map;
}

/**
 * Under signatures, a request that sets the token tag must come from a caller who may read that
 * secret themselves (secretsmanager:GetSecretValue): the token is sent to whatever host the
 * connection reaches, which the same caller may choose.
 */
export function requireTokenReadable(cc: ConnectionsContext, ctx: RequestContext, tags: Tag[] | undefined, field = 'Tags'): void {
  const ref = tags?.filter((tag) => tag.Key === TOKEN_TAG).at(-1)?.Value;
  if (ref === undefined || !ctx.authorize || ctx.accessKeyId === undefined || !cc.identity) return;
  let secretId: string;
  try {
    secretId = parseSecretReference(ref).secretId;
  } catch (err) {
    throw connectionsError.invalid(field, `tag ${TOKEN_TAG} must name a Secrets Manager secret: ${(err as Error).message}`);
  }
  const call = { service: 'secretsmanager', operation: 'GetSecretValue', input: { SecretId: secretId }, region: ctx.region };
  const denied = cc.identity.operationDenial(ctx.accessKeyId, call);
  if (denied) throw connectionsError.accessDenied(denied);
}

export function tagList(tags: Record<string, string>): Tag[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/** A page of connections or hosts, oldest first, as ListConnections and ListHosts page them (MaxResults 0: the default). */
export function listPage<T extends { createdAt: number; id: string }>(
  all: T[],
  input: { NextToken?: string; MaxResults?: number },
  kind: string,
): Page<T> {
  all.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return paginate(
    all,
    { token: input.NextToken, size: input.MaxResults || undefined },
    {
      kind,
      defaultSize: 100,
      maxSize: 100,
      invalid: (field, message) => connectionsError.invalid(field === 'token' ? 'NextToken' : 'MaxResults', message),
    },
  );
}
