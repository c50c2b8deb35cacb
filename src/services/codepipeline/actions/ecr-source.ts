/**
 * @module services/codepipeline/actions/ecr-source
 * Source/AWS/ECR/1: an image in a repository, named by tag (ImageTag, default latest). A push of
 * that tag starts the pipeline (the ecr.push event); a run writes imageDetail.json exactly as
 * CodePipeline writes it and sets the output variables RegistryId, RepositoryName, ImageTag,
 * ImageDigest and ImageURI. The revision is the image digest, so a run pinned to one (a trigger,
 * StartPipelineExecution's sourceRevisions) reads that image even after the tag moved on.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AwsError } from '../../../core/errors.ts';
import { inScope, type Scope } from '../../../core/scope.ts';
import type { EcrFacade } from '../../ecr/index.ts';
import type { ImageDetail } from '../../ecr/shapes.ts';
import type { S3Facade } from '../../s3/index.ts';
import { withScratch, writeFolderArtifact } from './artifacts.ts';
import { failed } from './outcomes.ts';
import type { ActionExecutor, SourceRevision } from './types.ts';

type Found = ImageDetail & { repositoryUri: string };

const tagOf = (configuration: Record<string, string>) => configuration.ImageTag || 'latest';

/** Java's Date.toString in UTC, which is how imageDetail.json writes ImagePushedAt. */
export function javaDate(ms: number): string {
  const [weekday, day, month, year, time] = new Date(ms).toUTCString().replace(',', '').split(' ');
  return `${weekday} ${month} ${day} ${time} UTC ${year}`;
}

/** imageDetail.json as CodePipeline's ECR source writes it (sizes as strings, the URI by digest). */
export function imageDetailJson(image: Found): Record<string, unknown> {
  return {
    ImageSizeInBytes: String(image.imageSizeInBytes ?? 0),
    ImageDigest: image.imageDigest,
    Version: '1.0',
    ImagePushedAt: javaDate(image.imagePushedAt ?? 0),
    RegistryId: image.registryId,
    RepositoryName: image.repositoryName,
    ImageURI: `${image.repositoryUri}@${image.imageDigest}`,
    ImageTags: image.imageTags ?? [],
  };
}

export function ecrSourceAction(deps: { ecr: EcrFacade; s3: S3Facade }): ActionExecutor {
  const revisionOf = (image: Found, tag: string): SourceRevision => ({
    revisionType: 'IMAGE_DIGEST',
    revisionValue: image.imageDigest ?? '',
    revisionSummary: `${image.repositoryName}:${tag}`,
    revisionUrl: `${image.repositoryUri}@${image.imageDigest}`,
    created: image.imagePushedAt,
  });
  /** The image, or undefined when the repository or the reference names none. */
  const find = (scope: Scope, repository: string, reference: string): Found | undefined => {
    try {
      return deps.ecr.describeImage(scope, repository, reference);
    } catch (err) {
      if (err instanceof AwsError) return undefined;
      throw err;
    }
  };

  return {
    type: { category: 'Source', owner: 'AWS', provider: 'ECR', version: '1' },
    properties: [
      { name: 'RepositoryName', required: true, key: true, secret: false, description: 'The ECR repository the image is pushed to' },
      { name: 'ImageTag', required: false, key: false, secret: false, description: 'The tag to watch (latest when omitted)' },
    ],
    artifacts: { input: { min: 0, max: 0 }, output: { min: 1, max: 1 } },
    watches: ['ecr.push'],

    changeFrom(event, configuration, scope) {
      const detail = event.detail as { repositoryName?: string; tag?: string; digest?: string } | undefined;
      if (event.type !== 'ecr.push' || !event.resource || !inScope(scope, event.resource)) return undefined;
      if (detail?.repositoryName !== configuration.RepositoryName || detail.tag !== tagOf(configuration) || !detail.digest)
        return undefined;
      return {
        revision: {
          revisionType: 'IMAGE_DIGEST',
          revisionValue: detail.digest,
          revisionSummary: `${detail.repositoryName}:${detail.tag}`,
          created: event.at,
        },
        triggerType: 'CloudWatchEvent',
        triggerDetail: event.resource,
      };
    },

    async latest(configuration, scope) {
      const image = find(scope, configuration.RepositoryName, tagOf(configuration));
      return image && revisionOf(image, tagOf(configuration));
    },

    async run(job) {
      const { RepositoryName: repository } = job.configuration;
      const tag = tagOf(job.configuration);
      const pinned = job.sourceRevision?.revisionType === 'IMAGE_DIGEST' ? job.sourceRevision.revisionValue : undefined;
      let image: Found | undefined;
      try {
        image = deps.ecr.describeImage(job.scope, repository, pinned ?? tag);
      } catch (err) {
        if (err instanceof AwsError) return failed('ConfigurationError', err.message);
        throw err;
      }
      if (!image)
        return failed(
          'RevisionUnavailable',
          pinned
            ? `The image ${pinned} is no longer in the repository ${repository}`
            : `The image tag '${tag}' does not exist in the repository ${repository}: push an image with that tag`,
        );
      const output = job.outputArtifacts[0];
      await withScratch(async (dir) => {
        await writeFile(join(dir, 'imageDetail.json'), JSON.stringify(imageDetailJson(image)));
        await writeFolderArtifact(deps.s3, output, dir);
      });
      job.progress(`Image ${image.repositoryName}@${image.imageDigest} written to ${output.name}/imageDetail.json`);
      const revision = revisionOf(image, tag);
      return {
        status: 'Succeeded',
        summary: revision.revisionSummary,
        revision,
        outputVariables: {
          RegistryId: image.registryId ?? '',
          RepositoryName: image.repositoryName ?? repository,
          ImageTag: tag,
          ImageDigest: image.imageDigest ?? '',
          ImageURI: `${image.repositoryUri}@${image.imageDigest}`,
        },
      };
    },
  };
}
