/**
 * @module services/ecr/model
 * ECR records and the only code that touches ECR tables. Blob and manifest bytes live on disk in
 * the content-addressed blob store (blobs.ts); these tables say which repository holds what.
 *
 * Tables (JSON documents; pk, then indexed columns):
 *   ecr_repositories  pk repositoryArn             scope, name
 *   ecr_images        pk <repositoryArn>@<digest>  repo, digest, subject   (one per manifest)
 *   ecr_tags          pk <repositoryArn>:<tag>     repo, digest
 *   ecr_layers        pk <repositoryArn>@<digest>  repo, digest            (blobs linked into a repository)
 *   ecr_uploads       pk <upload uuid>             repo                    (resumable uploads in progress)
 *   ecr_pushes        pk <event uuid>              repo, at                (push events, for pipelines)
 *
 * `scope` is core's scopeKey of the repository ARN's scope, `repo` the repository ARN.
 */
import { scopeKey, scopeOfOwnArn } from '../../core/scope.ts';
import type { DocTable, Store } from '../../store/index.ts';
import type { Repository, Tag } from './shapes.ts';

/** A repository as CreateRepository stores it: its ARN, registry and name are always there. */
export type StoredRepository = Repository & Required<Pick<Repository, 'repositoryArn' | 'registryId' | 'repositoryName'>>;

export interface RepositoryRecord {
  repository: StoredRepository;
  tags: Tag[];
  /** Repository policy text (validated; weighed by request authorization when signatures are required). */
  policyText?: string;
  lifecyclePolicyText?: string;
  lifecyclePolicyUpdatedAt?: number;
  /** When the policy last ran (lifecycle.ts), for GetLifecyclePolicy's lastEvaluatedAt. */
  lifecycleEvaluatedAt?: number;
  /** The last lifecycle policy preview, as GetLifecyclePolicyPreview shows it. */
  lifecyclePreview?: {
    status: string;
    lifecyclePolicyText: string;
    expiring: { digest: string; tags: string[]; pushedAt: number; rulePriority: number }[];
  };
}

export interface ImageRecord {
  repositoryArn: string;
  digest: string;
  mediaType: string;
  artifactType?: string;
  /** Config media type, e.g. application/vnd.docker.container.image.v1+json. */
  configMediaType?: string;
  /** Compressed size of the layers (and config), as ECR's imageSizeInBytes. */
  size: number;
  /** Manifest size in bytes. */
  manifestSize: number;
  /** Digests this manifest references: layers and config, or child manifests of an index. */
  references: string[];
  /** Referrers API: the manifest this one is about. */
  subject?: string;
  pushedAt: number;
  lastPulledAt?: number;
  annotations?: Record<string, string>;
}

export interface TagRecord {
  repositoryArn: string;
  tag: string;
  digest: string;
  at: number;
}

export interface LayerRecord {
  repositoryArn: string;
  digest: string;
  size: number;
  at: number;
}

export interface UploadRecord {
  id: string;
  repositoryArn: string;
  startedAt: number;
  /** Bytes received so far (the file on disk is the truth; this is a hint). */
  offset: number;
}

export interface PushEvent {
  id: string;
  repositoryArn: string;
  repositoryName: string;
  tag?: string;
  digest: string;
  mediaType: string;
  at: number;
}

export class EcrModel {
  readonly repositories: DocTable<RepositoryRecord, 'scope' | 'name'>;
  readonly images: DocTable<ImageRecord, 'repo' | 'digest' | 'subject'>;
  readonly tags: DocTable<TagRecord, 'repo' | 'digest'>;
  readonly layers: DocTable<LayerRecord, 'repo' | 'digest'>;
  readonly uploads: DocTable<UploadRecord, 'repo'>;
  readonly pushes: DocTable<PushEvent, 'repo' | 'at'>;

  constructor(readonly store: Store) {
    this.repositories = store.docTable('ecr_repositories', { scope: 'TEXT', name: 'TEXT' });
    this.images = store.docTable('ecr_images', { repo: 'TEXT', digest: 'TEXT', subject: 'TEXT' });
    this.tags = store.docTable('ecr_tags', { repo: 'TEXT', digest: 'TEXT' });
    this.layers = store.docTable('ecr_layers', { repo: 'TEXT', digest: 'TEXT' });
    this.uploads = store.docTable('ecr_uploads', { repo: 'TEXT' });
    this.pushes = store.docTable('ecr_pushes', { repo: 'TEXT', at: 'INTEGER' });
  }

  tx<T>(fn: () => T): T {
    return this.store.tx(fn);
  }

  /** Stores the repository under the scope its ARN names, so the index can never disagree with the ARN. */
  putRepository(record: RepositoryRecord): void {
    const { repositoryArn, repositoryName } = record.repository;
    this.repositories.put(repositoryArn, record, { scope: scopeKey(scopeOfOwnArn(repositoryArn)), name: repositoryName });
  }

  putImage(image: ImageRecord): void {
    this.images.put(`${image.repositoryArn}@${image.digest}`, image, {
      repo: image.repositoryArn,
      digest: image.digest,
      subject: image.subject ?? null,
    });
  }

  image(repositoryArn: string, digest: string): ImageRecord | undefined {
    return this.images.get(`${repositoryArn}@${digest}`);
  }

  putTag(tag: TagRecord): void {
    this.tags.put(`${tag.repositoryArn}:${tag.tag}`, tag, { repo: tag.repositoryArn, digest: tag.digest });
  }

  tag(repositoryArn: string, tag: string): TagRecord | undefined {
    return this.tags.get(`${repositoryArn}:${tag}`);
  }

  deleteTag(repositoryArn: string, tag: string): void {
    this.tags.delete(`${repositoryArn}:${tag}`);
  }

  tagsOf(repositoryArn: string, digest: string): string[] {
    return this.tags
      .find({ repo: repositoryArn, digest })
      .map((t) => t.tag)
      .sort();
  }

  putLayer(layer: LayerRecord): void {
    this.layers.put(`${layer.repositoryArn}@${layer.digest}`, layer, { repo: layer.repositoryArn, digest: layer.digest });
  }

  hasLayer(repositoryArn: string, digest: string): boolean {
    return this.layers.get(`${repositoryArn}@${digest}`) !== undefined;
  }

  putUpload(upload: UploadRecord): void {
    this.uploads.put(upload.id, upload, { repo: upload.repositoryArn });
  }

  recordPush(event: PushEvent): void {
    this.pushes.put(event.id, event, { repo: event.repositoryArn, at: event.at });
  }
}
