/**
 * @module services/secrets/api-secrets
 * Secrets: create, describe, list, update, delete (with a recovery window or at once), restore, and
 * tags on them. Their values and staging labels are api-secret-values.ts's.
 */
import { DAY_MS } from '../../core/clock.ts';
import { secretsArn } from '../../core/ids.ts';
import { paginate } from '../../core/paging.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { SecretsContext } from './context.ts';
import { smError } from './errors.ts';
import type { SecretRecord } from './model.ts';
import {
  addVersion,
  checkSecretFields,
  checkSecretName,
  findSecret,
  purged,
  requireSecret,
  sameValue,
  stagesByVersion,
  secretValueOf,
} from './secrets.ts';
import type { DescribeSecretResponse, Filter, SecretsmanagerOperations, Tag } from './shapes-secretsmanager.ts';

const MAX_TAGS = 50;

function checkTags(tags: Tag[]): void {
  for (const t of tags) {
    if (t.Key?.toLowerCase().startsWith('aws:'))
      throw smError.invalidParameter(`Tag key '${t.Key}' is reserved: keys that begin with aws: are for AWS use.`);
  }
}

function mergeTags(held: Tag[], added: Tag[]): Tag[] {
  const merged = new Map(held.map((t) => [t.Key, t.Value]));
  for (const t of added) merged.set(t.Key, t.Value ?? '');
  if (merged.size > MAX_TAGS) throw smError.tooManyTags(MAX_TAGS);
  return [...merged].map(([Key, Value]) => ({ Key, Value }));
}

/** DescribeSecret's view of a secret (ListSecrets shows the same, its stage map under another name). */
function describe(sc: SecretsContext, s: SecretRecord): DescribeSecretResponse {
  return {
    ARN: s.arn,
    Name: s.name,
    Description: s.description,
    KmsKeyId: s.kmsKeyId,
    RotationEnabled: false,
    LastChangedDate: s.lastChangedAt,
    LastAccessedDate: s.lastAccessedAt,
    DeletedDate: s.deletion?.deletedAt,
    Tags: s.tags.length ? s.tags : undefined,
    VersionIdsToStages: stagesByVersion(sc, s.arn),
    CreatedDate: s.createdAt,
  };
}

/** ListSecrets' filters: values of one key are alternatives (`!` negates one), keys must all match. */
function matches(s: SecretRecord, filters: Filter[]): boolean {
  return filters.every(({ Key: key, Values: values }) =>
    (values ?? []).some((raw) => {
      const negated = raw.startsWith('!');
      const value = negated ? raw.slice(1) : raw;
      const prefixOf = (text: string | undefined, anyCase = false) =>
        text !== undefined && (anyCase ? text.toLowerCase().startsWith(value.toLowerCase()) : text.startsWith(value));
      let hit: boolean;
      switch (key) {
        case 'name':
          hit = prefixOf(s.name);
          break;
        case 'description':
          hit = prefixOf(s.description, true);
          break;
        case 'tag-key':
          hit = s.tags.some((t) => prefixOf(t.Key));
          break;
        case 'tag-value':
          hit = s.tags.some((t) => prefixOf(t.Value));
          break;
        case 'all': {
          const words = value.toLowerCase().split(/\s+/).filter(Boolean);
          const text = [s.name, s.description ?? '', ...s.tags.flatMap((t) => [t.Key ?? '', t.Value ?? ''])].join(' ').toLowerCase();
          hit = words.every((w) => text.includes(w));
          break;
        }
        default:
          hit = false; // primary-region, owning-service: no secret here is replicated or managed
      }
      return negated ? !hit : hit;
    }),
  );
}

const sortKeys = {
  'created-date': (s: SecretRecord) => s.createdAt,
  'last-accessed-date': (s: SecretRecord) => s.lastAccessedAt ?? 0,
  'last-changed-date': (s: SecretRecord) => s.lastChangedAt,
  name: (s: SecretRecord) => s.name,
};

