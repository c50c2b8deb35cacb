/**
 * What tests of a Slipway that requires signatures (--auth) share: the administrator's key, read
 * from the shared-credentials file the first start wrote.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function adminCredentials(dataDir: string): Credentials {
  const text = readFileSync(join(dataDir, 'credentials'), 'utf8');
  const field = (name: string) => text.match(new RegExp(`^${name} = (.+)$`, 'm'))![1];
  return { accessKeyId: field('aws_access_key_id'), secretAccessKey: field('aws_secret_access_key') };
}
