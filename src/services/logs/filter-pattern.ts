/**
 * @module services/logs/filter-pattern
 * CloudWatch Logs filter patterns, compiled once into a test on a page of messages.
 *   ''                      every event
 *   ERROR "disk full"       every term (bare, or a quoted phrase) appears, case-sensitively
 *   ERROR -DEBUG            … and no term marked `-` does
 *   ?ERROR ?WARN            … and at least one of the terms marked `?` does
 *   %time[do]u?t?%          a regular expression in the syntax CloudWatch Logs accepts (letters,
 *                           digits, `:_#=@/;,-` and space, the operators `^$?[]{}|\*+.`; no
 *                           groups, no backreferences), run under core/regex's deadline per page
 *   { $.level = "error" && ($.ms > 200 || $.retry IS TRUE) }
 *                           JSON messages: selectors $.a.b[0]; = and != against strings (with *
 *                           wildcards) or numbers; < > <= >= against numbers; IS TRUE|FALSE|NULL;
 *                           NOT EXISTS; && binds tighter than ||; parentheses.
 * Space-delimited patterns ([ip, user, ...]) are refused as not served yet.
 */
import { wildcardMatcher } from '../../core/text.ts';
import { logsError } from './errors.ts';
import { RegexTimeout, testEachWithin } from '../../core/regex.ts';

type MessageTest = (message: string) => boolean;
/** Which of a page of messages match. */
export type MessagesTest = (messages: string[]) => boolean[];

/** The characters a regex filter pattern may hold (besides an escape: `\` and a character that is not a digit). */
const REGEX_CHARACTERS = /^[A-Za-z0-9:_#=@/;,\- ^$?[\]{}|*+.]$/;

const invalid = (why: string) => logsError.invalidParameter('filterPattern', `Invalid filter pattern: ${why}`);

export function compileFilterPattern(pattern: string | undefined): MessagesTest {
  const text = (pattern ?? '').trim();
  if (text.length > 1 && text.startsWith('%') && text.endsWith('%')) return compileRegex(text.slice(1, -1));
  const test = compileOne(text);
  return (messages) => messages.map(test);
}

function compileOne(text: string): MessageTest {
  if (text === '' || text === '""') return () => true;
  if (text.startsWith('{')) return compileJson(text);
  if (text.startsWith('[')) throw invalid('space-delimited patterns ([field, …]) are not served by Slipway yet');
  return compileTerms(text);
}

// ---- regular expressions

function compileRegex(source: string): MessagesTest {
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      if (/[0-9]/.test(source[i + 1] ?? '0')) throw invalid(`backreferences and a trailing \\ are not supported in a regular expression`);
      i++;
    } else if (!REGEX_CHARACTERS.test(c)) {
      throw invalid(`'${c}' is not supported in a regular expression (groups in parentheses are not either)`);
    }
  }
  let re: RegExp;
  try {
    re = new RegExp(source);
  } catch (err) {
    throw invalid(`bad regular expression: ${(err as Error).message}`);
  }
  // Even without groups, quantifiers side by side (a*a*a*…$) can backtrack for ages: a page is matched under a deadline.
  return (messages) => {
    try {
      return testEachWithin(re, messages);
    } catch (err) {
      if (err instanceof RegexTimeout)
        throw invalid(`the regular expression took more than ${err.ms} ms to match a page of events; make it simpler`);
      throw err;
    }
  };
}

// ---- terms

function compileTerms(text: string): MessageTest {
  const required: string[] = [];
  const excluded: string[] = [];
  const alternatives: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    const mark = text[i] === '-' || text[i] === '?' ? text[i++] : '';
    let term: string;
    if (text[i] === '"') {
      const end = closingQuote(text, i);
      term = unquote(text.slice(i + 1, end));
      i = end + 1;
    } else {
      const start = i;
      while (i < text.length && !/\s/.test(text[i])) i++;
      term = text.slice(start, i);
    }
    if (term === '') throw invalid(`'${mark}' must be followed by a term`);
    (mark === '-' ? excluded : mark === '?' ? alternatives : required).push(term);
  }
  return (m) =>
    required.every((t) => m.includes(t)) &&
    !excluded.some((t) => m.includes(t)) &&
    (alternatives.length === 0 || alternatives.some((t) => m.includes(t)));
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  throw invalid(`unterminated quote at position ${open + 1}`);
}

const unquote = (s: string) => s.replace(/\\(.)/g, '$1');

// ---- JSON patterns

/** A string value is compiled once, with its `*` wildcards, into the test each message's field meets. */
type Value = { kind: 'string'; text: string; matches: (text: string) => boolean } | { kind: 'number'; value: number };
type Node =
  | { op: '&&' | '||'; left: Node; right: Node }
  | { op: '=' | '!=' | '<' | '>' | '<=' | '>='; path: (string | number)[]; value: Value }
  | { op: 'is'; path: (string | number)[]; value: true | false | null }
  | { op: 'missing'; path: (string | number)[] };

