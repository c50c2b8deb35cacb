import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namesKmsKey, shown, TAG_TEXT, unprintableIn, unprintableInProse, wildcardMatcher } from './text.ts';

const KEY = '1234abcd-12ab-34cd-56ef-1234567890ab';

test('an identifier holds no control character, noncharacter or unpaired surrogate', () => {
  for (const bad of ['fuzz\u0000', '\u0001\u000b\u000c', 'a\ud800b', '\udfff', 'tab\there', 'line\n', 'del\u007f', 'c1\u0085', '\uffff']) {
    assert.equal(unprintableIn(bad), true, JSON.stringify(bad));
  }
  for (const good of ['web/nginx/0123abcd', 'Émile', 'ログ', 'emoji 😀', 'a:b*c']) assert.equal(unprintableIn(good), false, good);
});

test('free text may hold tabs and line breaks, nothing else unprintable', () => {
  assert.equal(unprintableInProse('two\nlines\r\n\tindented 😀'), false);
  for (const bad of ['nul\u0000', 'vt\u000b', 'a\ud800b', '\udc00']) assert.equal(unprintableInProse(bad), true, JSON.stringify(bad));
});

test('a value shown in a message has its unprintable characters escaped and is cut when long', () => {
  assert.equal(shown('a\u0000\ud800b'), "'a\\u0000\\ud800b'");
  assert.equal(shown('😀'), "'😀'");
  const long = shown('x'.repeat(5000));
  assert.ok(long.length < 300 && long.endsWith("…(5000 characters)'"));
});

test('tag text is letters, digits and spaces in any script and _ . : / = + - @', () => {
  for (const good of ['', 'team', 'Équipe 1', 'aws:cloudformation:stack-name', 'a+b=c@d/e_f.g']) assert.match(good, TAG_TEXT);
  for (const bad of ['a\u0000', 'a\ud800', 'semi;colon', 'star*', '😀']) assert.doesNotMatch(bad, TAG_TEXT);
});

test('a KMS key is named by key id, alias name, key ARN or alias ARN of the Region', () => {
  const named = (text: string) => namesKmsKey(text, 'us-east-1');
  for (const good of [
    KEY,
    'mrk-1234abcd12ab34cd56ef1234567890ab',
    'alias/aws/secretsmanager',
    `arn:aws:kms:us-east-1:111122223333:key/${KEY}`,
    'arn:aws:kms:us-east-1:111122223333:alias/app',
  ]) {
    assert.equal(named(good), true, good);
  }
  for (const bad of [
    'arn:aws',
    'alias/',
    'alias/has space',
    'fuzz\u0000',
    `arn:aws:kms:eu-west-1:111122223333:key/${KEY}`,
    `arn:aws:kms:us-east-1:0000:key/${KEY}`,
    'arn:aws:kms:us-east-1:111122223333:key/not-a-key',
    'arn:aws:ecs:us-east-1:000000000000:cluster/fuzz',
    `arn:aws:kms:us-east-1:111122223333:key/${KEY}\u000b`,
  ]) {
    assert.equal(named(bad), false, JSON.stringify(bad));
  }
  assert.equal(namesKmsKey(`arn:aws:kms:us-east-1:111122223333:key/${KEY}`, 'us-east-1', ['key-arn']), true);
  for (const other of [KEY, 'alias/app', 'arn:aws:kms:us-east-1:111122223333:alias/app'])
    assert.equal(namesKmsKey(other, 'us-east-1', ['key-arn']), false, other);
});

test('a wildcard pattern matches whole strings, * any run of characters, everything else literally', () => {
  const cases: [string, string, boolean][] = [
    ['prod-*', 'prod-1.2', true],
    ['prod-*', 'pre-prod-1', false],
    ['a*b', 'a\nb', true],
    ['v1.0', 'v1.0', true],
    ['v1.0', 'v1x0', false],
    ['(x)+[y]', '(x)+[y]', true],
    ['', '', true],
    ['', 'x', false],
    ['*', '', true],
    ['**', 'anything', true],
    ['ab*ba', 'aba', false],
    ['ab*ba', 'abba', true],
    ['*a*b*', 'xxaxxbxx', true],
    ['*a*b*', 'xxbxxaxx', false],
    ['a*a*a', 'aaa', true],
    ['a*a*a', 'aa', false],
  ];
  for (const [pattern, text, expected] of cases)
    assert.equal(wildcardMatcher(pattern)(text), expected, `${pattern} ~ ${JSON.stringify(text)}`);
});

test('a wildcard pattern with many stars tests a long text at once', () => {
  const text = 'a'.repeat(100_000);
  assert.equal(wildcardMatcher(`${'*a'.repeat(200)}*b`)(text), false);
  assert.equal(wildcardMatcher(`${'*a'.repeat(200)}*`)(text), true);
});
