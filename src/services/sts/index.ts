/**
 * @module services/sts
 * The STS room (AWS Query): who is calling, and temporary credentials for a role, by AssumeRole
 * or by an OpenID Connect token (AssumeRoleWithWebIdentity, which callers send unsigned). It keeps
 * no tables of its own: roles, providers and the credentials it issues live in IAM, reached
 * through IAM's facade. Its facade gives other rooms role sessions for the services they play
 * (ECS tasks, CodeBuild builds) and the container credentials endpoint that hands them out.
 */
import { loadModel } from '../../protocol/model.ts';
import type { IamFacade, IssuedCredentials } from '../iam/index.ts';
import type { AppContext, RoomWithFacade } from '../types.ts';
import { stsHandlers } from './api.ts';
import { ContainerCredentials } from './container-credentials.ts';
import { WorkloadRelay } from './relay.ts';
import { RoleSessions } from './role-sessions.ts';
import { assumeRoleForService, requireAssumable } from './service-roles.ts';

export { requireServiceRole, ServiceRoleError } from './service-roles.ts';
export type { RoleCall, RoleSessions, ServiceRole } from './role-sessions.ts';
export type { WorkloadRelay } from './relay.ts';
export type { ContainerCredentials, CredentialsGrant } from './container-credentials.ts';

export interface StsFacade {
  /**
   * A session of `roleArn` for a service principal (ecs-tasks.amazonaws.com, codebuild.amazonaws.com…),
   * named arn:aws:sts::<account>:assumed-role/<role>/<sessionName>. Throws ServiceRoleError.
   */
  assumeRoleForService(roleArn: string, sessionName: string, servicePrincipal: string, region: string): IssuedCredentials;
  /** Where tasks and builds fetch their role's credentials. */
  containerCredentials: ContainerCredentials;
  /** What services do as the roles they act with: checked, assumed, and each call authorized as the role. */
  roles: RoleSessions;
  /** How tasks and builds reach the edge with the role credentials they were given. */
  relay: WorkloadRelay;
}

export function register(app: AppContext, deps: { iam: IamFacade }): RoomWithFacade<StsFacade> {
  // Strict once requests are verified (--auth); until then every role ARN is taken, as before.
  const strict = () => app.config.auth;
  const assume: StsFacade['assumeRoleForService'] = (roleArn, sessionName, servicePrincipal, region) =>
    assumeRoleForService({ iam: deps.iam, strict }, roleArn, sessionName, servicePrincipal, region);
  const containerCredentials = new ContainerCredentials(app, assume);
  const relay = new WorkloadRelay(app, containerCredentials);
  const roles = new RoleSessions(app, assume, (roleArn, principal) => requireAssumable({ iam: deps.iam, strict }, roleArn, principal));
  return {
    name: 'sts',
    facade: { assumeRoleForService: assume, containerCredentials, roles, relay },
    api: {
      model: loadModel('sts'),
      handlers: stsHandlers({ iam: deps.iam, now: () => app.clock.now() }),
      validation: { constraint: 'ValidationError', type: 'ValidationError' },
    },
    start: () => containerCredentials.resume(),
    stop: () => Promise.all([containerCredentials.close(), relay.close()]).then(() => undefined),
  };
}
