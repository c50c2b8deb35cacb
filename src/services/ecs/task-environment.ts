/**
 * @module services/ecs/task-environment
 * A container's environment as the ECS agent assembles it when the task starts: the variables of its
 * environmentFiles (read from S3; among files the first to name a variable wins), then `environment`
 * over them, then `secrets` (Secrets Manager or SSM, resolved now and never stored). A source that
 * cannot be read fails the task with the agent's ResourceInitializationError.
 */
import { scopeOfOwnArn } from '../../core/scope.ts';
import { S3ObjectError } from '../s3/index.ts';
import { SecretReferenceError } from '../secrets/index.ts';
import type { EcsContext } from './context.ts';
import { parseEnvFile, s3ObjectOf } from './env-file.ts';
import type { StoredContainer, TaskRecord } from './model.ts';

/** Why a container's environment could not be assembled, worded as the task's stoppedReason. */
export class EnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvironmentError';
  }
}

export async function containerEnvironment(ecs: EcsContext, record: TaskRecord, def: StoredContainer): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const file of def.environmentFiles ?? []) {
    for (const [name, value] of parseEnvFile(await readEnvFile(ecs, file.value))) {
      if (!Object.hasOwn(env, name)) env[name] = value;
    }
  }
  for (const kv of def.environment ?? []) if (kv.name) env[kv.name] = kv.value ?? '';
  const scope = scopeOfOwnArn(record.task.taskArn);
  for (const secret of def.secrets ?? []) {
    try {
      env[secret.name] = ecs.secrets.resolveValueFrom(secret.valueFrom, scope);
    } catch (err) {
      if (!(err instanceof SecretReferenceError)) throw err;
      throw new EnvironmentError(`ResourceInitializationError: unable to pull secrets or registry auth: ${err.message}`);
    }
  }
  return env;
}

/** Far past any environment a container can be given; a larger object is refused, not read into memory. */
const MAX_ENV_FILE_BYTES = 16 * 1024 * 1024;

async function readEnvFile(ecs: EcsContext, arn: string): Promise<string> {
  const failed = (why: string) => new EnvironmentError(`ResourceInitializationError: failed to download env files: ${why}`);
  // Registration refuses anything else; a definition stored before that rule still fails clearly.
  const object = s3ObjectOf(arn);
  if (!object) throw failed(`unable to parse bucket and key from s3 ARN specified in environmentFile ${arn}`);
  try {
    return (await ecs.s3.readText(object.bucket, object.key, { maxBytes: MAX_ENV_FILE_BYTES })).text;
  } catch (err) {
    if (!(err instanceof S3ObjectError)) throw err;
    throw failed(`unable to download env file with key ${object.key} from bucket ${object.bucket}, error: ${err.code}: ${err.message}`);
  }
}
