/**
 * @module services/codecommit/git
 * The bare repositories on disk and everything read from them, always through real git run with
 * argument arrays (never a shell). Layout under <data-dir>/git/ (GIT_PROJECT_ROOT for the server):
 *
 *   codecommit/<repository id>.git   a CodeCommit repository (renaming it moves nothing)
 *   hosted/<owner>/<repo>.git        a repository of the local git host (/_slipway/git/<owner>/<repo>.git)
 *
 * A repository appears whole or not at all: it is made in a temporary folder beside its place and
 * renamed there.
 */
import { execFile, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { uuid } from '../../core/ids.ts';

/** Git's environment: no prompts, no user or system configuration leaking in. */
export const GIT_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  GIT_TERMINAL_PROMPT: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: '/nonexistent',
};
const MAX_OUTPUT = 64 * 1024 * 1024;

export class GitError extends Error {}

/** Runs `git --git-dir=<dir> <args>` and returns its standard output; `env` adds to GIT_ENV (credentials go there, never in args). */
export function git(dir: string, args: string[], env: Record<string, string> = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const options = { env: { ...GIT_ENV, ...env }, encoding: 'buffer' as const, maxBuffer: MAX_OUTPUT };
    execFile('git', [`--git-dir=${dir}`, ...args], options, (err, stdout, stderr) => {
      if (err) reject(new GitError(`git ${args[0]}: ${stderr.toString().trim() || err.message}`));
      else resolve(stdout);
    });
  });
}

export function codecommitPath(root: string, id: string): string {
  return join(root, 'codecommit', `${id}.git`);
}

export function hostedPath(root: string, owner: string, repo: string): string {
  return join(root, 'hosted', owner, `${repo}.git`);
}

