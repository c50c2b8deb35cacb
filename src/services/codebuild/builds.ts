/**
 * @module services/codebuild/builds
 * A new build as StartBuild (and RetryBuild) records it: the project's settings with the call's
 * overrides applied, a per-project build number, SUBMITTED done and QUEUED under way, and where
 * its log is. The build controller takes it from there.
 */
import { logsArn, uuid as newUuid, type Scope } from '../../core/ids.ts';
import { scopeKey } from '../../core/scope.ts';
import type { CodebuildContext } from './context.ts';
import { codebuildError } from './errors.ts';
import { codebuildArn, type BuildRecord, type PipelineBuild, type StoredBuild, type StoredProject } from './model.ts';
import {
  checkArtifacts,
  checkEnvironment,
  checkLimits,
  checkLogsConfig,
  checkSecondaryArtifacts,
  checkSecondarySources,
  checkSource,
  checkVariables,
} from './projects.ts';
import type {
  EnvironmentVariable,
  LogsConfig,
  LogsLocation,
  ProjectArtifacts,
  ProjectCache,
  ProjectEnvironment,
  ProjectSource,
  StartBuildInput,
} from './shapes.ts';

export interface BuildSettings {
  source: ProjectSource;
  secondarySources: ProjectSource[];
  sourceVersion?: string;
  environment: ProjectEnvironment;
  artifacts: ProjectArtifacts;
  secondaryArtifacts: ProjectArtifacts[];
  cache: ProjectCache;
  timeoutInMinutes: number;
  queuedTimeoutInMinutes: number;
  serviceRole: string;
  encryptionKey?: string;
  logsConfig?: LogsConfig;
}

/** The project's settings with StartBuild's overrides. */
export function settingsFor(project: StoredProject, input: Partial<StartBuildInput>): BuildSettings {
  checkLimits({ autoRetryLimit: input.autoRetryLimitOverride }, { retryField: 'autoRetryLimitOverride' });
  const source = checkSource(
    {
      ...project.source,
      ...(input.sourceTypeOverride ? { type: input.sourceTypeOverride } : {}),
      ...(input.sourceLocationOverride !== undefined ? { location: input.sourceLocationOverride } : {}),
      ...(input.buildspecOverride !== undefined ? { buildspec: input.buildspecOverride } : {}),
      ...(input.gitCloneDepthOverride !== undefined ? { gitCloneDepth: input.gitCloneDepthOverride } : {}),
      ...(input.gitSubmodulesConfigOverride ? { gitSubmodulesConfig: input.gitSubmodulesConfigOverride } : {}),
      ...(input.insecureSslOverride !== undefined ? { insecureSsl: input.insecureSslOverride } : {}),
    },
    'source',
  );
  const env = project.environment;
  const vars = mergeVariables(
    env.environmentVariables ?? [],
    checkVariables(input.environmentVariablesOverride, 'environmentVariablesOverride'),
  );
  const environment = checkEnvironment(
    {
      ...env,
      ...(input.environmentTypeOverride ? { type: input.environmentTypeOverride } : {}),
      ...(input.imageOverride ? { image: input.imageOverride } : {}),
      ...(input.computeTypeOverride ? { computeType: input.computeTypeOverride } : {}),
      ...(input.privilegedModeOverride !== undefined ? { privilegedMode: input.privilegedModeOverride } : {}),
      ...(input.imagePullCredentialsTypeOverride ? { imagePullCredentialsType: input.imagePullCredentialsTypeOverride } : {}),
      environmentVariables: vars,
    },
    'environment',
  );
  return {
    source,
    secondarySources: input.secondarySourcesOverride
      ? checkSecondarySources(input.secondarySourcesOverride, 'secondarySourcesOverride')
      : (project.secondarySources ?? []),
    sourceVersion: input.sourceVersion ?? project.sourceVersion,
    environment,
    artifacts: checkArtifacts(input.artifactsOverride ?? project.artifacts, source, 'artifactsOverride'),
    secondaryArtifacts: input.secondaryArtifactsOverride
      ? checkSecondaryArtifacts(input.secondaryArtifactsOverride, source, 'secondaryArtifactsOverride')
      : (project.secondaryArtifacts ?? []),
    cache: input.cacheOverride ?? project.cache ?? { type: 'NO_CACHE' },
    timeoutInMinutes: input.timeoutInMinutesOverride ?? project.timeoutInMinutes ?? 60,
    queuedTimeoutInMinutes: input.queuedTimeoutInMinutesOverride ?? project.queuedTimeoutInMinutes ?? 480,
    serviceRole: input.serviceRoleOverride ?? project.serviceRole,
    encryptionKey: input.encryptionKeyOverride ?? project.encryptionKey,
    logsConfig: checkLogsConfig(input.logsConfigOverride, 'logsConfigOverride') ?? project.logsConfig,
  };
}

/**
 * Where a build's log goes, as BatchGetBuilds shows it: CloudWatch Logs group `/aws/codebuild/<project>`
 * (or the logsConfig's groupName), stream the build's uuid (after the logsConfig's streamName prefix),
 * none when logsConfig disables it. deepLink is Slipway's own page of the log, which is always kept.
 */
