import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inScope } from './scope.ts';

test('inScope: an ARN or a parsed ARN is in scope only with the same region and account', () => {
  const scope = { region: 'us-east-1', account: '000000000000' };
  assert.equal(inScope(scope, 'arn:aws:logs:us-east-1:000000000000:log-group:a'), true);
  assert.equal(inScope(scope, 'arn:aws:logs:eu-west-1:000000000000:log-group:a'), false);
  assert.equal(inScope(scope, 'arn:aws:logs:us-east-1:111111111111:log-group:a'), false);
  assert.equal(inScope(scope, 'log-group-name'), false);
  assert.equal(inScope(scope, { region: 'us-east-1', account: '000000000000' }), true);
  assert.equal(inScope(scope, { region: 'us-east-1', account: '111111111111' }), false);
});
