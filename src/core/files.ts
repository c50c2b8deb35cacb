/**
 * @module core/files
 * Writing a file so that a reader (another process, or Slipway after a crash) sees the old content
 * or the new, never half of it; and keeping what holds secrets readable by its owner only.
 */
import { chmodSync, closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes beside `path`, then renames over it; `mode` (e.g. 0o600 for keys) holds from the first byte. */
export function writeAtomic(path: string, content: string, mode = 0o644): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  rmSync(tmp, { force: true }); // a leftover would keep its own mode
  writeFileSync(tmp, content, { mode });
  renameSync(tmp, path);
}

/** What `ownerOnly*` did to a path that already existed with wider permissions. */
export interface Tightened {
  path: string;
  from: number;
  to: number;
}

/**
 * Creates `dir` (and missing parents) as 0700, or takes group and other access away from an
 * existing one. A sticky directory (/tmp and the like) is shared by design and is left alone.
 */
export function ownerOnlyDir(dir: string): Tightened | undefined {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (statSync(dir).mode & 0o1000) return undefined;
  return tighten(dir, 0o700);
}

/** Creates `path` empty as 0600 when it is missing, or tightens an existing file to 0600. */
export function ownerOnlyFile(path: string): Tightened | undefined {
  closeSync(openSync(path, 'a', 0o600));
  return tighten(path, 0o600);
}

/** Tightens `path` to `mode` if it exists with any bit beyond it. */
export function tighten(path: string, mode: number): Tightened | undefined {
  const current = statSync(path, { throwIfNoEntry: false });
  if (!current || (current.mode & 0o777 & ~mode) === 0) return undefined;
  chmodSync(path, mode);
  return { path, from: current.mode & 0o777, to: mode };
}
