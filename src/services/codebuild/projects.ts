/**
 * @module services/codebuild/projects
 * Project rules beyond what the model checks (members, types, lengths, patterns): which sources,
 * artifacts and environments make sense together, reserved variable names, and the defaults
 * CodeBuild fills in, so a project reads back as AWS shows it.
 */
import type { Scope } from '../../core/ids.ts';
import { invalid } from './errors.ts';
import { GIT_TYPES } from './source.ts';
import type { EnvironmentVariable, Project, ProjectArtifacts, ProjectEnvironment, ProjectSource } from './shapes.ts';

export const DEFAULT_TIMEOUT_MINUTES = 60;
export const DEFAULT_QUEUED_TIMEOUT_MINUTES = 480;
const WINDOWS = /WINDOWS/;

export function checkSource(source: ProjectSource, field = 'source'): ProjectSource {
  if (GIT_TYPES.includes(source.type) && !source.location) invalid(`Invalid ${field}: location is required for source type ${source.type}`);
  if (source.type === 'NO_SOURCE' && !source.buildspec?.trim()) invalid(`Invalid ${field}: a buildspec is required for source type NO_SOURCE`);
  if (source.type === 'NO_SOURCE' && source.location) invalid(`Invalid ${field}: location must not be set for source type NO_SOURCE`);
  return { ...source, insecureSsl: source.insecureSsl ?? false };
}

export function checkArtifacts(artifacts: ProjectArtifacts, source: ProjectSource, field = 'artifacts'): ProjectArtifacts {
  if (artifacts.type === 'CODEPIPELINE' && source.type !== 'CODEPIPELINE') invalid(`Invalid ${field}: artifacts type CODEPIPELINE needs source type CODEPIPELINE`);
  if (source.type === 'CODEPIPELINE' && artifacts.type !== 'CODEPIPELINE') invalid(`Invalid ${field}: source type CODEPIPELINE needs artifacts type CODEPIPELINE`);
  const out: ProjectArtifacts = { ...artifacts };
  if (artifacts.type === 'S3') {
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
    if (v.name.startsWith('CODEBUILD_')) invalid(`Invalid ${field}: environment variable name ${v.name} is reserved (names starting with CODEBUILD_ are CodeBuild's)`);
    if (seen.has(v.name)) invalid(`Invalid ${field}: environment variable ${v.name} appears more than once`);
    seen.add(v.name);
    return { name: v.name, value: v.value, type: v.type ?? 'PLAINTEXT' };
  });
}

export function checkEnvironment(env: ProjectEnvironment, field = 'environment'): ProjectEnvironment {
  if (WINDOWS.test(env.type) || env.type === 'MAC_ARM') invalid(`Invalid ${field}: ${env.type} environments are not available in Slipway (it runs Linux containers)`);
  if (!env.image.trim()) invalid(`Invalid ${field}: image must not be empty`);
  return {
    ...env,
    environmentVariables: checkVariables(env.environmentVariables, `${field}.environmentVariables`),
    privilegedMode: env.privilegedMode ?? false,
    imagePullCredentialsType: env.imagePullCredentialsType ?? (env.image.startsWith('aws/codebuild/') ? 'CODEBUILD' : 'SERVICE_ROLE'),
  };
}

/** A new project as CreateProject stores it, defaults filled in. */
export function newProject(scope: Scope, arn: string, input: Partial<Project> & Pick<Project, 'name' | 'source' | 'artifacts' | 'environment' | 'serviceRole'>, now: number, badgeEnabled = false): Project {
  const source = checkSource(input.source!);
  return {
    name: input.name,
    arn,
    ...(input.description !== undefined ? { description: input.description } : {}),
    source,
    secondarySources: (input.secondarySources ?? []).map((s, i) => checkSource(s, `secondarySources[${i}]`)),
    ...(input.sourceVersion ? { sourceVersion: input.sourceVersion } : {}),
    secondarySourceVersions: input.secondarySourceVersions ?? [],
    artifacts: checkArtifacts(input.artifacts!, source),
    secondaryArtifacts: (input.secondaryArtifacts ?? []).map((a, i) => {
      if (!a.artifactIdentifier) invalid(`Invalid secondaryArtifacts[${i}]: artifactIdentifier is required`);
      return checkArtifacts(a, source, `secondaryArtifacts[${i}]`);
    }),
    cache: input.cache ?? { type: 'NO_CACHE' },
    environment: checkEnvironment(input.environment!),
    serviceRole: input.serviceRole,
    timeoutInMinutes: input.timeoutInMinutes ?? DEFAULT_TIMEOUT_MINUTES,
    queuedTimeoutInMinutes: input.queuedTimeoutInMinutes ?? DEFAULT_QUEUED_TIMEOUT_MINUTES,
    encryptionKey: input.encryptionKey ?? `arn:aws:kms:${scope.region}:${scope.account}:alias/aws/s3`,
    tags: input.tags ?? [],
    created: input.created ?? now,
    lastModified: now,
    badge: { badgeEnabled },
    logsConfig: input.logsConfig ?? { cloudWatchLogs: { status: 'ENABLED' }, s3Logs: { status: 'DISABLED', encryptionDisabled: false } },
    ...(input.vpcConfig ? { vpcConfig: input.vpcConfig } : {}),
    ...(input.concurrentBuildLimit !== undefined ? { concurrentBuildLimit: input.concurrentBuildLimit } : {}),
    projectVisibility: 'PRIVATE',
  };
}
