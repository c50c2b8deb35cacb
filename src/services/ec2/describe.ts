/**
 * @module services/ec2/describe
 * What every Describe* call does alike: the ids asked for (each must exist), Filters (each name
 * one the call knows, or tag:<key>, tag-key, tag-value; values with * and ? wildcards; a record
 * matches when every filter matches one of its values), then MaxResults/NextToken paging.
 */
import { paginate } from '../../core/paging.ts';
import { ec2Error } from './errors.ts';
import type { Filter, Tag } from './shapes.ts';

/** For each filter name a call knows, the values a record shows under it. */
export type FilterFields<R> = Record<string, (record: R) => (string | number | boolean | undefined)[]>;

export interface DescribeRequest {
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeRules<R> {
  /** The operation, which ties a NextToken to it. */
  operation: string;
  fields: FilterFields<R>;
  /** The id a record is asked for by, and the error for one that does not exist. */
  id?: { of: (record: R) => string; missing: (id: string) => Error; ids?: string[] };
}

export function describe<R extends { tags: Tag[] }>(
  records: R[],
  request: DescribeRequest,
  rules: DescribeRules<R>,
): { items: R[]; next?: string } {
  let chosen = records;
  if (rules.id?.ids?.length) {
    const { of, missing, ids } = rules.id;
    const byId = new Map(records.map((r) => [of(r), r]));
    const unknown = ids.find((id) => !byId.has(id));
    if (unknown !== undefined) throw missing(unknown);
    chosen = records.filter((r) => ids.includes(of(r)));
  }
  const tests = (request.Filters ?? []).map((filter) => matcher(filter, rules.fields));
  chosen = chosen.filter((record) => tests.every((test) => test(record)));
  const paged = paginate(
    chosen,
    { token: request.NextToken, size: request.MaxResults },
    {
      kind: rules.operation,
      defaultSize: request.MaxResults === undefined && request.NextToken === undefined ? Math.max(chosen.length, 1) : 1000,
      maxSize: 1000,
      invalid: () => ec2Error.invalidToken(),
    },
  );
  return { items: paged.items, next: paged.next };
}

function matcher<R extends { tags: Tag[] }>(filter: Filter, fields: FilterFields<R>): (record: R) => boolean {
  const name = filter.Name ?? '';
  const patterns = (filter.Values ?? []).map(wildcard);
  let values: (record: R) => unknown[];
  if (name.startsWith('tag:')) values = (r) => r.tags.filter((t) => t.Key === name.slice(4)).map((t) => t.Value);
  else if (name === 'tag-key') values = (r) => r.tags.map((t) => t.Key);
  else if (name === 'tag-value') values = (r) => r.tags.map((t) => t.Value);
  else if (Object.hasOwn(fields, name)) values = fields[name];
  else throw ec2Error.invalidFilter(name);
  return (record) =>
    values(record)
      .filter((v) => v !== undefined)
      .some((v) => patterns.some((test) => test(String(v))));
}

/**
 * EC2's filter wildcards: * any run of characters, ? any one. Matched by the two-pointer glob walk,
 * in time proportional to pattern × text, never by a backtracking RegExp.
 */
function wildcard(pattern: string): (text: string) => boolean {
  return (text) => {
    let p = 0;
    let t = 0;
    let star = -1;
    let mark = 0;
    while (t < text.length) {
      if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
        p++;
        t++;
      } else if (p < pattern.length && pattern[p] === '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else return false;
    }
    while (pattern[p] === '*') p++;
    return p === pattern.length;
  };
}
