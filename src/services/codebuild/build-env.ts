/**
 * @module services/codebuild/build-env
 * The environment of a build container: CodeBuild's built-in variables, then the buildspec's
 * env.variables, then the project's environmentVariables, then StartBuild's overrides (each wins
 * over the one before), plus what the aws CLI and SDKs need to talk to Slipway (the endpoint and the
 * build's own key) and what the runner
 * needs. Parameter Store and Secrets Manager values answer a clear error until those stores exist.
 */
import { scopeOfOwnArn } from '../../core/scope.ts';
import type { Buildspec } from './buildspec.ts';
import { codebuildArn, type BuildRecord } from './model.ts';
import type { BuildCredentials } from './network.ts';
import { defaultEncryptionKey } from './projects.ts';
import { MOUNT } from './runner.ts';
import { SourceError } from './source.ts';

export interface EnvInput {
  record: BuildRecord;
  spec: Buildspec;
  endpoint: string;
  /** The build's own key, the one the relay lets through. */
  credentials: BuildCredentials;
  registry: string;
  account: string;
  nonce: string;
  resolvedVersion?: string;
  log: (line: string) => void;
}

export function buildEnvironment(input: EnvInput): Record<string, string> {
  const b = input.record.build;
  const scope = scopeOfOwnArn(b.arn);
  const stores = [
    ...Object.keys(input.spec.parameterStore).map((k) => `env.parameter-store ${k}`),
    ...Object.keys(input.spec.secretsManager).map((k) => `env.secrets-manager ${k}`),
    ...(b.environment?.environmentVariables ?? []).filter((v) => v.type && v.type !== 'PLAINTEXT').map((v) => `${v.type} variable ${v.name}`),
  ];
  if (stores.length) {
    throw new SourceError('CLIENT_ERROR', `${stores.join(', ')}: Slipway has no Parameter Store or Secrets Manager yet; give these values as PLAINTEXT environment variables for now`);
  }
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
    AWS_ACCESS_KEY_ID: input.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: input.credentials.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
  if (input.resolvedVersion) env.CODEBUILD_RESOLVED_SOURCE_VERSION = input.resolvedVersion;
  for (const [name, value] of Object.entries(input.spec.variables)) {
    if (name.startsWith('CODEBUILD_')) input.log(`env.variables ${name} is ignored: names starting with CODEBUILD_ are reserved`);
    else env[name] = value;
  }
  // The project's variables and StartBuild's overrides were merged (overrides last) when the build was recorded.
  for (const v of b.environment?.environmentVariables ?? []) env[v.name] = v.value;
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  Object.assign(env, {
    SLIPWAY_NONCE: input.nonce,
    SLIPWAY_SHELL: input.spec.shell ?? '',
    SLIPWAY_REGISTRY: input.registry,
    SLIPWAY_ECR_HOSTS: `${input.account}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?`,
    SLIPWAY_OWNER: `${uid}:${gid}`,
  });
  return env;
}
