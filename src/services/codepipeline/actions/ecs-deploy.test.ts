import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createManualClock } from '../../../core/clock.ts';
import { EventBus } from '../../../core/events.ts';
import type { EcsServicesFacade } from '../../ecs/index.ts';
import type { S3Facade } from '../../s3/index.ts';
import { actionJob } from '../../../../test/support/pipeline-actions.ts';
import { ecsDeployAction, parseImageDefinitions } from './ecs-deploy.ts';

test('imagedefinitions.json: an array of {name, imageUri}, or the reason it is not', () => {
  assert.deepEqual(parseImageDefinitions('[{"name":"web","imageUri":"repo@sha256:1"}]', 'f.json'), [
    { name: 'web', imageUri: 'repo@sha256:1' },
  ]);
  assert.equal(parseImageDefinitions('[{"name":', 'f.json'), 'The image definition file f.json contains invalid JSON format');
  for (const text of ['{}', '[]', '[{"name":"web"}]', '[{"name":"","imageUri":"x"}]', '[{"name":"web","imageUri":7}]', '[null]'])
    assert.match(parseImageDefinitions(text, 'f.json') as string, /^The image definition file f\.json must be a JSON array of/, text);
});

test('the action sees its deployment complete when ECS says so, not at the next poll', async () => {
  // The clock never moves: only the service's own event can end the wait.
  const clock = createManualClock();
  const events = new EventBus();
  const serviceArn = 'arn:aws:ecs:us-east-1:000000000000:service/default/web';
  const deployment = { id: 'ecs-svc/1', rolloutState: 'IN_PROGRESS', createdAt: clock.now() };
  const ecs = {
    getService: async () => ({ serviceArn, status: 'ACTIVE', deployments: [{ ...deployment }] }),
  } as unknown as EcsServicesFacade;
  const action = ecsDeployAction({ ecs, s3: {} as S3Facade, clock, events });
  const job = actionJob(action.type, { ClusterName: 'default', ServiceName: 'web' });
  const outcome = action.run(job, () => undefined, { externalExecutionId: deployment.id, externalExecutionUrl: serviceArn });
  await new Promise((r) => setImmediate(r));
  deployment.rolloutState = 'COMPLETED';
  events.publish({ type: 'ecs.deployment', resource: serviceArn, at: 0, detail: { id: deployment.id, rolloutState: 'COMPLETED' } });
  assert.equal((await outcome).status, 'Succeeded');
});
