/**
 * @module services/codepipeline/triggers
 * V2 triggers' git filters, as AWS evaluates them: a trigger's push and pull-request filters are
 * alternatives (any one matching starts the pipeline); the parts inside one filter (tags, branches,
 * file paths, events) must all match; within a part, a value must match an include (when there are
 * any) and no exclude — excludes beat includes. File paths match when at least one changed file
 * does. Patterns are AWS's globs: `*` within one path component, `**` across `/`, `?` one character,
 * `[…]` a class (`[!…]` negated), `{a,b}` alternatives, `\` escapes.
 */
import type { GitChange } from './actions/types.ts';
import type { GitPullRequestFilter, GitPushFilter, PipelineTriggerDeclaration } from './shapes.ts';

interface Criteria {
  includes?: string[];
  excludes?: string[];
}

export function globToRegExp(glob: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\' && i + 1 < glob.length) out += literal(glob[++i]);
    else if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        let body = glob.slice(i + 1, end);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += literal(c);
  }
  while (braces-- > 0) out += ')';
  return new RegExp(`^${out}$`);
}

function literal(c: string): string {
  return c.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
}

export function globMatches(glob: string, value: string): boolean {
  return globToRegExp(glob).test(value);
}

/** A value passes a part when it matches an include (if any are given) and no exclude. */
function passes(criteria: Criteria, value: string): boolean {
  if (criteria.excludes?.some((g) => globMatches(g, value))) return false;
  return !criteria.includes?.length || criteria.includes.some((g) => globMatches(g, value));
}

function filesPass(criteria: Criteria | undefined, files: string[] | undefined): boolean {
  if (!criteria) return true;
  return (files ?? []).some((f) => passes(criteria, f));
}

function pushMatches(f: GitPushFilter, change: GitChange): boolean {
  if (change.pullRequest) return false;
  if (f.tags) return change.tag !== undefined && passes(f.tags, change.tag);
  if (change.branch === undefined) return false;
  return (!f.branches || passes(f.branches, change.branch)) && filesPass(f.filePaths, change.changedFiles);
}

function pullRequestMatches(f: GitPullRequestFilter, change: GitChange): boolean {
  const pr = change.pullRequest;
  if (!pr) return false;
  if (f.events?.length && !f.events.includes(pr.event)) return false;
  return (!f.branches || passes(f.branches, pr.destinationBranch)) && filesPass(f.filePaths, change.changedFiles);
}

/** Whether the trigger starts the pipeline for this change. */
export function triggerAccepts(trigger: PipelineTriggerDeclaration, change: GitChange): boolean {
  const { push = [], pullRequest = [] } = trigger.gitConfiguration;
  return push.some((f) => pushMatches(f, change)) || pullRequest.some((f) => pullRequestMatches(f, change));
}
