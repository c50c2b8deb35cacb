/**
 * @module core/regex
 * A regular expression a user wrote, run against a value with a deadline. V8's backtracking engine
 * can take exponential time on a pattern such as `(a+)+$`; run inside a `node:vm` context with a
 * timeout, the match is interrupted when the deadline passes (the watchdog terminates a running
 * RegExp), so such a pattern costs the server at most that long instead of stalling it. A normal
 * match costs some tens of microseconds more than a plain `test`.
 */
import vm from 'node:vm';

/** The longest a user's pattern may run against one value. */
export const REGEX_DEADLINE_MS = 1000;

/** A match that did not finish before its deadline. */
export class RegexTimeout extends Error {
  constructor(readonly ms: number) {
    super(`the match did not finish within ${ms} ms`);
    this.name = 'RegexTimeout';
  }
}

const sandbox = vm.createContext({ re: /(?:)/, value: '', values: [] as string[] });
const match = new vm.Script('re.test(value)');
const matchEach = new vm.Script('values.map((v) => re.test(v))');

/** Runs a script in the sandbox with `bindings` under a deadline; RegexTimeout once it has run `ms` milliseconds. */
function within<T>(script: vm.Script, bindings: object, ms: number): T {
  Object.assign(sandbox, bindings);
  try {
    return script.runInContext(sandbox, { timeout: ms }) as T;
  } catch (e) {
    // Thrown from the watchdog, not from this realm's Error: known by its code.
    if ((e as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new RegexTimeout(ms);
    throw e;
  } finally {
    Object.assign(sandbox, { re: /(?:)/, value: '', values: [] });
  }
}

/** `re.test(value)`, or RegexTimeout once it has run `ms` milliseconds. */
export function testWithin(re: RegExp, value: string, ms = REGEX_DEADLINE_MS): boolean {
  return within<boolean>(match, { re, value }, ms) === true;
}

/**
 * `re.test` of each value, all within one deadline: entering the sandbox costs some tens of
 * microseconds, so many values (a page of log events) go in at once.
 */
export function testEachWithin(re: RegExp, values: string[], ms = REGEX_DEADLINE_MS): boolean[] {
  return Array.from(within<ArrayLike<unknown>>(matchEach, { re, values }, ms), (hit) => hit === true);
}
