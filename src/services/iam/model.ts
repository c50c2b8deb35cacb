/**
 * @module services/iam/model
 * IAM's records and the only code that touches its tables. IAM is global: records are kept by
 * account, never by region. Names are unique per account without regard to case, as IAM's are
 * (`lname` is the lower-cased name).
 *
 * Tables:
 *   iam_entities   pk ARN        account, kind (user|group|role|instance-profile), lname   (document: EntityRecord)
 *   iam_policies   pk ARN        account, lname                          (document: PolicyRecord, its versions inside)
 *   iam_keys       pk key id     account, principal (ARN), kind (user|session)   (document: KeyRecord, secret included)
 *   iam_oidc       pk ARN        account                                 (document: OidcRecord)
 *   iam_service_credentials  pk id  account, user (name)                 (document: ServiceCredentialRecord)
 *
 * Users, groups, roles and instance profiles share one table and one shape: each holds its inline policies (name →
 * document) and the ARNs of the managed policies attached to it; a user holds the names of its
 * groups. Temporary credentials from STS sit in iam_keys beside users' access keys, so that one
 * look-up finds any key's secret, session token, expiry and principal.
 */
import type { DocTable, Store } from '../../store/index.ts';
import type { statusType, Tag } from './shapes.ts';

export type EntityKind = 'user' | 'group' | 'role' | 'instance-profile';

export interface EntityRecord {
  kind: EntityKind;
  account: string;
  arn: string;
  name: string;
  path: string;
  id: string;
  created: number;
  /** Inline policies: name → document text. */
  inline: Record<string, string>;
  /** Managed policies attached, by ARN. */
  attached: string[];
  tags: Tag[];
  /** A user's groups, by name. */
  groups?: string[];
  permissionsBoundary?: string;
  /** An instance profile's role, by name (IAM allows one). */
  roles?: string[];
  /** A role's trust policy. */
  trust?: string;
  description?: string;
  maxSessionDuration?: number;
  lastUsed?: { at: number; region: string };
}

export interface PolicyVersionRecord {
  id: string;
  document: string;
  created: number;
}

export interface PolicyRecord {
  account: string;
  arn: string;
  name: string;
  path: string;
  id: string;
  description?: string;
  created: number;
  updated: number;
  defaultVersion: string;
  versions: PolicyVersionRecord[];
  /** The number the next version takes (v1, v2 … never reused). */
  nextVersion: number;
  tags: Tag[];
}

export interface KeyRecord {
  kind: 'user' | 'session';
  account: string;
  accessKeyId: string;
  secret: string;
  /** The user's ARN, or the assumed role session's. */
  principal: string;
  status: statusType;
  created: number;
  userName?: string;
  /** Temporary credentials only. */
  sessionToken?: string;
  expiration?: number;
  roleArn?: string;
  /** The session's id as STS shows it: <role id>:<session name>. */
  assumedRoleId?: string;
  /** Session policies given to AssumeRole (Policy, PolicyArns), which narrow the role's permissions. */
  sessionPolicies?: string[];
  lastUsed?: { at: number; region: string; service: string };
}

export interface OidcRecord {
  account: string;
  arn: string;
  url: string;
  clientIds: string[];
  thumbprints: string[];
  created: number;
  tags: Tag[];
}

export interface ServiceCredentialRecord {
  account: string;
  id: string;
  userName: string;
  serviceName: string;
  serviceUserName: string;
  password: string;
  status: statusType;
  created: number;
}

export class IamModel {
  readonly entities: DocTable<EntityRecord, 'account' | 'kind' | 'lname'>;
  readonly policies: DocTable<PolicyRecord, 'account' | 'lname'>;
  readonly keys: DocTable<KeyRecord, 'account' | 'principal' | 'kind'>;
  readonly oidc: DocTable<OidcRecord, 'account'>;
  readonly serviceCredentials: DocTable<ServiceCredentialRecord, 'account' | 'user'>;

  constructor(readonly store: Store) {
    this.entities = store.docTable('iam_entities', { account: 'TEXT', kind: 'TEXT', lname: 'TEXT' });
    this.policies = store.docTable('iam_policies', { account: 'TEXT', lname: 'TEXT' });
    this.keys = store.docTable('iam_keys', { account: 'TEXT', principal: 'TEXT', kind: 'TEXT' });
    this.oidc = store.docTable('iam_oidc', { account: 'TEXT' });
    this.serviceCredentials = store.docTable('iam_service_credentials', { account: 'TEXT', user: 'TEXT' });
  }

  tx<T>(fn: () => T): T {
    return this.store.tx(fn);
  }

  entity(account: string, kind: EntityKind, name: string): EntityRecord | undefined {
    return this.entities.find({ account, kind, lname: name.toLowerCase() })[0];
  }

  entitiesOf(account: string, kind: EntityKind): EntityRecord[] {
    return this.entities.find({ account, kind }, 'lname');
  }

  putEntity(e: EntityRecord): void {
    this.entities.put(e.arn, e, { account: e.account, kind: e.kind, lname: e.name.toLowerCase() });
  }

  policy(account: string, name: string): PolicyRecord | undefined {
    return this.policies.find({ account, lname: name.toLowerCase() })[0];
  }

  putPolicy(p: PolicyRecord): void {
    this.policies.put(p.arn, p, { account: p.account, lname: p.name.toLowerCase() });
  }

  keysOf(principal: string, kind: KeyRecord['kind'] = 'user'): KeyRecord[] {
    return this.keys.find({ principal, kind }, 'pk');
  }

  putKey(k: KeyRecord): void {
    this.keys.put(k.accessKeyId, k, { account: k.account, principal: k.principal, kind: k.kind });
  }

  putOidc(o: OidcRecord): void {
    this.oidc.put(o.arn, o, { account: o.account });
  }

  putServiceCredential(c: ServiceCredentialRecord): void {
    this.serviceCredentials.put(c.id, c, { account: c.account, user: c.userName.toLowerCase() });
  }
}
