import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionJob } from '../../../../test/support/pipeline-actions.ts';
import { createManualClock } from '../../../core/clock.ts';
import { EventBus } from '../../../core/events.ts';
import { DEPLOYMENT_STATUS, type CodeDeployFacade } from '../../codedeploy/index.ts';
import type { EcsServicesFacade } from '../../ecs/index.ts';
import type { S3Facade } from '../../s3/index.ts';
import { codedeployEcsAction } from './codedeploy-ecs.ts';

test('the CodeDeployToECS action sees its deployment end when CodeDeploy says so, not at the next poll', async () => {
  // The clock never moves: only the deployment's own event can end the wait.
  const clock = createManualClock();
  const events = new EventBus();
  const info = { status: 'InProgress' };
  const codedeploy = { getDeployment: async () => ({ ...info }) } as unknown as CodeDeployFacade;
  const action = codedeployEcsAction({ ecs: {} as EcsServicesFacade, codedeploy, s3: {} as S3Facade, clock, events });
  const job = actionJob(action.type, {});
  const outcome = action.run(job, () => undefined, { externalExecutionId: 'd-1' });
  await new Promise((r) => setImmediate(r));
  info.status = 'Succeeded';
  events.publish({ type: DEPLOYMENT_STATUS, resource: 'd-2', at: 0, detail: { status: 'InProgress' } });
  events.publish({ type: DEPLOYMENT_STATUS, resource: 'd-1', at: 0, detail: { status: 'Succeeded' } });
  assert.equal((await outcome).status, 'Succeeded');
});
