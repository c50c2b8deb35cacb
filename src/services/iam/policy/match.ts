/**
 * @module services/iam/policy/match
 * Wildcards and policy variables as IAM reads them. `*` matches any run of characters (`/` and `:`
 * included), `?` any one. Variables (`${aws:username}`, `${aws:PrincipalTag/team}`, with an
 * optional default `${aws:username, 'nobody'}`, and the escapes `${*}`, `${?}`, `${$}`) are put in
 * from the request context in policies of Version 2012-10-17 only.
 */
import type { Context } from './conditions.ts';

const cache = new Map<string, RegExp>();

/** Whether `value` matches the wildcard `pattern` (case-sensitive unless told otherwise). */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(`^${globBody(pattern)}$`, ignoreCase ? 'is' : 's');
    if (cache.size > 5000) cache.clear();
    cache.set(key, re);
  }
  return re.test(value);
}

/** Placeholders for the escapes, so that their `*` and `?` stay literal after substitution. */
const LITERAL = { '*': '\u0000star\u0000', '?': '\u0000q\u0000', $: '$' } as const;

/**
 * `text` with its variables put in; undefined when one names a key the request lacks and gives no
 * default (IAM then treats the element as not matching). Literal `*` and `?` from `${*}`/`${?}`
 * come back escaped as `\u0000star\u0000` / `\u0000q\u0000`, which `literalMatch` honours.
 */
export function substitute(text: string, context: Context): string | undefined {
  if (!text.includes('${')) return text;
  const lookup = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  let missing = false;
  const out = text.replace(/\$\{([^}]*)\}/g, (_whole, inner: string) => {
    if (inner === '*' || inner === '?' || inner === '$') return LITERAL[inner];
    const [name, fallback] = inner.split(/\s*,\s*/);
    const value = lookup.get(name.trim().toLowerCase());
    if (typeof value === 'string') return value.replace(/\*/g, LITERAL['*']).replace(/\?/g, LITERAL['?']);
    const def = fallback?.match(/^'(.*)'$/)?.[1];
    if (def !== undefined) return def;
    missing = true;
    return '';
  });
  return missing ? undefined : out;
}

/** Wildcard matching of a substituted pattern, where the escapes' placeholders match themselves only. */
export function literalMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (!pattern.includes('\u0000')) return wildcardMatch(pattern, value, ignoreCase);
  const parts = pattern.split(/(\u0000star\u0000|\u0000q\u0000)/);
  const body = parts.map((p) => (p === LITERAL['*'] ? '\\*' : p === LITERAL['?'] ? '\\?' : globBody(p))).join('');
  return new RegExp(`^${body}$`, ignoreCase ? 'is' : 's').test(value);
}

/** A wildcard pattern as the body of a regular expression. */
function globBody(pattern: string): string {
  return pattern.replace(/[.+^${}()|[\]\\*?]/g, (c) => (c === '*' ? '.*' : c === '?' ? '.' : `\\${c}`));
}
