/**
 * The real aws CLI (v1) against Slipway's CloudWatch Logs: the commands a developer types to read
 * a task's or a build's logs, with the CLI's own pagination.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { awsCli, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

describe('aws logs (CLI v1)', () => {
  let slipway: TestSlipway;
  const cli = (...args: string[]) => awsCli(slipway.endpoint, ['logs', ...args]);
  let t: number;

  before(async () => {
    slipway = await startTestSlipway();
    t = Date.now() - 60_000;
    await cli('create-log-group', '--log-group-name', '/ecs/web');
    for (const stream of ['web/web/1', 'web/web/2'])
      await cli('create-log-stream', '--log-group-name', '/ecs/web', '--log-stream-name', stream);
    const events = (from: number, messages: string[]) => JSON.stringify(messages.map((message, i) => ({ timestamp: from + i, message })));
    await cli(
      'put-log-events',
      '--log-group-name',
      '/ecs/web',
      '--log-stream-name',
      'web/web/1',
      '--log-events',
      events(t, ['starting', 'ERROR cannot reach db', 'ready']),
    );
    await cli(
      'put-log-events',
      '--log-group-name',
      '/ecs/web',
      '--log-stream-name',
      'web/web/2',
      '--log-events',
      events(t + 100, ['starting', '{"level":"error","path":"/x"}']),
    );
  });
  after(() => slipway.close());

  it('describe-log-streams lists streams by last event time', async () => {
    const out = await cli('describe-log-streams', '--log-group-name', '/ecs/web', '--order-by', 'LastEventTime', '--descending');
    assert.deepEqual(
      out.logStreams.map((s: { logStreamName: string }) => s.logStreamName),
      ['web/web/2', 'web/web/1'],
    );
    assert.equal(out.logStreams[1].firstEventTimestamp, t);
    assert.equal(out.logStreams[1].lastEventTimestamp, t + 2);
    assert.equal(out.logStreams[1].storedBytes, 'startingERROR cannot reach dbready'.length);
  });

  it('get-log-events reads a stream from its head, and a limited tail', async () => {
    const head = await cli('get-log-events', '--log-group-name', '/ecs/web', '--log-stream-name', 'web/web/1', '--start-from-head');
    assert.deepEqual(
      head.events.map((e: { message: string }) => e.message),
      ['starting', 'ERROR cannot reach db', 'ready'],
    );
    assert.match(head.nextForwardToken, /^f\//);
    assert.match(head.nextBackwardToken, /^b\//);
    const tail = await cli('get-log-events', '--log-group-name', '/ecs/web', '--log-stream-name', 'web/web/1', '--limit', '1');
    assert.deepEqual(
      tail.events.map((e: { message: string }) => e.message),
      ['ready'],
    );
    const next = await cli(
      'get-log-events',
      '--log-group-name',
      '/ecs/web',
      '--log-stream-name',
      'web/web/1',
      '--next-token',
      tail.nextForwardToken,
    );
    assert.deepEqual(next.events, []);
    assert.equal(next.nextForwardToken, tail.nextForwardToken);
  });

  it('filter-log-events matches terms and JSON patterns across streams, paging through every page', async () => {
    const errors = await cli('filter-log-events', '--log-group-name', '/ecs/web', '--filter-pattern', '?ERROR ?error');
    assert.deepEqual(
      errors.events.map((e: { message: string }) => e.message),
      ['ERROR cannot reach db', '{"level":"error","path":"/x"}'],
    );
    const json = await cli('filter-log-events', '--log-group-name', '/ecs/web', '--filter-pattern', '{ $.level = "error" }');
    assert.deepEqual(
      json.events.map((e: { logStreamName: string }) => e.logStreamName),
      ['web/web/2'],
    );
    // --page-size makes the CLI follow nextToken itself, one event a call.
    const all = await cli('filter-log-events', '--log-group-name', '/ecs/web', '--page-size', '1', '--log-stream-name-prefix', 'web/');
    assert.deepEqual(
      all.events.map((e: { message: string }) => e.message),
      ['starting', 'ERROR cannot reach db', 'ready', 'starting', '{"level":"error","path":"/x"}'],
    );
    const starts = await cli(
      'filter-log-events',
      '--log-group-name',
      '/ecs/web',
      '--log-stream-names',
      'web/web/2',
      '--start-time',
      String(t + 100),
      '--end-time',
      String(t + 101),
    );
    assert.deepEqual(
      starts.events.map((e: { message: string }) => e.message),
      ['starting'],
    );
  });

  it('answers a missing group with ResourceNotFoundException', async () => {
    await assert.rejects(
      cli('get-log-events', '--log-group-name', '/ecs/nope', '--log-stream-name', 's'),
      (err: { stderr: string }) =>
        /ResourceNotFoundException/.test(err.stderr) && /The specified log group does not exist\./.test(err.stderr),
    );
  });
});
