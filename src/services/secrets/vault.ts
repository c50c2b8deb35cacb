/**
 * @module services/secrets/vault
 * Encryption at rest for secret values and parameter values: AES-256-GCM under one 32-byte key
 * kept in <data-dir>/secrets.key, an owner-only (0600) file made on first use. The database holds
 * only sealed text. Each value is sealed with what it belongs to (a secret version, a parameter
 * version) as associated data, so a sealed value copied onto another record does not open.
 *
 * Sealed text: `v1:` then base64 of iv (12 bytes) ‖ tag (16 bytes) ‖ ciphertext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { tighten } from '../../core/files.ts';
import { logger } from '../../core/log.ts';

const log = logger('secrets');
const PREFIX = 'v1:';
export const KEY_FILE = 'secrets.key';

/** A sealed value that does not open: the key is not the one it was sealed with, or the text was altered. */
export class UnsealError extends Error {
  constructor() {
    super('the value does not open with the key in the data directory');
    this.name = 'UnsealError';
  }
}

export class Vault {
  private key?: Buffer;

  /** `dataDir` ':memory:' keeps the key in memory only (tests). */
  constructor(private readonly dataDir: string) {}

  get keyFile(): string | undefined {
    return this.dataDir === ':memory:' ? undefined : join(this.dataDir, KEY_FILE);
  }

  seal(plain: Buffer, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyBytes(), iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(sealed: string, context: string): Buffer {
    if (!sealed.startsWith(PREFIX)) throw new UnsealError();
    const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.keyBytes(), raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
    } catch {
      throw new UnsealError();
    }
  }

  /** The key, read from its file, or made and written there (0600 from the first byte) when there is none. */
  private keyBytes(): Buffer {
    if (this.key) return this.key;
    const file = this.keyFile;
    if (!file) return (this.key = randomBytes(32));
    try {
      const fd = openSync(file, 'wx', 0o600);
      const key = randomBytes(32);
      try {
        writeSync(fd, key);
      } finally {
        closeSync(fd);
      }
      log.info(`made the encryption key for secret values, ${file}`);
      return (this.key = key);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const widened = tighten(file, 0o600);
    if (widened)
      log.warn(`${file} was readable by others (mode ${widened.from.toString(8)}); now 600, as it is the key to every secret value`);
    const key = readFileSync(file);
    if (key.length !== 32) throw new Error(`${file} holds ${key.length} bytes, not a 32-byte key; restore it from a backup`);
    return (this.key = key);
  }
}
