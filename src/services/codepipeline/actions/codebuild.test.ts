import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFailure, parseEnvironmentVariables } from './codebuild.ts';

test('EnvironmentVariables: a JSON array of {name, value, type}, PLAINTEXT by default', () => {
  assert.deepEqual(parseEnvironmentVariables(undefined), []);
  assert.deepEqual(parseEnvironmentVariables('[{"name":"A","value":"1"},{"name":"B","value":"/p","type":"PARAMETER_STORE"}]'), [
    { name: 'A', value: '1', type: 'PLAINTEXT' },
    { name: 'B', value: '/p', type: 'PARAMETER_STORE' },
  ]);
  assert.match(parseEnvironmentVariables('{"name":"A"}') as string, /must be a JSON array/);
  assert.equal(parseEnvironmentVariables('[{"name":"A","value":1}]'), 'EnvironmentVariables[0].value (A) must be a string');
  assert.equal(parseEnvironmentVariables('[{"value":"1"}]'), 'EnvironmentVariables[0].name must be a non-empty string');
  assert.match(parseEnvironmentVariables('[{"name":"A","value":"1","type":"KMS"}]') as string, /type \(A\) must be one of PLAINTEXT/);
});

test('a failed build is named with its phase and that phase context', () => {
  const message = buildFailure({
    id: 'p:1',
    buildStatus: 'FAILED',
    logs: { deepLink: 'http://x/_slipway/logs/codebuild/1' },
    phases: [
      { phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED' },
      {
        phaseType: 'BUILD',
        phaseStatus: 'FAILED',
        contexts: [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: 'Error while executing command: false' }],
      },
    ],
  });
  assert.equal(
    message,
    'Build p:1 FAILED in phase BUILD: Error while executing command: false. Its log: http://x/_slipway/logs/codebuild/1',
  );
});
