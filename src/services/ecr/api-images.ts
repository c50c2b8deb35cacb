/**
 * @module services/ecr/api-images
 * Images through the ECR API: DescribeImages, ListImages, BatchGetImage, BatchDeleteImage and
 * PutImage. Writes go through manifests.ts, the same rules a docker push meets (tag mutability,
 * layers present, push events); the batch operations report per-id failures, never exceptions.
 */
import type { Handlers } from '../../protocol/types.ts';
import { describeImageId, listPage, refusePagingWithIds, repositoryFor } from './api-common.ts';
import { DIGEST, sha256 } from './blobs.ts';
import type { EcrContext } from './context.ts';
import { ecrError } from './errors.ts';
import { isIndexType } from './manifest-format.ts';
import { deleteImage, deleteTag, manifestBytes, putManifest, TAG, untag } from './manifests.ts';
import type { ImageRecord, RepositoryRecord } from './model.ts';
import type { EcrOperations, Image, ImageDetail, ImageFailure, ImageFailureCode, ImageIdentifier, TagStatus } from './shapes.ts';

/** A failure as this room makes it: every part is given. */
type KnownFailure = Required<ImageFailure>;

type Resolved = { image: ImageRecord; id: ImageIdentifier } | { failure: KnownFailure };

const failure = (id: ImageIdentifier, failureCode: ImageFailureCode, failureReason: string): { failure: KnownFailure } => ({
  failure: { imageId: id, failureCode, failureReason },
});

/** The image an id names, or the failure ECR reports for it. */
function resolveImageId(ecr: EcrContext, repo: RepositoryRecord, id: ImageIdentifier): Resolved {
  const { repositoryArn } = repo.repository;
  const { imageDigest, imageTag } = id;
  if (!imageDigest && !imageTag)
    return failure(id, 'MissingDigestAndTag', 'Invalid request parameters: both tag and digest cannot be null');
  if (imageDigest && !DIGEST.test(imageDigest))
    return failure(id, 'InvalidImageDigest', 'Invalid request parameters: image digest should satisfy the regex sha256:[a-f0-9]{64}');
  if (imageTag && !TAG.test(imageTag))
    return failure(id, 'InvalidImageTag', `Invalid request parameters: image tag should satisfy the regex ${TAG.source}`);
  let digest = imageDigest;
  if (imageTag) {
    const tag = ecr.model.tag(repositoryArn, imageTag);
    if (!tag) return failure(id, 'ImageNotFound', 'Requested image not found');
    if (imageDigest && tag.digest !== imageDigest)
      return failure(id, 'ImageTagDoesNotMatchDigest', 'Invalid request parameters: image tag does not match digest');
    digest = tag.digest;
  }
  const image = digest ? ecr.model.image(repositoryArn, digest) : undefined;
  if (!image) return failure(id, 'ImageNotFound', 'Requested image not found');
  return { image, id: { imageDigest: image.digest, ...(imageTag ? { imageTag } : {}) } };
}

/** Resolves each distinct id once, in the order given: a failure goes to `failures`, an image to `use`. */
function forEachImage(
  ecr: EcrContext,
  repo: RepositoryRecord,
  ids: ImageIdentifier[],
  failures: ImageFailure[],
  use: (found: { image: ImageRecord; id: ImageIdentifier }, requested: ImageIdentifier) => void,
): void {
  for (const id of distinct(ids)) {
    const resolved = resolveImageId(ecr, repo, id);
    if ('failure' in resolved) failures.push(resolved.failure);
    else use(resolved, id);
  }
}

