/**
 * @module services/codebuild/context
 * What every part of the CodeBuild room shares: the app's parts, the room's model, the facades of
 * the rooms it reaches, the build images, the way builds reach Slipway, and the build controller's queue.
 */
import type { CodecommitFacade } from '../codecommit/index.ts';
import type { ConnectionsFacade } from '../connections/index.ts';
import type { EcrFacade } from '../ecr/index.ts';
import type { LogsFacade } from '../logs/index.ts';
import type { S3Facade } from '../s3/index.ts';
import type { SecretsFacade } from '../secrets/index.ts';
import type { RoleSessions } from '../sts/index.ts';
import type { AppContext } from '../types.ts';
import type { BuildImages } from './image.ts';
import type { CodebuildModel } from './model.ts';
import type { BuildNetwork } from './network.ts';
import type { BuildPool } from './pool.ts';

export interface CodebuildContext extends AppContext {
  model: CodebuildModel;
  /** The ECR room: the registry's address, and credentials to pull build images from it. */
  ecr: EcrFacade;
  /** The S3 room: source archives and buildspecs read, artifacts written. */
  s3: S3Facade;
  /** CloudWatch Logs: where build logs also go. */
  logs: LogsFacade;
  /** Parameter Store and Secrets Manager values for env.parameter-store, env.secrets-manager and their project variables. */
  secrets: SecretsFacade;
  /** Where a CODEBUILD_CLONE_REF input is cloned from: a connection's repository, or a CodeCommit one. */
  connections: ConnectionsFacade;
  codecommit: CodecommitFacade;
  /** Whether CodeBuild may assume a project's service role. */
  roles: RoleSessions;
  images: BuildImages;
  network: BuildNetwork;
  /** Warm build containers, started ahead of the builds that take them. */
  pool: BuildPool;
  /** This process's id: a build IN_PROGRESS under another epoch was cut off by a restart. */
  epoch: string;
  /** Wake the build controller for a build. */
  enqueueBuild(buildArn: string): void;
}
