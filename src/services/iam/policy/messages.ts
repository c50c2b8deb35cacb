/**
 * @module services/iam/policy/messages
 * AWS's AccessDenied wording, built from an evaluation's decision.
 */
import type { Decision } from './evaluate.ts';

/** Which policies were evaluated, as the message names them. */
export type PolicyType = 'identity-based' | 'resource-based' | 'session' | 'permissions boundary';

/** "User: arn:… is not authorized to perform: ecs:UpdateService on resource: arn:… because no identity-based policy allows the ecs:UpdateService action" */
export function accessDeniedMessage(
  request: { principalArn: string; action: string; resource: string },
  decision: Exclude<Decision, 'Allow'>,
  policyType: PolicyType = 'identity-based',
): string {
  const head = `User: ${request.principalArn} is not authorized to perform: ${request.action} on resource: ${request.resource}`;
  return decision === 'ExplicitDeny'
    ? `${head} with an explicit deny in ${policyType === 'identity-based' ? 'an' : 'a'} ${policyType} policy`
    : `${head} because no ${policyType} policy allows the ${request.action} action`;
}
