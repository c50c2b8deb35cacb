import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codedeployHookExecutionId, s3UploadId, s3VersionId } from './ids.ts';

test('random URL-safe ids never start with a dash, which a command line would take for an option', () => {
  for (const make of [s3VersionId, s3UploadId, codedeployHookExecutionId]) {
    for (let i = 0; i < 2000; i++) assert.match(make(), /^[A-Za-z0-9][A-Za-z0-9_-]+$/);
  }
});
