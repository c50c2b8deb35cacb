/**
 * @module services/codebuild/s3-source
 * What a build reads from Slipway's S3: a source archive named `bucket/key` (or its object ARN),
 * at the object version `sourceVersion` names, and a buildspec named by its object ARN or as
 * `bucket/key`. Objects come through the S3 room's facade; a missing one fails the phase with S3's
 * error, as CodeBuild reports it.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { s3Arn } from '../../core/ids.ts';
import { S3ObjectError, type S3Facade } from '../s3/index.ts';
import { SourceError } from './source.ts';

/** The most a buildspec stored in S3 may hold: it is read into memory. */
const MAX_BUILDSPEC_BYTES = 1024 * 1024;

/** `bucket/key` or `arn:aws:s3:::bucket/key`; undefined when the location names no object. */
export function s3ObjectOf(location: string): { bucket: string; key: string } | undefined {
  if (location.startsWith('arn:')) return s3Arn.objectOf(location);
  const slash = location.indexOf('/');
  if (slash <= 0 || slash === location.length - 1) return undefined;
  return { bucket: location.slice(0, slash), key: location.slice(slash + 1) };
}

function failure(err: unknown, what: string): never {
  if (err instanceof S3ObjectError) throw new SourceError('CLIENT_ERROR', `${err.code}: ${err.message} for ${what}`);
  throw err;
}

/** Downloads the source archive into `scratch` and returns the file's path. */
export async function fetchSourceArchive(
  s3: S3Facade,
  location: string,
  versionId: string | undefined,
  scratch: string,
  log: (line: string) => void,
): Promise<string> {
  const object = s3ObjectOf(location);
  if (!object) {
    throw new SourceError(
      'CLIENT_ERROR',
      `Invalid S3 source location ${location}: name the archive as <bucket>/<key> (e.g. my-bucket/src.zip), or give an absolute path or file:// URL on this machine`,
    );
  }
  const named = `primary source and source version ${s3Arn.object(object.bucket, object.key)}${versionId ? ` (version ${versionId})` : ''}`;
  let got;
  try {
    got = s3.getObject(object.bucket, object.key, versionId);
  } catch (err) {
    failure(err, named);
  }
  log(`Downloading s3://${object.bucket}/${object.key}${got.versionId ? ` (version ${got.versionId})` : ''}, ${got.size} bytes`);
  await mkdir(scratch, { recursive: true });
  // CodeBuild reads an S3 source as a zip whatever its key; so does Slipway (an archive of another kind fails to unpack).
  const file = join(scratch, 'source.zip');
  try {
    await pipeline(got.body, createWriteStream(file));
  } catch (err) {
    await rm(file, { force: true });
    throw err;
  }
  return file;
}

/** A buildspec stored in S3: its text, or undefined when `value` names no object in an existing bucket. */
export async function readS3Buildspec(s3: S3Facade, value: string): Promise<{ text: string; from: string } | undefined> {
  const object = s3ObjectOf(value);
  if (!object) return undefined;
  // `bucket/key` reads from S3 only when the bucket is there; an ARN always does.
  if (!value.startsWith('arn:') && !s3.bucketExists(object.bucket)) return undefined;
  const from = s3Arn.object(object.bucket, object.key);
  try {
    const { text } = await s3.readText(object.bucket, object.key, { maxBytes: MAX_BUILDSPEC_BYTES });
    return { text, from };
  } catch (err) {
    if (err instanceof S3ObjectError && err.code === 'EntityTooLarge') {
      throw new SourceError('YAML_FILE_ERROR', `buildspec ${from}: ${err.message}; a buildspec may hold at most ${MAX_BUILDSPEC_BYTES}`);
    }
    failure(err, `buildspec ${from}`);
  }
}
