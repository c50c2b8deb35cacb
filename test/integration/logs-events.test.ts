/**
 * CloudWatch Logs events through the AWS SDK v3: PutLogEvents' batch rules, GetLogEvents' tokens,
 * FilterLogEvents' patterns and paging, the follow loop `aws logs tail --follow` runs, a stream of
 * 100,000 events paged both ways, and events that survive a restart.
 */
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
  type CloudWatchLogsClient,
  type FilteredLogEvent,
  type InputLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { failure, logsClient } from '../support/logs.ts';
import { startTestSlipway, tempDataDir, type TestSlipway } from '../support/slipway.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('CloudWatch Logs events', () => {
  let slipway: TestSlipway;
  let logs: CloudWatchLogsClient;
  before(async () => {
    slipway = await startTestSlipway();
    logs = logsClient(slipway.endpoint);
  });
  after(() => slipway.close());

  const stream = async (group: string, ...names: string[]) => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    for (const name of names) await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: name }));
  };
  const put = (group: string, name: string, logEvents: InputLogEvent[], sequenceToken?: string) =>
    logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: name, logEvents, sequenceToken }));
  const messages = async (group: string, name: string) =>
    (await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: name, startFromHead: true }))).events!.map(
      (e) => e.message,
    );

  it("holds PutLogEvents to AWS's batch rules, failing the whole call and writing nothing", async () => {
    await stream('batches', 's');
    const now = Date.now();
    const big = 'x'.repeat(524_288);
    const cases: [string, InputLogEvent[], RegExp][] = [
      [
        'over 1,048,576 bytes counting 26 a event',
        [
          { timestamp: now, message: big },
          { timestamp: now, message: big },
        ],
        /Upload too large: 1048628 bytes/,
      ],
      [
        'out of order',
        [
          { timestamp: now, message: 'b' },
          { timestamp: now - 1, message: 'a' },
        ],
        /chronological order/,
      ],
      [
        'spanning more than 24 hours',
        [
          { timestamp: now - 25 * HOUR, message: 'a' },
          { timestamp: now, message: 'b' },
        ],
        /span more than 24 hours/,
      ],
      ['over 10,000 events', Array.from({ length: 10_001 }, () => ({ timestamp: now, message: 'm' })), /logEvents/],
      ['an empty message', [{ timestamp: now, message: '' }], /logEvents\.1\.member\.message/],
    ];
    for (const [label, events, message] of cases) {
      const err = await failure(put('batches', 's', events));
      assert.equal(err.name, 'InvalidParameterException', label);
      assert.match(err.message, message, label);
    }
    assert.deepEqual(await messages('batches', 's'), []);
    const [figures] = (await logs.send(new DescribeLogStreamsCommand({ logGroupName: 'batches' }))).logStreams!;
    assert.equal(figures.storedBytes, 0);
    assert.equal(figures.lastIngestionTime, undefined);

    const noStream = await failure(put('batches', 'missing', [{ timestamp: now, message: 'a' }]));
    assert.equal(noStream.name, 'ResourceNotFoundException');
    assert.equal(noStream.message, 'The specified log stream does not exist.');
    const noGroup = await failure(put('missing', 's', [{ timestamp: now, message: 'a' }]));
    assert.equal(noGroup.message, 'The specified log group does not exist.');
  });

  it('stores the rest of a batch and reports too-old and too-new events in rejectedLogEventsInfo; sequence tokens are ignored', async () => {
    await stream('rejects', 's');
    const now = Date.now();
    const old = await put(
      'rejects',
      's',
      [
        { timestamp: now - 14 * DAY - HOUR, message: 'too old' },
        { timestamp: now - 14 * DAY + HOUR, message: 'old enough' },
      ],
      'any-token',
    );
    assert.deepEqual(old.rejectedLogEventsInfo, { tooOldLogEventEndIndex: 1 });
    assert.ok(old.nextSequenceToken);
    const future = await put(
      'rejects',
      's',
      [
        { timestamp: now + HOUR, message: 'soon' },
        { timestamp: now + 3 * HOUR, message: 'too new' },
      ],
      'another-token',
    );
    assert.deepEqual(future.rejectedLogEventsInfo, { tooNewLogEventStartIndex: 1 });
    const plain = await put('rejects', 's', [{ timestamp: now, message: 'now' }]);
    assert.equal(plain.rejectedLogEventsInfo, undefined);
    assert.deepEqual(await messages('rejects', 's'), ['old enough', 'now', 'soon']);
  });

  it('pages GetLogEvents forwards and backwards with tokens that come back unchanged at either end', async () => {
    await stream('paging', 's');
    const t = Date.now() - 60_000;
    await put(
      'paging',
      's',
      ['a', 'b', 'c', 'd', 'e'].map((message, i) => ({ timestamp: t + i * 1000, message })),
    );
    const read = (input: Partial<ConstructorParameters<typeof GetLogEventsCommand>[0]>) =>
      logs.send(new GetLogEventsCommand({ logGroupName: 'paging', logStreamName: 's', limit: 2, ...input }));

    const forward: string[][] = [];
    let page = await read({ startFromHead: true });
    forward.push(page.events!.map((e) => e.message!));
    for (;;) {
      const next = await read({ nextToken: page.nextForwardToken });
      if (!next.events!.length) {
        assert.equal(next.nextForwardToken, page.nextForwardToken, 'at the end the forward token comes back as it went');
        const again = await read({ nextToken: next.nextForwardToken });
        assert.equal(again.nextForwardToken, page.nextForwardToken);
        break;
      }
      forward.push(next.events!.map((e) => e.message!));
      page = next;
    }
    assert.deepEqual(forward, [['a', 'b'], ['c', 'd'], ['e']]);

    await put('paging', 's', [{ timestamp: t + 5000, message: 'f' }]);
    const more = await read({ nextToken: page.nextForwardToken });
    assert.deepEqual(
      more.events!.map((e) => e.message),
      ['f'],
      'the token at the end finds what came since',
    );

    const backward: string[][] = [];
    page = await read({});
    backward.push(page.events!.map((e) => e.message!));
    for (;;) {
      const previous = await read({ nextToken: page.nextBackwardToken });
      if (!previous.events!.length) {
        assert.equal(previous.nextBackwardToken, page.nextBackwardToken);
        break;
      }
      backward.push(previous.events!.map((e) => e.message!));
      page = previous;
    }
    assert.deepEqual(backward, [
      ['e', 'f'],
      ['c', 'd'],
      ['a', 'b'],
    ]);

    const window = await read({ startTime: t + 1000, endTime: t + 3000, startFromHead: true, limit: 10 });
    assert.deepEqual(
      window.events!.map((e) => e.message),
      ['b', 'c'],
      'startTime is inclusive, endTime exclusive',
    );
    const [first] = window.events!;
    assert.equal(first.timestamp, t + 1000);
    assert.ok(first.ingestionTime! >= first.timestamp!);
    const bad = await failure(read({ nextToken: 'f/garbage' }));
    assert.equal(bad.name, 'InvalidParameterException');
    assert.match(bad.message, /nextToken/);
  });

  it('filters a group by stream names, prefix, time and pattern, paging with nextToken', async () => {
    await stream('filtered', 'web/1', 'web/2', 'worker/1');
    const t = Date.now() - 60_000;
    await put('filtered', 'web/1', [
      { timestamp: t, message: 'GET / 200' },
      { timestamp: t + 20, message: 'GET /x 500 ERROR' },
    ]);
    await put('filtered', 'web/2', [
      { timestamp: t + 10, message: '{"level":"error","ms":250}' },
      { timestamp: t + 30, message: '{"level":"info","ms":900}' },
    ]);
    await put('filtered', 'worker/1', [{ timestamp: t + 5, message: 'job ERROR retry' }]);
    const filter = (input: Partial<ConstructorParameters<typeof FilterLogEventsCommand>[0]>) =>
      logs.send(new FilterLogEventsCommand({ logGroupName: 'filtered', ...input }));

    const all = await filter({});
    assert.deepEqual(
      all.events!.map((e) => e.message),
      ['GET / 200', 'job ERROR retry', '{"level":"error","ms":250}', 'GET /x 500 ERROR', '{"level":"info","ms":900}'],
    );
    assert.deepEqual(
      all.events!.map((e) => e.logStreamName),
      ['web/1', 'worker/1', 'web/2', 'web/1', 'web/2'],
    );
    assert.equal(new Set(all.events!.map((e) => e.eventId)).size, 5);
    assert.deepEqual(
      all.searchedLogStreams!.map((s) => [s.logStreamName, s.searchedCompletely]),
      [
        ['web/1', true],
        ['web/2', true],
        ['worker/1', true],
      ],
    );
    assert.equal(all.nextToken, undefined);

    assert.deepEqual(
      (await filter({ filterPattern: 'ERROR -retry' })).events!.map((e) => e.message),
      ['GET /x 500 ERROR'],
    );
    assert.deepEqual(
      (await filter({ filterPattern: '?retry ?"/ 200"' })).events!.map((e) => e.message),
      ['GET / 200', 'job ERROR retry'],
    );
    assert.deepEqual(
      (await filter({ filterPattern: '{ $.level = "error" || $.ms > 800 }' })).events!.map((e) => e.message),
      ['{"level":"error","ms":250}', '{"level":"info","ms":900}'],
    );
    const web = await filter({ logStreamNamePrefix: 'web/', filterPattern: 'ERROR' });
    assert.deepEqual(
      web.events!.map((e) => e.message),
      ['GET /x 500 ERROR'],
    );
    assert.deepEqual(
      web.searchedLogStreams!.map((s) => s.logStreamName),
      ['web/1', 'web/2'],
    );
    assert.deepEqual(
      (await filter({ logStreamNames: ['worker/1', 'web/2'], startTime: t + 6, endTime: t + 30 })).events!.map((e) => e.message),
      ['{"level":"error","ms":250}'],
    );

    const paged: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await filter({ limit: 2, nextToken });
      assert.ok(page.events!.length <= 2);
      paged.push(...page.events!.map((e) => e.message!));
      nextToken = page.nextToken;
    } while (nextToken);
    assert.deepEqual(
      paged,
      all.events!.map((e) => e.message),
    );

    const badPattern = await failure(filter({ filterPattern: '{ $.ms > }' }));
    assert.equal(badPattern.name, 'InvalidParameterException');
    assert.match(badPattern.message, /filterPattern/);
    const both = await failure(filter({ logStreamNames: ['web/1'], logStreamNamePrefix: 'web' }));
    assert.equal(both.name, 'InvalidParameterException');
  });

  it('follows a group as `aws logs tail --follow` does: FilterLogEvents from the last timestamp seen, deduplicated by eventId', async () => {
    await stream('tailed', 'a', 'b');
    const total = 60;
    const start = Date.now() - 1000;
    const writer = (async () => {
      for (let i = 0; i < total; i += 3) {
        // Three events a batch, two streams, some sharing a timestamp: the follower must neither lose nor repeat one.
        const at = start + i;
        await put(
          'tailed',
          i % 2 ? 'a' : 'b',
          [0, 1, 2].map((k) => ({ timestamp: at + (k === 2 ? 1 : 0), message: `event ${i + k}` })),
        );
        await new Promise((r) => setTimeout(r, 15));
      }
    })();
    const seen = new Map<string, FilteredLogEvent>();
    const printed: string[] = [];
    let startTime = start - 5 * 60_000;
    while (printed.length < total) {
      let nextToken: string | undefined;
      do {
        const page = await logs.send(new FilterLogEventsCommand({ logGroupName: 'tailed', startTime, nextToken }));
        for (const event of page.events!) {
          if (seen.has(event.eventId!)) continue;
          seen.set(event.eventId!, event);
          printed.push(event.message!);
          startTime = Math.max(startTime, event.timestamp!);
        }
        nextToken = page.nextToken;
      } while (nextToken);
      await new Promise((r) => setTimeout(r, 20));
    }
    await writer;
    assert.equal(printed.length, total);
    assert.deepEqual([...printed].sort(), Array.from({ length: total }, (_, i) => `event ${i}`).sort());
  });

  it('pages a stream of 100,000 events from the head and from the tail, and filters it', async () => {
    await stream('large', 's');
    const base = Date.now() - HOUR;
    const total = 100_000;
    const batch = 10_000;
    for (let from = 0; from < total; from += batch) {
      await put(
        'large',
        's',
        Array.from({ length: batch }, (_, i) => ({ timestamp: base + from + i, message: `line ${String(from + i).padStart(6, '0')}` })),
      );
    }
    let count = 0;
    let last = -1;
    let token: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await logs.send(
        new GetLogEventsCommand({ logGroupName: 'large', logStreamName: 's', startFromHead: token ? undefined : true, nextToken: token }),
      );
      if (!page.events!.length) break;
      assert.ok(page.events!.length <= 10_000);
      for (const e of page.events!) {
        assert.equal(e.message, `line ${String(count).padStart(6, '0')}`);
        assert.ok(e.timestamp! > last);
        last = e.timestamp!;
        count++;
      }
      token = page.nextForwardToken;
      pages++;
    }
    assert.equal(count, total);
    assert.equal(pages, 10);

    const tail = await logs.send(new GetLogEventsCommand({ logGroupName: 'large', logStreamName: 's', limit: 3 }));
    assert.deepEqual(
      tail.events!.map((e) => e.message),
      ['line 099997', 'line 099998', 'line 099999'],
    );
    const before = await logs.send(
      new GetLogEventsCommand({ logGroupName: 'large', logStreamName: 's', limit: 3, nextToken: tail.nextBackwardToken }),
    );
    assert.deepEqual(
      before.events!.map((e) => e.message),
      ['line 099994', 'line 099995', 'line 099996'],
    );

    const found: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await logs.send(new FilterLogEventsCommand({ logGroupName: 'large', filterPattern: '"line 077777"', nextToken }));
      found.push(...page.events!.map((e) => e.message!));
      nextToken = page.nextToken;
    } while (nextToken);
    assert.deepEqual(found, ['line 077777']);
    const [figures] = (await logs.send(new DescribeLogStreamsCommand({ logGroupName: 'large' }))).logStreams!;
    assert.equal(figures.storedBytes, total * 'line 000000'.length);
  });
});