function logsOf(cb: CodebuildContext, scope: Scope, project: string, uuid: string, config: LogsConfig | undefined): LogsLocation {
  const cloudWatchLogs = config?.cloudWatchLogs ?? { status: 'ENABLED' };
  const s3Logs = config?.s3Logs ?? { status: 'DISABLED', encryptionDisabled: false };
  const deepLink = `${cb.edge.url}/_slipway/logs/codebuild/${uuid}`;
  if (cloudWatchLogs.status === 'DISABLED') return { deepLink, cloudWatchLogs, s3Logs };
  const groupName = cloudWatchLogs.groupName ?? `/aws/codebuild/${project}`;
  const streamName = cloudWatchLogs.streamName ? `${cloudWatchLogs.streamName}/${uuid}` : uuid;
  return { groupName, streamName, deepLink, cloudWatchLogsArn: logsArn.logStream(scope, groupName, streamName), cloudWatchLogs, s3Logs };
}

function mergeVariables(base: EnvironmentVariable[], overrides: EnvironmentVariable[]): EnvironmentVariable[] {
  const names = new Set(overrides.map((v) => v.name));
  return [...base.filter((v) => !names.has(v.name)), ...overrides];
}

/** Who started a build, and the idempotency token the call gave. */
export interface BuildStarter {
  initiator: string;
  idempotencyToken?: string;
  pipeline?: PipelineBuild;
}

/** Records the build (taking the project's next build number, within its concurrent build limit) and returns it; the caller enqueues it. */
export function recordBuild(
  cb: CodebuildContext,
  scope: Scope,
  projectArn: string,
  settings: BuildSettings,
  starter: BuildStarter,
): BuildRecord {
  return cb.model.tx(() => {
    const project = cb.model.projects.get(projectArn);
    if (!project) throw codebuildError.projectNotFound(projectArn);
    const buildNumber = project.lastBuildNumber + 1;
    cb.model.putProject({ ...project, lastBuildNumber: buildNumber });
    const name = project.project.name;
    const limit = project.project.concurrentBuildLimit;
    if (limit !== undefined && cb.model.builds.find({ project: name, scope: scopeKey(scope), status: 'IN_PROGRESS' }).length >= limit) {
      throw codebuildError.accountLimitExceeded(
        `Cannot have more than ${limit} active builds for the project ${name} (its concurrentBuildLimit)`,
      );
    }
    const uuid = newUuid();
    const now = cb.clock.now();
    const arn = codebuildArn.build(scope, name, uuid);
    const build: StoredBuild = {
      id: `${name}:${uuid}`,
      arn,
      buildNumber,
      startTime: now,
      currentPhase: 'QUEUED',
      buildStatus: 'IN_PROGRESS',
      ...(settings.sourceVersion ? { sourceVersion: settings.sourceVersion } : {}),
      projectName: name,
      phases: [
        { phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED', startTime: now, endTime: now, durationInSeconds: 0 },
        { phaseType: 'QUEUED', startTime: now },
      ],
      source: settings.source,
      secondarySources: settings.secondarySources,
      secondarySourceVersions: [],
      artifacts: { location: '' },
      secondaryArtifacts: [],
      cache: settings.cache,
      environment: settings.environment,
      serviceRole: settings.serviceRole,
      logs: logsOf(cb, scope, name, uuid, settings.logsConfig),
      timeoutInMinutes: settings.timeoutInMinutes,
      queuedTimeoutInMinutes: settings.queuedTimeoutInMinutes,
      buildComplete: false,
      initiator: starter.initiator,
      encryptionKey: settings.encryptionKey,
      exportedEnvironmentVariables: [],
      reportArns: [],
    };
    const record: BuildRecord = {
      build,
      uuid,
      artifactsSpec: settings.artifacts,
      secondaryArtifactsSpec: settings.secondaryArtifacts,
      idempotencyToken: starter.idempotencyToken,
      ...(starter.pipeline ? { pipeline: starter.pipeline } : {}),
    };
    cb.model.putBuild(record);
    return record;
  });
}

/** The settings a finished build ran with, for RetryBuild. */
export function settingsOf(record: BuildRecord): BuildSettings {
  const b = record.build;
  return {
    source: b.source,
    secondarySources: b.secondarySources ?? [],
    sourceVersion: b.sourceVersion,
    environment: b.environment,
    artifacts: record.artifactsSpec,
    secondaryArtifacts: record.secondaryArtifactsSpec,
    cache: b.cache ?? { type: 'NO_CACHE' },
    timeoutInMinutes: b.timeoutInMinutes ?? 60,
    queuedTimeoutInMinutes: b.queuedTimeoutInMinutes ?? 480,
    serviceRole: b.serviceRole,
    encryptionKey: b.encryptionKey,
    logsConfig: { cloudWatchLogs: b.logs?.cloudWatchLogs, s3Logs: b.logs?.s3Logs },
  };
}
