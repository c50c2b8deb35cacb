import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createManualClock } from '../../core/clock.ts';
import { loadConfig } from '../../core/config.ts';
import { EventBus } from '../../core/events.ts';
import type { ContainerRuntime } from '../../runtime/types.ts';
import { Store } from '../../store/index.ts';
import * as logsRoom from '../logs/index.ts';
import type { LogsFacade } from '../logs/index.ts';
import type { StoredContainer, TaskRecord } from './model.ts';
import { awslogsStream, prepareAwsLogs } from './task-logs.ts';

const taskArn = 'arn:aws:ecs:eu-west-1:123456789012:task/default/0123456789abcdef0123456789abcdef';
const record = { task: { taskArn } } as TaskRecord;
const app = (options: Record<string, string>): StoredContainer => ({
  name: 'app',
  image: 'x',
  logConfiguration: { logDriver: 'awslogs', options },
});

describe('where an awslogs container logs', () => {
  it('names the stream <prefix>/<container>/<task id>, in the task scope unless awslogs-region says otherwise', () => {
    assert.deepEqual(awslogsStream(record, app({ 'awslogs-group': '/ecs/app', 'awslogs-stream-prefix': 'ecs' }), 'c0ffee'), {
      scope: { region: 'eu-west-1', account: '123456789012' },
      group: '/ecs/app',
      stream: 'ecs/app/0123456789abcdef0123456789abcdef',
    });
    assert.deepEqual(awslogsStream(record, app({ 'awslogs-group': '/ecs/app', 'awslogs-region': 'us-east-2' }), 'c0ffee'), {
      scope: { region: 'us-east-2', account: '123456789012' },
      group: '/ecs/app',
      stream: 'c0ffee',
    });
  });

  it('is nowhere for other drivers', () => {
    assert.equal(awslogsStream(record, { name: 'app', image: 'x', logConfiguration: { logDriver: 'json-file' } }, 'c0ffee'), undefined);
    assert.equal(awslogsStream(record, { name: 'app', image: 'x' }, 'c0ffee'), undefined);
  });
});

describe('preparing an awslogs stream before the container starts', () => {
  let store: Store;
  let logs: LogsFacade;
  beforeEach(() => {
    store = Store.open(':memory:');
    const clock = createManualClock({ start: Date.UTC(2026, 5, 1) });
    logs = logsRoom.register({
      config: { ...loadConfig({}, {}), dataDir: ':memory:' },
      edge: { url: '', host: '', port: 0 },
      store,
      clock,
      runtime: {} as ContainerRuntime,
      events: new EventBus(),
    }).facade;
  });
  afterEach(() => store.close());

  const prepare = (options: Record<string, string>) => {
    const def = app(options);
    return prepareAwsLogs(logs, def, awslogsStream(record, def, 'c0ffee')!);
  };

  it('fails as ECS does when the group is missing, and makes it when asked to', () => {
    assert.equal(
      prepare({ 'awslogs-group': '/ecs/app', 'awslogs-stream-prefix': 'ecs' }),
      'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1',
    );
    assert.equal(prepare({ 'awslogs-group': '/ecs/app', 'awslogs-stream-prefix': 'ecs', 'awslogs-create-group': 'true' }), undefined);
    assert.equal(
      prepare({ 'awslogs-group': '/ecs/app', 'awslogs-stream-prefix': 'ecs' }),
      undefined,
      'the group is there now; the stream is kept',
    );
  });

  it('names what the driver cannot take', () => {
    assert.match(prepare({}) ?? '', /must specify a value for log opt 'awslogs-group'/);
    assert.match(
      prepare({ 'awslogs-group': '/ecs/app', 'awslogs-region': 'nowhere' }) ?? '',
      /awslogs-region 'nowhere' is not a region name/,
    );
    assert.match(
      prepare({ 'awslogs-group': 'bad group', 'awslogs-create-group': 'true' }) ?? '',
      /^ResourceInitializationError: .*InvalidParameterException: .*logGroupName/,
    );
    assert.match(
      prepare({ 'awslogs-group': '/ecs/app', 'awslogs-create-group': 'true', 'awslogs-stream-prefix': 'a:b' }) ?? '',
      /InvalidParameterException: .*logStreamName/,
    );
  });
});
