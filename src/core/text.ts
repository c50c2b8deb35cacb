/**
 * @module core/text
 * What every room asks of text a user gives it to keep, beyond the model's patterns (which many
 * members lack): no control characters or unpaired surrogates in a name, id or label; AWS's tag
 * characters; KMS key references in their four forms; `*` wildcard patterns; and a value shown
 * safely in a message.
 */
import { parseArn } from './ids.ts';

/** C0 and C1 controls, DEL, U+FFFE/U+FFFF, and (by the `u` flag) a surrogate not in a pair. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff\ud800-\udfff]/u;
/** The same, but tab, line feed and carriage return, which free text (a description) may hold. */
const UNPRINTABLE_IN_PROSE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff\ud800-\udfff]/u;
const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'gu');

/** Whether an identifier (a name, id, token or label) holds a character no identifier may hold. */
export function unprintableIn(text: string): boolean {
  return UNPRINTABLE.test(text);
}

/** Whether free text (a description) holds a character no stored text may hold; tab and line breaks are text. */
export function unprintableInProse(text: string): boolean {
  return UNPRINTABLE_IN_PROSE.test(text);
}

/** The rule unprintableIn and unprintableInProse hold text to, as a validation message states it. */
export const PRINTABLE_RULE = 'Member must not contain control characters or unpaired surrogates';

/** AWS's tag characters: letters, digits and spaces in any script, and `_ . : / = + - @`. */
export const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

const SHOWN = 200;

/** A user's value as a message quotes it: unprintable characters escaped, long text cut. */
export function shown(text: string): string {
  return `'${escaped(text)}'`;
}

/** Text as a message may carry it, unquoted: unprintable characters escaped, long text cut. */
export function escaped(text: string): string {
  const cut = text.length > SHOWN ? `${text.slice(0, SHOWN)}…(${text.length} characters)` : text;
  return cut.replace(UNPRINTABLE_ALL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export type KmsKeyForm = 'key-id' | 'alias' | 'key-arn' | 'alias-arn';
const EVERY_FORM: readonly KmsKeyForm[] = ['key-id', 'alias', 'key-arn', 'alias-arn'];

/** A key id: a UUID, or a multi-Region key's `mrk-` and 32 hex digits. */
const KEY_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/i;
/** An alias name: `alias/` then letters, digits, `/`, `_`, `-`; 256 characters at most in all. */
const ALIAS = /^alias\/[A-Za-z0-9/_-]{1,250}$/;
const PARTITION = /^aws(?:-[a-z]+)*$/;
const ACCOUNT = /^\d{12}$/;

/**
 * Whether `text` names a KMS key in one of the `forms` a service takes — key id, alias name, key
 * ARN, alias ARN — an ARN being of `region`, since a key serves only its own Region.
 */
export function namesKmsKey(text: string, region: string, forms: readonly KmsKeyForm[] = EVERY_FORM): boolean {
  if (KEY_ID.test(text)) return forms.includes('key-id');
  if (ALIAS.test(text)) return forms.includes('alias');
  const arn = parseArn(text);
  if (arn?.service !== 'kms' || !PARTITION.test(arn.partition) || arn.region !== region || !ACCOUNT.test(arn.account)) return false;
  if (arn.resource.startsWith('key/')) return forms.includes('key-arn') && KEY_ID.test(arn.resource.slice('key/'.length));
  return forms.includes('alias-arn') && ALIAS.test(arn.resource);
}

/**
 * A test of whole strings against a pattern whose only special character is `*` (any run of
 * characters, line breaks too). The pieces between stars are found in order, each at its first
 * place, so a test takes time in proportion to the text however many stars the pattern has — a
 * backtracking RegExp of the same pattern can take minutes on a few hundred characters.
 */
export function wildcardMatcher(pattern: string): (text: string) => boolean {
  const pieces = pattern.split('*');
  const first = pieces[0];
  if (pieces.length === 1) return (text) => text === first;
  const last = pieces[pieces.length - 1];
  const middle = pieces.slice(1, -1);
  return (text) => {
    if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
    const end = text.length - last.length;
    let at = first.length;
    for (const piece of middle) {
      const found = text.indexOf(piece, at);
      if (found < 0 || found + piece.length > end) return false;
      at = found + piece.length;
    }
    return true;
  };
}
