/**
 * @module services/sts/web-identity
 * Verifying an OpenID Connect token (a JWT) as STS does for AssumeRoleWithWebIdentity: its issuer
 * must be an OIDC provider registered in IAM, its audience one of the provider's client ids, its
 * time current, and its RS256 or ES256 signature made by a key from the issuer's JWKS (found
 * through `<issuer>/.well-known/openid-configuration`). Issuers are https:// as IAM requires;
 * Slipway also reads http:// issuers on loopback, so that a machine without the internet can run
 * its own.
 */
import { createPublicKey, type JsonWebKey, verify } from 'node:crypto';
import { stsError } from './errors.ts';

export interface VerifiedToken {
  issuer: string;
  subject: string;
  audience: string;
  claims: Record<string, unknown>;
}

const FETCH_TIMEOUT_MS = 5000;
const ALGORITHMS: Record<string, { hash: string; ec: boolean }> = {
  RS256: { hash: 'sha256', ec: false },
  ES256: { hash: 'sha256', ec: true },
};

/** The token's parts, unverified: what tells which provider and key must verify it. */
export function readToken(token: string): {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signed: string;
  signature: Buffer;
} {
  const parts = token.split('.');
  if (parts.length !== 3)
    throw stsError.invalidToken('The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (typeof header !== 'object' || !header || typeof claims !== 'object' || !claims) throw new Error('not objects');
    return { header, claims, signed: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2], 'base64url') };
  } catch {
    throw stsError.invalidToken('The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
  }
}

/** The issuer URL a token names, as a provider is registered under it (scheme and trailing slash aside). */
export function issuerOf(claims: Record<string, unknown>): string {
  const iss = claims.iss;
  if (typeof iss !== 'string' || !/^https?:\/\//.test(iss)) throw stsError.invalidToken('The token has no valid iss (issuer) claim.');
  const url = new URL(iss);
  if (url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    throw stsError.invalidToken(`The issuer ${iss} must be an https:// URL.`);
  return iss.replace(/\/$/, '');
}

export async function verifyToken(token: string, clientIds: string[], now: number): Promise<VerifiedToken> {
  const { header, claims, signed, signature } = readToken(token);
  const issuer = issuerOf(claims);
  const alg = ALGORITHMS[String(header.alg)];
  if (!alg) throw stsError.invalidToken(`The token's signing algorithm ${String(header.alg)} is not supported; use RS256 or ES256.`);
  const audiences = Array.isArray(claims.aud) ? claims.aud.map(String) : [String(claims.aud)];
  const audience = audiences.find((a) => clientIds.includes(a));
  if (!audience) throw stsError.invalidToken('Incorrect token audience');
  if (typeof claims.exp !== 'number') throw stsError.invalidToken('The token has no exp (expiration) claim.');
  if (claims.exp * 1000 <= now)
    throw stsError.expiredToken(
      `Token expired: current date/time ${new Date(now).toISOString()} must be before the expiration date/time ${new Date(claims.exp * 1000).toISOString()}`,
    );
  if (typeof claims.nbf === 'number' && claims.nbf * 1000 > now + 300_000) throw stsError.invalidToken('The token is not valid yet (nbf).');
  const key = await signingKey(issuer, header.kid);
  let valid = false;
  try {
    valid = verify(alg.hash, Buffer.from(signed), alg.ec ? { key, dsaEncoding: 'ieee-p1363' } : key, signature);
  } catch {
    valid = false;
  }
  if (!valid) throw stsError.invalidToken("The token's signature is not valid for the issuer's keys.");
  if (typeof claims.sub !== 'string') throw stsError.invalidToken('The token has no sub (subject) claim.');
  return { issuer, subject: claims.sub, audience, claims };
}

async function getJson(url: string): Promise<Record<string, unknown>> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  } catch (err) {
    throw stsError.providerUnreachable(
      `Couldn't retrieve verification key from your identity provider (${url}: ${(err as Error).message})`,
    );
  }
}

async function signingKey(issuer: string, kid: unknown) {
  const config = await getJson(`${issuer}/.well-known/openid-configuration`);
  if (typeof config.jwks_uri !== 'string')
    throw stsError.providerUnreachable(`The identity provider's configuration names no jwks_uri (${issuer}).`);
  const jwks = await getJson(config.jwks_uri);
  const keys = Array.isArray(jwks.keys) ? (jwks.keys as JsonWebKey[]) : [];
  const jwk = keys.find((k) => kid === undefined || k.kid === kid);
  if (!jwk) throw stsError.invalidToken(`No key with kid ${String(kid)} is published by ${issuer}.`);
  try {
    return createPublicKey({ key: jwk, format: 'jwk' });
  } catch {
    throw stsError.invalidToken(`The key ${String(kid)} published by ${issuer} cannot be read.`);
  }
}
