/**
 * @module services/ecr/registry-blobs
 * Blobs and blob uploads on the registry: HEAD/GET (with a single Range) and DELETE of a blob;
 * uploads started by POST (monolithic with ?digest=, a session, or a cross-repository mount),
 * continued by PATCH (Content-Range must start where the upload ends, else 416 and the Range the
 * client should resume from), closed by PUT ?digest=, inspected by GET (how a client resumes after
 * a dropped connection) and cancelled by DELETE. Upload sessions are rows in ecr_uploads and files
 * in the blob store, so a resume also works across a Slipway restart.
 *
 * A blob is readable through a repository once linked to it (ecr_layers): when its upload commits
 * or it is mounted. Linking happens synchronously right after the blob is known to be on disk, so
 * garbage collection never sees a linked blob vanish (see housekeeping.ts).
 */
import { uuid } from '../../core/ids.ts';
import { DIGEST, DigestMismatchError, assertDigest } from './blobs.ts';
import type { EcrContext } from './context.ts';
import { collectionGraceMs } from './housekeeping.ts';
import { RegistryError } from './registry-errors.ts';
import { API_VERSION_HEADER, header, sendEmpty, type RegistryRequest } from './registry-http.ts';
import { findRepositoryByName } from './repositories.ts';

export async function blobRequest(r: RegistryRequest, digest: string): Promise<void> {
  const { ecr, req, res, repositoryArn } = r;
  if (!DIGEST.test(digest)) throw new RegistryError('DIGEST_INVALID', `'${digest}' is not a sha256 digest`, { digest });
  const link = ecr.model.layers.get(`${repositoryArn}@${digest}`);
  const linked = link !== undefined || ecr.model.image(repositoryArn, digest) !== undefined;
  const stat = linked ? ecr.blobs.stat(digest) : undefined;
  if (!stat) throw new RegistryError('BLOB_UNKNOWN', `blob ${digest} is not in repository '${r.name}'`, { digest });

  if (req.method === 'DELETE') {
    // Unlinks the blob from this repository; its bytes go at the next collection if nothing else needs them.
    ecr.model.layers.delete(`${repositoryArn}@${digest}`);
    return sendEmpty(res, 202, {});
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new RegistryError('UNSUPPORTED', `${req.method} is not supported on a blob`);
  // A push HEADs the layers it will reference: renew an ageing link so collection leaves it be.
  if (req.method === 'HEAD' && link && ecr.clock.now() - link.at > collectionGraceMs(ecr) / 2) {
    ecr.model.putLayer({ ...link, at: ecr.clock.now() });
  }

  const headers: Record<string, string | number> = {
    ...API_VERSION_HEADER,
    'content-type': 'application/octet-stream',
    'docker-content-digest': digest,
    etag: `"${digest}"`,
    'accept-ranges': 'bytes',
    'cache-control': 'max-age=31536000',
  };
  const range = parseRange(header(req, 'range'), stat.size);
  if (range === 'unsatisfiable') {
    throw new RegistryError(
      'RANGE_INVALID',
      `range ${header(req, 'range')} is outside the blob's ${stat.size} bytes`,
      { size: stat.size },
      { 'content-range': `bytes */${stat.size}` },
    );
  }
  if (range) {
    res.writeHead(206, {
      ...headers,
      'content-length': range.end - range.start + 1,
      'content-range': `bytes ${range.start}-${range.end}/${stat.size}`,
    });
  } else {
    res.writeHead(200, { ...headers, 'content-length': stat.size });
  }
  if (req.method !== 'HEAD' && stat.size > 0) await ecr.blobs.writeTo(digest, res, range);
  res.end();
}

/** A single `bytes=a-b`, `bytes=a-` or `bytes=-n` range; multiple ranges are served whole. */
export function parseRange(value: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = value?.match(/^bytes=(\d*)-(\d*)$/);
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

export async function uploadRequest(r: RegistryRequest, id: string): Promise<void> {
  const { req } = r;
  if (id === '') {
    if (req.method !== 'POST')
      throw new RegistryError('UNSUPPORTED', `${req.method} is not supported on ${r.url.pathname}; POST starts an upload`);
    return startUpload(r);
  }
  const upload = r.ecr.model.uploads.get(id);
  if (!upload || upload.repositoryArn !== r.repositoryArn)
    throw new RegistryError('BLOB_UPLOAD_UNKNOWN', `upload ${id} does not exist in repository '${r.name}'`, { id });
  switch (req.method) {
    case 'GET': {
      const size = await r.ecr.blobs.uploadSize(id);
      if (size === undefined) throw new RegistryError('BLOB_UPLOAD_UNKNOWN', `upload ${id} has no data on disk`, { id });
      return sendEmpty(r.res, 204, uploadHeaders(r, id, size));
    }
    case 'PATCH': {
      const size = await r.ecr.blobs.append(id, req, contentRangeStart(req));
      r.ecr.model.putUpload({ ...upload, offset: size });
      return sendEmpty(r.res, 202, uploadHeaders(r, id, size));
    }
    case 'PUT':
      return finishUpload(r, id);
    case 'DELETE':
      await r.ecr.blobs.cancelUpload(id);
      r.ecr.model.uploads.delete(id);
      return sendEmpty(r.res, 204, {});
    default:
      throw new RegistryError('UNSUPPORTED', `${req.method} is not supported on an upload`);
  }
}

async function startUpload(r: RegistryRequest): Promise<void> {
  const { ecr, url, repositoryArn } = r;
  const mount = url.searchParams.get('mount');
  const from = url.searchParams.get('from');
  if (mount && from && DIGEST.test(mount) && mountBlob(ecr, repositoryArn, mount, from)) {
    return sendEmpty(r.res, 201, blobHeaders(r, mount));
  }
  const id = uuid();
  await ecr.blobs.startUpload(id);
  ecr.model.putUpload({ id, repositoryArn, startedAt: ecr.clock.now(), offset: 0 });
  const digest = url.searchParams.get('digest');
  if (digest === null) return sendEmpty(r.res, 202, uploadHeaders(r, id, 0));
  // Monolithic: the whole blob in this request's body.
  try {
    assertDigest(digest);
    await ecr.blobs.append(id, r.req, 0);
  } catch (err) {
    await ecr.blobs.cancelUpload(id);
    ecr.model.uploads.delete(id);
    throw err;
  }
  return commit(r, id, digest);
}

/** Links `digest` into the repository when `from` (in this registry) holds it; false to upload instead. */
function mountBlob(ecr: EcrContext, repositoryArn: string, digest: string, from: string): boolean {
  const source = findRepositoryByName(ecr, from);
  if (!source) return false;
  const sourceArn = source.repository.repositoryArn;
  if (!ecr.model.hasLayer(sourceArn, digest) && !ecr.model.image(sourceArn, digest)) return false;
  const stat = ecr.blobs.stat(digest);
  if (!stat) return false;
  ecr.model.putLayer({ repositoryArn, digest, size: stat.size, at: ecr.clock.now() });
  return true;
}

async function finishUpload(r: RegistryRequest, id: string): Promise<void> {
  const digest = r.url.searchParams.get('digest');
  if (!digest) throw new RegistryError('DIGEST_INVALID', 'PUT that closes an upload needs ?digest=sha256:<hex>');
  if (!DIGEST.test(digest)) throw new RegistryError('DIGEST_INVALID', `'${digest}' is not a sha256 digest`, { digest });
  if (hasBody(r)) await r.ecr.blobs.append(id, r.req, contentRangeStart(r.req));
  else r.req.resume();
  return commit(r, id, digest);
}

async function commit(r: RegistryRequest, id: string, digest: string): Promise<void> {
  const { ecr, repositoryArn } = r;
  let committed: { digest: string; size: number };
  try {
    committed = await ecr.blobs.commitUpload(id, digest);
  } catch (err) {
    // A wrong digest discards the upload's bytes; the session goes with them.
    if (err instanceof DigestMismatchError) ecr.model.uploads.delete(id);
    throw err;
  }
  ecr.model.tx(() => {
    ecr.model.putLayer({ repositoryArn, digest, size: committed.size, at: ecr.clock.now() });
    ecr.model.uploads.delete(id);
  });
  sendEmpty(r.res, 201, blobHeaders(r, digest));
}

function hasBody(r: RegistryRequest): boolean {
  const length = header(r.req, 'content-length');
  return length !== undefined ? Number(length) > 0 : header(r.req, 'transfer-encoding') !== undefined;
}

/** Where a PATCH's Content-Range (`<start>-<end>`, optionally `bytes ` and `/<size>`) says it starts. */
function contentRangeStart(req: RegistryRequest['req']): number | undefined {
  const value = header(req, 'content-range');
  if (value === undefined) return undefined;
  const m = value.trim().match(/^(?:bytes[ =])?(\d+)-(\d+)(?:\/(?:\d+|\*))?$/);
  if (!m || Number(m[2]) < Number(m[1])) throw new RegistryError('RANGE_INVALID', `Content-Range '${value}' is not <start>-<end>`);
  return Number(m[1]);
}

function uploadHeaders(r: RegistryRequest, id: string, size: number): Record<string, string | number> {
  return {
    location: `/v2/${r.name}/blobs/uploads/${id}`,
    // As distribution: the last byte held, "0-0" while empty.
    range: `0-${Math.max(0, size - 1)}`,
    'docker-upload-uuid': id,
  };
}

function blobHeaders(r: RegistryRequest, digest: string): Record<string, string> {
  return { location: `/v2/${r.name}/blobs/${digest}`, 'docker-content-digest': digest };
}
