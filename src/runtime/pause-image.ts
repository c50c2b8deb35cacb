/**
 * @module runtime/pause-image
 * The pause image, made here rather than pulled: no registry may be reachable, and the image only
 * has to hold an awsvpc task's network namespace open while the task's containers join it.
 * The root filesystem is one static ELF executable, `/pause`, that loops on a blocking syscall.
 */
import { tarArchive } from './tar.ts';

export const PAUSE_IMAGE = 'slipway/pause:1';

/** Machine code for "forever: block until a signal arrives", per engine architecture. */
const LOOPS: Record<string, { machine: number; code: number[] }> = {
  // x86_64: mov eax, 34 (pause); syscall; jmp back to the mov.
  x86_64: { machine: 62, code: [0xb8, 0x22, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xeb, 0xf7] },
  // aarch64 has no pause(): x0..x4 = 0; x8 = 73 (ppoll(NULL, 0, NULL, NULL, 0)); svc #0; b back.
  aarch64: {
    machine: 183,
    code: [0xd2800000, 0xd2800001, 0xd2800002, 0xd2800003, 0xd2800004, 0xd2800928, 0xd4000001, 0x17fffff9].flatMap((word) => [
      word & 0xff,
      (word >>> 8) & 0xff,
      (word >>> 16) & 0xff,
      word >>> 24,
    ]),
  },
};

/** Engine architecture names (Docker reports uname -m) to the keys above. */
function normaliseArch(arch: string): string {
  if (arch === 'amd64') return 'x86_64';
  if (arch === 'arm64') return 'aarch64';
  return arch;
}

export function pauseArchSupported(arch: string): boolean {
  return normaliseArch(arch) in LOOPS;
}

/**
 * A minimal ELF64 little-endian executable: file header, one PT_LOAD program header mapping the
 * whole file read+execute at 0x400000, then the code. No sections, no libc, no dynamic loader.
 */
export function pauseElf(arch: string): Buffer {
  const loop = LOOPS[normaliseArch(arch)];
  if (!loop) throw new Error(`no pause binary for architecture ${arch}`);
  const EH = 64;
  const PH = 56;
  const base = 0x400000n;
  const size = EH + PH + loop.code.length;
  const elf = Buffer.alloc(size);
  elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0); // magic, 64-bit, little-endian, version, SysV ABI
  elf.writeUInt16LE(2, 16); // e_type: EXEC
  elf.writeUInt16LE(loop.machine, 18);
  elf.writeUInt32LE(1, 20); // e_version
  elf.writeBigUInt64LE(base + BigInt(EH + PH), 24); // e_entry: first code byte
  elf.writeBigUInt64LE(BigInt(EH), 32); // e_phoff
  elf.writeBigUInt64LE(0n, 40); // e_shoff: no section headers
  elf.writeUInt32LE(0, 48); // e_flags
  elf.writeUInt16LE(EH, 52); // e_ehsize
  elf.writeUInt16LE(PH, 54); // e_phentsize
  elf.writeUInt16LE(1, 56); // e_phnum
  elf.writeUInt16LE(0, 58); // e_shentsize
  elf.writeUInt16LE(0, 60); // e_shnum
  elf.writeUInt16LE(0, 62); // e_shstrndx
  // Program header: PT_LOAD, flags R+X, offset 0, vaddr = paddr = base, filesz = memsz = size.
  elf.writeUInt32LE(1, EH);
  elf.writeUInt32LE(5, EH + 4);
  elf.writeBigUInt64LE(0n, EH + 8);
  elf.writeBigUInt64LE(base, EH + 16);
  elf.writeBigUInt64LE(base, EH + 24);
  elf.writeBigUInt64LE(BigInt(size), EH + 32);
  elf.writeBigUInt64LE(BigInt(size), EH + 40);
  elf.writeBigUInt64LE(0x1000n, EH + 48); // p_align
  elf.set(loop.code, EH + PH);
  return elf;
}

/** Root filesystem tar for `docker import`: just `/pause`, executable. */
export function pauseRootfs(arch: string): Buffer {
  return tarArchive([{ path: 'pause', data: pauseElf(arch), mode: 0o755 }]);
}

/**
 * Fallback root filesystem when no pause binary exists for the architecture: the host's static
 * busybox (Debian's busybox-static) sleeping for the longest time it accepts.
 */
export function busyboxRootfs(busybox: Buffer): Buffer {
  return tarArchive([{ path: 'busybox', data: busybox, mode: 0o755 }]);
}
export const BUSYBOX_PAUSE_CMD = ['/busybox', 'sleep', '2147483647'];

/** True for a 64-bit little-endian ELF executable with no PT_INTERP (no dynamic loader needed). */
export function isStaticElf(file: Buffer): boolean {
  if (file.length < 64 || file.readUInt32BE(0) !== 0x7f454c46 || file[4] !== 2 || file[5] !== 1) return false;
  const phoff = Number(file.readBigUInt64LE(32));
  const phentsize = file.readUInt16LE(54);
  const phnum = file.readUInt16LE(56);
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (at + 4 > file.length) return false;
    if (file.readUInt32LE(at) === 3) return false; // PT_INTERP
  }
  return true;
}
