/**
 * @module services/iam/api
 * The IAM operations Slipway serves, one thin handler each, grouped by what they act on.
 * Operations with no handler (login profiles, MFA, SAML, certificates, reports, …) answer 501.
 */
import type { Handlers } from '../../protocol/types.ts';
import { accountHandlers } from './api-account.ts';
import { attachmentHandlers } from './api-attachments.ts';
import { entityHandlers } from './api-entities.ts';
import { instanceProfileHandlers } from './api-instance-profiles.ts';
import { keyHandlers } from './api-keys.ts';
import { oidcHandlers } from './api-oidc.ts';
import { policyHandlers } from './api-policies.ts';
import { simulateHandlers } from './api-simulate.ts';
import { tagHandlers } from './api-tags.ts';
import type { IamContext } from './context.ts';
import type { IamOperations } from './shapes.ts';

export function iamHandlers(iam: IamContext): Handlers<IamOperations> {
  return {
    ...entityHandlers(iam),
    ...policyHandlers(iam),
    ...attachmentHandlers(iam),
    ...keyHandlers(iam),
    ...oidcHandlers(iam),
    ...tagHandlers(iam),
    ...simulateHandlers(iam),
    ...accountHandlers(iam),
    ...instanceProfileHandlers(iam),
  };
}
