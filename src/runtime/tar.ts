/**
 * @module runtime/tar
 * A minimal ustar writer for the few in-memory archives the runtime sends to the engine (the pause
 * image's root filesystem, test build contexts). Regular files and symlinks only; paths < 100 bytes.
 */
export interface TarEntry {
  path: string;
  /** File content; absent for a symlink. */
  data?: Buffer;
  /** Symlink target; makes the entry a symlink. */
  linkTarget?: string;
  mode?: number;
}

const BLOCK = 512;

/** Writes `value` as a NUL-terminated octal field of `width` bytes. */
function octal(header: Buffer, offset: number, width: number, value: number): void {
  header.write(`${value.toString(8).padStart(width - 1, '0')}\0`, offset, width, 'ascii');
}

function headerFor(entry: TarEntry): Buffer {
  if (Buffer.byteLength(entry.path) >= 100) throw new Error(`tar path too long: ${entry.path}`);
  const h = Buffer.alloc(BLOCK);
  const isLink = entry.linkTarget !== undefined;
  h.write(entry.path, 0, 100, 'utf8');
  octal(h, 100, 8, entry.mode ?? (isLink ? 0o777 : 0o644));
  octal(h, 108, 8, 0); // uid
  octal(h, 116, 8, 0); // gid
  octal(h, 124, 12, isLink ? 0 : (entry.data?.length ?? 0));
  octal(h, 136, 12, 0); // mtime: fixed, so the same input gives the same image layer
  h.write(isLink ? '2' : '0', 156, 1, 'ascii');
  if (isLink) h.write(entry.linkTarget!, 157, 100, 'utf8');
  h.write('ustar\0' + '00', 257, 8, 'ascii');
  h.fill(' ', 148, 156); // checksum is computed with its own field as spaces
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return h;
}

/** The whole archive in one buffer, ending with the two zero blocks tar requires. */
export function tarArchive(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    parts.push(headerFor(entry));
    if (entry.linkTarget === undefined && entry.data && entry.data.length > 0) {
      parts.push(entry.data);
      const pad = (BLOCK - (entry.data.length % BLOCK)) % BLOCK;
      if (pad) parts.push(Buffer.alloc(pad));
    }
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}
