/**
 * Tasks on real Docker through the real AWS SDK v3 and aws CLI: RunTask, networking modes,
 * dependsOn and links, health checks, essential exits, pull failures, placement failures, logs.
 */
import {
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  type Task,
} from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import { awsCli, docker, startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';

const run = promisify(execFile);
let s: TestSlipway;

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 20 });
});
after(async () => s?.close());

async function describeTask(arn: string): Promise<Task> {
  const out = await s.ecs.send(new DescribeTasksCommand({ tasks: [arn] }));
  return out.tasks![0];
}

function waitStatus(arn: string, status: string, timeoutMs = 60_000): Promise<Task> {
  return waitFor(
    `task ${arn} ${status}`,
    async () => {
      const t = await describeTask(arn);
      if (status !== 'STOPPED' && t.lastStatus === 'STOPPED') throw new Error(`task stopped: ${t.stoppedReason}`);
      return t.lastStatus === status ? t : undefined;
    },
    timeoutMs,
  );
}

async function register(family: string, containers: object[], extra: object = {}): Promise<string> {
  const out = await s.ecs.send(new RegisterTaskDefinitionCommand({ family, containerDefinitions: containers as never, ...extra }));
  return out.taskDefinition!.taskDefinitionArn!;
}

async function runOne(taskDefinition: string, extra: object = {}): Promise<string> {
  const out = await s.ecs.send(new RunTaskCommand({ taskDefinition, ...extra }));
  assert.deepEqual(out.failures, []);
  return out.tasks![0].taskArn!;
}

const web = (name: string, body: string, extra: object = {}) => ({
  name,
  image: TEST_IMAGE,
  memory: 64,
  command: ['sh', '-c', `mkdir -p /www && echo "${body}" > /www/index.html && echo "serving ${name}" && exec httpd -f -p 8080 -h /www`],
  portMappings: [{ containerPort: 8080 }],
  ...extra,
});

