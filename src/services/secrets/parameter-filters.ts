/**
 * @module services/secrets/parameter-filters
 * ParameterFilters as DescribeParameters and GetParametersByPath take them: each key with the
 * options SSM allows for it (Name: Equals, BeginsWith, Contains; Path: OneLevel, Recursive; the
 * rest Equals), checked before anything is read; a parameter matches when every filter does, and a
 * filter when any of its values does.
 */
import { ssmError } from './errors.ts';
import { parentPath, type Selected } from './parameters.ts';
import type { ParameterStringFilter } from './shapes-ssm.ts';

const OPTIONS: Record<string, string[]> = {
  Name: ['Equals', 'BeginsWith', 'Contains'],
  Path: ['OneLevel', 'Recursive'],
  Type: ['Equals'],
  KeyId: ['Equals'],
  Label: ['Equals'],
  Tier: ['Equals'],
  DataType: ['Equals'],
  tag: ['Equals'],
};
const VALUES: Record<string, string[]> = {
  Type: ['String', 'StringList', 'SecureString'],
  Tier: ['Standard', 'Advanced', 'Intelligent-Tiering'],
};
/** The keys GetParametersByPath takes; the path itself is the request's. */
export const BY_PATH_KEYS = ['Type', 'KeyId', 'Label'];

const kindOf = (key: string) => (key.startsWith('tag:') ? 'tag' : key);

export function checkFilters(filters: ParameterStringFilter[], allowedKeys = Object.keys(OPTIONS)): void {
  for (const f of filters) {
    const kind = kindOf(f.Key);
    if (!allowedKeys.includes(kind)) throw ssmError.invalidFilterKey(f.Key, allowedKeys);
    const options = OPTIONS[kind];
    if (f.Option !== undefined && !options.includes(f.Option)) throw ssmError.invalidFilterOption(f.Option, options);
    if (kind !== 'tag' && !f.Values?.length)
      throw ssmError.invalidFilterValue('(none)', VALUES[kind] ?? [`one or more values for ${f.Key}`]);
    for (const v of f.Values ?? []) if (VALUES[kind] && !VALUES[kind].includes(v)) throw ssmError.invalidFilterValue(v, VALUES[kind]);
  }
}

const withSlash = (name: string) => (name.startsWith('/') ? name : `/${name}`);

function matchesOne(p: Selected, f: ParameterStringFilter): boolean {
  const values = f.Values ?? [];
  const { record, version } = p;
  switch (kindOf(f.Key)) {
    case 'Name': {
      const option = f.Option ?? 'Equals';
      return values.some((v) =>
        option === 'Contains'
          ? record.name.includes(v)
          : option === 'BeginsWith'
            ? withSlash(record.name).startsWith(withSlash(v))
            : withSlash(record.name) === withSlash(v),
      );
    }
    case 'Path':
      return values.some((v) => {
        const path = v.length > 1 ? v.replace(/\/+$/, '') : v;
        return f.Option === 'Recursive'
          ? withSlash(record.name).startsWith(path === '/' ? '/' : `${path}/`)
          : parentPath(record.name) === path;
      });
    case 'Type':
      return values.includes(version.type);
    case 'KeyId':
      return version.keyId !== undefined && values.includes(version.keyId);
    case 'Label':
      return version.labels.some((l) => values.includes(l));
    case 'Tier':
      return values.includes(version.tier);
    case 'DataType':
      return values.includes(version.dataType);
    default: {
      const key = f.Key.slice('tag:'.length);
      return p.record.tags.some((t) => t.Key === key && (!values.length || values.includes(t.Value)));
    }
  }
}

export function matchesAll(p: Selected, filters: ParameterStringFilter[]): boolean {
  return filters.every((f) => matchesOne(p, f));
}
