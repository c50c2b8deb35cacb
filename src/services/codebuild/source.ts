/**
 * @module services/codebuild/source
 * DOWNLOAD_SOURCE, done on the host into the build's source directory: every git source type
 * (GITHUB, GITHUB_ENTERPRISE, GITLAB, BITBUCKET, CODECOMMIT) is a `git clone` of its location — a
 * URL, a local path or file:// — checked out at the source version (branch, tag, commit, or
 * `branch^{commit}`); a local directory that is not a repository is copied; an S3 source is a zip
 * in a bucket (`bucket/key.zip`, at the object version `sourceVersion` names), or an archive
 * (.zip, .tar, .tar.gz, .tgz) or directory on this machine, and it is extracted; NO_SOURCE has nothing.
 * Then the buildspec: inline text, an S3 object, or a file relative to the source root
 * (buildspec.yml by default). Reading S3 is s3-source.ts's; the caller hands it in.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileInside } from './build-tree.ts';
import type { ProjectSource } from './shapes.ts';

/** A source, buildspec or stored variable that cannot be had; the message goes into the phase context. */
export class SourceError extends Error {
  constructor(
    readonly statusCode: 'CLIENT_ERROR' | 'ACCESS_DENIED' | 'YAML_FILE_ERROR' | 'Decrypted Variables Error' | 'Secrets Manager Error',
    message: string,
  ) {
    super(message);
  }
}

export const GIT_TYPES = ['CODECOMMIT', 'GITHUB', 'GITHUB_ENTERPRISE', 'GITLAB', 'GITLAB_SELF_MANAGED', 'BITBUCKET'];
const GIT_TIMEOUT_MS = 10 * 60 * 1000;

function git(args: string[], cwd?: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      'git',
      args,
      { cwd, timeout: GIT_TIMEOUT_MS, maxBuffer: 8 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...env } },
      (err, stdout, stderr) => {
        if (err)
          reject(
            new SourceError('CLIENT_ERROR', `git ${args[0]} failed: ${(stderr || err.message).trim().split('\n').slice(-3).join(' ')}`),
          );
        else resolvePromise(stdout.trim());
      },
    );
  });
}

/** A location on this machine (absolute path or file:// URL), or undefined for a remote URL. */
export function localPath(location: string): string | undefined {
  if (location.startsWith('file://')) return fileURLToPath(location);
  if (isAbsolute(location)) return location;
  return undefined;
}

export interface Downloaded {
  /** The commit checked out (CODEBUILD_RESOLVED_SOURCE_VERSION), for git sources. */
  resolvedVersion?: string;
}

export interface SourceReaders {
  log: (line: string) => void;
  /** Downloads an S3 source archive (`bucket/key`) at a version; returns the local file. */
  fetchArchive: (location: string, version: string | undefined) => Promise<string>;
  /** A buildspec stored in S3 (an object ARN, or `bucket/key` in an existing bucket); undefined when it names none. */
  readBuildspec: (value: string) => Promise<{ text: string; from: string } | undefined>;
}

export async function downloadSource(
  source: ProjectSource,
  version: string | undefined,
  dest: string,
  readers: SourceReaders,
): Promise<Downloaded> {
  const log = readers.log;
  const type = source.type;
  if (type === 'NO_SOURCE') return {};
  if (type === 'CODEPIPELINE') {
    throw new SourceError('CLIENT_ERROR', 'A CODEPIPELINE source is handed over by a pipeline run; start this project from its pipeline');
  }
  const location = source.location ?? '';
  const local = localPath(location);
  if (type === 'S3') {
    if (local && (await isDirectory(local))) return copyDirectory(local, dest, log);
    if (local && ARCHIVE.test(local) && (await isFile(local))) return extractArchive(local, dest, log);
    // A location starting with / or file:// is this machine's, never a bucket.
    if (local)
      throw new SourceError(
        'CLIENT_ERROR',
        `${location} is neither an archive (.zip, .tar, .tar.gz, .tgz) nor a directory on this machine`,
      );
    return extractArchive(await readers.fetchArchive(location, version), dest, log);
  }
  if (!GIT_TYPES.includes(type)) throw new SourceError('CLIENT_ERROR', `Source type ${type} is not supported by Slipway`);
  if (local && (await isDirectory(local)) && !(await isGitRepository(local))) return copyDirectory(local, dest, log);
  const commit = await cloneRepository(location, version, dest, { log });
  if (source.gitSubmodulesConfig?.fetchSubmodules) await git(['submodule', 'update', '--quiet', '--init', '--recursive'], dest);
  return { resolvedVersion: commit };
}

/**
 * A full clone (history and .git kept, so `git log` works in the build) checked out detached at
 * `version`; `env` carries what the transport needs (a token header). Answers the commit.
 */
