/**
 * @module services/codebuild/artifacts
 * UPLOAD_ARTIFACTS: the buildspec's artifacts (files with globs, base-directory, discard-paths,
 * exclude-paths, name, secondary-artifacts) copied out of the source directory into the data
 * directory and zipped; an artifact of type S3 is then written into its bucket as CodeBuild writes
 * it: under `<path>/<build uuid if namespaceType BUILD_ID>/<name>`, one zip object (packaging ZIP)
 * or the files as objects (packaging NONE; a name of `/` puts them at the prefix itself), and its
 * location is reported as `arn:aws:s3:::<bucket>/<that key>`. Kept locally:
 *
 *   codebuild/artifacts/<build-uuid>/
 *     artifacts.json          [{ dir, name, identifier?, files }]
 *     primary/…  primary.zip  the primary artifact, as a tree and as a zip
 *     <identifier>/… <identifier>.zip   each secondary artifact
 *
 * Served at GET /_slipway/artifacts/codebuild/<build-uuid>/ (the listing, JSON),
 * …/<dir>.zip (the zip; it is the build's artifacts.location) and …/<dir>/<path> (one file).
 */
import { createReadStream } from 'node:fs';
import { copyFile, lstat, mkdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, normalize } from 'node:path';
import { s3Arn } from '../../core/ids.ts';
import { sendJson } from '../../protocol/http.ts';
import { S3ObjectError, type S3Facade } from '../s3/index.ts';
import type { Route } from '../types.ts';
import type { ArtifactSpec, Buildspec } from './buildspec.ts';
import { resolveInside } from './build-tree.ts';
import { matchFiles } from './glob.ts';
import type { PipelineBuild } from './model.ts';
import { pipelineOutputFor } from './pipeline-source.ts';
import type { BuildArtifacts, ProjectArtifacts } from './shapes.ts';
import { writeZip, type ZipEntry } from './zip.ts';

export class ArtifactError extends Error {}

export interface StoredArtifact {
  dir: string;
  name: string;
  identifier?: string;
  files: string[];
}

export function artifactsRoot(dataDir: string, uuid: string): string {
  return join(dataDir, 'codebuild', 'artifacts', uuid);
}

export interface UploadInput {
  dataDir: string;
  edgeUrl: string;
  s3: S3Facade;
  uuid: string;
  projectName: string;
  srcDir: string;
  spec: Buildspec;
  primary: ProjectArtifacts;
  secondary: ProjectArtifacts[];
  /** Artifact names as the build's shell expanded them (buildspec `name`), by 'primary' or identifier. */
  shellNames: Record<string, string>;
  /** A pipeline's build: its output artifacts, where artifacts of type CODEPIPELINE go. */
  pipeline?: PipelineBuild;
  log: (line: string) => void;
}

export async function uploadArtifacts(input: UploadInput): Promise<{ primary?: BuildArtifacts; secondary: BuildArtifacts[] }> {
  const root = artifactsRoot(input.dataDir, input.uuid);
  const stored: StoredArtifact[] = [];
  const result: { primary?: BuildArtifacts; secondary: BuildArtifacts[] } = { secondary: [] };
  const wanted = input.spec.artifacts;
  if (input.primary.type !== 'NO_ARTIFACTS' && wanted && wanted.files.length) {
    const name = artifactName(input.primary, input.shellNames.primary, input.projectName);
    const { files, ...out } = await store(input, root, 'primary', name, wanted, stored, undefined);
    const location =
      (await toPipeline(input, 'primary', join(root, 'primary.zip'))) ??
      (await publish(input, input.primary, name, join(root, 'primary.zip'), files, wanted.s3Prefix));
    result.primary = {
      location: location ?? `${input.edgeUrl}/_slipway/artifacts/codebuild/${input.uuid}/primary.zip`,
      ...out,
      ...reported(input.primary),
    };
  } else if (input.primary.type !== 'NO_ARTIFACTS') {
    input.log('The buildspec names no primary artifact files; nothing to upload');
  }
  for (const [identifier, spec] of Object.entries(wanted?.secondary ?? {})) {
    const project = input.secondary.find((a) => a.artifactIdentifier === identifier);
    if (project?.type === 'NO_ARTIFACTS') continue;
    const name = project ? artifactName(project, input.shellNames[identifier], identifier) : identifier;
    const { files, ...out } = await store(input, root, identifier, name, spec, stored, identifier);
    const zip = join(root, `${identifier}.zip`);
    const location =
      (await toPipeline(input, identifier, zip)) ?? (project && (await publish(input, project, name, zip, files, spec.s3Prefix)));
    result.secondary.push({
      location: location || `${input.edgeUrl}/_slipway/artifacts/codebuild/${input.uuid}/${encodeURIComponent(identifier)}.zip`,
      artifactIdentifier: identifier,
      ...out,
      ...(project ? reported(project) : {}),
    });
  }
  if (stored.length) await writeFile(join(root, 'artifacts.json'), JSON.stringify(stored, null, 2));
  return result;
}

