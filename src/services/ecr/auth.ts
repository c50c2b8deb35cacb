/**
 * @module services/ecr/auth
 * Registry credentials. A password is `<expiry>.<hmac>` in base64url, signed with a secret kept in
 * the store's meta table, so passwords outlive a restart and need no table of their own. It never
 * contains ':' (the aws CLI's get-login-password splits "AWS:<password>" on it). Expiry is wall
 * time, 12 hours as in ECR: a client holds the timestamp, so it is not scaled by the clock. A
 * password whose expiry lies further ahead than that was not issued here and is refused, even when
 * its signature holds (a leaked secret must not mint passwords that never expire).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../types.ts';
import { registryHost } from './context.ts';

const SECRET_KEY = 'ecr.registry-token-secret';
const TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const REGISTRY_USER = 'AWS';

const secrets = new WeakMap<AppContext['store'], Buffer>();

function secret(ctx: AppContext): Buffer {
  let key = secrets.get(ctx.store);
  if (!key) {
    let stored = ctx.store.meta(SECRET_KEY);
    if (!stored) {
      stored = randomBytes(32).toString('hex');
      ctx.store.setMeta(SECRET_KEY, stored);
    }
    key = Buffer.from(stored, 'hex');
    secrets.set(ctx.store, key);
  }
  return key;
}

function sign(ctx: AppContext, payload: string): string {
  return createHmac('sha256', secret(ctx)).update(payload).digest('base64url');
}

/**
 * A registry password for user "AWS", valid for 12 hours; `expiresAt` is epoch ms. One asked for
 * through GetAuthorizationToken carries the access key that asked (`k`): its pushes and pulls are
 * that identity's. One without is Slipway's own (handed to the engine for a task's image).
 */
export function issueToken(ctx: AppContext, accessKeyId?: string): { password: string; expiresAt: number } {
  const expiresAt = ctx.clock.now() + TOKEN_LIFETIME_MS;
  const claims = { exp: expiresAt, n: randomBytes(6).toString('base64url'), ...(accessKeyId ? { k: accessKeyId } : {}) };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { password: `${payload}.${sign(ctx, payload)}`, expiresAt };
}

/** Whose a registry password is: `{ accessKeyId }` (absent for Slipway's own), or undefined when it is not valid. */
export interface RegistryCaller {
  accessKeyId?: string;
}

function callerOfPassword(ctx: AppContext, password: string): RegistryCaller | undefined {
  const dot = password.indexOf('.');
  if (dot <= 0) return undefined;
  const payload = password.slice(0, dot);
  const given = Buffer.from(password.slice(dot + 1));
  const expected = Buffer.from(sign(ctx, payload));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const { exp, k } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown; k?: unknown };
    const now = ctx.clock.now();
    if (typeof exp !== 'number' || exp <= now || exp > now + TOKEN_LIFETIME_MS) return undefined;
    return typeof k === 'string' ? { accessKeyId: k } : {};
  } catch {
    return undefined;
  }
}

export function verifyPassword(ctx: AppContext, password: string): boolean {
  return callerOfPassword(ctx, password) !== undefined;
}

/** The caller of `Basic base64(AWS:<password>)` or `Bearer <password>`, or undefined when neither holds. */
export function registryCaller(ctx: AppContext, header: string | undefined): RegistryCaller | undefined {
  if (!header) return undefined;
  const space = header.indexOf(' ');
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (scheme === 'bearer') return callerOfPassword(ctx, value);
  if (scheme !== 'basic') return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 && decoded.slice(0, colon) === REGISTRY_USER ? callerOfPassword(ctx, decoded.slice(colon + 1)) : undefined;
}

export function verifyAuthorization(ctx: AppContext, header: string | undefined): boolean {
  return registryCaller(ctx, header) !== undefined;
}

/** The registry part of an image reference ("host:port/name:tag"), when it names one. */
export function imageRegistry(image: string): string | undefined {
  const slash = image.indexOf('/');
  if (slash < 0) return undefined;
  const first = image.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : undefined;
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether `host` ("name:port") reaches this registry: its configured name, or loopback on the edge's port. */
export function isOurRegistry(ctx: AppContext, host: string): boolean {
  if (host === registryHost(ctx)) return true;
  const colon = host.lastIndexOf(':');
  return colon > 0 && LOOPBACK_NAMES.has(host.slice(0, colon)) && host.slice(colon + 1) === String(ctx.edge.port);
}

/**
 * The name the engine pulls `image` by: ECR's own form for this account,
 * `<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>` (as buildspecs and imagedefinitions.json
 * write it), names Slipway's registry; every other name is left as it is.
 */
export function engineImageName(ctx: AppContext, image: string): string {
  const host = imageRegistry(image);
  const account = host?.match(/^(\d{12})\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com$/)?.[1];
  return host && account === ctx.config.account ? registryHost(ctx) + image.slice(host.length) : image;
}

/**
 * Docker credentials for pulling `image`, when it lives in Slipway's own registry (ECS hands them
 * to the engine, so tasks pull with no `docker login`); undefined for any other registry.
 */
export function registryCredentialsFor(
  ctx: AppContext,
  image: string,
): { username: string; password: string; serveraddress: string } | undefined {
  const host = imageRegistry(image);
  if (!host || !isOurRegistry(ctx, host)) return undefined;
  return { username: REGISTRY_USER, password: issueToken(ctx).password, serveraddress: host };
}