/** Each distinct id once, in the order given. */
function distinct(ids: ImageIdentifier[]): ImageIdentifier[] {
  const seen = new Set<string>();
  return ids.filter((id) => {
    const key = `${id.imageDigest ?? ''}|${id.imageTag ?? ''}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function matchesTagStatus(tags: string[], status: TagStatus | undefined): boolean {
  if (status === 'TAGGED') return tags.length > 0;
  if (status === 'UNTAGGED') return tags.length === 0;
  return true;
}

/** Oldest push first, then digest: a stable order for pagination. */
function imagesOf(ecr: EcrContext, repo: RepositoryRecord): ImageRecord[] {
  return ecr.model.images
    .find({ repo: repo.repository.repositoryArn })
    .sort((a, b) => a.pushedAt - b.pushedAt || (a.digest < b.digest ? -1 : 1));
}

/** Indexes in the repository that list `digest`: ECR will not delete an image a manifest list needs. */
function listedBy(ecr: EcrContext, repo: RepositoryRecord, digest: string): string[] {
  return ecr.model.images
    .find({ repo: repo.repository.repositoryArn })
    .filter((other) => isIndexType(other.mediaType) && other.references.includes(digest))
    .map((other) => other.digest);
}

export function imageDetail(ecr: EcrContext, repo: RepositoryRecord, image: ImageRecord): ImageDetail {
  const tags = ecr.model.tagsOf(image.repositoryArn, image.digest);
  const artifactMediaType = image.configMediaType ?? image.artifactType;
  return {
    registryId: repo.repository.registryId,
    repositoryName: repo.repository.repositoryName,
    imageDigest: image.digest,
    ...(tags.length ? { imageTags: tags } : {}),
    imageSizeInBytes: image.size,
    imagePushedAt: image.pushedAt,
    imageManifestMediaType: image.mediaType,
    ...(artifactMediaType ? { artifactMediaType } : {}),
    ...(image.lastPulledAt ? { lastRecordedPullTime: image.lastPulledAt } : {}),
    ...(image.subject ? { subjectManifestDigest: image.subject } : {}),
    imageStatus: 'ACTIVE',
  };
}

export function imageHandlers(ecr: EcrContext): Handlers<EcrOperations> {
  return {
    DescribeImages(input, ctx) {
      const repo = repositoryFor(ecr, ctx, input);
      const ids = input.imageIds ?? [];
      refusePagingWithIds('imageIds', ids.length > 0, input);
      if (ids.length) {
        const found = new Map<string, ImageRecord>();
        for (const id of distinct(ids)) {
          const resolved = resolveImageId(ecr, repo, id);
          if ('failure' in resolved) {
            const code = resolved.failure.failureCode;
            if (code === 'ImageNotFound' || code === 'ImageTagDoesNotMatchDigest') throw ecrError.imageNotFound(repo, describeImageId(id));
            throw ecrError.invalidParameter('imageIds', resolved.failure.failureReason);
          }
          found.set(resolved.image.digest, resolved.image);
        }
        return { imageDetails: [...found.values()].map((image) => imageDetail(ecr, repo, image)) };
      }
      if (input.filter?.imageStatus === 'ARCHIVED' || input.filter?.imageStatus === 'ACTIVATING') return { imageDetails: [] };
      const details = imagesOf(ecr, repo)
        .map((image) => imageDetail(ecr, repo, image))
        .filter((detail) => matchesTagStatus(detail.imageTags ?? [], input.filter?.tagStatus));
      const page = listPage(details, input, { kind: 'images', maxSize: 1000 });
      return { imageDetails: page.items, nextToken: page.next };
    },

    ListImages(input, ctx) {
      const repo = repositoryFor(ecr, ctx, input);
      const status = input.filter?.tagStatus;
      const ids: ImageIdentifier[] = [];
      if (input.filter?.imageStatus !== 'ARCHIVED' && input.filter?.imageStatus !== 'ACTIVATING') {
        for (const image of imagesOf(ecr, repo)) {
          const tags = ecr.model.tagsOf(image.repositoryArn, image.digest);
          if (!matchesTagStatus(tags, status)) continue;
          if (tags.length) for (const imageTag of tags) ids.push({ imageDigest: image.digest, imageTag });
          else ids.push({ imageDigest: image.digest });
        }
      }
      const page = listPage(ids, input, { kind: 'image-ids', maxSize: 1000 });
      return { imageIds: page.items, nextToken: page.next };
    },

    BatchGetImage(input, ctx) {
      const repo = repositoryFor(ecr, ctx, input);
      const accepted = input.acceptedMediaTypes?.length ? new Set(input.acceptedMediaTypes) : undefined;
      const images: Image[] = [];
      const failures: ImageFailure[] = [];
      forEachImage(ecr, repo, input.imageIds, failures, ({ image, id: imageId }, id) => {
        if (accepted && !accepted.has(image.mediaType)) {
          // ECR would convert to Docker schema 1; Slipway keeps manifests exactly as pushed.
          failures.push({
            imageId: id,
            failureCode: 'ImageNotFound',
            failureReason: `Requested image not found in the accepted media types (it is ${image.mediaType})`,
          });
          return;
        }
        images.push({
          registryId: repo.repository.registryId,
          repositoryName: repo.repository.repositoryName,
          imageId,
          imageManifest: manifestBytes(ecr, image.digest).toString('utf8'),
          imageManifestMediaType: image.mediaType,
        });
      });
      return { images, failures };
    },

    BatchDeleteImage(input, ctx) {
      const repo = repositoryFor(ecr, ctx, input);
      const imageIds: ImageIdentifier[] = [];
      const failures: ImageFailure[] = [];
      forEachImage(ecr, repo, input.imageIds, failures, ({ image }, id) => {
        const tags = ecr.model.tagsOf(image.repositoryArn, image.digest);
        const lists = listedBy(ecr, repo, image.digest);
        if (id.imageTag) {
          // The last tag takes its image with it, unless a manifest list still needs that image.
          if (tags.length === 1 && lists.length) untag(ecr, repo, id.imageTag);
          else deleteTag(ecr, repo, id.imageTag);
          imageIds.push({ imageDigest: image.digest, imageTag: id.imageTag });
          return;
        }
        if (lists.length) {
          failures.push({
            imageId: id,
            failureCode: 'ImageReferencedByManifestList',
            failureReason: `Requested image referenced by manifest list: [${lists.join(', ')}]`,
          });
          return;
        }
        deleteImage(ecr, repo, image.digest);
        if (tags.length) for (const imageTag of tags) imageIds.push({ imageDigest: image.digest, imageTag });
        else imageIds.push({ imageDigest: image.digest });
      });
      return { imageIds, failures };
    },

    PutImage(input, ctx) {
      const repo = repositoryFor(ecr, ctx, input);
      const bytes = Buffer.from(input.imageManifest, 'utf8');
      const digest = sha256(bytes);
      if (input.imageDigest && input.imageDigest !== digest) {
        throw ecrError.imageDigestDoesNotMatch(input.imageDigest, digest);
      }
      const image = putManifest(ecr, repo, input.imageTag ?? digest, bytes, input.imageManifestMediaType);
      return {
        image: {
          registryId: repo.repository.registryId,
          repositoryName: repo.repository.repositoryName,
          imageId: { imageDigest: image.digest, ...(input.imageTag ? { imageTag: input.imageTag } : {}) },
          imageManifest: input.imageManifest,
          imageManifestMediaType: image.mediaType,
        },
      };
    },
  };
}
