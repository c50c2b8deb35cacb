/**
 * @module services/ecr/lifecycle-policy
 * ECR lifecycle policies as data: parsing and validating the policy text, and the pure evaluation
 * that says which images a policy expires. Applying it to a repository is in lifecycle.ts.
 *
 * Evaluation follows ECR's documented rules: rules run in rulePriority order (lowest first); each
 * rule selects the images its tag filter matches and picks, oldest first, those beyond its count or
 * age; an image is expired by at most one rule; an image that matches the tag filter of a
 * higher-priority rule is never expired by a lower one, but it still counts when a lower rule
 * counts images (ECR's "Example A": prod rule keeps B, so the beta rule may not expire it).
 */
import { DAY_MS } from '../../core/clock.ts';
import { wildcardMatcher } from '../../core/text.ts';
import { ecrError } from './errors.ts';

export type TagStatus = 'tagged' | 'untagged' | 'any';
export type CountType = 'imageCountMoreThan' | 'sinceImagePushed' | 'sinceImagePulled';

export interface LifecycleRule {
  rulePriority: number;
  description?: string;
  selection: {
    tagStatus: TagStatus;
    tagPrefixList?: string[];
    tagPatternList?: string[];
    countType: CountType;
    countUnit?: 'days';
    countNumber: number;
  };
  action: { type: 'expire' };
}

/** Rules sorted by rulePriority, lowest (applied first) first. */
export interface LifecyclePolicy {
  rules: LifecycleRule[];
}

export interface LifecycleImage {
  digest: string;
  tags: string[];
  pushedAt: number;
  /** For sinceImagePulled; an image never pulled counts from its push. */
  lastPulledAt?: number;
}

export interface ExpiringImage {
  digest: string;
  tags: string[];
  pushedAt: number;
  rulePriority: number;
}

const TAG_STATUSES = ['tagged', 'untagged', 'any'];
const COUNT_TYPES = ['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled'];
const MAX_WILDCARDS = 4;

function invalid(problem: string): never {
  throw ecrError.invalidParameter('LifecyclePolicyText', `Lifecycle policy validation failure: ${problem}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function onlyKnownKeys(value: Record<string, unknown>, known: string[], where: string): void {
  const unknown = Object.keys(value).filter((k) => !known.includes(k));
  if (unknown.length)
    invalid(
      `${where} has unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')} (allowed: ${known.join(', ')})`,
    );
}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string' || v === '')) {
    invalid(`${where} must be a non-empty list of non-empty strings`);
  }
  return value as string[];
}

