/**
 * @module services/codepipeline/jsonpath
 * The JSONPath a webhook filter selects from a payload with, as Jayway's JsonPath (which AWS
 * evaluates) reads it: `$` the payload, `.name` and `['name']` (several: `['a','b']`) a member,
 * `[0]` (`[-1]` from the end, several: `[0,2]`) and `[1:3]` array elements, `*` every member or
 * element, `..` every level below, `[?(…)]` the elements of an array (or an object itself) that
 * pass a filter expression (jsonpath-filter.ts). Functions (`.length()`) are refused as patterns
 * Slipway does not evaluate. Every value a selection visits, filters' own paths included, counts
 * against one bound.
 */
import { accepts, type Filter, JsonPathError, MAX_NESTING, parseFilter, scan } from './jsonpath-filter.ts';

export { JsonPathError } from './jsonpath-filter.ts';

type Selector =
  | { kind: 'names'; names: string[] }
  | { kind: 'all' }
  | { kind: 'indexes'; indexes: number[] }
  | { kind: 'slice'; start?: number; end?: number }
  | { kind: 'filter'; filter: Filter };

export interface Step {
  /** `..`: the selector applies at the node and at every level below it. */
  deep: boolean;
  select: Selector;
}

const NAME = /^[^.[\]\s()'"*?]+/;
const QUOTED = /^(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*/;

function bracket(body: string, at: string, depth: number): Selector {
  const text = body.trim();
  if (text === '*') return { kind: 'all' };
  if (text.startsWith('?')) return { kind: 'filter', filter: parseFilter(text, at, depth, parsePath) };
  if (/^-?\d+(\s*,\s*-?\d+)*$/.test(text)) return { kind: 'indexes', indexes: text.split(',').map((n) => Number(n.trim())) };
  const slice = /^(-?\d+)?\s*:\s*(-?\d+)?$/.exec(text);
  if (slice)
    return {
      kind: 'slice',
      start: slice[1] === undefined ? undefined : Number(slice[1]),
      end: slice[2] === undefined ? undefined : Number(slice[2]),
    };
  const names: string[] = [];
  let rest = text;
  for (;;) {
    const quoted = QUOTED.exec(rest);
    if (!quoted) throw new JsonPathError(`${at}: '[${body}]' is neither an index, a slice, '*' nor quoted member names`);
    names.push((quoted[1] ?? quoted[2]).replace(/\\(.)/g, '$1'));
    rest = rest.slice(quoted[0].length);
    if (rest === '') return { kind: 'names', names };
    if (!rest.startsWith(',')) throw new JsonPathError(`${at}: expected ',' or ']' after '${names.at(-1)}'`);
    rest = rest.slice(1).trimStart();
  }
}

/** The steps of `path`; throws JsonPathError naming what is wrong. */
export function parseJsonPath(path: string): Step[] {
  return parsePath(path, 0);
}

/** The steps of `path`, `depth` filters deep. */
function parsePath(path: string, depth: number): Step[] {
  if (depth > MAX_NESTING) throw new JsonPathError(`filters nest deeper than ${MAX_NESTING} levels`);
  if (!path.startsWith('$')) throw new JsonPathError(`'${path}' must start with '$' (the payload)`);
  const steps: Step[] = [];
  let i = 1;
  while (i < path.length) {
    const at = `at character ${i + 1}`;
    let deep = false;
    if (path.startsWith('..', i)) {
      deep = true;
      i += 2;
    } else if (path[i] === '.') i += 1;
    else if (path[i] !== '[') throw new JsonPathError(`${at}: expected '.', '..' or '['`);
    if (path[i] === '[') {
      const close = closingBracket(path, i);
      if (close < 0) throw new JsonPathError(`${at}: '[' is not closed`);
      steps.push({ deep, select: bracket(path.slice(i + 1, close), at, depth) });
      i = close + 1;
    } else if (path[i] === '*') {
      steps.push({ deep, select: { kind: 'all' } });
      i += 1;
    } else {
      const name = NAME.exec(path.slice(i))?.[0];
      if (!name) throw new JsonPathError(`${at}: expected a member name`);
      if (path[i + name.length] === '(') throw new JsonPathError(`${at}: functions (${name}()) are not evaluated`);
      steps.push({ deep, select: { kind: 'names', names: [name] } });
      i += name.length;
    }
  }
  return steps;
}

/** The `]` that closes the `[` at `open`, skipping quoted names and the brackets a filter holds. */
function closingBracket(path: string, open: number): number {
  return scan(path, open + 1, (c, brackets) => c === ']' && brackets === 0);
}

function children(node: unknown): unknown[] {
  if (Array.isArray(node)) return node;
  return node !== null && typeof node === 'object' ? Object.values(node) : [];
}

function selectFrom(node: unknown, s: Exclude<Selector, { kind: 'filter' }>): unknown[] {
  if (s.kind === 'all') return children(node);
  if (s.kind === 'names') {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return [];
    return s.names.filter((n) => Object.hasOwn(node, n)).map((n) => (node as Record<string, unknown>)[n]);
  }
  if (!Array.isArray(node)) return [];
  if (s.kind === 'slice') return node.slice(s.start, s.end);
  return s.indexes.filter((n) => n < node.length && n >= -node.length).map((n) => node.at(n));
}

/**
 * The nodes and every node below them, in document order, each object or array once however many
 * of the nodes it is under: so that `$..*..*..*` costs a pass per step rather than a power of the
 * payload's depth. An explicit stack, since a payload may nest deeper than the call stack goes.
 */
function withDescendants(nodes: unknown[]): unknown[] {
  const seen = new Set<unknown>();
  const out: unknown[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node !== null && typeof node === 'object') {
      if (seen.has(node)) continue;
      seen.add(node);
    }
    out.push(node);
    const below = children(node);
    for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]);
  }
  return out;
}

