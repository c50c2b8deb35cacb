/**
 * @module services/codebuild/clone-ref
 * A CODEBUILD_CLONE_REF input artifact: instead of a zip, the pipeline's source action left a small
 * JSON object naming a repository and a commit, and DOWNLOAD_SOURCE clones the repository itself —
 * through the connection (the connections room says where: Slipway's git host, the provider with
 * the connection's token, or a host's endpoint) or from the CodeCommit repository — with its
 * history, checked out at that commit, as CodeBuild does. A fork's pull request head that the
 * repository does not hold (Bitbucket and Azure DevOps publish no ref for it) is fetched from the
 * fork's branch, read through the same connection, and checked out only if it is that commit.
 */
import type { Scope } from '../../core/ids.ts';
import type { CodecommitFacade } from '../codecommit/index.ts';
import { type ConnectionsFacade, isRefName, SourceError as RepositoryError } from '../connections/index.ts';
import { S3ObjectError, type S3Facade } from '../s3/index.ts';
import { cloneRepository, SourceError } from './source.ts';

/** What a CodeStarSourceConnection or CodeCommit source writes in the CODEBUILD_CLONE_REF format. */
export interface CloneReference {
  Type: 'CODEBUILD_CLONE_REF';
  CommitId: string;
  BranchName?: string;
  /** A connection's repository … */
  ConnectionArn?: string;
  FullRepositoryId?: string;
  /** A fork's pull request: the fork (through the same connection) whose BranchName holds CommitId, when the repository does not. */
  HeadRepositoryId?: string;
  /** … or a CodeCommit repository of the build's scope. */
  RepositoryName?: string;
  /** Where the repository's bare git folder is on this machine, for a person to clone; the build resolves the repository itself. */
  CloneUrl?: string;
}

/** The rooms a clone reference is resolved through. */
export interface CloneSources {
  connections: ConnectionsFacade;
  codecommit: CodecommitFacade;
}

/** A clone reference is a few hundred bytes; anything larger is an archive. */
const MAX_REFERENCE_BYTES = 64 * 1024;

/** The clone reference an input artifact holds; undefined for an archive (or a missing object, which the download reports). */
export async function readCloneReference(s3: S3Facade, bucket: string, key: string): Promise<CloneReference | undefined> {
  let text: string;
  try {
    if (s3.headObject(bucket, key).size > MAX_REFERENCE_BYTES) return undefined;
    text = (await s3.readText(bucket, key, { maxBytes: MAX_REFERENCE_BYTES })).text;
  } catch (err) {
    if (err instanceof S3ObjectError) return undefined;
    throw err;
  }
  if (!text.trimStart().startsWith('{')) return undefined;
  let parsed: Partial<CloneReference>;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (parsed?.Type !== 'CODEBUILD_CLONE_REF') return undefined;
  if (typeof parsed.CommitId !== 'string' || !/^[0-9a-f]{40}$/.test(parsed.CommitId))
    throw new SourceError('CLIENT_ERROR', `the CODEBUILD_CLONE_REF artifact s3://${bucket}/${key} names no commit (CommitId)`);
  return parsed as CloneReference;
}

/** Where git clones the reference's repository from, and what the log calls it. */
function originOf(ref: CloneReference, scope: Scope, sources: CloneSources): { url: string; env: Record<string, string>; shown: string } {
  if (ref.ConnectionArn) {
    const name = `${ref.FullRepositoryId} through connection ${ref.ConnectionArn}`;
    try {
      const repo = sources.connections.open(ref.ConnectionArn, ref.FullRepositoryId ?? '', scope);
      const { url, env } = repo.cloneSource();
      return { url, env, shown: repo.location.kind === 'local' ? `${name} (Slipway's git host)` : `${url} (${name})` };
    } catch (err) {
      if (err instanceof RepositoryError) throw new SourceError('CLIENT_ERROR', `cannot clone ${name}: ${err.message}`);
      throw err;
    }
  }
  const dir = ref.RepositoryName ? sources.codecommit.gitDir({ scope, repositoryName: ref.RepositoryName }) : undefined;
  if (!dir)
    throw new SourceError(
      'CLIENT_ERROR',
      `cannot clone CodeCommit repository ${ref.RepositoryName ?? '(none named)'}: it does not exist in ${scope.region}`,
    );
  return { url: dir, env: {}, shown: `CodeCommit repository ${ref.RepositoryName}` };
}

/**
 * A fork's pull request: where its head is fetched from when the repository does not hold it — the
 * fork's branch, through the same connection as the repository.
 */
function forkOf(
  ref: CloneReference,
  scope: Scope,
  sources: CloneSources,
): { url: string; env: Record<string, string>; refspec: string } | undefined {
  if (ref.HeadRepositoryId === undefined) return undefined;
  const name = `fork ${String(ref.HeadRepositoryId).slice(0, 128)}`;
  if (!ref.ConnectionArn)
    throw new SourceError('CLIENT_ERROR', `the clone reference names the ${name} without a connection to read it through`);
  // The branch goes into a refspec: it must be a branch name to git, never a refspec or option of its own.
  if (typeof ref.BranchName !== 'string' || !isRefName(ref.BranchName))
    throw new SourceError('CLIENT_ERROR', `the clone reference names the ${name} without a branch (BranchName) to fetch its head from`);
  try {
    const { url, env } = sources.connections.open(ref.ConnectionArn, ref.HeadRepositoryId, scope).cloneSource();
    return { url, env, refspec: `+refs/heads/${ref.BranchName}:refs/remotes/fork/${ref.BranchName}` };
  } catch (err) {
    if (err instanceof RepositoryError) throw new SourceError('CLIENT_ERROR', `cannot fetch from the ${name}: ${err.message}`);
    throw err;
  }
}

/** Clones the reference's repository into `dest` at its commit (a fork's head fetched from the fork); answers the commit. */
export async function cloneReference(
  ref: CloneReference,
  dest: string,
  scope: Scope,
  sources: CloneSources,
  log: (line: string) => void,
): Promise<string> {
  const origin = originOf(ref, scope, sources);
  const fallback = forkOf(ref, scope, sources);
  try {
    return await cloneRepository(origin.url, ref.CommitId, dest, { log, env: origin.env, shown: origin.shown, fallback });
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    throw new SourceError(err.statusCode, `cannot clone ${origin.shown} at ${ref.CommitId}: ${err.message}`);
  }
}
