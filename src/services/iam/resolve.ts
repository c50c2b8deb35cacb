/**
 * @module services/iam/resolve
 * Finding IAM's records for a request (or refusing with IAM's error), reading policy documents
 * through the grammar, and IAM's Marker/MaxItems paging.
 */
import { paginate } from '../../core/paging.ts';
import type { RequestContext } from '../../protocol/types.ts';
import { awsManagedPolicy } from './aws-managed.ts';
import type { IamContext } from './context.ts';
import { type EntityNoun, iamError } from './errors.ts';
import { iamArn, iamId } from '../../core/ids.ts';
import type { EntityKind, EntityRecord, PolicyRecord } from './model.ts';
import { type Policy, PolicyGrammarError, type PolicyKind, parsePolicy } from './policy/document.ts';
import type { Tag } from './shapes.ts';

/** The largest policy documents IAM stores, in characters without whitespace. */
const MAX_SIZE: Record<string, number> = { user: 2048, group: 5120, role: 10240, managed: 6144, trust: 2048 };
const QUOTA_NAME: Record<string, string> = {
  user: 'UserPolicySize',
  group: 'GroupPolicySize',
  role: 'RolePolicySize',
  managed: 'PolicySize',
  trust: 'ACLSizePerRole',
};

/** Reads a policy document for IAM to store, or refuses it as IAM does. */
export function checkPolicy(text: string, kind: PolicyKind, where: keyof typeof MAX_SIZE): Policy {
  const size = text.replace(/\s/g, '').length;
  if (size > MAX_SIZE[where]) throw iamError.limit(QUOTA_NAME[where], MAX_SIZE[where]);
  try {
    return parsePolicy(text, kind);
  } catch (err) {
    if (err instanceof PolicyGrammarError) throw iamError.malformedPolicy(err.message);
    throw err;
  }
}

/** The user a request names, or else the user whose access key signed it. */
export function userOf(iam: IamContext, ctx: RequestContext, name: string | undefined): EntityRecord {
  if (name) return requireEntity(iam, ctx.account, 'user', name);
  const key = ctx.accessKeyId ? iam.model.keys.get(ctx.accessKeyId) : undefined;
  if (key?.kind === 'user' && key.userName) return requireEntity(iam, ctx.account, 'user', key.userName);
  throw iamError.invalidInput('Must specify a userName when calling with non-User credentials');
}

const ARN = { user: iamArn.user, group: iamArn.group, role: iamArn.role, 'instance-profile': iamArn.instanceProfile } as const;
const ID_PREFIX = { user: 'AIDA', group: 'AGPA', role: 'AROA', 'instance-profile': 'AIPA' } as const;

/** How IAM's messages name an entity of a kind. */
export function nounOf(kind: EntityKind): EntityNoun {
  return kind === 'instance-profile' ? 'instance profile' : kind;
}

/** Creates a user, group, role or instance profile, refusing a name the account already uses for that kind. */
export function createEntity(
  iam: IamContext,
  kind: EntityKind,
  account: string,
  input: { name: string; path?: string; boundary?: string; tags?: EntityRecord['tags'] },
  extra: Partial<EntityRecord> = {},
): EntityRecord {
  const m = iam.model;
  const path = input.path ?? '/';
  const tags = checkTags(input.tags);
  return m.tx(() => {
    if (m.entity(account, kind, input.name)) throw iamError.exists(nounOf(kind), input.name);
    if (input.boundary) requirePolicy(iam, account, input.boundary);
    const record: EntityRecord = {
      kind,
      account,
      arn: ARN[kind](account, path, input.name),
      name: input.name,
      path,
      id: iamId.unique(ID_PREFIX[kind]),
      created: iam.clock.now(),
      inline: {},
      attached: [],
      tags,
      permissionsBoundary: input.boundary,
      ...extra,
    };
    m.putEntity(record);
    return record;
  });
}

