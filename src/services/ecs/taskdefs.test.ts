import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AwsError } from '../../core/errors.ts';
import type { ContainerDefinition, RegisterTaskDefinitionRequest } from './shapes.ts';
import type { StoredTaskDefinition } from './model.ts';
import { containerReservation, parseTaskSize } from './task-size.ts';
import { applyOverrides, normalizeTaskDefinition, validateContainerOverrides } from './taskdefs.ts';

const ctx = { arn: 'arn:aws:ecs:us-east-1:000000000000:task-definition/ecs-taskdef:1', revision: 1, registeredAt: 1700000000000 };

/** Seed 002's taskdef.json, verbatim. */
const seed002 = JSON.parse(
  `{"executionRoleArn":"arn:aws:iam::<AWS_ACCOUNT_ID>:role/ecsTaskExecutionRole","containerDefinitions":[{"name":"nginx-website","image":"nginx","essential":true,"portMappings":[{"hostPort":80,"protocol":"tcp","containerPort":80}]}],"requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"256","memory":"512","family":"ecs-taskdef"}`,
) as RegisterTaskDefinitionRequest;

const register = (input: RegisterTaskDefinitionRequest): StoredTaskDefinition => normalizeTaskDefinition(input, ctx);

/** A minimal valid EC2/bridge definition with the given containers. */
function ec2(...containers: ContainerDefinition[]): RegisterTaskDefinitionRequest {
  return { family: 'web', containerDefinitions: containers };
}
const web = (extra: Partial<ContainerDefinition> = {}): ContainerDefinition => ({ name: 'web', image: 'nginx', memory: 128, ...extra });
const side = (extra: Partial<ContainerDefinition> = {}): ContainerDefinition => ({
  name: 'side',
  image: 'busybox',
  memory: 64,
  essential: false,
  ...extra,
});
const fargate = (extra: Partial<RegisterTaskDefinitionRequest> = {}): RegisterTaskDefinitionRequest => ({
  ...structuredClone(seed002),
  ...extra,
});

