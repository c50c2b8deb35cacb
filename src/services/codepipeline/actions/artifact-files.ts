/**
 * @module services/codepipeline/actions/artifact-files
 * What the executors do with artifacts in the pipeline's store: read a file out of an input
 * artifact's zip (within a limit, never following a path out of it) and write files as an output
 * artifact's zip. Zips are CodeBuild's: its writer, and the extraction its S3 sources use.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { resolveInside, readFileInside } from '../../codebuild/build-tree.ts';
import { extractArchive } from '../../codebuild/source.ts';
import { writeZip } from '../../codebuild/zip.ts';
import type { S3Facade } from '../../s3/index.ts';
import type { Artifact, ArtifactLocation } from './types.ts';

export type ArtifactFile = { kind: 'found'; text: string } | { kind: 'missing' } | { kind: 'too-large'; size: number };

/** Runs `fn` on a scratch directory that is removed afterwards, whatever happens. */
export async function withScratch<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'slipway-action-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Unpacks the artifact's zip into `dest`; an object that is not there or not a zip throws with S3's or the unpacker's words. */
export async function extractArtifact(s3: S3Facade, artifact: Artifact, dest: string): Promise<void> {
  const { bucketName, objectKey } = artifact.location;
  const object = s3.getObject(bucketName, objectKey);
  const zip = `${dest}.zip`;
  await pipeline(object.body, createWriteStream(zip));
  try {
    await extractArchive(zip, dest, () => undefined);
  } finally {
    await rm(zip, { force: true });
  }
}

/** One file of an input artifact, as text, when it is there and at most `maxBytes`. */
export async function readArtifactFile(s3: S3Facade, artifact: Artifact, path: string, maxBytes: number): Promise<ArtifactFile> {
  return withScratch(async (dir) => {
    const root = join(dir, 'artifact');
    await extractArtifact(s3, artifact, root);
    const real = await resolveInside(root, path);
    const size = real ? await stat(real).then((s) => (s.isFile() ? s.size : undefined)) : undefined;
    if (size === undefined) return { kind: 'missing' };
    if (size > maxBytes) return { kind: 'too-large', size };
    const text = await readFileInside(root, path);
    return text === undefined ? { kind: 'missing' } : { kind: 'found', text };
  });
}

/** Writes `files` (name → text) as one zip object at `location`. */
export async function writeArtifactFiles(s3: S3Facade, location: ArtifactLocation, files: Record<string, string>): Promise<void> {
  await withScratch(async (dir) => {
    const entries = [];
    for (const [name, text] of Object.entries(files)) {
      const absolute = join(dir, `file-${entries.length}`);
      await writeFile(absolute, text);
      entries.push({ name, absolute });
    }
    const zip = join(dir, 'artifact.zip');
    await writeZip(zip, entries);
    await s3.putObject(location.bucketName, location.objectKey, { file: zip }, { contentType: 'application/zip' });
  });
}
