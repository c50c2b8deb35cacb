/**
 * @module services/ecr/manifests
 * Images as both the registry (manifest PUT/DELETE) and the ECR API (PutImage, BatchDeleteImage,
 * BatchGetImage) see them: one set of rules for what may be pushed and what a tag may point to.
 *
 * Everything here is synchronous: a manifest's blobs are checked and the image written with no
 * await in between, so garbage collection (which also checks and deletes synchronously, blob by
 * blob) can never delete a blob between the check and the write.
 */
import { uuid } from '../../core/ids.ts';
import { wildcardMatcher } from '../../core/text.ts';
import { DIGEST, sha256 } from './blobs.ts';
import type { EcrContext } from './context.ts';
import { ecrError } from './errors.ts';
import { parseManifest, type Descriptor } from './manifest-format.ts';
import type { ImageRecord, RepositoryRecord } from './model.ts';

/** Tags as the distribution spec allows them (ECR's own limit, 300 characters, is looser). */
export const TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;

export function isDigestReference(reference: string): boolean {
  return reference.includes(':');
}

/** Whether `tag` may not be moved once set, given the repository's mutability and exclusions. */
export function isTagImmutable(repo: RepositoryRecord, tag: string): boolean {
  const { imageTagMutability = 'MUTABLE', imageTagMutabilityExclusionFilters: filters = [] } = repo.repository;
  const excluded = filters.some((f) => wildcardMatcher(f.filter)(tag));
  if (imageTagMutability === 'IMMUTABLE') return true;
  if (imageTagMutability === 'IMMUTABLE_WITH_EXCLUSION') return !excluded;
  if (imageTagMutability === 'MUTABLE_WITH_EXCLUSION') return excluded;
  return false;
}

/**
 * Stores a manifest under `reference` (a tag, or the manifest's own digest) and returns the image.
 * Throws ECR's errors; ImageAlreadyExistsException means nothing changed (the registry's PUT
 * answers it as a success, since Docker re-pushes what is already there).
 */
export function putManifest(ecr: EcrContext, repo: RepositoryRecord, reference: string, bytes: Buffer, mediaType?: string): ImageRecord {
  const repositoryArn = repo.repository.repositoryArn;
  const manifest = parseManifest(bytes, mediaType);
  const digest = sha256(bytes);
  let tag: string | undefined;
  if (isDigestReference(reference)) {
    if (!DIGEST.test(reference)) throw ecrError.invalidParameter('imageDigest', `${reference} is not a sha256 digest`);
    if (reference !== digest) throw ecrError.imageDigestDoesNotMatch(reference, digest);
  } else {
    if (!TAG.test(reference)) throw ecrError.invalidTagParameter(`The image tag '${reference}' is invalid: it must match ${TAG.source}`);
    tag = reference;
  }

  const existing = ecr.model.image(repositoryArn, digest);
  const current = tag ? ecr.model.tag(repositoryArn, tag) : undefined;
  if (existing && (!tag || current?.digest === digest)) {
    throw ecrError.imageAlreadyExists(repo, digest, tag);
  }
  if (tag && current && current.digest !== digest && isTagImmutable(repo, tag)) {
    throw ecrError.imageTagAlreadyExists(repo, tag);
  }

  let size = 0;
  if (manifest.isIndex) {
    // An index's size is its images' sizes together (what pulling every platform would fetch).
    const missing: Descriptor[] = [];
    for (const child of manifest.children) {
      const image = ecr.model.image(repositoryArn, child.digest);
      if (image) size += image.size;
      else missing.push(child);
    }
    if (missing.length) {
      throw ecrError.referencedImagesNotFound(repo, digestsOf(missing));
    }
  } else {
    const missing: Descriptor[] = [];
    for (const blob of manifest.blobs) {
      const stat = ecr.model.hasLayer(repositoryArn, blob.digest) ? ecr.blobs.stat(blob.digest) : undefined;
      if (stat) size += stat.size;
      else missing.push(blob);
    }
    if (missing.length) {
      throw ecrError.layersNotFound(repo, digestsOf(missing));
    }
  }

  ecr.blobs.putBytes(bytes);
  const now = ecr.clock.now();
  const image: ImageRecord = existing ?? {
    repositoryArn,
    digest,
    mediaType: manifest.mediaType,
    ...(manifest.artifactType ? { artifactType: manifest.artifactType } : {}),
    ...(manifest.configMediaType ? { configMediaType: manifest.configMediaType } : {}),
    size,
    manifestSize: bytes.length,
    references: [...new Set((manifest.isIndex ? manifest.children : manifest.blobs).map((d) => d.digest))],
    ...(manifest.subject ? { subject: manifest.subject.digest } : {}),
    pushedAt: now,
    ...(manifest.annotations ? { annotations: manifest.annotations } : {}),
  };
  const repositoryName = repo.repository.repositoryName;
  ecr.model.tx(() => {
    if (!existing) ecr.model.putImage(image);
    if (tag) ecr.model.putTag({ repositoryArn, tag, digest, at: now });
    ecr.model.recordPush({ id: uuid(), repositoryArn, repositoryName, tag, digest, mediaType: image.mediaType, at: now });
  });
  ecr.events.publish({ type: 'ecr.push', resource: repositoryArn, at: now, detail: { repositoryName, tag, digest } });
  return image;
}

