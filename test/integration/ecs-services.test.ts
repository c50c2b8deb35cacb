/**
 * ECS services on real Docker through the real AWS SDK v3: steady state, replacing a killed task,
 * rolling updates the way amazon-ecs-deploy-task-definition drives them (UpdateService →
 * waitUntilServicesStable → DescribeServices), seed 004's fixed host port, the circuit breaker
 * with rollback, deletion, and refusals that write nothing.
 */
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  waitUntilServicesStable,
  type ContainerDefinition,
  type CreateServiceCommandInput,
  type Service,
  type Task,
} from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import { docker, freePort, startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';

let s: TestSlipway;
/** Its own cluster, so that cleaning up touches only the containers this file made. */
const cluster = 'services-it';

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 20 });
  await s.ecs.send(new CreateClusterCommand({ clusterName: cluster }));
});
after(async () => {
  if (!s) return;
  await s.app.close();
  const mine = await docker.listContainers({
    all: true,
    filters: { label: ['slipway.managed=true', `slipway.cluster=arn:aws:ecs:us-east-1:000000000000:cluster/${cluster}`] },
  });
  await Promise.all(
    mine.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
  rmSync(s.dataDir, { recursive: true, force: true });
});

/** httpd answering `body` on container port 8080 (host port as given; dynamic when omitted). */
const web = (body: string, hostPort?: number): ContainerDefinition => ({
  name: 'web',
  image: TEST_IMAGE,
  memory: 32,
  command: ['sh', '-c', `mkdir -p /www && echo ${body} > /www/index.html && exec httpd -f -p 8080 -h /www`],
  portMappings: [{ containerPort: 8080, ...(hostPort ? { hostPort } : {}) }],
});

async function register(family: string, container: ContainerDefinition): Promise<string> {
  const out = await s.ecs.send(new RegisterTaskDefinitionCommand({ family, containerDefinitions: [container] }));
  return out.taskDefinition!.taskDefinitionArn!;
}

async function create(input: Partial<CreateServiceCommandInput> & { serviceName: string; taskDefinition: string }): Promise<Service> {
  return (await s.ecs.send(new CreateServiceCommand({ cluster, desiredCount: 2, ...input }))).service!;
}

async function describeService(name: string): Promise<Service> {
  const out = await s.ecs.send(new DescribeServicesCommand({ cluster, services: [name] }));
  assert.deepEqual(out.failures, []);
  return out.services![0];
}

const messages = (svc: Service) => svc.events!.map((e) => e.message!).reverse();

/** The SDK's own waiter, as the deploy action calls it (with short delays: time runs 20× here). */
async function waitStable(name: string, maxWaitTime = 60): Promise<Service> {
  const result = await waitUntilServicesStable({ client: s.ecs, maxWaitTime, minDelay: 1, maxDelay: 1 }, { cluster, services: [name] });
  assert.equal(result.state, 'SUCCESS');
  return describeService(name);
}

async function runningTasks(name: string): Promise<Task[]> {
  const arns = (await s.ecs.send(new ListTasksCommand({ cluster, serviceName: name, desiredStatus: 'RUNNING' }))).taskArns!;
  if (arns.length === 0) return [];
  return (await s.ecs.send(new DescribeTasksCommand({ cluster, tasks: arns }))).tasks!.filter((t) => t.lastStatus === 'RUNNING');
}

async function bodies(tasks: Task[]): Promise<string[]> {
  return Promise.all(
    tasks.map(async (t) => {
      const port = t.containers![0].networkBindings![0].hostPort;
      return waitFor(`answer on ${port}`, async () => (await fetch(`http://127.0.0.1:${port}/`)).text(), 10_000).then((b) => b.trim());
    }),
  );
}

describe('ECS services on Docker', () => {
  test('a service of 2 reaches a steady state; a killed container is replaced', async () => {
    const td = await register('steady', web('one'));
    const created = await create({ serviceName: 'steady', taskDefinition: td });
    assert.equal(created.deployments![0].status, 'PRIMARY');
    assert.equal(created.deployments![0].rolloutState, 'IN_PROGRESS');
    const svc = await waitFor(
      'steady-state event',
      async () => {
        const x = await waitStable('steady');
        return messages(x).at(-1) === '(service steady) has reached a steady state.' ? x : undefined;
      },
      60_000,
    );
    assert.equal(svc.runningCount, 2);
    assert.match(messages(svc)[0], /^\(service steady\) has started 2 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/);
    const tasks = await runningTasks('steady');
    assert.deepEqual(await bodies(tasks), ['one', 'one']);
    assert.ok(tasks.every((t) => t.group === 'service:steady' && t.startedBy === svc.deployments![0].id));

    const victim = tasks[0];
    await docker.getContainer(victim.containers![0].runtimeId!).kill();
    const replaced = await waitFor(
      'replacement',
      async () => {
        const now = await runningTasks('steady');
        return now.length === 2 && !now.some((t) => t.taskArn === victim.taskArn) ? now : undefined;
      },
      60_000,
    );
    assert.deepEqual(await bodies(replaced), ['one', 'one']);
    const after = await waitStable('steady');
    assert.match(
      messages(after).find((m) => m.includes('has started 1 tasks'))!,
      /^\(service steady\) has started 1 tasks: \(task [0-9a-f]{32}\)\.$/,
    );
  });

  test('the deploy action path: UpdateService to a new revision rolls at 100/200 and ends COMPLETED', async () => {
    const v1 = await register('rolling', web('v1'));
    const v2 = await register('rolling', web('v2'));
    await create({ serviceName: 'rolling', taskDefinition: v1 });
    await waitStable('rolling');
    const updated = (
      await s.ecs.send(new UpdateServiceCommand({ cluster, service: 'rolling', taskDefinition: v2, forceNewDeployment: false }))
    ).service!;
    const primary = updated.deployments!.find((d) => d.status === 'PRIMARY')!;
    assert.equal(primary.taskDefinition, v2);
    assert.equal(updated.deployments!.length, 2);
    let lowest = Infinity;
    const sampling = (async () => {
      for (let i = 0; i < 200 && lowest > 0; i++) {
        const x = await describeService('rolling');
        lowest = Math.min(lowest, x.runningCount!);
        if (x.deployments!.length === 1) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await waitStable('rolling');
    await sampling;
    const svc = await describeService('rolling');
    const mine = svc.deployments!.find((d) => d.id === primary.id);
    assert.ok(mine, 'the deployment the action recorded is still there (no rollback)');
    assert.equal(mine.rolloutState, 'COMPLETED');
    assert.equal(mine.rolloutStateReason, `ECS deployment ${primary.id} completed.`);
    assert.ok(lowest >= 2, `minimumHealthyPercent 100 kept 2 running, saw ${lowest}`);
    assert.ok(messages(svc).includes(`(service rolling) (deployment ${primary.id}) deployment completed.`));
    const tasks = await runningTasks('rolling');
    assert.deepEqual(
      tasks.map((t) => t.taskDefinitionArn),
      [v2, v2],
    );
    assert.deepEqual(await bodies(tasks), ['v2', 'v2']);
  });

  test('seed 004: a fixed host port is stuck at 100/200 and rolls at 0/100', async () => {
    const port = await freePort();
    const v1 = await register('fixed', web('fixed-v1', port));
    const v2 = await register('fixed', web('fixed-v2', port));
    await create({ serviceName: 'fixed', taskDefinition: v1, desiredCount: 1 });
    await waitStable('fixed');
    const primary = (await s.ecs.send(new UpdateServiceCommand({ cluster, service: 'fixed', taskDefinition: v2 }))).service!
      .deployments![0];
    const stuck = await waitFor(
      'port event',
      async () => {
        const x = await describeService('fixed');
        return messages(x).some(
          (m) =>
            m.startsWith(
              '(service fixed) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance ',
            ) &&
            m.endsWith(
              ') is already using a port required by your task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.',
            ),
        )
          ? x
          : undefined;
      },
      30_000,
    );
    assert.equal(stuck.deployments!.length, 2);
    assert.equal(stuck.deployments![0].rolloutState, 'IN_PROGRESS');
    assert.equal((await (await fetch(`http://127.0.0.1:${port}/`)).text()).trim(), 'fixed-v1');

    await s.ecs.send(
      new UpdateServiceCommand({ cluster, service: 'fixed', deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 } }),
    );
    const done = await waitStable('fixed');
    assert.equal(done.deployments![0].id, primary.id);
    assert.equal(done.deployments![0].rolloutState, 'COMPLETED');
    const body = await waitFor(
      'v2 on the fixed port',
      async () => (await (await fetch(`http://127.0.0.1:${port}/`)).text()).trim() === 'fixed-v2',
      20_000,
    );
    assert.ok(body);
  });

  test('circuit breaker with rollback: a revision that exits at once fails, a new deployment rolls back', async () => {
    const good = await register('breaker', web('good'));
    const bad = await register('breaker', { ...web('bad'), command: ['sh', '-c', 'exit 1'] });
    await create({
      serviceName: 'breaker',
      taskDefinition: good,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
    await waitStable('breaker');
    const failing = (await s.ecs.send(new UpdateServiceCommand({ cluster, service: 'breaker', taskDefinition: bad }))).service!
      .deployments![0].id!;
    await waitFor(
      'breaker tripped',
      async () =>
        messages(await describeService('breaker')).includes(
          `(service breaker) (deployment ${failing}) deployment failed: tasks failed to start.`,
        ),
      90_000,
    );
    const svc = await waitStable('breaker', 90);
    assert.ok(!svc.deployments!.some((d) => d.id === failing), 'the failed deployment is gone, as the deploy action detects a rollback');
    assert.equal(svc.deployments![0].rolloutState, 'COMPLETED');
    assert.equal(svc.deployments![0].taskDefinition, good);
    assert.equal(svc.taskDefinition, good);
    const tasks = await runningTasks('breaker');
    assert.deepEqual(await bodies(tasks), ['good', 'good']);
    const listed = (await s.ecs.send(new ListServiceDeploymentsCommand({ cluster, service: 'breaker' }))).serviceDeployments!;
    assert.deepEqual(
      listed.map((d) => [d.status, d.targetServiceRevisionArn]),
      [
        ['ROLLBACK_SUCCESSFUL', bad],
        ['SUCCESSFUL', good],
      ],
    );
    const [rolledBack] = (
      await s.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [listed[0].serviceDeploymentArn!] }))
    ).serviceDeployments!;
    assert.match(rolledBack.statusReason!, /circuit breaker/);
    assert.deepEqual(rolledBack.sourceServiceRevisions, [{ arn: good }]);
    assert.ok(rolledBack.rollback?.startedAt && rolledBack.finishedAt);
  });

  test('rolling deployments are service deployments: listed IN_PROGRESS then SUCCESSFUL; StopServiceDeployment rolls one back', async () => {
    const v1 = await register('listed', web('l1'));
    const v2 = await register('listed', web('l2'));
    // Never healthy: its deployment stays IN_PROGRESS until stopped.
    const v3 = await register('listed', { ...web('l3'), healthCheck: { command: ['CMD-SHELL', 'exit 1'], interval: 5, retries: 10 } });
    await create({ serviceName: 'listed', taskDefinition: v1 });
    await waitStable('listed');
    const list = async () => (await s.ecs.send(new ListServiceDeploymentsCommand({ cluster, service: 'listed' }))).serviceDeployments!;
    const describeOne = async (arn: string) =>
      (await s.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments![0];
    assert.deepEqual(
      (await list()).map((d) => [d.status, d.targetServiceRevisionArn]),
      [['SUCCESSFUL', v1]],
    );

    await s.ecs.send(new UpdateServiceCommand({ cluster, service: 'listed', taskDefinition: v2 }));
    const [rolling] = await list();
    assert.equal(rolling.status, 'IN_PROGRESS', 'listed as soon as UpdateService returns');
    assert.equal(rolling.targetServiceRevisionArn, v2);
    assert.match(
      rolling.serviceDeploymentArn!,
      /^arn:aws:ecs:us-east-1:000000000000:service-deployment\/services-it\/listed\/[A-Za-z0-9]{22}$/,
    );
    await waitStable('listed');
    const done = await describeOne(rolling.serviceDeploymentArn!);
    assert.equal(done.status, 'SUCCESSFUL');
    assert.deepEqual(done.sourceServiceRevisions, [{ arn: v1 }]);
    assert.equal(done.targetServiceRevision?.arn, v2);
    assert.equal(done.deploymentConfiguration?.strategy ?? 'ROLLING', 'ROLLING');
    assert.ok(done.finishedAt);

    await s.ecs.send(new UpdateServiceCommand({ cluster, service: 'listed', taskDefinition: v3 }));
    const [third] = await list();
    assert.equal(third.status, 'IN_PROGRESS');
    await s.ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: third.serviceDeploymentArn!, stopType: 'ROLLBACK' }));
    const back = await waitFor(
      'rolled back',
      async () => {
        const sd = await describeOne(third.serviceDeploymentArn!);
        return sd.status === 'ROLLBACK_SUCCESSFUL' ? sd : undefined;
      },
      90_000,
      250,
    );
    assert.match(back.statusReason!, /StopServiceDeployment/);
    const svc = await waitStable('listed', 90);
    assert.equal(svc.taskDefinition, v2);
    assert.deepEqual(await bodies(await runningTasks('listed')), ['l2', 'l2']);
    assert.deepEqual(
      (await list()).map((d) => d.status),
      ['ROLLBACK_SUCCESSFUL', 'SUCCESSFUL', 'SUCCESSFUL'],
    );
    await s.ecs.send(new UpdateServiceCommand({ cluster, service: 'listed', desiredCount: 0 }));
  });

  test('DeleteService with force stops the tasks and leaves the service INACTIVE; refusals write nothing', async () => {
    const td = await register('doomed', web('doomed'));
    await create({ serviceName: 'doomed', taskDefinition: td });
    await waitStable('doomed');
    const containers = (await runningTasks('doomed')).map((t) => t.containers![0].runtimeId!);

    await assert.rejects(create({ serviceName: 'doomed', taskDefinition: td }), {
      name: 'InvalidParameterException',
      message: 'Creation of service was not idempotent.',
    });
    await assert.rejects(s.ecs.send(new DeleteServiceCommand({ cluster, service: 'doomed' })), {
      name: 'InvalidParameterException',
      message: 'The service cannot be stopped while it is scaled above 0.',
    });
    await assert.rejects(
      create({
        serviceName: 'never',
        taskDefinition: td,
        loadBalancers: [
          {
            targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/tg/0123456789abcdef',
            containerName: 'web',
            containerPort: 9999,
          },
        ],
      }),
      { name: 'InvalidParameterException', message: 'The container web did not have a container port 9999 defined.' },
    );
    const missing = await s.ecs.send(new DescribeServicesCommand({ cluster, services: ['never'] }));
    assert.deepEqual(missing.failures, [{ arn: 'arn:aws:ecs:us-east-1:000000000000:service/services-it/never', reason: 'MISSING' }]);
    assert.equal((await describeService('doomed')).runningCount, 2);

    const deleted = (await s.ecs.send(new DeleteServiceCommand({ cluster, service: 'doomed', force: true }))).service!;
    assert.equal(deleted.status, 'DRAINING');
    const gone = await waitFor(
      'INACTIVE',
      async () => {
        const x = await describeService('doomed');
        return x.status === 'INACTIVE' ? x : undefined;
      },
      60_000,
    );
    assert.equal(gone.desiredCount, 0);
    assert.equal(gone.runningCount, 0);
    for (const id of containers) assert.equal((await docker.getContainer(id).inspect()).State.Running, false);
    const listed = await s.ecs.send(new ListServicesCommand({ cluster }));
    assert.ok(!listed.serviceArns!.includes(gone.serviceArn!));
  });
});
