/**
 * @module services/secrets
 * The secrets room: Secrets Manager and SSM Parameter Store on the edge (two APIs, one room, one
 * vault), and the loop that purges secrets whose recovery window has ended. Other rooms (ECS,
 * CodeBuild) read secrets and parameters only through its facade.
 */
import { existsSync } from 'node:fs';
import type { Scope } from '../../core/ids.ts';
import { loadModel } from '../../protocol/model.ts';
import type { AppContext, Room, RoomWithFacade } from '../types.ts';
import { secretsManagerHandlers, ssmHandlers } from './api.ts';
import { secretsContext } from './context.ts';
import { isSecretsManagerReference, type ReadAuthorizer, resolveParameterReference, resolveSecretReference } from './references.ts';
import { findSecret } from './secrets.ts';
import { findParameter } from './parameters.ts';
import { found, tagMap } from '../authorization.ts';
import { scopeOfOwnArn } from '../../core/scope.ts';

export {
  parseSecretReference,
  type ReadAuthorizer,
  SecretReferenceError,
  type SecretReference,
  type SecretReferenceFailure,
} from './references.ts';

/** What the room offers other rooms: secret and parameter values as ECS and CodeBuild name them. */
export interface SecretsFacade {
  /**
   * A Secrets Manager secret's value as ECS's `valueFrom` (full or partial ARN with optional
   * `:json-key:version-stage:version-id`) or CodeBuild's `secrets-manager` variable names it; a bare
   * name is looked up in `scope`. Throws SecretReferenceError worded as the ECS agent's failure.
   */
  resolveSecret(valueFrom: string, scope: Scope): string;
  /** An SSM parameter's value, decrypted, by name (in `scope`) or parameter ARN. Throws SecretReferenceError. */
  resolveParameter(valueFrom: string, scope: Scope): string;
  /**
   * What ECS's `secrets[].valueFrom` names: a Secrets Manager ARN (with its suffixes), else an SSM
   * parameter; read as `authorize` allows (a task's execution role), when given.
   */
  resolveValueFrom(valueFrom: string, scope: Scope, authorize?: ReadAuthorizer): string;
}

/** Two rooms' worth of API on one set of tables: Secrets Manager carries the purge loop, the status and the facade. */
export function register(app: AppContext): [RoomWithFacade<SecretsFacade>, Room] {
  const sc = secretsContext(app);
  const facade: SecretsFacade = {
    resolveSecret: (valueFrom, scope) => resolveSecretReference(sc, valueFrom, scope),
    resolveParameter: (valueFrom, scope) => resolveParameterReference(sc, valueFrom, scope),
    resolveValueFrom: (valueFrom, scope, authorize) =>
      isSecretsManagerReference(valueFrom)
        ? resolveSecretReference(sc, valueFrom, scope, authorize)
        : resolveParameterReference(sc, valueFrom, scope, authorize),
  };
  return [
    {
      name: 'secretsmanager',
      facade,
      api: {
        model: loadModel('secretsmanager'),
        handlers: secretsManagerHandlers(sc),
        validation: { constraint: 'ValidationException', type: 'SerializationException' },
      },
      // A request may name a secret without its random suffix: IAM weighs the stored ARN.
      authorization(arn) {
        const secret = found(() => findSecret(sc, scopeOfOwnArn(arn), arn));
        return secret && { arn: secret.arn, tags: tagMap(secret.tags) };
      },
      start: () => sc.purge.start(),
      stop: () => sc.purge.stop(),
      status: () => ({
        keyFile: sc.vault.keyFile && existsSync(sc.vault.keyFile) ? sc.vault.keyFile : null,
        secrets: sc.model.secrets.count(),
      }),
    },
    {
      name: 'ssm',
      api: {
        model: loadModel('ssm'),
        handlers: ssmHandlers(sc),
        validation: { constraint: 'ValidationException', type: 'SerializationException' },
      },
      authorization(arn) {
        const parameter = found(() => findParameter(sc, scopeOfOwnArn(arn), arn));
        return parameter && { tags: tagMap(parameter.tags) };
      },
    },
  ];
}