describe('RunTask on Docker', () => {
  test('bridge task with a dynamic host port answers on it, carries the labels and environment', async () => {
    const td = await register('web', [web('web', '$GREETING', { environment: [{ name: 'GREETING', value: 'hello-from-task' }] })]);
    const arn = await runOne(td, { startedBy: 'tester' });
    const task = await waitStatus(arn, 'RUNNING');
    const binding = task.containers![0].networkBindings![0];
    assert.equal(binding.containerPort, 8080);
    assert.ok(binding.hostPort! > 0 && binding.hostPort !== 8080, `dynamic host port, got ${binding.hostPort}`);
    const body = await waitFor('http answer', async () => (await fetch(`http://127.0.0.1:${binding.hostPort}/`)).text());
    assert.equal(body.trim(), 'hello-from-task');
    const info = await docker.getContainer(task.containers![0].runtimeId!).inspect();
    assert.equal(info.Config.Labels['slipway.managed'], 'true');
    assert.equal(info.Config.Labels['slipway.task-arn'], arn);
    assert.equal(info.Config.Labels['slipway.container-name'], 'web');
    assert.equal(info.Config.Labels['slipway.cluster'], task.clusterArn);
    assert.equal(info.HostConfig.Memory, 64 * 1024 * 1024);
    assert.match(arn, /^arn:aws:ecs:us-east-1:000000000000:task\/default\/[0-9a-f]{32}$/);

    const listed = await s.ecs.send(new ListTasksCommand({ startedBy: 'tester', family: 'web' }));
    assert.deepEqual(listed.taskArns, [arn]);

    const { stdout } = await run(process.execPath, ['bin/slipway.js', 'logs', arn, '--endpoint', s.endpoint]);
    assert.match(stdout, /^serving web$/m);

    await s.ecs.send(new StopTaskCommand({ task: arn, reason: 'done here' }));
    const stopped = await waitStatus(arn, 'STOPPED');
    assert.equal(stopped.stopCode, 'UserInitiated');
    assert.equal(stopped.stoppedReason, 'done here');
    assert.equal(stopped.desiredStatus, 'STOPPED');
    assert.equal(typeof stopped.containers![0].exitCode, 'number');
    assert.ok(stopped.stoppedAt instanceof Date && stopped.startedAt instanceof Date);
    const stoppedList = await s.ecs.send(new ListTasksCommand({ desiredStatus: 'STOPPED', family: 'web' }));
    assert.ok(stoppedList.taskArns!.includes(arn));
  });

  test('an essential container that exits stops the task with its exit code and reason', async () => {
    const td = await register('exiter', [
      { name: 'main', image: TEST_IMAGE, memory: 32, command: ['sh', '-c', 'echo bye; sleep 1; exit 3'] },
      { name: 'side', image: TEST_IMAGE, memory: 32, essential: false, command: ['sleep', '600'] },
    ]);
    const arn = await runOne(td);
    const task = await waitStatus(arn, 'STOPPED');
    assert.equal(task.stopCode, 'EssentialContainerExited');
    assert.equal(task.stoppedReason, 'Essential container in task exited');
    const main = task.containers!.find((c) => c.name === 'main')!;
    assert.equal(main.exitCode, 3);
    assert.equal(task.containers!.find((c) => c.name === 'side')!.lastStatus, 'STOPPED');
    const { stdout } = await run(process.execPath, ['bin/slipway.js', 'logs', arn, '--container', 'main', '--endpoint', s.endpoint]);
    assert.match(stdout, /bye/);
  });

  test("seed 004's two-container task: proxy after app (dependsOn + links), environment from the definition", async () => {
    const td = await register('proxied', [
      web('app', '$APP_MESSAGE', { environment: [{ name: 'APP_MESSAGE', value: 'app-behind-proxy' }], portMappings: [] }),
      {
        name: 'proxy',
        image: TEST_IMAGE,
        memory: 32,
        links: ['app:app'],
        dependsOn: [{ containerName: 'app', condition: 'START' }],
        portMappings: [{ containerPort: 80, hostPort: 0 }],
        command: [
          'sh',
          '-c',
          'mkdir -p /www; (while true; do wget -qO /www/index.html http://app:8080/; sleep 1; done) & exec httpd -f -p 80 -h /www',
        ],
      },
    ]);
    const task = await waitStatus(await runOne(td), 'RUNNING');
    const port = task.containers!.find((c) => c.name === 'proxy')!.networkBindings![0].hostPort;
    const body = await waitFor('proxy answer', async () => {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      return res.ok && (await res.text());
    });
    assert.equal(body.trim(), 'app-behind-proxy');
  });

  test('dependsOn SUCCESS and HEALTHY order start-up; health checks set container and task health', async () => {
    const td = await register('ordered', [
      { name: 'init', image: TEST_IMAGE, memory: 16, essential: false, command: ['sh', '-c', 'sleep 1; exit 0'] },
      web('app', 'ok', {
        dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }],
        healthCheck: { command: ['CMD-SHELL', 'wget -qO- http://127.0.0.1:8080/ || exit 1'], interval: 5, timeout: 2, retries: 2 },
      }),
      {
        name: 'after',
        image: TEST_IMAGE,
        memory: 16,
        command: ['sleep', '600'],
        dependsOn: [{ containerName: 'app', condition: 'HEALTHY' }],
      },
    ]);
    const arn = await runOne(td);
    const task = await waitFor('healthy running task', async () => {
      const t = await describeTask(arn);
      if (t.lastStatus === 'STOPPED') throw new Error(t.stoppedReason);
      return t.lastStatus === 'RUNNING' && t.healthStatus === 'HEALTHY' ? t : undefined;
    });
    const init = task.containers!.find((c) => c.name === 'init')!;
    assert.equal(init.exitCode, 0);
    assert.equal(task.containers!.find((c) => c.name === 'app')!.healthStatus, 'HEALTHY');
    const started = async (name: string) =>
      new Date((await docker.getContainer(task.containers!.find((c) => c.name === name)!.runtimeId!).inspect()).State.StartedAt).getTime();
    const initInfo = await docker.getContainer(init.runtimeId!).inspect();
    assert.ok((await started('app')) >= new Date(initInfo.State.FinishedAt).getTime(), 'app starts after init succeeded');
    assert.ok((await started('after')) > (await started('app')), 'after starts once app is healthy');
    await s.ecs.send(new StopTaskCommand({ task: arn }));
  });

  test('a failing health check makes the container and the task UNHEALTHY', async () => {
    const td = await register('sick', [
      {
        name: 'sick',
        image: TEST_IMAGE,
        memory: 16,
        command: ['sleep', '600'],
        healthCheck: { command: ['CMD-SHELL', 'exit 1'], interval: 5, timeout: 2, retries: 1 },
      },
    ]);
    const arn = await runOne(td);
    const task = await waitFor('unhealthy', async () => {
      const t = await describeTask(arn);
      return t.healthStatus === 'UNHEALTHY' ? t : undefined;
    });
    assert.equal(task.containers![0].healthStatus, 'UNHEALTHY');
    await s.ecs.send(new StopTaskCommand({ task: arn }));
  });

  test('awsvpc: the containers share one network namespace and the task has its own address', async () => {
    const td = await register(
      'vpc',
      [
        web('app', 'vpc-ok'),
        {
          name: 'probe',
          image: TEST_IMAGE,
          essential: false,
          command: ['sh', '-c', 'sleep 1; wget -qO- http://localhost:8080/'],
          dependsOn: [{ containerName: 'app', condition: 'START' }],
        },
      ],
      { networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512' },
    );
    const arn = await runOne(td, {
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], assignPublicIp: 'ENABLED' } },
    });
    await waitStatus(arn, 'RUNNING');
    const probe = await waitFor('probe done', async () => {
      const t = await describeTask(arn);
      const p = t.containers!.find((c) => c.name === 'probe')!;
      return p.lastStatus === 'STOPPED' ? { p, t } : undefined;
    });
    assert.equal(probe.p.exitCode, 0, 'probe reached app on localhost');
    const ip = probe.t.attachments![0].details!.find((d) => d.name === 'privateIPv4Address')!.value!;
    assert.match(ip, /^\d+\.\d+\.\d+\.\d+$/);
    assert.equal((await (await fetch(`http://${ip}:8080/`)).text()).trim(), 'vpc-ok');
    assert.equal(probe.t.launchType, 'FARGATE');
    await s.ecs.send(new StopTaskCommand({ task: arn }));
    await waitStatus(arn, 'STOPPED');
  });

  test('awsvpc without a network configuration is refused and writes nothing', async () => {
    const td = await register('vpc2', [web('app', 'x')], {
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
    });
    await assert.rejects(s.ecs.send(new RunTaskCommand({ taskDefinition: td, launchType: 'FARGATE' })), (err: Error) => {
      assert.equal(err.name, 'InvalidParameterException');
      assert.match(err.message, /Network Configuration/);
      return true;
    });
    const listed = await s.ecs.send(new ListTasksCommand({ family: 'vpc2' }));
    assert.deepEqual(listed.taskArns, []);
  });

  test('an image that cannot be pulled stops the task with CannotPullContainerError', async () => {
    const td = await register('nopull', [{ name: 'x', image: '127.0.0.1:1/does-not-exist:latest', memory: 16 }]);
    const task = await waitStatus(await runOne(td), 'STOPPED');
    assert.equal(task.stopCode, 'TaskFailedToStart');
    assert.match(task.stoppedReason!, /^CannotPullContainerError: /);
  });

  test('a fixed host port can be held by one task only: the second gets RESOURCE:PORTS', async () => {
    const td = await register('fixed', [web('web', 'fixed', { portMappings: [{ containerPort: 8080, hostPort: 18080 }] })]);
    const first = await runOne(td);
    const second = await s.ecs.send(new RunTaskCommand({ taskDefinition: td }));
    assert.equal(second.tasks!.length, 0);
    assert.equal(second.failures![0].reason, 'RESOURCE:PORTS');
    assert.match(second.failures![0].arn!, /container-instance\/default\//);
    await waitStatus(first, 'RUNNING');
    assert.equal((await (await fetch('http://127.0.0.1:18080/')).text()).trim(), 'fixed');
    await s.ecs.send(new StopTaskCommand({ task: first }));
  });

  test('the aws CLI runs a task and waits for it', async () => {
    const td = await register('cli', [{ name: 'c', image: TEST_IMAGE, memory: 16, command: ['sleep', '600'] }]);
    const out = await awsCli(s.endpoint, ['ecs', 'run-task', '--task-definition', td, '--count', '2']);
    assert.equal(out.tasks.length, 2);
    const arns = out.tasks.map((t: Task) => t.taskArn);
    await awsCli(s.endpoint, ['ecs', 'wait', 'tasks-running', '--tasks', ...arns]);
    const described = await awsCli(s.endpoint, ['ecs', 'describe-tasks', '--tasks', ...arns, 'nope']);
    assert.deepEqual(
      described.tasks.map((t: Task) => t.lastStatus),
      ['RUNNING', 'RUNNING'],
    );
    assert.equal(described.failures[0].reason, 'MISSING');
    for (const arn of arns) await awsCli(s.endpoint, ['ecs', 'stop-task', '--task', arn]);
  });
});

describe("a container instance with seed 004's 466 MiB", () => {
  let small: TestSlipway;
  before(async () => {
    small = await startTestSlipway({ instanceMemoryMiB: 466 });
  });
  after(async () => small?.close());

  test('a 500 MiB task does not fit: RESOURCE:MEMORY, nothing started', async () => {
    const reg = await small.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'big',
        containerDefinitions: [{ name: 'big', image: TEST_IMAGE, memory: 500, command: ['sleep', '60'] }],
      }),
    );
    const out = await small.ecs.send(new RunTaskCommand({ taskDefinition: reg.taskDefinition!.taskDefinitionArn }));
    assert.deepEqual(out.tasks, []);
    assert.equal(out.failures![0].reason, 'RESOURCE:MEMORY');
    const listed = await small.ecs.send(new ListTasksCommand({}));
    assert.deepEqual(listed.taskArns, []);
  });
});
