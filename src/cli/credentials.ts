/**
 * @module cli/credentials
 * The key `slipway logs`, `status` and `pipeline follow` sign with, found where the aws CLI looks:
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), else the profile AWS_PROFILE
 * (or `default`) of the shared-credentials file (AWS_SHARED_CREDENTIALS_FILE, or ~/.aws/credentials),
 * which is what `slipway start` tells users to export. No key: the request goes unsigned, which a
 * Slipway that does not require signatures takes.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { SigningKey } from '../server/auth/sign.ts';

export function cliKey(env: NodeJS.ProcessEnv = process.env): SigningKey | undefined {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY)
    return { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN };
  let text: string;
  try {
    text = readFileSync(env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), '.aws', 'credentials'), 'utf8');
  } catch {
    return undefined;
  }
  const profile = profileOf(text, env.AWS_PROFILE ?? 'default');
  const accessKeyId = profile.get('aws_access_key_id');
  const secretAccessKey = profile.get('aws_secret_access_key');
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey, sessionToken: profile.get('aws_session_token') };
}

/** The `key = value` lines of the INI section `[name]`. */
function profileOf(text: string, name: string): Map<string, string> {
  const fields = new Map<string, string>();
  let inside = false;
  for (const line of text.split(/\r?\n/)) {
    const section = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (section) inside = section[1].trim() === name;
    else if (inside) {
      const field = /^\s*([\w-]+)\s*=\s*(.*?)\s*$/.exec(line);
      if (field) fields.set(field[1], field[2]);
    }
  }
  return fields;
}
