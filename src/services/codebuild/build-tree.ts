/**
 * @module services/codebuild/build-tree
 * Reading on the host what a build left in its own tree (source, state): every path is resolved
 * with the links in it, and anything that resolves outside the tree's root is treated as absent.
 * A build controls every name and link under its tree, so a link to `/` or to a file of the host
 * must never be followed out of it. The roots themselves are made by Slipway and mounted into the
 * build container, which cannot replace them.
 */
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

/** The real path of `path` (relative to `root`, or absolute) when it exists and stays inside `root` (the root itself included). */
export async function resolveInside(root: string, path = ''): Promise<string | undefined> {
  const top = await realpath(root).catch(() => undefined);
  if (!top) return undefined;
  const real = await realpath(resolve(top, path)).catch(() => undefined);
  if (!real) return undefined;
  return real === top || real.startsWith(top + sep) ? real : undefined;
}

/** A regular file's text, read only when its path resolves inside `root`; undefined otherwise. */
export async function readFileInside(root: string, relative: string): Promise<string | undefined> {
  const real = await resolveInside(root, relative);
  if (!real) return undefined;
  // The resolved path has no links left; O_NOFOLLOW refuses one put there since.
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => undefined);
  if (!handle) return undefined;
  try {
    if (!(await handle.stat()).isFile()) return undefined;
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
