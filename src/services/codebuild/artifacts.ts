/**
 * @module services/codebuild/artifacts
 * UPLOAD_ARTIFACTS: the buildspec's artifacts (files with globs, base-directory, discard-paths,
 * exclude-paths, name, secondary-artifacts) copied out of the source directory into the data
 * directory, each also zipped, since S3 is not part of Slipway yet. Layout:
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
import { sendJson } from '../../protocol/http.ts';
import type { Route } from '../types.ts';
import type { ArtifactSpec, Buildspec } from './buildspec.ts';
import { resolveInside } from './build-tree.ts';
import { matchFiles } from './glob.ts';
import type { BuildArtifacts, ProjectArtifacts } from './shapes.ts';
import { writeZip } from './zip.ts';

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
  uuid: string;
  projectName: string;
  srcDir: string;
  spec: Buildspec;
  primary: ProjectArtifacts;
  secondary: ProjectArtifacts[];
  /** Artifact names as the build's shell expanded them (buildspec `name`), by 'primary' or identifier. */
  shellNames: Record<string, string>;
  log: (line: string) => void;
}

export async function uploadArtifacts(input: UploadInput): Promise<{ primary?: BuildArtifacts; secondary: BuildArtifacts[] }> {
  const root = artifactsRoot(input.dataDir, input.uuid);
  const stored: StoredArtifact[] = [];
  const result: { primary?: BuildArtifacts; secondary: BuildArtifacts[] } = { secondary: [] };
  const wanted = input.spec.artifacts;
  if (input.primary.type !== 'NO_ARTIFACTS' && wanted && wanted.files.length) {
    const name = artifactName(input.primary, input.shellNames.primary, input.projectName);
    const out = await store(input, root, 'primary', name, wanted, stored, undefined);
    result.primary = { location: `${input.edgeUrl}/_slipway/artifacts/codebuild/${input.uuid}/primary.zip`, ...out };
  } else if (input.primary.type !== 'NO_ARTIFACTS') {
    input.log('The buildspec names no primary artifact files; nothing to upload');
  }
  for (const [identifier, spec] of Object.entries(wanted?.secondary ?? {})) {
    const project = input.secondary.find((a) => a.artifactIdentifier === identifier);
    if (project?.type === 'NO_ARTIFACTS') continue;
    const name = project ? artifactName(project, input.shellNames[identifier], identifier) : identifier;
    const out = await store(input, root, identifier, name, spec, stored, identifier);
    result.secondary.push({ location: `${input.edgeUrl}/_slipway/artifacts/codebuild/${input.uuid}/${encodeURIComponent(identifier)}.zip`, artifactIdentifier: identifier, ...out });
  }
  if (stored.length) await writeFile(join(root, 'artifacts.json'), JSON.stringify(stored, null, 2));
  return result;
}

function artifactName(project: ProjectArtifacts, shellName: string | undefined, fallback: string): string {
  if (project.overrideArtifactName && shellName) return shellName;
  return project.name || fallback;
}

async function store(
  input: UploadInput, root: string, dir: string, name: string, spec: ArtifactSpec, stored: StoredArtifact[], identifier?: string,
): Promise<{ sha256sum: string; md5sum: string }> {
  const base = await resolveInside(input.srcDir, spec.baseDirectory ?? '');
  if (!base) throw new ArtifactError(`CLIENT_ERROR: no matching base directory path found for ${spec.baseDirectory}`);
  const found = await matchFiles(base, spec.files, spec.excludePaths);
  if (found.length === 0) throw new ArtifactError(`CLIENT_ERROR: no matching artifact paths found for ${identifier ? `secondary artifact ${identifier}` : 'the primary artifact'} (files: ${spec.files.join(', ')})`);
  const target = join(root, dir);
  const seen = new Map<string, string>();
  const entries = [];
  for (const file of found) {
    const path = spec.discardPaths ? basename(file.path) : file.path;
    const earlier = seen.get(path);
    if (earlier) throw new ArtifactError(`CLIENT_ERROR: discard-paths makes ${earlier} and ${file.path} the same artifact file ${path}`);
    seen.set(path, file.path);
    const symlinkKept = file.symlink && spec.enableSymlinks;
    // Without enable-symlinks a link is followed, but only to a file inside the source directory;
    // one leading out of it, to a directory or to nothing is left out.
    const from = symlinkKept ? undefined : await resolveInside(input.srcDir, file.absolute);
    const copied = from && (await stat(from).then((s) => s.isFile(), () => false)) ? from : undefined;
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
  return { sha256sum: sums.sha256, md5sum: sums.md5 };
}

export function artifactRoutes(dataDir: string): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/_slipway\/artifacts\/codebuild\/([0-9a-f-]{36})(?:\/(.*))?$/,
      async handle(_req, res, match) {
        const root = artifactsRoot(dataDir, match[1]);
        const rest = decodeURIComponent(match[2] ?? '');
        let listing: StoredArtifact[];
        try {
          listing = JSON.parse(await readFile(join(root, 'artifacts.json'), 'utf8')) as StoredArtifact[];
        } catch {
          return sendJson(res, 404, { message: `Build ${match[1]} has no artifacts (unknown build, no artifacts in its buildspec, or it has not reached UPLOAD_ARTIFACTS)` });
        }
        if (rest === '') return sendJson(res, 200, { artifacts: listing.map((a) => ({ ...a, zip: `${a.dir}.zip` })) });
        const zip = listing.find((a) => `${a.dir}.zip` === rest);
        const file = zip ? join(root, rest) : normalize(join(root, rest));
        const inside = listing.some((a) => file.startsWith(join(root, a.dir) + '/'));
        if (!zip && !inside) return sendJson(res, 404, { message: `No artifact file ${rest} in build ${match[1]}` });
        // A link kept by enable-symlinks is in the zip, never followed here.
        const info = await lstat(file).catch(() => undefined);
        if (!info?.isFile() || !(await resolveInside(root, file))) return sendJson(res, 404, { message: `No artifact file ${rest} in build ${match[1]}` });
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
