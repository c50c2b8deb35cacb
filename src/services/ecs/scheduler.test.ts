/**
 * The service scheduler and the service API against the in-memory engine, driven by the real AWS
 * SDK v3 client: state afterwards, not calls made. Real Docker is in test/integration/ecs-services.test.ts.
 */
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  ListServicesCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type ContainerDefinition,
  type CreateServiceCommandInput,
  type ECSClient,
  type Service,
} from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../core/config.ts';
import { FakeRuntime } from '../../runtime/fake.ts';
import { startSlipway, type Slipway } from '../../server/app.ts';
import { ecsClient, waitFor } from '../../../test/support/slipway.ts';
import type { TaskRecord } from './model.ts';
import { rejects } from './testing.ts';

const IMAGE = 'app:1';
const SCALE = 100;
const fake = new FakeRuntime();
fake.addImage(IMAGE);
fake.behave((spec) => spec.env?.MODE === 'crash', { exitCode: 1, exitAfterMs: 10 });
fake.behave((spec) => spec.env?.MODE === 'sick', { health: 'unhealthy' });

let dataDir: string;
let app: Slipway;
let ecs: ECSClient;

async function boot(): Promise<void> {
  app = await startSlipway({ ...loadConfig({ port: '0', 'data-dir': dataDir }), timeScale: SCALE }, { runtime: fake });
  ecs = ecsClient(app.endpoint);
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'slipway-scheduler-'));
  await boot();
});
after(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const container = (extra: Partial<ContainerDefinition> = {}): ContainerDefinition => ({
  name: 'web',
  image: IMAGE,
  memory: 32,
  portMappings: [{ containerPort: 80 }],
  ...extra,
});

async function register(family: string, extra: Partial<ContainerDefinition> = {}): Promise<string> {
  const out = await ecs.send(new RegisterTaskDefinitionCommand({ family, containerDefinitions: [container(extra)] }));
  return out.taskDefinition!.taskDefinitionArn!;
}

async function describe1(name: string): Promise<Service> {
  const out = await ecs.send(new DescribeServicesCommand({ services: [name] }));
  assert.deepEqual(out.failures, []);
  return out.services![0];
}

const messages = (s: Service) => s.events!.map((e) => e.message!).reverse();

/** What waitUntilServicesStable accepts: one deployment, runningCount == desiredCount. */
function stable(name: string, timeoutMs = 20_000): Promise<Service> {
  return waitFor(
    `${name} stable`,
    async () => {
      const s = await describe1(name);
      return s.deployments!.length === 1 && s.runningCount === s.desiredCount && s.deployments![0].rolloutState === 'COMPLETED'
        ? s
        : undefined;
    },
    timeoutMs,
    50,
  );
}

async function create(input: Partial<CreateServiceCommandInput> & { serviceName: string; taskDefinition: string }): Promise<Service> {
  return (await ecs.send(new CreateServiceCommand({ desiredCount: 2, ...input }))).service!;
}

function tasksOf(name: string): TaskRecord[] {
  return app.ctx.store
    .docTable<TaskRecord, 'service'>('ecs_tasks', { service: 'TEXT' })
    .find({ service: `arn:aws:ecs:us-east-1:000000000000:service/default/${name}` });
}

describe('service scheduler (fake engine)', () => {
  test('a new service reaches a steady state; a task that dies is replaced', async () => {
    const td = await register('steady');
    const created = await create({ serviceName: 'steady', taskDefinition: td });
    assert.equal(created.deployments![0].rolloutState, 'IN_PROGRESS');
    const s = await stable('steady');
    const id = s.deployments![0].id!;
    assert.deepEqual(messages(s).slice(-2), [
      `(service steady) (deployment ${id}) deployment completed.`,
      '(service steady) has reached a steady state.',
    ]);
    assert.match(messages(s)[0], /^\(service steady\) has started 2 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/);

    const victim = tasksOf('steady').find((r) => r.task.lastStatus === 'RUNNING')!;
    fake.exit(Object.values(victim.runtimeIds)[0], 137);
    const after = await waitFor(
      'replacement',
      async () => {
        const x = await describe1('steady');
        return x.runningCount === 2 &&
          tasksOf('steady').length === 3 &&
          messages(x).at(-1) === '(service steady) has reached a steady state.'
          ? x
          : undefined;
      },
      20_000,
      50,
    );
    assert.match(messages(after).at(-2)!, /^\(service steady\) has started 1 tasks: /);
    assert.equal(after.deployments![0].id, id);
  });

  test('rolling update at 100/200 never drops below desired and ends with one COMPLETED deployment', async () => {
    const td1 = await register('roll');
    const td2 = await register('roll', { environment: [{ name: 'V', value: '2' }] });
    await create({ serviceName: 'roll', taskDefinition: td1 });
    await stable('roll');
    const updated = (await ecs.send(new UpdateServiceCommand({ service: 'roll', taskDefinition: td2 }))).service!;
    const [primary, old] = updated.deployments!;
    assert.equal(primary.status, 'PRIMARY');
    assert.equal(primary.taskDefinition, td2);
    assert.equal(primary.rolloutStateReason, `ECS deployment ${primary.id} in progress.`);
    assert.equal(old.status, 'ACTIVE');
    let lowest = Infinity;
    const done = await waitFor(
      'rolled',
      async () => {
        const s = await describe1('roll');
        lowest = Math.min(
          lowest,
          tasksOf('roll').filter((r) => r.task.lastStatus === 'RUNNING' && r.task.desiredStatus === 'RUNNING').length,
        );
        return s.deployments!.length === 1 && s.deployments![0].rolloutState === 'COMPLETED' ? s : undefined;
      },
      20_000,
      20,
    );
    assert.equal(done.deployments![0].id, primary.id);
    assert.equal(done.deployments![0].rolloutStateReason, `ECS deployment ${primary.id} completed.`);
    assert.ok(lowest >= 2, `never fewer than 2 running tasks meant to run, saw ${lowest}`);
    const running = tasksOf('roll').filter((r) => r.task.desiredStatus === 'RUNNING');
    assert.deepEqual(
      running.map((r) => r.task.taskDefinitionArn),
      [td2, td2],
    );
    const stopped = tasksOf('roll').filter((r) => r.task.taskDefinitionArn === td1);
    assert.ok(
      stopped.every(
        (r) =>
          r.task.stopCode === 'ServiceSchedulerInitiated' &&
          r.task.stoppedReason === `Scaling activity initiated by (deployment ${primary.id})`,
      ),
    );

    // A desiredCount-only update makes no new deployment; the same definition without force neither.
    const scaled = (await ecs.send(new UpdateServiceCommand({ service: 'roll', desiredCount: 3, taskDefinition: td2 }))).service!;
    assert.deepEqual(
      scaled.deployments!.map((d) => d.id),
      [primary.id],
    );
    await waitFor('scaled out', async () => (await describe1('roll')).runningCount === 3, 20_000, 50);
    const forced = (await ecs.send(new UpdateServiceCommand({ service: 'roll', forceNewDeployment: true }))).service!;
    assert.equal(forced.deployments!.length, 2);
    assert.notEqual(forced.deployments![0].id, primary.id);
  });

  test('seed 004: a fixed host port at 100/200 cannot be placed beside the old task; at 0/100 it rolls', async () => {
    const td1 = await register('fixed', { portMappings: [{ containerPort: 80, hostPort: 8080 }] });
    const td2 = await register('fixed', {
      portMappings: [{ containerPort: 80, hostPort: 8080 }],
      environment: [{ name: 'V', value: '2' }],
    });
    await create({ serviceName: 'fixed', taskDefinition: td1, desiredCount: 1 });
    await stable('fixed');
    await ecs.send(new UpdateServiceCommand({ service: 'fixed', taskDefinition: td2 }));
    const stuck = await waitFor(
      'port event',
      async () => {
        const s = await describe1('fixed');
        return messages(s).some((m) =>
          /was unable to place a task because no container instance met all of its requirements\. The closest matching \(container-instance [0-9a-f]{32}\) is already using a port required by your task\. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide\.$/.test(
            m,
          ),
        )
          ? s
          : undefined;
      },
      20_000,
      50,
    );
    assert.equal(stuck.deployments!.length, 2);
    assert.equal(stuck.deployments![0].rolloutState, 'IN_PROGRESS');
    assert.equal(stuck.runningCount, 1);

    await ecs.send(
      new UpdateServiceCommand({
        service: 'fixed',
        deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 },
        forceNewDeployment: true,
      }),
    );
    const done = await stable('fixed');
    assert.equal(done.taskDefinition, td2);
    assert.equal(tasksOf('fixed').filter((r) => r.task.desiredStatus === 'RUNNING').length, 1);
  });

  test('100/100 cannot move and says why', async () => {
    const td1 = await register('locked');
    const td2 = await register('locked', { environment: [{ name: 'V', value: '2' }] });
    await create({
      serviceName: 'locked',
      taskDefinition: td1,
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 },
    });
    await stable('locked');
    await ecs.send(new UpdateServiceCommand({ service: 'locked', taskDefinition: td2 }));
    await waitFor(
      'blocked event',
      async () =>
        messages(await describe1('locked')).at(-1) ===
        '(service locked) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.',
      20_000,
      50,
    );
  });

  test('circuit breaker with rollback: FAILED, then a new deployment of the last completed definition completes', async () => {
    const good = await register('breaker');
    const bad = await register('breaker', { environment: [{ name: 'MODE', value: 'crash' }] });
    await create({
      serviceName: 'breaker',
      taskDefinition: good,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
    await stable('breaker');
    const failing = (await ecs.send(new UpdateServiceCommand({ service: 'breaker', taskDefinition: bad }))).service!.deployments![0].id!;
    const failed = await waitFor(
      'tripped',
      async () => {
        const s = await describe1('breaker');
        return messages(s).includes(`(service breaker) (deployment ${failing}) deployment failed: tasks failed to start.`) ? s : undefined;
      },
      20_000,
      20,
    );
    assert.ok(messages(failed).some((m) => m.includes('rolling back to task definition')));
    // As the deploy action sees it: stable, and the deployment it started is gone (rolled back).
    const done = await stable('breaker');
    assert.ok(!done.deployments!.some((d) => d.id === failing));
    assert.equal(done.deployments![0].taskDefinition, good);
    assert.equal(done.taskDefinition, good);
    assert.equal(tasksOf('breaker').filter((r) => r.task.desiredStatus === 'RUNNING' && r.task.taskDefinitionArn === good).length, 2);
  });

  test('circuit breaker without rollback keeps the old tasks; without a breaker, repeated failures back off', async () => {
    const good = await register('nobreak');
    const bad = await register('nobreak', { environment: [{ name: 'MODE', value: 'crash' }] });
    await create({
      serviceName: 'nobreak',
      taskDefinition: good,
      desiredCount: 1,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } },
    });
    await stable('nobreak');
    await ecs.send(new UpdateServiceCommand({ service: 'nobreak', taskDefinition: bad }));
    const s = await waitFor(
      'failed',
      async () => {
        const x = await describe1('nobreak');
        return x.deployments![0].rolloutState === 'FAILED' ? x : undefined;
      },
      20_000,
      20,
    );
    assert.equal(s.deployments!.length, 2);
    assert.equal(s.deployments![0].rolloutStateReason, 'ECS deployment circuit breaker: tasks failed to start.');
    assert.ok(s.deployments![0].failedTasks! >= 3, `failedTasks ${s.deployments![0].failedTasks}`);
    await new Promise((r) => setTimeout(r, 300));
    const later = await describe1('nobreak');
    assert.equal(later.runningCount, 1, 'the old task keeps running');
    assert.equal(later.deployments![0].failedTasks, s.deployments![0].failedTasks, 'no more tasks for a failed deployment');

    await ecs.send(
      new UpdateServiceCommand({
        service: 'nobreak',
        deploymentConfiguration: { deploymentCircuitBreaker: { enable: false, rollback: false } },
        forceNewDeployment: true,
      }),
    );
    await waitFor(
      'throttled',
      async () => messages(await describe1('nobreak')).includes('(service nobreak) is unable to consistently start tasks successfully.'),
      20_000,
      50,
    );
  });

  test('a task failing its container health check after the grace period is replaced', async () => {
    const td = await register('sick', {
      environment: [{ name: 'MODE', value: 'sick' }],
      healthCheck: { command: ['CMD-SHELL', 'false'], interval: 5, retries: 1, timeout: 2 },
    });
    await create({ serviceName: 'sick', taskDefinition: td, desiredCount: 1 });
    const s = await waitFor(
      'health event',
      async () => {
        const x = await describe1('sick');
        return messages(x).some((m) => /^\(service sick\) \(task [0-9a-f]{32}\) failed container health checks\.$/.test(m)) ? x : undefined;
      },
      20_000,
      50,
    );
    assert.ok(s.events!.length > 0);
    const stopped = tasksOf('sick').find((r) => r.task.stoppedReason === 'Task failed container health checks')!;
    assert.equal(stopped.task.stopCode, 'ServiceSchedulerInitiated');
    await waitFor('replacement', async () => tasksOf('sick').length >= 2, 20_000, 50);
  });

  test('a restart mid-deployment picks up from the store without duplicating tasks', async () => {
    const td1 = await register('restart');
    const td2 = await register('restart', { environment: [{ name: 'V', value: '2' }] });
    await create({ serviceName: 'restart', taskDefinition: td1 });
    await stable('restart');
    const primary = (await ecs.send(new UpdateServiceCommand({ service: 'restart', taskDefinition: td2 }))).service!.deployments![0].id;
    await waitFor('new tasks started', async () => tasksOf('restart').some((r) => r.deploymentId === primary), 20_000, 10);
    await app.close();
    await boot();
    const done = await stable('restart');
    assert.equal(done.deployments![0].id, primary);
    const byDeployment = tasksOf('restart').filter((r) => r.deploymentId === primary);
    assert.equal(byDeployment.length, 2, 'exactly desiredCount tasks for the new deployment');
  });

  test('DAEMON runs one task per container instance', async () => {
    const td = await register('daemon');
    const s = await create({ serviceName: 'daemon', taskDefinition: td, schedulingStrategy: 'DAEMON', desiredCount: undefined });
    assert.equal(s.desiredCount, 1);
    assert.equal(s.deploymentConfiguration!.minimumHealthyPercent, 0);
    assert.equal(s.deploymentConfiguration!.maximumPercent, 100);
    await stable('daemon');
    const listed = await ecs.send(new ListServicesCommand({ schedulingStrategy: 'DAEMON' }));
    assert.deepEqual(listed.serviceArns, [s.serviceArn]);
  });

  test('DeleteService: refused while scaled up, with force drains to INACTIVE, still describable', async () => {
    const td = await register('doomed');
    await create({ serviceName: 'doomed', taskDefinition: td });
    await stable('doomed');
    await rejects(
      ecs.send(new DeleteServiceCommand({ service: 'doomed' })),
      'InvalidParameterException',
      'The service cannot be stopped while it is scaled above 0.',
    );
    const deleted = (await ecs.send(new DeleteServiceCommand({ service: 'doomed', force: true }))).service!;
    assert.equal(deleted.status, 'DRAINING');
    const gone = await waitFor(
      'inactive',
      async () => {
        const s = await describe1('doomed');
        return s.status === 'INACTIVE' ? s : undefined;
      },
      20_000,
      50,
    );
    assert.equal(gone.runningCount, 0);
    assert.ok(tasksOf('doomed').every((r) => r.task.lastStatus === 'STOPPED'));
    const list = await ecs.send(new ListServicesCommand({}));
    assert.ok(!list.serviceArns!.includes(gone.serviceArn!));
    await rejects(
      ecs.send(new UpdateServiceCommand({ service: 'doomed', desiredCount: 1 })),
      'ServiceNotActiveException',
      'Service was not ACTIVE.',
    );
    // The name is free again.
    const again = await create({ serviceName: 'doomed', taskDefinition: td, desiredCount: 1 });
    assert.equal(again.status, 'ACTIVE');
    await stable('doomed');
  });

  test('bad input is refused with ECS errors and writes nothing', async () => {
    const td = await register('valid');
    const before = (await ecs.send(new ListServicesCommand({ maxResults: 100 }))).serviceArns!;
    await rejects(
      create({
        serviceName: 'v1',
        taskDefinition: td,
        loadBalancers: [
          {
            targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/tg/1',
            containerName: 'nope',
            containerPort: 80,
          },
        ],
      }),
      'InvalidParameterException',
      'The container nope does not exist in the task definition.',
    );
    await rejects(
      create({
        serviceName: 'v1',
        taskDefinition: td,
        loadBalancers: [
          {
            targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/tg/1',
            containerName: 'web',
            containerPort: 81,
          },
        ],
      }),
      'InvalidParameterException',
      'The container web did not have a container port 81 defined.',
    );
    await rejects(
      create({
        serviceName: 'v1',
        taskDefinition: td,
        desiredCount: undefined,
        schedulingStrategy: 'DAEMON',
        deploymentController: { type: 'CODE_DEPLOY' },
      }),
      'InvalidParameterException',
      'The daemon scheduling strategy does not support the CODE_DEPLOY deployment controller.',
    );
    await rejects(
      create({ serviceName: 'v1', deploymentController: { type: 'CODE_DEPLOY' } } as Parameters<typeof create>[0]),
      'InvalidParameterException',
      'A task definition is required for a service with the CODE_DEPLOY deployment controller.',
    );
    await rejects(
      create({ serviceName: 'v1', taskDefinition: td, deploymentConfiguration: { strategy: 'BLUE_GREEN' } }),
      'InvalidParameterException',
      /BLUE_GREEN/,
    );
    await rejects(create({ serviceName: 'v1', taskDefinition: td, desiredCount: undefined }), 'InvalidParameterException', /desiredCount/);
    await rejects(create({ serviceName: 'v1', taskDefinition: 'missing:1' }), 'ClientException', 'Unable to describe task definition.');
    await rejects(
      create({ serviceName: 'v1', taskDefinition: td, launchType: 'FARGATE' }),
      'InvalidParameterException',
      'Task definition does not support launch_type FARGATE.',
    );
    await rejects(
      create({ serviceName: 'v1', taskDefinition: td, networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } }),
      'InvalidParameterException',
      'Network Configuration is not valid for the given networkMode of this task definition.',
    );
    await rejects(
      create({ serviceName: 'v1', taskDefinition: td, deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 50 } }),
      'InvalidParameterException',
      /maximumPercent/,
    );
    await rejects(create({ serviceName: 'bad name', taskDefinition: td }), 'InvalidParameterException', /service name/);
    await create({ serviceName: 'v1', taskDefinition: td, desiredCount: 0 });
    await rejects(
      create({ serviceName: 'v1', taskDefinition: td }),
      'InvalidParameterException',
      'Creation of service was not idempotent.',
    );
    await rejects(
      ecs.send(new UpdateServiceCommand({ service: 'v1', taskDefinition: 'missing:1' })),
      'ClientException',
      'Unable to describe task definition.',
    );
    await rejects(
      ecs.send(new UpdateServiceCommand({ service: 'nope', desiredCount: 1 })),
      'ServiceNotFoundException',
      'Service not found.',
    );
    const after = (await ecs.send(new ListServicesCommand({ maxResults: 100 }))).serviceArns!;
    assert.deepEqual(
      after.filter((a) => !before.includes(a)).map((a) => a.split('/').pop()),
      ['v1'],
    );
    assert.equal((await describe1('v1')).deployments!.length, 1);
    assert.deepEqual(tasksOf('v1'), []);
  });

  test('DescribeServices reports unknown names as MISSING; ListServices pages; TAGS only when asked', async () => {
    const td = await register('listed');
    await create({ serviceName: 'tagged', taskDefinition: td, desiredCount: 0, tags: [{ key: 'team', value: 'a' }] });
    const out = await ecs.send(new DescribeServicesCommand({ services: ['tagged', 'ghost'] }));
    assert.deepEqual(out.failures, [{ arn: 'arn:aws:ecs:us-east-1:000000000000:service/default/ghost', reason: 'MISSING' }]);
    assert.equal(out.services![0].tags, undefined);
    const tagged = await ecs.send(new DescribeServicesCommand({ services: ['tagged'], include: ['TAGS'] }));
    assert.deepEqual(tagged.services![0].tags, [{ key: 'team', value: 'a' }]);
    const none = await ecs.send(new DescribeServicesCommand({ services: ['ghost'] }));
    assert.deepEqual(none.services, []);

    const all = (await ecs.send(new ListServicesCommand({ maxResults: 100 }))).serviceArns!;
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await ecs.send(new ListServicesCommand({ maxResults: 2, nextToken }));
      assert.ok(page.serviceArns!.length <= 2);
      seen.push(...page.serviceArns!);
      nextToken = page.nextToken;
    } while (nextToken);
    assert.deepEqual(seen, all);
    const ec2 = await ecs.send(new ListServicesCommand({ launchType: 'FARGATE' }));
    assert.deepEqual(ec2.serviceArns, []);
    const tasks = await ecs.send(new ListTasksCommand({ serviceName: 'tagged' }));
    assert.deepEqual(tasks.taskArns, []);
  });
});
