/**
 * The ECS control-plane API through the real AWS SDK v3, the real aws CLI and raw HTTP: task
 * definitions (seed 002 verbatim, revisions, listings, deregister/delete, tags, the deploy action's
 * re-registration), clusters, container instances, the wire protocol's errors and SigV4 regions.
 */
import {
  CreateCapacityProviderCommand,
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteClusterCommand,
  DeleteServiceCommand,
  DeleteTaskDefinitionsCommand,
  DeregisterTaskDefinitionCommand,
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  type ECSClient,
  ListClustersCommand,
  ListContainerInstancesCommand,
  ListTagsForResourceCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type ContainerInstance,
  type ListTaskDefinitionsCommandInput,
  type RegisterTaskDefinitionCommandInput,
  type Resource,
} from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { loadConfig } from '../../src/core/config.ts';
import { startSlipway, type Slipway } from '../../src/server/app.ts';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import { cleanLikeDeployAction, cliEnv, ecsClient, waitFor } from '../support/slipway.ts';

const run = promisify(execFile);
const ACCOUNT = '000000000000';
const TARGET = 'AmazonEC2ContainerServiceV20141113';
/** Seed 002's taskdef.json, byte for byte. */
const SEED_002 = `{"executionRoleArn":"arn:aws:iam::<AWS_ACCOUNT_ID>:role/ecsTaskExecutionRole","containerDefinitions":[{"name":"nginx-website","image":"nginx","essential":true,"portMappings":[{"hostPort":80,"protocol":"tcp","containerPort":80}]}],"requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"256","memory":"512","family":"ecs-taskdef"}`;
/** What the deploy/render actions delete from DescribeTaskDefinition's output before registering it again. */
const OUTPUT_ONLY = [
  'compatibilities',
  'taskDefinitionArn',
  'requiresAttributes',
  'revision',
  'status',
  'registeredAt',
  'deregisteredAt',
  'registeredBy',
];

const dirs: string[] = [];
let app: Slipway;
let ecs: ECSClient;
let work: string;

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-ecs-api-'));
  dirs.push(dir);
  return dir;
}

before(async () => {
  work = freshDir();
  app = await startSlipway(loadConfig({ port: '0', 'data-dir': join(work, 'data') }, {}));
  ecs = ecsClient(app.endpoint);
});

