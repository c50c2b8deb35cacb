/**
 * @module server/auth/git
 * Who is pushing or pulling over HTTP(S) git, from its Basic credentials: an IAM user's
 * service-specific credential for CodeCommit (`<user>-at-<account>` and its password), or
 * git-remote-codecommit's SigV4 password (user name the access key, `%<session token>` after it
 * for a session; password the signing time, `Z`, and a signature over `GIT <path>` for the host,
 * scoped to the repository's region and `codecommit`). Slipway's own git host, which plays
 * GitHub, also takes an access key's secret as the password, as GitHub takes a token.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sameSecret } from '../../core/secret.ts';
import type { IamFacade, KeyPrincipal } from '../../services/iam/index.ts';
import { ALGORITHM, sha256Hex, signingKeyFor } from './sigv4.ts';

const SKEW_MS = 15 * 60_000;

export interface GitRequest {
  host: string;
  path: string;
  region: string;
  /** Whether the secret access key itself is a valid password (Slipway's own git host only; CodeCommit never takes it). */
  secretKeyPassword?: boolean;
}

/** The caller named by `authorization`, or undefined when its credentials are not valid. */
export function gitCaller(iam: IamFacade, now: number, authorization: string | undefined, request: GitRequest): KeyPrincipal | undefined {
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '');
  if (!basic) return undefined;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const service = iam.userOfServiceCredential(user, password);
  if (service) return { ...service, accessKeyId: '', type: 'user', userId: '', secret: '', active: true };

  const who = keyHolder(iam, now, user);
  if (!who) return undefined;
  if (request.secretKeyPassword && sameSecret(password, who.secret)) return who;
  const signed = /^(\d{8}T\d{6})Z([0-9a-f]{64})$/.exec(password);
  if (!signed) return undefined;
  const stamp = signed[1];
  const at = Date.UTC(
    +stamp.slice(0, 4),
    +stamp.slice(4, 6) - 1,
    +stamp.slice(6, 8),
    +stamp.slice(9, 11),
    +stamp.slice(11, 13),
    +stamp.slice(13, 15),
  );
  if (Math.abs(now - at) > SKEW_MS) return undefined;
  const scope = `${stamp.slice(0, 8)}/${request.region}/codecommit/aws4_request`;
  const canonical = `GIT\n${request.path}\n\nhost:${request.host}\n\nhost\n`;
  const toSign = `${ALGORITHM}\n${stamp}\n${scope}\n${sha256Hex(canonical)}`;
  const expected = createHmac('sha256', signingKeyFor(who.secret, stamp.slice(0, 8), request.region, 'codecommit'))
    .update(toSign)
    .digest();
  return timingSafeEqual(expected, Buffer.from(signed[2], 'hex')) ? who : undefined;
}

/** The holder of the key a git user name names (`<access key>` or `<access key>%<session token>`), when the key is good now. */
function keyHolder(iam: IamFacade, now: number, user: string): KeyPrincipal | undefined {
  const [accessKeyId, token] = user.split('%');
  const who = iam.principalOfAccessKey(accessKeyId);
  if (!who?.active) return undefined;
  if (who.sessionToken !== undefined && token !== who.sessionToken) return undefined;
  if (who.expiration !== undefined && who.expiration <= now) return undefined;
  return who;
}