export function requireEntity(iam: IamContext, account: string, kind: EntityKind, name: string): EntityRecord {
  const found = iam.model.entity(account, kind, name);
  if (!found) throw iamError.noSuch(nounOf(kind), name);
  return found;
}

/** A managed policy by ARN: the account's own, or AWS's. */
export function findPolicy(iam: IamContext, arn: string): PolicyRecord | undefined {
  return iam.model.policies.get(arn) ?? awsManagedPolicy(arn);
}

export function requirePolicy(iam: IamContext, account: string, arn: string): PolicyRecord {
  checkPolicyArn(arn);
  const found = findPolicy(iam, arn);
  if (!found || (found.account !== account && found.account !== 'aws')) throw iamError.noSuchPolicy(arn);
  return found;
}

/** The default version's document of a managed policy. */
export function defaultDocument(iam: IamContext, arn: string): string | undefined {
  const p = findPolicy(iam, arn);
  return p?.versions.find((v) => v.id === p.defaultVersion)?.document;
}

/** Where an identity-based policy comes from, as IAM's policy simulator names it. */
export interface SourcedDocument {
  id: string;
  type: 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed';
  document: string;
}

/** The identity-based policies of a user (its own, attached, its groups'), a group or a role. */
export function identityDocuments(iam: IamContext, holder: EntityRecord): SourcedDocument[] {
  const groups = (holder.groups ?? []).flatMap((g) => iam.model.entity(holder.account, 'group', g) ?? []);
  if (holder.kind === 'instance-profile') return [];
  return [holder, ...groups].flatMap((e) => [
    ...Object.entries(e.inline).map(([name, document]) => ({ id: name, type: e.kind as 'user' | 'group' | 'role', document })),
    ...e.attached.flatMap((arn) => {
      const document = defaultDocument(iam, arn);
      const type = arn.startsWith('arn:aws:iam::aws:') ? ('aws-managed' as const) : ('user-managed' as const);
      return document ? [{ id: arn, type, document }] : [];
    }),
  ]);
}

/** A policy ARN as IAM reads it: arn:aws:iam::<account|aws>:policy/… */
export function checkPolicyArn(arn: string): void {
  if (!/^arn:aws:iam::(\d{12}|aws):policy\/\S+$/.test(arn)) throw iamError.invalidArn(arn);
}

/** IAM's paging: MaxItems (default 100, at most 1000) and an opaque Marker; IsTruncated says more follow. */
export function page<T>(all: readonly T[], input: { Marker?: string; MaxItems?: number }, kind: string) {
  const result = paginate(
    all,
    { token: input.Marker, size: input.MaxItems },
    {
      kind,
      defaultSize: 100,
      maxSize: 1000,
      invalid: (field, message) =>
        field === 'token'
          ? iamError.invalidInput('Invalid Marker: the marker was not returned by an earlier call')
          : iamError.invalidInput(`MaxItems ${message}`),
    },
  );
  return { items: result.items, IsTruncated: result.next !== undefined, Marker: result.next };
}

/** A request's tags, checked as IAM checks them: at most 50, no key twice. */
export function checkTags(tags: Tag[] | undefined, existing: Tag[] = []): Tag[] {
  const merged = new Map(existing.map((t) => [t.Key.toLowerCase(), t]));
  const seen = new Set<string>();
  for (const tag of tags ?? []) {
    const key = tag.Key.toLowerCase();
    if (seen.has(key)) throw iamError.invalidInput(`Duplicate tag keys found. Please note that Tag keys are case insensitive.`);
    seen.add(key);
    merged.set(key, tag);
  }
  if (merged.size > 50) throw iamError.limit('TagsPerResource', 50);
  return [...merged.values()];
}

/** IAM returns policy documents URL-encoded, as the SDKs and the CLI expect to decode them. */
export function encodedDocument(text: string): string {
  return encodeURIComponent(text);
}