after(async () => {
  await app?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The real aws CLI (v1 here), isolated from any local profile, parsed from its JSON output. */
async function cli(...args: string[]): Promise<any> {
  const { AWS_PROFILE: _profile, ...inherited } = cliEnv;
  const env = {
    ...inherited,
    AWS_CONFIG_FILE: join(work, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(work, 'no-aws-config'),
  };
  const { stdout } = await run('aws', ['ecs', ...args, '--endpoint-url', app.endpoint, '--output', 'json'], { cwd: work, env });
  return stdout.trim() ? JSON.parse(stdout) : {};
}

async function cliFails(...args: string[]): Promise<string> {
  try {
    await cli(...args);
  } catch (err) {
    return (err as { stderr: string }).stderr;
  }
  throw new Error(`aws ecs ${args.join(' ')} succeeded but should have failed`);
}

/** A raw AWS JSON 1.1 request, without SigV4 (the region falls back to the default). */
async function raw(operation: string, body: unknown) {
  const res = await fetch(app.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${TARGET}.${operation}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, any> };
}

async function rejectsWith(promise: Promise<unknown>, code: string, ...parts: (string | RegExp)[]): Promise<void> {
  await assert.rejects(promise, (err: any) => {
    assert.equal(err.name, code, `expected ${code}, got ${err.name}: ${err.message}`);
    for (const p of parts) assert.match(err.message, typeof p === 'string' ? new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : p);
    return true;
  });
}

const register = (input: RegisterTaskDefinitionCommandInput) => ecs.send(new RegisterTaskDefinitionCommand(input));
const small = (family: string, extra: Partial<RegisterTaskDefinitionCommandInput> = {}): RegisterTaskDefinitionCommandInput => ({
  family,
  containerDefinitions: [{ name: 'app', image: 'busybox', memory: 32 }],
  ...extra,
});

async function listAll(input: ListTaskDefinitionsCommandInput = {}): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecs.send(new ListTaskDefinitionsCommand({ ...input, nextToken }));
    arns.push(...page.taskDefinitionArns!);
    nextToken = page.nextToken;
  } while (nextToken);
  return arns;
}

const tdArn = (family: string, revision: number, region = 'us-east-1') =>
  `arn:aws:ecs:${region}:${ACCOUNT}:task-definition/${family}:${revision}`;
const clusterArn = (name: string, region = 'us-east-1') => `arn:aws:ecs:${region}:${ACCOUNT}:cluster/${name}`;

describe('Slipway itself', () => {
  it('GET /_slipway/health answers 200 JSON with version, services and docker.reachable', async () => {
    const res = await fetch(`${app.endpoint}/_slipway/health`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as any;
    assert.equal(typeof body.version, 'string');
    assert.ok(body.services.includes('ecs'));
    assert.equal(body.docker.reachable, true);
  });
});

describe('task definitions', () => {
  it('registers seed 002 taskdef.json verbatim with the aws CLI', async () => {
    writeFileSync(join(work, 'taskdef.json'), SEED_002);
    const out = await cli('register-task-definition', '--cli-input-json', 'file://taskdef.json');
    const td = out.taskDefinition;
    assert.equal(td.taskDefinitionArn, tdArn('ecs-taskdef', 1));
    assert.equal(td.family, 'ecs-taskdef');
    assert.equal(td.revision, 1);
    assert.equal(td.status, 'ACTIVE');
    assert.equal(td.cpu, '256');
    assert.equal(td.memory, '512');
    assert.equal(td.networkMode, 'awsvpc');
    assert.equal(td.executionRoleArn, 'arn:aws:iam::<AWS_ACCOUNT_ID>:role/ecsTaskExecutionRole');
    assert.deepEqual(td.requiresCompatibilities, ['FARGATE']);
    assert.deepEqual(td.compatibilities, ['EC2', 'FARGATE']);
    assert.equal(td.registeredBy, `arn:aws:iam::${ACCOUNT}:root`);
    // aws CLI v1 prints the wire value (epoch seconds); v2 prints ISO 8601.
    const registeredAt = typeof td.registeredAt === 'number' ? td.registeredAt * 1000 : Date.parse(td.registeredAt);
    assert.ok(Math.abs(registeredAt - Date.now()) < 60_000, `registeredAt ${td.registeredAt}`);
    const [c] = td.containerDefinitions;
    assert.equal(c.name, 'nginx-website');
    assert.equal(c.essential, true);
    assert.deepEqual(c.portMappings, [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }]);
    assert.deepEqual([c.cpu, c.environment, c.mountPoints, c.volumesFrom], [0, [], [], []]);
    assert.deepEqual(out.tags ?? [], []);
  });

  it('describes by family (latest ACTIVE), family:revision and ARN; lists ASC by default, DESC reversed', async () => {
    await register(small('web'));
    await register(small('web'));
    await register(small('api'));
    const byFamily = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web' }));
    assert.equal(byFamily.taskDefinition!.revision, 2);
    assert.equal(byFamily.tags, undefined);
    const byRev = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web:1' }));
    assert.equal(byRev.taskDefinition!.taskDefinitionArn, tdArn('web', 1));
    const byArn = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: tdArn('api', 1) }));
    assert.equal(byArn.taskDefinition!.family, 'api');
    assert.ok(byArn.taskDefinition!.registeredAt instanceof Date);

    const asc = [tdArn('api', 1), tdArn('ecs-taskdef', 1), tdArn('web', 1), tdArn('web', 2)];
    assert.deepEqual((await ecs.send(new ListTaskDefinitionsCommand({}))).taskDefinitionArns, asc);
    assert.deepEqual((await ecs.send(new ListTaskDefinitionsCommand({ sort: 'DESC' }))).taskDefinitionArns, [...asc].reverse());
    // familyPrefix names the whole family, as in ECS.
    await register(small('web-api'));
    assert.deepEqual((await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web' }))).taskDefinitionArns, [
      tdArn('web', 1),
      tdArn('web', 2),
    ]);
    const cliList = await cli('list-task-definitions', '--sort', 'DESC');
    assert.deepEqual(cliList.taskDefinitionArns, [tdArn('web-api', 1), ...[...asc].reverse()]);

    for (const ref of ['nope', 'web:9', tdArn('nope', 1), 'web:x']) {
      await rejectsWith(
        ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ref })),
        'ClientException',
        'Unable to describe task definition.',
      );
    }
  });

  it('paginates with maxResults and nextToken and refuses maxResults over 100', async () => {
    for (let i = 0; i < 5; i++) await register(small('paged'));
    const all = await listAll({ familyPrefix: 'paged' });
    assert.deepEqual(
      all,
      [1, 2, 3, 4, 5].map((r) => tdArn('paged', r)),
    );
    const first = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'paged', maxResults: 2 }));
    assert.equal(first.taskDefinitionArns!.length, 2);
    assert.ok(first.nextToken);
    assert.deepEqual(await listAll({ familyPrefix: 'paged', maxResults: 2 }), all);
    assert.deepEqual(await listAll({ familyPrefix: 'paged', maxResults: 2, sort: 'DESC' }), [...all].reverse());
    await rejectsWith(ecs.send(new ListTaskDefinitionsCommand({ maxResults: 101 })), 'InvalidParameterException', 'maxResults');
    const families = await ecs.send(new ListTaskDefinitionFamiliesCommand({ maxResults: 2 }));
    assert.deepEqual(families.families, ['api', 'ecs-taskdef']);
    const rest = await ecs.send(new ListTaskDefinitionFamiliesCommand({ maxResults: 2, nextToken: families.nextToken }));
    assert.deepEqual(rest.families, ['paged', 'web']);
    // A token belongs to the list that issued it: another list's token, or a made-up one, is refused by name.
    await rejectsWith(
      ecs.send(new ListTaskDefinitionsCommand({ nextToken: families.nextToken })),
      'InvalidParameterException',
      'nextToken',
    );
    await rejectsWith(
      ecs.send(new ListClustersCommand({ nextToken: Buffer.from('2').toString('base64url') })),
      'InvalidParameterException',
      'nextToken',
    );
  });

  it('deregisters (a revision only) and deletes INACTIVE revisions; numbers are never reused', async () => {
    const stderr = await cliFails('deregister-task-definition', '--task-definition', 'paged');
    assert.match(stderr, /ClientException/);
    assert.match(stderr, /revision/);

    const dereg = await cli('deregister-task-definition', '--task-definition', 'paged:5');
    assert.equal(dereg.taskDefinition.status, 'INACTIVE');
    assert.ok(dereg.taskDefinition.deregisteredAt);
    const again = await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: tdArn('paged', 5) }));
    assert.equal(again.taskDefinition!.status, 'INACTIVE');
    // The family now means its latest ACTIVE revision; the INACTIVE one is still describable by number.
    assert.equal((await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'paged' }))).taskDefinition!.revision, 4);
    assert.equal((await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'paged:5' }))).taskDefinition!.status, 'INACTIVE');
    assert.deepEqual(await listAll({ familyPrefix: 'paged', status: 'INACTIVE' }), [tdArn('paged', 5)]);
    assert.ok(!(await listAll({ familyPrefix: 'paged' })).includes(tdArn('paged', 5)));

    const deleted = await cli('delete-task-definitions', '--task-definitions', 'paged:5', 'paged:4', 'paged:77');
    assert.deepEqual(
      deleted.taskDefinitions.map((t: any) => [t.taskDefinitionArn, t.status]),
      [[tdArn('paged', 5), 'DELETE_IN_PROGRESS']],
    );
    assert.deepEqual(deleted.failures, [
      {
        arn: tdArn('paged', 4),
        reason: 'The specified task definition is still in ACTIVE status. Please deregister the target and try again.',
      },
      { arn: tdArn('paged', 77), reason: 'The specified task definition does not exist.' },
    ]);
    assert.deepEqual(await listAll({ familyPrefix: 'paged', status: 'INACTIVE' }), []);
    await rejectsWith(ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'paged:5' })), 'ClientException');
    await rejectsWith(ecs.send(new DeleteTaskDefinitionsCommand({ taskDefinitions: ['paged'] })), 'ClientException', 'paged');

    const next = await register(small('paged'));
    assert.equal(next.taskDefinition!.revision, 6);
  });

  it('lists families by status: ACTIVE if any revision is ACTIVE, INACTIVE if none is', async () => {
    await register(small('gone'));
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'gone:1' }));
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'web:1' }));
    const fam = async (status?: 'ACTIVE' | 'INACTIVE' | 'ALL', familyPrefix?: string) =>
      (await ecs.send(new ListTaskDefinitionFamiliesCommand({ status, familyPrefix }))).families;
    assert.deepEqual(await fam('ACTIVE'), ['api', 'ecs-taskdef', 'paged', 'web', 'web-api']);
    assert.deepEqual(await fam('INACTIVE'), ['gone']);
    assert.deepEqual(await fam(), ['api', 'ecs-taskdef', 'gone', 'paged', 'web', 'web-api']);
    assert.deepEqual(await fam('ALL', 'web'), ['web', 'web-api']);
    assert.deepEqual((await cli('list-task-definition-families', '--status', 'INACTIVE')).families, ['gone']);
  });

  it('keeps tags: on register, with include TAGS, and through Tag/Untag/ListTagsForResource', async () => {
    const out = await register(small('tagged', { tags: [{ key: 'team', value: 'web' }] }));
    const arn = out.taskDefinition!.taskDefinitionArn!;
    assert.deepEqual(out.tags, [{ key: 'team', value: 'web' }]);
    const described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'tagged', include: ['TAGS'] }));
    assert.deepEqual(described.tags, [{ key: 'team', value: 'web' }]);
    await cli('tag-resource', '--resource-arn', arn, '--tags', 'key=env,value=dev', 'key=team,value=platform');
    assert.deepEqual((await cli('list-tags-for-resource', '--resource-arn', arn)).tags, [
      { key: 'team', value: 'platform' },
      { key: 'env', value: 'dev' },
    ]);
    await ecs.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['team', 'absent'] }));
    assert.deepEqual((await ecs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, [{ key: 'env', value: 'dev' }]);
    await rejectsWith(
      ecs.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'aws:x', value: '1' }] })),
      'InvalidParameterException',
      'aws:',
    );
    await rejectsWith(
      ecs.send(new ListTagsForResourceCommand({ resourceArn: tdArn('tagged', 99) })),
      'InvalidParameterException',
      'not found',
    );
    await rejectsWith(ecs.send(new ListTagsForResourceCommand({ resourceArn: clusterArn('nowhere') })), 'ClusterNotFoundException');
  });

  it('re-registers DescribeTaskDefinition output stripped of the 8 output-only keys, as the deploy action does', async () => {
    const described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'ecs-taskdef', include: ['TAGS'] }));
    const def: Record<string, unknown> = { ...described.taskDefinition, tags: described.tags };
    for (const key of OUTPUT_ONLY) delete def[key];
    const again = await register(cleanLikeDeployAction(def) as RegisterTaskDefinitionCommandInput);
    assert.equal(again.taskDefinition!.revision, 2);
    for (const key of [
      'containerDefinitions',
      'cpu',
      'memory',
      'networkMode',
      'executionRoleArn',
      'requiresCompatibilities',
      'compatibilities',
    ] as const) {
      assert.deepEqual(again.taskDefinition![key], described.taskDefinition![key], key);
    }
    // Raw wire JSON, empty arrays and all, is accepted too.
    const wire = await raw('DescribeTaskDefinition', { taskDefinition: 'ecs-taskdef:2' });
    for (const key of OUTPUT_ONLY) delete wire.json.taskDefinition[key];
    const posted = await raw('RegisterTaskDefinition', wire.json.taskDefinition);
    assert.equal(posted.status, 200, JSON.stringify(posted.json));
    assert.equal(posted.json.taskDefinition.revision, 3);
  });

  it('rejects bad definitions with the right error naming the field, and writes nothing', async () => {
    const before = await listAll();
    const families = (await ecs.send(new ListTaskDefinitionFamiliesCommand({}))).families;
    const cases: [RegisterTaskDefinitionCommandInput, string, ...string[]][] = [
      [{ family: 'bad', containerDefinitions: [{ name: 'app', memory: 64 }] }, 'ClientException', 'image'],
      [
        {
          family: 'bad',
          containerDefinitions: [
            { name: 'app', image: 'a', memory: 64 },
            { name: 'app', image: 'b', memory: 64 },
          ],
        },
        'ClientException',
        'app',
        'name',
      ],
      [{ ...JSON.parse(SEED_002), family: 'bad', memory: '4096' }, 'ClientException', 'Fargate', '256 CPU', '4096 memory'],
      [{ family: 'bad', containerDefinitions: [{ name: 'app', image: 'a', memory: 4 }] }, 'ClientException', "'memory'", '6 MiB'],
      [{ family: 'bad/slash', containerDefinitions: [{ name: 'app', image: 'a', memory: 64 }] }, 'ClientException', 'family'],
      [small('bad', { tags: [{ key: 'aws:reserved', value: 'x' }] }), 'InvalidParameterException', 'aws:'],
    ];
    for (const [input, code, ...parts] of cases) await rejectsWith(register(input), code, ...parts);
    const cliErr = await cliFails('register-task-definition', '--family', 'bad', '--container-definitions', '[{"name":"app","memory":64}]');
    assert.match(cliErr, /ClientException/);
    assert.match(cliErr, /image/);
    assert.deepEqual(await listAll(), before);
    assert.deepEqual((await ecs.send(new ListTaskDefinitionFamiliesCommand({}))).families, families);
    // No revision was spent on the rejected attempts.
    assert.equal((await register(small('bad'))).taskDefinition!.revision, 1);
  });
});

