/**
 * Helpers for running CodePipeline action executors in-process against a test Slipway: the artifact
 * bucket, input artifacts put there as zips, output artifacts read back, and an ActionJob built by
 * hand as the engine would build it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeZip } from '../../src/services/codebuild/zip.ts';
import type { Artifact, ActionJob, ActionTypeId } from '../../src/services/codepipeline/actions/types.ts';
import type { S3Facade } from '../../src/services/s3/index.ts';
import { unzipBytes } from './codebuild.ts';

export const ARTIFACT_BUCKET = 'codepipeline-us-east-1-artifacts';
export const SCOPE = { region: 'us-east-1', account: '000000000000' };

let counter = 0;

/** Where the engine would put an artifact of this execution. */
export function artifactAt(name: string, execution = 'exec-1'): Artifact {
  return { name, location: { bucketName: ARTIFACT_BUCKET, objectKey: `pipe/${execution}/${name}/${++counter}.zip` } };
}

/** Writes `files` as the artifact's zip. */
export async function putArtifact(s3: S3Facade, artifact: Artifact, files: Record<string, string>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-pa-'));
  try {
    const entries = Object.entries(files).map(([name, text]) => {
      const absolute = join(dir, 'files', name);
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, text);
      return { name, absolute };
    });
    await writeZip(join(dir, 'a.zip'), entries);
    await s3.putObject(artifact.location.bucketName, artifact.location.objectKey, { file: join(dir, 'a.zip') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The files of an artifact's zip, as text. */
export async function readArtifact(s3: S3Facade, artifact: Artifact): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of s3.getObject(artifact.location.bucketName, artifact.location.objectKey).body) chunks.push(chunk as Buffer);
  return unzipBytes(Buffer.concat(chunks));
}

/** An ActionJob as the engine hands it over; `lines` collects its progress. */
export function actionJob(
  type: ActionTypeId,
  configuration: Record<string, string>,
  opts: Partial<Pick<ActionJob, 'inputArtifacts' | 'outputArtifacts' | 'sourceRevision' | 'signal'>> = {},
): ActionJob & { lines: string[] } {
  const lines: string[] = [];
  return {
    scope: SCOPE,
    pipeline: { name: 'pipe', arn: `arn:aws:codepipeline:us-east-1:000000000000:pipe`, roleArn: 'arn:aws:iam::000000000000:role/pipe' },
    executionId: 'exec-1',
    stageName: type.category,
    actionName: type.provider,
    actionTypeId: type,
    configuration,
    inputArtifacts: opts.inputArtifacts ?? [],
    outputArtifacts: opts.outputArtifacts ?? [],
    sourceRevision: opts.sourceRevision,
    signal: opts.signal ?? new AbortController().signal,
    progress: (line) => lines.push(line),
    lines,
  };
}
