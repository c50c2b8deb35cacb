/**
 * @module services/codebuild/glob
 * The path patterns of buildspec artifacts, reports and exclude-paths: `**` crosses directories,
 * `*` and `?` stay within one, everything else is literal. Patterns match file paths relative to
 * a base directory; dotfiles match like any other file. A pattern naming a directory takes the
 * files under it. Symbolic links are listed, not followed.
 */
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export function globToRegExp(pattern: string): RegExp {
  const p = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*' && p[i + 1] === '*') {
      const slash = p[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A pattern also takes everything under a directory it names.
  return new RegExp(`^${out}(?:/.*)?$`);
}

export interface FoundFile {
  /** Relative to the base directory, with '/' separators. */
  path: string;
  absolute: string;
  symlink: boolean;
}

/** Every file (and symbolic link) under `base`, depth first, sorted by path. */
export async function walk(base: string, prefix = ''): Promise<FoundFile[]> {
  let entries;
  try {
    entries = await readdir(join(base, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: FoundFile[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(base, path)));
    else if (entry.isFile() || entry.isSymbolicLink()) out.push({ path, absolute: join(base, path), symlink: entry.isSymbolicLink() });
  }
  return out;
}

/** The files under `base` that match any of `patterns` and none of `exclude`. */
export async function matchFiles(base: string, patterns: string[], exclude: string[] = []): Promise<FoundFile[]> {
  if (
    !(await lstat(base).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    return [];
  const wanted = patterns.map(globToRegExp);
  const unwanted = exclude.map(globToRegExp);
  return (await walk(base)).filter((f) => wanted.some((r) => r.test(f.path)) && !unwanted.some((r) => r.test(f.path)));
}