describe('wire protocol', () => {
  it('answers ECS JSON errors: status 400, __type and message, request id', async () => {
    const res = await raw('DescribeTaskDefinition', { taskDefinition: 'missing-family' });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/x-amz-json-1.1');
    assert.ok(res.headers.get('x-amzn-requestid'));
    assert.deepEqual(res.json, { __type: 'ClientException', message: 'Unable to describe task definition.' });
  });

  it('answers SerializationException for a value of the wrong type', async () => {
    const list = await raw('ListTaskDefinitions', { maxResults: '5' });
    assert.equal(list.status, 400);
    assert.equal(list.json.__type, 'SerializationException');
    assert.match(list.json.message, /maxResults/);
    const service = await raw('CreateService', { serviceName: 'typed', taskDefinition: 'api:1', desiredCount: '2' });
    assert.equal(service.status, 400);
    assert.equal(service.json.__type, 'SerializationException');
    assert.match(service.json.message, /desiredCount/);
  });

  it('answers 501 naming an operation Slipway does not implement', async () => {
    await assert.rejects(
      ecs.send(
        new CreateCapacityProviderCommand({
          name: 'cp',
          autoScalingGroupProvider: { autoScalingGroupArn: 'arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:x' },
        }),
      ),
      (err: any) => err.$metadata?.httpStatusCode === 501 && /CreateCapacityProvider/.test(err.message),
    );
    const res = await raw('CreateCapacityProvider', { name: 'cp', autoScalingGroupProvider: { autoScalingGroupArn: 'x' } });
    assert.equal(res.status, 501);
    assert.match(res.json.message, /CreateCapacityProvider/);
  });

  it('takes the region from the SigV4 credential scope', async () => {
    const eu = ecsClient(app.endpoint, 'eu-west-1');
    const td = await eu.send(new RegisterTaskDefinitionCommand(small('regional')));
    assert.equal(td.taskDefinition!.taskDefinitionArn, tdArn('regional', 1, 'eu-west-1'));
    const cluster = await eu.send(new CreateClusterCommand({ clusterName: 'regional' }));
    assert.equal(cluster.cluster!.clusterArn, clusterArn('regional', 'eu-west-1'));
    assert.ok(!(await listAll()).some((a) => a.includes('regional')));
    assert.deepEqual((await eu.send(new ListTaskDefinitionsCommand({}))).taskDefinitionArns, [tdArn('regional', 1, 'eu-west-1')]);
    await rejectsWith(ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'regional' })), 'ClientException');
  });
});

