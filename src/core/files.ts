/**
 * @module core/files
 * Writing a file so that a reader (another process, or Slipway after a crash) sees the old content
 * or the new, never half of it.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes beside `path`, then renames over it; `mode` (e.g. 0o600 for keys) holds from the first byte. */
export function writeAtomic(path: string, content: string, mode = 0o644): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  rmSync(tmp, { force: true }); // a leftover would keep its own mode
  writeFileSync(tmp, content, { mode });
  renameSync(tmp, path);
}
