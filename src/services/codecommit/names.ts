/**
 * @module services/codecommit/names
 * The names a caller hands the read API that become git arguments or tree paths: branch names,
 * commit specifiers and file paths. Each is checked before git sees it; none may start with '-'.
 */
import { codecommitError } from './errors.ts';
import { git, resolveCommit } from './git.ts';

const CONTROL = /[\0-\x1f\x7f]/;

/** A branch name git accepts as refs/heads/<name> (git check-ref-format decides). */
export async function checkBranchName(dir: string, name: string): Promise<void> {
  if (name.startsWith('-') || CONTROL.test(name)) throw codecommitError.invalidBranchName(name);
  try {
    await git(dir, ['check-ref-format', `refs/heads/${name}`]);
  } catch {
    throw codecommitError.invalidBranchName(name);
  }
}

export function isCommitId(value: string): boolean {
  return /^[0-9a-f]{40}$/.test(value);
}

/** A commit id, branch or tag: no revision syntax (`..`, `^`, `~`, `:`, `@{`), nothing an option could be. */
function isSpecifier(spec: string): boolean {
  return spec.length > 0 && spec.length <= 256 && !spec.startsWith('-') && !CONTROL.test(spec) && !/\.\.|[\^~:\\?*[\s]|@\{/.test(spec);
}

/** The commit a specifier names; `field` is the member the caller set. */
export async function commitOf(dir: string, field: string, spec: string): Promise<string> {
  if (!isSpecifier(spec)) throw codecommitError.invalidCommit(field, spec);
  const id = await resolveCommit(dir, spec);
  if (!id) throw codecommitError.commitNotFound(field, spec);
  return id;
}

/**
 * A path inside a tree, without leading or trailing '/': '' is the root. Refused: '.' or '..'
 * segments, empty segments, control characters.
 */
export function treePath(field: string, path: string): string {
  const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
  if (trimmed === '') return '';
  const segments = trimmed.split('/');
  if (CONTROL.test(trimmed) || segments.some((s) => s === '' || s === '.' || s === '..')) throw codecommitError.invalidPath(field, path);
  return trimmed;
}
