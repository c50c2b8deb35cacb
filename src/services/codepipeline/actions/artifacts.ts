/**
 * @module services/codepipeline/actions/artifacts
 * What executors do with the artifact store: bring an input artifact (a zip object in S3) onto this
 * machine, unpacked into a folder or as the file it is, and store an output artifact from a folder
 * (zipped with CodeBuild's zip writer, so the same files give the same bytes) or a file as it is.
 * Scratch space is a temporary folder removed when the work ends. A missing object or bucket fails
 * with a message naming the artifact and its S3 location.
 */
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { walk } from '../../codebuild/glob.ts';
import { readZipFile, writeZip, ZipFormatError, type ZipFile } from '../../codebuild/zip.ts';
import { S3ObjectError, type S3Facade } from '../../s3/index.ts';
import type { Artifact } from './types.ts';

const run = promisify(execFile);

export function s3Url(artifact: Artifact): string {
  return `s3://${artifact.location.bucketName}/${artifact.location.objectKey}`;
}

/** Runs `fn` with a fresh scratch folder, removed afterwards whatever happens. */
export async function withScratch<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'slipway-pipeline-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function named(err: unknown, artifact: Artifact, doing: string): Error {
  if (err instanceof S3ObjectError)
    return new Error(`Could not ${doing} artifact '${artifact.name}' at ${s3Url(artifact)}: ${err.code}: ${err.message}`);
  return err instanceof Error ? err : new Error(String(err));
}

/** Copies the artifact's object, as it is, to `file`. */
export async function downloadArtifact(s3: S3Facade, artifact: Artifact, file: string): Promise<void> {
  try {
    const got = s3.getObject(artifact.location.bucketName, artifact.location.objectKey);
    await pipeline(got.body, createWriteStream(file));
  } catch (err) {
    throw named(err, artifact, 'read input');
  }
}

/** Copies an artifact's object, as it is, to another location (a cross-region action's artifact store). */
export async function copyArtifact(s3: S3Facade, from: Artifact, to: Artifact): Promise<void> {
  try {
    const got = s3.getObject(from.location.bucketName, from.location.objectKey);
    await s3.putObject(to.location.bucketName, to.location.objectKey, got.body, { contentType: got.contentType });
  } catch (err) {
    throw named(err, from, `copy to ${s3Url(to)} the input`);
  }
}

/** Unpacks the artifact's zip into the folder `target` (made if missing). */
export async function readArtifact(s3: S3Facade, artifact: Artifact, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  await withScratch(async (scratch) => {
    const zip = join(scratch, 'artifact.zip');
    await downloadArtifact(s3, artifact, zip);
    try {
      await run('unzip', ['-qq', '-o', zip, '-d', target]);
    } catch (err) {
      throw new Error(
        `Input artifact '${artifact.name}' at ${s3Url(artifact)} is not a zip archive: ${(err as Error).message.split('\n')[0]}`,
      );
    }
  });
}

export type ArtifactFile = { kind: 'found'; text: string } | { kind: 'missing' } | { kind: 'too-large'; size: number };

/**
 * One file of an input artifact's zip, as text, when it is there and at most `maxBytes`; a path
 * never leads out of the artifact. Read from the archive itself, not unpacked: a deployment waits on it.
 */
export async function readArtifactFile(s3: S3Facade, artifact: Artifact, path: string, maxBytes: number): Promise<ArtifactFile> {
  return withScratch(async (scratch) => {
    const zip = join(scratch, 'artifact.zip');
    await downloadArtifact(s3, artifact, zip);
    let file: ZipFile;
    try {
      file = await readZipFile(zip, path, maxBytes);
    } catch (err) {
      if (!(err instanceof ZipFormatError)) throw err;
      throw new Error(`Input artifact '${artifact.name}' at ${s3Url(artifact)} is not a zip archive: ${err.message}`);
    }
    return file.kind === 'found' ? { kind: 'found', text: file.data.toString('utf8') } : file;
  });
}

/** Stores a small JSON document (a CODEBUILD_CLONE_REF) as the output artifact. */
export async function writeJsonArtifact(s3: S3Facade, artifact: Artifact, value: unknown): Promise<void> {
  const { bucketName, objectKey } = artifact.location;
  try {
    await s3.putObject(bucketName, objectKey, Readable.from([JSON.stringify(value)]), { contentType: 'application/json' });
  } catch (err) {
    throw named(err, artifact, 'store output');
  }
}

/** Stores a file, as it is, as the output artifact. */
export async function writeFileArtifact(s3: S3Facade, artifact: Artifact, file: string, contentType = 'application/zip'): Promise<void> {
  try {
    await s3.putObject(artifact.location.bucketName, artifact.location.objectKey, { file }, { contentType });
  } catch (err) {
    throw named(err, artifact, 'store output');
  }
}

/** Zips the folder's files (paths relative to it) and stores the zip as the output artifact. */
export async function writeFolderArtifact(s3: S3Facade, artifact: Artifact, folder: string): Promise<void> {
  await withScratch(async (scratch) => {
    const zip = join(scratch, 'artifact.zip');
    const files = await walk(folder);
    await writeZip(
      zip,
      files.map((f) => ({ name: f.path, absolute: f.absolute, symlink: f.symlink })),
    );
    await writeFileArtifact(s3, artifact, zip);
  });
}
