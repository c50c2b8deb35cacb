/**
 * @module services/ecr/api-layers
 * Layers through the ECR API — the path the Docker credential helpers and some CI tools take
 * instead of /v2/: BatchCheckLayerAvailability, InitiateLayerUpload / UploadLayerPart /
 * CompleteLayerUpload, GetDownloadUrlForLayer. Uploads land in the same blob store as registry
 * uploads, with the same digest verification; a completed layer is linked into its repository.
 */
import { Readable } from 'node:stream';
import { uuid } from '../../core/ids.ts';
import type { Handlers, RequestContext } from '../../protocol/types.ts';
import { repositoryFor } from './api-common.ts';
import { DIGEST, DigestMismatchError, OffsetMismatchError, UploadUnknownError } from './blobs.ts';
import { registryHost, type EcrContext } from './context.ts';
import { ecrError } from './errors.ts';
import type { RepositoryRecord, UploadRecord } from './model.ts';
import type { EcrOperations, Layer, LayerFailure } from './shapes.ts';

/** What InitiateLayerUpload tells clients to send per part: the largest part the model allows. */
const PART_SIZE = 20 * 1024 * 1024;

export function layerHandlers(ecr: EcrContext): Handlers<EcrOperations> {
  const m = ecr.model;

  /** The repository and an upload in progress in it. */
  const uploadFor = (ctx: RequestContext, input: { repositoryName: string; registryId?: string; uploadId: string }) => {
    const repo = repositoryFor(ecr, ctx, input);
    const upload = m.uploads.get(input.uploadId);
    if (!upload || upload.repositoryArn !== repo.repository.repositoryArn) throw ecrError.uploadNotFound(repo, input.uploadId);
    return { repo, upload };
  };

  /** A layer is available when it is linked into the repository and its bytes are on disk. */
  const linkedLayer = (repo: RepositoryRecord, digest: string) =>
    m.hasLayer(repo.repository.repositoryArn, digest) ? ecr.blobs.stat(digest) : undefined;

  const forgetUpload = (upload: UploadRecord) => m.uploads.delete(upload.id);

  return {
    BatchCheckLayerAvailability(input, ctx) {
      const repo = repositoryFor(ecr, ctx, input);
      const layers: Layer[] = [];
      const failures: LayerFailure[] = [];
      for (const layerDigest of input.layerDigests) {
        if (!layerDigest) failures.push({ layerDigest, failureCode: 'MissingLayerDigest', failureReason: 'The layer digest is missing.' });
        else if (!DIGEST.test(layerDigest))
          failures.push({
            layerDigest,
            failureCode: 'InvalidLayerDigest',
            failureReason: 'Invalid layer digest: it should satisfy the regex sha256:[a-f0-9]{64}',
          });
        else {
          const stat = linkedLayer(repo, layerDigest);
          layers.push(
            stat
              ? { layerDigest, layerAvailability: 'AVAILABLE', layerSize: stat.size }
              : { layerDigest, layerAvailability: 'UNAVAILABLE' },
          );
        }
      }
      return { layers, failures };
    },

    async InitiateLayerUpload(input, ctx) {
      const repo = repositoryFor(ecr, ctx, input);
      const id = uuid();
      await ecr.blobs.startUpload(id);
      m.putUpload({ id, repositoryArn: repo.repository.repositoryArn, startedAt: ecr.clock.now(), offset: 0 });
      return { uploadId: id, partSize: PART_SIZE };
    },

    async UploadLayerPart(input, ctx) {
      const { repo, upload } = uploadFor(ctx, input);
      const bytes = Buffer.from(input.layerPartBlob, 'base64');
      const partFault = (message: string, received: number) => ecrError.invalidLayerPart(repo, upload.id, received - 1, message);
      if (bytes.length === 0) throw partFault('The layer part is empty.', upload.offset);
      if (input.partLastByte !== input.partFirstByte + bytes.length - 1) {
        throw partFault(
          `The layer part holds ${bytes.length} bytes, so partLastByte must be ${input.partFirstByte + bytes.length - 1} (got ${input.partLastByte}).`,
          upload.offset,
        );
      }
      let size: number;
      try {
        // The store refuses, reading nothing, unless the part starts exactly where the upload ends.
        size = await ecr.blobs.append(upload.id, Readable.from([bytes]), input.partFirstByte);
      } catch (err) {
        if (err instanceof OffsetMismatchError) {
          throw partFault(
            `The layer part must continue the upload: it holds ${err.offset} bytes, so partFirstByte must be ${err.offset} (got ${input.partFirstByte}).`,
            err.offset,
          );
        }
        if (err instanceof UploadUnknownError) {
          forgetUpload(upload);
          throw ecrError.uploadNotFound(repo, upload.id);
        }
        throw err;
      }
      m.putUpload({ ...upload, offset: size });
      return {
        registryId: repo.repository.registryId,
        repositoryName: repo.repository.repositoryName,
        uploadId: upload.id,
        lastByteReceived: size - 1,
      };
    },

    async CompleteLayerUpload(input, ctx) {
      const { repo, upload } = uploadFor(ctx, input);
      if (input.layerDigests.length !== 1)
        throw ecrError.invalidParameter(
          'layerDigests',
          `must name exactly one digest, the uploaded layer's (got ${input.layerDigests.length})`,
        );
      const digest = input.layerDigests[0];
      if (!DIGEST.test(digest))
        throw ecrError.invalidLayer(`The layer digest '${digest}' is not valid: it should satisfy the regex sha256:[a-f0-9]{64}`);
      const size = await ecr.blobs.uploadSize(upload.id);
      if (size === undefined) {
        forgetUpload(upload);
        throw ecrError.uploadNotFound(repo, upload.id);
      }
      if (size === 0) throw ecrError.emptyUpload(upload.id);
      if (linkedLayer(repo, digest)) {
        await ecr.blobs.cancelUpload(upload.id);
        forgetUpload(upload);
        throw ecrError.layerAlreadyExists(repo, digest);
      }
      let committed: { digest: string; size: number };
      try {
        committed = await ecr.blobs.commitUpload(upload.id, digest);
      } catch (err) {
        forgetUpload(upload);
        if (err instanceof DigestMismatchError) {
          throw ecrError.invalidLayer(
            `The layer digest calculation performed upon receipt of the layer does not match the digest specified: the bytes have digest ${err.actual}, not ${digest}.`,
          );
        }
        if (err instanceof UploadUnknownError) throw ecrError.uploadNotFound(repo, upload.id);
        throw err;
      }
      m.tx(() => {
        m.putLayer({ repositoryArn: repo.repository.repositoryArn, digest, size: committed.size, at: ecr.clock.now() });
        forgetUpload(upload);
      });
      return {
        registryId: repo.repository.registryId,
        repositoryName: repo.repository.repositoryName,
        uploadId: upload.id,
        layerDigest: digest,
      };
    },

    GetDownloadUrlForLayer(input, ctx) {
      const repo = repositoryFor(ecr, ctx, input);
      const digest = input.layerDigest;
      if (!DIGEST.test(digest)) throw ecrError.invalidParameter('layerDigest', 'must satisfy the regex sha256:[a-f0-9]{64}');
      const name = repo.repository.repositoryName;
      if (!m.hasLayer(repo.repository.repositoryArn, digest)) {
        throw ecrError.layerNotFound(repo, digest);
      }
      if (!ecr.blobs.stat(digest)) throw ecrError.layerInaccessible(repo, digest);
      // The registry's own blob URL: fetch it with "Authorization: Basic <authorizationToken>".
      return { downloadUrl: `http://${registryHost(ecr)}/v2/${name}/blobs/${digest}`, layerDigest: digest };
    },
  };
}
