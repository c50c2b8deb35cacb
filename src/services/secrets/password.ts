/**
 * @module services/secrets/password
 * GetRandomPassword: characters drawn with a cryptographic generator from the kinds the request
 * leaves in, at least one of each kind when RequireEachIncludedType (the default) says so.
 */
import { randomInt } from 'node:crypto';
import { smError } from './errors.ts';
import type { GetRandomPasswordRequest } from './shapes-secretsmanager.ts';

const KINDS = {
  lowercase: 'abcdefghijklmnopqrstuvwxyz',
  uppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  numbers: '0123456789',
  punctuation: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  space: ' ',
};

export function randomPassword(input: GetRandomPasswordRequest): string {
  const length = input.PasswordLength ?? 32;
  const excluded = new Set(input.ExcludeCharacters ?? '');
  const pick = (chars: string) => [...chars].filter((c) => !excluded.has(c)).join('');
  const kinds = [
    input.ExcludeLowercase ? '' : pick(KINDS.lowercase),
    input.ExcludeUppercase ? '' : pick(KINDS.uppercase),
    input.ExcludeNumbers ? '' : pick(KINDS.numbers),
    input.ExcludePunctuation ? '' : pick(KINDS.punctuation),
    input.IncludeSpace ? pick(KINDS.space) : '',
  ].filter(Boolean);
  if (!kinds.length) throw smError.invalidParameter('The password cannot be generated: the request excludes every kind of character.');
  const requireEach = input.RequireEachIncludedType ?? true;
  if (requireEach && length < kinds.length) {
    throw smError.invalidParameter(
      `PasswordLength ${length} is too short to include each of the ${kinds.length} kinds of character the request asks for.`,
    );
  }
  const all = kinds.join('');
  const chars = requireEach ? kinds.map((k) => k[randomInt(k.length)]) : [];
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  // Shuffle, so the required characters are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
