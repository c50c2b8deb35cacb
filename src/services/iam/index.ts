/**
 * @module services/iam
 * The IAM room (AWS Query, global: one set of records per account whatever the region signed
 * for): users, groups, roles, managed and inline policies, access keys, OpenID Connect providers,
 * service-specific credentials, AWS's managed policies, and the policy module (policy/) that
 * reads and evaluates policies. Its facade serves STS and, later, the request verifier.
 */
import { loadModel } from '../../protocol/model.ts';
import { tagMap } from '../authorization.ts';
import type { AppContext, RoomWithFacade } from '../types.ts';
import { iamHandlers } from './api.ts';
import type { IamContext } from './context.ts';
import { createFacade, type IamFacade } from './facade.ts';
import { type EntityKind, IamModel } from './model.ts';

export type { IamFacade, IssuedCredentials, KeyPrincipal, RoleSummary } from './facade.ts';
export { evaluate, type EvalRequest, type EvalResult, type RequestPrincipal } from './policy/evaluate.ts';
export { parsePolicy, PolicyGrammarError, type Policy } from './policy/document.ts';
export { accessDeniedMessage } from './policy/messages.ts';
export { wildcardMatch } from './policy/match.ts';

export function register(app: AppContext): RoomWithFacade<IamFacade> {
  const iam: IamContext = { ...app, model: new IamModel(app.store) };
  return {
    name: 'iam',
    facade: createFacade(iam),
    api: { model: loadModel('iam'), handlers: iamHandlers(iam), validation: { constraint: 'ValidationError', type: 'ValidationError' } },
    // A request names a user, group, role or instance profile without its path: IAM weighs the stored ARN.
    authorization(arn) {
      const named = /^arn:aws:iam::(\d{12}):(user|group|role|instance-profile)\/(?:.*\/)?([^/]+)$/.exec(arn);
      const m = iam.model;
      const record =
        m.entities.get(arn) ??
        m.policies.get(arn) ??
        m.oidc.get(arn) ??
        (named ? m.entity(named[1], named[2] as EntityKind, named[3]) : undefined);
      return record && { arn: record.arn, tags: tagMap(record.tags) };
    },
    status() {
      return {
        users: iam.model.entities.count({ kind: 'user' }),
        roles: iam.model.entities.count({ kind: 'role' }),
        policies: iam.model.policies.count(),
      };
    },
  };
}
