import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonPathError, parseJsonPath, selectJsonPath } from './jsonpath.ts';
import { expectedValue, failedFilter } from './webhooks.ts';
import type { WebhookDefinition } from './shapes.ts';

const payload = {
  ref: 'refs/heads/main',
  repository: { full_name: 'team/app', 'odd.name': 1 },
  commits: [{ id: 'a1', modified: ['src/x.ts'] }, { id: 'b2' }],
};
const select = (path: string) => selectJsonPath(parseJsonPath(path), payload);

describe('webhook JSONPath', () => {
  it('selects members by dot or bracket, array elements by index, slice or *, and every level with ..', () => {
    assert.deepEqual(select('$.ref'), ['refs/heads/main']);
    assert.deepEqual(select("$['repository']['full_name']"), ['team/app']);
    assert.deepEqual(select("$.repository['odd.name']"), [1]);
    assert.deepEqual(select('$.commits[0].id'), ['a1']);
    assert.deepEqual(select('$.commits[-1].id'), ['b2']);
    assert.deepEqual(select('$.commits[0:1].id'), ['a1']);
    assert.deepEqual(select('$.commits[*].id'), ['a1', 'b2']);
    assert.deepEqual(select('$..id'), ['a1', 'b2']);
    assert.deepEqual(select('$.commits[0].modified[0]'), ['src/x.ts']);
    assert.deepEqual(select('$.missing.deeper'), []);
  });

  it('selects a value that several .. reach once, so that each deep step is one pass over the payload', () => {
    const chain = { a: { b: { c: 1 } } };
    assert.deepEqual(selectJsonPath(parseJsonPath('$..*..*'), chain), [{ c: 1 }, 1]);
    let deep: unknown = 'end';
    for (let i = 0; i < 300; i++) deep = { a: deep };
    assert.equal(selectJsonPath(parseJsonPath('$..*..*..*..*..a'), deep).length, 296);
  });

  it('refuses to visit more values than its limit, naming the limit', () => {
    const chain = { a: { b: { c: 1 } } };
    assert.deepEqual(selectJsonPath(parseJsonPath('$..c'), chain, 10), [1]);
    assert.throws(() => selectJsonPath(parseJsonPath('$..*..*..*'), chain, 10), JsonPathError);
    assert.throws(() => selectJsonPath(parseJsonPath('$..*..*..*'), chain, 10), /more than 10 values/);
  });

  it('refuses a path that does not start at $, an unclosed bracket and functions', () => {
    for (const bad of ['ref', '$.commits[0', '$.commits.length()', '$.a[x]', '$..']) {
      assert.throws(() => parseJsonPath(bad), JsonPathError, bad);
    }
  });
});