/** The most values one selection visits: each value of a 25 MB payload a few times, not a pass per `..` of a long path. */
export const MAX_VISITS = 5_000_000;

/** Counts the values one selection visits; throws JsonPathError past its bound. */
type Spend = (values: number) => void;

/** Every value `steps` select from `document` (a value that several `..` reach, once); throws JsonPathError past `maxVisits`. */
export function selectJsonPath(steps: Step[], document: unknown, maxVisits = MAX_VISITS): unknown[] {
  let visits = 0;
  const spend: Spend = (values) => {
    visits += values;
    if (visits > maxVisits) throw new JsonPathError(`selecting from the payload visits more than ${maxVisits} values`);
  };
  return selectSteps(steps, document, document, spend);
}

function selectSteps(steps: Step[], start: unknown, root: unknown, spend: Spend): unknown[] {
  let nodes = [start];
  for (const step of steps) {
    const from = step.deep ? withDescendants(nodes) : nodes;
    spend(from.length);
    const s = step.select;
    nodes = s.kind === 'filter' ? passing(from, s.filter, step.deep, root, spend) : from.flatMap((n) => selectFrom(n, s));
    spend(nodes.length);
  }
  return nodes;
}

/** The elements of each array (and each object itself) among `from` that pass `filter`; under `..`, each object once. */
function passing(from: unknown[], filter: Filter, deep: boolean, root: unknown, spend: Spend): unknown[] {
  const select = (steps: Step[], node: unknown) => selectSteps(steps, node, root, spend);
  const seen = new Set<unknown>();
  const out: unknown[] = [];
  for (const node of from) {
    const candidates = Array.isArray(node) ? node : node !== null && typeof node === 'object' ? [node] : [];
    for (const c of candidates) {
      spend(1);
      if (deep && c !== null && typeof c === 'object') {
        if (seen.has(c)) continue;
        seen.add(c);
      }
      if (accepts(filter, c, root, select)) out.push(c);
    }
  }
  return out;
}
