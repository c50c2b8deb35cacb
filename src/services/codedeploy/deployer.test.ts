/**
 * The deployer's state machine against the in-memory world and a manual clock: each traffic
 * routing config step by step, the ready wait (by API and by timeout), the termination wait, hooks,
 * stops with and without rollback, a replacement that never becomes healthy, and a restart in the
 * middle of a shift. Checks are on the resulting state: listener weights, task sets, records.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appSpec, blueGreenGroup, memoryCodeDeploy, NEW_TD } from './testing.ts';

const MINUTE = 60_000;

describe('codedeploy deployer', () => {
  it('all at once: green created from the AppSpec, all traffic moved, blue removed, then Succeeded', async () => {
    const s = await blueGreenGroup();
    const announced: string[] = [];
    s.cd.events.subscribe((e) => {
      const d = e.detail as { status: string; lifecycleEvent?: string; lifecycleEventStatus?: string };
      announced.push(d.lifecycleEvent ? `${d.lifecycleEvent} ${d.lifecycleEventStatus}` : d.status);
    });
    const id = await s.deploy();
    s.run(id);
    assert.equal(s.greenWeight(), 100);
    assert.equal((await s.get(id)).status, 'Succeeded');
    assert.equal(s.world.weight(s.prod, s.blue), 0, 'the listener keeps a weighted forward, blue at 0');
    const sets = s.sets();
    assert.deepEqual(
      sets.map((x) => [x.taskDefinition, x.status, x.externalId]),
      [[NEW_TD, 'PRIMARY', id]],
    );
    const t = await s.target(id);
    assert.equal(t.status, 'Succeeded');
    assert.deepEqual(
      t.lifecycleEvents!.map((e) => e.status),
      Array(6).fill('Succeeded'),
    );
    assert.deepEqual(announced.slice(0, 3), ['InProgress', 'BeforeInstall InProgress', 'BeforeInstall Succeeded']);
    assert.equal(announced.at(-1), 'Succeeded');
    assert.equal(
      (await s.call('GetDeploymentGroup', { applicationName: 'app', deploymentGroupName: 'dg' })).deploymentGroupInfo!
        .lastSuccessfulDeployment?.deploymentId,
      id,
    );
  });

  it('the next deployment swaps the groups: green of the last becomes blue', async () => {
    const s = await blueGreenGroup();
    const first = await s.deploy();
    s.run(first);
    const second = await s.deploy();
    s.run(second);
    assert.equal((await s.get(second)).status, 'Succeeded');
    assert.equal(s.world.weight(s.prod, s.blue), 100);
    assert.equal(s.greenWeight(), 0);
    assert.deepEqual(
      s.sets().map((x) => x.externalId),
      [second],
    );
  });

  it('a deployment right after the last leaves its original set, still draining, to finish', async () => {
    const s = await blueGreenGroup();
    const first = await s.deploy();
    s.run(first);
    s.world.drainingSet('web', s.blue);
    const second = await s.deploy();
    s.run(second);
    assert.equal((await s.get(second)).status, 'Succeeded');
  });

  it('canary: 10% at once, the rest after the canary interval', async () => {
    const s = await blueGreenGroup({ config: 'CodeDeployDefault.ECSCanary10Percent5Minutes' });
    const id = await s.deploy();
    const wait = s.run(id).requeueAfterMs;
    assert.equal(s.greenWeight(), 10);
    assert.equal(wait, 5 * MINUTE);
    await s.clock.advance(4 * MINUTE);
    s.run(id);
    assert.equal(s.greenWeight(), 10);
    await s.clock.advance(MINUTE);
    s.run(id);
    assert.equal(s.greenWeight(), 100);
    assert.equal((await s.get(id)).status, 'Succeeded');
  });

  it('linear: 10% more every interval, each step at its time', async () => {
    const s = await blueGreenGroup({ config: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes' });
    const id = await s.deploy();
    const seen: number[] = [];
    s.run(id);
    seen.push(s.greenWeight());
    for (let i = 0; i < 9; i++) {
      await s.clock.advance(MINUTE);
      s.run(id);
      seen.push(s.greenWeight());
    }
    assert.deepEqual(seen, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    assert.equal((await s.get(id)).status, 'Succeeded');
  });

  it('a custom TimeBasedLinear config whose steps do not divide 100 ends at 100', async () => {
    const s = await blueGreenGroup();
    await s.call('CreateDeploymentConfig', {
      deploymentConfigName: 'thirds',
      computePlatform: 'ECS',
      trafficRoutingConfig: { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 40, linearInterval: 2 } },
    });
    const { deploymentId } = await s.call('CreateDeployment', {
      applicationName: 'app',
      deploymentGroupName: 'dg',
      deploymentConfigName: 'thirds',
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec() } },
    });
    const seen: number[] = [];
    s.run(deploymentId!);
    seen.push(s.greenWeight());
    for (let i = 0; i < 2; i++) {
      await s.clock.advance(2 * MINUTE);
      s.run(deploymentId!);
      seen.push(s.greenWeight());
    }
    assert.deepEqual(seen, [40, 80, 100]);
  });

  it('ready wait: Ready with test traffic on green until ContinueDeployment', async () => {
    const s = await blueGreenGroup({
      test: true,
      blueGreen: { deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 60 } },
    });
    const id = await s.deploy();
    s.run(id);
    assert.equal((await s.get(id)).status, 'Ready');
    assert.equal((await s.target(id)).status, 'Ready');
    assert.equal(s.world.weight(s.test!, s.green), 100, 'the test listener routes to green');
    assert.equal(s.greenWeight(), 0, 'production stays on blue');
    await s.clock.advance(30 * MINUTE);
    s.run(id);
    assert.equal((await s.get(id)).status, 'Ready');
    await s.call('ContinueDeployment', { deploymentId: id, deploymentWaitType: 'READY_WAIT' });
    await assert.rejects(s.call('ContinueDeployment', { deploymentId: id, deploymentWaitType: 'READY_WAIT' }), {
      code: 'DeploymentIsNotInReadyStateException',
    });
    s.run(id);
    assert.equal((await s.get(id)).status, 'Succeeded');
    assert.equal(s.greenWeight(), 100);
    assert.deepEqual(
      (await s.target(id)).lifecycleEvents!.map((e) => e.lifecycleEventName),
      [
        'BeforeInstall',
        'Install',
        'AfterInstall',
        'AllowTestTraffic',
        'AfterAllowTestTraffic',
        'BeforeAllowTraffic',
        'AllowTraffic',
        'AfterAllowTraffic',
      ],
    );
  });

  it('ready wait timeout: Stopped, and rolled back when rollback is configured', async () => {
    const s = await blueGreenGroup({
      test: true,
      blueGreen: { deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 10 } },
      autoRollback: { enabled: true, events: ['DEPLOYMENT_STOP_ON_REQUEST'] },
    });
    const id = await s.deploy();
    s.run(id);
    await s.clock.advance(10 * MINUTE);
    s.run(id);
    const d = await s.get(id);
    assert.equal(d.status, 'Stopped');
    assert.equal(d.errorInformation?.code, 'TIMEOUT');
    const rollback = d.rollbackInfo!.rollbackDeploymentId!;
    assert.equal((await s.get(rollback)).creator, 'codeDeployRollback');
    s.run(rollback);
    assert.equal((await s.get(rollback)).status, 'Succeeded');
    assert.equal((await s.get(rollback)).rollbackInfo?.rollbackTriggeringDeploymentId, id);
    assert.equal(s.world.weight(s.test!, s.blue), 100, 'test traffic back on blue');
    assert.deepEqual(
      s.sets().map((x) => x.status),
      ['PRIMARY'],
    );
    assert.equal(s.sets()[0].externalId, undefined, 'blue stays, green is gone');
  });

  it('termination wait: the target succeeds, blue waits, then goes and the deployment succeeds', async () => {
    const s = await blueGreenGroup({
      blueGreen: { terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 5 } },
    });
    const id = await s.deploy();
    s.run(id);
    let d = await s.get(id);
    assert.equal(d.status, 'InProgress');
    assert.equal(d.instanceTerminationWaitTimeStarted, true);
    assert.equal((await s.target(id)).status, 'Succeeded');
    assert.equal(s.sets().length, 2);
    await s.clock.advance(5 * MINUTE);
    s.run(id);
    d = await s.get(id);
    assert.equal(d.status, 'Succeeded');
    assert.equal(s.sets().length, 1);
  });

  it('ContinueDeployment TERMINATION_WAIT ends the termination wait at once', async () => {
    const s = await blueGreenGroup({
      blueGreen: { terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 60 } },
    });
    const id = await s.deploy();
    s.run(id);
    await s.call('ContinueDeployment', { deploymentId: id, deploymentWaitType: 'TERMINATION_WAIT' });
    s.run(id);
    assert.equal((await s.get(id)).status, 'Succeeded');
    assert.equal(s.sets().length, 1);
  });

  it('a hook waits for its status: Succeeded goes on, a second report is refused', async () => {
    const s = await blueGreenGroup();
    const id = await s.deploy({ BeforeAllowTraffic: 'CheckGreen' });
    s.run(id);
    const event = (await s.target(id)).lifecycleEvents!.find((e) => e.lifecycleEventName === 'BeforeAllowTraffic')!;
    assert.equal(event.status, 'InProgress');
    const executionId = /LifecycleEventHookExecutionId (\S+)\./.exec(event.diagnostics!.message!)![1];
    assert.equal(s.greenWeight(), 0, 'no traffic before the hook says so');
    await s.call('PutLifecycleEventHookExecutionStatus', {
      deploymentId: id,
      lifecycleEventHookExecutionId: executionId,
      status: 'Succeeded',
    });
    await assert.rejects(
      s.call('PutLifecycleEventHookExecutionStatus', { deploymentId: id, lifecycleEventHookExecutionId: executionId, status: 'Succeeded' }),
      { code: 'LifecycleEventAlreadyCompletedException' },
    );
    s.run(id);
    assert.equal((await s.get(id)).status, 'Succeeded');
    assert.equal(s.greenWeight(), 100);
  });

  it('a hook that reports Failed fails the deployment and rolls it back', async () => {
    const s = await blueGreenGroup({ autoRollback: { enabled: true, events: ['DEPLOYMENT_FAILURE'] } });
    const id = await s.deploy({ AfterAllowTraffic: 'Verify' });
    s.run(id);
    assert.equal(s.greenWeight(), 100);
    const event = (await s.target(id)).lifecycleEvents!.find((e) => e.lifecycleEventName === 'AfterAllowTraffic')!;
    const executionId = /LifecycleEventHookExecutionId (\S+)\./.exec(event.diagnostics!.message!)![1];
    await s.call('PutLifecycleEventHookExecutionStatus', {
      deploymentId: id,
      lifecycleEventHookExecutionId: executionId,
      status: 'Failed',
    });
    s.run(id);
    const d = await s.get(id);
    assert.equal(d.status, 'Failed');
    assert.equal(d.errorInformation?.code, 'HOOK_EXECUTION_FAILURE');
    const failedEvent = (await s.target(id)).lifecycleEvents!.find((e) => e.lifecycleEventName === 'AfterAllowTraffic')!;
    assert.equal(failedEvent.status, 'Failed');
    assert.equal(failedEvent.diagnostics?.errorCode, 'ScriptFailed');
    s.run(d.rollbackInfo!.rollbackDeploymentId!);
    assert.equal(s.greenWeight(), 0);
    assert.equal(s.world.weight(s.prod, s.blue), 100);
    assert.deepEqual(
      s.sets().map((x) => [x.status, x.externalId]),
      [['PRIMARY', undefined]],
    );
  });

  it('a hook that never reports fails after an hour', async () => {
    const s = await blueGreenGroup();
    const id = await s.deploy({ BeforeInstall: 'Prepare' });
    s.run(id);
    await s.clock.advance(59 * MINUTE);
    s.run(id);
    assert.equal((await s.get(id)).status, 'InProgress');
    await s.clock.advance(MINUTE);
    s.run(id);
    assert.equal((await s.get(id)).status, 'Failed');
    assert.equal(s.world.created, 0, 'nothing installed');
  });

  it('StopDeployment with rollback in the middle of a canary moves all traffic back and removes green', async () => {
    const s = await blueGreenGroup({ config: 'CodeDeployDefault.ECSCanary10Percent15Minutes' });
    const id = await s.deploy();
    s.run(id);
    assert.equal(s.greenWeight(), 10);
    const stop = await s.call('StopDeployment', { deploymentId: id, autoRollbackEnabled: true });
    assert.equal(stop.status, 'Pending');
    s.run(id);
    const d = await s.get(id);
    assert.equal(d.status, 'Stopped');
    assert.equal(d.errorInformation?.code, 'MANUAL_STOP');
    await assert.rejects(s.call('StopDeployment', { deploymentId: id }), { code: 'DeploymentAlreadyCompletedException' });
    s.run(d.rollbackInfo!.rollbackDeploymentId!);
    assert.equal(s.greenWeight(), 0);
    assert.equal(s.sets().length, 1);
  });

  it('StopDeployment without rollback leaves traffic and task sets where they were', async () => {
    const s = await blueGreenGroup({ config: 'CodeDeployDefault.ECSCanary10Percent15Minutes' });
    const id = await s.deploy();
    s.run(id);
    await s.call('StopDeployment', { deploymentId: id, autoRollbackEnabled: false });
    s.run(id);
    const d = await s.get(id);
    assert.equal(d.status, 'Stopped');
    assert.equal(d.rollbackInfo, undefined);
    assert.equal(s.greenWeight(), 10);
    assert.equal(s.sets().length, 2);
  });

  it('a replacement that never becomes healthy gets no traffic and fails the deployment after an hour', async () => {
    const s = await blueGreenGroup({ autoRollback: { enabled: true, events: ['DEPLOYMENT_FAILURE'] } });
    s.world.unhealthy.add(NEW_TD);
    const id = await s.deploy();
    s.run(id);
    await s.clock.advance(30 * MINUTE);
    s.run(id);
    assert.equal(s.greenWeight(), 0);
    assert.equal((await s.get(id)).status, 'InProgress');
    await s.clock.advance(30 * MINUTE);
    s.run(id);
    const d = await s.get(id);
    assert.equal(d.status, 'Failed');
    assert.equal(d.errorInformation?.code, 'ECS_UPDATE_ERROR');
    s.run(d.rollbackInfo!.rollbackDeploymentId!);
    assert.equal(s.sets().length, 1);
    assert.equal(s.greenWeight(), 0);
  });

  it('a replacement whose tasks keep failing to start fails the deployment at once, and rolls back', async () => {
    const s = await blueGreenGroup({ autoRollback: { enabled: true, events: ['DEPLOYMENT_FAILURE'] } });
    s.world.crashing.add(NEW_TD);
    const id = await s.deploy();
    s.run(id);
    const d = await s.get(id);
    assert.equal(d.status, 'Failed');
    assert.equal(d.errorInformation?.code, 'ECS_UPDATE_ERROR');
    assert.match(d.errorInformation?.message ?? '', /failed to start repeatedly/);
    s.run(d.rollbackInfo!.rollbackDeploymentId!);
    assert.equal(s.sets().length, 1);
    assert.equal(s.greenWeight(), 0);
  });

  it('a restarted deployer resumes a shift from the step it had reached, with no second task set', async () => {
    const s = await blueGreenGroup({ config: 'CodeDeployDefault.ECSLinear10PercentEvery3Minutes' });
    const id = await s.deploy();
    s.run(id);
    await s.clock.advance(3 * MINUTE);
    s.run(id);
    assert.equal(s.greenWeight(), 20);
    // A new room over the same store and world: what a restarted Slipway finds.
    const restarted = memoryCodeDeploy({ store: s.store, world: s.world, clock: s.clock });
    await s.clock.advance(MINUTE);
    restarted.run(id);
    assert.equal(s.greenWeight(), 20, 'the step in progress keeps its time');
    await s.clock.advance(2 * MINUTE);
    restarted.run(id);
    assert.equal(s.greenWeight(), 30);
    assert.equal(s.world.created, 1);
  });

  it('one active deployment per group', async () => {
    const s = await blueGreenGroup({ config: 'CodeDeployDefault.ECSCanary10Percent5Minutes' });
    const id = await s.deploy();
    await assert.rejects(s.deploy(), {
      code: 'DeploymentLimitExceededException',
      message: `The Deployment Group 'dg' already has an active Deployment '${id}'`,
    });
  });
});
