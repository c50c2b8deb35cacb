/**
 * @module services/codebuild/facade
 * What the CodeBuild room offers other rooms: builds a pipeline's action starts. A build of a
 * project whose source type is CODEPIPELINE gets the action's input artifacts as its sources and
 * writes its artifacts to the action's output artifacts (pipeline-source.ts); the action's
 * EnvironmentVariables are StartBuild's environmentVariablesOverride, checked the same way. The
 * caller waits by build id, so a restarted Slipway goes on waiting for the same build.
 */
import { s3Arn } from '../../core/ids.ts';
import type { Scope } from '../../core/scope.ts';
import { requireProject } from './api-common.ts';
import { recordBuild, settingsFor } from './builds.ts';
import type { CodebuildContext } from './context.ts';
import { invalid } from './errors.ts';
import type { PipelineArtifactRef } from './model.ts';
import type { Build, EnvironmentVariable } from './shapes.ts';

/** CodePipeline's pattern for artifact names. */
const ARTIFACT_NAME = /^[a-zA-Z0-9_-]{1,100}$/;

export interface PipelineBuildRequest {
  projectName: string;
  pipelineName: string;
  /** The action's input artifacts, in its order. */
  inputs: PipelineArtifactRef[];
  /** The input unpacked as $CODEBUILD_SRC_DIR; needed when there are several. */
  primarySource?: string;
  outputs: PipelineArtifactRef[];
  environmentVariables?: EnvironmentVariable[];
}

export interface CodebuildFacade {
  /** Records and queues the build; throws CodeBuild's error (an AwsError) when it would refuse. */
  startPipelineBuild(scope: Scope, request: PipelineBuildRequest): Build;
  /** The build as BatchGetBuilds shows it; undefined when there is none of that id in the scope. */
  getBuild(scope: Scope, id: string): Build | undefined;
  /** Asks the build to stop, as StopBuild does; a finished or unknown build is left alone. */
  stopBuild(scope: Scope, id: string): void;
}

export function codebuildFacade(cb: CodebuildContext): CodebuildFacade {
  return {
    startPipelineBuild(scope, request) {
      const project = requireProject(cb, scope, request.projectName).project;
      if (project.source.type !== 'CODEPIPELINE')
        invalid(
          `Project ${project.name} has source type ${project.source.type}; a pipeline's build action runs only projects whose source type is CODEPIPELINE`,
        );
      const names = request.inputs.map((i) => i.name);
      if (names.length === 0) invalid('A CODEPIPELINE build needs at least one input artifact');
      // Each name becomes a directory and part of a variable's name.
      for (const name of names) if (!ARTIFACT_NAME.test(name)) invalid(`Input artifact name ${name} must match ${ARTIFACT_NAME.source}`);
      const primary = request.primarySource ?? (names.length === 1 ? names[0] : undefined);
      if (!primary) invalid(`PrimarySource is required when the action has more than one input artifact (${names.join(', ')})`);
      if (!names.includes(primary)) invalid(`PrimarySource ${primary} is not one of the action's input artifacts (${names.join(', ')})`);
      // CodeBuild shows the primary input artifact's object as the build's source version (and CODEBUILD_SOURCE_VERSION).
      const artifact = request.inputs.find((i) => i.name === primary)!;
      const settings = settingsFor(project, {
        environmentVariablesOverride: request.environmentVariables,
        sourceVersion: s3Arn.object(artifact.bucket, artifact.key),
      });
      const record = recordBuild(cb, scope, project.arn, settings, {
        initiator: `codepipeline/${request.pipelineName}`,
        pipeline: { primary, inputs: request.inputs, outputs: request.outputs },
      });
      cb.enqueueBuild(record.build.arn);
      return record.build;
    },

    getBuild: (scope, id) => cb.model.buildById(scope, id)?.build,

    stopBuild(scope, id) {
      const record = cb.model.buildById(scope, id);
      if (!record || record.build.buildComplete) return;
      cb.model.updateBuild(record.build.arn, (r) => (r.stopRequested = true));
      cb.enqueueBuild(record.build.arn);
    },
  };
}
