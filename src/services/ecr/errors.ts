/**
 * @module services/ecr/errors
 * The ECR errors Slipway answers, worded as ECR words them (the registry renders some of them in
 * its own catalogue, registry-errors.ts). Codes are the model's exception names, checked by type.
 */
import { AwsError } from '../../core/errors.ts';
import type { RepositoryRecord } from './model.ts';
import type { EcrErrorCode } from './shapes.ts';

const e = (code: EcrErrorCode, message: string, fields?: Record<string, unknown>) => new AwsError(code, message, { fields });

/** "repository with name 'x' in the registry with id 'y'", as ECR's messages name a repository. */
export const repositoryPhrase = (repo: RepositoryRecord) =>
  `repository with name '${repo.repository.repositoryName}' in the registry with id '${repo.repository.registryId}'`;

export const ecrError = {
  invalidParameter: (field: string, constraint: string) =>
    e('InvalidParameterException', `Invalid parameter at '${field}' failed to satisfy constraint: '${constraint}'`),
  repositoryNotFound: (name: string, registryId: string) =>
    e('RepositoryNotFoundException', `The repository with name '${name}' does not exist in the registry with id '${registryId}'`),
  repositoryAlreadyExists: (name: string, registryId: string) =>
    e('RepositoryAlreadyExistsException', `The repository with name '${name}' already exists in the registry with id '${registryId}'`),
  repositoryNotEmpty: (name: string, registryId: string) =>
    e(
      'RepositoryNotEmptyException',
      `The repository with name '${name}' in registry with id '${registryId}' cannot be deleted because it still contains images`,
    ),
  /** `imageId` as ECR prints it: {imageDigest:'…', imageTag:'…'}. */
  imageNotFound: (repo: RepositoryRecord, imageId: string) =>
    e('ImageNotFoundException', `The image with imageId ${imageId} does not exist within the ${repositoryPhrase(repo)}`),
  imageAlreadyExists: (repo: RepositoryRecord, digest: string, tag?: string) =>
    e(
      'ImageAlreadyExistsException',
      `Image with digest '${digest}'${tag ? ` and tag '${tag}'` : ''} already exists in the ${repositoryPhrase(repo)}`,
    ),
  imageTagAlreadyExists: (repo: RepositoryRecord, tag: string) =>
    e(
      'ImageTagAlreadyExistsException',
      `The image tag '${tag}' already exists in the '${repo.repository.repositoryName}' repository and cannot be overwritten because the repository is immutable.`,
    ),
  imageDigestDoesNotMatch: (given: string, computed: string) =>
    e('ImageDigestDoesNotMatchException', `The image digest '${given}' does not match the digest '${computed}' of the manifest provided.`),
  unsupportedImageType: (mediaType: string) =>
    e(
      'UnsupportedImageTypeException',
      `The image manifest media type '${mediaType}' is not supported. Push a Docker image manifest V2 schema 2, a manifest list, an OCI image manifest or an OCI image index.`,
    ),
  referencedImagesNotFound: (repo: RepositoryRecord, digests: string[]) =>
    e(
      'ReferencedImagesNotFoundException',
      `Images with digests '[${digests.join(', ')}]' referenced by the manifest list do not exist in the ${repositoryPhrase(repo)}`,
    ),
  layersNotFound: (repo: RepositoryRecord, digests: string[]) =>
    e(
      'LayersNotFoundException',
      `Layers with digests '[${digests.join(', ')}]' required for pushing image into ${repositoryPhrase(repo)} do not exist`,
    ),
  layerNotFound: (repo: RepositoryRecord, digest: string) =>
    e('LayersNotFoundException', `The image layer '${digest}' does not exist in the ${repositoryPhrase(repo)}`),
  layerInaccessible: (repo: RepositoryRecord, digest: string) =>
    e(
      'LayerInaccessibleException',
      `The image layer '${digest}' of the repository with name '${repo.repository.repositoryName}' is not accessible: its bytes are missing.`,
    ),
  layerAlreadyExists: (repo: RepositoryRecord, digest: string) =>
    e(
      'LayerAlreadyExistsException',
      `The layer '${digest}' already exists in the repository with name '${repo.repository.repositoryName}'.`,
    ),
  invalidLayer: (message: string) => e('InvalidLayerException', message),
  invalidLayerPart: (repo: RepositoryRecord, uploadId: string, lastValidByteReceived: number, message: string) =>
    e('InvalidLayerPartException', message, {
      registryId: repo.repository.registryId,
      repositoryName: repo.repository.repositoryName,
      uploadId,
      lastValidByteReceived,
    }),
  emptyUpload: (uploadId: string) => e('EmptyUploadException', `The upload with id '${uploadId}' contains no data.`),
  uploadNotFound: (repo: RepositoryRecord, uploadId: string) =>
    e('UploadNotFoundException', `The upload with id '${uploadId}' does not exist in the ${repositoryPhrase(repo)}`),
  invalidTagParameter: (message: string) => e('InvalidTagParameterException', message),
  reservedTagKey: (key: string) =>
    e('InvalidTagParameterException', `Tag key '${key}' is invalid: the 'aws:' prefix is reserved for AWS use.`),
  tooManyTags: (max: number, count: number) =>
    e('TooManyTagsException', `A repository can have at most ${max} tags; this request would leave it with ${count}.`),
  lifecyclePolicyNotFound: (repo: RepositoryRecord) =>
    e('LifecyclePolicyNotFoundException', `Lifecycle policy does not exist for the ${repositoryPhrase(repo)}`),
  lifecyclePolicyPreviewNotFound: (repo: RepositoryRecord) =>
    e('LifecyclePolicyPreviewNotFoundException', `There is no lifecycle policy preview for the ${repositoryPhrase(repo)}`),
  repositoryPolicyNotFound: (repo: RepositoryRecord) =>
    e('RepositoryPolicyNotFoundException', `Repository policy does not exist for the ${repositoryPhrase(repo)}`),
};
