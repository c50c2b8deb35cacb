/**
 * Containers with the awslogs driver: their output read back with `aws logs get-log-events` from
 * `awslogs-group`, stream `<awslogs-stream-prefix>/<container>/<task id>`; the group made when
 * `awslogs-create-group` is "true"; a missing group failing the task as ECS does; `slipway logs`
 * still reading the container's output.
 */
import { RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { waitTaskStatus } from '../support/ecs.ts';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import { awsCli, docker, startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';

const run = promisify(execFile);
let s: TestSlipway;

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 20 });
});
after(async () => s?.close());

async function runWithLogs(family: string, script: string, options: Record<string, string>): Promise<string> {
  const td = await s.ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      containerDefinitions: [
        {
          name: 'app',
          image: TEST_IMAGE,
          memory: 32,
          command: ['sh', '-c', script],
          logConfiguration: {
            logDriver: 'awslogs',
            options: { 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs', ...options },
          },
        },
      ],
    }),
  );
  const out = await s.ecs.send(new RunTaskCommand({ taskDefinition: td.taskDefinition!.taskDefinitionArn }));
  assert.deepEqual(out.failures, []);
  return out.tasks![0].taskArn!;
}

const taskId = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

/** The stream's messages once it holds `count` of them, read with the aws CLI. */
function logEvents(group: string, stream: string, count: number): Promise<{ message: string; timestamp: number }[]> {
  return waitFor(`${count} events in ${group} ${stream}`, async () => {
    const out = await awsCli(s.endpoint, [
      'logs',
      'get-log-events',
      '--log-group-name',
      group,
      '--log-stream-name',
      stream,
      '--start-from-head',
    ]);
    return out.events.length >= count ? out.events : undefined;
  });
}

describe('the awslogs log driver', () => {
  test("a container's stdout and stderr reach its stream in the group, and slipway logs still reads them", async () => {
    await awsCli(s.endpoint, ['logs', 'create-log-group', '--log-group-name', '/ecs/example-app']);
    const arn = await runWithLogs(
      'logs-app',
      'echo "hello from app"; echo "to stderr" >&2; for i in 1 2 3; do echo "tick $i"; done; exec sleep 300',
      {
        'awslogs-group': '/ecs/example-app',
      },
    );
    await waitTaskStatus(s.ecs, arn, 'RUNNING');
    const events = await logEvents('/ecs/example-app', `ecs/app/${taskId(arn)}`, 5);
    const messages = events.map((e) => e.message);
    // stdout and stderr are separate pipes: the engine orders lines within each, not across them.
    assert.deepEqual(
      messages.filter((m) => m !== 'to stderr'),
      ['hello from app', 'tick 1', 'tick 2', 'tick 3'],
    );
    assert.ok(messages.includes('to stderr'), `stderr is shipped too: ${JSON.stringify(messages)}`);
    for (const e of events) assert.ok(Math.abs(e.timestamp - Date.now()) < 10 * 60_000, `timestamp ${e.timestamp} is the line's own time`);

    const { stdout } = await run(process.execPath, ['bin/slipway.js', 'logs', arn, '--endpoint', s.endpoint]);
    assert.match(stdout, /^hello from app$/m);
  });

  test('awslogs-create-group "true" makes the group; output of a container that exits at once is all there', async () => {
    const arn = await runWithLogs('logs-create', 'echo "first line"; echo "last line"', {
      'awslogs-group': '/ecs/created-by-task',
      'awslogs-create-group': 'true',
    });
    const stopped = await waitTaskStatus(s.ecs, arn, 'STOPPED');
    assert.equal(stopped.stopCode, 'EssentialContainerExited');
    const groups = await awsCli(s.endpoint, ['logs', 'describe-log-groups', '--log-group-name-prefix', '/ecs/created-by-task']);
    assert.deepEqual(
      groups.logGroups.map((g: { logGroupName: string }) => g.logGroupName),
      ['/ecs/created-by-task'],
    );
    const events = await logEvents('/ecs/created-by-task', `ecs/app/${taskId(arn)}`, 2);
    assert.deepEqual(
      events.map((e) => e.message),
      ['first line', 'last line'],
    );
  });

  test('a group that does not exist, without awslogs-create-group, fails the task as ECS does and makes nothing; so does a region that is not one', async () => {
    const arn = await runWithLogs('logs-missing', 'echo never', { 'awslogs-group': '/ecs/not-there' });
    const stopped = await waitTaskStatus(s.ecs, arn, 'STOPPED');
    assert.equal(stopped.stopCode, 'TaskFailedToStart');
    assert.equal(
      stopped.stoppedReason,
      'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1',
    );
    assert.equal(stopped.containers![0].reason, stopped.stoppedReason);
    const groups = await awsCli(s.endpoint, ['logs', 'describe-log-groups', '--log-group-name-prefix', '/ecs/not-there']);
    assert.deepEqual(groups.logGroups, []);

    const badRegion = await runWithLogs('logs-region', 'echo never', { 'awslogs-group': '/ecs/example-app', 'awslogs-region': 'mars' });
    const refused = await waitTaskStatus(s.ecs, badRegion, 'STOPPED');
    assert.match(
      refused.stoppedReason!,
      /^CannotStartContainerError: .*failed to initialize logging driver: awslogs-region 'mars' is not a region name/,
    );
  });
});