/** What BatchGetBuilds repeats of the artifact's settings. */
function reported(project: ProjectArtifacts): Partial<BuildArtifacts> {
  return project.type === 'S3'
    ? { overrideArtifactName: project.overrideArtifactName, encryptionDisabled: project.encryptionDisabled }
    : {};
}

/** A pipeline build's artifact, written as the zip of its output artifact; undefined when no output takes it. */
async function toPipeline(input: UploadInput, artifact: string, zip: string): Promise<string | undefined> {
  if (!input.pipeline || input.primary.type !== 'CODEPIPELINE') return undefined;
  const output = pipelineOutputFor(input.pipeline, artifact, Object.keys(input.spec.artifacts?.secondary ?? {}));
  if (!output) {
    input.log(
      `No output artifact of the pipeline action takes ${artifact === 'primary' ? 'the primary artifact' : `secondary artifact ${artifact}`}`,
    );
    return undefined;
  }
  try {
    await input.s3.putObject(output.bucket, output.key, { file: zip }, { contentType: 'application/zip' });
  } catch (err) {
    if (err instanceof S3ObjectError)
      throw new ArtifactError(`CLIENT_ERROR: upload of output artifact ${output.name} failed: ${err.code}: ${err.message}`);
    throw err;
  }
  input.log(`Uploaded ${artifact === 'primary' ? 'the primary artifact' : artifact} as output artifact ${output.name}`);
  return s3Arn.object(output.bucket, output.key);
}

/**
 * Writes an S3 artifact into its bucket; returns its location as CodeBuild reports it (undefined
 * for another type). The bucket is checked first, so a missing one writes nothing.
 */
async function publish(
  input: UploadInput,
  project: ProjectArtifacts,
  name: string,
  zip: string,
  files: ZipEntry[],
  s3Prefix?: string,
): Promise<string | undefined> {
  if (project.type !== 'S3') return undefined;
  const bucket = (project.location ?? '').replace(/^arn:aws[a-z-]*:s3:::/, '');
  const buildId = project.namespaceType === 'BUILD_ID';
  const path = buildId && s3Prefix ? s3Prefix : project.path;
  const prefix = [path, buildId ? input.uuid : undefined, name === '/' ? undefined : name]
    .map((part) => part?.replace(/^\/+|\/+$/g, ''))
    .filter((part) => part)
    .join('/');
  const failed = (code: string, message: string) =>
    new ArtifactError(`CLIENT_ERROR: upload artifacts to ${s3Arn.bucket(bucket)} failed: ${code}: ${message}`);
  if (!input.s3.bucketExists(bucket)) throw failed('NoSuchBucket', 'The specified bucket does not exist');
  try {
    if (project.packaging === 'ZIP') {
      if (!prefix) throw new ArtifactError('CLIENT_ERROR: a ZIP artifact needs a name (or a path) to be the object key');
      await input.s3.putObject(bucket, prefix, { file: zip }, { contentType: 'application/zip' });
    } else {
      for (const file of files) {
        if (file.symlink) input.log(`${file.name} is a symbolic link: kept in the zip, not written to S3 as an object`);
        else await input.s3.putObject(bucket, prefix ? `${prefix}/${file.name}` : file.name, { file: file.absolute });
      }
    }
  } catch (err) {
    if (err instanceof S3ObjectError) throw failed(err.code, err.message);
    throw err;
  }
  input.log(`Uploaded ${project.packaging === 'ZIP' ? 'zip' : `${files.length} file(s)`} to s3://${bucket}/${prefix}`);
  return prefix ? s3Arn.object(bucket, prefix) : s3Arn.bucket(bucket);
}

function artifactName(project: ProjectArtifacts, shellName: string | undefined, fallback: string): string {
  if (project.overrideArtifactName && shellName) return shellName;
  return project.name || fallback;
}

