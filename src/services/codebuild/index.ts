/**
 * @module services/codebuild
 * The CodeBuild room: its API on the edge, the build controller that runs each build in a
 * container on the engine, and the routes that serve build logs and artifacts; its facade
 * (facade.ts) starts the builds of a pipeline's actions.
 */
import { randomBytes } from 'node:crypto';
import { Controller } from '../../core/reconcile.ts';
import { loadModel } from '../../protocol/model.ts';
import type { CodecommitFacade } from '../codecommit/index.ts';
import type { ConnectionsFacade } from '../connections/index.ts';
import type { EcrFacade } from '../ecr/index.ts';
import type { LogsFacade } from '../logs/index.ts';
import type { S3Facade } from '../s3/index.ts';
import type { SecretsFacade } from '../secrets/index.ts';
import type { ContainerCredentials, RoleSessions, WorkloadRelay } from '../sts/index.ts';
import { tagMap } from '../authorization.ts';
import type { AppContext, RoomWithFacade } from '../types.ts';
import { codebuildHandlers } from './api.ts';
import { artifactRoutes } from './artifacts.ts';
import type { CodebuildContext } from './context.ts';
import { buildController, sweepFinishedBuilds } from './controller.ts';
import { logger } from '../../core/log.ts';
import { codebuildFacade, type CodebuildFacade } from './facade.ts';
import { BuildImages } from './image.ts';
import { logRoutes } from './logs.ts';
import { CodebuildModel } from './model.ts';
import { BuildNetwork } from './network.ts';
import { BuildPool } from './pool.ts';

export { artifactsRoot } from './artifacts.ts';
export type { CodebuildFacade, PipelineBuildRequest } from './facade.ts';
export type { PipelineArtifactRef } from './model.ts';
export type { CloneReference } from './clone-ref.ts';

export interface CodebuildDeps {
  ecr: EcrFacade;
  s3: S3Facade;
  logs: LogsFacade;
  secrets: SecretsFacade;
  /** Where builds fetch their service role's credentials. */
  credentials: ContainerCredentials;
  /** The repositories CODEBUILD_CLONE_REF inputs are cloned from. */
  connections: ConnectionsFacade;
  codecommit: CodecommitFacade;
  /** How builds reach the edge. */
  relay: WorkloadRelay;
  /** Whether CodeBuild may assume a project's service role. */
  roles: RoleSessions;
}

export function register(app: AppContext, deps: CodebuildDeps): RoomWithFacade<CodebuildFacade> {
  const cb: CodebuildContext = {
    ...app,
    ...deps,
    model: new CodebuildModel(app.store),
    images: new BuildImages(app, deps.ecr),
    network: new BuildNetwork(deps.credentials, deps.relay),
    pool: new BuildPool(app.runtime, app.config.dataDir),
    epoch: randomBytes(8).toString('hex'),
    enqueueBuild: (arn) => builds.enqueue(arn),
  };
  const controller = buildController(cb);
  let swept: Promise<void> | undefined;
  const builds = new Controller({
    name: 'codebuild.builds',
    reconcile: controller.reconcile,
    concurrency: 8,
    resyncMs: 30_000,
    listKeys: () => cb.model.builds.find({ status: 'IN_PROGRESS' }).map((r) => r.build.arn),
  });
  return {
    name: 'codebuild',
    facade: codebuildFacade(cb),
    api: {
      model: loadModel('codebuild'),
      handlers: codebuildHandlers(cb),
      validation: { constraint: 'InvalidInputException', type: 'InvalidInputException' },
    },
    routes: [...logRoutes(cb), ...artifactRoutes(app.config.dataDir)],
    authorization(arn) {
      const record = cb.model.projects.get(arn);
      return record && { tags: tagMap(record.project.tags) };
    },
    start() {
      void cb.pool.start();
      swept = sweepFinishedBuilds(cb).catch((err) =>
        logger('codebuild').warn(`what finished builds left could not be removed: ${(err as Error).message}`),
      );
      builds.start();
    },
    async stop() {
      // The sweep reads the store: it ends before the store closes.
      await swept;
      await builds.stop();
      // Builds under way run in this process: they stop with it, saying so. One that cannot finish
      // in time (e.g. still building the build image) is found cut off at the next start.
      await controller.stopAll('Slipway was shut down while the build ran; the build was stopped', 15_000);
      await cb.pool.drain();
    },
  };
}
