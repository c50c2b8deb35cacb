/**
 * @module services/sts/service-roles
 * A role session for a service acting on a user's behalf: an ECS task's task role
 * (ecs-tasks.amazonaws.com), a build's service role (codebuild.amazonaws.com). In open mode a role
 * ARN that IAM does not hold still gets a session named after it, since seeds name roles made in
 * the console; in strict mode (`--auth`) the role must exist and trust the service, as on AWS.
 */
import { createHash } from 'node:crypto';
import { parseArn } from '../../core/ids.ts';
import type { IamFacade, IssuedCredentials, RoleSummary } from '../iam/index.ts';
import type { RoleSessions } from './role-sessions.ts';

/** How long a service's role session lasts; the container credentials endpoint renews it before then. */
export const SERVICE_SESSION_SECONDS = 3600;

/** Why a service could not assume a role; each room words it as its service does. */
export class ServiceRoleError extends Error {
  constructor(
    readonly roleArn: string,
    readonly reason: 'malformed' | 'missing' | 'untrusted',
  ) {
    super(
      reason === 'malformed'
        ? `${roleArn} is not a role ARN`
        : reason === 'missing'
          ? `the role ${roleArn} does not exist`
          : `the role ${roleArn} does not trust the service to assume it`,
    );
    this.name = 'ServiceRoleError';
  }
}

/**
 * In strict mode, that the role exists and trusts the service to assume it (ServiceRoleError
 * otherwise): what AWS checks when a pipeline, deployment group, service or project names a role.
 */
export function requireAssumable(deps: { iam: IamFacade; strict: () => boolean }, roleArn: string, servicePrincipal: string): void {
  if (!deps.strict()) return;
  if (!deps.iam.role(roleArn)) throw new ServiceRoleError(roleArn, /^arn:aws:iam::\d{12}:role\//.test(roleArn) ? 'missing' : 'malformed');
  const trust = deps.iam.roleTrusts(roleArn, { type: 'Service', id: servicePrincipal }, 'sts:AssumeRole');
  if (trust.decision !== 'Allow') throw new ServiceRoleError(roleArn, 'untrusted');
}

export function assumeRoleForService(
  deps: { iam: IamFacade; strict: () => boolean },
  roleArn: string,
  sessionName: string,
  servicePrincipal: string,
  region: string,
): IssuedCredentials {
  const role = deps.iam.role(roleArn) ?? unheldRole(roleArn);
  requireAssumable(deps, roleArn, servicePrincipal);
  return deps.iam.issueSession({
    account: role.account,
    role,
    sessionName,
    durationSeconds: SERVICE_SESSION_SECONDS,
    region,
  });
}

/**
 * What a create or update call naming a role checks when signatures are required: that the role
 * exists and trusts the service, refused in the room's own words; in open mode every role is taken.
 */
export function requireServiceRole(
  roles: RoleSessions,
  roleArn: string,
  servicePrincipal: string,
  refusal: (err: ServiceRoleError) => Error,
): void {
  try {
    roles.check(roleArn, servicePrincipal);
  } catch (err) {
    if (err instanceof ServiceRoleError) throw refusal(err);
    throw err;
  }
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A role IAM does not hold, as open mode takes it: named by its ARN, with an id that stays the same for that ARN. */
function unheldRole(roleArn: string): RoleSummary {
  const arn = parseArn(roleArn);
  const match = arn?.service === 'iam' ? /^role\/(?:.*\/)?([\w+=,.@-]{1,64})$/.exec(arn.resource) : null;
  if (!arn || !match || !/^\d{12}$/.test(arn.account)) throw new ServiceRoleError(roleArn, 'malformed');
  const digest = createHash('sha256').update(roleArn).digest();
  const id = `AROA${[...digest.subarray(0, 17)].map((b) => BASE32[b % 32]).join('')}`;
  return { arn: roleArn, name: match[1], id, account: arn.account, maxSessionDuration: SERVICE_SESSION_SECONDS };
}
