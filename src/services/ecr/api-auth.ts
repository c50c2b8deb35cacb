/**
 * @module services/ecr/api-auth
 * GetAuthorizationToken: what `aws ecr get-login-password`, amazon-ecr-login and the SDKs turn into
 * a `docker login`. The token is base64("AWS:<password>") for the registry's Basic auth, and the
 * proxy endpoint is plain HTTP: Docker accepts that for registries on 127.0.0.0/8 (and for any
 * host its daemon lists under insecure-registries).
 */
import type { Handlers } from '../../protocol/types.ts';
import { issueToken, REGISTRY_USER } from './auth.ts';
import { registryHost, type EcrContext } from './context.ts';
import type { EcrOperations } from './shapes.ts';

export function authHandlers(ecr: EcrContext): Handlers<EcrOperations> {
  return {
    GetAuthorizationToken(input, ctx) {
      // One entry per registry asked for, as ECR answers; every id names this one registry here.
      const registryIds = input.registryIds?.length ? input.registryIds : [ctx.account];
      const proxyEndpoint = `http://${registryHost(ecr)}`;
      return {
        authorizationData: registryIds.map(() => {
          const { password, expiresAt } = issueToken(ecr, ctx.accessKeyId);
          return { authorizationToken: Buffer.from(`${REGISTRY_USER}:${password}`).toString('base64'), expiresAt, proxyEndpoint };
        }),
      };
    },
  };
}
