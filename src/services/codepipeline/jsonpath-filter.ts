/**
 * @module services/codepipeline/jsonpath-filter
 * Filter expressions of webhook JSONPath (`[?(…)]`), as Jayway's JsonPath reads them: `@` the
 * value tested, `$` the payload; `==`, `!=`, `<`, `<=`, `>`, `>=` between paths and string,
 * number, boolean and null literals; `&&`, `||`, `!` and parentheses; a path alone tests that it
 * exists. Values of different types are never equal, and only two numbers or two strings are
 * ordered. Regular expressions (`=~`) are refused: a pattern could backtrack without end over a
 * payload's strings. Nesting (parentheses, `!`, filters inside filters) is bounded, so a hostile
 * pattern ends in an error rather than a stack overflow.
 */
import type { Step } from './jsonpath.ts';

export class JsonPathError extends Error {}

type Literal = string | number | boolean | null;
type Operand = { kind: 'literal'; value: Literal } | { kind: 'path'; relative: boolean; steps: Step[]; definite: boolean };
type Comparison = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Filter =
  | { kind: 'or' | 'and'; of: Filter[] }
  | { kind: 'not'; of: Filter }
  | { kind: 'exists'; path: Operand & { kind: 'path' } }
  | { kind: 'compare'; op: Comparison; left: Operand; right: Operand };

/** How deep parentheses, `!` and filters inside filters may nest. */
export const MAX_NESTING = 32;

/** What the filter parser needs of the path parser: a path's steps, parsed one level deeper. */
export type ParsePath = (path: string, depth: number) => Step[];
/** What evaluation needs of selection: the values `steps` select from `node`, counted against the selection's budget. */
export type Select = (steps: Step[], node: unknown) => unknown[];

const COMPARISONS: Comparison[] = ['==', '!=', '<=', '>=', '<', '>'];
// Sticky: each is tried where the parser stands, so a long filter is read in one pass.
const WORD_OPERATORS = /(in|nin|subsetof|anyof|noneof|size|empty|contains)\b/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/y;
const LITERAL_WORD = /(true|false|null)\b/y;
/** What ends a path operand outside its brackets: whitespace or an operator. */
const PATH_END = /[\s=!<>&|)]/;

