/**
 * @module services/codebuild/network
 * How a build container reaches Slipway. Builds run on the engine's default bridge, isolated from
 * the host's loopback as in CodeBuild; each build under way acts with its project's service role,
 * whose credentials it fetches from the container credentials endpoint (STS's) like an ECS task,
 * and reaches the edge through the workload relay (STS's), which lets through only keys issued to
 * a task or build under way. The registry is not involved: pushes are made by the host's engine,
 * which reaches it at its loopback address.
 */
import type { ContainerCredentials, WorkloadRelay } from '../sts/index.ts';

/** The service principal CodeBuild assumes a project's service role as. */
export const CODEBUILD = 'codebuild.amazonaws.com';

/** A build under way, as the relay and the credentials endpoint know it. */
export interface BuildIdentity {
  arn: string;
  /** The build's uuid: its role session is AWSCodeBuild-<uuid>, as CodeBuild names it. */
  uuid: string;
  serviceRole: string;
  region: string;
}

export class BuildNetwork {
  constructor(
    private readonly credentials: ContainerCredentials,
    private readonly relay: WorkloadRelay,
  ) {}

  /**
   * Where the build fetches its service role's credentials (the container's environment), good at
   * the relay until `dismiss`. Throws ServiceRoleError when CodeBuild may not assume the role.
   */
  admit(build: BuildIdentity): Promise<Record<string, string>> {
    return this.credentials.grant({
      holder: build.arn,
      roleArn: build.serviceRole,
      sessionName: `AWSCodeBuild-${build.uuid}`,
      servicePrincipal: CODEBUILD,
      region: build.region,
    });
  }

  dismiss(buildArn: string): void {
    this.credentials.revoke(buildArn);
  }

  /** The URL of the edge as a build container reaches it. */
  endpointForBuilds(): Promise<string> {
    return this.relay.endpointForContainers();
  }
}