export async function cloneRepository(
  location: string,
  version: string | undefined,
  dest: string,
  opts: {
    log: (line: string) => void;
    env?: Record<string, string>;
    shown?: string;
    /** Where a commit neither the clone nor the origin's refs hold is fetched from next (a fork's branch). */
    fallback?: { url: string; env: Record<string, string>; refspec: string };
  },
): Promise<string> {
  opts.log(`Cloning ${opts.shown ?? location}${version ? ` at ${version}` : ''}`);
  // `--`: a location starting with '-' is a repository to git, never one of its options.
  await git(['clone', '--quiet', '--no-checkout', '--', location, dest], undefined, opts.env);
  // A commit no branch or tag reaches (a fork's pull request head, under refs/pull/…) is fetched by its id.
  const present = (id: string) =>
    git(['cat-file', '-e', `${id}^{commit}`], dest).then(
      () => true,
      () => false,
    );
  if (version && /^[0-9a-f]{40}$/.test(version) && !(await present(version))) {
    await git(['fetch', '--quiet', 'origin', version], dest, opts.env).catch(() => undefined);
    const from = opts.fallback;
    if (from && !(await present(version)))
      await git(['fetch', '--quiet', '--no-tags', '--end-of-options', from.url, from.refspec], dest, from.env).catch(() => undefined);
  }
  const commit = await resolveVersion(dest, version);
  await git(['checkout', '--quiet', '--detach', commit], dest);
  opts.log(`Checked out ${commit}`);
  return commit;
}

/** Branch (also refs/heads/…), tag (also refs/tags/…), commit, or CodeBuild's `ref^{commit}`. */
async function resolveVersion(repo: string, version: string | undefined): Promise<string> {
  if (!version)
    return git(['rev-parse', '--verify', 'HEAD^{commit}'], repo).catch(() => {
      throw new SourceError('CLIENT_ERROR', 'the repository has no commits');
    });
  const pinned = version.match(/^(.*)\^\{([0-9a-f]{7,40})\}$/);
  const ref = pinned ? pinned[2] : version;
  const candidates = ref.startsWith('refs/heads/')
    ? [`refs/remotes/origin/${ref.slice('refs/heads/'.length)}`]
    : ref.startsWith('refs/tags/')
      ? [ref]
      : [`refs/remotes/origin/${ref}`, `refs/tags/${ref}`, ref];
  for (const candidate of candidates) {
    try {
      return await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${candidate}^{commit}`], repo);
    } catch {
      // try the next reading of the version
    }
  }
  throw new SourceError('CLIENT_ERROR', `reference not found for primary source and source version ${version}`);
}

const ARCHIVE = /\.(zip|tar|tar\.gz|tgz)$/i;

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * An uploaded source archive, unpacked into the source directory: a zip through unzip (Info-ZIP,
 * as the pipeline room reads artifacts; it starts in milliseconds where Python's zipfile takes a
 * tenth of a second), the rest through tar.
 */
export async function extractArchive(archive: string, dest: string, log: (line: string) => void): Promise<Downloaded> {
  log(`Extracting ${archive}`);
  await mkdir(dest, { recursive: true });
  const [command, args] = /\.zip$/i.test(archive) ? ['unzip', ['-qq', '-o', archive, '-d', dest]] : ['tar', ['-xf', archive, '-C', dest]];
  await new Promise<void>((resolvePromise, reject) => {
    execFile(command, args, { timeout: GIT_TIMEOUT_MS }, (err, _stdout, stderr) => {
      if (err)
        reject(
          new SourceError(
            'CLIENT_ERROR',
            `cannot extract ${archive} with ${command}: ${(stderr || err.message).trim().split('\n').slice(-2).join(' ')}`,
          ),
        );
      else resolvePromise();
    });
  });
  return {};
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** The top of a repository (a directory inside someone else's work tree is just a directory). */
async function isGitRepository(path: string): Promise<boolean> {
  const top = await git(['rev-parse', '--show-toplevel'], path).catch(() => undefined);
  if (top !== undefined) return resolve(top) === resolve(path);
  return git(['rev-parse', '--is-bare-repository'], path).then(
    (bare) => bare === 'true',
    () => false,
  );
}

async function copyDirectory(from: string, dest: string, log: (line: string) => void): Promise<Downloaded> {
  log(`Copying ${from}`);
  await cp(from, dest, { recursive: true, verbatimSymlinks: true });
  return {};
}

/**
 * Inline YAML (it has a line break), an S3 object ARN, or a path relative to the source root
 * (default buildspec.yml); a relative path the source lacks is read as `bucket/key` when that bucket exists.
 */
export async function loadBuildspecText(
  buildspec: string | undefined,
  srcDir: string,
  readers: SourceReaders,
): Promise<{ text: string; from: string }> {
  const value = buildspec?.trim() ? buildspec : undefined;
  if (value && /[\r\n]/.test(value)) return { text: value, from: 'the inline buildspec' };
  if (value?.startsWith('arn:')) {
    const stored = await readers.readBuildspec(value);
    if (!stored)
      throw new SourceError(
        'YAML_FILE_ERROR',
        `buildspec ${value}: an ARN names a buildspec only as an S3 object (arn:aws:s3:::<bucket>/<key>)`,
      );
    return stored;
  }
  const relative = value ?? 'buildspec.yml';
  // A path (or a link in the source) leading out of the source directory finds no buildspec.
  const text = await readFileInside(srcDir, relative);
  if (text !== undefined) return { text, from: relative };
  const stored = value ? await readers.readBuildspec(value) : undefined;
  if (stored) return stored;
  throw new SourceError(
    'YAML_FILE_ERROR',
    `stat ${relative}: no such file or directory (the buildspec is read from the source root unless the project or StartBuild names another path, an S3 object or gives it inline)`,
  );
}