describe('CloudWatch Logs across a restart', () => {
  it('keeps groups, streams, events and retention', async () => {
    const dataDir = tempDataDir();
    try {
      const t = Date.now() - 60_000;
      let slipway = await startTestSlipway({ dataDir });
      try {
        const logs = logsClient(slipway.endpoint);
        await logs.send(new CreateLogGroupCommand({ logGroupName: 'durable', tags: { keep: 'yes' } }));
        await logs.send(new CreateLogStreamCommand({ logGroupName: 'durable', logStreamName: 's' }));
        await logs.send(
          new PutLogEventsCommand({
            logGroupName: 'durable',
            logStreamName: 's',
            logEvents: [{ timestamp: t, message: 'before restart' }],
          }),
        );
        await logs.send(new PutRetentionPolicyCommand({ logGroupName: 'durable', retentionInDays: 30 }));
      } finally {
        await slipway.close();
      }
      slipway = await startTestSlipway({ dataDir });
      try {
        const logs = logsClient(slipway.endpoint);
        const read = await logs.send(new GetLogEventsCommand({ logGroupName: 'durable', logStreamName: 's', startFromHead: true }));
        assert.deepEqual(
          read.events!.map((e) => [e.timestamp, e.message]),
          [[t, 'before restart']],
        );
        await logs.send(new CreateLogStreamCommand({ logGroupName: 'durable', logStreamName: 'new' }));
        await logs.send(
          new PutLogEventsCommand({
            logGroupName: 'durable',
            logStreamName: 'new',
            logEvents: [{ timestamp: t + 1, message: 'after restart' }],
          }),
        );
        const [group] = (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'durable' }))).logGroups!;
        assert.equal(group.retentionInDays, 30);
        assert.equal(group.storedBytes, 'before restartafter restart'.length);
        const all = await logs.send(new FilterLogEventsCommand({ logGroupName: 'durable' }));
        assert.deepEqual(
          all.events!.map((e) => e.message),
          ['before restart', 'after restart'],
        );
        assert.equal(new Set(all.events!.map((e) => e.eventId)).size, 2);
      } finally {
        await slipway.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
