/**
 * @module services/codebuild/projects
 * Project rules beyond what the model checks (members, types, lengths, patterns): which sources,
 * artifacts and environments make sense together, reserved variable names, and the defaults
 * CodeBuild fills in, so a project reads back as AWS shows it.
 */
import { arn, type Scope } from '../../core/ids.ts';
import { isLogGroupName, isLogStreamName } from '../logs/index.ts';
import { invalid } from './errors.ts';
import type { StoredProject } from './model.ts';
import { GIT_TYPES } from './source.ts';
import type { EnvironmentVariable, LogsConfig, Project, ProjectArtifacts, ProjectEnvironment, ProjectSource } from './shapes.ts';

/** The account's quota of concurrently running builds: CodeBuild's documented default. */
export const ACCOUNT_CONCURRENT_BUILDS = 60;
export const MAX_AUTO_RETRY_LIMIT = 10;
export const DEFAULT_TIMEOUT_MINUTES = 60;
export const DEFAULT_QUEUED_TIMEOUT_MINUTES = 480;
const WINDOWS = /WINDOWS/;

/** The key CodeBuild encrypts with when a project names none: the account's S3 managed key. */
export function defaultEncryptionKey(scope: Scope): string {
  return arn(scope, 'kms', 'alias/aws/s3');
}

export function checkSource(source: ProjectSource, field = 'source'): ProjectSource {
  if (GIT_TYPES.includes(source.type) && !source.location) invalid(`Invalid ${field}: location is required for source type ${source.type}`);
  if (source.type === 'NO_SOURCE' && !source.buildspec?.trim())
    invalid(`Invalid ${field}: a buildspec is required for source type NO_SOURCE`);
  if (source.type === 'NO_SOURCE' && source.location) invalid(`Invalid ${field}: location must not be set for source type NO_SOURCE`);
  return { ...source, insecureSsl: source.insecureSsl ?? false };
}

/** Source and artifact identifiers, as CodeBuild words the rule; an artifact's identifier names its directory. */
export const IDENTIFIER_RULE = 'can only contain alphanumeric characters and underscores, and must be less than 128 characters in length';

export function isIdentifier(value: string): boolean {
  return /^[A-Za-z0-9_]{1,127}$/.test(value);
}

function checkIdentifier(value: string, field: string): void {
  if (!isIdentifier(value)) invalid(`Invalid ${field}: '${value}' ${IDENTIFIER_RULE}`);
}

export function checkSecondarySources(sources: ProjectSource[] | undefined, field = 'secondarySources'): ProjectSource[] {
  return (sources ?? []).map((s, i) => {
    if (!s.sourceIdentifier) invalid(`Invalid ${field}[${i}]: sourceIdentifier is required`);
    checkIdentifier(s.sourceIdentifier, `${field}[${i}].sourceIdentifier`);
    return checkSource(s, `${field}[${i}]`);
  });
}

export function checkSecondaryArtifacts(
  artifacts: ProjectArtifacts[] | undefined,
  source: ProjectSource,
  field = 'secondaryArtifacts',
): ProjectArtifacts[] {
  const seen = new Set<string>();
  return (artifacts ?? []).map((a, i) => {
    if (!a.artifactIdentifier) invalid(`Invalid ${field}[${i}]: artifactIdentifier is required`);
    checkIdentifier(a.artifactIdentifier, `${field}[${i}].artifactIdentifier`);
    if (seen.has(a.artifactIdentifier)) invalid(`Invalid ${field}: artifactIdentifier '${a.artifactIdentifier}' appears more than once`);
    seen.add(a.artifactIdentifier);
    return checkArtifacts(a, source, `${field}[${i}]`);
  });
}

/** CloudWatch Logs' own rules for the names a project may give its build logs. */
export function checkLogsConfig(logs: LogsConfig | undefined, field = 'logsConfig'): LogsConfig | undefined {
  const group = logs?.cloudWatchLogs?.groupName;
  const stream = logs?.cloudWatchLogs?.streamName;
  if (group !== undefined && !isLogGroupName(group))
    invalid(`Invalid ${field}.cloudWatchLogs.groupName: '${group}' must be 1 to 512 characters of letters, digits and . - _ / #`);
  if (stream !== undefined && !isLogStreamName(stream))
    invalid(`Invalid ${field}.cloudWatchLogs.streamName: '${stream}' must be 1 to 512 characters without ':', '*' or control characters`);
  return logs;
}

/**
 * CodeBuild's number limits the model leaves open: a project's concurrent build limit is at least 1
 * and at most the account's quota (UpdateProject's -1 removes it); at most 10 automatic retries.
 */
