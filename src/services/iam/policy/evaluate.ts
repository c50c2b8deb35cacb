/**
 * @module services/iam/policy/evaluate
 * IAM's evaluation of one request against a set of policies, pure: an explicit Deny in any policy
 * wins; otherwise an Allow in any allows; otherwise the request is implicitly denied. A statement
 * applies when its action, resource, principal and conditions all match the request. The same
 * evaluator serves identity policies (no principal element), trust policies (no resource element)
 * and resource policies (both).
 */
import { parseArn } from '../../../core/ids.ts';
import { arnMatch, type Context, conditionsMet } from './conditions.ts';
import type { Policy, PrincipalSpec, Statement } from './document.ts';
import { literalMatch, substitute, wildcardMatch } from './match.ts';

/** Who is asking, as a trust or resource policy's Principal element names it. */
export interface RequestPrincipal {
  type: 'AWS' | 'Service' | 'Federated';
  /** An ARN (AWS, Federated: an OIDC provider's ARN), or a service name such as ecs-tasks.amazonaws.com. */
  id: string;
}

export interface EvalRequest {
  /** service:Operation, e.g. ecs:UpdateService */
  action: string;
  /** The resource's ARN or "*"; absent when evaluating a trust policy, which names no resource. */
  resource?: string;
  /** The caller's ARN (user, role session, root); also aws:PrincipalArn unless the context says it. */
  principalArn?: string;
  /** For trust and resource policies: the principal to match (defaults to the AWS principal principalArn). */
  principal?: RequestPrincipal;
  /** Condition keys: aws:SourceIp, aws:RequestedRegion, aws:SecureTransport, aws:ResourceTag/…, token claims … */
  context?: Context;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

export interface EvalResult {
  decision: Decision;
  /** The statement that decided (the Deny, or the first Allow); absent for an implicit deny. */
  matchedStatement?: Statement;
  /** Which of the policies given holds it (its index). */
  matchedPolicy?: number;
}

export function evaluate(request: EvalRequest, policies: readonly Policy[]): EvalResult {
  const context: Context = { ...request.context };
  if (request.principalArn && context['aws:PrincipalArn'] === undefined) context['aws:PrincipalArn'] = request.principalArn;
  let allowed: EvalResult | undefined;
  for (const [index, policy] of policies.entries()) {
    for (const statement of policy.statements) {
      if (!applies(statement, policy, request, context)) continue;
      if (statement.effect === 'Deny') return { decision: 'ExplicitDeny', matchedStatement: statement, matchedPolicy: index };
      allowed ??= { decision: 'Allow', matchedStatement: statement, matchedPolicy: index };
    }
  }
  return allowed ?? { decision: 'ImplicitDeny' };
}

function applies(s: Statement, policy: Policy, request: EvalRequest, context: Context): boolean {
  const action = (patterns: string[]) => patterns.some((p) => wildcardMatch(p, request.action, true));
  if (s.action && !action(s.action)) return false;
  if (s.notAction && action(s.notAction)) return false;
  if (request.resource !== undefined) {
    const resource = (patterns: string[]) => patterns.some((p) => resourceMatch(p, request.resource!, policy, context));
    if (s.resource && !resource(s.resource)) return false;
    if (s.notResource && resource(s.notResource)) return false;
  }
  const principal = request.principal ?? (request.principalArn ? { type: 'AWS' as const, id: request.principalArn } : undefined);
  if (s.principal && !principalMatch(s.principal, principal)) return false;
  if (s.notPrincipal && principalMatch(s.notPrincipal, principal)) return false;
  if (s.condition) {
    const values = policy.version === '2012-10-17' ? substituteConditions(s.condition, context) : s.condition;
    if (!values || !conditionsMet(values, context)) return false;
  }
  return true;
}

function resourceMatch(pattern: string, resource: string, policy: Policy, context: Context): boolean {
  if (pattern === '*') return true;
  if (policy.version !== '2012-10-17' || !pattern.includes('${')) return arnMatch(pattern, resource);
  const value = substitute(pattern, context);
  return value !== undefined && literalMatch(value, resource);
}

function substituteConditions(
  block: Record<string, Record<string, string[]>>,
  context: Context,
): Record<string, Record<string, string[]>> | undefined {
  const out: Record<string, Record<string, string[]>> = {};
  for (const [op, keys] of Object.entries(block)) {
    out[op] = {};
    for (const [key, values] of Object.entries(keys)) {
      const put = values.map((v) => substitute(v, context));
      if (put.some((v) => v === undefined)) return undefined;
      // The escapes stand for themselves in condition values.
      out[op][key] = (put as string[]).map((v) => v.replace(/\u0000star\u0000/g, '*').replace(/\u0000q\u0000/g, '?'));
    }
  }
  return out;
}

/** Whether a Principal element names `who`. */
export function principalMatch(spec: PrincipalSpec, who: RequestPrincipal | undefined): boolean {
  if (spec === '*') return true;
  if (!who) return false;
  const listed = spec[who.type] ?? [];
  if (who.type !== 'AWS') return listed.includes(who.id);
  return listed.some((p) => p === '*' || awsPrincipalNames(p, who.id));
}

/** An AWS principal value (account id, root, user, role or session ARN) naming the caller `arn`. */
function awsPrincipalNames(value: string, arn: string): boolean {
  if (value === arn) return true;
  const caller = parseArn(arn);
  if (!caller) return false;
  if (value === caller.account || value === `arn:aws:iam::${caller.account}:root`) return true;
  // A role's ARN names every session of that role.
  const role = value.match(/^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/);
  return Boolean(role && caller.service === 'sts' && caller.account === role[1] && caller.resource.startsWith(`assumed-role/${role[2]}/`));
}
