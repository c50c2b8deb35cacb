/**
 * @module services/codebuild/build-env
 * The environment of a build container: CodeBuild's built-in variables, then the buildspec's
 * env.variables, then the project's environmentVariables, then StartBuild's overrides (each wins
 * over the one before), plus what the aws CLI and SDKs need to talk to Slipway (the endpoint, and
 * where to fetch the service role's credentials) and what the runner needs. Parameter Store and
 * Secrets Manager values (buildspec env.parameter-store and env.secrets-manager, variables of type
 * PARAMETER_STORE and SECRETS_MANAGER) are read through `stored` as the build starts; one that cannot
 * be read fails DOWNLOAD_SOURCE with CodeBuild's status and wording, and every value read is
 * returned for the log to mask.
 */
import { scopeOfOwnArn } from '../../core/scope.ts';
import { SecretReferenceError, type SecretReferenceFailure, type SecretsFacade } from '../secrets/index.ts';
import type { Buildspec } from './buildspec.ts';
import { codebuildArn, type BuildRecord } from './model.ts';
import { defaultEncryptionKey } from './projects.ts';
import { pipelineEnvironment } from './pipeline-source.ts';
import { MOUNT } from './runner.ts';
import { SourceError } from './source.ts';

export interface EnvInput {
  record: BuildRecord;
  spec: Buildspec;
  endpoint: string;
  /** AWS_CONTAINER_CREDENTIALS_FULL_URI and its token: the service role's credentials, which the relay lets through. */
  credentials: Record<string, string>;
  registry: string;
  account: string;
  nonce: string;
  resolvedVersion?: string;
  /** Where PARAMETER_STORE and SECRETS_MANAGER values are read. */
  stored: SecretsFacade;
  log: (line: string) => void;
}

/** The container's environment, and the stored values in it (which the build's log masks). */
export function buildEnvironment(input: EnvInput): { env: Record<string, string>; secretValues: string[] } {
  const b = input.record.build;
  const scope = scopeOfOwnArn(b.arn);
  const secretValues: string[] = [];
  const read = (kind: 'PARAMETER_STORE' | 'SECRETS_MANAGER', ref: string): string => {
    let value: string;
    try {
      value = kind === 'PARAMETER_STORE' ? input.stored.resolveParameter(ref, scope) : input.stored.resolveSecret(ref, scope);
    } catch (err) {
      if (!(err instanceof SecretReferenceError)) throw err;
      throw storedVariableError(kind, ref, err.reason);
    }
    secretValues.push(value);
    return value;
  };
  const projectVars = b.environment?.environmentVariables ?? [];
  if (Object.keys(input.spec.parameterStore).length || projectVars.some((v) => v.type === 'PARAMETER_STORE'))
    input.log('Decrypting parameter store environment variables');
  const env: Record<string, string> = {
    CODEBUILD_BUILD_ARN: b.arn,
    CODEBUILD_BUILD_ID: b.id,
    CODEBUILD_BUILD_NUMBER: String(b.buildNumber),
    CODEBUILD_BUILD_IMAGE: b.environment.image,
    CODEBUILD_BUILD_SUCCEEDING: '1',
    CODEBUILD_INITIATOR: b.initiator ?? 'slipway',
    CODEBUILD_KMS_KEY_ID: defaultEncryptionKey(scope),
    CODEBUILD_LOG_PATH: input.record.uuid,
    CODEBUILD_SRC_DIR: MOUNT.src,
    CODEBUILD_START_TIME: String(b.startTime),
    CODEBUILD_SOURCE_VERSION: b.sourceVersion ?? '',
    CODEBUILD_SOURCE_REPO_URL: b.source?.location ?? '',
    CODEBUILD_PROJECT_ARN: codebuildArn.project(scope, b.projectName),
    CODEBUILD_CI: 'true',
    HOME: '/root',
    AWS_REGION: scope.region,
    AWS_DEFAULT_REGION: scope.region,
    AWS_ENDPOINT_URL: input.endpoint,
    ...input.credentials,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
  if (input.resolvedVersion) env.CODEBUILD_RESOLVED_SOURCE_VERSION = input.resolvedVersion;
  if (input.record.pipeline) Object.assign(env, pipelineEnvironment(input.record.pipeline));
  for (const [name, value] of Object.entries(input.spec.variables)) {
    if (name.startsWith('CODEBUILD_')) input.log(`env.variables ${name} is ignored: names starting with CODEBUILD_ are reserved`);
    else env[name] = value;
  }
  for (const [name, ref] of Object.entries(input.spec.parameterStore)) env[name] = read('PARAMETER_STORE', ref);
  for (const [name, ref] of Object.entries(input.spec.secretsManager)) env[name] = read('SECRETS_MANAGER', ref);
  // The project's variables and StartBuild's overrides were merged (overrides last) when the build was recorded.
  for (const v of projectVars) env[v.name] = v.type === 'PARAMETER_STORE' || v.type === 'SECRETS_MANAGER' ? read(v.type, v.value) : v.value;
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  Object.assign(env, {
    SLIPWAY_NONCE: input.nonce,
    SLIPWAY_SHELL: input.spec.shell ?? '',
    SLIPWAY_REGISTRY: input.registry,
    SLIPWAY_ECR_HOSTS: `${input.account}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?`,
    SLIPWAY_OWNER: `${uid}:${gid}`,
  });
  return { env, secretValues };
}

/**
 * CodeBuild's phase context for a value it could not read: "Decrypted Variables Error" with
 * "parameter does not exist: <name>", or "Secrets Manager Error" with the service's error.
 */
function storedVariableError(kind: 'PARAMETER_STORE' | 'SECRETS_MANAGER', ref: string, reason: SecretReferenceFailure): SourceError {
  const message = reason.kind === 'parameter-missing' ? `parameter does not exist: ${ref}` : reason.detail;
  return new SourceError(kind === 'SECRETS_MANAGER' ? 'Secrets Manager Error' : 'Decrypted Variables Error', message);
}