describe('webhook JSONPath filters', () => {
  const pr = {
    ref: 'refs/heads/main',
    branches: [
      { name: 'main', commits: 3, protected: true, parent: null },
      { name: 'dev', commits: 10, labels: ['wip'] },
      { name: 'fix', commits: 5, protected: false },
    ],
    tags: ['v1', 'v2'],
  };
  const names = (path: string) => selectJsonPath(parseJsonPath(path), pr).map((b) => (b as { name: string }).name);

  it('compares a member with strings, numbers, booleans and null', () => {
    assert.deepEqual(names("$.branches[?(@.name == 'main')]"), ['main']);
    assert.deepEqual(names('$.branches[?(@.name != "main")]'), ['dev', 'fix']);
    assert.deepEqual(names('$.branches[?(@.commits < 5)]'), ['main']);
    assert.deepEqual(names('$.branches[?(@.commits <= 5)]'), ['main', 'fix']);
    assert.deepEqual(names('$.branches[?(@.commits > 5)]'), ['dev']);
    assert.deepEqual(names('$.branches[?(@.commits >= 5)]'), ['dev', 'fix']);
    assert.deepEqual(names("$.branches[?(@.name > 'e')]"), ['main', 'fix']);
    assert.deepEqual(names('$.branches[?(@.protected == false)]'), ['fix']);
    assert.deepEqual(names('$.branches[?(@.parent == null)]'), ['main']);
    // Values of different types are never equal, nor ordered.
    assert.deepEqual(names("$.branches[?(@.commits == '3')]"), []);
    assert.deepEqual(names("$.branches[?(@.commits < 'z')]"), []);
  });

  it('joins tests with && and ||, groups them, negates them, and tests that a member exists', () => {
    assert.deepEqual(names("$.branches[?(@.commits > 3 && @.name != 'dev')]"), ['fix']);
    assert.deepEqual(names("$.branches[?(@.name == 'main' || @.commits == 10)]"), ['main', 'dev']);
    assert.deepEqual(names("$.branches[?((@.name == 'main' || @.commits == 10) && @.labels)]"), ['dev']);
    assert.deepEqual(names('$.branches[?(@.protected)]'), ['main', 'fix']);
    assert.deepEqual(names('$.branches[?(!@.protected)]'), ['dev']);
    assert.deepEqual(names('$.branches[?(@.labels[0])]'), ['dev']);
  });

  it('tests an object itself, array elements that are values, every level with .., and the payload with $', () => {
    assert.deepEqual(selectJsonPath(parseJsonPath("$[?(@.ref == 'refs/heads/main')].ref"), pr), ['refs/heads/main']);
    assert.deepEqual(selectJsonPath(parseJsonPath("$[?(@.ref == 'refs/heads/dev')].ref"), pr), []);
    assert.deepEqual(selectJsonPath(parseJsonPath("$.tags[?(@ == 'v2')]"), pr), ['v2']);
    assert.deepEqual(names("$..[?(@.name == 'dev')]"), ['dev']);
    assert.deepEqual(names('$.branches[?(@.commits == $.branches[2].commits)]'), ['fix']);
  });

  it('refuses regular expressions, other operators and broken filters, naming them', () => {
    assert.throws(() => parseJsonPath('$.b[?(@.name =~ /ma[a-z]+/)]'), /regular expressions \(=~\)/);
    assert.throws(() => parseJsonPath("$.b[?(@.name in ['main'])]"), /operator 'in'/);
    assert.throws(() => parseJsonPath("$.b[?('main')]"), /a literal alone is not a test/);
    assert.throws(() => parseJsonPath('$.b[?(@.name ==)]'), /expected a path/);
    assert.throws(() => parseJsonPath('$.b[?(@.a == 1) && (@.b == 2)]'), /unexpected|filter is written/);
    assert.throws(() => parseJsonPath('$.b[?(@.a == 1 &&)]'), JsonPathError);
    assert.throws(() => parseJsonPath('$.b[?@.a]'), /\[\?\(<expression>\)\]/);
  });

  it('refuses filters nested without end, as an error rather than a stack overflow', () => {
    const n = 100_000;
    for (const hostile of [
      `$.a[?(${'('.repeat(n)}@.a${')'.repeat(n)})]`,
      `$.a[?(${'!'.repeat(n)}@.a)]`,
      `$.a${'[?(@.a'.repeat(n)}${')]'.repeat(n)}`,
    ]) {
      assert.throws(() => parseJsonPath(hostile), /nests? deeper than 32 levels/);
    }
  });

  it('counts the values a filter visits against the bound, its own paths included', () => {
    const huge = { items: Array.from({ length: 3_000 }, (_, i) => ({ i })) };
    // Every element tested looks at the whole payload: more than 5 million values in all.
    assert.throws(() => selectJsonPath(parseJsonPath('$.items[?($..* == -1)]'), huge), /more than 5000000 values/);
    assert.throws(() => selectJsonPath(parseJsonPath('$.items[?(@.i >= 0)]'), huge, 1_000), /more than 1000 values/);
    assert.equal(selectJsonPath(parseJsonPath('$.items[?(@.i >= 2990)]'), huge).length, 10);
  });

  it('walks a payload nested deeper than the call stack without overflowing it', () => {
    let deep: unknown = { name: 'bottom' };
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    assert.deepEqual(selectJsonPath(parseJsonPath("$..[?(@.name == 'bottom')].name"), deep), ['bottom']);
  });
});

describe('webhook filters', () => {
  const definition = (filters: WebhookDefinition['filters']): WebhookDefinition => ({
    name: 'w',
    targetPipeline: 'p',
    targetAction: 'Source',
    filters,
    authentication: 'UNAUTHENTICATED',
    authenticationConfiguration: {},
  });

  it('{Key} in matchEquals is the target action configuration property Key; an unknown key stays as written', () => {
    assert.equal(expectedValue('refs/heads/{Branch}', { Branch: 'main' }), 'refs/heads/main');
    assert.equal(expectedValue('refs/heads/{Branch}', {}), 'refs/heads/{Branch}');
  });

  it('every filter must pass: a value selected equals matchEquals, or (without it) something is selected', () => {
    const config = { Branch: 'main' };
    assert.equal(failedFilter(definition([{ jsonPath: '$.ref', matchEquals: 'refs/heads/{Branch}' }]), config, payload), undefined);
    assert.equal(failedFilter(definition([{ jsonPath: '$.commits[*].id', matchEquals: 'b2' }]), config, payload), undefined);
    assert.equal(failedFilter(definition([{ jsonPath: '$.repository' }]), config, payload), undefined);
    assert.equal(
      failedFilter(definition([{ jsonPath: '$.ref' }, { jsonPath: '$.ref', matchEquals: 'refs/heads/dev' }]), config, payload),
      1,
    );
    assert.equal(failedFilter(definition([{ jsonPath: '$.after' }]), config, payload), 0);
  });
});