export function checkLimits(
  input: { concurrentBuildLimit?: number; autoRetryLimit?: number },
  opts: { removable?: boolean; retryField?: string } = {},
): void {
  const limit = input.concurrentBuildLimit;
  if (limit !== undefined && !(opts.removable && limit === -1) && (limit < 1 || limit > ACCOUNT_CONCURRENT_BUILDS)) {
    invalid(
      `Invalid concurrentBuildLimit: ${limit}; it must be at least 1 and at most the account's concurrent build limit of ${ACCOUNT_CONCURRENT_BUILDS}${opts.removable ? ' (-1 removes the limit)' : ''}`,
    );
  }
  const retries = input.autoRetryLimit;
  if (retries !== undefined && (retries < 0 || retries > MAX_AUTO_RETRY_LIMIT)) {
    invalid(`Invalid ${opts.retryField ?? 'autoRetryLimit'}: ${retries}; it must be between 0 and ${MAX_AUTO_RETRY_LIMIT}`);
  }
}

export function checkArtifacts(artifacts: ProjectArtifacts, source: ProjectSource, field = 'artifacts'): ProjectArtifacts {
  if (artifacts.type === 'CODEPIPELINE' && source.type !== 'CODEPIPELINE')
    invalid(`Invalid ${field}: artifacts type CODEPIPELINE needs source type CODEPIPELINE`);
  if (source.type === 'CODEPIPELINE' && artifacts.type !== 'CODEPIPELINE')
    invalid(`Invalid ${field}: source type CODEPIPELINE needs artifacts type CODEPIPELINE`);
  const out: ProjectArtifacts = { ...artifacts };
  if (artifacts.type === 'S3') {
    if (!artifacts.location?.trim())
      invalid(`Invalid ${field}: location is required for artifacts type S3 (the bucket the build writes its artifacts to)`);
    out.namespaceType ??= 'NONE';
    out.packaging ??= 'NONE';
    out.encryptionDisabled ??= false;
    out.overrideArtifactName ??= false;
  }
  return out;
}

export function checkVariables(vars: EnvironmentVariable[] | undefined, field: string): EnvironmentVariable[] {
  const seen = new Set<string>();
  return (vars ?? []).map((v) => {
    if (v.name.startsWith('CODEBUILD_'))
      invalid(`Invalid ${field}: environment variable name ${v.name} is reserved (names starting with CODEBUILD_ are CodeBuild's)`);
    if (seen.has(v.name)) invalid(`Invalid ${field}: environment variable ${v.name} appears more than once`);
    seen.add(v.name);
    return { name: v.name, value: v.value, type: v.type ?? 'PLAINTEXT' };
  });
}

export function checkEnvironment(env: ProjectEnvironment, field = 'environment'): ProjectEnvironment {
  if (WINDOWS.test(env.type) || env.type === 'MAC_ARM')
    invalid(`Invalid ${field}: ${env.type} environments are not available in Slipway (it runs Linux containers)`);
  if (!env.image.trim()) invalid(`Invalid ${field}: image must not be empty`);
  return {
    ...env,
    environmentVariables: checkVariables(env.environmentVariables, `${field}.environmentVariables`),
    privilegedMode: env.privilegedMode ?? false,
    imagePullCredentialsType: env.imagePullCredentialsType ?? (env.image.startsWith('aws/codebuild/') ? 'CODEBUILD' : 'SERVICE_ROLE'),
  };
}

/** A new project as CreateProject stores it, defaults filled in. */
export function newProject(
  scope: Scope,
  arn: string,
  input: Partial<Project> & Required<Pick<Project, 'name' | 'source' | 'artifacts' | 'environment' | 'serviceRole'>>,
  now: number,
  badgeEnabled = false,
): StoredProject {
  checkLimits(input);
  const source = checkSource(input.source);
  return {
    name: input.name,
    arn,
    ...(input.description !== undefined ? { description: input.description } : {}),
    source,
    secondarySources: checkSecondarySources(input.secondarySources),
    ...(input.sourceVersion ? { sourceVersion: input.sourceVersion } : {}),
    secondarySourceVersions: input.secondarySourceVersions ?? [],
    artifacts: checkArtifacts(input.artifacts, source),
    secondaryArtifacts: checkSecondaryArtifacts(input.secondaryArtifacts, source),
    cache: input.cache ?? { type: 'NO_CACHE' },
    environment: checkEnvironment(input.environment),
    serviceRole: input.serviceRole,
    timeoutInMinutes: input.timeoutInMinutes ?? DEFAULT_TIMEOUT_MINUTES,
    queuedTimeoutInMinutes: input.queuedTimeoutInMinutes ?? DEFAULT_QUEUED_TIMEOUT_MINUTES,
    encryptionKey: input.encryptionKey ?? defaultEncryptionKey(scope),
    tags: input.tags ?? [],
    created: input.created ?? now,
    lastModified: now,
    badge: { badgeEnabled },
    logsConfig: checkLogsConfig(input.logsConfig) ?? {
      cloudWatchLogs: { status: 'ENABLED' },
      s3Logs: { status: 'DISABLED', encryptionDisabled: false },
    },
    ...(input.vpcConfig ? { vpcConfig: input.vpcConfig } : {}),
    ...(input.concurrentBuildLimit !== undefined ? { concurrentBuildLimit: input.concurrentBuildLimit } : {}),
    ...(input.autoRetryLimit !== undefined ? { autoRetryLimit: input.autoRetryLimit } : {}),
    projectVisibility: 'PRIVATE',
  };
}
