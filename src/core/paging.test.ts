import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffMs } from './backoff.ts';
import { paginate } from './paging.ts';
import { scopeKey, scopeOfArn } from './scope.ts';

const rules = {
  kind: 'ListThings',
  defaultSize: 2,
  maxSize: 3,
  invalid: (field: string, message: string) => new Error(`${field}: ${message}`),
};

test('pages walk the whole list and end without a token', () => {
  const all = [1, 2, 3, 4, 5];
  const seen: number[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = paginate(all, { token }, rules);
    seen.push(...page.items);
    token = page.next;
    pages++;
  } while (token);
  assert.deepEqual(seen, all);
  assert.equal(pages, 3);
});

test('a size above the maximum is cut to it; below one is refused', () => {
  assert.equal(paginate([1, 2, 3, 4, 5], { size: 50 }, rules).items.length, 3);
  assert.throws(() => paginate([1], { size: 0 }, rules), /size: must be at least 1/);
});

test("another operation's token, or garbage, is refused", () => {
  const other = paginate([1, 2, 3], { size: 1 }, { ...rules, kind: 'ListOther' }).next;
  assert.throws(() => paginate([1, 2, 3], { token: other }, rules), /token/);
  assert.throws(() => paginate([1, 2, 3], { token: 'garbage' }, rules), /token/);
});

test('backoff doubles and stops at its cap', () => {
  assert.deepEqual(
    [0, 1, 2].map((n) => backoffMs(n)),
    [250, 500, 1000],
  );
  assert.equal(backoffMs(1000), 30_000);
  assert.equal(backoffMs(3, { baseMs: 10_000, maxMs: 60_000 }), 60_000);
});

test('an ARN and a request meet on one scope key', () => {
  const scope = scopeOfArn('arn:aws:ecs:eu-west-1:123456789012:cluster/x');
  assert.deepEqual(scope, { region: 'eu-west-1', account: '123456789012' });
  assert.equal(scopeKey(scope!), 'eu-west-1:123456789012');
  assert.equal(scopeOfArn('not-an-arn'), undefined);
});
