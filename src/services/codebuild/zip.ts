/**
 * @module services/codebuild/zip
 * A small zip writer for build artifacts (CodeBuild uploads them zipped; CodePipeline hands zips
 * on): deflated entries, fixed timestamps, so the same files give the same bytes. No zip64, so
 * an artifact stays under 4 GiB. And a reader of one file of an archive (zip64 too), for the
 * actions that need one file of an artifact (imagedefinitions.json, taskdef.json) and would
 * otherwise unpack all of it with a child process on the way to a deployment.
 */
import { createHash } from 'node:crypto';
import { open, readFile, readlink, type FileHandle } from 'node:fs/promises';
import { posix } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, '/' separated. */
  name: string;
  absolute: string;
  symlink?: boolean;
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (1 << 5) | 1; // 1980-01-01

/** Writes the archive to `file`; returns its sha256 and md5 (hex). */
export async function writeZip(file: string, entries: ZipEntry[]): Promise<{ sha256: string; md5: string; size: number }> {
  const handle = await open(file, 'w');
  const sha = createHash('sha256');
  const md5 = createHash('md5');
  let offset = 0;
  const central: Buffer[] = [];
  const write = async (buf: Buffer) => {
    await handle.write(buf);
    sha.update(buf);
    md5.update(buf);
    offset += buf.length;
  };
  try {
    for (const entry of entries) {
      const data = entry.symlink ? Buffer.from(await readlink(entry.absolute)) : await readFile(entry.absolute);
      const deflated = deflateRawSync(data);
      const stored = deflated.length >= data.length;
      const body = stored ? data : deflated;
      const name = Buffer.from(entry.name, 'utf8');
      const crc = crc32(data);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6); // UTF-8 names
      local.writeUInt16LE(stored ? 0 : 8, 8);
      local.writeUInt16LE(DOS_TIME, 10);
      local.writeUInt16LE(DOS_DATE, 12);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(data.length, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(0, 28);
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode below is read
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(0x0800, 8);
      header.writeUInt16LE(stored ? 0 : 8, 10);
      header.writeUInt16LE(DOS_TIME, 12);
      header.writeUInt16LE(DOS_DATE, 14);
      header.writeUInt32LE(crc, 16);
      header.writeUInt32LE(body.length, 20);
      header.writeUInt32LE(data.length, 24);
      header.writeUInt16LE(name.length, 28);
      header.writeUInt32LE(((entry.symlink ? 0o120777 : 0o100644) << 16) >>> 0, 38);
      header.writeUInt32LE(offset, 42);
      central.push(header, name);
      await write(Buffer.concat([local, name, body]));
    }
    const dir = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(dir.length, 12);
    end.writeUInt32LE(offset, 16);
    await write(Buffer.concat([dir, end]));
  } finally {
    await handle.close();
  }
  return { sha256: sha.digest('hex'), md5: md5.digest('hex'), size: offset };
}

/** Bytes that are not a zip archive this reader can read. */
export class ZipFormatError extends Error {}

export type ZipFile = { kind: 'found'; data: Buffer } | { kind: 'missing' } | { kind: 'too-large'; size: number };

interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  /** Unix mode bits, when the archive was made on Unix; else 0. */
  mode: number;
}

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
/** Links followed inside an archive before the name counts as absent (a loop). */
const MAX_LINKS = 16;
/** A link's target longer than a path can be (PATH_MAX) names nothing. */
const MAX_LINK_BYTES = 4096;

/**
 * The file at `path` in the zip archive `file`, as unzip would unpack it and a reader confined to
 * the unpacked folder would find it: a symbolic link is followed only while it stays inside the
 * archive, a name leading out of it (`..`, absolute) is absent, and of entries of the same name the
 * last counts. One larger than `maxBytes` is not read.
 */
export async function readZipFile(file: string, path: string, maxBytes: number): Promise<ZipFile> {
  const handle = await open(file, 'r');
  try {
    const archive: Archive = { handle, size: (await handle.stat()).size };
    const entries = new Map<string, CentralEntry>();
    for (const entry of await centralDirectory(archive)) {
      const name = inside(entry.name);
      if (name !== undefined) entries.set(name, entry);
    }
    let wanted = inside(path);
    for (let links = 0; wanted !== undefined && links <= MAX_LINKS; links++) {
      const entry = entries.get(wanted);
      if (!entry || entry.name.endsWith('/') || (entry.mode & S_IFMT) === S_IFDIR) return { kind: 'missing' };
      if ((entry.mode & S_IFMT) === S_IFLNK) {
        if (entry.size > MAX_LINK_BYTES) return { kind: 'missing' };
        const target = (await entryData(archive, entry)).toString('utf8');
        wanted = target.startsWith('/') ? undefined : inside(posix.join(posix.dirname(wanted), target));
        continue;
      }
      if (entry.size > maxBytes) return { kind: 'too-large', size: entry.size };
      return { kind: 'found', data: await entryData(archive, entry) };
    }
    return { kind: 'missing' };
  } finally {
    await handle.close();
  }
}

