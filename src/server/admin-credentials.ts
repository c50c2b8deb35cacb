/**
 * @module server/admin-credentials
 * When signatures are required, someone must hold a first key: the first such start creates the
 * IAM user `slipway-admin` with AdministratorAccess and an access key, and writes it, owner-only,
 * as the AWS shared-credentials file `<data-dir>/credentials` (profile `slipway-admin`). Later
 * starts find the file and create nothing; the key is shown once, by the start that made it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uuid } from '../core/ids.ts';
import type { ApiService, RequestContext } from '../protocol/types.ts';
import type { IamFacade, KeyPrincipal } from '../services/iam/index.ts';

export const ADMIN_USER = 'slipway-admin';
const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';

export interface AdminKey {
  accessKeyId: string;
  secretAccessKey: string;
  /** The shared-credentials file it was written to. */
  file: string;
}

/** The key made by this start, or undefined when the credentials file was there already. */
export async function ensureAdminKey(
  iam: ApiService,
  opts: { dataDir: string; account: string; region: string },
): Promise<AdminKey | undefined> {
  const file = join(opts.dataDir, 'credentials');
  if (existsSync(file)) return undefined;
  const ctx: RequestContext = { region: opts.region, account: opts.account, requestId: uuid(), endpoint: '' };
  const call = (operation: string, input: Record<string, unknown>) => iam.handlers[operation]!(input, ctx) as Promise<unknown> | unknown;
  const known = (await call('ListUsers', {})) as { Users: { UserName: string }[] };
  if (!known.Users.some((u) => u.UserName === ADMIN_USER)) await call('CreateUser', { UserName: ADMIN_USER });
  await call('AttachUserPolicy', { UserName: ADMIN_USER, PolicyArn: ADMINISTRATOR_ACCESS });
  const { AccessKey: key } = (await call('CreateAccessKey', { UserName: ADMIN_USER })) as {
    AccessKey: { AccessKeyId: string; SecretAccessKey: string };
  };
  const text = `[${ADMIN_USER}]\naws_access_key_id = ${key.AccessKeyId}\naws_secret_access_key = ${key.SecretAccessKey}\n`;
  // 'wx': never over a file another start wrote meanwhile; 0600: the key is the owner's alone.
  writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  return { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey, file };
}

/** Who the administrator's key in `<data-dir>/credentials` is now (undefined once that key is gone): the web console acts as it. */
export function adminPrincipal(iam: IamFacade, dataDir: string): KeyPrincipal | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, 'credentials'), 'utf8');
  } catch {
    return undefined;
  }
  const keyId = /^aws_access_key_id\s*=\s*(\S+)$/m.exec(text)?.[1];
  return keyId ? iam.principalOfAccessKey(keyId) : undefined;
}
