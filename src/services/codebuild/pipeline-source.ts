/**
 * @module services/codebuild/pipeline-source
 * A CODEPIPELINE source: the pipeline hands the build its input artifacts (zips in the artifact
 * store). The primary one is unpacked as the source directory ($CODEBUILD_SRC_DIR), every other one
 * under the secondary sources directory as $CODEBUILD_SRC_DIR_<artifact name>. The build's
 * artifacts go back the same way: the primary to the first output artifact no secondary artifact
 * names, each secondary artifact to the output artifact of its identifier.
 */
import { join } from 'node:path';
import { s3Arn } from '../../core/ids.ts';
import type { S3Facade } from '../s3/index.ts';
import type { PipelineArtifactRef, PipelineBuild } from './model.ts';
import { MOUNT } from './runner.ts';
import { fetchSourceArchive } from './s3-source.ts';
import { extractArchive } from './source.ts';

/** Where a secondary input is unpacked inside the work directory's `sources`, and seen in the container. */
export const secondarySourceDir = (name: string) => `${MOUNT.sources}/${name}`;

export async function downloadPipelineInputs(
  s3: S3Facade,
  pipeline: PipelineBuild,
  work: string,
  log: (line: string) => void,
): Promise<void> {
  for (const input of pipeline.inputs) {
    const primary = input.name === pipeline.primary;
    log(`Downloading input artifact ${input.name}${primary ? ' (primary source)' : ''}`);
    const archive = await fetchSourceArchive(s3, `${input.bucket}/${input.key}`, undefined, join(work, 'download', input.name), log);
    await extractArchive(archive, primary ? join(work, 'src') : join(work, 'sources', input.name), log);
  }
}

/** $CODEBUILD_SRC_DIR_<name> for every input but the primary, and the primary's object as the source version. */
export function pipelineEnvironment(pipeline: PipelineBuild): Record<string, string> {
  const env: Record<string, string> = {};
  for (const input of pipeline.inputs) {
    if (input.name === pipeline.primary) env.CODEBUILD_SOURCE_VERSION = s3Arn.object(input.bucket, input.key);
    else env[`CODEBUILD_SRC_DIR_${input.name}`] = secondarySourceDir(input.name);
  }
  return env;
}

/** The output artifact an artifact of the buildspec goes to ('primary', or a secondary identifier). */
export function pipelineOutputFor(pipeline: PipelineBuild, artifact: string, identifiers: string[]): PipelineArtifactRef | undefined {
  if (artifact !== 'primary') return pipeline.outputs.find((o) => o.name === artifact);
  return pipeline.outputs.find((o) => !identifiers.includes(o.name));
}