/** The name relative to the archive's root, or undefined when it leads out of it. */
function inside(name: string): string | undefined {
  const normal = posix.normalize(name.replace(/\/+$/, ''));
  if (normal.startsWith('/') || normal === '..' || normal.startsWith('../')) return undefined;
  return normal === '.' ? '' : normal;
}

/** An open archive and its size: what its own offsets and lengths may point at. */
interface Archive {
  handle: FileHandle;
  size: number;
}

/** `length` bytes at `position`, refused before any allocation when the archive does not hold them (its fields are the archive maker's). */
async function readAt({ handle, size }: Archive, position: number, length: number): Promise<Buffer> {
  if (position < 0 || length < 0 || position + length > size) throw new ZipFormatError('the archive is cut short');
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new ZipFormatError('the archive is cut short');
  return buffer;
}

async function centralDirectory(archive: Archive): Promise<CentralEntry[]> {
  const { size } = archive;
  const tail = await readAt(archive, Math.max(0, size - 22 - 0xffff), Math.min(size, 22 + 0xffff));
  let end = -1;
  for (let i = tail.length - 22; i >= 0 && end < 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) end = i;
  if (end < 0) throw new ZipFormatError('End-of-central-directory signature not found');
  let count = tail.readUInt16LE(end + 10);
  let length = tail.readUInt32LE(end + 12);
  let offset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || length === 0xffffffff || offset === 0xffffffff) {
    // zip64: a locator just before the end record points at the zip64 end record.
    if (end < 20 || tail.readUInt32LE(end - 20) !== 0x07064b50)
      throw new ZipFormatError('zip64 end-of-central-directory locator not found');
    const record = await readAt(archive, Number(tail.readBigUInt64LE(end - 12)), 56);
    if (record.readUInt32LE(0) !== 0x06064b50) throw new ZipFormatError('zip64 end-of-central-directory record not found');
    count = Number(record.readBigUInt64LE(32));
    length = Number(record.readBigUInt64LE(40));
    offset = Number(record.readBigUInt64LE(48));
  }
  const dir = await readAt(archive, offset, length);
  const entries: CentralEntry[] = [];
  for (let at = 0, i = 0; i < count; i++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) throw new ZipFormatError('bad central directory entry');
    const nameLength = dir.readUInt16LE(at + 28);
    const extraLength = dir.readUInt16LE(at + 30);
    const entry: CentralEntry = {
      name: dir.toString('utf8', at + 46, at + 46 + nameLength),
      flags: dir.readUInt16LE(at + 8),
      method: dir.readUInt16LE(at + 10),
      crc: dir.readUInt32LE(at + 16),
      compressed: dir.readUInt32LE(at + 20),
      size: dir.readUInt32LE(at + 24),
      offset: dir.readUInt32LE(at + 42),
      mode: dir.readUInt8(at + 5) === 3 ? dir.readUInt32LE(at + 38) >>> 16 : 0,
    };
    zip64Sizes(entry, dir.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + dir.readUInt16LE(at + 32);
  }
  return entries;
}

/** The zip64 extra field (0x0001) holds, in this order, each of these that the entry marks 0xffffffff. */
function zip64Sizes(entry: CentralEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) !== 0x0001) continue;
    let field = at + 4;
    const next = () => {
      const value = Number(extra.readBigUInt64LE(field));
      field += 8;
      return value;
    };
    if (entry.size === 0xffffffff) entry.size = next();
    if (entry.compressed === 0xffffffff) entry.compressed = next();
    if (entry.offset === 0xffffffff) entry.offset = next();
  }
}

async function entryData(archive: Archive, entry: CentralEntry): Promise<Buffer> {
  if (entry.flags & 1) throw new ZipFormatError(`${entry.name} is encrypted`);
  const local = await readAt(archive, entry.offset, 30);
  if (local.readUInt32LE(0) !== 0x04034b50) throw new ZipFormatError(`bad local header for ${entry.name}`);
  const raw = await readAt(archive, entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28), entry.compressed);
  let data: Buffer;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) data = inflate(raw, entry);
  else throw new ZipFormatError(`${entry.name}: compression method ${entry.method} is not supported`);
  if (data.length !== entry.size || crc32(data) >>> 0 !== entry.crc) throw new ZipFormatError(`${entry.name}: bad CRC or size`);
  return data;
}

function inflate(raw: Buffer, entry: CentralEntry): Buffer {
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
  } catch (err) {
    throw new ZipFormatError(`${entry.name}: ${(err as Error).message}`);
  }
}
