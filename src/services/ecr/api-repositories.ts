/**
 * @module services/ecr/api-repositories
 * Repositories: create, describe, delete; their settings (tag mutability, scan on push); and tags
 * on them. A repository's URI is formed when it is shown, from the registry's address now, so a
 * Slipway restarted on another port hands out URIs that work.
 */
import { arn, parseArn } from '../../core/ids.ts';
import { scopeKey } from '../../core/scope.ts';
import type { Handlers, RequestContext } from '../../protocol/types.ts';
import { listPage, refusePagingWithIds, repositoryFor } from './api-common.ts';
import { registryHost, type EcrContext } from './context.ts';
import { ecrError } from './errors.ts';
import type { RepositoryRecord, StoredRepository } from './model.ts';
import { requireRepository } from './repositories.ts';
import type {
  EcrOperations,
  EncryptionConfiguration,
  ImageTagMutability,
  ImageTagMutabilityExclusionFilter,
  Repository,
  Tag,
} from './shapes.ts';

/** ECR's repository name rule, matched whole (the model's pattern is written without anchors). */
const NAME_PATTERN = '[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(\\/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*';
const NAME = new RegExp(`^${NAME_PATTERN}$`);
const MAX_TAGS = 50;

/** The repository as the API shows it, its URI naming the registry as it is reached now. */
export function repositoryView(ecr: EcrContext, record: RepositoryRecord): Repository {
  return { ...record.repository, repositoryUri: `${registryHost(ecr)}/${record.repository.repositoryName}` };
}

function checkMutability(
  mutability: ImageTagMutability,
  filters: ImageTagMutabilityExclusionFilter[] | undefined,
): ImageTagMutabilityExclusionFilter[] | undefined {
  const withExclusion = mutability.endsWith('_WITH_EXCLUSION');
  if (withExclusion && !filters?.length) {
    throw ecrError.invalidParameter('imageTagMutabilityExclusionFilters', `must be given when imageTagMutability is ${mutability}`);
  }
  if (!withExclusion && filters?.length) {
    throw ecrError.invalidParameter(
      'imageTagMutabilityExclusionFilters',
      `may only be given when imageTagMutability is IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION (got ${mutability})`,
    );
  }
  return withExclusion ? filters : undefined;
}

function checkEncryption(config: EncryptionConfiguration | undefined): EncryptionConfiguration {
  if (!config) return { encryptionType: 'AES256' };
  if (config.encryptionType === 'AES256' && config.kmsKey) {
    throw ecrError.invalidParameter('encryptionConfiguration.kmsKey', 'may only be given when encryptionType is KMS or KMS_DSSE');
  }
  return config.kmsKey ? { encryptionType: config.encryptionType, kmsKey: config.kmsKey } : { encryptionType: config.encryptionType };
}

/** Tags a caller may set: keys 1–128 characters, values up to 256, unique, none under aws:. */
function checkTags(tags: Tag[]): Tag[] {
  const seen = new Set<string>();
  for (const { Key: key, Value: value } of tags) {
    if (!key || key.length > 128)
      throw ecrError.invalidTagParameter(`Tag key '${key ?? ''}' is invalid: tag keys must be 1 to 128 characters long.`);
    if ((value ?? '').length > 256)
      throw ecrError.invalidTagParameter(`The value of tag '${key}' is invalid: tag values can be at most 256 characters long.`);
    if (/^aws:/i.test(key)) throw ecrError.reservedTagKey(key);
    if (seen.has(key)) throw ecrError.invalidTagParameter(`Tag key '${key}' appears more than once; each tag key must be unique.`);
    seen.add(key);
  }
  return tags.map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
}

