/**
 * What `slipway pipeline follow` shows of a running action's outside work, checked at the unit that
 * reads it: a real CodeBuild build's log lines (the build id as a CodeBuild action's
 * externalExecutionId), and a CodeDeploy deployment's status, lifecycle events and traffic split
 * from the bus's codedeploy events.
 */
import { StartBuildCommand } from '@aws-sdk/client-codebuild';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventBus } from '../../src/core/events.ts';
import { DEPLOYMENT_STATUS } from '../../src/services/codedeploy/index.ts';
import { followExternal } from '../../src/services/codepipeline/follow-external.ts';
import type { LogsFacade } from '../../src/services/logs/index.ts';
import { createProject, startCodebuildSlipway, waitForBuild } from '../support/codebuild.ts';
import { facadeOf, type TestSlipway, waitFor } from '../support/slipway.ts';

const scope = { region: 'us-east-1', account: '000000000000' };

describe("following an action's outside work", () => {
  let s: TestSlipway;
  let cb: Awaited<ReturnType<typeof startCodebuildSlipway>>['cb'];
  before(async () => {
    ({ s, cb } = await startCodebuildSlipway());
  });
  after(async () => {
    await s?.close();
  });

  it("a CodeBuild action shows its build's log lines as they are written", async () => {
    await createProject(cb, {
      name: 'followed',
      source: { type: 'NO_SOURCE', buildspec: 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo compiling the followed app\n' },
    });
    const { build } = await cb.send(new StartBuildCommand({ projectName: 'followed' }));
    const lines: string[] = [];
    const abort = new AbortController();
    const deps = { events: s.app.ctx.events, logs: facadeOf<LogsFacade>(s.app, 'logs') };
    assert.equal(
      followExternal(deps, { scope, provider: 'CodeBuild', externalExecutionId: build!.id! }, (l) => lines.push(l), abort.signal),
      true,
    );
    try {
      await waitFor('the build log line', async () => lines.some((l) => l.includes('compiling the followed app')));
      await waitForBuild(cb, build!.id!);
    } finally {
      abort.abort();
    }
    assert.ok(
      lines.some((l) => /Entering phase BUILD/.test(l)),
      lines.join('\n'),
    );
  });

  it("a CodeDeploy action shows the deployment's lifecycle events and traffic split as they change", () => {
    const events = new EventBus();
    const lines: string[] = [];
    const abort = new AbortController();
    followExternal(
      { events, logs: {} as LogsFacade },
      { scope, provider: 'CodeDeployToECS', externalExecutionId: 'd-ABC' },
      (l) => lines.push(l),
      abort.signal,
    );
    const publish = (detail: Record<string, unknown>, resource = 'd-ABC') =>
      events.publish({ type: DEPLOYMENT_STATUS, resource, at: 0, detail });
    publish({ status: 'InProgress', greenPercent: 0, lifecycleEvent: 'Install', lifecycleEventStatus: 'InProgress' });
    publish({ status: 'InProgress', greenPercent: 0, lifecycleEvent: 'Install', lifecycleEventStatus: 'Succeeded' });
    publish({ status: 'InProgress', greenPercent: 10, lifecycleEvent: 'AllowTraffic', lifecycleEventStatus: 'InProgress' });
    publish({ status: 'InProgress', greenPercent: 50 }, 'd-OTHER');
    publish({ status: 'Succeeded', greenPercent: 100 });
    abort.abort();
    publish({ status: 'Stopped', greenPercent: 0 });
    assert.deepEqual(lines, [
      'deployment d-ABC InProgress',
      'Install InProgress',
      'traffic: 100% original, 0% replacement',
      'Install Succeeded',
      'AllowTraffic InProgress',
      'traffic: 90% original, 10% replacement',
      'deployment d-ABC Succeeded',
      'traffic: 0% original, 100% replacement',
    ]);
  });
});
