/**
 * @module services/secrets
 * The secrets room: Secrets Manager and SSM Parameter Store on the edge (two APIs, one room, one
 * vault), and the loop that purges secrets whose recovery window has ended. Other rooms (ECS,
 * CodeBuild) read secrets and parameters only through the functions below.
 */
import { existsSync } from 'node:fs';
import type { Scope } from '../../core/ids.ts';
import { loadModel } from '../../protocol/model.ts';
import type { AppContext, Room } from '../types.ts';
import { secretsManagerHandlers, ssmHandlers } from './api.ts';
import { secretsContext } from './context.ts';
import { isSecretsManagerReference, resolveParameterReference, resolveSecretReference } from './references.ts';

export { parseSecretReference, SecretReferenceError, type SecretReference } from './references.ts';

/** Two rooms' worth of API on one set of tables: Secrets Manager carries the purge loop and the status. */
export function register(app: AppContext): Room[] {
  const sc = secretsContext(app);
  return [
    {
      name: 'secretsmanager',
      api: {
        model: loadModel('secretsmanager'),
        handlers: secretsManagerHandlers(sc),
        validation: { constraint: 'ValidationException', type: 'SerializationException' },
      },
      start: () => sc.purge.start(),
      stop: () => sc.purge.stop(),
      status: () => ({ keyFile: sc.vault.keyFile && existsSync(sc.vault.keyFile) ? sc.vault.keyFile : null, secrets: sc.model.secrets.count() }),
    },
    { name: 'ssm', api: { model: loadModel('ssm'), handlers: ssmHandlers(sc), validation: { constraint: 'ValidationException', type: 'SerializationException' } } },
  ];
}

// ---------------------------------------------------------------------------------------------
// For other rooms

/**
 * A Secrets Manager secret's value as ECS's `valueFrom` (full or partial ARN with optional
 * `:json-key:version-stage:version-id`) or CodeBuild's `secrets-manager` variable names it; a bare
 * name is looked up in `scope`. Throws SecretReferenceError worded as the ECS agent's failure.
 */
export function resolveSecret(app: AppContext, valueFrom: string, scope: Scope): string {
  return resolveSecretReference(secretsContext(app), valueFrom, scope);
}

/**
 * An SSM parameter's value, decrypted, as ECS's `valueFrom` (a name, in `scope`, or a parameter
 * ARN) or CodeBuild's `parameter-store` variable names it. Throws SecretReferenceError worded as the
 * ECS agent's failure.
 */
export function resolveParameter(app: AppContext, valueFrom: string, scope: Scope): string {
  return resolveParameterReference(secretsContext(app), valueFrom, scope);
}

/** What ECS's `secrets[].valueFrom` names: a Secrets Manager ARN (with its suffixes), else an SSM parameter. */
export function resolveValueFrom(app: AppContext, valueFrom: string, scope: Scope): string {
  return isSecretsManagerReference(valueFrom) ? resolveSecret(app, valueFrom, scope) : resolveParameter(app, valueFrom, scope);
}
