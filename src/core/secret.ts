/**
 * @module core/secret
 * Comparing a secret a caller presents (a webhook signature, a password) with the expected one.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Equal strings, compared in time that depends neither on where they differ nor on their lengths. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
