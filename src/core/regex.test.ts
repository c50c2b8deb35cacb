import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegexTimeout, testWithin } from './regex.ts';

describe('testWithin', () => {
  it('answers as RegExp.test does for a pattern that finishes', () => {
    assert.equal(testWithin(/^prod/, 'production'), true);
    assert.equal(testWithin(/^prod/, 'staging'), false);
    assert.equal(testWithin(/(a+)+$/, 'aaaa'), true);
  });

  it('interrupts a pattern that backtracks without end, and runs the next one normally', () => {
    // 2^40 ways to split the a's: hours unbounded.
    assert.throws(
      () => testWithin(/(a+)+$/, `${'a'.repeat(40)}!`, 50),
      (e) => e instanceof RegexTimeout && e.ms === 50,
    );
    assert.equal(testWithin(/b$/, 'ab'), true);
  });
});
