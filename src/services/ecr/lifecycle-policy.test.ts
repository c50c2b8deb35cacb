import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AwsError } from '../../core/errors.ts';
import { DAY_MS } from '../../core/clock.ts';
import { evaluateLifecyclePolicy, ruleSelects, validateLifecyclePolicy, type LifecycleImage } from './lifecycle-policy.ts';

const NOW = Date.parse('2025-01-31T00:00:00Z');
const daysAgo = (n: number) => NOW - n * DAY_MS;
const image = (digest: string, tags: string[], ageDays: number, extra: Partial<LifecycleImage> = {}): LifecycleImage => ({
  digest,
  tags,
  pushedAt: daysAgo(ageDays),
  ...extra,
});

type Selection = Record<string, unknown>;
const rule = (rulePriority: number, selection: Selection, action: object = { type: 'expire' }) => ({
  rulePriority,
  description: `rule ${rulePriority}`,
  selection,
  action,
});
const policy = (...rules: object[]) => JSON.stringify({ rules });
const tagged = (list: string[], countType = 'imageCountMoreThan', countNumber = 1, key = 'tagPrefixList'): Selection =>
  countType === 'imageCountMoreThan'
    ? { tagStatus: 'tagged', [key]: list, countType, countNumber }
    : { tagStatus: 'tagged', [key]: list, countType, countUnit: 'days', countNumber };

describe('evaluateLifecyclePolicy', () => {
  const cases: { name: string; policy: string; images: LifecycleImage[]; expired: [string, number][]; dayMs?: number }[] = [
    {
      name: 'untagged imageCountMoreThan keeps the newest untagged image and leaves tagged ones alone',
      policy: policy(rule(1, { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 })),
      images: [image('u1', [], 3), image('u2', [], 2), image('u3', [], 1), image('t1', ['v1'], 9)],
      expired: [
        ['u1', 1],
        ['u2', 1],
      ],
    },
    {
      name: 'a tag prefix rule counts only the images it selects',
      policy: policy(rule(1, tagged(['v']))),
      images: [image('a', ['v1'], 3), image('b', ['v2'], 2), image('c', ['latest'], 9)],
      expired: [['a', 1]],
    },
    {
      name: 'tagPatternList with sinceImagePushed expires matching images older than N days only',
      policy: policy(rule(1, tagged(['prod*'], 'sinceImagePushed', 14, 'tagPatternList'))),
      images: [
        image('old-prod', ['prod-1'], 20),
        image('new-prod', ['prod-2'], 5),
        image('old-beta', ['beta'], 20),
        image('edge', ['prod-3'], 14),
      ],
      expired: [['old-prod', 1]],
    },
    {
      name: 'every pattern must match one of the tags',
      policy: policy(rule(1, tagged(['prod*', '*-east'], 'sinceImagePushed', 1, 'tagPatternList'))),
      images: [image('both', ['prod-1', 'us-east'], 5), image('one', ['prod-2'], 5), image('none', ['x'], 5)],
      expired: [['both', 1]],
    },
    {
      name: 'every prefix must match one of the tags',
      policy: policy(rule(1, tagged(['prod', 'release'], 'sinceImagePushed', 1))),
      images: [image('both', ['prod-1', 'release-7'], 5), image('one', ['prod-1'], 5)],
      expired: [['both', 1]],
    },
    {
      name: "ECR's example A: an image a higher rule keeps is not expired by a lower rule, but is counted by it",
      policy: policy(rule(1, tagged(['prod'])), rule(2, tagged(['beta']))),
      images: [image('A', ['beta-1', 'prod-1'], 10), image('B', ['beta-2', 'prod-2'], 9), image('C', ['beta-3'], 8)],
      expired: [['A', 1]],
    },
    {
      name: "ECR's example B: each image is expired by one rule only",
      policy: policy(rule(1, tagged(['prod'])), rule(2, tagged(['beta']))),
      images: [image('A', ['beta-1', 'prod-1'], 10), image('B', ['beta-2', 'prod-2'], 9), image('C', ['beta-3', 'prod-3'], 8)],
      expired: [
        ['A', 1],
        ['B', 1],
      ],
    },
    {
      name: 'a final tagStatus any rule expires what no higher rule selects',
      policy: policy(rule(1, tagged(['prod'])), rule(9, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1 })),
      images: [image('P1', ['prod-1'], 10), image('P2', ['prod-2'], 5), image('X', ['dev'], 8), image('U', [], 1)],
      expired: [
        ['P1', 1],
        ['X', 9],
      ],
    },
    {
      name: 'days follow the scaled day length',
      policy: policy(rule(1, { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 3 })),
      images: [
        { digest: 'old', tags: [], pushedAt: NOW - 5_000 },
        { digest: 'young', tags: ['x'], pushedAt: NOW - 2_000 },
      ],
      dayMs: 1_000,
      expired: [['old', 1]],
    },
    {
      name: 'sinceImagePulled counts from the last pull, or from the push when never pulled',
      policy: policy(rule(1, { tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: 7 })),
      images: [
        image('pulled', ['a'], 30, { lastPulledAt: daysAgo(1) }),
        image('stale', ['b'], 30, { lastPulledAt: daysAgo(10) }),
        image('never', ['c'], 30),
      ],
      expired: [
        ['stale', 1],
        ['never', 1],
      ],
    },
    {
      name: 'equal push times are ordered by digest, so the result does not depend on input order',
      policy: policy(rule(1, { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 })),
      images: [image('b', [], 1), image('a', [], 1), image('c', [], 1)],
      expired: [
        ['c', 1],
        ['b', 1],
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const expiring = evaluateLifecyclePolicy(validateLifecyclePolicy(c.policy), c.images, NOW, c.dayMs);
      assert.deepEqual(
        expiring.map((e) => [e.digest, e.rulePriority]),
        c.expired,
      );
      for (const e of expiring) assert.deepEqual(e.tags, c.images.find((i) => i.digest === e.digest)!.tags);
    });
  }
});

