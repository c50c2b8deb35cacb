/**
 * @module services/secrets/api
 * The operations the room serves, one thin handler each, grouped by resource. Operations with no
 * handler (rotation, replication, resource policies; SSM's documents, commands, automation, …)
 * answer 501 naming themselves.
 */
import type { Handlers } from '../../protocol/types.ts';
import { parameterMetaHandlers } from './api-parameter-meta.ts';
import { parameterHandlers } from './api-parameters.ts';
import { secretValueHandlers } from './api-secret-values.ts';
import { secretHandlers } from './api-secrets.ts';
import type { SecretsContext } from './context.ts';
import type { SecretsmanagerOperations } from './shapes-secretsmanager.ts';
import type { SsmOperations } from './shapes-ssm.ts';

export function secretsManagerHandlers(sc: SecretsContext): Handlers<SecretsmanagerOperations> {
  return { ...secretHandlers(sc), ...secretValueHandlers(sc) };
}

export function ssmHandlers(sc: SecretsContext): Handlers<SsmOperations> {
  return { ...parameterHandlers(sc), ...parameterMetaHandlers(sc) };
}