/** Parses the body of `[?(…)]` (`text` is `?(…)`, `at` where it is); throws a JsonPathError naming what is wrong. */
export function parseFilter(text: string, at: string, depth: number, path: ParsePath): Filter {
  const fail = (message: string) => new JsonPathError(`${at}: ${message}`);
  if (!/^\?\s*\(/.test(text) || !text.endsWith(')')) throw fail(`a filter is written [?(<expression>)], not '[${text}]'`);
  const src = text.slice(text.indexOf('(') + 1, -1);
  let i = 0;
  const skip = () => {
    while (i < src.length && /\s/.test(src[i])) i++;
  };
  const here = (re: RegExp) => {
    re.lastIndex = i;
    return re.exec(src);
  };
  const nest = (d: number) => {
    if (d > MAX_NESTING) throw fail(`the filter nests deeper than ${MAX_NESTING} levels`);
    return d;
  };

  const operand = (d: number): Operand => {
    skip();
    if (src[i] === '@' || src[i] === '$') {
      const end = pathEnd(src, i);
      const text = src.slice(i, end);
      i = end;
      const steps = path(`$${text.slice(1)}`, nest(d + 1));
      const definite = steps.every((s) => !s.deep && (s.select.kind === 'names' || s.select.kind === 'indexes') && oneOf(s.select));
      return { kind: 'path', relative: text[0] === '@', steps, definite };
    }
    const string = here(STRING);
    if (string) {
      i += string[0].length;
      return { kind: 'literal', value: (string[1] ?? string[2]).replace(/\\(.)/g, '$1') };
    }
    const number = here(NUMBER);
    if (number) {
      i += number[0].length;
      return { kind: 'literal', value: Number(number[0]) };
    }
    const word = here(LITERAL_WORD);
    if (word) {
      i += word[0].length;
      return { kind: 'literal', value: word[1] === 'null' ? null : word[1] === 'true' };
    }
    throw fail(`expected a path (@ or $), a string, a number, true, false or null at '${src.slice(i, i + 20)}' in the filter`);
  };

  const primary = (d: number): Filter => {
    skip();
    if (src[i] === '(') {
      i++;
      const inner = or(nest(d + 1));
      skip();
      if (src[i] !== ')') throw fail(`expected ')' at '${src.slice(i, i + 20)}' in the filter`);
      i++;
      return inner;
    }
    if (src[i] === '!' && src[i + 1] !== '=') {
      i++;
      return { kind: 'not', of: primary(nest(d + 1)) };
    }
    const left = operand(d);
    skip();
    if (src.startsWith('=~', i)) throw fail('regular expressions (=~) in filters are not evaluated: a pattern could take unbounded time');
    const word = here(WORD_OPERATORS);
    if (word) throw fail(`the filter operator '${word[1]}' is not evaluated; compare with ==, !=, <, <=, > or >=`);
    const op = COMPARISONS.find((c) => src.startsWith(c, i));
    if (!op) {
      if (left.kind !== 'path') throw fail('a literal alone is not a test: compare it with a path');
      return { kind: 'exists', path: left };
    }
    i += op.length;
    return { kind: 'compare', op, left, right: operand(d) };
  };

  const joined = (kind: 'or' | 'and', token: string, next: (d: number) => Filter) => (d: number) => {
    const of = [next(d)];
    for (skip(); src.startsWith(token, i); skip()) {
      i += token.length;
      of.push(next(d));
    }
    return of.length === 1 ? of[0] : { kind, of };
  };
  const and = joined('and', '&&', primary);
  const or: (d: number) => Filter = joined('or', '||', and);

  const filter = or(nest(depth + 1));
  skip();
  if (i < src.length) throw fail(`unexpected '${src.slice(i, i + 20)}' in the filter`);
  return filter;
}

const oneOf = (s: Step['select']) => (s.kind === 'names' ? s.names.length === 1 : s.kind === 'indexes' && s.indexes.length === 1);

/**
 * The index of the first character from `start` that `isEnd` takes, outside quotes, given how many
 * brackets are open there; -1 when there is none.
 */
export function scan(text: string, start: number, isEnd: (c: string, brackets: number) => boolean): number {
  let brackets = 0;
  let quote: string | undefined;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (isEnd(c, brackets)) return i;
    else if (c === "'" || c === '"') quote = c;
    else if (c === '[') brackets++;
    else if (c === ']') brackets--;
  }
  return -1;
}

/** The end of the path operand starting at `start`: whitespace or an operator outside its brackets. */
function pathEnd(src: string, start: number): number {
  const end = scan(src, start, (c, brackets) => brackets === 0 && PATH_END.test(c));
  return end < 0 ? src.length : end;
}

const MISSING = Symbol('missing');

/** Whether `node` (the value `@` names) passes the filter; `root` is the payload. */
export function accepts(f: Filter, node: unknown, root: unknown, select: Select): boolean {
  switch (f.kind) {
    case 'or':
      return f.of.some((x) => accepts(x, node, root, select));
    case 'and':
      return f.of.every((x) => accepts(x, node, root, select));
    case 'not':
      return !accepts(f.of, node, root, select);
    case 'exists':
      return select(f.path.steps, f.path.relative ? node : root).length > 0;
    case 'compare': {
      const value = (o: Operand): unknown => {
        if (o.kind === 'literal') return o.value;
        const got = select(o.steps, o.relative ? node : root);
        if (!o.definite) return got;
        return got.length > 0 ? got[0] : MISSING;
      };
      return compare(f.op, value(f.left), value(f.right));
    }
  }
}

function compare(op: Comparison, a: unknown, b: unknown): boolean {
  const primitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  const equal = primitive(a) && primitive(b) && a === b;
  if (op === '==') return equal;
  if (op === '!=') return !equal;
  const ordered = (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
  if (!ordered) return false;
  const [x, y] = [a as number | string, b as number | string];
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}
