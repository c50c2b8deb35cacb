/**
 * @module services/iam/api-simulate
 * IAM's policy simulator, on the same evaluator enforcement will use: SimulateCustomPolicy
 * (policies given in the request) and SimulatePrincipalPolicy (a user's, group's or role's
 * identity-based policies, and any given beside them), each action against each resource.
 */
import type { Handlers } from '../../protocol/types.ts';
import type { IamContext } from './context.ts';
import { iamError } from './errors.ts';
import type { Context } from './policy/conditions.ts';
import { evaluate } from './policy/evaluate.ts';
import { checkPolicy, identityDocuments, page, type SourcedDocument } from './resolve.ts';
import type { ContextEntry, EvaluationResult, IamOperations, PolicySourceType } from './shapes.ts';

const DECISIONS = { Allow: 'allowed', ExplicitDeny: 'explicitDeny', ImplicitDeny: 'implicitDeny' } as const;

interface SimulationInput {
  ActionNames: string[];
  ResourceArns?: string[];
  CallerArn?: string;
  ContextEntries?: ContextEntry[];
  Marker?: string;
  MaxItems?: number;
}

function contextOf(entries: ContextEntry[] = []): Context {
  const context: Context = {};
  for (const e of entries) {
    if (!e.ContextKeyName) continue;
    const values = e.ContextKeyValues ?? [];
    context[e.ContextKeyName] = e.ContextKeyType?.endsWith('List') ? values : values[0];
  }
  return context;
}

function simulate(sources: (SourcedDocument | { id: string; type: 'input'; document: string })[], input: SimulationInput) {
  const policies = sources.map((s) => checkPolicy(s.document, 'identity', 'managed'));
  const context = contextOf(input.ContextEntries);
  const resources = input.ResourceArns?.length ? input.ResourceArns : ['*'];
  const results: EvaluationResult[] = input.ActionNames.flatMap((action) =>
    resources.map((resource) => {
      const r = evaluate({ action, resource, principalArn: input.CallerArn, context }, policies);
      const source = r.matchedPolicy === undefined ? undefined : sources[r.matchedPolicy];
      return {
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: DECISIONS[r.decision],
        MatchedStatements: source
          ? [{ SourcePolicyId: source.id, SourcePolicyType: (source.type === 'input' ? 'none' : source.type) as PolicySourceType }]
          : [],
        MissingContextValues: [],
      };
    }),
  );
  const p = page(results, input, 'simulation');
  return { EvaluationResults: p.items, IsTruncated: p.IsTruncated, Marker: p.Marker };
}

const given = (list: string[] = []) => list.map((document, i) => ({ id: `PolicyInputList.${i + 1}`, type: 'input' as const, document }));

export function simulateHandlers(iam: IamContext): Handlers<IamOperations> {
  return {
    SimulateCustomPolicy: (input) => simulate(given(input.PolicyInputList), input),
    SimulatePrincipalPolicy(input, ctx) {
      const holder = iam.model.entities.get(input.PolicySourceArn);
      if (!holder || holder.account !== ctx.account) throw iamError.noSuchSource(input.PolicySourceArn);
      return simulate([...identityDocuments(iam, holder), ...given(input.PolicyInputList)], {
        ...input,
        CallerArn: input.CallerArn ?? (holder.kind === 'group' ? undefined : holder.arn),
      });
    },
  };
}