describe('validateLifecyclePolicy', () => {
  const untagged = { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 };
  const any = { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 };
  const invalid: { name: string; text: string; message: RegExp }[] = [
    { name: 'text that is not JSON', text: '{"rules": [', message: /not valid JSON/ },
    { name: 'no rules', text: '{"rules": []}', message: /"rules" must be a non-empty list/ },
    {
      name: 'an unknown top-level field',
      text: JSON.stringify({ rules: [rule(1, untagged)], extra: 1 }),
      message: /unknown field 'extra'/,
    },
    {
      name: 'a duplicate rulePriority',
      text: policy(rule(1, untagged), rule(1, tagged(['v']))),
      message: /rulePriority 1 is used by more than one rule/,
    },
    {
      name: 'a rulePriority below 1',
      text: policy(rule(0, untagged)),
      message: /rules\[0\]\.rulePriority must be a whole number of at least 1/,
    },
    {
      name: "'any' not last",
      text: policy(rule(5, any), rule(6, tagged(['v']))),
      message: /rule 5 has tagStatus 'any', so it must have the highest rulePriority/,
    },
    {
      name: 'two untagged rules',
      text: policy(rule(1, untagged), rule(2, { ...untagged, countNumber: 3 })),
      message: /only one rule may select untagged images \(rules 1, 2 do\)/,
    },
    {
      name: 'tagged without a list',
      text: policy(rule(1, { tagStatus: 'tagged', countType: 'imageCountMoreThan', countNumber: 1 })),
      message: /rule 1: tagStatus 'tagged' needs a tagPrefixList or a tagPatternList/,
    },
    {
      name: 'both lists',
      text: policy(rule(1, { ...tagged(['v']), tagPatternList: ['v*'] })),
      message: /rule 1: a rule may give tagPrefixList or tagPatternList, not both/,
    },
    {
      name: 'a list on an untagged rule',
      text: policy(rule(1, { ...untagged, tagPrefixList: ['v'] })),
      message: /rule 1: tagPrefixList and tagPatternList may only be used with tagStatus 'tagged'/,
    },
    {
      name: 'more than four wildcards',
      text: policy(rule(1, tagged(['a*b*c*d*e*f'], 'imageCountMoreThan', 1, 'tagPatternList'))),
      message: /tag pattern 'a\*b\*c\*d\*e\*f' has more than 4 wildcards/,
    },
    {
      name: 'an empty prefix list',
      text: policy(rule(1, tagged([]))),
      message: /rule 1: selection.tagPrefixList must be a non-empty list/,
    },
    {
      name: 'a bad tagStatus',
      text: policy(rule(1, { ...untagged, tagStatus: 'TAGGED' })),
      message: /rule 1: selection.tagStatus must be one of tagged, untagged, any/,
    },
    {
      name: 'a bad countType',
      text: policy(rule(1, { ...untagged, countType: 'imageCountLessThan' })),
      message: /rule 1: selection.countType must be one of/,
    },
    {
      name: 'countUnit with imageCountMoreThan',
      text: policy(rule(1, { ...untagged, countUnit: 'days' })),
      message: /rule 1: countUnit must not be given with countType 'imageCountMoreThan'/,
    },
    {
      name: 'sinceImagePushed without countUnit',
      text: policy(rule(1, { tagStatus: 'untagged', countType: 'sinceImagePushed', countNumber: 3 })),
      message: /rule 1: countType 'sinceImagePushed' needs countUnit 'days'/,
    },
    {
      name: 'countNumber 0',
      text: policy(rule(1, { ...untagged, countNumber: 0 })),
      message: /rule 1: selection.countNumber must be a whole number of at least 1/,
    },
    {
      name: 'a transition action',
      text: policy(rule(1, untagged, { type: 'transition', targetStorageClass: 'archive' })),
      message: /rule 1: action.type must be 'expire'/,
    },
    {
      name: 'an unknown selection field',
      text: policy(rule(1, { ...untagged, tagSuffixList: ['x'] })),
      message: /rule 1 selection has unknown field 'tagSuffixList'/,
    },
    {
      name: 'two rules selecting the same prefixes',
      text: policy(rule(1, tagged(['a', 'b'])), rule(2, tagged(['b', 'a'], 'sinceImagePushed', 3))),
      message: /rules 1 and 2 select the same tags/,
    },
  ];
  for (const c of invalid) {
    it(`refuses ${c.name}, naming the problem`, () => {
      assert.throws(
        () => validateLifecyclePolicy(c.text),
        (err: unknown) => {
          assert.ok(err instanceof AwsError);
          assert.equal(err.code, 'InvalidParameterException');
          assert.match(
            err.message,
            /^Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: /,
          );
          assert.match(err.message, c.message);
          return true;
        },
      );
    });
  }

  it('accepts a typical policy and sorts its rules by priority', () => {
    const text = policy(
      rule(1000, { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 15 }),
      rule(10, tagged(['latest'], 'imageCountMoreThan', 5)),
      rule(990, { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 }),
      rule(20, tagged(['release-*'], 'imageCountMoreThan', 5, 'tagPatternList')),
    );
    const parsed = validateLifecyclePolicy(text);
    assert.deepEqual(
      parsed.rules.map((r) => r.rulePriority),
      [10, 20, 990, 1000],
    );
    assert.deepEqual(parsed.rules[1].selection, {
      tagStatus: 'tagged',
      tagPatternList: ['release-*'],
      countType: 'imageCountMoreThan',
      countNumber: 5,
    });
  });
});

describe('ruleSelects', () => {
  it('a tagged rule that reached it with no tag list (validation refuses one) selects no image', () => {
    const bare = {
      rulePriority: 1,
      selection: { tagStatus: 'tagged' as const, countType: 'imageCountMoreThan' as const, countNumber: 1 },
      action: { type: 'expire' as const },
    };
    assert.equal(ruleSelects(bare, image('a', ['v1'], 1)), false);
    assert.equal(ruleSelects({ ...bare, selection: { ...bare.selection, tagPatternList: ['v*'] } }, image('a', ['v1'], 1)), true);
  });
});
