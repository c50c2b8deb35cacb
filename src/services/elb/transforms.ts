/**
 * @module services/elb/transforms
 * Rule transforms as ALB checks and shows them: at most one host-header-rewrite and one
 * url-rewrite per rule, never on the default rule, each a list of regular expression → replacement
 * rewrites ($1… name capture groups). The data plane applies them after the rule is chosen, so a
 * rewrite never changes which rule a request takes.
 */
import { checkPrintable, elbError } from './errors.ts';
import { checkRegex } from './regex.ts';
import type { RuleTransform } from './shapes.ts';

const CONFIG_OF = { 'host-header-rewrite': 'HostHeaderRewriteConfig', 'url-rewrite': 'UrlRewriteConfig' } as const;
const MAX_LENGTH = 1024;

/** Checks a rule's transforms; returns them as DescribeRules shows them. */
export function checkTransforms(transforms: RuleTransform[]): RuleTransform[] {
  const seen = new Set<string>();
  return transforms.map((t) => {
    const type = t.Type as keyof typeof CONFIG_OF;
    const key = CONFIG_OF[type];
    if (!key) throw elbError.validation(`Transform type '${t.Type}' must be one of [${Object.keys(CONFIG_OF).join(', ')}]`);
    if (seen.has(type)) throw elbError.validation(`A rule can have only one '${type}' transform`);
    seen.add(type);
    const other = Object.values(CONFIG_OF).find((k) => k !== key && t[k]);
    if (other) throw elbError.validation(`A '${type}' transform cannot have a ${other}`);
    const rewrites = t[key]?.Rewrites ?? [];
    if (rewrites.length === 0) throw elbError.validation(`A '${type}' transform must have a ${key} with at least one rewrite`);
    for (const r of rewrites) {
      checkRegex(r.Regex ?? '', MAX_LENGTH, `'${type}' transform`);
      const replace = r.Replace ?? '';
      checkPrintable(replace, `Replace in the '${type}' transform`, true);
      if (replace.length > MAX_LENGTH)
        throw elbError.validation(
          `The replacement '${replace}' in the '${type}' transform must be one line of at most ${MAX_LENGTH} characters`,
        );
    }
    return { Type: type, [key]: { Rewrites: rewrites.map((r) => ({ Regex: r.Regex, Replace: r.Replace ?? '' })) } };
  });
}
