/**
 * @module services/sts/role-sessions
 * What a service does with the role it acts with (a task's execution role, a pipeline's role, a
 * deployment group's service role), once signatures are required: it assumes the role as the
 * service principal — which must exist and trust it — and each call it makes is authorized as that
 * role session, by the same policies and maps as a signed request. In open mode every call passes
 * and no session is minted, as before.
 */
import type { IssuedCredentials } from '../iam/index.ts';
import type { AppContext } from '../types.ts';

/** A role as a service acts with it; one session per role, principal and session name. */
export interface ServiceRole {
  roleArn: string;
  servicePrincipal: string;
  region: string;
  /** Names the session in the assumed-role ARN AccessDenied messages show (ECS: the task id). */
  sessionName: string;
}

/** A call authorized as the role: an operation of a room (by its IAM map), or an IAM action on one resource. */
export type RoleCall = { service: string; operation: string; input: Record<string, unknown> } | { action: string; resource: string };

type Assume = (roleArn: string, sessionName: string, servicePrincipal: string, region: string) => IssuedCredentials;

/** A session is minted again when less than this is left of it. */
const RENEW_BEFORE_MS = 5 * 60_000;

export class RoleSessions {
  private readonly sessions = new Map<string, IssuedCredentials>();

  constructor(
    private readonly app: AppContext,
    private readonly assume: Assume,
    private readonly requireAssumable: (roleArn: string, servicePrincipal: string) => void,
  ) {}

  /** Strict mode: throws ServiceRoleError unless the role exists and trusts the service principal. */
  check(roleArn: string, servicePrincipal: string): void {
    this.requireAssumable(roleArn, servicePrincipal);
  }

  /**
   * AWS's AccessDenied message when the role may not make `call`; undefined when it may, or when
   * signatures are not required. Throws ServiceRoleError when the service may not assume the role.
   */
  denial(role: ServiceRole, call: RoleCall): string | undefined {
    const identity = this.app.identity;
    if (!identity) return undefined;
    const key = this.session(role).accessKeyId;
    return 'operation' in call
      ? identity.operationDenial(key, { ...call, region: role.region })
      : identity.denial(key, call.action, call.resource);
  }

  private session(role: ServiceRole): IssuedCredentials {
    const now = this.app.clock.now();
    const key = [role.roleArn, role.servicePrincipal, role.region, role.sessionName].join('\n');
    let held = this.sessions.get(key);
    if (!held || held.expiration - now <= RENEW_BEFORE_MS) {
      for (const [k, s] of this.sessions) if (s.expiration - now <= RENEW_BEFORE_MS) this.sessions.delete(k);
      held = this.assume(role.roleArn, role.sessionName, role.servicePrincipal, role.region);
      this.sessions.set(key, held);
    }
    return held;
  }
}
