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

  it('refuses a path that does not start at $, an unclosed bracket, filters and functions', () => {
    for (const bad of ['ref', '$.commits[0', '$.commits[?(@.id)]', '$.commits.length()', '$.a[x]', '$..']) {
      assert.throws(() => parseJsonPath(bad), JsonPathError, bad);
    }
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
