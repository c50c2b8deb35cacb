import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loggedPath } from './edge.ts';

test("a failed request's log line carries no query and no token of Slipway's own endpoints", () => {
  assert.equal(loggedPath('/bucket/key?X-Amz-Signature=abc&X-Amz-Credential=AKIA'), '/bucket/key');
  assert.equal(loggedPath('/_slipway/codepipeline/webhooks/us-east-1/s3cr3tt0k3n'), '/_slipway/codepipeline/webhooks/…');
  assert.equal(loggedPath('/_slipway/health'), '/_slipway/health');
  assert.equal(loggedPath(undefined), '/');
});
