/**
 * @module services/sts
 * The STS room (AWS Query): who is calling, and temporary credentials for a role, by AssumeRole
 * or by an OpenID Connect token (AssumeRoleWithWebIdentity, which callers send unsigned). It keeps
 * no tables of its own: roles, providers and the credentials it issues live in IAM, reached
 * through IAM's facade.
 */
import { loadModel } from '../../protocol/model.ts';
import type { IamFacade } from '../iam/index.ts';
import type { AppContext, Room } from '../types.ts';
import { stsHandlers } from './api.ts';

export function register(app: AppContext, deps: { iam: IamFacade }): Room {
  return {
    name: 'sts',
    api: {
      model: loadModel('sts'),
      handlers: stsHandlers({ iam: deps.iam, now: () => app.clock.now() }),
      validation: { constraint: 'ValidationError', type: 'ValidationError' },
    },
  };
}