const resource = (list: Resource[] | undefined, name: string) => list!.find((r) => r.name === name)!;

describe('clusters and container instances', () => {
  it('refuses a configuration naming what is not a KMS key, a log group or a bucket, and writes nothing', async () => {
    const refused = (configuration: object, field: string) =>
      rejectsWith(ecs.send(new CreateClusterCommand({ clusterName: 'bad-config', configuration })), 'InvalidParameterException', field);
    await refused({ managedStorageConfiguration: { kmsKeyId: 'fuzz\u0000' } }, 'managedStorageConfiguration.kmsKeyId');
    await refused(
      { managedStorageConfiguration: { fargateEphemeralStorageKmsKeyId: 'arn:aws:codebuild:us-east-1:123456789012:project/x' } },
      'fargateEphemeralStorageKmsKeyId',
    );
    await refused({ executeCommandConfiguration: { logConfiguration: { cloudWatchLogGroupName: '\udfff' } } }, 'cloudWatchLogGroupName');
    await refused({ executeCommandConfiguration: { logConfiguration: { s3BucketName: 'Not_A_Bucket' } } }, 's3BucketName');
    const listed = await ecs.send(new DescribeClustersCommand({ clusters: ['bad-config'] }));
    assert.deepEqual(listed.clusters, []);
    const kept = await ecs.send(
      new CreateClusterCommand({
        clusterName: 'good-config',
        configuration: {
          executeCommandConfiguration: {
            kmsKeyId: 'alias/exec',
            logConfiguration: { cloudWatchLogGroupName: '/ecs/exec', s3BucketName: 'exec-logs' },
          },
        },
      }),
    );
    assert.equal(kept.cluster?.configuration?.executeCommandConfiguration?.kmsKeyId, 'alias/exec');
    await ecs.send(new DeleteClusterCommand({ cluster: 'good-config' }));
  });

  it('has the default cluster with its container instance, and creates clusters idempotently', async () => {
    const described = await cli('describe-clusters');
    assert.deepEqual(described.failures, []);
    const [def] = described.clusters;
    assert.equal(def.clusterArn, clusterArn('default'));
    assert.equal(def.status, 'ACTIVE');
    assert.deepEqual(
      [def.registeredContainerInstancesCount, def.runningTasksCount, def.pendingTasksCount, def.activeServicesCount],
      [1, 0, 0, 0],
    );

    const created = await cli(
      'create-cluster',
      '--cluster-name',
      'blue',
      '--tags',
      'key=team,value=web',
      '--settings',
      'name=containerInsights,value=enabled',
    );
    assert.equal(created.cluster.clusterArn, clusterArn('blue'));
    assert.equal(created.cluster.status, 'ACTIVE');
    assert.equal(created.cluster.registeredContainerInstancesCount, 1);
    const again = await ecs.send(new CreateClusterCommand({ clusterName: 'blue' }));
    assert.equal(again.cluster!.clusterArn, clusterArn('blue'));
    assert.deepEqual(again.cluster!.tags, [{ key: 'team', value: 'web' }]);
    await rejectsWith(ecs.send(new CreateClusterCommand({ clusterName: 'no spaces' })), 'InvalidParameterException', 'clusterName');

    const plain = await ecs.send(new DescribeClustersCommand({ clusters: ['blue', 'missing'] }));
    assert.deepEqual(plain.failures, [{ arn: clusterArn('missing'), reason: 'MISSING' }]);
    assert.deepEqual([plain.clusters![0].tags, plain.clusters![0].settings, plain.clusters![0].statistics], [[], [], []]);
    const full = await ecs.send(
      new DescribeClustersCommand({ clusters: [clusterArn('blue')], include: ['TAGS', 'SETTINGS', 'STATISTICS'] }),
    );
    const blue = full.clusters![0];
    assert.deepEqual(blue.tags, [{ key: 'team', value: 'web' }]);
    assert.deepEqual(blue.settings, [{ name: 'containerInsights', value: 'enabled' }]);
    assert.equal(blue.statistics!.find((s) => s.name === 'runningEC2TasksCount')!.value, '0');

    const listed = await cli('list-clusters');
    assert.deepEqual(listed.clusterArns, [clusterArn('blue'), clusterArn('default')]);
    const page = await ecs.send(new ListClustersCommand({ maxResults: 1 }));
    assert.deepEqual(page.clusterArns, [clusterArn('blue')]);
    const page2 = await ecs.send(new ListClustersCommand({ maxResults: 1, nextToken: page.nextToken }));
    assert.deepEqual([page2.clusterArns, page2.nextToken], [[clusterArn('default')], undefined]);

    await cli('tag-resource', '--resource-arn', clusterArn('blue'), '--tags', 'key=env,value=dev');
    assert.deepEqual((await ecs.send(new ListTagsForResourceCommand({ resourceArn: clusterArn('blue') }))).tags, [
      { key: 'team', value: 'web' },
      { key: 'env', value: 'dev' },
    ]);
  });

  it('shows the engine as a container instance with registered and remaining CPU and MEMORY', async () => {
    const engine = await app.ctx.runtime.info();
    const listed = await cli('list-container-instances');
    assert.equal(listed.containerInstanceArns.length, 1);
    const arn: string = listed.containerInstanceArns[0];
    assert.match(arn, new RegExp(`^arn:aws:ecs:us-east-1:${ACCOUNT}:container-instance/default/[0-9a-f]{32}$`));
    const out = await ecs.send(new DescribeContainerInstancesCommand({ containerInstances: [arn.split('/').pop()!, 'f'.repeat(32)] }));
    assert.deepEqual(out.failures, [
      { arn: `arn:aws:ecs:us-east-1:${ACCOUNT}:container-instance/default/${'f'.repeat(32)}`, reason: 'MISSING' },
    ]);
    const ci = out.containerInstances![0] as ContainerInstance;
    assert.equal(ci.status, 'ACTIVE');
    assert.equal(ci.agentConnected, true);
    assert.equal(resource(ci.registeredResources, 'CPU').integerValue, engine.cpus * 1024);
    assert.equal(resource(ci.registeredResources, 'MEMORY').integerValue, Math.floor(engine.memoryBytes / 1024 / 1024));
    assert.equal(resource(ci.remainingResources, 'CPU').integerValue, engine.cpus * 1024);
    assert.equal(resource(ci.remainingResources, 'MEMORY').integerValue, Math.floor(engine.memoryBytes / 1024 / 1024));
    assert.deepEqual(resource(ci.registeredResources, 'PORTS').stringSetValue, ['22', '2375', '2376', '51678', '51679']);

    const filtered = async (filter: string) => (await ecs.send(new ListContainerInstancesCommand({ filter }))).containerInstanceArns;
    assert.deepEqual(await filtered('attribute:ecs.os-type == linux'), [arn]);
    assert.deepEqual(await filtered('attribute:ecs.os-type == windows'), []);
    assert.deepEqual(await filtered('runningTasksCount == 0 and attribute:ecs.availability-zone in [us-east-1a, us-east-1b]'), [arn]);
    assert.deepEqual((await ecs.send(new ListContainerInstancesCommand({ status: 'DRAINING' }))).containerInstanceArns, []);
    await rejectsWith(
      ecs.send(new ListContainerInstancesCommand({ cluster: 'missing' })),
      'ClusterNotFoundException',
      'Cluster not found.',
    );
  });

  it('refuses to delete a cluster with tasks, subtracts their reservation, and deletes it once they stop', async () => {
    await ensureTestImages(app.ctx.runtime);
    await ecs.send(new CreateClusterCommand({ clusterName: 'busy' }));
    const td = await register({
      family: 'sleeper',
      containerDefinitions: [{ name: 'sleep', image: TEST_IMAGE, cpu: 256, memory: 128, command: ['sleep', '300'] }],
    });
    const ran = await ecs.send(new RunTaskCommand({ cluster: 'busy', taskDefinition: td.taskDefinition!.taskDefinitionArn }));
    assert.deepEqual(ran.failures, []);
    const taskArn = ran.tasks![0].taskArn!;
    try {
      const [ciArn] = (await ecs.send(new ListContainerInstancesCommand({ cluster: 'busy' }))).containerInstanceArns!;
      const ci = (await ecs.send(new DescribeContainerInstancesCommand({ cluster: 'busy', containerInstances: [ciArn] })))
        .containerInstances![0];
      assert.equal(resource(ci.remainingResources, 'CPU').integerValue, resource(ci.registeredResources, 'CPU').integerValue! - 256);
      assert.equal(resource(ci.remainingResources, 'MEMORY').integerValue, resource(ci.registeredResources, 'MEMORY').integerValue! - 128);
      assert.equal(ci.runningTasksCount! + ci.pendingTasksCount!, 1);
      const cluster = (await ecs.send(new DescribeClustersCommand({ clusters: ['busy'] }))).clusters![0];
      assert.equal(cluster.runningTasksCount! + cluster.pendingTasksCount!, 1);
      await rejectsWith(
        ecs.send(new DeleteClusterCommand({ cluster: 'busy' })),
        'ClusterContainsTasksException',
        'The Cluster cannot be deleted while Tasks are active.',
      );

      await ecs.send(new TagResourceCommand({ resourceArn: taskArn, tags: [{ key: 'job', value: 'sleep' }] }));
      assert.deepEqual((await ecs.send(new ListTagsForResourceCommand({ resourceArn: taskArn }))).tags, [{ key: 'job', value: 'sleep' }]);
      // A deleted revision that a task still uses stays DELETE_IN_PROGRESS until the task stops.
      await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'sleeper:1' }));
      const deleting = await ecs.send(new DeleteTaskDefinitionsCommand({ taskDefinitions: ['sleeper:1'] }));
      assert.equal(deleting.taskDefinitions![0].status, 'DELETE_IN_PROGRESS');
      assert.deepEqual(await listAll({ status: 'DELETE_IN_PROGRESS' }), [tdArn('sleeper', 1)]);
    } finally {
      await ecs.send(new StopTaskCommand({ cluster: 'busy', task: taskArn }));
    }
    await waitFor('task STOPPED', async () => {
      const t = (await ecs.send(new DescribeTasksCommand({ cluster: 'busy', tasks: [taskArn] }))).tasks![0];
      return t.lastStatus === 'STOPPED';
    });
    assert.deepEqual(await listAll({ status: 'DELETE_IN_PROGRESS' }), []);
    assert.deepEqual((await ecs.send(new ListTaskDefinitionFamiliesCommand({ familyPrefix: 'sleeper' }))).families, []);
    const deleted = await ecs.send(new DeleteClusterCommand({ cluster: 'busy' }));
    assert.equal(deleted.cluster!.status, 'INACTIVE');
    await removeContainersOf(taskArn);
  });

  it('refuses to delete a cluster with services', async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: 'svc' }));
    const created = await ecs.send(
      new CreateServiceCommand({ cluster: 'svc', serviceName: 'idle', taskDefinition: 'api', desiredCount: 0 }),
    );
    const serviceArn = created.service!.serviceArn!;
    await ecs.send(new TagResourceCommand({ resourceArn: serviceArn, tags: [{ key: 'tier', value: 'idle' }] }));
    assert.deepEqual((await ecs.send(new ListTagsForResourceCommand({ resourceArn: serviceArn }))).tags, [{ key: 'tier', value: 'idle' }]);
    await rejectsWith(
      ecs.send(new DeleteClusterCommand({ cluster: 'svc' })),
      'ClusterContainsServicesException',
      'The Cluster cannot be deleted while Services are active.',
    );
    // A service reference that starts like an ARN but is not one names no service.
    await rejectsWith(
      ecs.send(new DeleteServiceCommand({ cluster: 'svc', service: 'arn:aws:ecs', force: true })),
      'ServiceNotFoundException',
      'Service not found.',
    );
    await ecs.send(new DeleteServiceCommand({ cluster: 'svc', service: 'idle', force: true }));
    await waitFor(
      'cluster deleted',
      () => ecs.send(new DeleteClusterCommand({ cluster: 'svc' })).then((r) => r.cluster!.status === 'INACTIVE'),
      30_000,
    );
  });

  it('deletes clusters: INACTIVE, still describable, instance deregistered, recreatable; the default too', async () => {
    const deleted = await cli('delete-cluster', '--cluster', 'blue');
    assert.equal(deleted.cluster.status, 'INACTIVE');
    const described = (await ecs.send(new DescribeClustersCommand({ clusters: ['blue'] }))).clusters![0];
    assert.deepEqual([described.status, described.registeredContainerInstancesCount], ['INACTIVE', 0]);
    assert.ok(!(await ecs.send(new ListClustersCommand({}))).clusterArns!.includes(clusterArn('blue')));
    await rejectsWith(ecs.send(new DeleteClusterCommand({ cluster: 'blue' })), 'ClusterNotFoundException', 'Cluster not found.');
    await rejectsWith(ecs.send(new ListContainerInstancesCommand({ cluster: 'blue' })), 'ClusterNotFoundException');
    await rejectsWith(
      ecs.send(new TagResourceCommand({ resourceArn: clusterArn('blue'), tags: [{ key: 'a', value: 'b' }] })),
      'InvalidParameterException',
      'inactive',
    );

    const recreated = await ecs.send(new CreateClusterCommand({ clusterName: 'blue' }));
    assert.deepEqual([recreated.cluster!.status, recreated.cluster!.registeredContainerInstancesCount], ['ACTIVE', 1]);

    assert.equal((await ecs.send(new DeleteClusterCommand({ cluster: 'default' }))).cluster!.status, 'INACTIVE');
    assert.equal((await ecs.send(new DescribeClustersCommand({}))).clusters![0].status, 'INACTIVE');
    // The next call that uses the default cluster brings it back, with a fresh instance.
    assert.equal((await ecs.send(new ListContainerInstancesCommand({}))).containerInstanceArns!.length, 1);
    assert.equal((await ecs.send(new DescribeClustersCommand({}))).clusters![0].status, 'ACTIVE');
  });

  it('registers what SLIPWAY_INSTANCE_MEMORY says (466 MiB)', async () => {
    const tiny = await startSlipway(loadConfig({ port: '0', 'data-dir': join(freshDir(), 'data') }, { SLIPWAY_INSTANCE_MEMORY: '466' }));
    try {
      assert.equal(tiny.ctx.config.instanceMemoryMiB, 466);
      const c = ecsClient(tiny.endpoint);
      const [arn] = (await c.send(new ListContainerInstancesCommand({}))).containerInstanceArns!;
      const ci = (await c.send(new DescribeContainerInstancesCommand({ containerInstances: [arn] }))).containerInstances![0];
      assert.equal(resource(ci.registeredResources, 'MEMORY').integerValue, 466);
      assert.equal(resource(ci.remainingResources, 'MEMORY').integerValue, 466);
    } finally {
      await tiny.close();
    }
  });
});

/** Removes the containers of one task this file started (and only those). */
async function removeContainersOf(taskArn: string): Promise<void> {
  const docker = new Docker();
  const containers = await docker.listContainers({ all: true, filters: { label: [`slipway.task-arn=${taskArn}`] } });
  await Promise.all(
    containers.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
}
