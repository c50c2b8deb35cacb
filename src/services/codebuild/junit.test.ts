import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJunit } from './junit.ts';

test('a JUnit report is read with its entities; a reference naming no XML character reads as U+FFFD', () => {
  const cases = parseJunit(
    '<testsuite name="s"><testcase classname="c" name="a &amp; b &#x41;" time="0.5"/>' +
      '<testcase classname="c" name="bad &#x110000; &#0;"><failure message="x"/></testcase></testsuite>',
  );
  assert.deepEqual(
    cases.map((c) => [c.name, c.status]),
    [
      ['a & b A', 'SUCCEEDED'],
      ['bad \uFFFD \uFFFD', 'FAILED'],
    ],
  );
});
