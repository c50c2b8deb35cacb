import assert from 'node:assert/strict';
import { describe as suite, it } from 'node:test';
import type { AwsError } from '../../core/errors.ts';
import { describe } from './describe.ts';

const records = [
  { id: 'vpc-a', cidr: '10.0.0.0/16', tags: [{ Key: 'Name', Value: 'web-prod' }] },
  {
    id: 'vpc-b',
    cidr: '10.1.0.0/16',
    tags: [
      { Key: 'Name', Value: 'web-dev' },
      { Key: 'team', Value: 'x' },
    ],
  },
  { id: 'vpc-c', cidr: '10.2.0.0/16', tags: [] },
];
const rules = {
  operation: 'DescribeThings',
  fields: { 'vpc-id': (r: (typeof records)[number]) => [r.id], cidr: (r: (typeof records)[number]) => [r.cidr] },
};
const ids = (out: { items: { id: string }[] }) => out.items.map((r) => r.id);

suite('ec2 Describe: ids, filters, paging', () => {
  it('matches every filter, any of its values, with * and ? wildcards', () => {
    assert.deepEqual(ids(describe(records, { Filters: [{ Name: 'tag:Name', Values: ['web-*'] }] }, rules)), ['vpc-a', 'vpc-b']);
    assert.deepEqual(ids(describe(records, { Filters: [{ Name: 'tag:Name', Values: ['web-???'] }] }, rules)), ['vpc-b']);
    assert.deepEqual(
      ids(
        describe(
          records,
          {
            Filters: [
              { Name: 'tag:Name', Values: ['web-*'] },
              { Name: 'tag-key', Values: ['team'] },
            ],
          },
          rules,
        ),
      ),
      ['vpc-b'],
    );
    assert.deepEqual(ids(describe(records, { Filters: [{ Name: 'cidr', Values: ['10.9.0.0/16', '10.2.0.0/16'] }] }, rules)), ['vpc-c']);
    assert.deepEqual(ids(describe(records, { Filters: [{ Name: 'tag-value', Values: ['*'] }] }, rules)), ['vpc-a', 'vpc-b']);
  });

  it('refuses a filter the call does not know, naming it', () => {
    assert.throws(
      () => describe(records, { Filters: [{ Name: 'colour', Values: ['x'] }] }, rules),
      (err: AwsError) => err.code === 'InvalidParameterValue' && err.message === "The filter 'colour' is invalid",
    );
  });

  it('answers the ids asked for, and names the first that does not exist', () => {
    const missing = (id: string) => new Error(`missing ${id}`);
    assert.deepEqual(ids(describe(records, {}, { ...rules, id: { of: (r) => r.id, missing, ids: ['vpc-c', 'vpc-a'] } })), [
      'vpc-a',
      'vpc-c',
    ]);
    assert.throws(() => describe(records, {}, { ...rules, id: { of: (r) => r.id, missing, ids: ['vpc-a', 'vpc-z'] } }), /missing vpc-z/);
  });

  it('pages with MaxResults and a token only this operation takes', () => {
    const first = describe(records, { MaxResults: 2 }, rules);
    assert.deepEqual(ids(first), ['vpc-a', 'vpc-b']);
    const second = describe(records, { MaxResults: 2, NextToken: first.next }, rules);
    assert.deepEqual(ids(second), ['vpc-c']);
    assert.equal(second.next, undefined);
    assert.throws(
      () => describe(records, { NextToken: first.next }, { ...rules, operation: 'DescribeOther' }),
      (err: AwsError) => err.code === 'InvalidPaginationToken',
    );
  });

  it('takes time in proportion to pattern and text, however many stars', () => {
    const long = [{ id: 'x', tags: [{ Key: 'k', Value: 'a'.repeat(256) }] }];
    const pattern = `${'*a'.repeat(60)}b`;
    assert.deepEqual(describe(long, { Filters: [{ Name: 'tag:k', Values: [pattern] }] }, { operation: 'T', fields: {} }).items, []);
  });
});
