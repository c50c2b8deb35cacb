/**
 * @module services/codebuild/pipeline-source
 * A CODEPIPELINE source: the pipeline hands the build its input artifacts (zips in the artifact
 * store, or references to clone: clone-ref.ts) and their source revisions. The primary one is unpacked as the source directory ($CODEBUILD_SRC_DIR), every other one
 * under the secondary sources directory as $CODEBUILD_SRC_DIR_<artifact name>. The build's
 * artifacts go back the same way: the primary to the first output artifact no secondary artifact
 * names, each secondary artifact to the output artifact of its identifier.
 */
import { join } from 'node:path';
import type { Scope } from '../../core/ids.ts';
import type { S3Facade } from '../s3/index.ts';
import type { PipelineArtifactRef, PipelineBuild } from './model.ts';
import { MOUNT } from './runner.ts';
import { fetchSourceArchive } from './s3-source.ts';
import { cloneReference, type CloneSources, readCloneReference } from './clone-ref.ts';
import { type Downloaded, extractArchive } from './source.ts';

/** Where a secondary input is unpacked inside the work directory's `sources`, and seen in the container. */
export const secondarySourceDir = (name: string) => `${MOUNT.sources}/${name}`;

/**
 * Each input unpacked (a zip) or cloned (a CODEBUILD_CLONE_REF); the primary's source revision
 * (the commit cloned, or the one CodePipeline handed over) is CODEBUILD_RESOLVED_SOURCE_VERSION.
 */
export async function downloadPipelineInputs(
  s3: S3Facade,
  pipeline: PipelineBuild,
  work: string,
  clone: { scope: Scope; sources: CloneSources },
  log: (line: string) => void,
): Promise<Downloaded> {
  let resolvedVersion: string | undefined;
  for (const input of pipeline.inputs) {
    const primary = input.name === pipeline.primary;
    const dest = primary ? join(work, 'src') : join(work, 'sources', input.name);
    log(`Downloading input artifact ${input.name}${primary ? ' (primary source)' : ''}`);
    const ref = await readCloneReference(s3, input.bucket, input.key);
    let revision = input.revision;
    if (ref) revision = await cloneReference(ref, dest, clone.scope, clone.sources, log);
    else {
      const archive = await fetchSourceArchive(s3, `${input.bucket}/${input.key}`, undefined, join(work, 'download', input.name), log);
      await extractArchive(archive, dest, log);
    }
    if (primary) resolvedVersion = revision;
  }
  return { resolvedVersion };
}

/** $CODEBUILD_SRC_DIR_<name> for every input but the primary (whose object is the build's sourceVersion). */
export function pipelineEnvironment(pipeline: PipelineBuild): Record<string, string> {
  const env: Record<string, string> = {};
  for (const input of pipeline.inputs)
    if (input.name !== pipeline.primary) env[`CODEBUILD_SRC_DIR_${input.name}`] = secondarySourceDir(input.name);
  return env;
}

/** The output artifact an artifact of the buildspec goes to ('primary', or a secondary identifier). */
export function pipelineOutputFor(pipeline: PipelineBuild, artifact: string, identifiers: string[]): PipelineArtifactRef | undefined {
  if (artifact !== 'primary') return pipeline.outputs.find((o) => o.name === artifact);
  return pipeline.outputs.find((o) => !identifiers.includes(o.name));
}
