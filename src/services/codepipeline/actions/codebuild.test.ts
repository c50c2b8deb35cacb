import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createManualClock } from '../../../core/clock.ts';
import { EventBus } from '../../../core/events.ts';
import type { CodebuildFacade } from '../../codebuild/index.ts';
import type { Build } from '../../codebuild/shapes.ts';
import type { S3Facade } from '../../s3/index.ts';
import { actionJob } from '../../../../test/support/pipeline-actions.ts';
import { buildFailure, codebuildAction, parseEnvironmentVariables } from './codebuild.ts';

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

test('the action sees its build finish when the build says so, not at the next poll', async () => {
  // The clock never moves: only the build's own event can end the wait.
  const clock = createManualClock();
  const events = new EventBus();
  const build: Build = { id: 'p:1', arn: 'arn:aws:codebuild:us-east-1:000000000000:build/p:1', buildComplete: false };
  const codebuild = { startPipelineBuild: () => ({ ...build }), getBuild: () => ({ ...build }) } as unknown as CodebuildFacade;
  const action = codebuildAction({ codebuild, s3: {} as S3Facade, clock, events });
  const job = actionJob(action.type, { ProjectName: 'p' });
  const outcome = action.run(job, () => undefined, undefined);
  await new Promise((r) => setImmediate(r));
  Object.assign(build, { buildComplete: true, buildStatus: 'SUCCEEDED' });
  events.publish({ type: 'codebuild.build', resource: 'arn:aws:codebuild:us-east-1:000000000000:build/other:1', at: 0, detail: {} });
  events.publish({ type: 'codebuild.build', resource: build.arn!, at: 0, detail: { buildStatus: 'SUCCEEDED' } });
  assert.equal((await outcome).status, 'Succeeded');
});
