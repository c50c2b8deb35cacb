/**
 * Nothing accepted is lost: Slipway as a real process, stopped with SIGTERM or killed with -9 in
 * the middle of a rolling deployment, adopts its running containers at the next start — none
 * started twice, none forgotten — and the deployment runs on to completion.
 */
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import {
  docker,
  ecsClient,
  freePort,
  removeSlipwayContainers,
  startSlipwayProcess,
  tempDataDir,
  waitFor,
  type SlipwayProcess,
} from '../support/slipway.ts';

const dataDir = tempDataDir();
const env = { SLIPWAY_TIME_SCALE: '20' };
let port: number;
let slipway: SlipwayProcess | undefined;
let firstTask: string;

before(async () => {
  await ensureTestImages(docker);
  port = await freePort();
});
after(async () => {
  await slipway?.kill('SIGKILL');
  await removeSlipwayContainers(undefined, 'survivor');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Engine containers by task ARN, only those running. */
async function runningContainers(): Promise<Map<string, string[]>> {
  const list = await docker.listContainers({
    filters: { label: ['slipway.managed=true', 'com.amazonaws.ecs.task-definition-family=survivor'] },
  });
  const byTask = new Map<string, string[]>();
  for (const c of list) {
    const arn = c.Labels['slipway.task-arn'];
    byTask.set(arn, [...(byTask.get(arn) ?? []), c.Id]);
  }
  return byTask;
}

const appDefinition = (tag: string) => ({
  family: 'survivor',
  containerDefinitions: [{ name: 'app', image: TEST_IMAGE, memory: 16, command: ['sh', '-c', `echo ${tag}; exec sleep 3600`] }],
});

test('SIGTERM leaves containers running and the next start adopts them', async () => {
  slipway = await startSlipwayProcess(dataDir, port, env);
  const ecs = ecsClient(slipway.endpoint);
  const td = (await ecs.send(new RegisterTaskDefinitionCommand(appDefinition('v0')))).taskDefinition!.taskDefinitionArn!;
  const arn = (await ecs.send(new RunTaskCommand({ taskDefinition: td }))).tasks![0].taskArn!;
  firstTask = arn;
  const running = await waitFor('task running', async () => {
    const t = (await ecs.send(new DescribeTasksCommand({ tasks: [arn] }))).tasks![0];
    return t.lastStatus === 'RUNNING' ? t : undefined;
  });
  const containerId = running.containers![0].runtimeId!;
  await slipway.kill('SIGTERM');
  assert.equal(slipway.child.exitCode, 0, slipway.output());
  assert.equal((await docker.getContainer(containerId).inspect()).State.Running, true, 'container survives SIGTERM');

  slipway = await startSlipwayProcess(dataDir, port, env);
  const again = (await ecsClient(slipway.endpoint).send(new DescribeTasksCommand({ tasks: [arn] }))).tasks![0];
  assert.equal(again.lastStatus, 'RUNNING');
  assert.equal(again.containers![0].runtimeId, containerId, 'the same container, adopted');
  assert.equal((await runningContainers()).get(arn)?.length, 1);
});

test('kill -9 in the middle of a rolling deployment: every task known, none started twice, the deployment completes', async () => {
  let ecs = ecsClient(slipway!.endpoint);
  const v1 = (await ecs.send(new RegisterTaskDefinitionCommand(appDefinition('v1')))).taskDefinition!.taskDefinitionArn!;
  const v2 = (await ecs.send(new RegisterTaskDefinitionCommand(appDefinition('v2')))).taskDefinition!.taskDefinitionArn!;
  await ecs.send(
    new CreateServiceCommand({
      serviceName: 'rolling',
      taskDefinition: v1,
      desiredCount: 4,
      deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 150 },
    }),
  );
  const steady = async () => {
    const s = (await ecs.send(new DescribeServicesCommand({ services: ['rolling'] }))).services![0];
    return s.deployments!.length === 1 && s.runningCount === 4 && s.deployments![0].rolloutState === 'COMPLETED' ? s : undefined;
  };
  await waitFor('v1 steady', steady, 120_000);

  await ecs.send(new UpdateServiceCommand({ service: 'rolling', taskDefinition: v2 }));
  await waitFor(
    'deployment under way',
    async () => {
      const s = (await ecs.send(new DescribeServicesCommand({ services: ['rolling'] }))).services![0];
      return s.deployments!.length === 2 && s.deployments![0].runningCount! >= 1 ? s : undefined;
    },
    60_000,
    100,
  );
  await slipway!.kill('SIGKILL');
  const survivors = await runningContainers();
  assert.ok(survivors.size >= 3, `containers keep running after kill -9 (${survivors.size})`);

  slipway = await startSlipwayProcess(dataDir, port, env);
  ecs = ecsClient(slipway.endpoint);
  const done = await waitFor(
    'v2 steady after restart',
    async () => {
      const s = await steady();
      return s && s.taskDefinition === v2 ? s : undefined;
    },
    120_000,
  );
  assert.equal(done.deployments![0].taskDefinition, v2);

  const listed = (await ecs.send(new ListTasksCommand({ serviceName: 'rolling' }))).taskArns!;
  assert.equal(listed.length, 4);
  const tasks = (await ecs.send(new DescribeTasksCommand({ tasks: listed }))).tasks!;
  assert.ok(tasks.every((t) => t.taskDefinitionArn === v2 && t.lastStatus === 'RUNNING'));
  // The engine runs exactly the service's four tasks plus the adopted one from the first test,
  // one container each: nothing started twice, nothing forgotten.
  const engine = await runningContainers();
  assert.deepEqual([...engine.keys()].sort(), [...listed, firstTask].sort());
  for (const [arn, ids] of engine) assert.equal(ids.length, 1, `one container for ${arn}`);
});