async function store(
  input: UploadInput,
  root: string,
  dir: string,
  name: string,
  spec: ArtifactSpec,
  stored: StoredArtifact[],
  identifier?: string,
): Promise<{ sha256sum: string; md5sum: string; files: ZipEntry[] }> {
  const base = await resolveInside(input.srcDir, spec.baseDirectory ?? '');
  if (!base) throw new ArtifactError(`CLIENT_ERROR: no matching base directory path found for ${spec.baseDirectory}`);
  const found = await matchFiles(base, spec.files, spec.excludePaths);
  if (found.length === 0)
    throw new ArtifactError(
      `CLIENT_ERROR: no matching artifact paths found for ${identifier ? `secondary artifact ${identifier}` : 'the primary artifact'} (files: ${spec.files.join(', ')})`,
    );
  const target = join(root, dir);
  const seen = new Map<string, string>();
  const entries: ZipEntry[] = [];
  for (const file of found) {
    const path = spec.discardPaths ? basename(file.path) : file.path;
    const earlier = seen.get(path);
    if (earlier) throw new ArtifactError(`CLIENT_ERROR: discard-paths makes ${earlier} and ${file.path} the same artifact file ${path}`);
    seen.set(path, file.path);
    const symlinkKept = file.symlink && spec.enableSymlinks;
    // Without enable-symlinks a link is followed, but only to a file inside the source directory;
    // one leading out of it, to a directory or to nothing is left out.
    const from = symlinkKept ? undefined : await resolveInside(input.srcDir, file.absolute);
    const copied =
      from &&
      (await stat(from).then(
        (s) => s.isFile(),
        () => false,
      ))
        ? from
        : undefined;
    if (!symlinkKept && !copied) {
      if (file.symlink) input.log(`${file.path} is a symbolic link to no file inside the source directory; left out of the artifact`);
      continue;
    }
    await mkdir(dirname(join(target, path)), { recursive: true });
    if (copied) await copyFile(copied, join(target, path));
    else await symlink(await readlink(file.absolute), join(target, path));
    entries.push({ name: path, absolute: join(target, path), symlink: symlinkKept });
  }
  const sums = await writeZip(join(root, `${dir}.zip`), entries);
  input.log(`Uploading artifact ${name}: ${entries.length} file(s), ${sums.size} bytes zipped`);
  stored.push({ dir, name, identifier, files: entries.map((e) => e.name) });
  return { sha256sum: sums.sha256, md5sum: sums.md5, files: entries };
}

export function artifactRoutes(dataDir: string): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/_slipway\/artifacts\/codebuild\/([0-9a-f-]{36})(?:\/(.*))?$/,
      // CodeBuild puts artifacts in S3: reading one is s3:GetObject.
      access: { action: 's3:GetObject' },
      async handle(_req, res, match) {
        const root = artifactsRoot(dataDir, match[1]);
        const rest = decodeURIComponent(match[2] ?? '');
        let listing: StoredArtifact[];
        try {
          listing = JSON.parse(await readFile(join(root, 'artifacts.json'), 'utf8')) as StoredArtifact[];
        } catch {
          return sendJson(res, 404, {
            message: `Build ${match[1]} has no artifacts (unknown build, no artifacts in its buildspec, or it has not reached UPLOAD_ARTIFACTS)`,
          });
        }
        if (rest === '') return sendJson(res, 200, { artifacts: listing.map((a) => ({ ...a, zip: `${a.dir}.zip` })) });
        const zip = listing.find((a) => `${a.dir}.zip` === rest);
        const file = zip ? join(root, rest) : normalize(join(root, rest));
        const inside = listing.some((a) => file.startsWith(`${join(root, a.dir)}/`));
        if (!zip && !inside) return sendJson(res, 404, { message: `No artifact file ${rest} in build ${match[1]}` });
        // A link kept by enable-symlinks is in the zip, never followed here.
        const info = await lstat(file).catch(() => undefined);
        if (!info?.isFile() || !(await resolveInside(root, file)))
          return sendJson(res, 404, { message: `No artifact file ${rest} in build ${match[1]}` });
        res.writeHead(200, {
          'content-type': zip ? 'application/zip' : 'application/octet-stream',
          'content-length': String(info.size),
          ...(zip ? { 'content-disposition': `attachment; filename="${zip.name.replace(/[^\x20-\x7e]|"/g, '')}.zip"` } : {}),
        });
        createReadStream(file).pipe(res);
      },
    },
  ];
}
