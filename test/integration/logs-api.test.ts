/**
 * CloudWatch Logs through the AWS SDK v3 against a running Slipway: log groups with prefix,
 * pattern and paging, retention (applied on the clock's scale), streams and their figures,
 * tags, and errors that name the field and write nothing.
 */
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DeleteLogStreamCommand,
  DeleteRetentionPolicyCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
  ListTagsForResourceCommand,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type CloudWatchLogsClient,
} from '@aws-sdk/client-cloudwatch-logs';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { failure, logsClient } from '../support/logs.ts';
import { startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';

const HOUR = 60 * 60 * 1000;

describe('CloudWatch Logs groups and streams', () => {
  let slipway: TestSlipway;
  let logs: CloudWatchLogsClient;
  before(async () => {
    slipway = await startTestSlipway({ timeScale: 20 });
    logs = logsClient(slipway.endpoint);
  });
  after(() => slipway.close());

  it('creates, describes (prefix, pattern, paging) and deletes log groups', async () => {
    for (const name of ['/ecs/web', '/ecs/worker', '/ecs/api', '/aws/codebuild/app', 'Other.Group']) {
      await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    }
    const byPrefix = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/ecs/' }));
    assert.deepEqual(
      byPrefix.logGroups!.map((g) => g.logGroupName),
      ['/ecs/api', '/ecs/web', '/ecs/worker'],
    );
    const web = byPrefix.logGroups![1];
    assert.equal(web.arn, 'arn:aws:logs:us-east-1:000000000000:log-group:/ecs/web:*');
    assert.equal(web.logGroupArn, 'arn:aws:logs:us-east-1:000000000000:log-group:/ecs/web');
    assert.equal(web.storedBytes, 0);
    assert.equal(web.logGroupClass, 'STANDARD');
    assert.ok(Math.abs(web.creationTime! - Date.now()) < HOUR);

    const byPattern = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePattern: 'GROUP' }));
    assert.deepEqual(
      byPattern.logGroups!.map((g) => g.logGroupName),
      ['Other.Group'],
      'patterns match case-insensitively anywhere in the name',
    );

    const names: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await logs.send(new DescribeLogGroupsCommand({ limit: 2, nextToken }));
      assert.ok(page.logGroups!.length <= 2);
      names.push(...page.logGroups!.map((g) => g.logGroupName!));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    assert.equal(pages, 3);
    assert.deepEqual(names, ['/aws/codebuild/app', '/ecs/api', '/ecs/web', '/ecs/worker', 'Other.Group']);

    await logs.send(new DeleteLogGroupCommand({ logGroupName: '/ecs/worker' }));
    const left = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/ecs/' }));
    assert.deepEqual(
      left.logGroups!.map((g) => g.logGroupName),
      ['/ecs/api', '/ecs/web'],
    );
  });

  it('answers CloudWatch Logs errors naming the field, and writes nothing', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'errors' }));
    const exists = await failure(logs.send(new CreateLogGroupCommand({ logGroupName: 'errors' })));
    assert.equal(exists.name, 'ResourceAlreadyExistsException');
    assert.equal(exists.message, 'The specified log group already exists');

    const badName = await failure(logs.send(new CreateLogGroupCommand({ logGroupName: 'bad:name' })));
    assert.equal(badName.name, 'InvalidParameterException');
    assert.match(badName.message, /logGroupName/);
    const reserved = await failure(logs.send(new CreateLogGroupCommand({ logGroupName: 'tagged', tags: { 'aws:owner': 'x' } })));
    assert.equal(reserved.name, 'InvalidParameterException');
    assert.match(reserved.message, /tags\.aws:owner/);
    const none = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'bad' }));
    assert.deepEqual(none.logGroups, []);
    assert.deepEqual((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'tagged' }))).logGroups, []);

    const missing = await failure(logs.send(new DeleteLogGroupCommand({ logGroupName: 'nope' })));
    assert.equal(missing.name, 'ResourceNotFoundException');
    assert.equal(missing.message, 'The specified log group does not exist.');
    const noStream = await failure(logs.send(new DeleteLogStreamCommand({ logGroupName: 'errors', logStreamName: 'nope' })));
    assert.equal(noStream.name, 'ResourceNotFoundException');
    assert.equal(noStream.message, 'The specified log stream does not exist.');

    const both = await failure(logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'a', logGroupNamePattern: 'b' })));
    assert.equal(both.name, 'InvalidParameterException');
    assert.match(both.message, /logGroupNamePattern/);
    const badToken = await failure(logs.send(new DescribeLogGroupsCommand({ nextToken: 'not-a-token' })));
    assert.equal(badToken.name, 'InvalidParameterException');
    assert.match(badToken.message, /nextToken/);
    const tooMany = await failure(logs.send(new DescribeLogGroupsCommand({ limit: 51 })));
    assert.equal(tooMany.name, 'InvalidParameterException');
    assert.match(tooMany.message, /limit/);

    const badRetention = await failure(logs.send(new PutRetentionPolicyCommand({ logGroupName: 'errors', retentionInDays: 2 })));
    assert.equal(badRetention.name, 'InvalidParameterException');
    assert.match(badRetention.message, /retentionInDays/);
    const [group] = (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'errors' }))).logGroups!;
    assert.equal(group.retentionInDays, undefined);
  });

  it('keeps log streams with their first and last event times, ingestion time and stored bytes', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'streams' }));
    for (const name of ['web/a', 'web/b', 'worker/a'])
      await logs.send(new CreateLogStreamCommand({ logGroupName: 'streams', logStreamName: name }));
    const dup = await failure(logs.send(new CreateLogStreamCommand({ logGroupName: 'streams', logStreamName: 'web/a' })));
    assert.equal(dup.name, 'ResourceAlreadyExistsException');
    assert.equal(dup.message, 'The specified log stream already exists');

    const now = Date.now();
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: 'streams',
        logStreamName: 'web/b',
        logEvents: [
          { timestamp: now - 3000, message: 'one' },
          { timestamp: now - 2000, message: 'two' },
        ],
      }),
    );
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: 'streams',
        logStreamName: 'worker/a',
        logEvents: [{ timestamp: now - 1000, message: 'three' }],
      }),
    );
    await logs.send(
      new PutLogEventsCommand({ logGroupName: 'streams', logStreamName: 'web/a', logEvents: [{ timestamp: now - 5000, message: 'zero' }] }),
    );

    const byName = await logs.send(new DescribeLogStreamsCommand({ logGroupName: 'streams' }));
    assert.deepEqual(
      byName.logStreams!.map((s) => s.logStreamName),
      ['web/a', 'web/b', 'worker/a'],
    );
    const b = byName.logStreams![1];
    assert.equal(b.firstEventTimestamp, now - 3000);
    assert.equal(b.lastEventTimestamp, now - 2000);
    assert.ok(b.lastIngestionTime! >= now - HOUR && b.lastIngestionTime! <= Date.now());
    assert.equal(b.storedBytes, 'onetwo'.length);
    assert.equal(b.arn, 'arn:aws:logs:us-east-1:000000000000:log-group:streams:log-stream:web/b');

    const latestFirst = await logs.send(
      new DescribeLogStreamsCommand({ logGroupName: 'streams', orderBy: 'LastEventTime', descending: true }),
    );
    assert.deepEqual(
      latestFirst.logStreams!.map((s) => s.logStreamName),
      ['worker/a', 'web/b', 'web/a'],
    );
    const prefixed = await logs.send(
      new DescribeLogStreamsCommand({
        logGroupIdentifier: 'arn:aws:logs:us-east-1:000000000000:log-group:streams',
        logStreamNamePrefix: 'web/',
        descending: true,
      }),
    );
    assert.deepEqual(
      prefixed.logStreams!.map((s) => s.logStreamName),
      ['web/b', 'web/a'],
    );
    const first = await logs.send(new DescribeLogStreamsCommand({ logGroupName: 'streams', limit: 2 }));
    const rest = await logs.send(new DescribeLogStreamsCommand({ logGroupName: 'streams', limit: 2, nextToken: first.nextToken }));
    assert.deepEqual(
      [...first.logStreams!, ...rest.logStreams!].map((s) => s.logStreamName),
      ['web/a', 'web/b', 'worker/a'],
    );
    assert.equal(rest.nextToken, undefined);

    const mixed = await failure(
      logs.send(new DescribeLogStreamsCommand({ logGroupName: 'streams', orderBy: 'LastEventTime', logStreamNamePrefix: 'web' })),
    );
    assert.equal(mixed.name, 'InvalidParameterException');
    assert.match(mixed.message, /logStreamNamePrefix/);
    const [group] = (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'streams' }))).logGroups!;
    assert.equal(group.storedBytes, 'zeroonetwothree'.length);

    await logs.send(new DeleteLogStreamCommand({ logGroupName: 'streams', logStreamName: 'web/b' }));
    const gone = await failure(logs.send(new GetLogEventsCommand({ logGroupName: 'streams', logStreamName: 'web/b' })));
    assert.equal(gone.name, 'ResourceNotFoundException');
  });

  it('refuses stream names with control characters or unpaired surrogates, and KMS keys that are not a key ARN of the Region, writing nothing', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'strict' }));
    for (const logStreamName of ['fuzz\u0000', '\u0001\u000b\f', 'a\ud800b', '\udfff', 'tab\there']) {
      const refused = await failure(logs.send(new CreateLogStreamCommand({ logGroupName: 'strict', logStreamName })));
      assert.equal(refused.name, 'InvalidParameterException', JSON.stringify(logStreamName));
      assert.match(refused.message, /^Invalid parameter at 'logStreamName'/);
      assert.doesNotMatch(refused.message, /[\u0000-\u001f]/, 'the name is shown escaped');
    }
    await logs.send(new CreateLogStreamCommand({ logGroupName: 'strict', logStreamName: 'ecs/web/0123abcd émile' }));
    assert.deepEqual(
      (await logs.send(new DescribeLogStreamsCommand({ logGroupName: 'strict' }))).logStreams!.map((s) => s.logStreamName),
      ['ecs/web/0123abcd émile'],
    );

    const key = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const notKeys = [
      'arn:aws',
      'alias/aws/logs',
      '1234abcd-12ab-34cd-56ef-1234567890ab',
      key.replace('us-east-1', 'eu-west-1'),
      'arn:aws:ecs:eu-west-9:000000000000:service/fuzz/fuzz',
      `${key}\u000b`,
    ];
    for (const kmsKeyId of notKeys) {
      const refused = await failure(logs.send(new CreateLogGroupCommand({ logGroupName: 'encrypted', kmsKeyId })));
      assert.equal(refused.name, 'InvalidParameterException', kmsKeyId);
      assert.match(refused.message, /^Invalid parameter at 'kmsKeyId'/);
    }
    assert.deepEqual((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'encrypted' }))).logGroups, []);
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'encrypted', kmsKeyId: key }));
    assert.equal((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'encrypted' }))).logGroups![0].kmsKeyId, key);
  });

  it('applies retention on the clock: events older than the retention (scaled) are no longer returned or stored', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'retained' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: 'retained', logStreamName: 's' }));
    const now = Date.now();
    // At time scale 20 a retention day lasts 72 real minutes: 2 hours ago is past it, 10 minutes ago is not.
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: 'retained',
        logStreamName: 's',
        logEvents: [
          { timestamp: now - 2 * HOUR, message: 'old' },
          { timestamp: now - 10 * 60_000, message: 'recent' },
        ],
      }),
    );
    const before = await logs.send(new GetLogEventsCommand({ logGroupName: 'retained', logStreamName: 's', startFromHead: true }));
    assert.deepEqual(
      before.events!.map((e) => e.message),
      ['old', 'recent'],
    );

    await logs.send(new PutRetentionPolicyCommand({ logGroupName: 'retained', retentionInDays: 1 }));
    const [group] = (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'retained' }))).logGroups!;
    assert.equal(group.retentionInDays, 1);
    const afterwards = await logs.send(new GetLogEventsCommand({ logGroupName: 'retained', logStreamName: 's', startFromHead: true }));
    assert.deepEqual(
      afterwards.events!.map((e) => e.message),
      ['recent'],
    );
    await waitFor('the expired event to be deleted', async () => {
      const [stream] = (await logs.send(new DescribeLogStreamsCommand({ logGroupName: 'retained' }))).logStreams!;
      return stream.storedBytes === 'recent'.length && stream.firstEventTimestamp === now - 10 * 60_000;
    });

    const put = await logs.send(
      new PutLogEventsCommand({
        logGroupName: 'retained',
        logStreamName: 's',
        logEvents: [
          { timestamp: now - 2 * HOUR, message: 'expired' },
          { timestamp: now, message: 'fresh' },
        ],
      }),
    );
    assert.deepEqual(put.rejectedLogEventsInfo, { expiredLogEventEndIndex: 1 });

    await logs.send(new DeleteRetentionPolicyCommand({ logGroupName: 'retained' }));
    const [kept] = (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'retained' }))).logGroups!;
    assert.equal(kept.retentionInDays, undefined);
  });

  it('tags log groups on creation and by ARN', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'tagged-group', tags: { team: 'web' } }));
    const resourceArn = 'arn:aws:logs:us-east-1:000000000000:log-group:tagged-group';
    assert.deepEqual((await logs.send(new ListTagsForResourceCommand({ resourceArn }))).tags, { team: 'web' });
    await logs.send(new TagResourceCommand({ resourceArn, tags: { env: 'dev', team: 'api' } }));
    await logs.send(new UntagResourceCommand({ resourceArn, tagKeys: ['env'] }));
    assert.deepEqual((await logs.send(new ListTagsForResourceCommand({ resourceArn }))).tags, { team: 'api' });

    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    const tooMany = await failure(logs.send(new TagResourceCommand({ resourceArn, tags: many })));
    assert.equal(tooMany.name, 'TooManyTagsException');
    assert.deepEqual((await logs.send(new ListTagsForResourceCommand({ resourceArn }))).tags, { team: 'api' });
    const unknown = await failure(
      logs.send(new ListTagsForResourceCommand({ resourceArn: 'arn:aws:logs:us-east-1:000000000000:log-group:nope' })),
    );
    assert.equal(unknown.name, 'ResourceNotFoundException');
    const notLogs = await failure(
      logs.send(new TagResourceCommand({ resourceArn: 'arn:aws:ecr:us-east-1:000000000000:repository/x', tags: { a: 'b' } })),
    );
    assert.equal(notLogs.name, 'InvalidParameterException');
    assert.match(notLogs.message, /resourceArn/);
  });
});
