/**
 * @module services/iam/facade
 * What other rooms (STS today; the request verifier later) ask IAM: whose an access key is and
 * its secret, which policies apply to a principal, whether a role trusts a principal, the OIDC
 * provider for an issuer, and temporary credentials for a role session, kept beside users' keys.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { iamArn, iamId } from '../../core/ids.ts';
import { defaultDocument, identityDocuments } from './resolve.ts';
import type { IamContext } from './context.ts';
import type { EntityRecord, KeyRecord, OidcRecord } from './model.ts';
import { type Policy, parsePolicy } from './policy/document.ts';
import type { Context } from './policy/conditions.ts';
import { evaluate, type EvalResult, type RequestPrincipal } from './policy/evaluate.ts';

/** Who an access key belongs to, with what a verifier needs to check a signature and a session. */
export interface KeyPrincipal {
  accessKeyId: string;
  account: string;
  /** The user's ARN, or the assumed role session's (arn:aws:sts::…:assumed-role/role/session). */
  arn: string;
  type: 'user' | 'assumed-role' | 'root';
  /** AIDA… for a user; AROA…:session for a role session (what GetCallerIdentity calls UserId). */
  userId: string;
  secret: string;
  active: boolean;
  sessionToken?: string;
  expiration?: number;
  roleArn?: string;
  userName?: string;
}

export interface SessionRequest {
  account: string;
  role: RoleSummary;
  sessionName: string;
  durationSeconds: number;
  /** The region the request was made in (the role's last use). */
  region: string;
  /** Session policies (documents already checked), which narrow the role's permissions. */
  sessionPolicies?: string[];
}

export interface RoleSummary {
  arn: string;
  name: string;
  id: string;
  account: string;
  maxSessionDuration: number;
}

export interface IssuedCredentials {
  accessKeyId: string;
  secret: string;
  sessionToken: string;
  expiration: number;
  assumedRoleArn: string;
  assumedRoleId: string;
}

export interface IamFacade {
  principalOfAccessKey(accessKeyId: string): KeyPrincipal | undefined;
  /**
   * The identity-based policies of a user (its own, attached, its groups') or a role session (the
   * role's), and the session's own policies: those of the session `accessKeyId` names, else of the
   * newest session under that ARN (one session name may be used again with other session policies);
   * and the permissions boundary, when the user or role has one.
   */
  policiesFor(principalArn: string, accessKeyId?: string): { identity: Policy[]; session: Policy[]; boundary?: Policy };
  roleTrusts(roleArn: string, principal: RequestPrincipal, action: string, context?: Context): EvalResult;
  role(roleArn: string): RoleSummary | undefined;
  /** The OIDC provider registered in `account` for an issuer URL (https://host/path, or without the scheme). */
  oidcProvider(account: string, issuer: string): OidcRecord | undefined;
  issueSession(request: SessionRequest): IssuedCredentials;
  /** GetSessionToken's credentials: a session of the user (or the account root) itself. */
  issueUserSession(request: { account: string; principalArn: string; userName?: string; durationSeconds: number }): IssuedCredentials;
  /** The default version's document of a managed policy (the account's own or AWS's). */
  managedPolicyDocument(arn: string): string | undefined;
  /** The user an active service-specific credential (CodeCommit's HTTPS git user name and password) belongs to. */
  userOfServiceCredential(serviceUserName: string, password: string): { arn: string; account: string; userName: string } | undefined;
}

/** How many parsed policy documents the facade keeps (they are few: an account's policies). */
const PARSED_POLICIES_KEPT = 1024;

