/**
 * ECS's limits hold at the door and in the scheduler: numbers beyond what ECS allows are refused
 * with ECS's error naming the field and write nothing; a large but legal desired count is reached
 * in bounded steps while the API keeps answering; a stored service Slipway cannot serve (a row
 * written straight into SQLite) does not keep Slipway from starting, and says what is wrong.
 */
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StartTaskCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type ContainerDefinition,
} from '@aws-sdk/client-ecs';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import {
  docker,
  ecsClient,
  freePort,
  removeSlipwayContainers,
  startSlipwayProcess,
  startTestSlipway,
  tempDataDir,
  waitFor,
  type SlipwayProcess,
  type TestSlipway,
} from '../support/slipway.ts';

const sleeper = (extra: Partial<ContainerDefinition> = {}): ContainerDefinition => ({
  name: 'app',
  image: TEST_IMAGE,
  memory: 32,
  command: ['sleep', '600'],
  ...extra,
});

/** The call is refused with `code`, and the message names `field`. */
async function refused(call: Promise<unknown>, code: string, field: RegExp): Promise<void> {
  await assert.rejects(call, (err: Error) => {
    assert.equal(err.name, code, err.message);
    assert.match(err.message, field);
    return true;
  });
}

describe('a container instance that holds three 32 MiB tasks', () => {
  let s: TestSlipway;
  before(async () => {
    await ensureTestImages(docker);
    s = await startTestSlipway({ instanceMemoryMiB: 100, timeScale: 20 });
    await s.ecs.send(new CreateClusterCommand({ clusterName: 'limits' }));
  });
  after(async () => s?.close());

  test('numbers beyond ECS limits are refused, naming the field, and nothing is written', async () => {
    const ecs = s.ecs;
    const td = (await ecs.send(new RegisterTaskDefinitionCommand({ family: 'limits', containerDefinitions: [sleeper()] }))).taskDefinition!
      .taskDefinitionArn!;
    const service = { cluster: 'limits', serviceName: 'huge', taskDefinition: td };
    // Past a 32-bit integer the value cannot even be read into the model's type: the JSON front door refuses it.
    await refused(
      ecs.send(new CreateServiceCommand({ ...service, desiredCount: 2147483648 })),
      'SerializationException',
      /2147483648 at 'desiredCount'/,
    );
    await refused(
      ecs.send(new CreateServiceCommand({ ...service, desiredCount: 5001 })),
      'InvalidParameterException',
      /Desired count exceeds limit: desiredCount 5001/,
    );
    await refused(
      ecs.send(new CreateServiceCommand({ ...service, desiredCount: 1, healthCheckGracePeriodSeconds: 2147483648 })),
      'SerializationException',
      /healthCheckGracePeriodSeconds/,
    );
    assert.deepEqual((await ecs.send(new ListServicesCommand({ cluster: 'limits' }))).serviceArns, []);

    await ecs.send(new CreateServiceCommand({ ...service, serviceName: 'small', desiredCount: 0 }));
    await refused(
      ecs.send(new UpdateServiceCommand({ cluster: 'limits', service: 'small', desiredCount: 1_000_000 })),
      'InvalidParameterException',
      /desiredCount 1000000/,
    );
    const kept = (await ecs.send(new DescribeServicesCommand({ cluster: 'limits', services: ['small'] }))).services![0];
    assert.equal(kept.desiredCount, 0);
    assert.equal(kept.deployments!.length, 1);
    await ecs.send(new DeleteServiceCommand({ cluster: 'limits', service: 'small' }));

    await refused(ecs.send(new RunTaskCommand({ cluster: 'limits', taskDefinition: td, count: 11 })), 'InvalidParameterException', /count/);
    const eleven = Array.from({ length: 11 }, (_, i) => `instance-${i}`);
    await refused(
      ecs.send(new StartTaskCommand({ cluster: 'limits', taskDefinition: td, containerInstances: eleven })),
      'InvalidParameterException',
      /containerInstances/,
    );
    assert.deepEqual((await ecs.send(new ListTasksCommand({ cluster: 'limits' }))).taskArns, []);

    const family = 'limits-bad';
    await refused(
      ecs.send(new RegisterTaskDefinitionCommand({ family, containerDefinitions: [sleeper({ stopTimeout: 121 })] })),
      'ClientException',
      /'stopTimeout' setting must be at least 2 seconds and at most 120 seconds/,
    );
    await refused(
      ecs.send(new RegisterTaskDefinitionCommand({ family, containerDefinitions: [sleeper({ memory: 2147483648 })] })),
      'SerializationException',
      /'containerDefinitions\.1\.member\.memory'/,
    );
    await refused(
      ecs.send(new RegisterTaskDefinitionCommand({ family, containerDefinitions: [sleeper({ memoryReservation: 0 })] })),
      'ClientException',
      /'memoryReservation'/,
    );
    await refused(
      ecs.send(new RegisterTaskDefinitionCommand({ family, cpu: '64', containerDefinitions: [sleeper()] })),
      'ClientException',
      /'cpu'.*between 128 and 196608/,
    );
    await refused(
      ecs.send(
        new RegisterTaskDefinitionCommand({
          family,
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          cpu: '256',
          memory: '512',
          containerDefinitions: [sleeper({ startTimeout: 121 })],
        }),
      ),
      'ClientException',
      /'startTimeout' setting must be at least 2 seconds and at most 120 seconds/,
    );
    const many = Array.from({ length: 11 }, (_, i) => sleeper({ name: `c${i}` }));
    await refused(
      ecs.send(new RegisterTaskDefinitionCommand({ family, containerDefinitions: many })),
      'ClientException',
      /'containerDefinitions'.*at most 10/,
    );
    assert.deepEqual((await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family }))).taskDefinitionArns, []);
  });

  test('RunTask beyond what fits starts what fits and gives one failure for the instance', async () => {
    const td = (await s.ecs.send(new RegisterTaskDefinitionCommand({ family: 'limits-run', containerDefinitions: [sleeper()] })))
      .taskDefinition!.taskDefinitionArn!;
    const out = await s.ecs.send(new RunTaskCommand({ cluster: 'limits', taskDefinition: td, count: 10 }));
    assert.equal(out.tasks!.length, 3);
    assert.deepEqual(
      out.failures!.map((f) => f.reason),
      ['RESOURCE:MEMORY'],
    );
    for (const task of out.tasks!) await s.ecs.send(new StopTaskCommand({ cluster: 'limits', task: task.taskArn }));
    await waitFor('the tasks stopped', async () => (await s.ecs.send(new ListTasksCommand({ cluster: 'limits' }))).taskArns!.length === 0);
  });

  test('a service of 5000 desired on it: what fits runs, the rest is reported, and the API keeps answering', async (t) => {
    const td = (await s.ecs.send(new RegisterTaskDefinitionCommand({ family: 'limits-many', containerDefinitions: [sleeper()] })))
      .taskDefinition!.taskDefinitionArn!;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    await s.ecs.send(new CreateServiceCommand({ cluster: 'limits', serviceName: 'many', taskDefinition: td, desiredCount: 5000 }));
    const events = await waitFor(
      'the placement failure is reported',
      async () => {
        const svc = (await s.ecs.send(new DescribeServicesCommand({ cluster: 'limits', services: ['many'] }))).services![0];
        const messages = svc.events!.map((e) => e.message!);
        return messages.some((m) => /was unable to place a task .* has insufficient memory available/.test(m)) ? messages : undefined;
      },
      120_000,
    );
    // Every call answers while the scheduler works on the service.
    for (let i = 0; i < 20; i++) await s.ecs.send(new DescribeServicesCommand({ cluster: 'limits', services: ['many'] }));
    delay.disable();
    t.diagnostic(
      `event loop delay while scheduling: max ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms`,
    );

    const tasks = (await s.ecs.send(new ListTasksCommand({ cluster: 'limits', serviceName: 'many' }))).taskArns!;
    assert.ok(tasks.length <= 3, `at most three tasks fit, got ${tasks.length}`);
    const started = events.filter((m) => /has started \d+ tasks/.test(m)).map((m) => Number(/has started (\d+) tasks/.exec(m)![1]));
    assert.ok(
      started.every((n) => n <= 10),
      `each step starts at most 10 tasks: ${started.join(', ')}`,
    );
    const svc = (await s.ecs.send(new DescribeServicesCommand({ cluster: 'limits', services: ['many'] }))).services![0];
    assert.equal(svc.desiredCount, 5000);
    await s.ecs.send(new DeleteServiceCommand({ cluster: 'limits', service: 'many', force: true }));
    await waitFor(
      'the service drained',
      async () => (await s.ecs.send(new ListTasksCommand({ cluster: 'limits', serviceName: 'many' }))).taskArns!.length === 0,
      120_000,
    );
  });
});