export function repositoryHandlers(ecr: EcrContext): Handlers<EcrOperations> {
  const m = ecr.model;

  /** TagResource and friends name the repository by ARN, which must be one of this region and account. */
  const repositoryByArn = (ctx: RequestContext, resourceArn: string): RepositoryRecord => {
    const parsed = parseArn(resourceArn);
    if (parsed?.service !== 'ecr' || !parsed.resource.startsWith('repository/')) {
      throw ecrError.invalidParameter(
        'resourceArn',
        `'${resourceArn}' is not an ECR repository ARN (arn:aws:ecr:<region>:<account>:repository/<name>)`,
      );
    }
    const name = parsed.resource.slice('repository/'.length);
    if (scopeKey(parsed) !== scopeKey(ctx)) throw ecrError.repositoryNotFound(name, parsed.account);
    return requireRepository(ecr, ctx, name);
  };

  const saveTags = (record: RepositoryRecord, tags: Tag[]) => {
    m.putRepository({ ...record, tags });
  };

  return {
    CreateRepository(input, ctx) {
      const name = input.repositoryName;
      if (!NAME.test(name)) throw ecrError.invalidParameter('repositoryName', `must satisfy regular expression '${NAME_PATTERN}'`);
      if (input.registryId && input.registryId !== ctx.account) {
        throw ecrError.invalidParameter('registryId', `repositories can only be created in your own registry ('${ctx.account}')`);
      }
      const mutability = input.imageTagMutability ?? 'MUTABLE';
      const exclusions = checkMutability(mutability, input.imageTagMutabilityExclusionFilters);
      const encryption = checkEncryption(input.encryptionConfiguration);
      const tags = checkTags(input.tags ?? []);
      if (tags.length > MAX_TAGS) throw ecrError.tooManyTags(MAX_TAGS, tags.length);
      const repository: StoredRepository = {
        repositoryArn: arn(ctx, 'ecr', `repository/${name}`),
        registryId: ctx.account,
        repositoryName: name,
        repositoryUri: `${registryHost(ecr)}/${name}`,
        createdAt: ecr.clock.now(),
        imageTagMutability: mutability,
        ...(exclusions ? { imageTagMutabilityExclusionFilters: exclusions } : {}),
        imageScanningConfiguration: { scanOnPush: input.imageScanningConfiguration?.scanOnPush ?? false },
        encryptionConfiguration: encryption,
      };
      m.tx(() => {
        if (m.repositories.get(repository.repositoryArn)) {
          throw ecrError.repositoryAlreadyExists(name, ctx.account);
        }
        m.putRepository({ repository, tags });
      });
      return { repository: repositoryView(ecr, { repository, tags }) };
    },

    DescribeRepositories(input, ctx) {
      const names = input.repositoryNames ?? [];
      refusePagingWithIds('repositoryNames', names.length > 0, input);
      if (names.length) {
        // Every name must exist: the first unknown one fails the whole call, as in ECR.
        const records = [...new Set(names)].map((name) => requireRepository(ecr, ctx, name, input.registryId));
        return { repositories: records.map((r) => repositoryView(ecr, r)) };
      }
      if (input.registryId && input.registryId !== ctx.account) return { repositories: [] };
      const all = m.repositories.find({ scope: scopeKey(ctx) }, 'name');
      const page = listPage(all, input, { kind: 'repositories', maxSize: 1000 });
      return { repositories: page.items.map((r) => repositoryView(ecr, r)), nextToken: page.next };
    },

    DeleteRepository(input, ctx) {
      const deleted = m.tx(() => {
        const record = repositoryFor(ecr, ctx, input);
        const { repositoryArn } = record.repository;
        const images = m.images.find({ repo: repositoryArn });
        if (images.length && !input.force) {
          throw ecrError.repositoryNotEmpty(input.repositoryName, ctx.account);
        }
        // Images, tags and layer links go now; the blobs themselves are the collector's to remove
        // once no repository references them. Push events stay: they are history.
        for (const tag of m.tags.find({ repo: repositoryArn })) m.deleteTag(repositoryArn, tag.tag);
        for (const image of images) m.images.delete(`${repositoryArn}@${image.digest}`);
        for (const layer of m.layers.find({ repo: repositoryArn })) m.layers.delete(`${repositoryArn}@${layer.digest}`);
        m.repositories.delete(repositoryArn);
        return record;
      });
      return { repository: repositoryView(ecr, deleted) };
    },

    PutImageTagMutability(input, ctx) {
      const exclusions = checkMutability(input.imageTagMutability, input.imageTagMutabilityExclusionFilters);
      const record = m.tx(() => {
        const current = repositoryFor(ecr, ctx, input);
        const { imageTagMutabilityExclusionFilters: _previous, ...rest } = current.repository;
        const updated = {
          ...current,
          repository: {
            ...rest,
            imageTagMutability: input.imageTagMutability,
            ...(exclusions ? { imageTagMutabilityExclusionFilters: exclusions } : {}),
          },
        };
        m.putRepository(updated);
        return updated;
      });
      return {
        registryId: record.repository.registryId,
        repositoryName: record.repository.repositoryName,
        imageTagMutability: record.repository.imageTagMutability,
        ...(exclusions ? { imageTagMutabilityExclusionFilters: exclusions } : {}),
      };
    },

    PutImageScanningConfiguration(input, ctx) {
      // Stored and shown; Slipway runs no scanner (StartImageScan answers 501).
      const scanning = { scanOnPush: input.imageScanningConfiguration.scanOnPush ?? false };
      const record = m.tx(() => {
        const current = repositoryFor(ecr, ctx, input);
        const updated = { ...current, repository: { ...current.repository, imageScanningConfiguration: scanning } };
        m.putRepository(updated);
        return updated;
      });
      return {
        registryId: record.repository.registryId,
        repositoryName: record.repository.repositoryName,
        imageScanningConfiguration: scanning,
      };
    },

    TagResource(input, ctx) {
      const incoming = checkTags(input.tags);
      m.tx(() => {
        const record = repositoryByArn(ctx, input.resourceArn);
        const merged = new Map(record.tags.map((t) => [t.Key, t.Value]));
        for (const t of incoming) merged.set(t.Key, t.Value);
        if (merged.size > MAX_TAGS) throw ecrError.tooManyTags(MAX_TAGS, merged.size);
        saveTags(
          record,
          [...merged].map(([Key, Value]) => ({ Key, Value })),
        );
      });
      return {};
    },

    UntagResource(input, ctx) {
      for (const key of input.tagKeys) {
        if (/^aws:/i.test(key)) throw ecrError.reservedTagKey(key);
      }
      m.tx(() => {
        const record = repositoryByArn(ctx, input.resourceArn);
        const doomed = new Set(input.tagKeys);
        saveTags(
          record,
          record.tags.filter((t) => !doomed.has(t.Key)),
        );
      });
      return {};
    },

    ListTagsForResource(input, ctx) {
      return { tags: repositoryByArn(ctx, input.resourceArn).tags };
    },
  };
}
