/**
 * @module services/elb/regex
 * Regular expressions in rule conditions (RegexValues) and transforms, checked twice: against ALB's
 * own restrictions (`checkRegex`, while the request is read), and in the dialect of the data plane
 * that will run them (`checkInDataPlane`: HAProxy compiles them with PCRE2 exactly as it will when it
 * loads the configuration), so that an accepted expression is one the data plane takes and means
 * what it says there — never one that makes it refuse the whole configuration.
 */
import type { ElbContext } from './context.ts';
import { DataPlaneRefused, type DataPlaneConfig } from './dataplane.ts';
import { checkPrintable, elbError } from './errors.ts';
import { HAPROXY_HELP } from './haproxy-process.ts';
import type { RuleCondition, RuleTransform } from './shapes.ts';

const invalid = (regex: string, where: string, why: string) =>
  elbError.validation(`The regular expression '${regex}' in the ${where} is not valid: ${why}`);

/**
 * A regular expression as ALB takes it: at most `max` characters on one line, and none of the
 * features ALB's engine leaves out (lookarounds, backreferences, atomic groups, possessive
 * quantifiers, recursion and subroutines, Unicode classes) nor PCRE's callouts and verbs.
 */
export function checkRegex(regex: string, max: number, where: string): void {
  const bad = (why: string) => invalid(regex, where, why);
  if (regex.length === 0 || regex.length > max) throw bad(`it must be 1 to ${max} characters long`);
  checkPrintable(regex, `The regular expression in the ${where}`, true);
  // Escaped characters and character classes say nothing about groups or quantifiers.
  const bare = regex
    .replace(/\\Q[\s\S]*?(?:\\E|$)/g, 'x')
    .replace(/\\./g, 'x')
    .replace(/\[\^?\]?(?:\[:\^?[a-z]+:\]|[^\]])*\]/g, 'x');
  if (/\(\?<?[=!]|\(\*(?:positive_|negative_|non_atomic_)?(?:look|pl|nl|pla|nla|plb|nlb|napla|naplb)/i.test(bare))
    throw bad('lookaheads and lookbehinds are not supported');
  if (/\(\?>|\(\*atomic/i.test(bare)) throw bad('atomic groups are not supported');
  if (/(?<!\\)\\(?:[1-9]|k[<{']|g[{<'\d+-])/.test(regex.replace(/\\\\/g, '')) || /\(\?P=/.test(bare))
    throw bad('backreferences are not supported');
  if (/[*+?}]\+/.test(bare)) throw bad('possessive quantifiers are not supported');
  if (/\(\?(?:R|[+-]?\d|&|P>)/.test(bare)) throw bad('recursion and subroutines are not supported');
  if (/\(\?C|\(\*/.test(bare)) throw bad('callouts and backtracking verbs are not supported');
  if (/\\[pPX]/.test(regex.replace(/\\\\/g, ''))) throw bad('Unicode character classes are not supported');
}

/** The regular expressions of a rule's conditions and transforms, each with where it is. */
export function regexesOf(conditions: RuleCondition[], transforms: RuleTransform[] = []): { regex: string; where: string }[] {
  const out: { regex: string; where: string }[] = [];
  for (const c of conditions) {
    const values =
      c.PathPatternConfig?.RegexValues ?? c.HostHeaderConfig?.RegexValues ?? c.HttpHeaderConfig?.RegexValues ?? c.RegexValues ?? [];
    for (const regex of values) out.push({ regex, where: `${c.Field} condition` });
  }
  for (const t of transforms) {
    for (const r of t.UrlRewriteConfig?.Rewrites ?? t.HostHeaderRewriteConfig?.Rewrites ?? [])
      out.push({ regex: r.Regex ?? '', where: `'${t.Type}' transform` });
  }
  return out;
}

/**
 * Has the data plane compile each expression as it will run it (a path condition of its own); the
 * first it refuses is a ValidationError with the data plane's reason. Without HAProxy there is no
 * dialect to ask, and listeners cannot run anyway: nothing more is checked.
 */
export async function checkInDataPlane(elb: ElbContext, regexes: { regex: string; where: string }[]): Promise<void> {
  if (regexes.length === 0) return;
  const config: DataPlaneConfig = {
    frontends: [
      {
        key: 'check',
        loadBalancer: 'check',
        address: '127.0.0.1',
        port: 1,
        idleTimeoutSec: 60,
        routes: regexes.map((r, i) => ({
          key: `${i + 1}`,
          conditions: [{ kind: 'path', values: [r.regex], regex: true }],
          action: { kind: 'fixed-response', status: 200 },
        })),
      },
    ],
    backends: [],
  };
  try {
    await elb.dataPlane.check(config);
  } catch (err) {
    if (!(err instanceof DataPlaneRefused)) {
      if ((err as Error).message === HAPROXY_HELP) return;
      throw err;
    }
    // "regex '…' is invalid (error=…, erroffset=…) at line 1 of file '…/patterns/check-<route>-1.pat'"
    const found = /is invalid \(error=([^)]*)\)[^\n]*check-(\d+)-1\.pat/.exec(err.reason);
    const r = regexes[found ? Number(found[2]) - 1 : 0];
    throw invalid(r.regex, r.where, found ? found[1] : err.reason);
  }
}
