/**
 * @module services/ecr/manifest-format
 * Reading a manifest's JSON: which of the four accepted media types it is (Docker schema 2
 * manifest and manifest list, OCI image manifest and index), and what it references. Docker schema
 * 1 is refused, as are media types no client of ECR pushes.
 */
import { DIGEST } from './blobs.ts';
import { ecrError } from './errors.ts';

export const MEDIA_TYPES = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
} as const;

const INDEX_TYPES = new Set<string>([MEDIA_TYPES.dockerList, MEDIA_TYPES.ociIndex]);
const ACCEPTED = new Set<string>(Object.values(MEDIA_TYPES));
const SCHEMA1 = new Set([
  'application/vnd.docker.distribution.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
]);
/** Content types that say nothing about which manifest this is. */
const GENERIC = new Set(['', 'application/json', 'application/octet-stream', 'text/plain']);
/** Layers that live elsewhere (Windows base layers): their bytes are never pushed. */
const FOREIGN = /\.foreign\.|nondistributable/;

export interface Descriptor {
  mediaType?: string;
  digest: string;
  size: number;
  artifactType?: string;
  urls?: string[];
  annotations?: Record<string, string>;
}

export interface ParsedManifest {
  mediaType: string;
  isIndex: boolean;
  /** Blobs that must be in the repository: config and layers (foreign layers excepted). */
  blobs: Descriptor[];
  /** Manifests an index lists. */
  children: Descriptor[];
  configMediaType?: string;
  artifactType?: string;
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export function isIndexType(mediaType: string): boolean {
  return INDEX_TYPES.has(mediaType);
}

const invalid = (reason: string) => ecrError.invalidParameter('imageManifest', reason);

function descriptor(value: unknown, where: string): Descriptor {
  const d = value as Partial<Descriptor> | null;
  if (!d || typeof d !== 'object') throw invalid(`${where} must be a descriptor object`);
  if (typeof d.digest !== 'string' || !DIGEST.test(d.digest)) throw invalid(`${where}.digest must be a sha256 digest`);
  if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0)
    throw invalid(`${where}.size must be a non-negative integer`);
  if (d.mediaType !== undefined && typeof d.mediaType !== 'string') throw invalid(`${where}.mediaType must be a string`);
  return d as Descriptor;
}

function descriptors(value: unknown, where: string): Descriptor[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(`${where} must be an array`);
  return value.map((d, i) => descriptor(d, `${where}[${i}]`));
}

/** `application/vnd.oci.image.index.v1+json; charset=utf-8` → the bare media type. */
export function bareMediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

export function parseManifest(bytes: Buffer, contentType?: string): ParsedManifest {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw invalid('the manifest is not valid JSON');
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw invalid('the manifest must be a JSON object');
  const declared = typeof doc.mediaType === 'string' ? doc.mediaType : undefined;
  const header = bareMediaType(contentType);
  if (SCHEMA1.has(header) || SCHEMA1.has(declared ?? '') || doc.schemaVersion === 1)
    throw ecrError.unsupportedImageType(SCHEMA1.has(header) ? header : 'application/vnd.docker.distribution.manifest.v1+json');
  if (doc.schemaVersion !== 2) throw invalid('schemaVersion must be 2');

  let mediaType: string;
  if (!GENERIC.has(header)) {
    if (!ACCEPTED.has(header)) throw ecrError.unsupportedImageType(header);
    if (declared && declared !== header)
      throw invalid(`the manifest's mediaType '${declared}' differs from the media type '${header}' it was pushed with`);
    mediaType = header;
  } else if (declared) {
    if (!ACCEPTED.has(declared)) throw ecrError.unsupportedImageType(declared);
    mediaType = declared;
  } else {
    // OCI leaves mediaType optional: tell an index from a manifest by its members.
    mediaType = Array.isArray(doc.manifests) ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.ociManifest;
  }

  const subject = doc.subject === undefined ? undefined : descriptor(doc.subject, 'subject');
  const artifactType = typeof doc.artifactType === 'string' ? doc.artifactType : undefined;
  const annotations = doc.annotations && typeof doc.annotations === 'object' ? (doc.annotations as Record<string, string>) : undefined;
  if (isIndexType(mediaType)) {
    if (!Array.isArray(doc.manifests)) throw invalid('an index must list its manifests');
    return { mediaType, isIndex: true, blobs: [], children: descriptors(doc.manifests, 'manifests'), artifactType, subject, annotations };
  }
  if (doc.config === undefined) throw invalid('an image manifest must have a config');
  const config = descriptor(doc.config, 'config');
  const layers = descriptors(doc.layers, 'layers');
  const pushed = layers.filter((l) => !(FOREIGN.test(l.mediaType ?? '') && l.urls?.length));
  return {
    mediaType,
    isIndex: false,
    blobs: [config, ...pushed],
    children: [],
    configMediaType: config.mediaType,
    // As the referrers API reports it (and ECR's artifactMediaType): the config's type unless set.
    artifactType: artifactType ?? config.mediaType,
    subject,
    annotations,
  };
}
