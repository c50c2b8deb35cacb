/**
 * @module services/secrets/api-secret-values
 * A secret's values: reading one version, adding one, listing them, moving staging labels between
 * them; and GetRandomPassword, which makes a value to put.
 */
import { paginate } from '../../core/paging.ts';
import { scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { SecretsContext } from './context.ts';
import { smError } from './errors.ts';
import { randomPassword } from './password.ts';
import {
  addVersion,
  checkSecretFields,
  CURRENT,
  holderOf,
  moveStage,
  readSecretValue,
  requireSecret,
  sameValue,
  secretValueOf,
} from './secrets.ts';
import type { SecretsmanagerOperations } from './shapes-secretsmanager.ts';

export function secretValueHandlers(sc: SecretsContext): Handlers<SecretsmanagerOperations> {
  const m = sc.model;
  return {
    GetSecretValue(input, ctx) {
      const { secret, version, value } = readSecretValue(sc, scopeOf(ctx), input.SecretId, {
        versionId: input.VersionId,
        stage: input.VersionStage,
      });
      return {
        ARN: secret.arn,
        Name: secret.name,
        VersionId: version.versionId,
        ...value,
        VersionStages: version.stages,
        CreatedDate: version.createdAt,
      };
    },

    PutSecretValue(input, ctx) {
      checkSecretFields(ctx.region, input);
      const value = secretValueOf(input);
      if (!value) throw smError.noValue();
      const scope = scopeOf(ctx);
      return m.tx(() => {
        const secret = requireSecret(sc, scope, input.SecretId);
        const existing = input.ClientRequestToken ? m.version(secret.arn, input.ClientRequestToken) : undefined;
        if (existing && !sameValue(sc, existing, value)) throw smError.versionExists();
        const version = existing ?? addVersion(sc, secret, value, input.ClientRequestToken, input.VersionStages);
        if (!existing) m.putSecret({ ...secret, lastChangedAt: sc.clock.now() });
        return { ARN: secret.arn, Name: secret.name, VersionId: version.versionId, VersionStages: version.stages };
      });
    },

    ListSecretVersionIds(input, ctx) {
      const secret = requireSecret(sc, scopeOf(ctx), input.SecretId);
      const versions = m
        .versionsOf(secret.arn)
        .filter((v) => input.IncludeDeprecated || v.stages.length)
        .reverse();
      const page = paginate(
        versions,
        { token: input.NextToken, size: input.MaxResults },
        { kind: 'ListSecretVersionIds', defaultSize: 100, maxSize: 100, invalid: () => smError.invalidNextToken() },
      );
      return {
        ARN: secret.arn,
        Name: secret.name,
        Versions: page.items.map((v) => ({
          VersionId: v.versionId,
          VersionStages: v.stages,
          LastAccessedDate: v.lastAccessedAt,
          CreatedDate: v.createdAt,
        })),
        NextToken: page.next,
      };
    },

    UpdateSecretVersionStage(input, ctx) {
      const { VersionStage: stage, RemoveFromVersionId: from, MoveToVersionId: to } = input;
      checkSecretFields(ctx.region, input);
      if (!from && !to) throw smError.invalidParameter('You must specify MoveToVersionId, RemoveFromVersionId, or both.');
      if (stage === CURRENT && !to) {
        throw smError.invalidParameter(
          "You can only move staging label AWSCURRENT to a different secret version. It can't be completely removed.",
        );
      }
      return m.tx(() => {
        const secret = requireSecret(sc, scopeOf(ctx), input.SecretId);
        for (const id of [from, to]) if (id && !m.version(secret.arn, id)) throw smError.versionNotFound(id);
        const holder = holderOf(sc, secret.arn, stage);
        if (holder && holder.versionId !== to && holder.versionId !== from) {
          throw smError.invalidParameter(
            `The parameter RemoveFromVersionId can't be empty. Staging label ${stage} is currently attached to version ${holder.versionId}, so you must explicitly reference that version in RemoveFromVersionId.`,
          );
        }
        if (from && holder?.versionId !== from)
          throw smError.invalidParameter(
            `Staging label ${stage} is not attached to version ${from}, the version RemoveFromVersionId names.`,
          );
        moveStage(sc, secret.arn, stage, to);
        return { ARN: secret.arn, Name: secret.name };
      });
    },

    GetRandomPassword(input) {
      return { RandomPassword: randomPassword(input) };
    },
  };
}
