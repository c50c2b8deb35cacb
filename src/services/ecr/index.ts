/**
 * @module services/ecr
 * The ECR room: an OCI distribution registry under /v2/ on the edge, the ECR API, and the loops
 * that apply lifecycle policies and collect unreferenced blobs.
 */
import { join } from 'node:path';
import { loadModel } from '../../protocol/model.ts';
import type { AppContext, RoomWithFacade } from '../types.ts';
import { engineImageName, imageRegistry, isOurRegistry, registryCredentialsFor } from './auth.ts';
import { ecrHandlers } from './api.ts';
import { BlobStore } from './blobs.ts';
import { type EcrContext, registryHost } from './context.ts';
import { housekeeping } from './housekeeping.ts';
import { EcrModel } from './model.ts';
import { registryRoutes } from './registry.ts';
import { Turns } from '../../core/turns.ts';
import type { Scope } from '../../core/scope.ts';
import { imageDetail } from './api-images.ts';
import { resolveReference } from './manifests.ts';
import { findRepositoryByName, requireRepository } from './repositories.ts';
import type { ImageDetail } from './shapes.ts';
import { tagMap } from '../authorization.ts';

/** What the ECR room offers other rooms (ECS and CodeBuild pull images from its registry). */
export interface EcrFacade {
  /** The registry's address as the host's engine reaches it (the host of every repositoryUri). */
  registryHost(): string;
  /** The name the engine pulls `image` by: ECR's own form for this account names Slipway's registry. */
  engineImageName(image: string): string;
  /** Credentials for pulling `image` from Slipway's registry (so the engine needs no docker login); undefined for others. */
  pullCredentials(image: string): { username: string; password: string; serveraddress: string } | undefined;
  /**
   * The image a tag or digest names now in a repository of this scope, as DescribeImages shows it,
   * with the repository's URI; undefined when the reference names none. Throws the ECR error
   * (RepositoryNotFoundException) for an unknown repository.
   */
  describeImage(scope: Scope, repositoryName: string, reference: string): (ImageDetail & { repositoryUri: string }) | undefined;
  /** The ARN of the repository in Slipway's registry an image names (as the registry finds it); undefined for any other image. */
  repositoryOfImage(image: string): string | undefined;
}

export function register(app: AppContext): RoomWithFacade<EcrFacade> {
  const ecr: EcrContext = {
    ...app,
    model: new EcrModel(app.store),
    blobs: new BlobStore(join(app.config.dataDir, 'registry')),
    lifecycleRuns: new Turns(),
  };
  const keeper = housekeeping(ecr);
  return {
    name: 'ecr',
    facade: {
      registryHost: () => registryHost(app),
      engineImageName: (image) => engineImageName(app, image),
      pullCredentials: (image) => registryCredentialsFor(app, image),
      describeImage(scope, repositoryName, reference) {
        const repo = requireRepository(ecr, scope, repositoryName);
        const image = resolveReference(ecr, repo, reference);
        return image && { ...imageDetail(ecr, repo, image), repositoryUri: `${registryHost(app)}/${repo.repository.repositoryName}` };
      },
      repositoryOfImage(image) {
        const name = engineImageName(app, image);
        const host = imageRegistry(name);
        if (!host || !isOurRegistry(app, host)) return undefined;
        const path = name
          .slice(host.length + 1)
          .replace(/@.*$/, '')
          .replace(/:[^/:]*$/, '');
        return findRepositoryByName(ecr, path)?.repository.repositoryArn;
      },
    },
    authorization(arn) {
      const record = ecr.model.repositories.get(arn);
      return record && { policy: record.policyText, tags: tagMap(record.tags) };
    },
    api: {
      model: loadModel('ecr'),
      handlers: ecrHandlers(ecr),
      validation: { constraint: 'InvalidParameterException', type: 'SerializationException' },
    },
    routes: registryRoutes(ecr),
    start() {
      keeper.start();
    },
    stop() {
      return keeper.stop();
    },
  };
}
