import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../../core/errors.ts';
import { compileFilterPattern } from './filter-pattern.ts';

const matching = (pattern: string, messages: string[]) => {
  const hits = compileFilterPattern(pattern)(messages);
  return messages.filter((_, i) => hits[i]);
};

describe('filter patterns', () => {
  const lines = ['ERROR disk full', 'WARN disk almost full', 'INFO all good', 'ERROR timeout after 30s', 'error lower case'];

  it('an empty pattern matches every event', () => {
    assert.deepEqual(matching('', lines), lines);
  });

  it('plain terms must all appear, case-sensitively', () => {
    assert.deepEqual(matching('ERROR', lines), ['ERROR disk full', 'ERROR timeout after 30s']);
    assert.deepEqual(matching('ERROR disk', lines), ['ERROR disk full']);
  });

  it('a quoted phrase matches as a whole', () => {
    assert.deepEqual(matching('"disk full"', lines), ['ERROR disk full']);
    assert.deepEqual(matching('"almost full" WARN', lines), ['WARN disk almost full']);
  });

  it('-terms exclude and ?terms are alternatives', () => {
    assert.deepEqual(matching('disk -ERROR', lines), ['WARN disk almost full']);
    assert.deepEqual(matching('?WARN ?INFO', lines), ['WARN disk almost full', 'INFO all good']);
    assert.deepEqual(matching('?WARN ?timeout -disk', lines), ['ERROR timeout after 30s']);
  });

  it('%regex% matches a regular expression', () => {
    assert.deepEqual(matching('%[Ee]rror%', lines), ['error lower case']);
    assert.deepEqual(matching('%after \\d+s%', lines), ['ERROR timeout after 30s']);
  });

  describe('JSON patterns', () => {
    const events = [
      JSON.stringify({ level: 'error', ms: 300, user: { id: 7, name: 'ana' }, tags: ['a', 'b'] }),
      JSON.stringify({ level: 'error', ms: 20, retry: true }),
      JSON.stringify({ level: 'info', ms: 500, user: null }),
      'not json at all error',
    ];

    it('= and != compare strings, with * wildcards', () => {
      assert.deepEqual(matching('{ $.level = "error" }', events), events.slice(0, 2));
      assert.deepEqual(matching('{ $.level = err* }', events), events.slice(0, 2));
      assert.deepEqual(matching('{ $.level != "error" }', events), [events[2]]);
    });

    it('a string value with many * tests a long field at once', () => {
      const long = [JSON.stringify({ msg: 'a'.repeat(100_000) })];
      assert.deepEqual(matching(`{ $.msg = "${'*a'.repeat(200)}*b" }`, long), []);
      assert.deepEqual(matching(`{ $.msg = "${'*a'.repeat(200)}*" }`, long), long);
    });

    it('numbers compare with = != < > <= >=', () => {
      assert.deepEqual(matching('{ $.ms > 200 }', events), [events[0], events[2]]);
      assert.deepEqual(matching('{ $.ms <= 300 }', events), events.slice(0, 2));
      assert.deepEqual(matching('{ $.ms = 20 }', events), [events[1]]);
      assert.deepEqual(matching('{ $.ms != 20 }', events), [events[0], events[2]]);
      assert.deepEqual(matching('{ $.user.id >= 7 }', events), [events[0]]);
    });

    it('&& binds tighter than ||, and parentheses group', () => {
      assert.deepEqual(matching('{ $.level = "error" && $.ms > 200 }', events), [events[0]]);
      assert.deepEqual(matching('{ $.level = "info" || $.level = "error" && $.ms < 100 }', events), [events[1], events[2]]);
      assert.deepEqual(matching('{ ($.level = "info" || $.level = "error") && $.ms < 100 }', events), [events[1]]);
    });

    it('selects into arrays and tests IS and NOT EXISTS', () => {
      assert.deepEqual(matching('{ $.tags[1] = "b" }', events), [events[0]]);
      assert.deepEqual(matching('{ $.retry IS TRUE }', events), [events[1]]);
      assert.deepEqual(matching('{ $.user IS NULL }', events), [events[2]]);
      assert.deepEqual(matching('{ $.user NOT EXISTS }', events), [events[1]]);
    });

    it('never matches a message that is not JSON', () => {
      assert.deepEqual(matching('{ $.level = * }', ['not json', '{"level":"x"}']), ['{"level":"x"}']);
    });
  });

  it('refuses a malformed pattern with InvalidParameterException naming filterPattern', () => {
    for (const bad of [
      '{ $.level = }',
      '{ level = "x" }',
      '{ $.ms > "x" }',
      '{ $.a = 1 ',
      '{ $.a = 1 && }',
      '"unterminated',
      '[ip, user]',
      '%(%',
      '%time(out|d out)%',
      '%something!%',
      '%(a)\\1%',
    ]) {
      assert.throws(
        () => compileFilterPattern(bad),
        (err: unknown) => err instanceof AwsError && err.code === 'InvalidParameterException' && err.message.includes("'filterPattern'"),
        bad,
      );
    }
  });

  it('matches a page under a deadline: quantifiers side by side that backtrack for ages end in InvalidParameterException', () => {
    const slow = compileFilterPattern('%a*a*a*a*a*a*a*a*$%');
    assert.throws(
      () => slow([`${'a'.repeat(3000)}!`]),
      (err: unknown) => err instanceof AwsError && err.code === 'InvalidParameterException' && /took more than \d+ ms/.test(err.message),
    );
    assert.deepEqual(matching('%^a+b$%', ['aab', 'ab!']), ['aab']);
  });
});
