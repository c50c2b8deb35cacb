/**
 * @module services/codebuild/context
 * What every part of the CodeBuild room shares: the app's parts, the room's model, the build
 * images, the way builds reach Slipway, and the build controller's queue.
 */
import type { EcrFacade } from '../ecr/index.ts';
import type { AppContext } from '../types.ts';
import type { BuildImages } from './image.ts';
import type { CodebuildModel } from './model.ts';
import type { BuildNetwork } from './network.ts';

export interface CodebuildContext extends AppContext {
  model: CodebuildModel;
  /** The ECR room: the registry's address, and credentials to pull build images from it. */
  ecr: EcrFacade;
  images: BuildImages;
  network: BuildNetwork;
  /** This process's id: a build IN_PROGRESS under another epoch was cut off by a restart. */
  epoch: string;
  /** Wake the build controller for a build. */
  enqueueBuild(buildArn: string): void;
}