/** Parses and checks a lifecycle policy; throws InvalidParameterException naming the rule and field at fault. */
export function validateLifecyclePolicy(text: string): LifecyclePolicy {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    invalid(`the policy is not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(parsed)) invalid('the policy must be a JSON object with a "rules" list');
  onlyKnownKeys(parsed, ['rules'], 'the policy');
  const rawRules = parsed.rules;
  if (!Array.isArray(rawRules) || rawRules.length === 0) invalid('"rules" must be a non-empty list');
  const rules = rawRules.map((raw, i) => validateRule(raw, i));

  const priorities = new Set<number>();
  for (const rule of rules) {
    if (priorities.has(rule.rulePriority))
      invalid(`rulePriority ${rule.rulePriority} is used by more than one rule; each rule needs a unique rulePriority`);
    priorities.add(rule.rulePriority);
  }
  rules.sort((a, b) => a.rulePriority - b.rulePriority);
  const highest = rules[rules.length - 1].rulePriority;
  for (const rule of rules) {
    if (rule.selection.tagStatus === 'any' && rule.rulePriority !== highest) {
      invalid(`rule ${rule.rulePriority} has tagStatus 'any', so it must have the highest rulePriority (${highest} is higher)`);
    }
  }
  const untagged = rules.filter((r) => r.selection.tagStatus === 'untagged');
  if (untagged.length > 1) invalid(`only one rule may select untagged images (rules ${untagged.map((r) => r.rulePriority).join(', ')} do)`);
  const filters = new Map<string, number>();
  for (const rule of rules.filter((r) => r.selection.tagStatus === 'tagged')) {
    const list = rule.selection.tagPrefixList ?? rule.selection.tagPatternList ?? [];
    const key = `${rule.selection.tagPrefixList ? 'prefix' : 'pattern'}:${JSON.stringify([...new Set(list)].sort())}`;
    const other = filters.get(key);
    if (other !== undefined)
      invalid(`rules ${other} and ${rule.rulePriority} select the same tags; each rule needs its own set of tag prefixes or patterns`);
    filters.set(key, rule.rulePriority);
  }
  return { rules };
}

function validateRule(raw: unknown, index: number): LifecycleRule {
  if (!isObject(raw)) invalid(`rules[${index}] must be an object`);
  const priority = raw.rulePriority;
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 1) {
    invalid(`rules[${index}].rulePriority must be a whole number of at least 1 (got ${JSON.stringify(priority)})`);
  }
  const at = `rule ${priority}`;
  onlyKnownKeys(raw, ['rulePriority', 'description', 'selection', 'action'], at);
  if (raw.description !== undefined && typeof raw.description !== 'string') invalid(`${at}: description must be a string`);

  const selection = raw.selection;
  if (!isObject(selection)) invalid(`${at}: selection is required and must be an object`);
  onlyKnownKeys(
    selection,
    ['tagStatus', 'tagPrefixList', 'tagPatternList', 'storageClass', 'countType', 'countUnit', 'countNumber'],
    `${at} selection`,
  );
  const tagStatus = selection.tagStatus;
  if (typeof tagStatus !== 'string' || !TAG_STATUSES.includes(tagStatus)) {
    invalid(`${at}: selection.tagStatus must be one of ${TAG_STATUSES.join(', ')} (got ${JSON.stringify(tagStatus)})`);
  }
  const prefixes =
    selection.tagPrefixList === undefined ? undefined : stringList(selection.tagPrefixList, `${at}: selection.tagPrefixList`);
  const patterns =
    selection.tagPatternList === undefined ? undefined : stringList(selection.tagPatternList, `${at}: selection.tagPatternList`);
  if (tagStatus === 'tagged') {
    if (!prefixes && !patterns) invalid(`${at}: tagStatus 'tagged' needs a tagPrefixList or a tagPatternList`);
    if (prefixes && patterns) invalid(`${at}: a rule may give tagPrefixList or tagPatternList, not both`);
  } else if (prefixes || patterns) {
    invalid(`${at}: tagPrefixList and tagPatternList may only be used with tagStatus 'tagged' (got '${tagStatus}')`);
  }
  for (const pattern of patterns ?? []) {
    if ((pattern.match(/\*/g) ?? []).length > MAX_WILDCARDS)
      invalid(`${at}: tag pattern '${pattern}' has more than ${MAX_WILDCARDS} wildcards`);
  }
  if (selection.storageClass !== undefined && selection.storageClass !== 'standard') {
    invalid(
      `${at}: selection.storageClass '${String(selection.storageClass)}' is not supported; Slipway keeps every image in the standard storage class`,
    );
  }
  const countType = selection.countType;
  if (typeof countType !== 'string' || !COUNT_TYPES.includes(countType)) {
    invalid(`${at}: selection.countType must be one of ${COUNT_TYPES.join(', ')} (got ${JSON.stringify(countType)})`);
  }
  const countNumber = selection.countNumber;
  if (typeof countNumber !== 'number' || !Number.isInteger(countNumber) || countNumber < 1) {
    invalid(`${at}: selection.countNumber must be a whole number of at least 1 (got ${JSON.stringify(countNumber)})`);
  }
  if (countType === 'imageCountMoreThan') {
    if (selection.countUnit !== undefined) invalid(`${at}: countUnit must not be given with countType 'imageCountMoreThan'`);
  } else if (selection.countUnit !== 'days') {
    invalid(`${at}: countType '${countType}' needs countUnit 'days' (got ${JSON.stringify(selection.countUnit)})`);
  }

  const action = raw.action;
  if (!isObject(action)) invalid(`${at}: action is required and must be an object`);
  onlyKnownKeys(action, ['type', 'targetStorageClass'], `${at} action`);
  if (action.type !== 'expire') {
    invalid(
      `${at}: action.type must be 'expire' (got ${JSON.stringify(action.type)}; Slipway has no archive storage class to transition to)`,
    );
  }
  if (action.targetStorageClass !== undefined) invalid(`${at}: action.targetStorageClass is only for action type 'transition'`);

  return {
    rulePriority: priority,
    ...(raw.description !== undefined ? { description: raw.description as string } : {}),
    selection: {
      tagStatus: tagStatus as TagStatus,
      ...(prefixes ? { tagPrefixList: prefixes } : {}),
      ...(patterns ? { tagPatternList: patterns } : {}),
      countType: countType as CountType,
      ...(countType !== 'imageCountMoreThan' ? { countUnit: 'days' as const } : {}),
      countNumber,
    },
    action: { type: 'expire' },
  };
}

/** Whether a rule's tag filter selects the image: every prefix or pattern must match one of its tags. */
export function ruleSelects(rule: LifecycleRule, image: LifecycleImage): boolean {
  const { tagStatus, tagPrefixList, tagPatternList } = rule.selection;
  if (tagStatus === 'any') return true;
  if (tagStatus === 'untagged') return image.tags.length === 0;
  if (image.tags.length === 0) return false;
  if (tagPrefixList) return tagPrefixList.every((prefix) => image.tags.some((tag) => tag.startsWith(prefix)));
  if (tagPatternList) {
    return tagPatternList.every((pattern) => {
      const matches = wildcardMatcher(pattern);
      return image.tags.some(matches);
    });
  }
  // Validation refuses a tagged rule with neither list; one that has none selects nothing.
  return false;
}

/** Newest first; equal push times fall back to the digest so results never depend on input order. */
const newestFirst = (a: LifecycleImage, b: LifecycleImage) =>
  b.pushedAt - a.pushedAt || (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0);

/** The images this rule would expire on its own, ignoring every other rule. */
function candidates(rule: LifecycleRule, selected: LifecycleImage[], now: number, dayMs: number): LifecycleImage[] {
  const { countType, countNumber } = rule.selection;
  const sorted = [...selected].sort(newestFirst);
  if (countType === 'imageCountMoreThan') return sorted.slice(countNumber);
  const limit = countNumber * dayMs;
  return sorted.filter(
    (image) => now - (countType === 'sinceImagePulled' ? (image.lastPulledAt ?? image.pushedAt) : image.pushedAt) > limit,
  );
}

/**
 * The images `policy` expires at `now`, oldest first within each rule. `dayMs` is how long a
 * policy day lasts (the clock's scaled day, so tests can age images quickly).
 */
export function evaluateLifecyclePolicy(policy: LifecyclePolicy, images: LifecycleImage[], now: number, dayMs = DAY_MS): ExpiringImage[] {
  const rules = [...policy.rules].sort((a, b) => a.rulePriority - b.rulePriority);
  const expired = new Map<string, ExpiringImage>();
  rules.forEach((rule, index) => {
    const higher = rules.slice(0, index);
    const selected = images.filter((image) => ruleSelects(rule, image));
    const doomed = candidates(rule, selected, now, dayMs).reverse();
    for (const image of doomed) {
      if (expired.has(image.digest)) continue;
      if (higher.some((h) => ruleSelects(h, image))) continue;
      expired.set(image.digest, { digest: image.digest, tags: [...image.tags], pushedAt: image.pushedAt, rulePriority: rule.rulePriority });
    }
  });
  return [...expired.values()];
}
