/**
 * @module server/auth/authorize
 * Whether a verified caller may perform an operation, as IAM decides for a request within one
 * account: an explicit Deny in any policy refuses; an Allow in an identity-based policy or in the
 * resource's own policy (an ECR repository's) allows; a permissions boundary and session
 * policies, when present, must allow too. Refusals are AccessDenied in AWS's words.
 */
import { AwsError } from '../../core/errors.ts';
import type { Protocol } from '../../protocol/codecs.ts';
import {
  accessDeniedMessage,
  evaluate,
  type EvalRequest,
  type IamFacade,
  type KeyPrincipal,
  parsePolicy,
  type Policy,
  type RequestPrincipal,
} from '../../services/iam/index.ts';
import type { ResourceFacts } from '../../services/authorization.ts';
import type { ActionRequest } from './actions.ts';

type Context = NonNullable<EvalRequest['context']>;

export interface AuthorizeDeps {
  iam: IamFacade;
  /** What the resource's room tells of it: its stored ARN, its own policy (text) and its tags. */
  resource(resourceArn: string): ResourceFacts | undefined;
}

/** Who an unsigned request is: a Principal element matches it only by `*` (or {"AWS": "*"}). */
const ANONYMOUS: RequestPrincipal = { type: 'AWS', id: 'anonymous' };

/**
 * AWS's AccessDenied message unless every resource and every role handed over is allowed; `who`
 * undefined is the anonymous principal, weighed against resource policies alone.
 */
export function denial(deps: AuthorizeDeps, who: KeyPrincipal | undefined, call: ActionRequest, context: Context): string | undefined {
  // The account's root is not bound by policies within its account.
  if (who?.type === 'root') return undefined;
  const policies = who && deps.iam.policiesFor(who.arn, who.accessKeyId);
  const checks = [...call.resources.map((r) => [call.action, r]), ...call.passedRoles.map((r) => ['iam:PassRole', r])];
  for (const [action, named] of checks) {
    const known = named !== '*' ? deps.resource(named) : undefined;
    const resource = known?.arn ?? named;
    const tags = Object.entries(known?.tags ?? {}).map(([k, v]) => [`aws:ResourceTag/${k}`, v]);
    const request = {
      action,
      resource,
      principalArn: who?.arn,
      principal: who ? undefined : ANONYMOUS,
      context: { ...context, ...(action === call.action ? call.context : undefined), ...Object.fromEntries(tags) },
    };
    if (!who || !policies) {
      const decision = known?.policy ? evaluate(request, [parseResourcePolicy(known.policy)]).decision : 'ImplicitDeny';
      if (decision !== 'Allow') return 'Access Denied';
      continue;
    }
    const refusal = decide(policies, who, request, known?.policy);
    if (refusal) return accessDeniedMessage({ principalArn: who.arn, action, resource }, refusal.decision, refusal.policyType);
  }
  return undefined;
}

/** AccessDenied in the caller's protocol, with AWS's message. */
export function accessDenied(protocol: Protocol, message: string): AwsError {
  return new AwsError(protocol === 'json' ? 'AccessDeniedException' : 'AccessDenied', message, { status: protocol === 'json' ? 400 : 403 });
}

type Refusal = { decision: 'ExplicitDeny' | 'ImplicitDeny'; policyType: Parameters<typeof accessDeniedMessage>[2] };

function decide(
  policies: { identity: Policy[]; session: Policy[]; boundary?: Policy },
  who: KeyPrincipal,
  request: EvalRequest,
  text: string | undefined,
): Refusal | undefined {
  const identity = evaluate(request, policies.identity);
  if (identity.decision === 'ExplicitDeny') return { decision: 'ExplicitDeny', policyType: 'identity-based' };
  const resource = text ? evaluate(request, [parseResourcePolicy(text)]) : undefined;
  if (resource?.decision === 'ExplicitDeny') return { decision: 'ExplicitDeny', policyType: 'resource-based' };
  const boundary = policies.boundary ? evaluate(request, [policies.boundary]) : undefined;
  if (boundary?.decision === 'ExplicitDeny') return { decision: 'ExplicitDeny', policyType: 'permissions boundary' };
  const session = policies.session.length ? evaluate(request, policies.session) : undefined;
  if (session?.decision === 'ExplicitDeny') return { decision: 'ExplicitDeny', policyType: 'session' };
  // Within the account, a resource policy naming the caller allows by itself; an identity allow must pass the boundary and session too.
  if (resource?.decision === 'Allow' && who.type === 'user') return undefined;
  if (identity.decision !== 'Allow' && resource?.decision !== 'Allow') return { decision: 'ImplicitDeny', policyType: 'identity-based' };
  if (boundary && boundary.decision !== 'Allow') return { decision: 'ImplicitDeny', policyType: 'permissions boundary' };
  if (session && session.decision !== 'Allow') return { decision: 'ImplicitDeny', policyType: 'session' };
  return undefined;
}

/** Resource policies were checked when they were set; one that no longer reads allows nothing. */
const parsedResourcePolicies = new Map<string, Policy>();
function parseResourcePolicy(text: string): Policy {
  let policy = parsedResourcePolicies.get(text);
  if (!policy) {
    try {
      policy = parsePolicy(text, 'resource');
    } catch {
      policy = { version: '2012-10-17', statements: [] };
    }
    if (parsedResourcePolicies.size >= 256) parsedResourcePolicies.clear();
    parsedResourcePolicies.set(text, policy);
  }
  return policy;
}