export function createFacade(iam: IamContext): IamFacade {
  const m = iam.model;
  // Every authorized request asks for its caller's policies: each stored document is parsed once.
  const byText = new Map<string, Policy>();
  const identityPolicy = (text: string): Policy => {
    let policy = byText.get(text);
    if (!policy) {
      if (byText.size >= PARSED_POLICIES_KEPT) byText.clear();
      policy = parsePolicy(text, 'identity');
      byText.set(text, policy);
    }
    return policy;
  };
  const parsed = (texts: string[]) => texts.map(identityPolicy);
  const summary = (r: EntityRecord): RoleSummary => ({
    arn: r.arn,
    name: r.name,
    id: r.id,
    account: r.account,
    maxSessionDuration: r.maxSessionDuration ?? 3600,
  });

  function newSession(account: string, durationSeconds: number, who: Partial<KeyRecord> & { principal: string }): KeyRecord {
    const now = iam.clock.now();
    return {
      kind: 'session',
      account,
      accessKeyId: iamId.accessKey('ASIA'),
      secret: iamId.secret(),
      status: 'Active',
      created: now,
      sessionToken: iamId.sessionToken(),
      expiration: now + durationSeconds * 1000,
      ...who,
    };
  }

  /** Stores a session (in a transaction); expired sessions go as new ones come, so the table holds live credentials only. */
  function keep(record: KeyRecord): void {
    for (const old of m.keys.find({ account: record.account, kind: 'session' }))
      if ((old.expiration ?? 0) <= record.created) m.keys.delete(old.accessKeyId);
    m.putKey(record);
  }

  function issued(record: KeyRecord): IssuedCredentials {
    return {
      accessKeyId: record.accessKeyId,
      secret: record.secret,
      sessionToken: record.sessionToken ?? '',
      expiration: record.expiration ?? record.created,
      assumedRoleArn: record.principal,
      assumedRoleId: record.assumedRoleId ?? '',
    };
  }

  function view(k: KeyRecord): KeyPrincipal {
    const now = iam.clock.now();
    const user = k.roleArn ? undefined : m.entities.get(k.principal);
    return {
      accessKeyId: k.accessKeyId,
      account: k.account,
      arn: k.principal,
      type: k.roleArn ? 'assumed-role' : user ? 'user' : 'root',
      userId: k.roleArn ? (k.assumedRoleId ?? '') : (user?.id ?? k.account),
      secret: k.secret,
      active: k.status === 'Active' && (k.expiration === undefined || k.expiration > now),
      sessionToken: k.sessionToken,
      expiration: k.expiration,
      roleArn: k.roleArn,
      userName: k.userName,
    };
  }

  return {
    managedPolicyDocument: (arn) => defaultDocument(iam, arn),
    userOfServiceCredential(serviceUserName, password) {
      const account = serviceUserName.match(/-at-(\d{12})$/)?.[1];
      if (!account) return undefined;
      const given = createHash('sha256').update(password).digest();
      for (const c of m.serviceCredentials.find({ account })) {
        if (c.serviceUserName !== serviceUserName || c.status !== 'Active') continue;
        // Hashes compared, so the comparison takes the same time whatever the lengths.
        if (!timingSafeEqual(given, createHash('sha256').update(c.password).digest())) continue;
        const user = m.entity(account, 'user', c.userName);
        return user ? { arn: user.arn, account, userName: user.name } : undefined;
      }
      return undefined;
    },
    principalOfAccessKey(accessKeyId) {
      const k = m.keys.get(accessKeyId);
      return k ? view(k) : undefined;
    },
    policiesFor(principalArn, accessKeyId) {
      const sessions = m.keys.find({ principal: principalArn, kind: 'session' }).sort((a, b) => b.created - a.created);
      const session = sessions.find((k) => k.accessKeyId === accessKeyId) ?? sessions[0];
      const holder = session?.roleArn ? m.entities.get(session.roleArn) : m.entities.get(principalArn);
      if (!holder) return { identity: [], session: [] };
      const boundary = holder.permissionsBoundary && defaultDocument(iam, holder.permissionsBoundary);
      return {
        identity: parsed(identityDocuments(iam, holder).map((d) => d.document)),
        session: parsed(session?.sessionPolicies ?? []),
        boundary: boundary ? identityPolicy(boundary) : undefined,
      };
    },
    roleTrusts(roleArn, principal, action, context) {
      const role = m.entities.get(roleArn);
      if (role?.kind !== 'role' || !role.trust) return { decision: 'ImplicitDeny' };
      return evaluate({ action, principal, principalArn: principal.type === 'AWS' ? principal.id : undefined, context }, [
        parsePolicy(role.trust, 'trust'),
      ]);
    },
    role(roleArn) {
      const r = m.entities.get(roleArn);
      return r?.kind === 'role' ? summary(r) : undefined;
    },
    oidcProvider(account, issuer) {
      const bare = issuer.replace(/^https?:\/\//, '').replace(/\/$/, '');
      return m.oidc.get(iamArn.oidcProvider(account, bare));
    },
    issueSession(request) {
      const record = newSession(request.account, request.durationSeconds, {
        principal: iamArn.assumedRole(request.account, request.role.name, request.sessionName),
        roleArn: request.role.arn,
        assumedRoleId: `${request.role.id}:${request.sessionName}`,
        sessionPolicies: request.sessionPolicies,
      });
      m.tx(() => {
        keep(record);
        const role = m.entities.get(request.role.arn);
        if (role) m.putEntity({ ...role, lastUsed: { at: record.created, region: request.region } });
      });
      return issued(record);
    },
    issueUserSession(request) {
      const record = newSession(request.account, request.durationSeconds, { principal: request.principalArn, userName: request.userName });
      m.tx(() => keep(record));
      return issued(record);
    },
  };
}
