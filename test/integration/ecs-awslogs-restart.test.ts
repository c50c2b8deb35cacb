/**
 * A restarted Slipway adopts a running awslogs container's output: what it prints after the restart
 * reaches its stream, and no line is sent twice.
 */
import { RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { waitTaskStatus } from '../support/ecs.ts';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import { awsCli, docker, startTestSlipway, tempDataDir, waitFor, type TestSlipway } from '../support/slipway.ts';

const dataDir = tempDataDir();
let s: TestSlipway | undefined;

before(() => ensureTestImages(docker));
after(async () => {
  await s?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The numbers of the "line N" messages in the stream, in stored order. */
async function linesIn(endpoint: string, stream: string): Promise<number[]> {
  const out = await awsCli(endpoint, [
    'logs',
    'get-log-events',
    '--log-group-name',
    '/ecs/ticker',
    '--log-stream-name',
    stream,
    '--start-from-head',
  ]);
  return out.events.map((e: { message: string }) => Number(e.message.replace('line ', '')));
}

test('after a restart the running container is followed again, from where it is, with nothing sent twice', async () => {
  s = await startTestSlipway({ dataDir });
  const td = await s.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'ticker',
      containerDefinitions: [
        {
          name: 'app',
          image: TEST_IMAGE,
          memory: 16,
          command: ['sh', '-c', 'i=0; while true; do echo "line $i"; i=$((i+1)); sleep 1; done'],
          logConfiguration: {
            logDriver: 'awslogs',
            options: {
              'awslogs-group': '/ecs/ticker',
              'awslogs-create-group': 'true',
              'awslogs-region': 'us-east-1',
              'awslogs-stream-prefix': 'ecs',
            },
          },
        },
      ],
    }),
  );
  const arn = (await s.ecs.send(new RunTaskCommand({ taskDefinition: td.taskDefinition!.taskDefinitionArn }))).tasks![0].taskArn!;
  const stream = `ecs/app/${arn.slice(arn.lastIndexOf('/') + 1)}`;
  await waitTaskStatus(s.ecs, arn, 'RUNNING');
  await waitFor('two lines before the restart', async () => (await linesIn(s!.endpoint, stream)).length >= 2);

  // The process stops; the container goes on printing.
  await s.app.close();
  s = await startTestSlipway({ dataDir });
  const before = (await linesIn(s.endpoint, stream)).at(-1)!;
  const after = await waitFor('lines printed after the restart', async () => {
    const lines = await linesIn(s!.endpoint, stream);
    return lines.at(-1)! >= before + 3 ? lines : undefined;
  });
  assert.deepEqual(after, [...new Set(after)], `no line twice: ${after.join(',')}`);
  assert.deepEqual(
    after,
    [...after].sort((a, b) => a - b),
    'in the order printed',
  );
});