/** Makes an empty bare repository at `dir` (whose default branch is main) unless one is there. */
export async function initBare(dir: string): Promise<void> {
  if (existsSync(dir)) return;
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = `${dir}.${uuid()}.tmp`;
  try {
    await new Promise<void>((resolve, reject) =>
      execFile('git', ['init', '--quiet', '--bare', '--initial-branch=main', tmp], { env: GIT_ENV }, (err) =>
        err ? reject(err) : resolve(),
      ),
    );
    await git(tmp, ['config', 'http.receivepack', 'true']);
    // Objects of a push stay in quarantine until every ref check passes; refs change all together.
    await git(tmp, ['config', 'receive.advertiseAtomic', 'true']);
    await git(tmp, ['config', 'core.fsync', 'committed']);
    // A pushed tree may not name `.git`, `..` or other paths that would leave their place when checked out.
    await git(tmp, ['config', 'receive.fsckObjects', 'true']);
    renameSync(tmp, dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function removeRepository(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Branch name → commit id. */
export async function branches(dir: string): Promise<Map<string, string>> {
  const heads = await refs(dir, 'refs/heads/');
  return new Map([...heads].map(([ref, id]) => [ref.slice('refs/heads/'.length), id]));
}

/** Every ref (refs/heads/…, refs/tags/…), or those under `prefix`, → object id. */
export async function refs(dir: string, prefix?: string): Promise<Map<string, string>> {
  const out = (await git(dir, ['for-each-ref', '--format=%(objectname) %(refname)', ...(prefix ? [prefix] : [])])).toString();
  const map = new Map<string, string>();
  for (const line of out.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) map.set(line.slice(space + 1), line.slice(0, space));
  }
  return map;
}

/** The symbolic HEAD's branch (the default branch). */
export async function headBranch(dir: string): Promise<string> {
  return (await git(dir, ['symbolic-ref', '--short', 'HEAD'])).toString().trim();
}

/** The commit a specifier (full id, branch, tag) names, or undefined. The caller validates its shape. */
export async function resolveCommit(dir: string, spec: string): Promise<string | undefined> {
  try {
    return (await git(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${spec}^{commit}`])).toString().trim();
  } catch {
    return undefined;
  }
}

export async function objectType(dir: string, id: string): Promise<string | undefined> {
  try {
    return (await git(dir, ['cat-file', '-t', '--end-of-options', id])).toString().trim();
  } catch {
    return undefined;
  }
}

export interface Person {
  name: string;
  email: string;
  date: string;
}

export interface CommitObject {
  tree: string;
  parents: string[];
  author: Person;
  committer: Person;
  message: string;
}

export async function readCommit(dir: string, id: string): Promise<CommitObject> {
  const text = (await git(dir, ['cat-file', 'commit', id])).toString();
  const end = text.indexOf('\n\n');
  const head = text.slice(0, end < 0 ? text.length : end).split('\n');
  const field = (name: string) => head.filter((l) => l.startsWith(`${name} `)).map((l) => l.slice(name.length + 1));
  const person = (value = ''): Person => {
    const m = value.match(/^(.*) <([^>]*)> (\d+ [+-]\d{4})$/);
    return m ? { name: m[1], email: m[2], date: m[3] } : { name: value, email: '', date: '' };
  };
  return {
    tree: field('tree')[0],
    parents: field('parent'),
    author: person(field('author')[0]),
    committer: person(field('committer')[0]),
    message: end < 0 ? '' : text.slice(end + 2),
  };
}

export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  id: string;
  size?: number;
  path: string;
}

/** The entries of the tree at `treeish` (e.g. `<commit>:<folder>`), with blob sizes. */
export async function listTree(dir: string, treeish: string): Promise<TreeEntry[]> {
  const out = (await git(dir, ['ls-tree', '-z', '-l', '--end-of-options', treeish])).toString();
  return out.split('\0').filter(Boolean).map(treeEntry);
}

/** One `ls-tree -l` line: `<mode> <type> <id> <size>\t<path>`. */
function treeEntry(line: string): TreeEntry {
  const tab = line.indexOf('\t');
  const [mode, type, id, size] = line.slice(0, tab).split(/\s+/);
  return { mode, type: type as TreeEntry['type'], id, size: size === '-' ? undefined : Number(size), path: line.slice(tab + 1) };
}

/** The entry at `path` in a commit's tree, or undefined. `path` is already normalised (no leading /). */
export async function entryAt(dir: string, commit: string, path: string): Promise<TreeEntry | undefined> {
  if (path === '') return undefined;
  const out = (await git(dir, ['ls-tree', '-z', '-l', '--full-tree', '--end-of-options', commit, '--', path])).toString();
  const line = out.split('\0').find(Boolean);
  const entry = line === undefined ? undefined : treeEntry(line);
  return entry?.path === path ? entry : undefined;
}

export async function readBlob(dir: string, id: string): Promise<Buffer> {
  return git(dir, ['cat-file', 'blob', id]);
}

export interface TreeChange {
  status: 'A' | 'M' | 'D';
  oldMode: string;
  newMode: string;
  oldId: string;
  newId: string;
  path: string;
}

/** Git's empty tree, which every repository knows without storing it. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** What changed between two trees (`before` undefined: the empty tree), file by file, renames not paired. */
export async function diffTrees(dir: string, before: string | undefined, after: string): Promise<TreeChange[]> {
  const parts = (await git(dir, ['diff-tree', '-r', '-z', '--no-renames', before ?? EMPTY_TREE, after])).toString().split('\0');
  const changes: TreeChange[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const m = parts[i].match(/^:(\d+) (\d+) ([0-9a-f]+) ([0-9a-f]+) ([AMDT])/);
    if (m)
      changes.push({
        oldMode: m[1],
        newMode: m[2],
        oldId: m[3],
        newId: m[4],
        status: m[5] === 'T' ? 'M' : (m[5] as TreeChange['status']),
        path: parts[i + 1],
      });
  }
  return changes;
}

/** Streams `git archive` of a commit's tree (zip or tar) into `sink`. */
export async function archive(dir: string, commit: string, format: 'zip' | 'tar', sink: NodeJS.WritableStream): Promise<void> {
  const child = spawn('git', [`--git-dir=${dir}`, 'archive', `--format=${format}`, '--end-of-options', commit], {
    env: GIT_ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  await pipeline(child.stdout, sink);
  const code = await exited;
  if (code !== 0) throw new GitError(`git archive: ${stderr.trim() || `exit ${code}`}`);
}

/** Writes a commit's tree as a zip file at `file` (written beside it, then renamed). */
export async function writeZip(dir: string, commit: string, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${uuid()}.tmp`;
  try {
    await archive(dir, commit, 'zip', createWriteStream(tmp));
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Writes a commit's tree into `target` (created if missing) through git archive and tar. */
export async function extractTree(dir: string, commit: string, target: string): Promise<void> {
  mkdirSync(target, { recursive: true });
  const tar = spawn('tar', ['-x', '-f', '-', '-C', target], { stdio: ['pipe', 'ignore', 'pipe'] });
  const done = new Promise<number | null>((resolve, reject) => {
    tar.once('error', reject);
    tar.once('close', resolve);
  });
  await archive(dir, commit, 'tar', tar.stdin);
  const code = await done;
  if (code !== 0) throw new GitError(`tar exited ${code} while writing ${target}`);
}