export function secretHandlers(sc: SecretsContext): Handlers<SecretsmanagerOperations> {
  const m = sc.model;
  return {
    CreateSecret(input, ctx) {
      const scope = scopeOf(ctx);
      checkSecretName(input.Name);
      checkSecretFields(scope.region, input);
      const value = secretValueOf(input);
      checkTags(input.Tags ?? []);
      const tags = mergeTags([], input.Tags ?? []);
      if (input.AddReplicaRegions?.length)
        throw smError.invalidRequest('Slipway does not replicate secrets to other Regions: leave out AddReplicaRegions.');
      return m.tx(() => {
        const held = findSecret(sc, scope, input.Name);
        if (held?.deletion) throw smError.scheduledForDeletion();
        if (held) {
          // A retried CreateSecret (same token, same value) is answered again; anything else exists already.
          const version = input.ClientRequestToken ? m.version(held.arn, input.ClientRequestToken) : undefined;
          const retried = input.ClientRequestToken !== undefined && held.createToken === input.ClientRequestToken;
          if (retried && (value ? version && sameValue(sc, version, value) : !version)) {
            return { ARN: held.arn, Name: held.name, VersionId: version?.versionId };
          }
          throw smError.secretExists(input.Name);
        }
        for (const gone of m.secrets.find({ scope: scopeKey(scope), name: input.Name })) if (purged(sc, gone)) m.deleteSecret(gone.arn);
        const now = sc.clock.now();
        const secret: SecretRecord = {
          arn: secretsArn.secret(scope, input.Name),
          name: input.Name,
          description: input.Description,
          kmsKeyId: input.KmsKeyId,
          createdAt: now,
          lastChangedAt: now,
          tags,
          createToken: input.ClientRequestToken,
        };
        m.putSecret(secret);
        const version = value ? addVersion(sc, secret, value, input.ClientRequestToken) : undefined;
        return { ARN: secret.arn, Name: secret.name, VersionId: version?.versionId };
      });
    },

    DescribeSecret(input, ctx) {
      return describe(sc, requireSecret(sc, scopeOf(ctx), input.SecretId, 'allow'));
    },

    ListSecrets(input, ctx) {
      const filters = input.Filters ?? [];
      for (const f of filters)
        if (!f.Key || !f.Values?.length)
          throw smError.invalidParameter('Invalid filter: each filter needs a Key and at least one value in Values.');
      const by = sortKeys[input.SortBy ?? 'created-date'];
      const all = m.secrets
        .find({ scope: scopeKey(scopeOf(ctx)) })
        .filter((s) => !purged(sc, s) && (input.IncludePlannedDeletion || !s.deletion) && matches(s, filters))
        .sort((a, b) => (by(a) < by(b) ? -1 : by(a) > by(b) ? 1 : 0) * (input.SortOrder === 'desc' ? -1 : 1));
      const page = paginate(
        all,
        { token: input.NextToken, size: input.MaxResults },
        { kind: 'ListSecrets', defaultSize: 100, maxSize: 100, invalid: () => smError.invalidNextToken() },
      );
      return {
        SecretList: page.items.map((s) => {
          const { VersionIdsToStages, ...entry } = describe(sc, s);
          return { ...entry, SecretVersionsToStages: VersionIdsToStages };
        }),
        NextToken: page.next,
      };
    },

    UpdateSecret(input, ctx) {
      checkSecretFields(ctx.region, input);
      const value = secretValueOf(input);
      return m.tx(() => {
        const secret = requireSecret(sc, scopeOf(ctx), input.SecretId);
        const token = value ? input.ClientRequestToken : undefined;
        const existing = token ? m.version(secret.arn, token) : undefined;
        if (existing && value) {
          if (!sameValue(sc, existing, value)) throw smError.versionExists();
          return { ARN: secret.arn, Name: secret.name, VersionId: existing.versionId };
        }
        const updated: SecretRecord = {
          ...secret,
          description: input.Description ?? secret.description,
          kmsKeyId: input.KmsKeyId ?? secret.kmsKeyId,
          lastChangedAt: sc.clock.now(),
        };
        m.putSecret(updated);
        const version = value ? addVersion(sc, updated, value, token) : undefined;
        return { ARN: secret.arn, Name: secret.name, VersionId: version?.versionId };
      });
    },

    DeleteSecret(input, ctx) {
      const force = input.ForceDeleteWithoutRecovery === true;
      if (force && input.RecoveryWindowInDays !== undefined) {
        throw smError.invalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
      }
      const days = input.RecoveryWindowInDays ?? 30;
      if (days < 7 || days > 30)
        throw smError.invalidParameter('The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).');
      const scope = scopeOf(ctx);
      const now = sc.clock.now();
      const secret = m.tx(() => {
        const held = requireSecret(sc, scope, input.SecretId, 'allow');
        if (force) {
          m.deleteSecret(held.arn);
          return { ...held, deletion: { deletedAt: now, deletionDate: now, purgeAt: now } };
        }
        if (held.deletion) throw smError.markedForDeletion();
        const scheduled = {
          ...held,
          deletion: { deletedAt: now, deletionDate: now + days * DAY_MS, purgeAt: now + sc.clock.duration(days * DAY_MS) },
        };
        m.putSecret(scheduled);
        return scheduled;
      });
      if (!force) sc.scheduled(secret.arn);
      return { ARN: secret.arn, Name: secret.name, DeletionDate: secret.deletion.deletionDate };
    },

    RestoreSecret(input, ctx) {
      const scope = scopeOf(ctx);
      const secret = m.tx(() => {
        const { deletion: _cancelled, ...held } = requireSecret(sc, scope, input.SecretId, 'allow');
        m.putSecret({ ...held, lastChangedAt: sc.clock.now() });
        return held;
      });
      return { ARN: secret.arn, Name: secret.name };
    },

    TagResource(input, ctx) {
      checkSecretFields(ctx.region, input);
      checkTags(input.Tags);
      const scope = scopeOf(ctx);
      m.tx(() => {
        const secret = requireSecret(sc, scope, input.SecretId);
        m.putSecret({ ...secret, tags: mergeTags(secret.tags, input.Tags) });
      });
      return {};
    },

    UntagResource(input, ctx) {
      const scope = scopeOf(ctx);
      m.tx(() => {
        const secret = requireSecret(sc, scope, input.SecretId);
        m.putSecret({ ...secret, tags: secret.tags.filter((t) => !input.TagKeys.includes(t.Key!)) });
      });
      return {};
    },
  };
}
