/**
 * @module services/iam
 * The IAM room (AWS Query, global: one set of records per account whatever the region signed
 * for): users, groups, roles, managed and inline policies, access keys, OpenID Connect providers,
 * service-specific credentials, AWS's managed policies, and the policy module (policy/) that
 * reads and evaluates policies. Its facade serves STS and, later, the request verifier.
 */
import { loadModel } from '../../protocol/model.ts';
import type { AppContext, RoomWithFacade } from '../types.ts';
import { iamHandlers } from './api.ts';
import type { IamContext } from './context.ts';
import { createFacade, type IamFacade } from './facade.ts';
import { IamModel } from './model.ts';

export type { IamFacade, IssuedCredentials, KeyPrincipal, RoleSummary } from './facade.ts';
export { evaluate, type EvalRequest, type EvalResult, type RequestPrincipal } from './policy/evaluate.ts';
export { parsePolicy, PolicyGrammarError, type Policy } from './policy/document.ts';
export { accessDeniedMessage } from './policy/messages.ts';

export function register(app: AppContext): RoomWithFacade<IamFacade> {
  const iam: IamContext = { ...app, model: new IamModel(app.store) };
  return {
    name: 'iam',
    facade: createFacade(iam),
    api: { model: loadModel('iam'), handlers: iamHandlers(iam), validation: { constraint: 'ValidationError', type: 'ValidationError' } },
    status() {
      return {
        users: iam.model.entities.count({ kind: 'user' }),
        roles: iam.model.entities.count({ kind: 'role' }),
        policies: iam.model.policies.count(),
      };
    },
  };
}