function digestsOf(descriptors: Descriptor[]): string[] {
  return [...new Set(descriptors.map((d) => d.digest))];
}

/** The image a tag or digest names in this repository. */
export function resolveReference(ecr: EcrContext, repo: RepositoryRecord, reference: string): ImageRecord | undefined {
  const repositoryArn = repo.repository.repositoryArn;
  if (isDigestReference(reference)) return DIGEST.test(reference) ? ecr.model.image(repositoryArn, reference) : undefined;
  const tag = ecr.model.tag(repositoryArn, reference);
  return tag ? ecr.model.image(repositoryArn, tag.digest) : undefined;
}

/** The manifest's bytes exactly as pushed (its digest is over them). */
export function manifestBytes(ecr: EcrContext, digest: string): Buffer {
  return ecr.blobs.read(digest);
}

/** Deletes an image and every tag on it; returns what was deleted. Its blobs go at the next collection. */
export function deleteImage(ecr: EcrContext, repo: RepositoryRecord, digest: string): { image: ImageRecord; tags: string[] } | undefined {
  const repositoryArn = repo.repository.repositoryArn;
  return ecr.model.tx(() => {
    const image = ecr.model.image(repositoryArn, digest);
    if (!image) return undefined;
    const tags = ecr.model.tagsOf(repositoryArn, digest);
    for (const tag of tags) ecr.model.deleteTag(repositoryArn, tag);
    ecr.model.images.delete(`${repositoryArn}@${digest}`);
    return { image, tags };
  });
}

/** Removes a tag, keeping its image (untagged if that was its last tag); returns the digest it named. */
export function untag(ecr: EcrContext, repo: RepositoryRecord, tag: string): string | undefined {
  const repositoryArn = repo.repository.repositoryArn;
  return ecr.model.tx(() => {
    const current = ecr.model.tag(repositoryArn, tag);
    if (!current) return undefined;
    ecr.model.deleteTag(repositoryArn, tag);
    return current.digest;
  });
}

/**
 * BatchDeleteImage by tag: removes the tag, and the image too when that was its last tag.
 * Undefined when the tag does not exist.
 */
export function deleteTag(ecr: EcrContext, repo: RepositoryRecord, tag: string): { digest: string; imageDeleted: boolean } | undefined {
  const repositoryArn = repo.repository.repositoryArn;
  return ecr.model.tx(() => {
    const digest = untag(ecr, repo, tag);
    if (!digest) return undefined;
    const imageDeleted = ecr.model.tagsOf(repositoryArn, digest).length === 0 && deleteImage(ecr, repo, digest) !== undefined;
    return { digest, imageDeleted };
  });
}
