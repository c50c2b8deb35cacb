/**
 * SSM Parameter Store against the real aws CLI and AWS SDK v3: String, StringList and SecureString
 * parameters, overwrites making versions, `name:version` and `name:label` selectors, paths,
 * filters, history, tags and deletion; AWS's errors and limits, with nothing written; SecureStrings
 * (and every value) encrypted at rest and never echoed; all of it still there after a restart.
 */
import {
  AddTagsToResourceCommand,
  DeleteParameterCommand,
  DeleteParametersCommand,
  DescribeParametersCommand,
  GetParameterCommand,
  GetParameterHistoryCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  LabelParameterVersionCommand,
  ListTagsForResourceCommand,
  PutParameterCommand,
  RemoveTagsFromResourceCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expectAwsError } from '../support/ecr.ts';
import { awsCli, clientConfig, startTestSlipway, tempDataDir, type TestSlipway } from '../support/slipway.ts';

const dataDir = tempDataDir();
let s: TestSlipway;
let ssm: SSMClient;

const client = (endpoint: string) => new SSMClient(clientConfig(endpoint));
const value = async (name: string, decrypt = false) =>
  (await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: decrypt }))).Parameter!.Value;
const notFound = (name: string) => expectAwsError(ssm.send(new GetParameterCommand({ Name: name })), 'ParameterNotFound');

