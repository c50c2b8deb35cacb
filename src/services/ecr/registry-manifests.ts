/**
 * @module services/ecr/registry-manifests
 * Manifests, tag lists and the referrers API on the registry. The rules for what may be pushed
 * live in manifests.ts, shared with the ECR API; this file only speaks HTTP. A manifest is served
 * with the media type it was pushed with (no conversion between formats).
 *
 * DELETE by digest deletes the image and its tags; DELETE by tag (OCI 1.1) removes only the tag,
 * leaving the image untagged, as ECR does when a tag moves away.
 */
import type { IncomingMessage } from 'node:http';
import { AwsError } from '../../core/errors.ts';
import { DIGEST, sha256 } from './blobs.ts';
import { MEDIA_TYPES } from './manifest-format.ts';
import { deleteImage, isDigestReference, manifestBytes, putManifest, resolveReference, untag } from './manifests.ts';
import { RegistryError } from './registry-errors.ts';
import { API_VERSION_HEADER, header, pageAfterLast, sendEmpty, sendJsonBody, type RegistryRequest } from './registry-http.ts';

/** Larger than any real manifest; OCI asks registries to accept at least 4 MiB. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export async function manifestRequest(r: RegistryRequest, reference: string): Promise<void> {
  switch (r.req.method) {
    case 'GET':
    case 'HEAD':
      return getManifest(r, reference);
    case 'PUT':
      return putManifestRequest(r, reference);
    case 'DELETE':
      return deleteManifest(r, reference);
    default:
      throw new RegistryError('UNSUPPORTED', `${r.req.method} is not supported on a manifest`);
  }
}

function getManifest(r: RegistryRequest, reference: string): void {
  const { ecr, req, res } = r;
  if (isDigestReference(reference) && !DIGEST.test(reference))
    throw new RegistryError('DIGEST_INVALID', `'${reference}' is not a sha256 digest`, { digest: reference });
  const image = resolveReference(ecr, r.repo, reference);
  if (!image) throw manifestUnknown(r, reference);
  const bytes = manifestBytes(ecr, image.digest);
  res.writeHead(200, {
    ...API_VERSION_HEADER,
    'content-type': image.mediaType,
    'content-length': bytes.length,
    'docker-content-digest': image.digest,
    etag: `"${image.digest}"`,
  });
  if (req.method === 'HEAD') return void res.end();
  // ECR's lastRecordedPullTime: a GET of the manifest is a pull.
  ecr.model.putImage({ ...image, lastPulledAt: ecr.clock.now() });
  res.end(bytes);
}

async function putManifestRequest(r: RegistryRequest, reference: string): Promise<void> {
  const { ecr, req, res } = r;
  const bytes = await readManifest(req);
  let digest: string;
  let subject: string | undefined;
  try {
    const image = putManifest(ecr, r.repo, reference, bytes, header(req, 'content-type'));
    digest = image.digest;
    subject = image.subject;
  } catch (err) {
    // Docker pushes what is already there without asking first; that is a success.
    if (!(err instanceof AwsError && err.code === 'ImageAlreadyExistsException')) throw err;
    digest = sha256(bytes);
    subject = ecr.model.image(r.repositoryArn, digest)?.subject;
  }
  sendEmpty(res, 201, {
    location: `/v2/${r.name}/manifests/${digest}`,
    'docker-content-digest': digest,
    // Tells OCI 1.1 clients this registry keeps the referrers index itself.
    ...(subject ? { 'oci-subject': subject } : {}),
  });
}

function deleteManifest(r: RegistryRequest, reference: string): void {
  if (isDigestReference(reference)) {
    if (!DIGEST.test(reference)) throw new RegistryError('DIGEST_INVALID', `'${reference}' is not a sha256 digest`, { digest: reference });
    if (!deleteImage(r.ecr, r.repo, reference)) throw manifestUnknown(r, reference);
  } else if (!untag(r.ecr, r.repo, reference)) {
    throw manifestUnknown(r, reference);
  }
  sendEmpty(r.res, 202, {});
}

async function readManifest(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_MANIFEST_BYTES)
      throw new RegistryError('MANIFEST_INVALID', `manifest is larger than ${MAX_MANIFEST_BYTES} bytes`, { limit: MAX_MANIFEST_BYTES });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function manifestUnknown(r: RegistryRequest, reference: string): RegistryError {
  const key = isDigestReference(reference) ? 'digest' : 'tag';
  return new RegistryError('MANIFEST_UNKNOWN', `manifest ${key} '${reference}' is not in repository '${r.name}'`, { [key]: reference });
}

/** `GET /v2/<name>/tags/list[?n=&last=]`: tags in lexical order, a Link header when more follow. */
export function tagsRequest(r: RegistryRequest): void {
  if (r.req.method !== 'GET') throw new RegistryError('UNSUPPORTED', `${r.req.method} is not supported on a tag list`);
  const tags = r.ecr.model.tags
    .find({ repo: r.repositoryArn })
    .map((t) => t.tag)
    .sort();
  const page = pageAfterLast(tags, r.url, `/v2/${r.name}/tags/list`);
  sendJsonBody(r.res, 200, { name: r.name, tags: page.items }, page.link ? { link: page.link } : {});
}

/** `GET /v2/<name>/referrers/<digest>[?artifactType=]`: an OCI index of the manifests about `digest`. */
export function referrersRequest(r: RegistryRequest, digest: string): void {
  if (r.req.method !== 'GET') throw new RegistryError('UNSUPPORTED', `${r.req.method} is not supported on referrers`);
  if (!DIGEST.test(digest)) throw new RegistryError('DIGEST_INVALID', `'${digest}' is not a sha256 digest`, { digest });
  const artifactType = r.url.searchParams.get('artifactType');
  const referrers = r.ecr.model.images
    .find({ repo: r.repositoryArn, subject: digest })
    .filter((image) => !artifactType || image.artifactType === artifactType)
    .sort((a, b) => a.pushedAt - b.pushedAt || (a.digest < b.digest ? -1 : 1))
    .map((image) => ({
      mediaType: image.mediaType,
      digest: image.digest,
      size: image.manifestSize,
      ...(image.artifactType ? { artifactType: image.artifactType } : {}),
      ...(image.annotations ? { annotations: image.annotations } : {}),
    }));
  sendJsonBody(
    r.res,
    200,
    { schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, manifests: referrers },
    artifactType ? { 'oci-filters-applied': 'artifactType' } : {},
    MEDIA_TYPES.ociIndex,
  );
}