describe('a stored service Slipway cannot serve', () => {
  let dataDir: string | undefined;
  let slipway: SlipwayProcess | undefined;
  before(() => {
    dataDir = tempDataDir();
  });
  after(async () => {
    await slipway?.kill('SIGKILL');
    await removeSlipwayContainers(undefined, 'stored');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('does not stop Slipway from starting; it is named in the log and the service events, and an update fixes it', {
    timeout: 180_000,
  }, async () => {
    const port = await freePort();
    slipway = await startSlipwayProcess(dataDir!, port, { SLIPWAY_TIME_SCALE: '20' });
    let ecs = ecsClient(slipway.endpoint);
    const td = (await ecs.send(new RegisterTaskDefinitionCommand({ family: 'stored', containerDefinitions: [sleeper()] }))).taskDefinition!
      .taskDefinitionArn!;
    await ecs.send(new CreateServiceCommand({ serviceName: 'stored', taskDefinition: td, desiredCount: 0 }));
    await slipway.kill('SIGTERM');

    // As an older Slipway (without the limits) would have saved it.
    const db = new Database(join(dataDir!, 'slipway.db'));
    const changed = db
      .prepare("UPDATE ecs_services SET doc = json_set(doc, '$.service.desiredCount', 2147483648) WHERE name = 'stored'")
      .run().changes;
    db.close();
    assert.equal(changed, 1);

    slipway = await startSlipwayProcess(dataDir!, port, { SLIPWAY_TIME_SCALE: '20' });
    ecs = ecsClient(slipway.endpoint);
    const describe = async () => (await ecs.send(new DescribeServicesCommand({ services: ['stored'] }))).services![0];
    await waitFor('the service event naming the problem', async () =>
      (await describe()).events!.some((e) =>
        /^\(service stored\) is not scheduled: its stored settings are invalid \(.*desiredCount 2147483648/.test(e.message!),
      ),
    );
    assert.match(slipway.output(), /service .*service\/default\/stored is not scheduled: .*desiredCount 2147483648/);
    assert.deepEqual((await ecs.send(new ListTasksCommand({ serviceName: 'stored' }))).taskArns, []);
    assert.equal((await ecs.send(new ListServicesCommand({}))).serviceArns!.length, 1);

    await ecs.send(new UpdateServiceCommand({ service: 'stored', desiredCount: 1 }));
    await waitFor('the fixed service runs its task', async () => (await describe()).runningCount === 1, 120_000);
    await ecs.send(new UpdateServiceCommand({ service: 'stored', desiredCount: 0 }));
    await waitFor(
      'the task stopped',
      async () => (await ecs.send(new ListTasksCommand({ serviceName: 'stored' }))).taskArns!.length === 0,
      120_000,
    );
  });
});