before(async () => {
  s = await startTestSlipway({ dataDir });
  ssm = client(s.endpoint);
});
after(async () => {
  await s?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('SSM Parameter Store', () => {
  test('the aws CLI puts a parameter, overwrites it into version 2, and is refused without --overwrite', async () => {
    const put = await awsCli(s.endpoint, [
      'ssm',
      'put-parameter',
      '--name',
      '/app/prod/url',
      '--type',
      'String',
      '--value',
      'db-one.internal',
    ]);
    assert.deepEqual(put, { Version: 1, Tier: 'Standard' });
    const again = await awsCli(s.endpoint, [
      'ssm',
      'put-parameter',
      '--name',
      '/app/prod/url',
      '--value',
      'db-two.internal',
      '--overwrite',
    ]);
    assert.equal(again.Version, 2);
    const got = await awsCli(s.endpoint, ['ssm', 'get-parameter', '--name', '/app/prod/url']);
    assert.equal(got.Parameter.Value, 'db-two.internal');
    assert.equal(got.Parameter.Type, 'String', 'an overwrite keeps the type');
    assert.equal(got.Parameter.ARN, 'arn:aws:ssm:us-east-1:000000000000:parameter/app/prod/url');
    await expectAwsError(
      ssm.send(new PutParameterCommand({ Name: '/app/prod/url', Type: 'String', Value: 'db-three.internal' })),
      'ParameterAlreadyExists',
      'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
    );
    assert.equal(await value('/app/prod/url'), 'db-two.internal');
    assert.equal((await ssm.send(new GetParameterCommand({ Name: got.Parameter.ARN }))).Parameter!.Value, 'db-two.internal', 'by ARN');
  });

  test('SecureString is shown encrypted unless WithDecryption; StringList comes back as given', async () => {
    await ssm.send(new PutParameterCommand({ Name: '/app/prod/db-password', Type: 'SecureString', Value: 'hunter2' }));
    const sealed = await value('/app/prod/db-password');
    assert.notEqual(sealed, 'hunter2');
    assert.ok(!Buffer.from(sealed!, 'base64').includes('hunter2'));
    assert.equal(await value('/app/prod/db-password', true), 'hunter2');
    const described = await ssm.send(
      new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Values: ['/app/prod/db-password'] }] }),
    );
    assert.equal(described.Parameters![0].KeyId, 'alias/aws/ssm');
    await ssm.send(new PutParameterCommand({ Name: 'hosts', Type: 'StringList', Value: 'a,b,c' }));
    assert.equal(await value('hosts'), 'a,b,c');
    assert.equal(
      (await ssm.send(new GetParameterCommand({ Name: 'hosts' }))).Parameter!.ARN,
      'arn:aws:ssm:us-east-1:000000000000:parameter/hosts',
    );
  });

  test('value size follows the tier; names follow AWS rules, 15 levels deep at most; refused input writes nothing', async () => {
    const big = 'x'.repeat(4097);
    await expectAwsError(
      ssm.send(new PutParameterCommand({ Name: '/big', Type: 'String', Value: big })),
      'ValidationException',
      /^Standard tier parameters support a maximum parameter value of 4096 characters/,
    );
    assert.equal(
      (await ssm.send(new PutParameterCommand({ Name: '/big-advanced', Type: 'String', Value: big, Tier: 'Advanced' }))).Tier,
      'Advanced',
    );
    assert.equal(
      (await ssm.send(new PutParameterCommand({ Name: '/big-auto', Type: 'String', Value: big, Tier: 'Intelligent-Tiering' }))).Tier,
      'Advanced',
    );
    assert.equal(
      (await ssm.send(new PutParameterCommand({ Name: '/small-auto', Type: 'String', Value: 'x', Tier: 'Intelligent-Tiering' }))).Tier,
      'Standard',
    );
    await expectAwsError(
      ssm.send(new PutParameterCommand({ Name: '/big-advanced', Type: 'String', Value: 'x', Tier: 'Standard', Overwrite: true })),
      'ValidationException',
      /can't downgrade/,
    );
    await expectAwsError(
      ssm.send(new PutParameterCommand({ Name: '/huge', Type: 'String', Value: 'x'.repeat(8193), Tier: 'Advanced' })),
      'ValidationException',
      /8192/,
    );

    await expectAwsError(
      ssm.send(new PutParameterCommand({ Name: 'aws-thing', Type: 'String', Value: 'x' })),
      'ValidationException',
      /can't be prefixed with "aws" or "ssm"/,
    );
    await expectAwsError(
      ssm.send(new PutParameterCommand({ Name: '/ssm/thing', Type: 'String', Value: 'x' })),
      'ValidationException',
      /can't be prefixed/,
    );
    await expectAwsError(
      ssm.send(new PutParameterCommand({ Name: '/has space', Type: 'String', Value: 'x' })),
      'ValidationException',
      /sub-path/,
    );
    await expectAwsError(
      ssm.send(new PutParameterCommand({ Name: 'a/b', Type: 'String', Value: 'x' })),
      'ValidationException',
      /fully qualified/,
    );
    await expectAwsError(
      ssm.send(new PutParameterCommand({ Name: '/new', Value: 'x' })),
      'ValidationException',
      /parameter type is required/,
    );
    await expectAwsError(
      ssm.send(new PutParameterCommand({ Name: '/bad-type', Type: 'Number' as any, Value: 'x' })),
      'ValidationException',
      /'Type'.*enum/,
    );
    await expectAwsError(
      ssm.send(new PutParameterCommand({ Name: '/pattern', Type: 'String', Value: 'abc', AllowedPattern: '^\\d+$' })),
      'ParameterPatternMismatchException',
      /allowedPattern: \^\\d\+\$/,
    );
    // A pattern that backtracks without end is cut off: a mismatch, and the server goes on answering.
    await expectAwsError(
      ssm.send(new PutParameterCommand({ Name: '/pattern', Type: 'String', Value: `${'a'.repeat(60)}!`, AllowedPattern: '^(a+)+$' })),
      'ParameterPatternMismatchException',
      /allowedPattern: \^\(a\+\)\+\$/,
    );
    const deep = (n: number) => Array.from({ length: n }, (_, i) => `/l${i}`).join('');
    await expectAwsError(
      ssm.send(new PutParameterCommand({ Name: deep(16), Type: 'String', Value: 'x' })),
      'HierarchyLevelLimitExceededException',
      /maximum of 15 levels/,
    );
    await ssm.send(new PutParameterCommand({ Name: deep(15), Type: 'String', Value: 'deep' }));
    assert.equal(await value(deep(15)), 'deep');
    for (const name of ['/big', '/has space', 'a/b', '/new', '/bad-type', '/pattern', deep(16), '/huge']) await notFound(name);
  });

  test("a SecureString's KeyId is a KMS key id, alias or ARN of the Region; a description holds no control characters; refused input writes nothing", async () => {
    const key = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    for (const KeyId of [
      'arn:aws',
      'arn:aws:ecs:us-east-1:000000000000:cluster/fuzz',
      key.replace('us-east-1', 'eu-west-1'),
      'not-a-key',
      'alias/',
    ]) {
      await expectAwsError(
        ssm.send(new PutParameterCommand({ Name: '/keyed', Type: 'SecureString', Value: 'x', KeyId })),
        'InvalidKeyId',
        /^The KeyId '.*' is not valid/,
      );
    }
    for (const Description of ['nul\u0000', 'vt\u000b', 'a\ud800b']) {
      await expectAwsError(
        ssm.send(new PutParameterCommand({ Name: '/keyed', Type: 'String', Value: 'x', Description })),
        'ValidationException',
        /at 'description'.*control characters/,
      );
    }
    await notFound('/keyed');
    for (const [i, KeyId] of [
      key,
      'alias/app',
      '1234abcd-12ab-34cd-56ef-1234567890ab',
      'arn:aws:kms:us-east-1:111122223333:alias/app',
    ].entries()) {
      await ssm.send(
        new PutParameterCommand({ Name: `/keyed/${i}`, Type: 'SecureString', Value: 'x', KeyId, Description: 'one\ttwo\nthree' }),
      );
      const [described] = (await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Values: [`/keyed/${i}`] }] })))
        .Parameters!;
      assert.deepEqual([described.KeyId, described.Description], [KeyId, 'one\ttwo\nthree']);
    }
    await ssm.send(new DeleteParametersCommand({ Names: [0, 1, 2, 3].map((i) => `/keyed/${i}`) }));
  });

  test('parameter policies need the advanced tier, are checked, and are shown', async () => {
    const expiration = JSON.stringify([{ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: '2030-01-01T00:00:00.000Z' } }]);
    await expectAwsError(
      ssm.send(new PutParameterCommand({ Name: '/expiring', Type: 'String', Value: 'x', Policies: expiration })),
      'ValidationException',
      /advanced tier/,
    );
    await expectAwsError(
      ssm.send(
        new PutParameterCommand({
          Name: '/expiring',
          Type: 'String',
          Value: 'x',
          Tier: 'Advanced',
          Policies: JSON.stringify([{ Type: 'SelfDestruct', Attributes: {} }]),
        }),
      ),
      'InvalidPolicyTypeException',
      /SelfDestruct is not supported/,
    );
    await notFound('/expiring');
    assert.equal(
      (
        await ssm.send(
          new PutParameterCommand({ Name: '/expiring', Type: 'String', Value: 'x', Tier: 'Intelligent-Tiering', Policies: expiration }),
        )
      ).Tier,
      'Advanced',
    );
    const [meta] = (await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Values: ['/expiring'] }] })))
      .Parameters!;
    assert.deepEqual(
      meta.Policies!.map((p) => [p.PolicyType, p.PolicyStatus]),
      [['Expiration', 'Pending']],
    );
    assert.equal(JSON.parse(meta.Policies![0].PolicyText!).Attributes.Timestamp, '2030-01-01T00:00:00.000Z');
  });

  test('name:version and name:label select a version; history lists them all', async () => {
    for (const v of ['one', 'two', 'three'])
      await ssm.send(new PutParameterCommand({ Name: '/versioned', Type: 'String', Value: v, Overwrite: true }));
    assert.equal(await value('/versioned:1'), 'one');
    const selected = (await ssm.send(new GetParameterCommand({ Name: '/versioned:2' }))).Parameter!;
    assert.deepEqual([selected.Value, selected.Version, selected.Selector], ['two', 2, ':2']);
    await expectAwsError(
      ssm.send(new GetParameterCommand({ Name: '/versioned:9' })),
      'ParameterVersionNotFound',
      'Systems Manager could not find version 9 of /versioned. Verify the version and try again.',
    );
    const labelled = await ssm.send(
      new LabelParameterVersionCommand({ Name: '/versioned', ParameterVersion: 2, Labels: ['stable', 'aws-bad', '9lives'] }),
    );
    assert.deepEqual(labelled.InvalidLabels, ['aws-bad', '9lives']);
    assert.equal(await value('/versioned:stable'), 'two');
    await ssm.send(new LabelParameterVersionCommand({ Name: '/versioned', Labels: ['stable'] }));
    assert.equal(await value('/versioned:stable'), 'three', 'a label moves to the version it is put on');
    const history = await ssm.send(new GetParameterHistoryCommand({ Name: '/versioned' }));
    assert.deepEqual(
      history.Parameters!.map((h) => [h.Version, h.Value, h.Labels]),
      [
        [1, 'one', []],
        [2, 'two', []],
        [3, 'three', ['stable']],
      ],
    );
    const byPath = await ssm.send(new GetParametersByPathCommand({ Path: '/', ParameterFilters: [{ Key: 'Label', Values: ['stable'] }] }));
    assert.deepEqual(
      byPath.Parameters!.map((p) => [p.Name, p.Value]),
      [['/versioned', 'three']],
    );
  });

  test('GetParameters answers what it found and lists the rest in InvalidParameters', async () => {
    const got = await ssm.send(
      new GetParametersCommand({
        Names: ['/app/prod/url', '/nope', '/versioned:1', '/versioned:42', '/app/prod/db-password'],
        WithDecryption: true,
      }),
    );
    assert.deepEqual(
      got.Parameters!.map((p) => [p.Name, p.Value]),
      [
        ['/app/prod/url', 'db-two.internal'],
        ['/versioned', 'one'],
        ['/app/prod/db-password', 'hunter2'],
      ],
    );
    assert.deepEqual(got.InvalidParameters, ['/nope', '/versioned:42']);
  });

  test('GetParametersByPath: one level or recursive, filtered, paged', async () => {
    for (const n of ['/tree/a', '/tree/b', '/tree/sub/c', '/tree/sub/deeper/d', '/treehouse'])
      await ssm.send(new PutParameterCommand({ Name: n, Type: n.endsWith('b') ? 'SecureString' : 'String', Value: n }));
    const names = async (input: { Path: string; Recursive?: boolean; ParameterFilters?: any[] }) => {
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await ssm.send(new GetParametersByPathCommand({ ...input, MaxResults: 2, NextToken: token }));
        assert.ok(page.Parameters!.length <= 2);
        seen.push(...page.Parameters!.map((p) => p.Name!));
        token = page.NextToken;
      } while (token);
      return seen;
    };
    assert.deepEqual(await names({ Path: '/tree' }), ['/tree/a', '/tree/b']);
    assert.deepEqual(await names({ Path: '/tree/', Recursive: true }), ['/tree/a', '/tree/b', '/tree/sub/c', '/tree/sub/deeper/d']);
    assert.deepEqual(await names({ Path: '/tree', Recursive: true, ParameterFilters: [{ Key: 'Type', Values: ['SecureString'] }] }), [
      '/tree/b',
    ]);
    await expectAwsError(
      ssm.send(new GetParametersByPathCommand({ Path: '/tree', ParameterFilters: [{ Key: 'Name', Values: ['/tree/a'] }] })),
      'InvalidFilterKey',
      /Name/,
    );
    await expectAwsError(ssm.send(new GetParametersByPathCommand({ Path: 'tree' })), 'ValidationException', /forward slash/);
    await expectAwsError(ssm.send(new GetParametersByPathCommand({ Path: '/tree', NextToken: 'nonsense' })), 'InvalidNextToken');
  });

  test('DescribeParameters filters by name, path, type and tag; Filters and ParameterFilters are not mixed', async () => {
    await ssm.send(
      new PutParameterCommand({
        Name: '/tagged/one',
        Type: 'String',
        Value: '1',
        Tags: [{ Key: 'team', Value: 'red' }],
        Description: 'first',
      }),
    );
    const names = async (filters: any[]) =>
      (await ssm.send(new DescribeParametersCommand({ ParameterFilters: filters }))).Parameters!.map((p) => p.Name);
    assert.deepEqual(await names([{ Key: 'Name', Option: 'BeginsWith', Values: ['/tree/s'] }]), ['/tree/sub/c', '/tree/sub/deeper/d']);
    assert.deepEqual(await names([{ Key: 'Path', Option: 'Recursive', Values: ['/tree/sub'] }]), ['/tree/sub/c', '/tree/sub/deeper/d']);
    assert.deepEqual(
      await names([
        { Key: 'Path', Values: ['/tree'] },
        { Key: 'Type', Values: ['String'] },
      ]),
      ['/tree/a'],
    );
    assert.deepEqual(await names([{ Key: 'tag:team', Values: ['red'] }]), ['/tagged/one']);
    const legacy = await ssm.send(new DescribeParametersCommand({ Filters: [{ Key: 'Name', Values: ['/tagged'] }] }));
    assert.deepEqual(
      legacy.Parameters!.map((p) => [p.Name, p.Description, p.Version]),
      [['/tagged/one', 'first', 1]],
    );
    await expectAwsError(
      ssm.send(
        new DescribeParametersCommand({ Filters: [{ Key: 'Name', Values: ['x'] }], ParameterFilters: [{ Key: 'Name', Values: ['x'] }] }),
      ),
      'ValidationException',
      'You can use either Filters or ParameterFilters in a single request.',
    );
    await expectAwsError(
      ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Path', Option: 'Equals', Values: ['/'] }] })),
      'InvalidFilterOption',
      /Recursive/,
    );
    await expectAwsError(
      ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Type', Values: ['Number'] }] })),
      'InvalidFilterValue',
      /Number/,
    );
  });

  test('tags are added, listed and removed; tags with --overwrite are refused', async () => {
    const tags = async () =>
      (await ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: '/tagged/one' }))).TagList;
    await ssm.send(
      new AddTagsToResourceCommand({
        ResourceType: 'Parameter',
        ResourceId: '/tagged/one',
        Tags: [
          { Key: 'team', Value: 'blue' },
          { Key: 'env', Value: 'prod' },
        ],
      }),
    );
    assert.deepEqual(await tags(), [
      { Key: 'team', Value: 'blue' },
      { Key: 'env', Value: 'prod' },
    ]);
    await ssm.send(new RemoveTagsFromResourceCommand({ ResourceType: 'Parameter', ResourceId: '/tagged/one', TagKeys: ['team'] }));
    assert.deepEqual(await tags(), [{ Key: 'env', Value: 'prod' }]);
    await expectAwsError(ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: '/nope' })), 'InvalidResourceId');
    await expectAwsError(
      ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Document', ResourceId: '/tagged/one' })),
      'InvalidResourceType',
    );
    await expectAwsError(
      ssm.send(
        new PutParameterCommand({ Name: '/tagged/one', Type: 'String', Value: '2', Overwrite: true, Tags: [{ Key: 'a', Value: 'b' }] }),
      ),
      'ValidationException',
      /tags and overwrite can't be used together/,
    );
    assert.equal(await value('/tagged/one'), '1');
  });

  test('DeleteParameter and DeleteParameters', async () => {
    await ssm.send(new DeleteParameterCommand({ Name: '/treehouse' }));
    await notFound('/treehouse');
    await expectAwsError(
      ssm.send(new DeleteParameterCommand({ Name: '/treehouse' })),
      'ParameterNotFound',
      'Parameter /treehouse not found.',
    );
    const many = await ssm.send(new DeleteParametersCommand({ Names: ['/tree/a', '/tree/zzz'] }));
    assert.deepEqual([many.DeletedParameters, many.InvalidParameters], [['/tree/a'], ['/tree/zzz']]);
    await notFound('/tree/a');
    await ssm.send(new PutParameterCommand({ Name: '/tree/a', Type: 'String', Value: 'reborn' }));
    assert.equal(
      (await ssm.send(new GetParameterCommand({ Name: '/tree/a' }))).Parameter!.Version,
      1,
      'a deleted parameter starts again at version 1',
    );
  });

  test('values are never echoed in errors nor stored in plain text', async () => {
    const marker = `sekrit-${randomUUID()}`;
    const attempts = [
      ssm.send(new PutParameterCommand({ Name: '/echo', Type: 'SecureString', Value: marker.repeat(200) })),
      ssm.send(new PutParameterCommand({ Name: 'aws-echo', Type: 'SecureString', Value: marker })),
      ssm.send(new PutParameterCommand({ Name: '/echo', Type: 'SecureString', Value: marker, AllowedPattern: '^\\d+$' })),
      ssm.send(new PutParameterCommand({ Name: '/app/prod/url', Type: 'SecureString', Value: marker })),
    ];
    for (const attempt of attempts) {
      await assert.rejects(attempt, (err: Error) => {
        assert.ok(!err.message.includes(marker), `${err.name} echoes the value: ${err.message}`);
        return true;
      });
    }
    await ssm.send(new PutParameterCommand({ Name: '/at-rest/secure', Type: 'SecureString', Value: marker }));
    await ssm.send(new PutParameterCommand({ Name: '/at-rest/plain', Type: 'String', Value: `${marker}-plain` }));
    const db = join(dataDir, 'slipway.db');
    for (const file of [db, `${db}-wal`]) assert.ok(!readFileSync(file).includes(marker), `${file} holds the value in plain text`);
    assert.equal(await value('/at-rest/secure', true), marker);
  });

  test('parameters, versions, labels and tags survive a restart', async () => {
    await s.close();
    s = await startTestSlipway({ dataDir });
    ssm = client(s.endpoint);
    assert.equal(await value('/app/prod/db-password', true), 'hunter2');
    assert.equal(await value('/versioned:stable'), 'three');
    assert.equal((await ssm.send(new GetParameterHistoryCommand({ Name: '/versioned' }))).Parameters!.length, 3);
    assert.deepEqual((await ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: '/tagged/one' }))).TagList, [
      { Key: 'env', Value: 'prod' },
    ]);
  });
});