function rejects(fn: () => unknown, code: string, ...parts: string[]): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof AwsError, `expected AwsError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    for (const p of parts) assert.ok(e.message.includes(p), `message ${JSON.stringify(e.message)} should name ${JSON.stringify(p)}`);
    return true;
  });
}

describe('normalizeTaskDefinition: seed 002', () => {
  it('registers and fills what DescribeTaskDefinition shows', () => {
    const td = register(seed002);
    assert.equal(td.taskDefinitionArn, ctx.arn);
    assert.equal(td.family, 'ecs-taskdef');
    assert.equal(td.revision, 1);
    assert.equal(td.status, 'ACTIVE');
    assert.equal(td.registeredAt, ctx.registeredAt);
    assert.equal(td.registeredBy, undefined);
    assert.equal(td.cpu, '256');
    assert.equal(td.memory, '512');
    assert.equal(td.networkMode, 'awsvpc');
    assert.equal(td.executionRoleArn, seed002.executionRoleArn);
    assert.deepEqual(td.requiresCompatibilities, ['FARGATE']);
    assert.deepEqual(td.compatibilities, ['EC2', 'FARGATE']);
    assert.deepEqual(td.volumes, []);
    assert.deepEqual(td.placementConstraints, []);
    assert.ok(td.requiresAttributes!.some((a) => a.name === 'ecs.capability.task-eni'));
    assert.deepEqual(td.containerDefinitions, [
      {
        name: 'nginx-website',
        image: 'nginx',
        essential: true,
        cpu: 0,
        portMappings: [{ hostPort: 80, protocol: 'tcp', containerPort: 80 }],
        environment: [],
        mountPoints: [],
        volumesFrom: [],
      },
    ]);
  });

  it('does not modify its input', () => {
    const input = structuredClone(seed002);
    register(input);
    assert.deepEqual(input, seed002);
  });

  it('accepts its own Describe output back, ignoring output-only keys and tags', () => {
    const described = { ...register(seed002), deregisteredAt: 5, tags: [{ key: 'a', value: 'b' }] };
    const again = normalizeTaskDefinition(described as unknown as RegisterTaskDefinitionRequest, {
      arn: 'arn:x:2',
      revision: 2,
      registeredAt: 7,
      registeredBy: 'me',
    });
    assert.equal(again.revision, 2);
    assert.equal(again.taskDefinitionArn, 'arn:x:2');
    assert.equal(again.registeredAt, 7);
    assert.equal(again.registeredBy, 'me');
    assert.equal('deregisteredAt' in again, false);
    assert.equal('tags' in again, false);
    assert.deepEqual(again.containerDefinitions, register(seed002).containerDefinitions);
  });

  it('echoes model fields it has no rule for', () => {
    const td = register(
      fargate({
        runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
        ephemeralStorage: { sizeInGiB: 30 },
        enableFaultInjection: true,
        taskRoleArn: 'arn:aws:iam::1:role/t',
        containerDefinitions: [{ ...seed002.containerDefinitions[0], dockerLabels: { a: 'b' }, user: 'nginx', stopTimeout: 20 }],
      }),
    );
    assert.deepEqual(td.runtimePlatform, { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' });
    assert.deepEqual(td.ephemeralStorage, { sizeInGiB: 30 });
    assert.equal(td.enableFaultInjection, true);
    assert.equal(td.taskRoleArn, 'arn:aws:iam::1:role/t');
    const c = td.containerDefinitions![0];
    assert.deepEqual([c.dockerLabels, c.user, c.stopTimeout], [{ a: 'b' }, 'nginx', 20]);
  });
});

describe('normalizeTaskDefinition: family and containers', () => {
  it('checks the family pattern and length', () => {
    rejects(() => register({ ...ec2(web()), family: 'bad family!' }), 'ClientException', 'family', 'bad family!');
    rejects(() => register({ ...ec2(web()), family: 'a'.repeat(256) }), 'ClientException', 'family');
    rejects(() => register({ ...ec2(web()), family: '' }), 'ClientException', 'family');
    assert.equal(register({ ...ec2(web()), family: 'a'.repeat(255) }).family, 'a'.repeat(255));
  });

  it('needs at least one container', () => {
    rejects(() => register(ec2()), 'ClientException', 'containerDefinitions');
  });

  it('checks container names, duplicates and images', () => {
    rejects(() => register(ec2(web({ name: '' }))), 'ClientException', 'Container.name');
    rejects(() => register(ec2(web({ name: 'web app' }))), 'ClientException', "'web app'");
    rejects(() => register(ec2(web(), web({ essential: false }))), 'ClientException', "'web'", 'Duplicate');
    rejects(() => register(ec2(web({ image: undefined }))), 'ClientException', "'web'", 'Container.image');
    rejects(() => register(ec2(web({ image: ' ' }))), 'ClientException', "'web'", 'image');
  });

  it('needs an essential container; essential defaults to true', () => {
    rejects(() => register(ec2(web({ essential: false }))), 'ClientException', 'essential');
    assert.equal(register(ec2(web())).containerDefinitions![0].essential, true);
  });

  it('fills container defaults and echoes an absent networkMode as absent', () => {
    const td = register(ec2(web({ portMappings: [{ containerPort: 80 }] })));
    const c = td.containerDefinitions![0];
    assert.deepEqual([c.cpu, c.environment, c.mountPoints, c.volumesFrom], [0, [], [], []]);
    assert.deepEqual(c.portMappings, [{ containerPort: 80, protocol: 'tcp' }]);
    assert.equal('networkMode' in td, false);
    assert.equal('cpu' in td, false);
    assert.deepEqual(td.compatibilities, ['EC2']);
  });
});

describe('normalizeTaskDefinition: memory', () => {
  it('needs memory or memoryReservation without task memory', () => {
    rejects(
      () => register(ec2(web({ memory: undefined }))),
      'ClientException',
      "Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' must be specified.",
    );
    assert.equal(register(ec2(web({ memory: undefined, memoryReservation: 64 }))).containerDefinitions![0].memoryReservation, 64);
    assert.ok(register({ ...ec2(web({ memory: undefined })), memory: '512' }));
  });

  it('needs at least 6 MiB of memory', () => {
    rejects(() => register(ec2(web({ memory: 5 }))), 'ClientException', "'memory'", "container 'web'", '6 MiB');
    assert.ok(register(ec2(web({ memory: 6 }))));
  });

  it('rejects memoryReservation above memory', () => {
    rejects(() => register(ec2(web({ memory: 128, memoryReservation: 256 }))), 'ClientException', "'web'", 'memoryReservation');
    assert.ok(register(ec2(web({ memory: 128, memoryReservation: 128 }))));
  });
});

describe('parseTaskSize and task cpu/memory', () => {
  it('accepts units and human forms, stores integer strings', () => {
    assert.deepEqual(parseTaskSize('1 vCPU', '2 GB'), { cpu: 1024, memory: 2048 });
    assert.deepEqual(parseTaskSize('0.25 vCPU', '0.5 GB'), { cpu: 256, memory: 512 });
    assert.deepEqual(parseTaskSize('1024', '3072'), { cpu: 1024, memory: 3072 });
    assert.deepEqual(parseTaskSize(), {});
    const td = register({ ...fargate(), cpu: '1 vCPU', memory: '2 GB' });
    assert.deepEqual([td.cpu, td.memory], ['1024', '2048']);
  });

  it('rejects unparseable sizes naming the field', () => {
    rejects(() => parseTaskSize('lots'), 'ClientException', "'cpu'", 'lots');
    rejects(() => parseTaskSize(undefined, '1.3 MB'), 'ClientException', "'memory'");
    rejects(() => register({ ...ec2(web()), memory: '-1' }), 'ClientException', "'memory'");
  });
});

describe('normalizeTaskDefinition: Fargate', () => {
  it('needs awsvpc', () => {
    rejects(() => register(fargate({ networkMode: 'bridge' })), 'ClientException', 'awsvpc');
    rejects(() => register(fargate({ networkMode: undefined })), 'ClientException', 'awsvpc');
    assert.equal('networkMode' in register({ ...ec2(web()), networkMode: undefined }), false);
  });

  it('needs task cpu and memory', () => {
    rejects(() => register(fargate({ cpu: undefined })), 'ClientException', "'cpu'");
    rejects(() => register(fargate({ memory: undefined })), 'ClientException', "'memory'");
  });

  it('needs a valid cpu/memory pair', () => {
    rejects(
      () => register(fargate({ cpu: '1024', memory: '1024' })),
      'ClientException',
      'No Fargate configuration exists for given values: 1024 CPU, 1024 memory. See the Amazon ECS documentation for the valid values.',
    );
    rejects(() => register(fargate({ cpu: '8192', memory: '18432' })), 'ClientException', '8192 CPU, 18432 memory');
    for (const [cpu, memory] of [
      ['256', '2048'],
      ['512', '4096'],
      ['4096', '30720'],
      ['8192', '20480'],
      ['16384', '122880'],
    ]) {
      assert.deepEqual(register(fargate({ cpu, memory })).compatibilities, ['EC2', 'FARGATE'], `${cpu}/${memory}`);
    }
  });

  it('needs an execution role for awslogs', () => {
    const c = { ...seed002.containerDefinitions[0], logConfiguration: { logDriver: 'awslogs' as const } };
    rejects(
      () => register(fargate({ executionRoleArn: undefined, containerDefinitions: [c] })),
      'ClientException',
      'execution role',
      'awslogs',
    );
  });

  it('lists FARGATE in compatibilities only when Fargate-valid', () => {
    const awsvpc = { ...ec2(web()), networkMode: 'awsvpc' as const };
    assert.deepEqual(register(awsvpc).compatibilities, ['EC2']);
    assert.deepEqual(register({ ...awsvpc, cpu: '512', memory: '1024' }).compatibilities, ['EC2', 'FARGATE']);
    assert.deepEqual(register({ ...ec2(web()), cpu: '512', memory: '1024' }).compatibilities, ['EC2']);
  });
});

describe('normalizeTaskDefinition: networking', () => {
  it('awsvpc and host need hostPort == containerPort and default it', () => {
    for (const networkMode of ['awsvpc', 'host'] as const) {
      rejects(
        () => register({ ...ec2(web({ portMappings: [{ containerPort: 80, hostPort: 8080 }] })), networkMode }),
        'ClientException',
        "'web'",
        `networkMode=${networkMode}`,
        'hostPort 8080',
      );
      const td = register({ ...ec2(web({ portMappings: [{ containerPort: 80 }] })), networkMode });
      assert.deepEqual(td.containerDefinitions![0].portMappings, [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }]);
    }
  });

  it('none forbids port mappings', () => {
    rejects(
      () => register({ ...ec2(web({ portMappings: [{ containerPort: 80 }] })), networkMode: 'none' }),
      'ClientException',
      "'web'",
      'networkMode=none',
    );
  });

  it('checks port ranges', () => {
    rejects(() => register(ec2(web({ portMappings: [{ containerPort: 70000 }] }))), 'ClientException', "'web'", 'containerPort');
    rejects(() => register(ec2(web({ portMappings: [{ hostPort: 80 }] }))), 'ClientException', "'web'", 'containerPort');
  });

  it('allows links only in bridge mode and only to other containers', () => {
    assert.ok(register(ec2(web({ links: ['side:db'] }), side())));
    rejects(
      () => register({ ...ec2(web({ links: ['side'] }), side()), networkMode: 'awsvpc' }),
      'ClientException',
      "'web'",
      'Links',
      'awsvpc',
    );
    rejects(() => register(ec2(web({ links: ['ghost:db'] }), side())), 'ClientException', "'web'", 'ghost:db');
  });
});

describe('normalizeTaskDefinition: dependsOn', () => {
  it('must reference another existing container', () => {
    rejects(() => register(ec2(web({ dependsOn: [{ containerName: 'ghost', condition: 'START' }] }))), 'ClientException', "'web'", 'ghost');
    rejects(
      () => register(ec2(web({ dependsOn: [{ containerName: 'web', condition: 'START' }] }))),
      'ClientException',
      "'web'",
      'dependsOn',
    );
  });

  it('COMPLETE and SUCCESS may not target an essential container', () => {
    for (const condition of ['COMPLETE', 'SUCCESS'] as const) {
      rejects(
        () => register(ec2(web({ dependsOn: [{ containerName: 'side', condition }] }), side({ essential: true }))),
        'ClientException',
        "'web'",
        condition,
        "'side'",
      );
      assert.ok(register(ec2(web({ dependsOn: [{ containerName: 'side', condition }] }), side())));
    }
    assert.ok(register(ec2(web({ dependsOn: [{ containerName: 'side', condition: 'START' }] }), side({ essential: true }))));
  });

  it('HEALTHY requires a healthCheck on the target', () => {
    rejects(
      () => register(ec2(web({ dependsOn: [{ containerName: 'side', condition: 'HEALTHY' }] }), side())),
      'ClientException',
      "'web'",
      'HEALTHY',
      "'side'",
      'healthCheck',
    );
    const hc = { command: ['CMD', 'true'] };
    assert.ok(register(ec2(web({ dependsOn: [{ containerName: 'side', condition: 'HEALTHY' }] }), side({ healthCheck: hc }))));
  });

  it('rejects unknown conditions and cycles', () => {
    rejects(
      () => register(ec2(web({ dependsOn: [{ containerName: 'side', condition: 'READY' as 'START' }] }), side())),
      'ClientException',
      'READY',
    );
    rejects(
      () =>
        register(
          ec2(
            web({ dependsOn: [{ containerName: 'side', condition: 'START' }] }),
            side({ dependsOn: [{ containerName: 'web', condition: 'START' }] }),
          ),
        ),
      'ClientException',
      'cycle',
    );
  });
});

describe('normalizeTaskDefinition: healthCheck', () => {
  it('fills defaults and keeps startPeriod as given', () => {
    const td = register(ec2(web({ healthCheck: { command: ['CMD-SHELL', 'curl -f localhost'], startPeriod: 10 } })));
    assert.deepEqual(td.containerDefinitions![0].healthCheck, {
      command: ['CMD-SHELL', 'curl -f localhost'],
      interval: 30,
      timeout: 5,
      retries: 3,
      startPeriod: 10,
    });
    assert.ok(register(ec2(web({ healthCheck: { command: ['NONE'] } }))));
  });

  it('requires CMD, CMD-SHELL or NONE first', () => {
    rejects(
      () => register(ec2(web({ healthCheck: { command: ['curl', 'localhost'] } }))),
      'ClientException',
      "'web'",
      'healthCheck.command',
    );
    rejects(() => register(ec2(web({ healthCheck: { command: [] } }))), 'ClientException', 'healthCheck.command');
  });

  it('checks ranges', () => {
    const cases: [string, number][] = [
      ['interval', 4],
      ['interval', 301],
      ['timeout', 1],
      ['timeout', 61],
      ['retries', 0],
      ['retries', 11],
      ['startPeriod', -1],
      ['startPeriod', 301],
    ];
    for (const [field, value] of cases) {
      rejects(
        () => register(ec2(web({ healthCheck: { command: ['CMD', 'true'], [field]: value } }))),
        'ClientException',
        "'web'",
        `healthCheck.${field}`,
        String(value),
      );
    }
  });
});

describe('containerReservation', () => {
  it('uses task-level size when given', () => {
    assert.deepEqual(containerReservation(register(seed002)), { cpu: 256, memoryMiB: 512, ports: [] });
  });

  it('sums containers, preferring memoryReservation, and lists static bridge ports', () => {
    const td = register(
      ec2(
        web({
          cpu: 256,
          memory: 512,
          memoryReservation: 256,
          portMappings: [
            { containerPort: 80, hostPort: 8080 },
            { containerPort: 53, hostPort: 53, protocol: 'udp' },
          ],
        }),
        side({ cpu: 128, portMappings: [{ containerPort: 81 }, { containerPort: 82, hostPort: 0 }] }),
      ),
    );
    assert.deepEqual(containerReservation(td), {
      cpu: 384,
      memoryMiB: 320,
      ports: [
        { port: 8080, protocol: 'tcp' },
        { port: 53, protocol: 'udp' },
      ],
    });
  });

  it('reserves containerPort in host mode', () => {
    const td = register({ ...ec2(web({ portMappings: [{ containerPort: 80 }] })), networkMode: 'host' });
    assert.deepEqual(containerReservation(td).ports, [{ port: 80, protocol: 'tcp' }]);
  });
});

describe('container overrides', () => {
  const td = register(
    ec2(
      web({
        command: ['nginx'],
        environment: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
      }),
      side(),
    ),
  );

  it('rejects overrides for containers that do not exist', () => {
    rejects(() => validateContainerOverrides(td, { containerOverrides: [{ name: 'ghost' }] }), 'InvalidParameterException', 'ghost');
    validateContainerOverrides(td, { containerOverrides: [{ name: 'web' }] });
    validateContainerOverrides(td, { containerOverrides: [] });
    validateContainerOverrides(td, undefined);
  });

  it('applies command, merged environment and sizes without touching the definition', () => {
    const before = structuredClone(td);
    const out = applyOverrides(td, {
      containerOverrides: [
        {
          name: 'web',
          command: ['sh', '-c', 'echo hi'],
          cpu: 64,
          memory: 256,
          memoryReservation: 200,
          environment: [
            { name: 'B', value: 'two' },
            { name: 'C', value: '3' },
          ],
        },
      ],
    });
    assert.deepEqual(out[0].command, ['sh', '-c', 'echo hi']);
    assert.deepEqual(out[0].environment, [
      { name: 'A', value: '1' },
      { name: 'B', value: 'two' },
      { name: 'C', value: '3' },
    ]);
    assert.deepEqual([out[0].cpu, out[0].memory, out[0].memoryReservation], [64, 256, 200]);
    assert.deepEqual(out[1], td.containerDefinitions![1]);
    assert.deepEqual(td, before);
    assert.deepEqual(applyOverrides(td, { containerOverrides: [] }), td.containerDefinitions);
  });
});