const TOKEN = /\s*(\|\||&&|!=|<=|>=|=|<|>|\(|\)|"(?:\\.|[^"\\])*"|\$[^\s=!<>()&|]*|[^\s=!<>()&|"]+)/y;

function compileJson(text: string): MessageTest {
  if (!text.endsWith('}')) throw invalid("a JSON pattern must end with '}'");
  const tokens = tokenize(text.slice(1, -1));
  let at = 0;
  const peek = () => tokens[at];
  const next = (expected: string) => {
    const t = tokens[at++];
    if (t === undefined) throw invalid(`the pattern ends early; expected ${expected}`);
    return t;
  };
  const take = (word: string) => {
    const t = next(`'${word}'`);
    if (t !== word) throw invalid(`expected '${word}' but found '${t}'`);
    return t;
  };
  const or = (): Node => {
    let node = and();
    while (peek() === '||') node = { op: take('||') as '||', left: node, right: and() };
    return node;
  };
  const and = (): Node => {
    let node = atom();
    while (peek() === '&&') node = { op: take('&&') as '&&', left: node, right: atom() };
    return node;
  };
  const atom = (): Node => {
    if (peek() === '(') {
      take('(');
      const node = or();
      take(')');
      return node;
    }
    const path = selector(next('a selector such as $.level'));
    const op = next('an operator');
    if (op === 'IS') {
      const word = next('TRUE, FALSE or NULL');
      const value = ({ TRUE: true, FALSE: false, NULL: null } as Record<string, boolean | null>)[word];
      if (value === undefined) throw invalid(`IS takes TRUE, FALSE or NULL, not '${word}'`);
      return { op: 'is', path, value };
    }
    if (op === 'NOT') {
      take('EXISTS');
      return { op: 'missing', path };
    }
    if (!['=', '!=', '<', '>', '<=', '>='].includes(op)) throw invalid(`'${op}' is not a comparison (=, !=, <, >, <=, >=)`);
    const value = literal(next('a value'));
    if (value.kind === 'string' && op !== '=' && op !== '!=') throw invalid(`'${op}' compares numbers; '${value.text}' is not one`);
    return { op: op as '=', path, value };
  };
  const tree = or();
  if (at < tokens.length) throw invalid(`unexpected '${tokens[at]}'`);
  return (message) => {
    let doc: unknown;
    try {
      doc = JSON.parse(message);
    } catch {
      return false;
    }
    return evaluate(tree, doc);
  };
}

function tokenize(body: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < body.length) {
    if (/^\s*$/.test(body.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(body);
    if (!m) throw invalid(`cannot read '${body.slice(start).trim()}'`);
    tokens.push(m[1]);
  }
  if (!tokens.length) throw invalid('an empty JSON pattern');
  return tokens;
}

function selector(token: string): (string | number)[] {
  if (!token.startsWith('$')) throw invalid(`'${token}' is not a selector; selectors start with $ (e.g. $.level)`);
  const path: (string | number)[] = [];
  const part = /\.([A-Za-z0-9_@-]+)|\[(\d+)\]/y;
  part.lastIndex = 1;
  while (part.lastIndex < token.length) {
    const m = part.exec(token);
    if (!m) throw invalid(`bad selector '${token}'`);
    path.push(m[1] !== undefined ? m[1] : Number(m[2]));
  }
  if (!path.length) throw invalid(`selector '${token}' names no field`);
  return path;
}

function literal(token: string): Value {
  if (token.startsWith('"')) return stringValue(unquote(token.slice(1, -1)));
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(token)) return { kind: 'number', value: Number(token) };
  if (['&&', '||', '(', ')'].includes(token)) throw invalid(`expected a value but found '${token}'`);
  return stringValue(token);
}

/** A string value with `*` wildcards, matched whole. */
function stringValue(text: string): Value {
  return { kind: 'string', text, matches: wildcardMatcher(text) };
}

const MISSING = Symbol('missing');

function select(doc: unknown, path: (string | number)[]): unknown {
  let current: unknown = doc;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !(key in (current as object))) return MISSING;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function evaluate(node: Node, doc: unknown): boolean {
  switch (node.op) {
    case '&&':
      return evaluate(node.left, doc) && evaluate(node.right, doc);
    case '||':
      return evaluate(node.left, doc) || evaluate(node.right, doc);
    case 'missing':
      return select(doc, node.path) === MISSING;
    case 'is':
      return select(doc, node.path) === node.value;
  }
  const found = select(doc, node.path);
  if (found === MISSING) return false;
  const { value } = node;
  if (value.kind === 'string') {
    if (typeof found !== 'string') return node.op === '!=' && found !== null && typeof found !== 'object';
    return value.matches(found) === (node.op === '=');
  }
  if (typeof found !== 'number') return false;
  switch (node.op) {
    case '=':
      return found === value.value;
    case '!=':
      return found !== value.value;
    case '<':
      return found < value.value;
    case '>':
      return found > value.value;
    case '<=':
      return found <= value.value;
    case '>=':
      return found >= value.value;
  }
}
