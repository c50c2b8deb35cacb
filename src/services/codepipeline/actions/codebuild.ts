/**
 * @module services/codepipeline/actions/codebuild
 * Build/AWS/CodeBuild/1 (also run as a Test action): a build of the project (source type
 * CODEPIPELINE) with the action's input artifacts as its sources, PrimarySource picking the one in
 * $CODEBUILD_SRC_DIR, and the EnvironmentVariables JSON as overrides. The build id is the external
 * execution id, so a restarted Slipway waits for the same build; an abandoned action stops it.
 * The build's artifacts land in the output artifacts; its exported variables become the
 * action's output variables. A failed build names its id and the phase that failed.
 */
import { AwsError } from '../../../core/errors.ts';
import type { Clock } from '../../../core/clock.ts';
import type { EventBus } from '../../../core/events.ts';
import type { CodebuildFacade, PipelineArtifactRef } from '../../codebuild/index.ts';
import type { Build, EnvironmentVariable } from '../../codebuild/shapes.ts';
import type { S3Facade } from '../../s3/index.ts';
import { S3ObjectError } from '../../s3/index.ts';
import { ActionAborted, failed, pollUntil } from './outcomes.ts';
import type { ActionExecutor, ActionJob, ActionOutcome, ActionStarted, ActionTypeId, Artifact } from './types.ts';

const POLL_MS = 5_000;
const TYPES = ['PLAINTEXT', 'PARAMETER_STORE', 'SECRETS_MANAGER'];

/** The EnvironmentVariables configuration, or the message CodePipeline refuses it with. */
export function parseEnvironmentVariables(text: string | undefined): EnvironmentVariable[] | string {
  if (!text?.trim()) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'EnvironmentVariables must be a JSON array of {"name", "value", "type"} objects';
  }
  if (!Array.isArray(parsed)) return 'EnvironmentVariables must be a JSON array of {"name", "value", "type"} objects';
  const vars: EnvironmentVariable[] = [];
  for (const [i, v] of parsed.entries()) {
    const { name, value, type = 'PLAINTEXT' } = (v ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || !name) return `EnvironmentVariables[${i}].name must be a non-empty string`;
    if (typeof value !== 'string') return `EnvironmentVariables[${i}].value (${name}) must be a string`;
    if (typeof type !== 'string' || !TYPES.includes(type))
      return `EnvironmentVariables[${i}].type (${name}) must be one of ${TYPES.join(', ')}`;
    vars.push({ name, value, type: type as EnvironmentVariable['type'] });
  }
  return vars;
}

/** An artifact as the build reads it, with the revision CodeBuild shows as resolved (an object key resolves to none). */
const ref = (a: Artifact): PipelineArtifactRef => ({
  name: a.name,
  bucket: a.location.bucketName,
  key: a.location.objectKey,
  ...(a.revision && a.revision.revisionType !== 'S3_OBJECT_KEY' ? { revision: a.revision.revisionValue } : {}),
});

function startedFor(build: Build): ActionStarted {
  return { externalExecutionId: build.id ?? '', externalExecutionUrl: build.logs?.deepLink, summary: `Build ${build.id}` };
}

/** Why a finished build did not succeed: its id, the phase that failed, and that phase's context. */
export function buildFailure(build: Build): string {
  const phase = build.phases?.find((p) => p.phaseStatus && p.phaseStatus !== 'SUCCEEDED');
  const context = phase?.contexts?.find((c) => c.message)?.message;
  const where = phase ? ` in phase ${phase.phaseType}` : '';
  return `Build ${build.id} ${build.buildStatus}${where}${context ? `: ${context}` : ''}. Its log: ${build.logs?.deepLink ?? 'none'}`;
}

export function codebuildAction(
  deps: { codebuild: CodebuildFacade; s3: S3Facade; clock: Clock; events?: EventBus },
  category: 'Build' | 'Test' = 'Build',
): ActionExecutor {
  const type: ActionTypeId = { category, owner: 'AWS', provider: 'CodeBuild', version: '1' };

  async function outcomeOf(job: ActionJob, build: Build, started: ActionStarted): Promise<ActionOutcome> {
    if (build.buildStatus !== 'SUCCEEDED') return failed('JobFailed', buildFailure(build), started);
    for (const output of job.outputArtifacts) {
      try {
        deps.s3.headObject(output.location.bucketName, output.location.objectKey);
      } catch (err) {
        if (!(err instanceof S3ObjectError)) throw err;
        return failed(
          'JobFailed',
          `Build ${build.id} succeeded but wrote no output artifact ${output.name}: its buildspec's artifacts (or a secondary artifact named ${output.name}) must give it files`,
          started,
        );
      }
    }
    const outputVariables = Object.fromEntries((build.exportedEnvironmentVariables ?? []).map((v) => [v.name ?? '', v.value ?? '']));
    return { status: 'Succeeded', summary: `Build ${build.id} succeeded`, outputVariables, ...started };
  }

  return {
    type,
    properties: [
      { name: 'ProjectName', required: true, key: true, secret: false, queryable: true },
      { name: 'PrimarySource', required: false, key: false, secret: false },
      { name: 'EnvironmentVariables', required: false, key: false, secret: false },
      { name: 'BatchEnabled', required: false, key: false, secret: false },
      { name: 'CombineArtifacts', required: false, key: false, secret: false },
    ],
    artifacts: { input: { min: 1, max: 5 }, output: { min: 0, max: 5 } },

    check(configuration) {
      const vars = parseEnvironmentVariables(configuration.EnvironmentVariables);
      if (typeof vars === 'string') return vars;
      if (configuration.BatchEnabled === 'true') return 'BatchEnabled: batch builds are not supported by Slipway';
      return undefined;
    },

    async run(job, started, resumed) {
      let current = resumed;
      if (!current) {
        const vars = parseEnvironmentVariables(job.configuration.EnvironmentVariables);
        if (typeof vars === 'string') return failed('ConfigurationError', vars);
        let build: Build;
        try {
          build = deps.codebuild.startPipelineBuild(job.scope, {
            projectName: job.configuration.ProjectName,
            pipelineName: job.pipeline.name,
            inputs: job.inputArtifacts.map(ref),
            primarySource: job.configuration.PrimarySource || undefined,
            outputs: job.outputArtifacts.map(ref),
            environmentVariables: vars,
          });
        } catch (err) {
          if (err instanceof AwsError) return failed('ConfigurationError', `${err.code}: ${err.message}`);
          throw err;
        }
        current = startedFor(build);
        started(current);
        job.progress(`Started build ${build.id}`);
      }
      const id = current.externalExecutionId;
      let done: Build;
      try {
        done = await pollUntil(
          deps.clock,
          job.signal,
          POLL_MS,
          `build ${id}`,
          () => {
            const build = deps.codebuild.getBuild(job.scope, id);
            if (!build) throw new Error(`Build ${id} no longer exists (was it deleted?)`);
            return build.buildComplete ? build : undefined;
          },
          { events: deps.events, about: (e) => e.type === 'codebuild.build' && e.resource.endsWith(`:build/${id}`) },
        );
      } catch (err) {
        if (err instanceof ActionAborted) deps.codebuild.stopBuild(job.scope, id);
        throw err;
      }
      return outcomeOf(job, done, current);
    },
  };
}
