/**
 * @module services/codebuild/zip
 * A small zip writer for build artifacts (CodeBuild uploads them zipped; CodePipeline hands zips
 * on): deflated entries, fixed timestamps, so the same files give the same bytes. No zip64, so
 * an artifact stays under 4 GiB.
 */
import { createHash } from 'node:crypto';
import { open, readFile, readlink } from 'node:fs/promises';
import { crc32, deflateRawSync } from 'node:zlib';

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
