/**
 * @module services/ecs/task-environment
 * A container's environment as the ECS agent assembles it when the task starts: the variables of its
 * environmentFiles (read from S3; among files the first to name a variable wins), then `environment`
 * over them, then `secrets` (Secrets Manager or SSM, resolved now and never stored). A source that
 * cannot be read fails the task with the agent's ResourceInitializationError. A task with a task role
 * (its definition's, or RunTask's override) gets, in every container, where to fetch that role's
 * credentials (the container credentials endpoint, STS's), set last as the agent does, and where
 * to reach Slipway with them (AWS_ENDPOINT_URL, the workload relay) and its region, unless it sets
 * those itself. Reads are made as the task's execution role when signatures are required.
 */
import { logger } from '../../core/log.ts';
import { scopeOfOwnArn } from '../../core/scope.ts';
import { S3ObjectError } from '../s3/index.ts';
import { type ReadAuthorizer, SecretReferenceError } from '../secrets/index.ts';
import { ServiceRoleError } from '../sts/index.ts';
import { taskIdOf } from './container-spec.ts';
import type { EcsContext } from './context.ts';
import { ECS_TASKS, EnvironmentError, executionReads, unassumable } from './execution-role.ts';
import { parseEnvFile, s3ObjectOf } from './env-file.ts';
import type { StoredContainer, TaskRecord } from './model.ts';

export { EnvironmentError } from './execution-role.ts';

export async function containerEnvironment(ecs: EcsContext, record: TaskRecord, def: StoredContainer): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  const reads = executionReads(ecs, record);
  for (const file of def.environmentFiles ?? []) {
    for (const [name, value] of parseEnvFile(await readEnvFile(ecs, file.value, reads))) {
      if (!Object.hasOwn(env, name)) env[name] = value;
    }
  }
  for (const kv of def.environment ?? []) if (kv.name) env[kv.name] = kv.value ?? '';
  const scope = scopeOfOwnArn(record.task.taskArn);
  for (const secret of def.secrets ?? []) {
    try {
      env[secret.name] = ecs.secrets.resolveValueFrom(secret.valueFrom, scope, reads);
    } catch (err) {
      if (!(err instanceof SecretReferenceError)) throw err;
      throw new EnvironmentError(`ResourceInitializationError: unable to pull secrets or registry auth: ${err.message}`);
    }
  }
  const role = await taskRoleEnvironment(ecs, record);
  return Object.assign(env, role, Object.keys(role).length ? await edgeEnvironment(ecs, record, env) : {});
}

/**
 * Where a task with a task role reaches Slipway's APIs (the workload relay, STS's) and its region,
 * as the aws CLI and SDKs read them; a variable the task sets itself is left as it is.
 */
async function edgeEnvironment(ecs: EcsContext, record: TaskRecord, own: Record<string, string>): Promise<Record<string, string>> {
  const region = scopeOfOwnArn(record.task.taskArn).region;
  let endpoint: string | undefined;
  try {
    endpoint = await ecs.relay.endpointForContainers();
  } catch (err) {
    log.warn(`${record.task.taskArn} gets no AWS_ENDPOINT_URL: ${(err as Error).message}`);
  }
  const wanted: Record<string, string | undefined> = { AWS_ENDPOINT_URL: endpoint, AWS_REGION: region, AWS_DEFAULT_REGION: region };
  return Object.fromEntries(Object.entries(wanted).filter((e): e is [string, string] => e[1] !== undefined && !Object.hasOwn(own, e[0])));
}

function taskRoleArn(ecs: EcsContext, record: TaskRecord): string | undefined {
  const td = ecs.model.taskDefinitions.get(record.task.taskDefinitionArn)?.taskDefinition;
  return record.task.overrides?.taskRoleArn || td?.taskRoleArn || undefined;
}

/** The task role's credentials, one grant per task whose session is named by the task id, as on ECS. */
async function taskRoleEnvironment(ecs: EcsContext, record: TaskRecord): Promise<Record<string, string>> {
  const roleArn = taskRoleArn(ecs, record);
  if (!roleArn) return {};
  const { taskArn } = record.task;
  try {
    return await ecs.credentials.grant({
      holder: taskArn,
      roleArn,
      sessionName: taskIdOf(taskArn),
      servicePrincipal: ECS_TASKS,
      region: scopeOfOwnArn(taskArn).region,
    });
  } catch (err) {
    if (err instanceof ServiceRoleError) throw unassumable(roleArn);
    throw new EnvironmentError(`ResourceInitializationError: unable to serve the task role's credentials: ${(err as Error).message}`);
  }
}

const log = logger('ecs.task-environment');

/** Far past any environment a container can be given; a larger object is refused, not read into memory. */
const MAX_ENV_FILE_BYTES = 16 * 1024 * 1024;

async function readEnvFile(ecs: EcsContext, arn: string, reads: ReadAuthorizer | undefined): Promise<string> {
  const failed = (why: string) => new EnvironmentError(`ResourceInitializationError: failed to download env files: ${why}`);
  // Registration refuses anything else; a definition stored before that rule still fails clearly.
  const object = s3ObjectOf(arn);
  if (!object) throw failed(`unable to parse bucket and key from s3 ARN specified in environmentFile ${arn}`);
  const denied = reads?.('s3:GetObject', arn);
  if (denied)
    throw failed(`unable to download env file with key ${object.key} from bucket ${object.bucket}, error: AccessDenied: ${denied}`);
  try {
    return (await ecs.s3.readText(object.bucket, object.key, { maxBytes: MAX_ENV_FILE_BYTES })).text;
  } catch (err) {
    if (!(err instanceof S3ObjectError)) throw err;
    throw failed(`unable to download env file with key ${object.key} from bucket ${object.bucket}, error: ${err.code}: ${err.message}`);
  }
}
